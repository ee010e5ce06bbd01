import assert from "node:assert/strict";
import { startWsServer } from "./device_ws_server.ts";
import { waitFor } from "../testing/wait.ts";

// The test server itself: a client that leaves before its request is complete (a slow
// interpreter killed mid-connect) must leave nothing open. Deno's resource sanitizer fails this
// test if the server's side of that connection is never closed.
Deno.test("test ws server: a client gone before its request ended leaves no connection open", async () => {
  await using server = startWsServer();
  const port = Number(new URL(server.url).port);
  const client = await Deno.connect({ hostname: "127.0.0.1", port });
  await client.write(new TextEncoder().encode("GET /board HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  await waitFor("the server to hold the connection", () => server.open() === 1);
  client.close();
  await waitFor("the server to let it go", () => server.open() === 0);
  assert.equal(server.count(), 0, "a request that never ended was answered");
});
