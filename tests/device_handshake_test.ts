/**
 * The device's opening handshake: the request text, the accept check (RFC
 * 6455 sample), refusals with their status, frames in the same chunk as the
 * 101 — first with hand-made responses split at every byte, then against the
 * real relay over a TCP socket.
 */

import assert from "node:assert/strict";
import {
  acceptFor,
  handshakeRequest,
  type HandshakeResult,
  readHandshake,
} from "../device/ws/handshake.ts";
import { createFrameParser, FRAME_ERROR } from "../device/ws/frame_parser.ts";
import { createFrameWriter } from "../device/ws/frame_writer.ts";
import { parseWsUrl } from "../device/ws/url.ts";
import { fromBytes, randomBytes, seededRandom, sha1, toBytes } from "./device_frames.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";

const SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
// RFC 6455 section 1.3.
const SAMPLE_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

Deno.test("Sec-WebSocket-Accept of the RFC 6455 sample key", () => {
  assert.equal(acceptFor(SAMPLE_KEY, sha1), SAMPLE_ACCEPT);
});

Deno.test("the request carries Host with port, upgrade headers, key, version, token, subprotocols and extra headers", () => {
  const text = handshakeRequest({
    host: "relay.lan",
    port: 8000,
    path: "/dev-1?x=1",
    key: SAMPLE_KEY,
    token: "s3cret",
    protocols: ["v2.sos", "v1.sos"],
    headers: { "X-Firmware": "1.2.3" },
  });
  assert.ok(text.endsWith("\r\n\r\n"));
  const [requestLine, ...headers] = text.slice(0, -4).split("\r\n");
  assert.equal(requestLine, "GET /dev-1?x=1 HTTP/1.1");
  assert.deepEqual(headers, [
    "Host: relay.lan:8000",
    "Upgrade: websocket",
    "Connection: Upgrade",
    `Sec-WebSocket-Key: ${SAMPLE_KEY}`,
    "Sec-WebSocket-Version: 13",
    "Authorization: Bearer s3cret",
    "Sec-WebSocket-Protocol: v2.sos, v1.sos",
    "X-Firmware: 1.2.3",
  ]);
  const plain = handshakeRequest({ host: "[::1]", port: 80, path: "/", key: SAMPLE_KEY });
  assert.match(plain, /\r\nHost: \[::1\]:80\r\n/);
  assert.doesNotMatch(plain, /Authorization|Protocol/);
  const empty = handshakeRequest({
    host: "relay.lan",
    port: 80,
    path: "/",
    key: SAMPLE_KEY,
    protocols: [],
    headers: { "X-Empty": "" },
  });
  assert.doesNotMatch(empty, /Protocol|X-Empty/, "no empty subprotocol list, no empty header");
});

function response(status: string, headers: string[]): string {
  return `HTTP/1.1 ${status}\r\n${headers.join("\r\n")}\r\n\r\n`;
}

const GOOD_HEADERS = [
  "Upgrade: websocket",
  "Connection: Upgrade",
  `Sec-WebSocket-Accept: ${SAMPLE_ACCEPT}`,
];

/**
 * Feeds `text` cut at `cut` and returns the result (undefined if the head never completed), with
 * what arrived after the completing chunk appended to `rest`, as the client hands it on.
 */
function readSplit(
  text: string,
  cut: number,
  protocols?: string[],
): HandshakeResult | undefined {
  const expected = { accept: SAMPLE_ACCEPT, protocols };
  const first = readHandshake(text.slice(0, cut), expected);
  if (first) return { ...first, rest: first.rest + text.slice(cut) };
  return readHandshake(text, expected);
}

Deno.test("a 101 with the right accept succeeds at every split and keeps the frames behind it", () => {
  const frames = "\x81\x05hello\x89\x00";
  const text = response("101 Switching Protocols", GOOD_HEADERS) + frames;
  for (let cut = 0; cut <= text.length; cut++) {
    const result = readSplit(text, cut);
    assert.deepEqual(
      result,
      { ok: true, status: 101, reason: "", protocol: "", rest: frames },
      `split at ${cut}`,
    );
  }
  // Header names and values in any case, spaces around values.
  const loose = response("101 Switching Protocols", [
    "upgrade:WebSocket",
    "CONNECTION:  keep-alive, Upgrade ",
    `sec-websocket-accept: ${SAMPLE_ACCEPT}`,
  ]);
  assert.equal(readSplit(loose, 0)?.ok, true);
});

Deno.test("refusals report their status and reason", () => {
  for (
    const [status, reason] of [
      ["409 Conflict", "Conflict"],
      ["401 Unauthorized", "Unauthorized"],
      ["503 Service Unavailable", "Service Unavailable"],
      ["400 Bad Request", "Bad Request"],
    ]
  ) {
    const text = response(status, ["Content-Length: 5"]) + "body!";
    for (let cut = 0; cut <= text.length; cut++) {
      const result = readSplit(text, cut)!;
      assert.equal(result.ok, false);
      assert.equal(result.status, Number(status.slice(0, 3)));
      assert.equal(result.reason, reason);
    }
  }
});

Deno.test("a 101 that is not a proper upgrade fails, and says why", () => {
  const cases: [string[], RegExp][] = [
    [["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: AAAA"], /bad Accept/],
    [["Upgrade: websocket", "Connection: Upgrade"], /bad Accept/],
    [
      ["Upgrade: websocket", "Connection: Upgrade", `X-Sec-WebSocket-Accept: ${SAMPLE_ACCEPT}`],
      /bad Accept/,
    ],
    [["Connection: Upgrade", `Sec-WebSocket-Accept: ${SAMPLE_ACCEPT}`], /bad Upgrade/],
    [
      ["Upgrade: h2c", "Connection: Upgrade", `Sec-WebSocket-Accept: ${SAMPLE_ACCEPT}`],
      /bad Upgrade/,
    ],
    [["Upgrade: websocket", `Sec-WebSocket-Accept: ${SAMPLE_ACCEPT}`], /bad Connection/],
    [[...GOOD_HEADERS, "Sec-WebSocket-Extensions: permessage-deflate"], /extension/],
    [[...GOOD_HEADERS, "Sec-WebSocket-Protocol: chat"], /subprotocol chat/],
  ];
  for (const [headers, why] of cases) {
    const result = readSplit(response("101 Switching Protocols", headers), 10)!;
    assert.equal(result.ok, false, headers.join(" | "));
    assert.equal(result.status, 101);
    assert.match(result.reason, why);
  }
  const chosen = response("101 Switching Protocols", [
    ...GOOD_HEADERS,
    "Sec-WebSocket-Protocol: v1",
  ]);
  assert.equal(readSplit(chosen, 3, ["v2", "v1"])?.protocol, "v1");
  assert.equal(readSplit(chosen, 3, ["v2", "v1"])?.ok, true);
});

Deno.test("garbage and endless heads fail without growing", () => {
  assert.deepEqual(readSplit("SSH-2.0-OpenSSH_9.6\r\n\r\n", 4), {
    ok: false,
    status: 0,
    reason: "not HTTP",
    protocol: "",
    rest: "",
  });
  const expected = { accept: SAMPLE_ACCEPT, maxHeadBytes: 1000 };
  let received = "";
  let result: HandshakeResult | undefined;
  for (let i = 0; i < 100 && !result; i++) {
    received += "HTTP/1.1 101 OK\r\nX: " + "y".repeat(50);
    result = readHandshake(received, expected);
  }
  assert.ok(received.length < 1100, "it gave up as soon as the head passed the limit");
  assert.equal(result?.ok, false);
  assert.match(result!.reason, /head over 1000 bytes/);
});

/** A socket speaking the device's handshake to the real relay, reading with the device's modules. */
async function deviceHandshake(
  url: string,
  options: { token?: string; protocols?: string[] } = {},
): Promise<{ conn: Deno.TcpConn; result: HandshakeResult }> {
  const target = parseWsUrl(url);
  const conn = await Deno.connect({ hostname: target.hostname, port: target.port });
  const key = btoa(randomBytes(seededRandom(Date.now()), 16));
  const request = handshakeRequest({ ...target, key, ...options });
  await conn.write(toBytes(request));
  const expected = { accept: acceptFor(key, sha1), protocols: options.protocols };
  const buffer = new Uint8Array(536);
  let received = "";
  while (true) {
    const n = await conn.read(buffer);
    if (n === null) throw new Error("closed during the handshake");
    const result = readHandshake(received += fromBytes(buffer.subarray(0, n)), expected);
    if (result) return { conn, result };
  }
}

Deno.test("against the real relay: accepted, then frames both ways; 409 and 401 refusals", async () => {
  await using relay = startTestRelay({ token: "s3cret" });
  const { conn, result } = await deviceHandshake(`${relay.url}board-1`, {
    token: "s3cret",
    protocols: ["sos.v1"],
  });
  try {
    assert.deepEqual({ ...result, rest: "" }, {
      ok: true,
      status: 101,
      reason: "",
      protocol: "sos.v1",
      rest: "",
    });
    await using peer = await TestClient.open(`${relay.url}peer?token=s3cret`);
    // Device → relay → peer, with the device's writer (masked frames).
    const writer = createFrameWriter({
      write: (piece) => void conn.write(toBytes(piece)),
      randomBytes: (n) => randomBytes(Math.random, n),
      pieceBytes: 4096,
    });
    writer.send(1, "from the device");
    assert.equal(await peer.next(), "from the device");
    // Peer → relay → device, read with the device's parser.
    const received: string[] = [];
    const parser = createFrameParser(1000, (kind, data, code) => {
      if (kind === FRAME_ERROR) assert.fail(`${code} ${data}`);
      received.push(data);
    });
    parser.push(result.rest);
    peer.socket.send("to the device");
    const buffer = new Uint8Array(536);
    while (received.length === 0) {
      const n = await conn.read(buffer);
      assert.ok(n !== null);
      parser.push(fromBytes(buffer.subarray(0, n)));
    }
    assert.deepEqual(received, ["to the device"]);

    const duplicate = await deviceHandshake(`${relay.url}board-1`, { token: "s3cret" });
    duplicate.conn.close();
    assert.equal(duplicate.result.ok, false);
    assert.equal(duplicate.result.status, 409);

    const noToken = await deviceHandshake(`${relay.url}board-2`);
    noToken.conn.close();
    assert.equal(noToken.result.ok, false);
    assert.equal(noToken.result.status, 401);
  } finally {
    conn.close();
  }
});
