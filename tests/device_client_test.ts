/**
 * The device's WebSocket client as it will be flashed: the minified bundle
 * from tools/bundle.ts, running on the virtual Espruino board, against the
 * real relay (in process, or as a child process that is killed and
 * restarted) and against a scriptable raw WebSocket server for what the relay
 * never does. Network faults come from the board: stalls, unreachable and
 * unknown hosts, Wi-Fi loss, a reboot that abandons its socket.
 */

import assert from "node:assert/strict";
import { VirtualBoard, type VirtualBoardOptions } from "../virtual_board/mod.ts";
import { buildDeviceBundle } from "./device_build.ts";
import { generateCertificates } from "../relay/certs.ts";
import { delay, startTestRelay, TestClient, waitFor } from "./helpers.ts";
import { startRelayProcess } from "./relay_process.ts";
import { acceptOf, startWsServer } from "./device_ws_server.ts";
import { closeBody, fromBytes, serverFrame } from "./device_frames.ts";

const LIBRARY = await buildDeviceBundle({ entry: "device/ws/mod.ts", globalName: "WS" });

/** What the test firmware records: [event, ...arguments]. */
type DeviceEvent = [string, ...unknown[]];

/** A board running the client and a small firmware that records its events. */
interface Device extends AsyncDisposable {
  board: VirtualBoard;
  /** Everything recorded since the last boot. */
  events(): DeviceEvent[];
  /** Recorded events of one kind. */
  of(kind: string): DeviceEvent[];
  /** The client's state(). */
  state(): string;
  /** The client's counters. */
  counters(): Record<string, number>;
  /** Waits until the client has opened `count` times since the last boot. */
  opened(count?: number, timeoutMs?: number): Promise<void>;
}

/**
 * Boots a board with the client library and firmware that creates `ws` with `client` options
 * and records every event in `log`; `firmware` is appended.
 */
async function bootDevice(options: {
  client: Record<string, unknown>;
  firmware?: string;
  board?: Partial<VirtualBoardOptions>;
}): Promise<Device> {
  const code = LIBRARY + `
var log = [];
var ws = WS.createWebSocketClient(${JSON.stringify(options.client)});
ws.on("open", function (protocol) { log.push(["open", protocol]); });
ws.on("message", function (data, binary) { log.push(["message", data, binary]); });
ws.on("close", function (code, reason) { log.push(["close", code, reason]); });
ws.on("error", function (e) { log.push(["error", e.message, e.status || 0]); });
${options.firmware ?? ""}`;
  const board = await VirtualBoard.boot({ code, hasWifi: false, ...options.board });
  const events = () => JSON.parse(board.eval("JSON.stringify(log)") as string) as DeviceEvent[];
  return {
    board,
    events,
    of: (kind) => events().filter((e) => e[0] === kind),
    state: () => board.eval("ws.state()") as string,
    counters: () => JSON.parse(board.eval("JSON.stringify(ws.counters)") as string),
    opened: (count = 1, timeoutMs = 5000) =>
      waitFor(
        `open #${count}`,
        () => events().filter((e) => e[0] === "open").length >= count,
        timeoutMs,
      ),
    async [Symbol.asyncDispose]() {
      const uncaught = board.console.filter((line) => line.startsWith("Uncaught"));
      await board.stop();
      // Nothing may ever escape the client into the board's event loop.
      assert.deepEqual(uncaught, []);
    },
  };
}

/** Payloads of every size the issue names: text as text, binary with every byte value. */
const SIZES = [0, 125, 126, 65535, 65536];
const textOf = (n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (i % 26));
  return s;
};
const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

Deno.test("messages both ways through the relay: text and binary of 0, 125, 126, 65535 and 65536 bytes", async () => {
  await using relay = startTestRelay();
  await using device = await bootDevice({
    client: {
      url: `${relay.url}board-1`,
      maxMessageBytes: 65536,
      outboxBytes: 300000,
    },
  });
  await device.opened();
  await using peer = await TestClient.open(`${relay.url}peer`);

  for (const n of SIZES) {
    peer.socket.send(textOf(n));
    peer.socket.send(bytesOf(n));
  }
  await waitFor("10 messages on the board", () => device.of("message").length === 10);
  const received = device.of("message");
  SIZES.forEach((n, i) => {
    assert.deepEqual(received[2 * i], ["message", textOf(n), false], `text of ${n}`);
    assert.deepEqual(
      received[2 * i + 1],
      ["message", fromBytes(bytesOf(n)), true],
      `binary of ${n}`,
    );
  });

  // The board sends text as strings and binary as Uint8Array, the way firmware holds them.
  device.board.eval(`
    var sizes = ${JSON.stringify(SIZES)};
    sizes.forEach(function (n) {
      var text = "";
      for (var i = 0; i < n; i++) text += String.fromCharCode(97 + (i % 26));
      var bytes = new Uint8Array(n);
      for (var j = 0; j < n; j++) bytes[j] = (j * 31 + 7) & 255;
      ws.send(text);
      ws.send(bytes);
    });`);
  for (const n of SIZES) {
    assert.equal(await peer.next(), textOf(n), `text of ${n} from the board`);
    assert.deepEqual(await peer.next(), bytesOf(n), `binary of ${n} from the board`);
  }
  assert.equal(device.counters().connects, 1);
  assert.equal(device.counters().drops, 0);
});

Deno.test("the handshake request: Host with port, fresh key, version 13, token, subprotocol, extra headers", async () => {
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
    await using device = await bootDevice({ client });
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
});

Deno.test("a 101 with a wrong Sec-WebSocket-Accept never opens: reported and retried", async () => {
  await using server = startWsServer({
    answer: () => ({
      headers: ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: bm90IGl0"],
      after: serverFrame({ opcode: 1, payload: "must not be delivered" }),
    }),
  });
  await using device = await bootDevice({
    client: { url: `${server.url}board-1`, minBackoffMs: 50, maxBackoffMs: 100 },
  });
  await waitFor("three attempts", () => server.count() >= 3);
  assert.deepEqual(device.of("open"), []);
  assert.deepEqual(device.of("message"), []);
  assert.deepEqual(device.of("error")[0], ["error", "handshake failed: 101 bad Accept", 101]);
  assert.ok(device.counters().failures >= 2);
});

Deno.test("frames in the same write as the 101, fragments with a ping between them, pong echoes the payload", async () => {
  const ping = "\x00\xffping\x80";
  await using server = startWsServer({
    answer: () => ({
      after: serverFrame({ opcode: 1, payload: "right behind the 101" }) +
        serverFrame({ opcode: 2, payload: "\x00\x01", fin: false }),
    }),
  });
  await using device = await bootDevice({ client: { url: `${server.url}board-1` } });
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
});

Deno.test("protocol errors close with 1002, oversized messages with 1009; then the client reconnects", async () => {
  await using server = startWsServer();
  await using device = await bootDevice({
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
});

function closeOf(payload: string): { code: number; reason: string } {
  return { code: payload.charCodeAt(0) * 256 + payload.charCodeAt(1), reason: payload.slice(2) };
}

Deno.test("a server close is answered with its code; close() sends the application's code and stops for good", async () => {
  await using server = startWsServer();
  await using device = await bootDevice({
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
  device.board.eval(`ws.close(4001, "bye" + "!".repeat(200))`);
  const own = await second.nextFrame();
  assert.deepEqual(closeOf(own!.payload), { code: 4001, reason: "bye" + "!".repeat(120) });
  await second.send(serverFrame({ opcode: 8, payload: closeBody(4001, "bye") }));
  await second.ended;
  await waitFor("closed", () => device.state() === "closed");
  assert.equal(device.board.eval(`ws.send("after close")`), false);
  await delay(300);
  assert.equal(server.count(), 2, "no reconnection after close()");
  assert.deepEqual(device.events().filter((e) => e[0] !== "open"), [
    ["close", 4000, "maintenance"],
    ["close", 4001, "bye"],
  ]);
  assert.equal(device.counters().drops, 1, "the server's close is a drop, close() is not");
});

Deno.test("pings both ways: the device answers the relay's pings and pings a silent server itself", async () => {
  // The relay pings a client silent for 1 s and drops it 1 s later without an answer.
  await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
  await using device = await bootDevice({
    client: { url: `${relay.url}board-1`, pingIntervalMs: 60000 },
  });
  await device.opened();
  const sentAtOpen = device.counters().bytesOut;
  await delay(3500);
  assert.equal(device.state(), "open");
  assert.equal(device.counters().connects, 1, "answered the relay's pings: never dropped");
  assert.ok(device.counters().bytesOut > sentAtOpen, "pongs went out, and nothing else could have");

  await using server = startWsServer();
  await using pinger = await bootDevice({
    client: { url: `${server.url}board-2`, pingIntervalMs: 200, pongTimeoutMs: 5000 },
  });
  const conn = await server.accept();
  for (let i = 0; i < 3; i++) {
    // Each pong restarts the interval: the next ping comes long before the pong timeout.
    const frame = await conn.nextFrame(2000);
    assert.equal(frame?.opcode, 9, "a ping after 200 ms of silence");
    await conn.send(serverFrame({ opcode: 10, payload: frame!.payload }));
  }
  assert.equal(pinger.counters().drops, 0);
  conn.close();
});

Deno.test("wss with a generated certificate (encrypted, certificate not verified, and the board says so)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await generateCertificates({ dir, hosts: ["127.0.0.1", "localhost"] });
    const tls = {
      cert: await Deno.readTextFile(`${dir}/server.crt`),
      key: await Deno.readTextFile(`${dir}/server.key`),
    };
    await using relay = startTestRelay({ tls: true }, tls);
    assert.ok(relay.url.startsWith("wss://"));
    await using device = await bootDevice({ client: { url: `${relay.url}board-1` } });
    await device.opened();
    assert.ok(
      device.board.console.some((line) => /certificate NOT verified/.test(line)),
      "the board warns that the server is not authenticated",
    );
    using client = Deno.createHttpClient({ caCerts: [await Deno.readTextFile(`${dir}/ca.crt`)] });
    await using peer = await TestClient.open(`${relay.url}peer`, { client });
    peer.socket.send("over tls");
    await waitFor("message", () => device.of("message").length === 1);
    assert.deepEqual(device.of("message"), [["message", "over tls", false]]);
    device.board.eval(`ws.send(new Uint8Array([0, 1, 254, 255]))`);
    assert.deepEqual(await peer.next(), new Uint8Array([0, 1, 254, 255]));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a token opens the relay; without it the 401 is reported and retried, never fatal", async () => {
  await using relay = startTestRelay({ token: "s3cret" });
  await using allowed = await bootDevice({
    client: { url: `${relay.url}board-1`, token: "s3cret" },
  });
  await using refused = await bootDevice({
    client: { url: `${relay.url}board-2`, minBackoffMs: 50, maxBackoffMs: 100 },
  });
  await allowed.opened();
  await waitFor("three refusals", () => refused.of("error").length >= 3);
  for (const error of refused.of("error")) {
    assert.deepEqual(error, ["error", "handshake failed: 401 Unauthorized", 401]);
  }
  assert.deepEqual(refused.of("open"), []);
  assert.equal(refused.state() === "waiting" || refused.state() === "connecting", true);
});

Deno.test("relay killed and restarted: the client reconnects and flushes its outbox in order, dropping only beyond its bound", async () => {
  const first = await startRelayProcess();
  const port = first.port;
  await using device = await bootDevice({
    client: {
      url: `ws://127.0.0.1:${port}/board-1`,
      minBackoffMs: 50,
      maxBackoffMs: 200,
      outboxMessages: 50,
    },
  });
  let second: Awaited<ReturnType<typeof startRelayProcess>> | undefined;
  try {
    await device.opened();
    await first.stop("SIGKILL");
    await waitFor("the loss noticed", () => device.of("close").length === 1);
    // Refused attempts now throw inside the client, and must not escape.
    await waitFor("refused attempts", () => device.counters().failures >= 2);
    device.board.eval(`for (var i = 0; i < 55; i++) ws.send("m" + i);`);
    assert.equal(device.board.eval("ws.queued()"), 50);
    assert.equal(device.counters().outboxDrops, 5);
    // Keep the board away until a listener is on the new relay, so nothing is sent to nobody.
    device.board.faults.unreachable(true);
    second = await startRelayProcess(["--port", String(port)]);
    await using listener = await TestClient.open(`${second.url}listener`);
    device.board.faults.unreachable(false);
    await device.opened(2);
    for (let i = 5; i < 55; i++) assert.equal(await listener.next(), `m${i}`);
    assert.ok(await listener.silentFor(100));
    const counters = device.counters();
    assert.equal(counters.connects, 2);
    assert.equal(counters.reconnects, 1);
    assert.equal(counters.drops, 1);
    assert.deepEqual(device.of("close")[0].slice(0, 2), ["close", 1006]);
  } finally {
    await first.stop("SIGKILL");
    await second?.stop("SIGKILL");
  }
});

Deno.test("a link that silently stops is detected within ping interval + pong timeout, then rebuilt", async () => {
  await using relay = startTestRelay();
  const pingIntervalMs = 400;
  const pongTimeoutMs = 400;
  await using device = await bootDevice({
    client: { url: `${relay.url}board-1`, pingIntervalMs, pongTimeoutMs, minBackoffMs: 50 },
  });
  await device.opened();
  const stalledAt = device.board.now();
  device.board.faults.stall(true);
  await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
  const detectedAfter = device.board.now() - stalledAt;
  assert.ok(
    detectedAfter >= pongTimeoutMs && detectedAfter <= pingIntervalMs + pongTimeoutMs + 250,
    `detected after ${detectedAfter} ms`,
  );
  assert.deepEqual(device.of("error")[0].slice(0, 2), ["error", "ping timeout"]);
  assert.deepEqual(device.of("close")[0].slice(0, 2), ["close", 1006]);
  device.board.faults.stall(false);
  await device.opened(2);
  await using peer = await TestClient.open(`${relay.url}peer`);
  device.board.eval(`ws.send("alive again")`);
  assert.equal(await peer.next(), "alive again");
});

Deno.test("a message cut off by a dead link is sent again in full after the reconnection, and arrives once", async () => {
  await using relay = startTestRelay();
  await using peer = await TestClient.open(`${relay.url}peer`);
  await using device = await bootDevice({
    client: {
      url: `${relay.url}board-1`,
      pingIntervalMs: 300,
      pongTimeoutMs: 300,
      minBackoffMs: 50,
      writeBytes: 256,
      outboxBytes: 100000,
    },
  });
  await device.opened();
  device.board.faults.stall(true);
  // The first 256-byte piece is written, then the writer waits for a drain that never comes.
  device.board.eval(`ws.send("${"0123456789".repeat(3000)}")`);
  await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
  assert.equal(device.board.eval("ws.queued()"), 1, "the cut-off message is back in the outbox");
  device.board.faults.stall(false);
  await device.opened(2);
  assert.equal(await peer.next(), "0123456789".repeat(3000));
  assert.ok(await peer.silentFor(300), "no second copy, no fragment of the first");
});

Deno.test("409 while the relay still holds the old connection: a rebooted board is refused, retries and gets in", async () => {
  await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
  await using device = await bootDevice({
    client: { url: `${relay.url}board-1`, minBackoffMs: 100, maxBackoffMs: 300 },
  });
  await device.opened();
  // A power cycle: the relay is not told and keeps the id until its keepalive gives up.
  await device.board.reboot({ sockets: "abandon" });
  await waitFor("a 409", () => device.of("error").some((e) => e[2] === 409));
  await device.opened(1, 5000);
  const kinds = device.events().map((e) => e[0]);
  assert.equal(kinds.at(-1), "open");
  assert.ok(kinds.slice(0, -1).every((kind) => kind === "error"), kinds.join(","));
  assert.deepEqual(device.of("error")[0], ["error", "handshake failed: 409 Conflict", 409]);
});

Deno.test("refused and unresolvable hosts throw inside connect; the client reports them and keeps trying, the firmware keeps running", async () => {
  const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const deadPort = (probe.addr as Deno.NetAddr).port;
  probe.close();
  await using refused = await bootDevice({
    client: { url: `ws://127.0.0.1:${deadPort}/board-1`, minBackoffMs: 50, maxBackoffMs: 100 },
    firmware: `var ticks = 0; setInterval(function () { ticks++; }, 20);`,
  });
  await waitFor("refusals", () => refused.of("error").length >= 3);
  assert.deepEqual(refused.of("error")[0], ["error", "connect failed: Unable to create socket", 0]);
  assert.ok((refused.board.eval("ticks") as number) > 0, "the firmware's own timer kept running");
  assert.equal(refused.counters().failures, refused.of("error").length);

  await using relay = startTestRelay();
  await using device = await bootDevice({
    client: { url: `${relay.url}board-2`, minBackoffMs: 50, maxBackoffMs: 100 },
  });
  await device.opened();
  device.board.faults.unknownHost(true);
  // The relay sends 1001 to everyone; reconnecting then meets an unknown host.
  relay.running.relay.closeAll();
  await waitFor(
    "unknown host",
    () =>
      device.of("error").filter((e) => e[1] === "connect failed: Unable to locate host").length >=
        2,
  );
  assert.deepEqual(device.of("close")[0], ["close", 1001, "relay shutting down"]);
  device.board.faults.unknownHost(false);
  await device.opened(2);
});

Deno.test("Wi-Fi loss: the dead link is noticed, the firmware brings Wi-Fi back, reconnect() goes at once, queued messages arrive", async () => {
  await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
  await using peer = await TestClient.open(`${relay.url}peer`);
  await using device = await bootDevice({
    board: { hasWifi: true },
    client: {
      url: `${relay.url}board-1`,
      pingIntervalMs: 300,
      pongTimeoutMs: 300,
      // Waits far longer than the test: only reconnect() can explain a prompt return.
      minBackoffMs: 30000,
      maxBackoffMs: 30000,
    },
    firmware: `
var wifi = require("Wifi");
var wifiEvents = [];
var joining = false;
var joinWifi = function () {
  wifi.connect("lab", { password: "pw" }, function (err) {
    if (err) setTimeout(joinWifi, 100);
    else joining = false;
  });
};
wifi.on("disconnected", function () {
  wifiEvents.push("down");
  if (!joining) {
    joining = true;
    setTimeout(joinWifi, 100);
  }
});
wifi.on("connected", function () { wifiEvents.push("up"); ws.reconnect(); });`,
  });
  await device.opened();
  device.board.wifi.down();
  await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
  assert.deepEqual(device.of("error")[0].slice(0, 2), ["error", "ping timeout"]);
  device.board.eval(`ws.send("while down 1"); ws.send("while down 2");`);
  assert.equal(device.state(), "waiting");
  // The relay lets the silent connection go within its keepalive (1 + 1 s).
  await waitFor("the relay freed the id", () => !relay.running.relay.hub.holder("board-1"), 4000);
  device.board.wifi.up();
  await device.opened(2, 3000);
  assert.equal(await peer.next(), "while down 1");
  assert.equal(await peer.next(), "while down 2");
  const wifiEvents = JSON.parse(device.board.eval("JSON.stringify(wifiEvents)") as string);
  assert.equal(wifiEvents[0], "down");
  assert.equal(wifiEvents.at(-1), "up");
});

Deno.test("an application handler that throws is reported as an error and breaks nothing", async () => {
  await using relay = startTestRelay();
  await using device = await bootDevice({
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
  assert.equal(device.state(), "open");
  device.board.eval(`ws.send("still here")`);
  assert.equal(await peer.next(), "still here");
});

Deno.test("rehandshake() closes with 1000 and opens a new connection at once, keeping what was queued", async () => {
  await using relay = startTestRelay();
  const peer = await TestClient.open(`${relay.url}peer`);
  await using device = await bootDevice({
    // A long backoff: only an immediate attempt can reopen within the test.
    client: { url: `${relay.url}board-1`, minBackoffMs: 20_000, maxBackoffMs: 30_000 },
  });
  try {
    await device.opened(1);
    device.board.eval('ws.rehandshake(); ws.send("queued during the re-handshake")');
    await device.opened(2, 3000);
    assert.deepEqual(device.of("close")[0], ["close", 1000, "re-handshake"]);
    assert.equal(await peer.next(3000), "queued during the re-handshake");
    const counters = device.counters();
    assert.equal(counters.connects, 2);
    assert.equal(counters.drops, 0, "a deliberate re-handshake is not a drop");
    const disconnect = relay.logs.map((l) => JSON.parse(l)).find((e) => e.event === "disconnect");
    assert.equal(disconnect?.code, 1000);
  } finally {
    await peer[Symbol.asyncDispose]();
  }
});
