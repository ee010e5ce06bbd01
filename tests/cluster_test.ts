/**
 * Relays as nodes of a cluster on a real redis-server (`--redis`): messages
 * cross nodes unchanged and in order, ids stay unique cluster-wide, a killed
 * node's ids come free within the lease, and a Redis outage degrades the
 * cluster to local delivery until it comes back.
 */

import assert from "node:assert/strict";
import { startClusterNode } from "../relay/cluster.ts";
import { createLogger } from "../relay/logger.ts";
import { DEFAULT_OPTIONS, type RelayOptions } from "../relay/options.ts";
import { type RunningRelay, startRelay } from "../relay/serve.ts";
import { closeAll, delay, TestClient, waitFor } from "./helpers.ts";
import { startRelayProcess } from "./relay_process.ts";
import { type RedisServer, redisServerBinary, startRedisServer } from "./redis_server.ts";

const REDIS = redisServerBinary();
const LEASE_SECONDS = 1.5;

/** A relay node in this process. */
interface TestNode extends AsyncDisposable {
  running: RunningRelay;
  url: string;
  httpUrl: string;
  node: string;
  logs: string[];
}

async function startNode(
  redis: RedisServer,
  name: string,
  overrides: Partial<RelayOptions> = {},
): Promise<TestNode> {
  const logs: string[] = [];
  const options: RelayOptions = {
    ...DEFAULT_OPTIONS,
    host: "127.0.0.1",
    port: 0,
    logLevel: "debug",
    logFormat: "json",
    redis: redis.url,
    cluster: "test",
    leaseSeconds: LEASE_SECONDS,
    ...overrides,
  };
  const logger = createLogger({ level: "debug", format: "json", write: (l) => logs.push(l) });
  const cluster = await startClusterNode({
    url: options.redis!,
    cluster: options.cluster,
    leaseSeconds: options.leaseSeconds,
    logger,
    nodeId: name,
    probeIntervalMs: 200,
  });
  const running = startRelay({ options, logger, cluster });
  return {
    running,
    url: running.url,
    httpUrl: `http://127.0.0.1:${running.addr.port}`,
    node: name,
    logs,
    async [Symbol.asyncDispose]() {
      await running.shutdown();
    },
  };
}

function clusterTest(name: string, fn: (redis: RedisServer) => Promise<void>) {
  Deno.test({
    name,
    ignore: REDIS === undefined,
    async fn() {
      await using redis = await startRedisServer({ binary: REDIS! });
      await fn(redis);
    },
  });
}

/** Waits until the cluster has delivered `sender`'s probe to every receiver (bus subscribed). */
async function settled(sender: TestClient, receivers: TestClient[]): Promise<void> {
  sender.socket.send("ready?");
  for (const receiver of receivers) assert.equal(await receiver.next(5000), "ready?");
}

clusterTest(
  "text and binary cross nodes unchanged, once, and not back to the sender",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const sender = await TestClient.open(`${a.url}sender`);
    const local = await TestClient.open(`${a.url}local`);
    const remote = await TestClient.open(`${b.url}remote`);
    try {
      const bytes = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);
      sender.socket.send("héllo ✓ 😀");
      sender.socket.send(bytes);
      sender.socket.send(new Uint8Array(0));
      sender.socket.send("");
      for (const receiver of [local, remote]) {
        assert.equal(await receiver.next(), "héllo ✓ 😀");
        assert.deepEqual(await receiver.next(), bytes);
        assert.deepEqual(await receiver.next(), new Uint8Array(0));
        assert.equal(await receiver.next(), "");
      }
      remote.socket.send("from b");
      assert.equal(await sender.next(), "from b");
      assert.equal(await local.next(), "from b");
      assert.ok(await sender.silentFor(200), "the sender must not get its own messages back");
      assert.ok(await remote.silentFor(0), "each message arrives once");
      assert.ok(await local.silentFor(0), "each message arrives once");
    } finally {
      await closeAll([sender, local, remote]);
    }
  },
);
