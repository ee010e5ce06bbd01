/**
 * Presence and last state: the records on their own with a driven clock
 * (TTL, size cap, stale connections), then a real relay: each kind of
 * disconnect, `GET /devices`, and the events operators asked for.
 */

import assert from "node:assert/strict";
import { RelayMetrics } from "../relay/metrics.ts";
import { type DeviceRecord, Presence, type PresenceEvent } from "../relay/presence.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { RawClient } from "./raw_client.ts";

function records(now: { t: number }) {
  const events: PresenceEvent[] = [];
  const metrics = new RelayMetrics();
  const presence = new Presence({
    ttlMs: 10_000,
    maxRetainedBytes: 40,
    metrics,
    onEvent: (e) => events.push(e),
    now: () => now.t,
  });
  return { presence, events, metrics };
}

Deno.test("presence: latest retained wins, oversized ones are counted and not kept, both expire with the TTL", () => {
  const now = { t: 1_000_000 };
  const { presence, events, metrics } = records(now);
  const dev = { id: "d1", remote: "1.2.3.4:5" };
  presence.online(dev);
  presence.seen(dev, '{"retain":true,"n":1}', 21, true);
  now.t += 1000;
  presence.seen(dev, '{"retain":true,"n":2}', 21, true);
  presence.seen(dev, '{"n":3}', 7, false);
  presence.seen(dev, `{"retain":true,"pad":"${"x".repeat(40)}"}`, 56, true);
  assert.equal(metrics.retainedTooBig, 1);
  let [record] = presence.list();
  assert.deepEqual(record.retained, {
    at: new Date(1_001_000).toISOString(),
    message: { retain: true, n: 2 },
  });
  assert.deepEqual(events.map((e) => e.event), ["online", "retained", "retained"]);
  // Online devices stay listed past the TTL; their retained message does not.
  now.t += 10_000;
  [record] = presence.list();
  assert.equal(record.online, true);
  assert.equal(record.retained, null);
  presence.seen(dev, '{"retain":true,"n":4}', 21, true);
  presence.offline(dev, { code: 1000, reason: "bye" });
  now.t += 9_999;
  [record] = presence.list();
  assert.equal(record.online, false);
  assert.deepEqual(record.lastDisconnect, {
    code: 1000,
    reason: "bye",
    at: new Date(1_011_000).toISOString(),
  });
  assert.deepEqual(record.retained?.message, { retain: true, n: 4 });
  now.t += 1;
  assert.deepEqual(presence.list(), [], "an offline device is forgotten once not seen for the TTL");
  assert.equal(presence.knownCount, 0);
});

Deno.test("presence: a replaced connection's late close does not mark the device offline", () => {
  const now = { t: 5_000 };
  const { presence, events } = records(now);
  const old = { id: "d1", remote: "a:1" };
  const fresh = { id: "d1", remote: "b:2" };
  presence.online(old);
  presence.offline(old, { code: 4001, reason: "replaced by a newer connection" });
  presence.online(fresh);
  presence.offline(old, { code: 1005, reason: "" }); // the old socket's own close event, later
  presence.seen(old, '{"retain":true}', 15, true); // and anything the old one still sent
  const [record] = presence.list();
  assert.equal(record.online, true);
  assert.equal(record.remote, "b:2");
  assert.equal(record.retained, null);
  assert.deepEqual(events.map((e) => e.event), ["online", "offline", "online"]);
  assert.equal(presence.onlineCount, 1);
});

async function devices(httpUrl: string, token?: string): Promise<DeviceRecord[]> {
  const response = await fetch(`${httpUrl}/devices`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  assert.equal(response.status, 200);
  return await response.json();
}

/** Reads relay events (and skips relayed messages) until `count` events arrived. */
async function takeEvents(client: TestClient, count: number): Promise<PresenceEvent[]> {
  const events: PresenceEvent[] = [];
  while (events.length < count) {
    const message = await client.next(5000);
    if (typeof message !== "string") continue;
    const parsed = JSON.parse(message.startsWith("{") ? message : "{}");
    if (typeof parsed.event === "string") events.push(parsed);
  }
  return events;
}

Deno.test("presence across each kind of disconnect: clean close, abrupt loss, keepalive timeout, relay drop", async () => {
  await using relay = startTestRelay({
    pingIntervalSeconds: 0.5,
    pingTimeoutSeconds: 0.5,
    maxMessageBytes: 1000,
    resumeWindowSeconds: 0,
  });
  const port = relay.running.addr.port;
  const watcher = await TestClient.open(`${relay.url}watcher?events=1`);
  const plain = await TestClient.open(`${relay.url}plain`);
  try {
    await waitFor("operators live", () => relay.running.relay.hub.connectedCount === 2);

    // Clean close, after two retained messages (the latest wins).
    const clean = await TestClient.open(`${relay.url}clean?role=device`);
    clean.socket.send(JSON.stringify({ retain: true, status: "first" }));
    clean.socket.send(JSON.stringify({ retain: true, status: "second" }));
    clean.socket.send(JSON.stringify({ status: "not retained" }));
    assert.deepEqual(
      (await takeEvents(watcher, 3)).map((e) => [e.event, e.id]),
      [["online", "clean"], ["retained", "clean"], ["retained", "clean"]],
    );
    clean.socket.close(1000, "bye");
    await clean.closed;
    const [offline] = await takeEvents(watcher, 1);
    assert.deepEqual([offline.event, offline.id, offline.code, offline.reason], [
      "offline",
      "clean",
      1000,
      "bye",
    ]);

    // Abrupt loss: the TCP connection just goes away.
    const lost = await RawClient.connect({ port, path: "/lost?role=device" });
    assert.equal(lost.response.status, 101);
    await lost.client.send({
      opcode: 1,
      payload: JSON.stringify({ retain: true, status: "lost" }),
    });
    assert.deepEqual((await takeEvents(watcher, 2)).map((e) => e.event), ["online", "retained"]);
    lost.client.close();
    assert.deepEqual((await takeEvents(watcher, 1)).map((e) => [e.event, e.id]), [[
      "offline",
      "lost",
    ]]);

    // Keepalive timeout: a raw client never answers the relay's ping.
    const mute = await RawClient.connect({ port, path: "/mute?role=device" });
    assert.deepEqual((await takeEvents(watcher, 1)).map((e) => e.event), ["online"]);
    const [timedOut] = await takeEvents(watcher, 1);
    mute.client.close();
    assert.deepEqual([timedOut.event, timedOut.id, timedOut.reason], [
      "offline",
      "mute",
      "keepalive timeout",
    ]);

    // Dropped by the relay: a message over --max-message-bytes.
    const big = await TestClient.open(`${relay.url}big?role=device`);
    assert.deepEqual((await takeEvents(watcher, 1)).map((e) => e.event), ["online"]);
    big.socket.send("x".repeat(1001));
    assert.equal((await big.closed).code, 1009);
    const [dropped] = await takeEvents(watcher, 1);
    assert.deepEqual([dropped.event, dropped.id, dropped.code], ["offline", "big", 1009]);

    const listed = await devices(relay.httpUrl);
    assert.deepEqual(listed.map((d) => d.id), ["big", "clean", "lost", "mute"]);
    const byId = Object.fromEntries(listed.map((d) => [d.id, d]));
    for (const record of listed) {
      assert.equal(record.online, false);
      assert.match(record.remote, /^127\.0\.0\.1:\d+$/);
      assert.ok(record.lastSeen >= record.connectedSince);
      assert.equal(record.lastDisconnect?.at, record.lastSeen);
    }
    assert.deepEqual(
      byId.clean.lastDisconnect &&
        [byId.clean.lastDisconnect.code, byId.clean.lastDisconnect.reason],
      [1000, "bye"],
    );
    assert.ok(
      [0, 1006].includes(byId.lost.lastDisconnect!.code),
      `abrupt: ${byId.lost.lastDisconnect!.code}`,
    );
    assert.equal(byId.mute.lastDisconnect?.code, 1001);
    assert.equal(byId.mute.lastDisconnect?.reason, "keepalive timeout");
    assert.equal(byId.big.lastDisconnect?.code, 1009);
    assert.match(byId.big.lastDisconnect!.reason, /over the 1000-byte limit/);
    assert.deepEqual(byId.clean.retained?.message, { retain: true, status: "second" });
    assert.deepEqual(byId.lost.retained?.message, { retain: true, status: "lost" });
    assert.equal(byId.mute.retained, null);

    // A device back online is listed online, its retained message still there.
    const back = await TestClient.open(`${relay.url}clean?role=device`);
    assert.deepEqual((await takeEvents(watcher, 1)).map((e) => [e.event, e.id]), [[
      "online",
      "clean",
    ]]);
    const again = (await devices(relay.httpUrl)).find((d) => d.id === "clean")!;
    assert.equal(again.online, true);
    assert.deepEqual(again.retained?.message, { retain: true, status: "second" });
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metrics, /^relay_devices_online 1$/m);
    assert.match(metrics, /^relay_devices_known 4$/m);
    await back[Symbol.asyncDispose]();
    await takeEvents(watcher, 1);

    // The operator that did not ask for events got the devices' messages but no event.
    const plainGot: string[] = [];
    while (plain.pending > 0) plainGot.push(String(await plain.next()));
    assert.ok(plainGot.length >= 4, "the operator sees the devices' messages");
    for (const message of plainGot) assert.ok(!message.includes('"event"'), message);
  } finally {
    await watcher[Symbol.asyncDispose]();
    await plain[Symbol.asyncDispose]();
  }
});

Deno.test("relay drop by takeover: the replaced device goes offline with 4001 and is online again at once", async () => {
  await using relay = startTestRelay({ token: "t0k3n", onDuplicate: "replace" });
  const watcher = await TestClient.open(`${relay.url}watcher?events=1&token=t0k3n`);
  const first = await TestClient.open(`${relay.url}dev?role=device&token=t0k3n`);
  try {
    assert.deepEqual((await takeEvents(watcher, 1)).map((e) => e.event), ["online"]);
    const second = await TestClient.open(`${relay.url}dev?role=device&token=t0k3n`);
    assert.equal((await first.closed).code, 4001);
    const events = await takeEvents(watcher, 2);
    assert.deepEqual(events.map((e) => [e.event, e.code]), [["offline", 4001], [
      "online",
      undefined,
    ]]);
    const [record] = await devices(relay.httpUrl, "t0k3n");
    assert.equal(record.online, true);
    assert.equal(record.lastDisconnect?.code, 4001);
    // With the shared token, /devices needs it as /clients does.
    const denied = await fetch(`${relay.httpUrl}/devices`);
    assert.equal(denied.status, 401);
    await denied.body?.cancel();
    await second[Symbol.asyncDispose]();
  } finally {
    await watcher[Symbol.asyncDispose]();
    await first[Symbol.asyncDispose]();
  }
});

Deno.test("a device cannot ask for events, and operators are not listed in /devices", async () => {
  await using relay = startTestRelay();
  const device = await TestClient.open(`${relay.url}d?role=device&events=1`);
  const op = await TestClient.open(`${relay.url}op?events=1`);
  try {
    await waitFor("both live", () => relay.running.relay.hub.connectedCount === 2);
    assert.equal(relay.running.relay.hub.holder("d")?.events, false);
    device.socket.send(JSON.stringify({ retain: true }));
    assert.equal(await op.next(), JSON.stringify({ retain: true }));
    assert.equal(JSON.parse(await op.next() as string).event, "retained");
    const listed = await devices(relay.httpUrl);
    assert.deepEqual(listed.map((d) => d.id), ["d"]);
    assert.ok(await device.silentFor(100), "no event reached the device");
  } finally {
    await device[Symbol.asyncDispose]();
    await op[Symbol.asyncDispose]();
  }
});

Deno.test("a retained message over --retain-max-bytes is relayed but not kept, and counted", async () => {
  await using relay = startTestRelay({ retainMaxBytes: 64 });
  const op = await TestClient.open(`${relay.url}op`);
  const device = await TestClient.open(`${relay.url}d?role=device`);
  try {
    await waitFor("both live", () => relay.running.relay.hub.connectedCount === 2);
    const small = JSON.stringify({ retain: true, n: 1 });
    const big = JSON.stringify({ retain: true, pad: "x".repeat(64) });
    device.socket.send(small);
    device.socket.send(big);
    assert.equal(await op.next(), small);
    assert.equal(await op.next(), big, "the big one is relayed all the same");
    const [record] = await devices(relay.httpUrl);
    assert.deepEqual(record.retained?.message, { retain: true, n: 1 });
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metrics, /^relay_retained_too_big_total 1$/m);
  } finally {
    await device[Symbol.asyncDispose]();
    await op[Symbol.asyncDispose]();
  }
});
