/**
 * A client whose connection is reset during its WebSocket handshake (a board restarted or powered
 * off just after sending its upgrade request): Deno fires no event at all for that socket, so the
 * relay must free the id itself, or every later connect with it gets 409 for as long as it runs.
 */

import assert from "node:assert/strict";
import net from "node:net";
import { mintToken } from "../relay/credentials.ts";
import { startTestRelay } from "../testing/test_client.ts";
import { delay } from "../testing/wait.ts";

const SECRET = "jwt-secret-for-the-handshake-test-0123456789";

/** Sends the upgrade request for `id` and resolves with the status line of the answer. */
async function upgrade(port: number, request: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await conn.write(new TextEncoder().encode(request));
    const buffer = new Uint8Array(512);
    const n = await conn.read(buffer);
    return new TextDecoder().decode(buffer.subarray(0, n ?? 0)).split("\r\n")[0];
  } finally {
    conn.close();
  }
}

/** Sends the upgrade request and resets the connection at once (an RST, as a board's reboot). */
function resetDuringHandshake(port: number, request: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.write(request, () => {
        socket.resetAndDestroy();
        socket.once("close", () => resolve());
      });
    });
    socket.on("error", () => {});
  });
}

Deno.test({
  name:
    "relay: a client reset during its handshake does not keep its id: a new connect gets in within the keepalive's time",
  // Deno's upgrade of the reset socket never completes (op_http_upgrade_websocket_next stays
  // pending): the very behaviour the relay works around, which no close of the socket ends.
  sanitizeOps: false,
  fn: handshakeReset,
});

async function handshakeReset(): Promise<void> {
  // The keepalive: ping every second, 1 s for the answer.
  await using relay = startTestRelay({
    jwtSecret: SECRET,
    pingIntervalSeconds: 1,
    pingTimeoutSeconds: 1,
  });
  const port = relay.running.addr.port;
  const token = await mintToken({ sub: "board-1", role: "device", secret: SECRET });
  const request = "GET /board-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n" +
    "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
    `Sec-WebSocket-Version: 13\r\nAuthorization: Bearer ${token}\r\n\r\n`;
  const disconnects = () => relay.logs.filter((line) => line.includes('"disconnect"')).length;

  // Resets until one lands before the relay's answer (the token's check gives it time) and
  // leaves the id held; a reset that lands after it is an ordinary disconnect.
  let refusedAt = 0;
  for (let attempt = 0; attempt < 50 && !refusedAt; attempt++) {
    const before = disconnects();
    await resetDuringHandshake(port, request);
    await delay(100);
    if (disconnects() > before) continue;
    const answer = await upgrade(port, request);
    if (answer.includes("409")) refusedAt = Date.now();
    else {
      assert.match(answer, / 101 /);
      // Its own close frees the id before the next attempt.
      while (disconnects() === before) await delay(20);
    }
  }
  assert.ok(refusedAt, "no reset landed during a handshake in 50 attempts");

  // Freed after the keepalive's time (2 s), not never.
  let answer = "";
  while (!answer.includes(" 101 ") && Date.now() - refusedAt < 10_000) {
    await delay(250);
    answer = await upgrade(port, request);
  }
  assert.match(answer, / 101 /, "the id was still held 10 s later");
  assert.ok(
    relay.logs.some((line) => line.includes("gone during the handshake")),
    relay.logs.join("\n"),
  );
}
