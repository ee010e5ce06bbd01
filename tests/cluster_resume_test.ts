/**
 * The resume window of a cluster, on a real redis-server: kept messages live
 * in Redis, so a client that left one node gets what it missed on another,
 * or on the same node after it restarted; in order, once, before live traffic.
 */

import assert from "node:assert/strict";
import { clusterTest, settled, startNode, type TestNode } from "./cluster_nodes.ts";
import { redisCli, type RedisServer } from "../testing/redis_server.ts";
import { closeAll, type Received, startNumberStream, TestClient } from "../testing/test_client.ts";
import { delay, waitFor } from "../testing/wait.ts";

/**
 * Waits until Redis holds each id as away (node A marks it without waiting, as the client
 * leaves): a message published before the mark lands would not be kept for it.
 */
function markedAway(redis: RedisServer, ids: string[]): Promise<void> {
  return waitFor(`${ids.join(", ")} marked away`, async () => {
    for (const id of ids) {
      if ((await redisCli(redis.port, "ZSCORE", "test:resume:away", id)) === "") {
        return false;
      }
    }
    return true;
  });
}

function idFree(nodes: TestNode[], id: string): Promise<void> {
  return waitFor(
    `${id} to be released`,
    () => nodes.every((node) => node.running.relay.hub.holder(id) === undefined),
  );
}

async function receiveAll(client: TestClient, count: number): Promise<Received[]> {
  const messages: Received[] = [];
  for (let i = 0; i < count; i++) messages.push(await client.next(5000));
  return messages;
}

/** Published and kept: the sender's node counted them, and Redis answered. */
function published(node: TestNode, count: number): Promise<void> {
  return waitFor(`${count} published`, () => publishedCount(node) >= count);
}

function publishedCount(node: TestNode): number {
  return node.running.relay.metrics.messagesIn;
}

clusterTest(
  "a client that left node A gets what it missed on node B, text and binary, then live traffic",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const sender = await TestClient.open(`${b.url}sender`);
    const device = await TestClient.open(`${a.url}device`);
    try {
      await settled(sender, [device]);
      await device[Symbol.asyncDispose]();
      await idFree([a, b], "device");
      await markedAway(redis, ["device"]);
      sender.socket.send("status?");
      sender.socket.send(new Uint8Array([0, 0x81, 0xff]));
      await published(b, 3);
      await delay(100);
      await using back = await TestClient.open(`${b.url}device`);
      sender.socket.send("live");
      assert.deepEqual(await receiveAll(back, 3), [
        "status?",
        new Uint8Array([0, 0x81, 0xff]),
        "live",
      ]);
      assert.ok(await back.silentFor(200), "each kept message once");
      assert.equal(b.running.relay.metrics.resumeReplayed, 2);
    } finally {
      await sender[Symbol.asyncDispose]();
    }
  },
);

clusterTest(
  "a node's restart loses nothing: its clients get what they missed on another node",
  async (redis) => {
    const a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const sender = await TestClient.open(`${b.url}sender`);
    const device = await TestClient.open(`${a.url}device`);
    try {
      await settled(sender, [device]);
      await a[Symbol.asyncDispose](); // clean shutdown: close 1001, ids freed, windows kept
      assert.equal((await device.closed).code, 1001);
      sender.socket.send("while the node was down");
      await published(b, 2);
      await delay(100);
      await using back = await TestClient.open(`${b.url}device`);
      assert.equal(await back.next(5000), "while the node was down");
    } finally {
      await closeAll([sender, device]);
    }
  },
);

clusterTest(
  "no live message overtakes a kept one across nodes: every number once, in order",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using c = await startNode(redis, "node-c");
    const sender = await TestClient.open(`${c.url}stream`);
    const reader = await TestClient.open(`${a.url}reader`);
    await settled(sender, [reader]);
    const stream = startNumberStream(sender, 10);
    try {
      await waitFor("the stream to flow", () => stream.sent > 200);
      await reader[Symbol.asyncDispose]();
      await idFree([a, b, c], "reader");
      await markedAway(redis, ["reader"]);
      const back = await TestClient.open(`${b.url}reader`); // a third node, while it flows on
      try {
        await delay(100);
        await stream.stop();
        const first = Number(await back.next(5000));
        for (let expected = first + 1; expected < stream.sent; expected++) {
          assert.equal(await back.next(5000), String(expected), "every number once, in order");
        }
        assert.ok(await back.silentFor(200));
        assert.ok(b.running.relay.metrics.resumeReplayed > 0, "some came from the window");
      } finally {
        await back[Symbol.asyncDispose]();
      }
    } finally {
      await stream.stop();
      await sender[Symbol.asyncDispose]();
    }
  },
);

clusterTest(
  "cluster windows expire, keep the newest past the per-id cap, and honour ?resume=0",
  async (redis) => {
    const limits = { resumeWindowSeconds: 0.5, resumeMaxMessages: 2 };
    await using a = await startNode(redis, "node-a", limits);
    await using b = await startNode(redis, "node-b", limits);
    const sender = await TestClient.open(`${b.url}sender`);
    const [few, late, plain] = [
      await TestClient.open(`${a.url}few`),
      await TestClient.open(`${a.url}late`),
      await TestClient.open(`${a.url}plain?resume=0`),
    ];
    try {
      await settled(sender, [few, late, plain]);
      await closeAll([few, late, plain]);
      await idFree([a, b], "plain");
      await markedAway(redis, ["few", "late"]);
      for (const text of ["1", "2", "3"]) sender.socket.send(text);
      await published(b, 4);
      await delay(100);
      await using fewBack = await TestClient.open(`${b.url}few`);
      assert.deepEqual(await receiveAll(fewBack, 2), ["2", "3"]);
      await using plainBack = await TestClient.open(`${b.url}plain`);
      assert.ok(await plainBack.silentFor(200), "nothing kept for a client that opted out");
      await delay(600);
      await using lateBack = await TestClient.open(`${a.url}late`);
      assert.ok(await lateBack.silentFor(200), "the window closed");
      const discarded = a.running.relay.metrics.resumeDiscarded.expired +
        b.running.relay.metrics.resumeDiscarded.expired;
      assert.ok(discarded >= 2, `expired messages counted (${discarded})`);
      assert.ok(b.running.relay.metrics.resumeDiscarded.max_messages >= 1);
    } finally {
      await sender[Symbol.asyncDispose]();
    }
  },
);
