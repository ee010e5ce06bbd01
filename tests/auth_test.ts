/**
 * Token authentication and `--on-duplicate replace`.
 */

import assert from "node:assert/strict";
import { TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { startTestRelay } from "../testing/test_client.ts";
import { rawRequest } from "./raw_client.ts";
import { presentedToken, tokenMatches } from "../relay/auth.ts";

const TOKEN = "s3cret-token";

Deno.test("with --token, a client without the right token gets 401 before the upgrade", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  const port = relay.running.addr.port;
  const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer wrong" }, {
    Authorization: `Basic ${TOKEN}`,
  }];
  for (const headers of attempts) {
    const { status, body } = await rawRequest({ port, path: "/dev", headers });
    assert.equal(status, 401);
    assert.match(body, /missing or wrong token/);
  }
  assert.equal((await rawRequest({ port, path: "/dev?token=nope" })).status, 401);
  await assert.rejects(TestClient.open(`${relay.url}dev`), /401/);
  assert.equal(relay.running.relay.metrics.connections.unauthorized, 5);
  assert.equal(relay.running.relay.hub.connectedCount, 0);
});

Deno.test("the token is accepted in the query or as a bearer header, and never logged", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  const byQuery = await TestClient.open(`${relay.url}q?token=${TOKEN}`);
  const socket = new WebSocket(`${relay.url}h`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  } as unknown as string[]);
  const byHeader = await new Promise<WebSocket>((resolve, reject) => {
    socket.onopen = () => resolve(socket);
    socket.onerror = (e) => reject(new Error((e as ErrorEvent).message));
  });
  byQuery.socket.send("hi");
  const received = await new Promise((resolve) => byHeader.onmessage = (e) => resolve(e.data));
  assert.equal(received, "hi");
  const closed = new Promise((resolve) => byHeader.onclose = resolve);
  byHeader.close();
  await closed;
  await byQuery[Symbol.asyncDispose]();
  await rawRequest({ port: relay.running.addr.port, path: `/x?token=${TOKEN}x` });
  assert.ok(relay.logs.length > 3);
  for (const line of relay.logs) assert.ok(!line.includes(TOKEN), `token leaked in ${line}`);
});

Deno.test("/metrics needs the token when one is set; /healthz does not", async () => {
  await using relay = startTestRelay({ token: TOKEN });
  const denied = await fetch(`${relay.httpUrl}/metrics`);
  assert.equal(denied.status, 401);
  await denied.body?.cancel();
  const allowed = await fetch(`${relay.httpUrl}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(allowed.status, 200);
  await allowed.body?.cancel();
  const health = await fetch(`${relay.httpUrl}/healthz`);
  assert.equal(health.status, 200);
  await health.body?.cancel();
});

Deno.test("--on-duplicate replace closes the old connection with 4001 and hands the id over", async () => {
  await using relay = startTestRelay({ token: TOKEN, onDuplicate: "replace" });
  const old = await TestClient.open(`${relay.url}board?token=${TOKEN}`);
  const watcher = await TestClient.open(`${relay.url}watcher?token=${TOKEN}`);
  const port = relay.running.addr.port;
  assert.equal((await rawRequest({ port, path: "/board?token=bad" })).status, 401);
  assert.equal(old.socket.readyState, WebSocket.OPEN, "a wrong token cannot evict anyone");
  const fresh = await TestClient.open(`${relay.url}board?token=${TOKEN}`);
  const closed = await old.closed;
  assert.equal(closed.code, 4001);
  assert.equal(closed.reason, "replaced by a newer connection");
  await waitFor(
    "the new holder",
    () => relay.running.relay.hub.holder("board")?.receiving === true,
  );
  watcher.socket.send("to the new one");
  assert.equal(await fresh.next(), "to the new one");
  assert.equal(relay.running.relay.metrics.connections.replaced, 1);
  assert.equal(relay.running.relay.metrics.drops.replaced, 1);
  await fresh[Symbol.asyncDispose]();
  await watcher[Symbol.asyncDispose]();
});

Deno.test("tokens compare by value, whatever their length", () => {
  assert.equal(tokenMatches("abc", "abc"), true);
  assert.equal(tokenMatches("abc", "abd"), false);
  assert.equal(tokenMatches("abc", "abcd"), false);
  assert.equal(tokenMatches("abc", ""), false);
  assert.equal(tokenMatches("abc", undefined), false);
  const request = new Request("http://x/id?token=q", { headers: { authorization: "bearer h" } });
  assert.equal(presentedToken(request), "h", "the header wins over the query");
  assert.equal(presentedToken(new Request("http://x/id?a=1&token=q%20r")), "q r");
  assert.equal(presentedToken(new Request("http://x/id")), undefined);
});
