/**
 * The relay's promises that broke when clients sit on different nodes: a
 * message sent the moment a receiver opened, a client that never reads fed
 * from another node, and a stream of 64 KiB messages while many ids are away
 * (as after a busy minute: every client that left inside its resume window).
 */

import assert from "node:assert/strict";
import type { Client } from "../relay/hub.ts";
import { closeAll, type Received, TestClient } from "../testing/test_client.ts";
import { delay } from "../testing/wait.ts";
import {
  clusterTest,
  LEASE_SECONDS,
  leaveAway,
  live,
  redisMemory,
  settled,
  startNode,
} from "./cluster_nodes.ts";
import { RawClient } from "./raw_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { redisCli } from "../testing/redis_server.ts";

const SIZE = 64 * 1024;
/** Messages in flight between a publisher and its readers: 8 × 64 KiB, under the 1 MiB backlog. */
const WINDOW = 8;

function numbered(index: number): Uint8Array {
  const message = new Uint8Array(SIZE).fill(index & 0xff);
  new DataView(message.buffer).setUint32(0, index);
  return message;
}

function assertNumbered(message: Received, index: number, who: string): void {
  assert.ok(message instanceof Uint8Array, `${who}: message ${index} is binary`);
  assert.equal(message.length, SIZE, `${who}: message ${index} is whole`);
  assert.equal(
    new DataView(message.buffer).getUint32(0),
    index,
    `${who}: message ${index} in order`,
  );
  assert.equal(message[SIZE - 1], index & 0xff, `${who}: message ${index} intact`);
}

/** Streams `count` numbered 64 KiB messages, WINDOW at a time, each window read by every reader. */
async function stream(
  publisher: TestClient,
  readers: TestClient[],
  count: number,
  afterWindow: (sent: number) => Promise<void> | void = () => {},
): Promise<void> {
  for (let sent = 0; sent < count; sent += WINDOW) {
    for (let i = sent; i < sent + WINDOW; i++) publisher.socket.send(numbered(i));
    for (const [r, reader] of readers.entries()) {
      for (let i = sent; i < sent + WINDOW; i++) {
        assertNumbered(await reader.next(20_000), i, `reader ${r}`);
      }
    }
    await afterWindow(sent + WINDOW);
  }
}

async function listedIds(httpUrl: string): Promise<string[]> {
  const list = await (await fetch(`${httpUrl}/clients`)).json();
  return list.map((c: { id: string }) => c.id);
}

clusterTest(
  "a message sent the moment a receiver on another node opened reaches it, an empty text too",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    // Node B fetches a new client's window 300 ms late, as a busy node or a slow link to Redis
    // would: what node A publishes meanwhile must still reach the client once it is live.
    const resume = b.running.relay.resume;
    const take = resume.take.bind(resume);
    resume.take = (client: Client, ready) => void setTimeout(() => take(client, ready), 300);
    const sender = await TestClient.open(`${a.url}sender`);
    await live(a, ["sender"]);
    const receiver = await TestClient.open(`${b.url}receiver`);
    try {
      sender.socket.send("");
      sender.socket.send(new Uint8Array(0));
      sender.socket.send("after");
      assert.equal(await receiver.next(5000), "");
      assert.deepEqual(await receiver.next(5000), new Uint8Array(0));
      assert.equal(await receiver.next(5000), "after");
      assert.ok(await receiver.silentFor(200), "each once");
    } finally {
      await closeAll([sender, receiver]);
    }
  },
);

clusterTest(
  "64 KiB messages cross nodes complete and in order while 200 ids are away, kept once in Redis",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await leaveAway(redis, [a.url, b.url], 200);
    const publisher = await TestClient.open(`${a.url}publisher`);
    const readers = [
      await TestClient.open(`${b.url}reader-b1`),
      await TestClient.open(`${a.url}reader-a`),
      await TestClient.open(`${b.url}reader-b2`),
    ];
    try {
      await settled(publisher, readers);
      let keptPeak = 0;
      await stream(publisher, readers, 400, async (sent) => {
        if (sent % 80 !== 0) return;
        keptPeak = Math.max(
          keptPeak,
          Number(await redisCli(redis.port, "GET", "test:resume:total")),
        );
      });
      for (const reader of readers) assert.ok(await reader.silentFor(0), "nothing twice");
      // What a returning id may get is 256 KiB (--resume-max-bytes); Redis keeps that once, not
      // once per away id (200 × 256 KiB).
      assert.ok(keptPeak <= 256 * 1024, `Redis kept ${keptPeak} bytes of messages`);
      const back = await TestClient.open(`${b.url}gone-7`);
      try {
        for (let i = 396; i < 400; i++) assertNumbered(await back.next(5000), i, "returning id");
        assert.ok(await back.silentFor(100), "only the newest 256 KiB");
      } finally {
        await back[Symbol.asyncDispose]();
      }
    } finally {
      await closeAll([publisher, ...readers]);
    }
  },
);

clusterTest(
  "a client that never reads, fed from another node, is dropped; its id is free on every node, memory bounded",
  async (redis) => {
    await using a = await startRelayProcess([
      "--redis",
      redis.url,
      "--cluster",
      "test",
      "--lease",
      String(LEASE_SECONDS),
    ]);
    await using b = await startNode(redis, "node-b");
    await leaveAway(redis, [a.url, b.url], 200);
    const { client: paused } = await RawClient.connect({ port: a.port, path: "/paused" });
    const publisher = await TestClient.open(`${b.url}publisher`);
    const readers = [
      await TestClient.open(`${a.url}reader-a1`),
      await TestClient.open(`${b.url}reader-b`),
      await TestClient.open(`${a.url}reader-a2`),
    ];
    try {
      await settled(publisher, readers);
      const rssBefore = a.rssBytes();
      const redisBefore = await redisMemory(redis);
      let rssPeak = rssBefore;
      let redisPeak = redisBefore;
      let droppedBy: number | undefined;
      const count = 800; // 52 MB to each reader
      await stream(publisher, readers, count, async (sent) => {
        rssPeak = Math.max(rssPeak, a.rssBytes());
        if (sent % 80 === 0) redisPeak = Math.max(redisPeak, await redisMemory(redis));
        if (droppedBy === undefined && !(await listedIds(b.httpUrl)).includes("paused")) {
          droppedBy = sent;
        }
      });
      assert.ok(droppedBy !== undefined && droppedBy < count, "dropped while the stream flowed");
      const metrics = await (await fetch(`${a.httpUrl}/metrics`)).text();
      assert.match(metrics, /^relay_drops_total\{reason="backlog"\} 1$/m, "only the paused one");
      for (const httpUrl of [a.httpUrl, b.httpUrl]) {
        assert.ok(!(await listedIds(httpUrl)).includes("paused"), `not listed by ${httpUrl}`);
      }
      const again = await TestClient.open(`${b.url}paused?resume=0`);
      await again[Symbol.asyncDispose]();
      // The single-node bound: what one client may hold (8 × 1 MiB) plus allocator slack; the
      // whole stream held for the paused client would be 52 MB more.
      const rssGrowth = rssPeak - rssBefore;
      assert.ok(rssGrowth < 120 * 1024 * 1024, `node RSS grew ${rssGrowth >> 20} MiB`);
      // Redis holds one 256 KiB window of messages for the 200 away ids, not one each (51 MB).
      const redisGrowth = redisPeak - redisBefore;
      assert.ok(redisGrowth < 16 * 1024 * 1024, `Redis memory grew ${redisGrowth >> 20} MiB`);
    } finally {
      paused.close();
      await closeAll([publisher, ...readers]);
      await delay(0);
    }
  },
);
