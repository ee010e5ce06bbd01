/**
 * Protection against hostile or broken clients: oversized messages, clients
 * that stop reading, too many connections.
 */

import assert from "node:assert/strict";
import {
  closeAll,
  logEvents,
  openClients,
  startTestRelay,
  TestClient,
} from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { closePayload, RawClient } from "./raw_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { delay } from "../testing/wait.ts";

/** Messages a test sender has in flight: 8 × 30 KB stays well below a 256 KiB backlog. */
const WINDOW = 8;

Deno.test("a message over --max-message-bytes closes only its sender, with 1009", async () => {
  await using relay = startTestRelay({ maxMessageBytes: 1000 });
  const [big, other] = await openClients(relay.url, "limit", 2);
  try {
    big.socket.send("x".repeat(1000)); // exactly the limit passes
    assert.equal((await other.next() as string).length, 1000);
    big.socket.send("é".repeat(501)); // 1002 bytes in UTF-8, though 501 characters
    const closed = await big.closed;
    assert.equal(closed.code, 1009);
    assert.match(closed.reason, /1002 bytes is over the 1000-byte limit/);
    assert.ok(await other.silentFor(100), "the oversized message is not relayed");
    assert.equal(other.socket.readyState, WebSocket.OPEN);
    await waitFor(
      "the id to be free",
      () => relay.running.relay.hub.holder("limit0") === undefined,
    );
    assert.equal(relay.running.relay.metrics.drops.message_too_big, 1);
  } finally {
    await closeAll([big, other]);
  }
});

Deno.test("a fragmented message is limited by its total size", async () => {
  await using relay = startTestRelay({ maxMessageBytes: 1000 });
  const { client } = await RawClient.connect({ port: relay.running.addr.port, path: "/frag" });
  const listener = await TestClient.open(`${relay.url}listener`);
  try {
    await client.send({ opcode: 0x2, payload: new Uint8Array(600), fin: false });
    await client.send({ opcode: 0x0, payload: new Uint8Array(600), fin: true });
    const frame = await client.readFrame();
    assert.equal(frame?.opcode, 0x8);
    assert.equal(closePayload(frame!.payload).code, 1009);
    assert.ok(await listener.silentFor(100));
  } finally {
    client.close();
    await listener[Symbol.asyncDispose]();
  }
});

Deno.test("past --max-clients the relay answers 503 until a slot frees", async () => {
  await using relay = startTestRelay({ maxClients: 2 });
  const clients = await openClients(relay.url, "slot", 2);
  try {
    await assert.rejects(TestClient.open(`${relay.url}third`), /503/);
    await clients[0][Symbol.asyncDispose]();
    await waitFor("a slot to free", () => relay.running.relay.hub.liveCount === 1);
    const third = await TestClient.open(`${relay.url}third`);
    await third[Symbol.asyncDispose]();
    assert.equal(relay.running.relay.metrics.connections.full, 1);
    assert.equal(logEvents(relay.logs, "refuse").find((e) => e.status === 503)?.id, "third");
  } finally {
    await closeAll(clients);
  }
});

Deno.test("a client that stops reading is dropped with 1008 while the others get everything", async () => {
  await using relay = startTestRelay({ maxBacklogBytes: 256 * 1024 });
  const port = relay.running.addr.port;
  const { client: stalled } = await RawClient.connect({ port, path: "/stalled" });
  const [sender, reader] = await openClients(relay.url, "flow", 2);
  try {
    await waitFor("the stalled client to open", () => relay.running.relay.hub.connectedCount === 3);
    const chunk = "y".repeat(30_000);
    const count = 800; // 24 MB: far more than kernel buffers and the backlog limit hold
    // A reader that keeps up stays within WINDOW messages of the sender, well under the limit.
    for (let i = 0; i < count; i += WINDOW) {
      for (let j = i; j < i + WINDOW; j++) sender.socket.send(`${j}:${chunk}`);
      for (let j = i; j < i + WINDOW; j++) {
        const message = await reader.next(10_000) as string;
        assert.ok(message.startsWith(`${j}:`), `message ${j} in order`);
      }
    }
    assert.equal(relay.running.relay.hub.holder("stalled"), undefined, "its id is released");
    assert.equal(relay.running.relay.metrics.drops.backlog, 1);
    const drop = logEvents(relay.logs, "drop").find((e) => e.id === "stalled");
    assert.equal(drop?.code, 1008);
    // The id can be taken again at once, even though the stalled socket still lingers.
    const again = await TestClient.open(`${relay.url}stalled`);
    await again[Symbol.asyncDispose]();
  } finally {
    stalled.close();
    await closeAll([sender, reader]);
  }
});

Deno.test("the relay's memory stays bounded while a client never reads", async () => {
  await using relay = await startRelayProcess(["--max-backlog-bytes", String(1024 * 1024)]);
  const { client: stalled } = await RawClient.connect({ port: relay.port, path: "/sink" });
  const [sender, reader] = await openClients(relay.url, "mem", 2);
  try {
    const before = relay.rssBytes();
    const chunk = "z".repeat(30_000);
    const count = 3200; // about 100 MB sent through the relay
    let peak = before;
    for (let i = 0; i < count; i += WINDOW) {
      for (let j = 0; j < WINDOW; j++) sender.socket.send(chunk);
      for (let j = 0; j < WINDOW; j++) await reader.next(10_000);
      peak = Math.max(peak, relay.rssBytes());
    }
    const growth = peak - before;
    assert.ok(
      growth < 48 * 1024 * 1024,
      `relay RSS grew by ${(growth / 1048576).toFixed(1)} MiB for 100 MB sent`,
    );
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metrics, /^relay_drops_total\{reason="backlog"\} 1$/m);
  } finally {
    stalled.close();
    await closeAll([sender, reader]);
  }
});

Deno.test("readers that keep up survive 2 MiB bursts while a client that never reads is dropped; memory stays bounded", async () => {
  // Defaults: --max-backlog-bytes 1 MiB. A burst of 32 × 64 KiB is twice that, all handed to
  // Deno at once; a reader that drains it at loopback speed must not be judged by it.
  await using relay = await startRelayProcess();
  const { client: stalled } = await RawClient.connect({ port: relay.port, path: "/never-reads" });
  const publisher = await TestClient.open(`${relay.url}publisher`);
  const readers = await openClients(relay.url, "reader", 3);
  try {
    const before = relay.rssBytes();
    let peak = before;
    const size = 64 * 1024;
    const total = 1600; // 105 MB to each client: more than the relay could hold unnoticed
    for (let sent = 0, burst = 1; sent < total; burst = burst % 32 + 1) {
      const count = Math.min(burst, total - sent);
      for (let i = 0; i < count; i++) {
        const message = new Uint8Array(size);
        new DataView(message.buffer).setUint32(0, sent + i);
        publisher.socket.send(message);
      }
      for (const reader of readers) {
        for (let i = 0; i < count; i++) {
          const message = await reader.next(10_000);
          assert.ok(message instanceof Uint8Array && message.length === size);
          assert.equal(new DataView(message.buffer).getUint32(0), sent + i, "in order");
        }
      }
      sent += count;
      peak = Math.max(peak, relay.rssBytes());
    }
    for (const reader of readers) assert.equal(reader.socket.readyState, WebSocket.OPEN);
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metrics, /^relay_drops_total\{reason="backlog"\} 1$/m, "only the non-reader");
    // Measured here: about 80 MiB of allocator and GC slack for this much traffic, and 168 MiB
    // when the relay never drops the non-reader (its whole 105 MB stream held).
    const growth = peak - before;
    assert.ok(
      growth < 120 * 1024 * 1024,
      `relay RSS grew by ${(growth / 1048576).toFixed(1)} MiB while 105 MB went to each client`,
    );
  } finally {
    stalled.close();
    await closeAll([publisher, ...readers]);
  }
});

Deno.test("a client whose backlog stays over the limit for the grace period is dropped, however slowly it grows", async () => {
  // 128 KiB limit, so the 1 MiB ceiling is far off at this pace: only the grace period can act.
  await using relay = startTestRelay({ maxBacklogBytes: 128 * 1024, backlogGraceSeconds: 0.3 });
  const { client: stalled } = await RawClient.connect({
    port: relay.running.addr.port,
    path: "/slow-sink",
  });
  const sender = await TestClient.open(`${relay.url}trickle`);
  try {
    await waitFor("the sink to open", () => relay.running.relay.hub.connectedCount === 2);
    const chunk = "t".repeat(32 * 1024); // 1.6 MB/s: the kernel's buffers fill within seconds
    await waitFor("the sink to be dropped", async () => {
      sender.socket.send(chunk);
      await delay(20);
      return relay.running.relay.hub.holder("slow-sink") === undefined;
    }, 30_000);
    const drop = logEvents(relay.logs, "drop").find((e) => e.id === "slow-sink");
    assert.equal(drop?.code, 1008);
    assert.equal(drop?.reason, "not reading: over 131072 bytes queued for 300 ms");
  } finally {
    stalled.close();
    await sender[Symbol.asyncDispose]();
  }
});
