/**
 * How the console's WebSocket presents its token: as a `bearer.<base64url>` subprotocol
 * (relay/auth.ts), never in the URL, with the relay agreeing to the other subprotocol offered
 * so the token is not echoed. Deno WebSockets against an in-process relay.
 */

import assert from "node:assert/strict";
import { tokenProtocol } from "../relay/auth.ts";
import { mintToken } from "../relay/credentials.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";

const TOKEN = "shared ünïcode token/+=";
const SECRET = "a-secret-for-the-console-token-test-012345";

/** What each socket opened by {@linkcode open} received, from its first message on. */
const receivedBy = new WeakMap<WebSocket, string[]>();

/** Opens a WebSocket offering `protocols`; resolves with it open, or with the refusal. */
function open(url: string, protocols: string[]): Promise<WebSocket | "refused"> {
  const socket = new WebSocket(url, protocols);
  const received: string[] = [];
  receivedBy.set(socket, received);
  socket.addEventListener("message", (event) => received.push(String(event.data)));
  return new Promise((resolve) => {
    socket.onopen = () => resolve(socket);
    socket.onerror = () => {
      socket.onclose = () => resolve("refused");
    };
  });
}

async function close(socket: WebSocket): Promise<void> {
  const closed = new Promise((resolve) => socket.addEventListener("close", resolve));
  socket.close();
  await closed;
}

Deno.test("tokenProtocol is base64url of the token's UTF-8, behind bearer.", () => {
  assert.equal(tokenProtocol("ab?"), "bearer.YWI_");
  assert.match(tokenProtocol(TOKEN), /^bearer\.[A-Za-z0-9_-]+$/);
});

Deno.test("the shared token as a subprotocol: accepted, refused when wrong, never agreed to", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  const socket = await open(`${relay.url}console-a`, ["relay.console", tokenProtocol(TOKEN)]);
  assert.notEqual(socket, "refused");
  assert.equal((socket as WebSocket).protocol, "relay.console", "the token is not echoed");
  await close(socket as WebSocket);
  assert.equal(
    await open(`${relay.url}console-b`, ["relay.console", tokenProtocol("wrong")]),
    "refused",
  );
  assert.equal(await open(`${relay.url}console-c`, ["relay.console", "bearer.%%%"]), "refused");
  for (const line of relay.logs) assert.ok(!line.includes(TOKEN));
});

Deno.test("an operator's JWT as a subprotocol makes an operator", async () => {
  await using relay = startTestRelay({ jwtSecret: SECRET });
  const jwt = await mintToken({ secret: SECRET, sub: "ops", role: "operator" });
  const socket = await open(`${relay.url}ops?events=1&mark=1`, [
    "relay.console",
    tokenProtocol(jwt),
  ]);
  assert.notEqual(socket, "refused");
  await using device = await TestClient.open(
    `${relay.url}esp32-1?role=device&token=${await mintToken({
      secret: SECRET,
      sub: "esp32-1",
      role: "device",
    })}`,
  );
  device.socket.send("hi");
  const operator = socket as WebSocket;
  const received = receivedBy.get(operator) ?? [];
  await waitFor("the device's message", () => received.includes("hi"));
  // The operator's first frame is the relay's hello, and it received the device's message.
  assert.equal(JSON.parse(received[0]).event, "hello");
  await close(operator);
});
