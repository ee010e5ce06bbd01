import assert from "node:assert/strict";
import { generateCertificates } from "../relay/certs.ts";
import { TLS_PEER_CLOSED, VirtualBoard } from "../virtual_board/mod.ts";
import { TestServer, waitUntil } from "../virtual_board/testing.ts";

/** Firmware snippet: connects and records every socket event in `log` and the data in `got`. */
function recorder(module: "net" | "tls", port: number, extra = ""): string {
  return `
var log = [];
var got = "";
var chunks = [];
var sock = require("${module}").connect({ host: "127.0.0.1", port: ${port} }, function () {
  log.push("connect");
});
sock.on("drain", function () { log.push("drain"); });
sock.on("data", function (d) { log.push("data"); got += d; chunks.push(d.length); });
sock.on("error", function (e) { log.push("error " + e.code); });
sock.on("end", function () { log.push("end"); });
sock.on("close", function (hadError) { log.push("close " + hadError); });
${extra}
`;
}

/** The event log with runs of `data` folded into one entry. */
function events(board: VirtualBoard): string[] {
  const log = board.eval("log") as string[];
  return Array.from(log).filter((entry, i) => entry !== "data" || log[i - 1] !== "data");
}

function allBytes(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String.fromCharCode(i % 256);
  return text;
}

async function tlsFiles(): Promise<{ cert: string; key: string; dir: string }> {
  const dir = await Deno.makeTempDir();
  const paths = await generateCertificates({ dir, hosts: ["localhost", "127.0.0.1"] });
  return {
    dir,
    cert: await Deno.readTextFile(paths.serverCert),
    key: await Deno.readTextFile(paths.serverKey),
  };
}

Deno.test("data arrives as binary strings in chunks of at most 536 bytes; peer close gives end then close", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: recorder("net", server.port) });
  const peer = await server.nextPeer();
  const sent = allBytes(3000);
  await peer.write(sent);
  await peer.close();
  await waitUntil("close", () => events(board).includes("close false"));
  assert.equal(board.eval("got"), sent);
  const chunks = Array.from(board.eval("chunks") as number[]);
  assert.ok(chunks.length >= 6, `chunks ${chunks}`);
  assert.ok(chunks.every((n) => n > 0 && n <= 536), `chunks ${chunks}`);
  assert.deepEqual(events(board), ["connect", "drain", "data", "end", "close false"]);
});

Deno.test("write sends a string byte for byte and a Uint8Array or array as its text", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: recorder(
      "net",
      server.port,
      `sock.write("\\x00\\xff\\x80ok");
       sock.write(new Uint8Array([69, 67]));
       sock.write([1, 2]);
       sock.write(E.toString([72, 73]));`,
    ),
  });
  const peer = await server.nextPeer();
  await waitUntil("bytes", () => peer.text().length >= 15);
  assert.deepEqual(Array.from(peer.bytes().subarray(0, 5)), [0, 255, 128, 111, 107]);
  assert.equal(peer.text().slice(5), "69,671,2HI");
  assert.throws(
    () => board.eval('sock.write("\\u20ac")'),
    /character above 255/,
  );
});

Deno.test("drain fires after each flush; after end() write throws and the peer sees the close", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: recorder(
      "net",
      server.port,
      `var drains = 0;
       sock.on("drain", function () {
         drains++;
         if (drains === 1) sock.write("second");
         if (drains === 2) {
           sock.end("bye");
           try { sock.write("late"); } catch (e) { log.push("write threw " + e.message); }
         }
       });
       sock.write("first");`,
    ),
  });
  const peer = await server.nextPeer();
  await peer.ended;
  assert.equal(peer.text(), "firstsecondbye");
  await waitUntil("close", () => events(board).includes("close false"));
  assert.equal(board.eval("drains"), 2);
  assert.deepEqual(events(board), [
    "connect",
    "drain",
    "drain",
    "write threw This socket is closed",
    "end",
    "close false",
  ]);
});

Deno.test("a connect callback and on('connect') together are refused loudly", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: "var net = require('net');" });
  assert.throws(
    () =>
      board.eval(
        `var s = net.connect({ host: "127.0.0.1", port: ${server.port} }, function () {});
         s.on("connect", function () {});`,
      ),
    /callback was passed to connect\(\) AND \.on\('connect'\)/,
  );
  assert.ok(board.console.some((line) => line.startsWith("ERROR: net/tls connect")));
  // Either one alone is fine.
  board.eval(
    `var t = net.connect({ host: "127.0.0.1", port: ${server.port} });
     var tConnected = false;
     t.on("connect", function () { tConnected = true; });`,
  );
  await waitUntil("connect event", () => board.eval("tConnected") === true);
});

Deno.test("a refused connection or unknown host throws from connect, with no socket events", async () => {
  const closed = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (closed.addr as Deno.NetAddr).port;
  closed.close();
  await using board = await VirtualBoard.boot({
    code: "var net = require('net'); var errors = [];",
  });
  const attempt = (host: string) =>
    board.eval(
      `(function () {
        try { net.connect({ host: "${host}", port: ${port} }, function () { errors.push("cb"); }); }
        catch (e) { return e.name + ": " + e.message; }
        return "no throw";
      })()`,
    );
  assert.equal(attempt("127.0.0.1"), "InternalError: Unable to create socket");
  assert.equal(attempt("no-such-host.invalid"), "InternalError: Unable to locate host");
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(Array.from(board.eval("errors") as string[]), []);
});

Deno.test("faults: unreachable and unknownHost make connect throw even though the server is up", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: "var net = require('net');" });
  const attempt = () =>
    board.eval(
      `(function () {
        try { net.connect({ host: "127.0.0.1", port: ${server.port} }); return "connected"; }
        catch (e) { return e.message; }
      })()`,
    );
  board.faults.unreachable(true);
  assert.equal(attempt(), "Unable to create socket");
  board.faults.unreachable(false);
  board.faults.unknownHost(true);
  assert.equal(attempt(), "Unable to locate host");
  board.faults.unknownHost(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(server.peers.length, 0);
  assert.equal(attempt(), "connected");
  await server.nextPeer();
});

Deno.test("a reset by the peer gives end and close, no error", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  await using board = await VirtualBoard.boot({
    code: recorder("net", port, 'sock.write("hello");'),
  });
  const conn = await listener.accept();
  const buffer = new Uint8Array(16);
  assert.equal(await conn.read(buffer), 5);
  await waitUntil("first drain", () => events(board).includes("drain"));
  board.eval('sock.write("unread data");');
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Closing with unread data in the receive buffer makes the kernel send a RST, not a FIN.
  conn.close();
  listener.close();
  await waitUntil("close", () => events(board).some((e) => e.startsWith("close")));
  // One drain for "hello" (flushed by the time of the connect event or just after), one for
  // "unread data", then the reset: no error event.
  assert.deepEqual(events(board), ["connect", "drain", "drain", "end", "close false"]);
});

Deno.test("TLS: a self-signed server is accepted; its close shows up as error -30848, end, close", async () => {
  const { dir, cert, key } = await tlsFiles();
  try {
    await using server = new TestServer({ tls: { cert, key } });
    await using board = await VirtualBoard.boot({
      code: recorder("tls", server.port),
    });
    const peer = await server.nextPeer();
    await waitUntil("handshake", () => events(board).includes("drain"));
    board.eval('sock.write("ping\\x00\\xff");');
    await waitUntil("ping", () => peer.bytes().length === 6);
    assert.deepEqual(Array.from(peer.bytes()), [112, 105, 110, 103, 0, 255]);
    await peer.write(allBytes(1500));
    await waitUntil("data", () => (board.eval("got") as string).length === 1500);
    await peer.close();
    await waitUntil("close", () => events(board).some((e) => e.startsWith("close")));
    assert.equal(board.eval("got"), allBytes(1500));
    assert.ok(Array.from(board.eval("chunks") as number[]).every((n) => n <= 536));
    assert.equal(TLS_PEER_CLOSED, -30848);
    assert.deepEqual(events(board), [
      "connect",
      "drain",
      "drain",
      "data",
      "error -30848",
      "end",
      "close true",
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("TLS: a WebSocket upgrade to a self-signed wss server (Deno.serve) succeeds", async () => {
  const { dir, cert, key } = await tlsFiles();
  const abort = new AbortController();
  let serverSocketClosed!: Promise<void>;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, cert, key, signal: abort.signal, onListen() {} },
    (request) => {
      const { socket, response } = Deno.upgradeWebSocket(request);
      serverSocketClosed = new Promise((resolve) => socket.onclose = () => resolve());
      return response;
    },
  );
  try {
    await using board = await VirtualBoard.boot({
      code: recorder(
        "tls",
        server.addr.port,
        `sock.write("GET /ws HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nUpgrade: websocket\\r\\n" +
            "Connection: Upgrade\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n" +
            "Sec-WebSocket-Version: 13\\r\\n\\r\\n");`,
      ),
    });
    await waitUntil("101", () => (board.eval("got") as string).includes("\r\n\r\n"));
    const response = board.eval("got") as string;
    assert.match(response, /^HTTP\/1\.1 101 /);
    assert.match(response, /sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK\+xOo=/i);
    board.eval("sock.end();");
    await serverSocketClosed;
  } finally {
    abort.abort();
    await server.finished;
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("TLS: a failed handshake gives an error event, end and close (connect itself returns)", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: recorder("tls", server.port) });
  const peer = await server.nextPeer();
  await peer.write("HTTP/1.0 400 Bad Request\r\n\r\n");
  await peer.close();
  await waitUntil("close", () => events(board).some((e) => e.startsWith("close")));
  assert.deepEqual(events(board), ["error -13", "end", "close true"]);
});

Deno.test("stall holds data both ways without closing; clearing it delivers everything", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: recorder("net", server.port) });
  const peer = await server.nextPeer();
  await waitUntil("connect", () => events(board).includes("drain"));
  board.faults.stall(true);
  await peer.write("to board");
  board.eval('sock.write("to server");');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(board.eval("got"), "");
  assert.equal(peer.text(), "");
  assert.deepEqual(events(board), ["connect", "drain"]);
  board.faults.stall(false);
  await waitUntil(
    "both ways",
    () => board.eval("got") === "to board" && peer.text() === "to server",
  );
  assert.equal(peer.isEnded, false);
});

Deno.test("slow delays each delivered chunk", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: recorder(
      "net",
      server.port,
      'var times = []; sock.on("data", function () { times.push(Date.now()); });',
    ),
  });
  const peer = await server.nextPeer();
  board.faults.slow(60);
  await peer.write(allBytes(536 * 3));
  await waitUntil("3 chunks", () => (board.eval("got") as string).length === 536 * 3, 3000);
  const times = Array.from(board.eval("times") as number[]);
  assert.equal(times.length, 3);
  for (let i = 1; i < times.length; i++) {
    assert.ok(times[i] - times[i - 1] >= 55, `gaps ${times.map((t) => t - times[0])}`);
  }
});

Deno.test("blockConnect blocks the JavaScript thread during the next connect only", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: "var net = require('net');" });
  board.faults.blockConnect(250);
  const connect = () => {
    const start = performance.now();
    board.eval(`net.connect({ host: "127.0.0.1", port: ${server.port} });`);
    return performance.now() - start;
  };
  assert.ok(connect() >= 245);
  assert.ok(connect() < 245);
});

Deno.test("data with no data listener is buffered for read() and for a listener added later", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: `var sock = require("net").connect({ host: "127.0.0.1", port: ${server.port} });`,
  });
  const peer = await server.nextPeer();
  await peer.write("abcdef");
  await waitUntil("buffered", () => board.eval("sock.available()") === 6);
  assert.equal(board.eval("sock.read(2)"), "ab");
  board.eval('var later = ""; sock.on("data", function (d) { later += d; });');
  await waitUntil("flushed", () => board.eval("later") === "cdef");
});

Deno.test("an exception in a socket callback goes to process 'uncaughtException'", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: `var caught = [];
      process.on("uncaughtException", function (e) { caught.push(e.message); });
      var sock = require("net").connect({ host: "127.0.0.1", port: ${server.port} });
      sock.on("data", function () { throw new Error("bad frame"); });`,
  });
  const peer = await server.nextPeer();
  await peer.write("x");
  await waitUntil("caught", () => (board.eval("caught") as string[]).length === 1);
  assert.equal((board.eval("caught") as string[])[0], "bad frame");
  assert.ok(!board.console.some((line) => line.includes("bad frame")));
});

Deno.test("a write bigger than the free memory is lost silently and raises LOW_MEMORY", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    variables: 4095, // an ESP32-C3: about 46 KB of free string space
    code: `var flags = [];
      E.on("errorFlag", function (f) { flags.push(f.join()); });
      var sock = require("net").connect({ host: "127.0.0.1", port: ${server.port} });`,
  });
  const peer = await server.nextPeer();
  board.eval('var big = ""; for (var i = 0; i < 6000; i++) big += "0123456789";');
  board.eval("sock.write(big);");
  board.eval('sock.write("small");');
  await waitUntil("small write", () => peer.text() === "small");
  await waitUntil("flag", () => (board.eval("flags") as string[]).length === 1);
  assert.equal((board.eval("flags") as string[])[0], "LOW_MEMORY");
  // Within the budget, the same data goes through.
  board.eval("sock.write(big.slice(0, 20000));");
  await waitUntil("20000 bytes", () => peer.text().length === 5 + 20000);
});
