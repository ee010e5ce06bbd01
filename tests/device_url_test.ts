/**
 * The device's WebSocket URL parser.
 */

import assert from "node:assert/strict";
import { parseWsUrl } from "../device/ws/url.ts";

Deno.test("ws and wss URLs split into host, port and path", () => {
  assert.deepEqual(parseWsUrl("ws://192.168.1.10:8000/dev-1"), {
    secure: false,
    host: "192.168.1.10",
    hostname: "192.168.1.10",
    port: 8000,
    path: "/dev-1",
  });
  assert.deepEqual(parseWsUrl("WSS://relay.lan/a/b?token=x"), {
    secure: true,
    host: "relay.lan",
    hostname: "relay.lan",
    port: 443,
    path: "/a/b?token=x",
  });
  assert.deepEqual(parseWsUrl("ws://relay.lan"), {
    secure: false,
    host: "relay.lan",
    hostname: "relay.lan",
    port: 80,
    path: "/",
  });
  assert.equal(parseWsUrl("ws://relay.lan?x=1").path, "/?x=1");
  assert.deepEqual(parseWsUrl("ws://[::1]:9000/x"), {
    secure: false,
    host: "[::1]",
    hostname: "::1",
    port: 9000,
    path: "/x",
  });
  assert.equal(parseWsUrl("wss://[fe80::1]/").port, 443);
});

Deno.test("unusable URLs are refused with a message", () => {
  for (
    const url of [
      "http://relay.lan/",
      "relay.lan:8000",
      "ws://",
      "ws://:8000/x",
      "ws://relay.lan:0/",
      "ws://relay.lan:70000/",
      "ws://relay.lan:80a/",
      "ws://user@relay.lan/",
    ]
  ) {
    assert.throws(() => parseWsUrl(url), /WebSocket URL/, url);
  }
});
