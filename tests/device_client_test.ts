/**
 * The device's WebSocket client as it will be flashed: the minified bundle
 * from tools/bundle.ts, on every build of `device_engines.ts` (the real
 * Espruino interpreter for an ESP32-C3, an ESP32 and a C3 with Unicode
 * strings, in WebAssembly), against the real relay (in process, or as a child
 * process that is killed and restarted) and against a scriptable raw WebSocket
 * server for what the relay never does. Faults injected at the board's network
 * (stalls, unreachable and unknown hosts, Wi-Fi loss) are in
 * `device_client_faults_test.ts`.
 */

import assert from "node:assert/strict";
import { generateCertificates } from "../relay/certs.ts";
import { delay, waitFor } from "../testing/wait.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { stablePort } from "../testing/ports.ts";
import { acceptOf, startWsServer } from "./device_ws_server.ts";
import { closeBody, fromBytes, randomBytes, seededRandom, serverFrame } from "./device_frames.ts";
import {
  bootDevice,
  C3,
  type Engine,
  ENGINES,
  summary,
  testOnEngines,
} from "../testing/device_engines.ts";

/** Payloads at every frame-length boundary (7-bit, 16-bit, 64-bit) that the board's memory takes. */
const sizesFor = (engine: Engine) =>
  [0, 125, 126, 1000, 4096, 65535, 65536].filter((n) => n <= engine.maxMessageBytes);
const textOf = (n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (i % 26));
  return s;
};
const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

/** The same payloads built on the device in one allocation each (E.toString repeats a base). */
const DEVICE_PAYLOADS = `
var repeat = function (base, n) { return E.toString({ data: base, count: Math.floor(n / base.length) }, base.substr(0, n % base.length)); };
var textOf = function (n) { return repeat("abcdefghijklmnopqrstuvwxyz", n); };
var binBase = ""; for (var i = 0; i < 256; i++) binBase += String.fromCharCode((i * 31 + 7) & 255);
var binOf = function (n) { return repeat(binBase, n); };`;

testOnEngines(
  ENGINES,
  "messages both ways through the relay: text and binary of every size up to 64 KiB",
  async (engine) => {
    // The unoptimised interpreter masks 64 KiB byte by byte for many seconds (over a minute when
    // the whole suite runs in parallel), and a frame being written leaves no room for a pong: the
    // relay's keepalive must outlast it.
    await using relay = startTestRelay({ pingIntervalSeconds: 300, pingTimeoutSeconds: 300 });
    await using device = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, maxMessageBytes: 65536, outboxBytes: 70000 },
      firmware: DEVICE_PAYLOADS,
    });
    await device.opened();
    await using peer = await TestClient.open(`${relay.url}peer`);
    let count = 0;
    for (const n of sizesFor(engine)) {
      peer.socket.send(textOf(n));
      peer.socket.send(bytesOf(n));
      count += 2;
      await waitFor(
        `${n}-byte messages on the board`,
        () => device.of("message").length === count,
        180_000,
      );
      const received = device.of("message");
      assert.deepEqual(received[count - 2], ["message", summary(textOf(n)), false], `text of ${n}`);
      assert.deepEqual(
        received[count - 1],
        ["message", summary(fromBytes(bytesOf(n))), true],
        `binary of ${n}`,
      );
    }
    for (const n of sizesFor(engine)) {
      // Text as a string; binary as a Uint8Array when small, as a binary string when big.
      await device.run(
        `ws.send(textOf(${n})); ws.send(${n} <= 256 ? E.toUint8Array(binOf(${n})) : binOf(${n}), true)`,
      );
      assert.equal(await peer.next(180_000), textOf(n), `text of ${n} from the board`);
      assert.deepEqual(await peer.next(180_000), bytesOf(n), `binary of ${n} from the board`);
    }
    const counters = await device.counters();
    assert.equal(counters.connects, 1);
    assert.equal(counters.drops, 0);
  },
);

testOnEngines(ENGINES, "frames of every size split at random points, each way", async (engine) => {
  const random = seededRandom(8);
  await using server = startWsServer();
  await using device = await bootDevice(engine, {
    // No pings: every frame the server reads back is one of the messages.
    client: {
      url: `${server.url}board-1`,
      maxMessageBytes: engine.maxMessageBytes,
      pingIntervalMs: 600_000,
      outboxBytes: 70000,
    },
    firmware: DEVICE_PAYLOADS,
  });
  const conn = await server.accept();
  await device.opened();
  const sizes = [0, 1, 125, 126, 127, 1000, 4095, engine.maxMessageBytes];
  const expected: unknown[] = [];
  let stream = "";
  for (const n of sizes) {
    const payload = randomBytes(random, n);
    stream += serverFrame({ opcode: 2, payload }) + serverFrame({ opcode: 1, payload: textOf(n) });
    expected.push(["message", summary(payload), true], ["message", summary(textOf(n)), false]);
  }
  for (let at = 0; at < stream.length;) {
    const size = 1 + Math.floor(random() * 1500);
    await conn.send(stream.slice(at, at + size));
    at += size;
    if (random() < 0.3) await delay(5);
  }
  await waitFor("every message", () => device.of("message").length === expected.length, 30_000);
  assert.deepEqual(device.of("message"), expected);
  for (const n of sizes) {
    await device.run(`ws.send(binOf(${n}), true)`);
    const frame = await conn.nextFrame(60_000);
    assert.equal(frame?.opcode, 2);
    assert.equal(frame?.mask.length, 4, "masked");
    assert.equal(summary(frame!.payload), summary(fromBytes(bytesOf(n))), `${n} bytes`);
  }
  conn.close();
});

testOnEngines(
  ENGINES,
  "the handshake request: Host with port, fresh key, version 13, token, subprotocol, extra headers",
  async (engine) => {
    await using server = startWsServer({
      answer: (request) => ({
        headers: [
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Accept: ${acceptOf(request.headers.get("sec-websocket-key")!)}`,
          "Sec-WebSocket-Protocol: sos.v1",
        ],
      }),
    });
    const client = {
      url: `${server.url}board-1?fw=2`,
      token: "s3cret",
      protocols: ["sos.v2", "sos.v1"],
      headers: { "X-Firmware": "1.0.0" },
      minBackoffMs: 50,
      maxBackoffMs: 100,
    };
    const keys: string[] = [];
    for (let boot = 0; boot < 2; boot++) {
      // Two boots of boards whose Math.random restarts from the same seed.
      await using device = await bootDevice(engine, { client });
      const conn = await server.accept();
      const { line, headers } = conn.request;
      assert.equal(line, "GET /board-1?fw=2 HTTP/1.1");
      assert.equal(headers.get("host"), server.url.slice(5, -1));
      assert.equal(headers.get("upgrade"), "websocket");
      assert.equal(headers.get("connection"), "Upgrade");
      assert.equal(headers.get("sec-websocket-version"), "13");
      assert.equal(headers.get("authorization"), "Bearer s3cret");
      assert.equal(headers.get("sec-websocket-protocol"), "sos.v2, sos.v1");
      assert.equal(headers.get("x-firmware"), "1.0.0");
      const key = headers.get("sec-websocket-key")!;
      assert.equal(atob(key).length, 16);
      keys.push(key);
      await device.opened();
      assert.deepEqual(device.of("open"), [["open", "sos.v1"]]);
      conn.close();
    }
    assert.notEqual(keys[0], keys[1], "keys must not repeat across boots");
  },
);

testOnEngines(
  ENGINES,
  "a message that takes longer to write than the heartbeat is not cut by the client's own ping",
  async (engine) => {
    // The server never answers a ping; the ping waits behind the message anyway. Writing 64 KiB
    // takes the ESP32 build far longer than 150 + 150 ms.
    await using server = startWsServer();
    await using device = await bootDevice(engine, {
      client: {
        url: `${server.url}board-1`,
        pingIntervalMs: 150,
        pongTimeoutMs: 150,
        outboxBytes: 70000,
      },
      firmware: DEVICE_PAYLOADS,
    });
    const conn = await server.accept();
    await device.opened();
    const n = engine.maxMessageBytes;
    await device.run(`ws.send(binOf(${n}), true)`);
    let frame = await conn.nextFrame(60_000);
    // A ping of the heartbeat may go out before the message starts; never inside it.
    while (frame?.opcode === 9) frame = await conn.nextFrame(60_000);
    assert.equal(frame?.opcode, 2);
    // The whole message arrived, so the link was not dropped while writing. Once it is written
    // the unanswered ping may end the link (that is the heartbeat's job), as a drop (1006).
    assert.equal(summary(frame!.payload), summary(fromBytes(bytesOf(n))));
    for (const close of device.of("close")) assert.deepEqual(close, ["close", 1006, ""]);
    conn.close();
  },
);

testOnEngines(
  ENGINES,
  "a response head that arrives one line at a time is read whole",
  async (engine) => {
    // Each piece ends in "\r\n": Espruino's indexOf finds "\r\n\r\n" running past the end.
    await using server = startWsServer({
      answer: (request) => ({
        lineByLine: true,
        headers: [
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Accept: ${acceptOf(request.headers.get("sec-websocket-key")!)}`,
          "Sec-WebSocket-Protocol: sos.v1",
        ],
      }),
    });
    await using device = await bootDevice(engine, {
      client: { url: `${server.url}board-1`, protocols: ["sos.v1"] },
    });
    const conn = await server.accept();
    await device.opened();
    assert.deepEqual(device.events(), [["open", "sos.v1"]]);
    conn.close();
  },
);

testOnEngines(
  ENGINES,
  "a 101 with a wrong Sec-WebSocket-Accept never opens: reported and retried",
  async (engine) => {
    await using server = startWsServer({
      answer: () => ({
        headers: ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: bm90IGl0"],
        after: serverFrame({ opcode: 1, payload: "must not be delivered" }),
      }),
    });
    await using device = await bootDevice(engine, {
      client: { url: `${server.url}board-1`, minBackoffMs: 50, maxBackoffMs: 100 },
    });
    await waitFor("three attempts", () => server.count() >= 3);
    assert.deepEqual(device.of("open"), []);
    assert.deepEqual(device.of("message"), []);
    assert.deepEqual(device.of("error")[0], ["error", "handshake failed: 101 bad Accept", 101]);
    assert.ok((await device.counters()).failures >= 2);
  },
);

testOnEngines(
  ENGINES,
  "frames in the same write as the 101, fragments with a ping between them, pong echoes the payload",
  async (engine) => {
    const ping = "\x00\xffping\x80";
    await using server = startWsServer({
      answer: () => ({
        after: serverFrame({ opcode: 1, payload: "right behind the 101" }) +
          serverFrame({ opcode: 2, payload: "\x00\x01", fin: false }),
      }),
    });
    await using device = await bootDevice(engine, { client: { url: `${server.url}board-1` } });
    const conn = await server.accept();
    await conn.send(
      serverFrame({ opcode: 9, payload: ping }) +
        serverFrame({ opcode: 0, payload: "\x02", fin: false }) +
        serverFrame({ opcode: 10, payload: "unsolicited pong" }) +
        serverFrame({ opcode: 0, payload: "\x03\xff" }) +
        serverFrame({ opcode: 1, payload: "te", fin: false }),
    );
    // Split the last fragment across two writes, in the middle of its header.
    const last = serverFrame({ opcode: 0, payload: "xt" });
    await conn.send(last.slice(0, 1));
    await delay(30);
    await conn.send(last.slice(1));
    const pong = await conn.nextFrame();
    assert.deepEqual(
      pong && { opcode: pong.opcode, payload: pong.payload, masked: pong.mask !== "" },
      {
        opcode: 10,
        payload: ping,
        masked: true,
      },
    );
    await waitFor("three messages", () => device.of("message").length === 3);
    assert.deepEqual(device.of("message"), [
      ["message", "right behind the 101", false],
      ["message", "\x00\x01\x02\x03\xff", true],
      ["message", "text", false],
    ]);
    conn.close();
  },
);

testOnEngines(
  ENGINES,
  "protocol errors close with 1002, oversized messages with 1009; then the client reconnects",
  async (engine) => {
    await using server = startWsServer();
    await using device = await bootDevice(engine, {
      client: {
        url: `${server.url}board-1`,
        maxMessageBytes: 1000,
        closeTimeoutMs: 300,
        minBackoffMs: 50,
        maxBackoffMs: 100,
      },
    });
    const first = await server.accept();
    await first.send(serverFrame({ opcode: 1, payload: "masked!", mask: "\x01\x02\x03\x04" }));
    const close1002 = await first.nextFrame();
    assert.equal(close1002?.opcode, 8);
    assert.deepEqual(closeOf(close1002!.payload), { code: 1002, reason: "masked frame" });
    // The server never answers: the client ends the TCP connection after closeTimeoutMs.
    await first.ended;

    const second = await server.accept();
    await second.send(serverFrame({ opcode: 2, payload: "x".repeat(1001) }).slice(0, 4));
    const close1009 = await second.nextFrame();
    assert.deepEqual(closeOf(close1009!.payload), { code: 1009, reason: "over 1000 bytes" });
    await second.send(serverFrame({ opcode: 8, payload: closeBody(1009) }));
    await second.ended;

    await server.accept();
    await device.opened(3);
    const kinds = device.events().map((e) => e.slice(0, 2).join(" "));
    assert.deepEqual(kinds, [
      "open ",
      "error protocol error: masked frame",
      "close 1002",
      "open ",
      "error protocol error: over 1000 bytes",
      "close 1009",
      "open ",
    ]);
  },
);

function closeOf(payload: string): { code: number; reason: string } {
  return { code: payload.charCodeAt(0) * 256 + payload.charCodeAt(1), reason: payload.slice(2) };
}

testOnEngines(
  ENGINES,
  "a server close is answered with its code; close() sends the application's code and stops for good",
  async (engine) => {
    await using server = startWsServer();
    await using device = await bootDevice(engine, {
      client: { url: `${server.url}board-1`, minBackoffMs: 50, maxBackoffMs: 100 },
    });
    const first = await server.accept();
    await first.send(serverFrame({ opcode: 8, payload: closeBody(4000, "maintenance") }));
    const echo = await first.nextFrame();
    assert.equal(echo?.opcode, 8);
    assert.equal(closeOf(echo!.payload).code, 4000);
    first.close();

    const second = await server.accept();
    await device.opened(2);
    // A reason too long for a control frame is cut to the 123 bytes that fit.
    await device.run(`ws.close(4001, "bye" + "!".repeat(200))`);
    const own = await second.nextFrame();
    assert.deepEqual(closeOf(own!.payload), { code: 4001, reason: "bye" + "!".repeat(120) });
    await second.send(serverFrame({ opcode: 8, payload: closeBody(4001, "bye") }));
    await second.ended;
    await waitFor("closed", async () => (await device.state()) === "closed");
    assert.equal(await device.run(`ws.send("after close")`), false);
    await delay(300);
    assert.equal(server.count(), 2, "no reconnection after close()");
    assert.deepEqual(device.events().filter((e) => e[0] !== "open"), [
      ["close", 4000, "maintenance"],
      ["close", 4001, "bye"],
    ]);
    assert.equal(
      (await device.counters()).drops,
      1,
      "the server's close is a drop, close() is not",
    );
  },
);

testOnEngines(
  ENGINES,
  "pings both ways: the device answers the relay's pings and pings a silent server itself",
  async (engine) => {
    // The relay pings a client silent for 1 s and drops it 1 s later without an answer.
    await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
    await using device = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, pingIntervalMs: 60000 },
    });
    await device.opened();
    const sentAtOpen = (await device.counters()).bytesOut;
    await delay(3500);
    assert.equal(await device.state(), "open");
    assert.equal(
      (await device.counters()).connects,
      1,
      "answered the relay's pings: never dropped",
    );
    assert.ok(
      (await device.counters()).bytesOut > sentAtOpen,
      "pongs went out, and nothing else could have",
    );

    await using server = startWsServer();
    await using pinger = await bootDevice(engine, {
      client: { url: `${server.url}board-2`, pingIntervalMs: 200, pongTimeoutMs: 5000 },
    });
    const conn = await server.accept();
    for (let i = 0; i < 3; i++) {
      // Each pong restarts the interval: the next ping comes long before the pong timeout.
      const frame = await conn.nextFrame(2000);
      assert.equal(frame?.opcode, 9, "a ping after 200 ms of silence");
      await conn.send(serverFrame({ opcode: 10, payload: frame!.payload }));
    }
    assert.equal((await pinger.counters()).drops, 0);
    conn.close();
  },
);

testOnEngines(
  C3,
  "wss with a generated certificate (encrypted, certificate not verified, and the board says so)",
  async (engine) => {
    const dir = await Deno.makeTempDir();
    try {
      await generateCertificates({ dir, hosts: ["127.0.0.1", "localhost"] });
      const tls = {
        cert: await Deno.readTextFile(`${dir}/server.crt`),
        key: await Deno.readTextFile(`${dir}/server.key`),
      };
      await using relay = startTestRelay({ tls: true }, tls);
      assert.ok(relay.url.startsWith("wss://"));
      // Without the server name, which Deno's TLS refuses from Espruino (tls_front_test.ts).
      await using device = await bootDevice(engine, {
        client: { url: `${relay.url}board-1` },
        board: { env: { ESPRUINO_TLS_SNI: "0" } },
      });
      await device.opened();
      assert.ok(
        device.lines().some((line) => /certificate NOT verified/.test(line)),
        "the board warns that the server is not authenticated",
      );
      using client = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(`${dir}/ca.crt`)] });
      await using peer = await TestClient.open(`${relay.url}peer`, { client });
      peer.socket.send("over tls");
      await waitFor("message", () => device.of("message").length === 1);
      assert.deepEqual(device.of("message"), [["message", "over tls", false]]);
      await device.run(`ws.send(new Uint8Array([0, 1, 254, 255]))`);
      assert.deepEqual(await peer.next(), new Uint8Array([0, 1, 254, 255]));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

testOnEngines(
  ENGINES,
  "a token opens the relay; without it the 401 is reported and retried, never fatal",
  async (engine) => {
    await using relay = startTestRelay({ token: "s3cret" });
    await using allowed = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, token: "s3cret" },
    });
    await using refused = await bootDevice(engine, {
      client: { url: `${relay.url}board-2`, minBackoffMs: 50, maxBackoffMs: 100 },
    });
    await allowed.opened();
    await waitFor("three refusals", () => refused.of("error").length >= 3);
    for (const error of refused.of("error")) {
      assert.deepEqual(error, ["error", "handshake failed: 401 Unauthorized", 401]);
    }
    assert.deepEqual(refused.of("open"), []);
    // Read once: between two reads a refused attempt may end and the next begin.
    const state = await refused.state();
    assert.ok(state === "waiting" || state === "connecting", `state ${state}`);
  },
);

testOnEngines(
  ENGINES,
  "409 while the relay still holds the old connection: a rebooted board is refused, retries and gets in",
  async (engine) => {
    // The keepalive frees the silent board's id 4–6 s after its last pong: long enough for the
    // rebooted board (an emulated interpreter took 0.9 s to boot under load) to be refused first.
    await using relay = startTestRelay({ pingIntervalSeconds: 2, pingTimeoutSeconds: 2 });
    await using device = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, minBackoffMs: 100, maxBackoffMs: 300 },
    });
    await device.opened();
    // A power cycle: the old board goes silent without closing its socket, so the relay keeps
    // the id until its keepalive gives up; the rebooted board comes up meanwhile.
    await device.silence();
    await using rebooted = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, minBackoffMs: 100, maxBackoffMs: 300 },
    });
    await waitFor("a 409", () => rebooted.of("error").some((e) => e[2] === 409));
    await rebooted.opened(1, 20_000);
    const kinds = rebooted.events().map((e) => e[0]);
    assert.equal(kinds.at(-1), "open");
    assert.ok(kinds.slice(0, -1).every((kind) => kind === "error"), kinds.join(","));
    assert.deepEqual(rebooted.of("error")[0], ["error", "handshake failed: 409 Conflict", 409]);
  },
);

testOnEngines(
  ENGINES,
  "every failure says what failed: refused, closed before the handshake, lost while open; the firmware keeps running",
  async (engine) => {
    const deadPort = stablePort();
    await using refused = await bootDevice(engine, {
      client: { url: `ws://127.0.0.1:${deadPort}/board-1`, minBackoffMs: 50, maxBackoffMs: 100 },
      firmware: `var ticks = 0; setInterval(function () { ticks++; }, 20);`,
    });
    await waitFor("refusals", () => refused.of("error").length >= 3);
    assert.deepEqual(refused.of("error")[0], [
      "error",
      `connect to 127.0.0.1:${deadPort} failed: Unable to create socket`,
      0,
    ]);
    assert.ok((await refused.run("ticks") as number) > 0, "the firmware's own timer kept running");
    // Stopped first, so that no attempt runs between reading the counter and the events; the
    // last event line may still be on its way.
    await refused.run("ws.close()");
    const { failures } = await refused.counters();
    await waitFor(`${failures} errors`, () => refused.of("error").length === failures);

    // A server that accepts and hangs up at once, then one that answers and hangs up later.
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const port = (listener.addr as Deno.NetAddr).port;
    const hangingUp = (async () => {
      for await (const conn of listener) conn.close();
    })();
    try {
      await using closing = await bootDevice(engine, {
        client: { url: `ws://127.0.0.1:${port}/board-3`, minBackoffMs: 50, maxBackoffMs: 100 },
      });
      await waitFor("hang-ups", () => closing.of("error").length >= 2);
      assert.deepEqual(
        closing.of("error")[0].slice(0, 2),
        ["error", `WebSocket handshake with 127.0.0.1:${port} failed: closed by the server`],
      );
    } finally {
      listener.close();
      await hangingUp;
    }
    await using server = startWsServer();
    await using lost = await bootDevice(engine, {
      client: { url: `${server.url}board-4`, minBackoffMs: 50, maxBackoffMs: 100 },
    });
    (await server.accept()).close();
    // The error and the close are two lines of the board's output, which may come in two reads.
    await waitFor("the loss", () => lost.of("error").length >= 1 && lost.of("close").length >= 1);
    assert.deepEqual(lost.of("error")[0].slice(0, 2), [
      "error",
      `connection to ${server.url.slice(5, -1)} lost: closed by the server`,
    ]);
    assert.deepEqual(lost.of("close")[0].slice(0, 2), ["close", 1006]);
    for (const device of [refused, lost]) {
      for (const [, message] of device.of("error")) {
        assert.doesNotMatch(String(message), /undefined/);
      }
    }
  },
);

testOnEngines(
  ENGINES,
  "an application handler that throws is reported as an error and breaks nothing",
  async (engine) => {
    await using relay = startTestRelay();
    await using device = await bootDevice(engine, {
      client: { url: `${relay.url}board-1` },
      firmware:
        `ws.on("message", function (data) { if (data === "boom") throw new Error("handler bug"); });`,
    });
    await device.opened();
    await using peer = await TestClient.open(`${relay.url}peer`);
    peer.socket.send("boom");
    peer.socket.send("after");
    await waitFor("both messages", () => device.of("message").length === 2);
    assert.deepEqual(device.of("error"), [["error", "handler bug", 0]]);
    assert.equal(await device.state(), "open");
    await device.run(`ws.send("still here")`);
    assert.equal(await peer.next(), "still here");
  },
);

testOnEngines(
  ENGINES,
  "rehandshake() closes with 1000 and opens a new connection at once, keeping what was queued",
  async (engine) => {
    await using relay = startTestRelay();
    const peer = await TestClient.open(`${relay.url}peer`);
    await using device = await bootDevice(engine, {
      // A long backoff: only an immediate attempt can reopen within the test.
      client: { url: `${relay.url}board-1`, minBackoffMs: 20_000, maxBackoffMs: 30_000 },
    });
    try {
      await device.opened(1);
      await device.run('ws.rehandshake(); ws.send("queued during the re-handshake")');
      await device.opened(2, 3000);
      assert.deepEqual(device.of("close")[0], ["close", 1000, "re-handshake"]);
      assert.equal(await peer.next(3000), "queued during the re-handshake");
      const counters = await device.counters();
      assert.equal(counters.connects, 2);
      assert.equal(counters.drops, 0, "a deliberate re-handshake is not a drop");
      const disconnect = relay.logs.map((l) => JSON.parse(l)).find((e) => e.event === "disconnect");
      assert.equal(disconnect?.code, 1000);
    } finally {
      await peer[Symbol.asyncDispose]();
    }
  },
);

testOnEngines(
  C3,
  "what arrived with the 101 is not held while the connection stays open",
  async (engine) => {
    // On Espruino a closure keeps its whole scope chain: a parser or writer made inside the data
    // handler (as a minifier's inlining would do) would keep the chunk that completed the handshake
    // for the life of the connection. The first 101 here comes with a 3000-byte message behind it.
    let requests = 0;
    await using server = startWsServer({
      answer: () => (++requests === 1
        ? { after: serverFrame({ opcode: 1, payload: "x".repeat(3000) }) }
        : {}),
    });
    await using device = await bootDevice(engine, {
      client: { url: `${server.url}board-1`, pingIntervalMs: 600_000 },
    });
    await server.accept();
    await device.opened();
    await waitFor("the message behind the 101", () => device.of("message").length === 1);
    const withMessage = (await device.run("process.memory().usage")) as number;
    await device.run("ws.rehandshake()");
    await server.accept();
    await device.opened(2);
    const without = (await device.run("process.memory().usage")) as number;
    // 3000 bytes are about 250 variables of 13 bytes.
    assert.ok(
      withMessage - without < 40,
      `${withMessage} variables in use with the first connection, ${without} with the second`,
    );
  },
);
