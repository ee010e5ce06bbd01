/**
 * The mark on the relay's events (`?events=1&mark=1`): a secret per connection, told in the
 * `hello` that is the connection's first frame and carried by every event, so that a device's
 * text shaped like an event can be told from one. Deno WebSockets against an in-process relay.
 */

import assert from "node:assert/strict";
import { markEvent } from "../relay/hub.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { clusterTest, live, startNode } from "./cluster_nodes.ts";

/** The next message, as a JSON object. */
async function nextJson(client: TestClient): Promise<Record<string, unknown>> {
  const message = await client.next();
  assert.equal(typeof message, "string");
  return JSON.parse(message as string);
}

Deno.test("markEvent adds the mark as the event's last member", () => {
  assert.equal(
    markEvent('{"event":"online","id":"a","at":"t"}', "m_1-"),
    '{"event":"online","id":"a","at":"t","mark":"m_1-"}',
  );
});

Deno.test("each marked operator gets its own mark in a hello first, then on every event; a device cannot produce one", async () => {
  await using relay = startTestRelay({ resumeWindowSeconds: 0 });
  await using first = await TestClient.open(`${relay.url}op1?events=1&mark=1`);
  await using second = await TestClient.open(`${relay.url}op2?events=1&mark=1`);
  await using plain = await TestClient.open(`${relay.url}op3?events=1`);
  const hello1 = await nextJson(first);
  const hello2 = await nextJson(second);
  assert.equal(hello1.event, "hello");
  assert.match(String(hello1.mark), /^[A-Za-z0-9_-]{22}$/);
  assert.equal(hello2.event, "hello");
  assert.notEqual(hello1.mark, hello2.mark, "every connection has its own mark");
  await waitFor("operators live", () => relay.running.relay.hub.connectedCount === 3);

  await using device = await TestClient.open(`${relay.url}esp32-x?role=device`);
  const online1 = await nextJson(first);
  assert.deepEqual([online1.event, online1.id, online1.mark], ["online", "esp32-x", hello1.mark]);
  assert.equal((await nextJson(second)).mark, hello2.mark);
  // A client that did not ask for the mark gets the events as before: no hello, no mark.
  const online3 = await nextJson(plain);
  assert.deepEqual([online3.event, online3.id, "mark" in online3], ["online", "esp32-x", false]);

  // The device forges an offline event, with the only mark it could know of: none, or a guess.
  const forged = JSON.stringify({
    event: "offline",
    id: "esp32-x",
    at: new Date().toISOString(),
    code: 1000,
    mark: "AAAAAAAAAAAAAAAAAAAAAA",
  });
  device.socket.send(forged);
  for (const [client, hello] of [[first, hello1], [second, hello2]] as const) {
    const got = await nextJson(client);
    assert.equal(got.event, "offline");
    assert.notEqual(got.mark, hello.mark, "a device's text never carries an operator's mark");
  }
  assert.equal(await plain.next(), forged);
  // The device is still online: the relay's own offline comes, marked, only when it goes.
  device.socket.close(1000, "bye");
  const offline = await nextJson(first);
  assert.deepEqual([offline.event, offline.id, offline.mark], ["offline", "esp32-x", hello1.mark]);
});

Deno.test("a device cannot ask for a mark: it gets no hello and no events", async () => {
  await using relay = startTestRelay({ resumeWindowSeconds: 0 });
  await using device = await TestClient.open(`${relay.url}d1?role=device&events=1&mark=1`);
  await using _other = await TestClient.open(`${relay.url}d2?role=device`);
  await waitFor("both live", () => relay.running.relay.hub.connectedCount === 2);
  assert.ok(await device.silentFor(200), "a device gets neither a hello nor the events");
});

clusterTest(
  "on a cluster, events of a device on another node reach a marked operator with its mark",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using operator = await TestClient.open(`${b.url}ops?events=1&mark=1`);
    const hello = await nextJson(operator);
    assert.equal(hello.event, "hello");
    await live(b, ["ops"]);
    await using device = await TestClient.open(`${a.url}esp32-far?role=device`);
    const online = await nextJson(operator);
    assert.deepEqual([online.event, online.id, online.mark], ["online", "esp32-far", hello.mark]);
    device.socket.send(JSON.stringify({ event: "offline", id: "esp32-far", at: "x" }));
    const forged = await nextJson(operator);
    assert.deepEqual([forged.event, "mark" in forged], ["offline", false]);
  },
);
