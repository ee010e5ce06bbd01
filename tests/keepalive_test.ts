/**
 * Keepalive: a client that never answers pings is closed within
 * ping-interval + ping-timeout and its id freed; one that answers stays.
 */

import assert from "node:assert/strict";
import { delay, waitFor } from "../testing/wait.ts";
import { logEvents, startTestRelay, TestClient } from "../testing/test_client.ts";
import { closePayload, RawClient } from "./raw_client.ts";

const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

Deno.test("a client that never answers pings is closed within interval + timeout, and its id freed", async () => {
  await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
  const port = relay.running.addr.port;
  const { client, response } = await RawClient.connect({ port, path: "/mute" });
  try {
    assert.equal(response.status, 101);
    const started = Date.now();
    const ping = await client.readFrame(4000);
    const pingAt = Date.now() - started;
    assert.equal(ping?.opcode, OPCODE_PING);
    const close = await client.readFrame(4000);
    const closeAt = Date.now() - started;
    assert.equal(close?.opcode, OPCODE_CLOSE);
    assert.equal(closePayload(close!.payload).code, 1001);
    // Deno pings after half of idleTimeout (= 2 s) and gives up after the whole of it. The
    // margins are for this test's own thread, which a busy machine may hold up a while.
    assert.ok(pingAt >= 500 && pingAt <= 2000, `ping after ${pingAt} ms`);
    assert.ok(closeAt >= 1500 && closeAt <= 3500, `closed after ${closeAt} ms`);
    await waitFor(
      "the id to be released",
      () => relay.running.relay.hub.holder("mute") === undefined,
    );
    assert.equal(relay.running.relay.metrics.keepaliveTimeouts, 1);
    const [line] = logEvents(relay.logs, "disconnect");
    assert.equal(line.reason, "keepalive timeout");
    const again = await TestClient.open(`${relay.url}mute`);
    await again[Symbol.asyncDispose]();
  } finally {
    client.close();
  }
});

Deno.test("a client that answers pings stays connected for many intervals", async () => {
  // Half a second each way: a pong held up less than that by a busy machine is still in time.
  await using relay = startTestRelay({ pingIntervalSeconds: 0.5, pingTimeoutSeconds: 0.5 });
  const port = relay.running.addr.port;
  const { client } = await RawClient.connect({ port, path: "/polite" });
  try {
    let pings = 0;
    const until = Date.now() + 4000; // four times interval + timeout
    while (Date.now() < until) {
      const frame = await client.readFrame(2000);
      assert.equal(frame?.opcode, OPCODE_PING, "only pings arrive, never a close");
      pings++;
      await client.send({ opcode: OPCODE_PONG, payload: frame!.payload });
    }
    assert.ok(pings >= 4, `answered ${pings} pings`);
    assert.equal(relay.running.relay.hub.holder("polite")?.receiving, true);
  } finally {
    client.close();
  }
});

Deno.test("Deno's own client answers pings and is never dropped", async () => {
  await using relay = startTestRelay({ pingIntervalSeconds: 0.5, pingTimeoutSeconds: 0.5 });
  const client = await TestClient.open(`${relay.url}deno-client`);
  await delay(3000);
  assert.equal(client.socket.readyState, WebSocket.OPEN);
  assert.equal(relay.running.relay.metrics.keepaliveTimeouts, 0);
  await client[Symbol.asyncDispose]();
});

Deno.test("keepalive can be switched off", async () => {
  await using relay = startTestRelay({ pingIntervalSeconds: 0, pingTimeoutSeconds: 0 });
  const { client } = await RawClient.connect({ port: relay.running.addr.port, path: "/quiet" });
  try {
    await assert.rejects(client.readFrame(1500), /no data|no frame/);
    assert.ok(relay.running.relay.hub.holder("quiet"));
  } finally {
    client.close();
  }
});
