/**
 * The hub on its own, with fake sockets: fan-out, limits, id release.
 */

import assert from "node:assert/strict";
import { Client, Hub, type HubSocket, utf8Length } from "../relay/hub.ts";
import { createLogger } from "../relay/logger.ts";
import { RelayMetrics } from "../relay/metrics.ts";
import { delay } from "../testing/wait.ts";

class FakeSocket implements HubSocket {
  bufferedAmount = 0;
  sent: (string | ArrayBuffer)[] = [];
  closes: [number | undefined, string | undefined][] = [];
  /** Bytes each send adds to the backlog, as if the peer never read. */
  constructor(readonly backlogPerSend = 0) {}
  send(data: string | ArrayBuffer): void {
    this.sent.push(data);
    this.bufferedAmount += this.backlogPerSend;
  }
  close(code?: number, reason?: string): void {
    this.closes.push([code, reason]);
  }
}

function setup(limits = { maxMessageBytes: 100, maxBacklogBytes: 250, backlogGraceMs: 50 }) {
  const logs: string[] = [];
  const metrics = new RelayMetrics();
  const hub = new Hub({
    ...limits,
    metrics,
    logger: createLogger({ level: "debug", format: "json", write: (l) => logs.push(l) }),
  });
  const join = (id: string, socket = new FakeSocket()) => {
    const client = new Client({ id, remote: "test", socket });
    hub.add(client);
    hub.opened(client);
    return { client, socket };
  };
  return { hub, metrics, logs, join };
}

Deno.test("a message goes to every open client but its sender", () => {
  const { hub, join, metrics } = setup();
  const a = join("a");
  const b = join("b");
  const pending = new Client({ id: "c", remote: "test", socket: new FakeSocket() });
  hub.add(pending); // upgraded, not yet open
  hub.receive(a.client, "hi");
  assert.deepEqual(a.socket.sent, []);
  assert.deepEqual(b.socket.sent, ["hi"]);
  assert.deepEqual((pending.socket as FakeSocket).sent, []);
  assert.equal(metrics.messagesOut, 1);
  assert.equal(b.client.messagesOut, 1);
  assert.equal(a.client.messagesIn, 1);
});

Deno.test("a client past the backlog ceiling (8× the limit) is dropped with 1008 at once, its id released", () => {
  const { hub, join, metrics } = setup();
  const sender = join("sender");
  const slow = join("slow", new FakeSocket(100));
  const fast = join("fast");
  for (let i = 0; i < 25; i++) hub.receive(sender.client, `m${i}`);
  assert.equal(
    slow.socket.sent.length,
    21,
    "sent until the backlog passed 2000 bytes, then nothing",
  );
  assert.deepEqual(slow.socket.closes, [[1008, "not reading: over 2000 bytes queued"]]);
  assert.equal(fast.socket.sent.length, 25);
  assert.equal(hub.holder("slow"), undefined);
  assert.equal(hub.liveCount, 3, "the socket still counts until it is gone");
  assert.equal(metrics.drops.backlog, 1);
  hub.closed(slow.client, { code: 1006, reason: "" });
  assert.equal(hub.liveCount, 2);
  join("slow"); // the id is free for a new connection
});

Deno.test("a backlog over the limit for the whole grace period drops the client, even with no new message", async () => {
  const { hub, join, metrics } = setup();
  const sender = join("sender");
  const stalled = join("stalled", new FakeSocket(100));
  for (let i = 0; i < 3; i++) hub.receive(sender.client, `m${i}`); // 300 bytes: over 250
  assert.deepEqual(stalled.socket.closes, [], "not judged by a moment over the limit");
  await delay(120);
  assert.deepEqual(stalled.socket.closes, [[1008, "not reading: over 250 bytes queued for 50 ms"]]);
  assert.equal(metrics.drops.backlog, 1);
  assert.equal(hub.holder("stalled"), undefined);
});

Deno.test("a burst over the limit that drains within the grace period drops nobody", async () => {
  // A grace far longer than the 20 ms the drain takes: a busy machine that holds this thread up
  // for a while must not make the sweep see the backlog as old.
  const { hub, join, metrics } = setup({
    maxMessageBytes: 100,
    maxBacklogBytes: 250,
    backlogGraceMs: 1000,
  });
  const sender = join("sender");
  const reader = join("reader", new FakeSocket(100));
  for (let i = 0; i < 15; i++) hub.receive(sender.client, `m${i}`); // 1500 bytes queued at once
  await delay(20);
  reader.socket.bufferedAmount = 0; // Deno wrote it all
  await delay(1100);
  hub.receive(sender.client, "after");
  assert.deepEqual(reader.socket.closes, []);
  assert.equal(reader.socket.sent.length, 16);
  assert.equal(metrics.drops.backlog, 0);
  // The sweep stopped once nobody was behind: the sanitizer fails the test on a leaked interval.
});

Deno.test("close events are idempotent and never release a newer holder", () => {
  const { hub, join, logs } = setup();
  const old = join("dev");
  hub.drop(old.client, { code: 4001, reason: "replaced", why: "replaced" });
  const fresh = join("dev");
  hub.closed(old.client, { code: 1001, reason: "No response from ping frame." });
  hub.closed(old.client, { code: 1005, reason: "" });
  assert.equal(hub.holder("dev"), fresh.client);
  assert.equal(hub.liveCount, 1);
  hub.closed(fresh.client, { code: 1000, reason: "" });
  hub.closed(fresh.client, { code: 1005, reason: "" });
  assert.equal(logs.filter((l) => l.includes('"disconnect"')).length, 1);
});

Deno.test("keepalive timeouts are counted once", () => {
  const { hub, join, metrics } = setup();
  const mute = join("mute");
  hub.closed(mute.client, { code: 1001, reason: "No response from ping frame." });
  hub.closed(mute.client, { code: 1005, reason: "" });
  assert.equal(metrics.keepaliveTimeouts, 1);
});

Deno.test("closeAll sends 1001 to every live client", () => {
  const { hub, join } = setup();
  const a = join("a");
  const b = join("b");
  hub.closeAll({ code: 1001, reason: "relay shutting down" });
  assert.deepEqual(a.socket.closes, [[1001, "relay shutting down"]]);
  assert.deepEqual(b.socket.closes, [[1001, "relay shutting down"]]);
  assert.equal(hub.connectedCount, 0);
});

Deno.test("utf8Length agrees with TextEncoder", () => {
  const encoder = new TextEncoder();
  for (
    const text of ["", "abc", "é", "✓", "😀", "a😀b", "\ud800", "\ud800x", "\udc00", "\u07ff\u0800"]
  ) {
    assert.equal(utf8Length(text), encoder.encode(text).length, JSON.stringify(text));
  }
});
