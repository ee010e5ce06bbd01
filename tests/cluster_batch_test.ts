/**
 * Batched publishing (relay/cluster_batch.ts) on a real redis-server: the
 * frames a node publishes in one event-loop turn leave in one script call,
 * every receiver gets each sender's frames in order, big frames go alone,
 * and the Lua side of the frame layout is the one relay/cluster_frame.ts
 * encodes.
 *
 * The nodes are the real ClusterNode code in this process; their hubs are
 * stand-ins that record what each node delivers, so the frames of one turn
 * are exactly the ones a test publishes between two awaits.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { ALONE_BYTES, MAX_BATCH_BYTES } from "../relay/cluster_batch.ts";
import { BusSubscriber } from "../relay/redis_subscriber.ts";
import { RedisCommands } from "../relay/redis_commands.ts";
import { type ClusterNode, startClusterNode } from "../relay/cluster.ts";
import {
  batchFrames,
  decodeFrame,
  encodeBatch,
  encodeMessage,
  encodeReplace,
  isBatchFrame,
  LUA_FRAMES,
} from "../relay/cluster_frame.ts";
import { connectRedis } from "../relay/cluster_redis.ts";
import type { Client } from "../relay/hub.ts";
import { createLogger } from "../relay/logger.ts";
import { parseMessage, type Party } from "../relay/routing.ts";
import { clusterTest } from "./cluster_nodes.ts";
import { redisCli, type RedisServer } from "../testing/redis_server.ts";
import { delay, waitFor } from "../testing/wait.ts";

const MAX_MESSAGE_BYTES = 256 * 1024;

/** What a node delivered to its clients, in order: `sender: text` (binary as its length). */
interface Recorder extends AsyncDisposable {
  node: ClusterNode;
  delivered: string[];
}

function label(sender: string, data: string | ArrayBuffer): string {
  return `${sender}: ${typeof data === "string" ? data : `<${data.byteLength} bytes>`}`;
}

async function startRecorder(redis: RedisServer, nodeId: string): Promise<Recorder> {
  const node = await startClusterNode({
    url: redis.url,
    cluster: "test",
    leaseSeconds: 15,
    logger: createLogger({ level: "silent", format: "text" }),
    nodeId,
  });
  const delivered: string[] = [];
  node.bus.connect({
    deliver: (sender: Party, data: string | ArrayBuffer) => delivered.push(label(sender.id, data)),
    notify: (text: string) => delivered.push(`event: ${text}`),
    replaced() {},
  });
  return { node, delivered, [Symbol.asyncDispose]: () => node.close() };
}

/** Holds `id` on `node` as `role`, so that routed frames find the node in Redis. */
async function hold(node: ClusterNode, id: string, role: Party["role"]): Promise<void> {
  const claim = await node.claim({ id, remote: "127.0.0.1:1", replace: false, role });
  assert.ok(claim.ok, `claim of ${id}`);
}

function publish(node: ClusterNode, sender: Party, data: string | ArrayBuffer): void {
  node.bus.publish(sender, data, () => parseMessage(data, MAX_MESSAGE_BYTES));
}

/** Every raw message published on the bus channels of the `test` cluster, in order. */
async function rawBus(redis: RedisServer, channels: string[]) {
  const subscriber = new BusSubscriber({
    url: redis.url,
    connectionName: "test-raw",
    retryStrategy: () => 100,
  });
  const messages: Uint8Array[] = [];
  subscriber.on("messageBuffer", (_channel: Uint8Array, message: Uint8Array) => {
    messages.push(message.slice());
  });
  await subscriber.connect();
  for (const channel of channels) await subscriber.subscribe(channel);
  return {
    messages,
    [Symbol.asyncDispose]: async () => {
      const ended = new Promise((resolve) => subscriber.once("end", resolve));
      await subscriber.quit();
      await ended;
    },
  };
}

/** Labels of the message frames in raw bus messages, batches unpacked, in order. */
function unpacked(messages: Uint8Array[]): string[] {
  return messages.flatMap((message) => isBatchFrame(message) ? batchFrames(message)! : [message])
    .map((bytes) => decodeFrame(bytes))
    .flatMap((frame) =>
      frame?.kind === "text" || frame?.kind === "binary" ? [label(frame.sender, frame.data)] : []
    );
}

/** The message frames in the resume window's shared log, oldest first. */
async function loggedFrames(redis: RedisServer): Promise<string[]> {
  const commands = new RedisCommands({
    url: redis.url,
    connectionName: "log",
    retryStrategy: () => 100,
  });
  await commands.connect();
  try {
    const log = await commands.command(["LRANGE", "test:resume:log", "0", "-1"], true) as Buffer[];
    return unpacked(log);
  } finally {
    await commands.quit();
  }
}

const device = (id: string): Party => ({ id, role: "device" });
const operator = (id: string): Party => ({ id, role: "operator" });

clusterTest(
  "one turn's frames leave in one call; each node gets every frame meant for it, in order, under interleaving",
  async (redis) => {
    await using a = await startRecorder(redis, "node-a");
    await using b = await startRecorder(redis, "node-b");
    await using c = await startRecorder(redis, "node-c");
    await hold(b.node, "console", "operator");
    await hold(c.node, "esp32-c", "device");
    const callsBefore = a.node.metrics.publishCalls;
    // Devices and operators interleaved, to every node and to some: b holds the operator, so it
    // gets everything; c holds a device, so it gets what goes to every node or names esp32-c.
    const sent: { sender: Party; data: string | ArrayBuffer; toC: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      sent.push({ sender: device("esp32-1"), data: `SOS ${i}`, toC: false });
      sent.push({ sender: operator("op-a"), data: `{"to":"esp32-c","n":${i}}`, toC: true });
      sent.push({ sender: device("esp32-2"), data: `{"to":"*","n":${i}}`, toC: true });
      sent.push({ sender: operator("op-a"), data: `plain ${i}`, toC: true });
      sent.push({ sender: device("esp32-1"), data: new Uint8Array(i + 1).buffer, toC: false });
    }
    for (const { sender, data } of sent) publish(a.node, sender, data);
    const toB = sent.map(({ sender, data }) => label(sender.id, data));
    const toC = sent.filter(({ toC }) => toC).map(({ sender, data }) => label(sender.id, data));
    await waitFor("b's frames", () => b.delivered.length >= toB.length);
    await waitFor("c's frames", () => c.delivered.length >= toC.length);
    assert.deepEqual(b.delivered, toB);
    assert.deepEqual(c.delivered, toC);
    assert.equal(a.node.metrics.published, sent.length);
    assert.equal(a.node.metrics.publishCalls - callsBefore, 1, "one script call for the turn");
    assert.match(
      a.node.metrics.render({ up: true, nodes: 3 }),
      /^relay_cluster_publish_calls_total \d+$/m,
    );
  },
);

clusterTest(
  "while a call waits for Redis, the frames of the turns after it wait too and leave as one batch, in order",
  async (redis) => {
    await using a = await startRecorder(redis, "node-a");
    await using b = await startRecorder(redis, "node-b");
    await hold(b.node, "console", "operator");
    const callsBefore = a.node.metrics.publishCalls;
    // Redis holds every client's writes for a while: the first call stays unanswered.
    await redisCli(redis.port, "CLIENT", "PAUSE", "300", "WRITE");
    const sent: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      publish(a.node, device("esp32-1"), `SOS ${turn}`);
      sent.push(`esp32-1: SOS ${turn}`);
      await delay(10); // a turn of its own, each
    }
    assert.equal(a.node.metrics.publishCalls - callsBefore, 1, "only the first turn's call left");
    await waitFor("b's frames", () => b.delivered.length >= sent.length);
    assert.deepEqual(b.delivered, sent);
    assert.equal(a.node.metrics.publishCalls - callsBefore, 2, "then the 4 turns after it, as one");
  },
);

clusterTest(
  "with the resume window on, a batch keeps in the shared log what an away device may get, in order",
  async (redis) => {
    await using a = await startRecorder(redis, "node-a");
    await using b = await startRecorder(redis, "node-b");
    const limits = {
      windowMs: 30_000,
      maxMessages: 100,
      maxBytes: 65536,
      maxTotalBytes: 1 << 20,
    };
    const discarded: string[] = [];
    const keeper = (node: ClusterNode) =>
      node.resumeKeeper({
        ...limits,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        onDiscard: (reason) => discarded.push(reason),
      });
    // Claimed before b keeps windows: a claim with the window on reserves one for the id until
    // its take, and an away operator would make the log keep everything.
    await hold(b.node, "console", "operator");
    keeper(b.node);
    const away = keeper(a.node);
    away.leave({ id: "esp32-away", role: "device" } as Client);
    await waitFor(
      "esp32-away away",
      async () => (await redisCli(redis.port, "ZSCORE", "test:resume:away", "esp32-away")) !== "",
    );
    // An away device may get what goes to every node and what names it; not a device's status.
    const sent: { sender: Party; data: string; kept: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      sent.push({ sender: device("esp32-1"), data: `SOS ${i}`, kept: false });
      sent.push({ sender: operator("op-a"), data: `{"to":"esp32-away","n":${i}}`, kept: true });
      sent.push({ sender: operator("op-a"), data: `{"to":"esp32-9","n":${i}}`, kept: false });
      sent.push({ sender: operator("op-a"), data: `plain ${i}`, kept: true });
    }
    const calls = a.node.metrics.publishCalls;
    for (const { sender, data } of sent) publish(a.node, sender, data);
    await waitFor("b's frames", () => b.delivered.length >= sent.length);
    assert.equal(a.node.metrics.publishCalls - calls, 1);
    const kept = sent.filter(({ kept }) => kept).map(({ sender, data }) => label(sender.id, data));
    assert.deepEqual(await loggedFrames(redis), kept);
    assert.deepEqual(discarded, []);
  },
);

clusterTest(
  "a frame of 16 KiB or more goes alone, at once, behind what waits; the small ones around it keep their order",
  async (redis) => {
    await using raw = await rawBus(redis, ["test:bus"]);
    await using a = await startRecorder(redis, "node-a");
    await using b = await startRecorder(redis, "node-b");
    const sender = operator("op-a");
    const big = new Uint8Array(64 * 1024).fill(7).buffer;
    const calls = a.node.metrics.publishCalls;
    publish(a.node, sender, "small 1");
    publish(a.node, sender, "small 2");
    publish(a.node, sender, big);
    assert.equal(a.node.metrics.publishCalls - calls, 2, "the batch, then the big frame");
    publish(a.node, sender, "small 3");
    publish(a.node, sender, new Uint8Array(ALONE_BYTES - 100).buffer); // under the limit: batched
    const expected = [
      "op-a: small 1",
      "op-a: small 2",
      `op-a: <${64 * 1024} bytes>`,
      "op-a: small 3",
      `op-a: <${ALONE_BYTES - 100} bytes>`,
    ];
    await waitFor("b's frames", () => b.delivered.length >= expected.length);
    assert.deepEqual(b.delivered, expected);
    await waitFor("the raw bus", () => unpacked(raw.messages).length >= expected.length);
    assert.deepEqual(unpacked(raw.messages), expected);
    const bigOnes = raw.messages.filter((message) => message.length >= ALONE_BYTES);
    assert.equal(bigOnes.length, 1);
    assert.ok(!isBatchFrame(bigOnes[0]), "the big frame is published as itself");
    assert.equal(
      raw.messages.filter(isBatchFrame).length,
      2,
      "before and after it: a batch each",
    );
  },
);

clusterTest(
  "a turn past the batch size limit leaves as several batches, each within the limit, in order",
  async (redis) => {
    await using raw = await rawBus(redis, ["test:bus"]);
    await using a = await startRecorder(redis, "node-a");
    await using b = await startRecorder(redis, "node-b");
    const size = 10 * 1024;
    const count = Math.ceil((3 * MAX_BATCH_BYTES) / size) + 1;
    const sent: string[] = [];
    const calls = a.node.metrics.publishCalls;
    for (let i = 0; i < count; i++) {
      const data = `${i} `.padEnd(size, "x");
      publish(a.node, operator("op-a"), data);
      sent.push(label("op-a", data));
    }
    await waitFor("b's frames", () => b.delivered.length >= sent.length);
    assert.deepEqual(b.delivered, sent);
    const batches = raw.messages.filter(isBatchFrame);
    assert.ok(batches.length >= 4, `${batches.length} batches`);
    for (const batch of batches) {
      const inner = batchFrames(batch)!;
      const bytes = inner.reduce((sum, frame) => sum + frame.length, 0);
      assert.ok(bytes <= MAX_BATCH_BYTES, `a batch of ${bytes} frame bytes`);
    }
    assert.equal(a.node.metrics.publishCalls - calls, raw.messages.length);
    assert.deepEqual(unpacked(raw.messages), sent);
  },
);

clusterTest(
  "a node restarted mid-batch: what its clients sent before the shutdown still arrives, once, in order",
  async (redis) => {
    await using b = await startRecorder(redis, "node-b");
    await hold(b.node, "console", "operator");
    const before: string[] = [];
    const first = await startRecorder(redis, "node-a");
    try {
      for (let i = 0; i < 50; i++) {
        publish(first.node, device("esp32-1"), `before ${i}`);
        before.push(`esp32-1: before ${i}`);
      }
      assert.equal(first.node.metrics.publishCalls, 0, "still waiting for the end of the turn");
    } finally {
      await first.node.close(); // in the same turn: the batch must not be lost with the node
    }
    await using a = await startRecorder(redis, "node-a");
    const after = ["esp32-1: after 0", "esp32-1: after 1"];
    publish(a.node, device("esp32-1"), "after 0");
    publish(a.node, device("esp32-1"), "after 1");
    await waitFor("b's frames", () => b.delivered.length >= before.length + after.length);
    assert.deepEqual(b.delivered, [...before, ...after]);
    await delay(100);
    assert.equal(b.delivered.length, before.length + after.length, "each frame once");
  },
);

clusterTest(
  "the Lua frame functions write and read frames exactly as relay/cluster_frame.ts does",
  async (redis) => {
    const { commands } = connectRedis({ url: redis.url, cluster: "lua" });
    await commands.connect();
    try {
      // ARGV[1] a message frame, ARGV[2] node, ARGV[3] token, ARGV[4..] frames to batch.
      commands.defineCommand("luaFrames", {
        numberOfKeys: 0,
        lua: LUA_FRAMES + `
local frames = {}
for i = 4, #ARGV do frames[#frames + 1] = ARGV[i] end
return {payloadSize(ARGV[1]), senderOf(ARGV[1]), replaceFrame(ARGV[2], ARGV[3]),
  batchFrame(ARGV[2], frames)}
`,
      });
      const call = (commands as unknown as {
        luaFramesBuffer(...args: (string | Buffer)[]): Promise<[number, Buffer, Buffer, Buffer]>;
      }).luaFramesBuffer;
      const cases: [string, string, string | ArrayBuffer, Party["role"]][] = [
        ["n", "s", "", "operator"],
        ["host-1-ab12", "esp32-7", "héllo ✓ 😀", "device"],
        ["n".repeat(200), "i".repeat(255), new Uint8Array(70_000).buffer, "device"],
      ];
      for (const [node, sender, data, role] of cases) {
        const frame = encodeMessage(node, sender, data, role);
        const frames = [frame, encodeMessage(node, "x", "y"), Buffer.alloc(0)];
        const [size, luaSender, replace, batch] = await call.call(
          commands,
          frame,
          node,
          `${node}#42`,
          ...frames,
        );
        const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
        assert.equal(size, bytes, "payloadSize");
        assert.equal(luaSender.toString("latin1"), sender, "senderOf");
        assert.deepEqual(
          new Uint8Array(replace),
          new Uint8Array(encodeReplace(node, `${node}#42`)),
        );
        assert.deepEqual(new Uint8Array(batch), new Uint8Array(encodeBatch(node, frames)));
        assert.deepEqual(
          batchFrames(batch)!.map((inner) => Buffer.from(inner)),
          frames.map((f) => Buffer.from(f)),
        );
      }
    } finally {
      await commands.quit();
    }
  },
);
