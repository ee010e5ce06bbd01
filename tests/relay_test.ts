/**
 * The relay's contract, with real clients against a relay on an ephemeral port.
 */

import assert from "node:assert/strict";
// @ts-types="npm:@types/ws@8.18.1"
import NodeWebSocket from "npm:ws@8.23.0";
import {
  closeAll,
  logEvents,
  openClients,
  startTestRelay,
  TestClient,
} from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { RawClient, rawRequest } from "./raw_client.ts";

Deno.test("each message reaches every other client, text as text and binary as binary, in order", async () => {
  await using relay = startTestRelay();
  const [sender, a, b] = await openClients(relay.url, "c", 3);
  try {
    const bytes = new Uint8Array(256).map((_, i) => i);
    sender.socket.send("first");
    sender.socket.send(bytes);
    sender.socket.send("héllo ✓ 😀");
    for (const receiver of [a, b]) {
      assert.equal(await receiver.next(), "first");
      assert.deepEqual(await receiver.next(), bytes);
      assert.equal(await receiver.next(), "héllo ✓ 😀");
    }
    assert.ok(await sender.silentFor(100), "the sender must not get its own messages back");
    a.socket.send("from a");
    assert.equal(await sender.next(), "from a");
    assert.equal(await b.next(), "from a");
    assert.ok(await a.silentFor(50));
  } finally {
    await closeAll([sender, a, b]);
  }
});

Deno.test("a thousand messages arrive complete and in the sender's order", async () => {
  await using relay = startTestRelay();
  const [sender, receiver] = await openClients(relay.url, "order", 2);
  try {
    for (let i = 0; i < 1000; i++) sender.socket.send(String(i));
    for (let i = 0; i < 1000; i++) assert.equal(await receiver.next(), String(i));
  } finally {
    await closeAll([sender, receiver]);
  }
});

Deno.test("an id already connected is refused with 409 before the upgrade", async () => {
  await using relay = startTestRelay();
  const first = await TestClient.open(`${relay.url}device-1`);
  try {
    const { status, body } = await rawRequest({ port: relay.running.addr.port, path: "/device-1" });
    assert.equal(status, 409);
    assert.match(body, /already connected/);
    await assert.rejects(TestClient.open(`${relay.url}device-1`), /409/);
    // The original connection is untouched by the refused attempts.
    const other = await TestClient.open(`${relay.url}other`);
    other.socket.send("still there?");
    assert.equal(await first.next(), "still there?");
    await other[Symbol.asyncDispose]();
  } finally {
    await first[Symbol.asyncDispose]();
  }
  assert.equal(logEvents(relay.logs, "refuse").filter((e) => e.status === 409).length, 2);
});

Deno.test("npm ws sees the 409 status of a duplicate id", async () => {
  await using relay = startTestRelay();
  const first = await TestClient.open(`${relay.url}dup`);
  const status = await new Promise<number>((resolve, reject) => {
    const socket = new NodeWebSocket(`${relay.url}dup`);
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("open", () => reject(new Error("the duplicate was accepted")));
    socket.on("error", () => {});
  });
  assert.equal(status, 409);
  await first[Symbol.asyncDispose]();
});

Deno.test("an id is free again after a clean close", async () => {
  await using relay = startTestRelay();
  const first = await TestClient.open(`${relay.url}reuse`);
  await first[Symbol.asyncDispose]();
  await waitFor(
    "the id to be released",
    () => relay.running.relay.hub.holder("reuse") === undefined,
  );
  const second = await TestClient.open(`${relay.url}reuse`);
  await second[Symbol.asyncDispose]();
});

Deno.test("an id is free again after an abrupt TCP loss", async () => {
  await using relay = startTestRelay();
  const port = relay.running.addr.port;
  const { client, response } = await RawClient.connect({ port, path: "/abrupt" });
  assert.equal(response.status, 101);
  await waitFor("the client to open", () => relay.running.relay.hub.connectedCount === 1);
  client.close(); // no close frame: the TCP connection just goes away
  await waitFor(
    "the id to be released",
    () => relay.running.relay.hub.holder("abrupt") === undefined,
  );
  const again = await TestClient.open(`${relay.url}abrupt`);
  await again[Symbol.asyncDispose]();
  const disconnect = logEvents(relay.logs, "disconnect").find((e) => e.id === "abrupt");
  assert.ok(disconnect, "the abrupt loss is logged as a disconnect");
});

Deno.test("bad ids are refused with 400 and a reason before the upgrade", async () => {
  await using relay = startTestRelay();
  const port = relay.running.addr.port;
  const cases: [string, RegExp][] = [
    ["/", /missing client id/],
    ["/a/b", /only A-Z/],
    ["/a/../b", /only A-Z/],
    ["/..", /dot segment/],
    ["/.", /dot segment/],
    ["/%41", /only A-Z/],
    ["/sp%20ace", /only A-Z/],
    ["/" + "x".repeat(65), /65 characters/],
    ["/emoji😀", /only A-Z/],
  ];
  for (const [path, reason] of cases) {
    const { status, body } = await rawRequest({ port, path });
    assert.equal(status, 400, `status for ${path}`);
    assert.match(body, reason, `reason for ${path}`);
  }
  assert.equal(relay.running.relay.metrics.connections.bad_request, cases.length);
  const longest = await TestClient.open(`${relay.url}${"A-z_0.9~".repeat(8)}`);
  await longest[Symbol.asyncDispose]();
});

Deno.test("a plain GET on a client path gets 426; /healthz and /metrics answer", async () => {
  await using relay = startTestRelay();
  const client = await TestClient.open(`${relay.url}watcher`);
  try {
    const plain = await fetch(`${relay.httpUrl}/device-9`);
    assert.equal(plain.status, 426);
    assert.equal(plain.headers.get("upgrade"), "websocket");
    await plain.body?.cancel();

    const health = await (await fetch(`${relay.httpUrl}/healthz`)).json();
    assert.equal(health.status, "ok");
    assert.equal(health.clients, 1);
    assert.equal(typeof health.uptimeSeconds, "number");

    const other = await TestClient.open(`${relay.url}talker`);
    other.socket.send("12345");
    await client.next();
    const metrics = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metrics, /^relay_clients_connected 2$/m);
    assert.match(metrics, /^relay_connections_total\{outcome="accepted"\} 2$/m);
    assert.match(metrics, /^relay_connections_total\{outcome="not_websocket"\} 1$/m);
    assert.match(metrics, /^relay_messages_received_total 1$/m);
    assert.match(metrics, /^relay_received_bytes_total 5$/m);
    assert.match(metrics, /^relay_messages_sent_total 1$/m);
    assert.match(metrics, /^relay_sent_bytes_total 5$/m);
    assert.match(metrics, /^# TYPE relay_drops_total counter$/m);
    await other[Symbol.asyncDispose]();

    const missing = await fetch(`${relay.httpUrl}/no/such/page`);
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
    const post = await fetch(`${relay.httpUrl}/healthz`, { method: "POST" });
    assert.equal(post.status, 405);
    await post.body?.cancel();
  } finally {
    await client[Symbol.asyncDispose]();
  }
});

Deno.test("connect and disconnect are logged with id, remote address and close code", async () => {
  await using relay = startTestRelay();
  const client = await TestClient.open(`${relay.url}logged`);
  client.socket.close(4321, "bye now");
  await client.closed;
  await waitFor("the disconnect line", () => logEvents(relay.logs, "disconnect").length === 1);
  const [connect] = logEvents(relay.logs, "connect");
  assert.equal(connect.id, "logged");
  assert.match(String(connect.remote), /^127\.0\.0\.1:\d+$/);
  const [disconnect] = logEvents(relay.logs, "disconnect");
  assert.equal(disconnect.code, 4321);
  assert.equal(disconnect.reason, "bye now");
});

Deno.test("the first requested subprotocol is agreed to", async () => {
  await using relay = startTestRelay();
  const socket = new WebSocket(`${relay.url}proto`, ["sos.v1", "other"]);
  await new Promise((resolve) => socket.onopen = resolve);
  assert.equal(socket.protocol, "sos.v1");
  const closed = new Promise((resolve) => socket.onclose = resolve);
  socket.close();
  await closed;
});
