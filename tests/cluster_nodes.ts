/**
 * Relay nodes of a test cluster on a real redis-server, for the cluster and
 * cluster resume tests.
 *
 * @module
 */

import assert from "node:assert/strict";
import { startClusterNode } from "../relay/cluster.ts";
import { createLogger } from "../relay/logger.ts";
import type { RelayOptions } from "../relay/options.ts";
import { closeAll, startTestRelay, TestClient, type TestRelay } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import {
  redisCli,
  type RedisServer,
  redisServerBinary,
  startRedisServer,
} from "../testing/redis_server.ts";

/** The redis-server binary, if installed. */
export const REDIS = redisServerBinary();
/** A short lease, so that killed nodes free their ids quickly. */
export const LEASE_SECONDS = 1.5;

/** A relay node in this process, named `node`. */
export interface TestNode extends TestRelay {
  /** The node's name. */
  node: string;
}

/** Starts a relay in this process as node `name` of the cluster `test`. */
export async function startNode(
  redis: Pick<RedisServer, "url">,
  name: string,
  overrides: Partial<RelayOptions> = {},
): Promise<TestNode> {
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", format: "json", write: (line) => logs.push(line) });
  const node = await startClusterNode({
    url: redis.url,
    cluster: "test",
    leaseSeconds: LEASE_SECONDS,
    logger,
    nodeId: name,
    probeIntervalMs: 200,
  });
  const options = { redis: redis.url, cluster: "test", leaseSeconds: LEASE_SECONDS, ...overrides };
  return Object.assign(startTestRelay(options, undefined, { node, logs }), { node: name });
}

/** A test that gets its own redis-server on a free port (ignored when none is installed). */
export function clusterTest(name: string, fn: (redis: RedisServer) => Promise<void>) {
  Deno.test({
    name,
    ignore: REDIS === undefined,
    async fn() {
      await using redis = await startRedisServer({ binary: REDIS! });
      // A hang (an await that never settles) fails the test instead of stalling the whole run.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`"${name}" took over 60 s`)), 60_000);
      });
      try {
        await Promise.race([fn(redis), limit]);
      } finally {
        clearTimeout(timer);
      }
    },
  });
}

/** Waits until the cluster has delivered `sender`'s probe to every receiver (bus subscribed). */
export async function settled(sender: TestClient, receivers: TestClient[]): Promise<void> {
  sender.socket.send("ready?");
  for (const receiver of receivers) assert.equal(await receiver.next(5000), "ready?");
}

/**
 * Waits until each id is live on `node`: open, and its resume window fetched
 * from Redis. A test that stops Redis right after a client opened would
 * otherwise cut that fetch off.
 */
export function live(node: TestRelay, ids: string[]): Promise<void> {
  return waitFor(
    `${ids.join(", ")} live`,
    () => ids.every((id) => node.running.relay.hub.holder(id)?.receiving === true),
  );
}

/**
 * Leaves `count` ids away, as a busy cluster has: clients that connected (alternately on each
 * of `urls`) and left inside their resume window. Resolves once Redis holds all of them away.
 */
export async function leaveAway(
  redis: Pick<RedisServer, "port">,
  urls: string[],
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    const clients = await Promise.all(
      Array.from(
        { length: Math.min(50, count - i) },
        (_, j) => TestClient.open(`${urls[(i + j) % urls.length]}gone-${i + j}`),
      ),
    );
    await closeAll(clients);
  }
  await waitFor(`${count} ids away`, async () => {
    return Number(await redisCli(redis.port, "ZCARD", "test:resume:away")) >= count;
  });
}

/** Bytes of memory Redis uses (`INFO memory`'s used_memory). */
export async function redisMemory(redis: Pick<RedisServer, "port">): Promise<number> {
  const info = await redisCli(redis.port, "INFO", "memory");
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}
