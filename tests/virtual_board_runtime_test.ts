import assert from "node:assert/strict";
import { EspruinoDialectError, VirtualBoard } from "../virtual_board/mod.ts";
import { TestServer, waitUntil } from "../virtual_board/testing.ts";

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("nothing of Deno or of newer JavaScript is visible on the board", async () => {
  await using board = await VirtualBoard.boot({ code: "var ok = 1;" });
  for (
    const name of [
      "Deno",
      "fetch",
      "WebSocket",
      "TextEncoder",
      "TextDecoder",
      "Map",
      "Set",
      "WeakMap",
      "WeakSet",
      "Symbol",
      "Proxy",
      "Reflect",
      "queueMicrotask",
      "structuredClone",
      "setImmediate",
      "Intl",
      "WebAssembly",
      "BigInt",
      "SharedArrayBuffer",
      "performance",
      "crypto",
    ]
  ) {
    assert.equal(board.eval(`typeof ${name}`), "undefined", name);
  }
  // Reached by computed names, which the static check cannot see.
  for (
    const [object, member] of [
      ["Promise", "race"],
      ["Promise", "allSettled"],
      ["Promise", "any"],
      ["Promise.prototype", "finally"],
      ["Array", "from"],
      ["Array", "of"],
      ["Array.prototype", "flat"],
      ["Array.prototype", "flatMap"],
      ["Array.prototype", "at"],
      ["String.prototype", "codePointAt"],
      ["String.prototype", "trimStart"],
      ["String.prototype", "trimEnd"],
      ["Number", "isInteger"],
      ["Number", "isNaN"],
      ["Math", "trunc"],
      ["Math", "log2"],
      ["Math", "hypot"],
      ["Object", "freeze"],
      ["Object", "seal"],
    ]
  ) {
    const name = `"${member.slice(0, 1)}" + "${member.slice(1)}"`;
    assert.equal(board.eval(`typeof ${object}[${name}]`), "undefined", `${object}.${member}`);
  }
  // What Espruino does have is there.
  assert.equal(
    board.eval(
      "typeof Promise.all + typeof [].includes + typeof ''.padStart + typeof Object.assign + " +
        "typeof Uint8Array + typeof DataView + typeof E.toString + typeof btoa",
    ),
    "functionfunctionfunctionfunctionfunctionfunctionfunctionfunction",
  );
});

Deno.test("boot refuses code Espruino cannot parse, naming file, line and construct", async () => {
  const code = "var a = 1;\nvar b = 2;\nfunction f(x = 1) { return x; }\nvar m = new Map();";
  await assert.rejects(
    () => VirtualBoard.boot({ code }),
    (error: unknown) => {
      assert.ok(error instanceof EspruinoDialectError);
      assert.deepEqual(
        error.problems.map((p) => `${p.line} ${p.construct}`),
        ["3 default parameter", "4 Map"],
      );
      assert.match(error.message, /^bootcde:3:12: default parameter — /m);
      assert.match(error.message, /^bootcde:4:13: Map — /m);
      return true;
    },
  );
});

Deno.test("eval refuses code Espruino cannot run and runs what it can", async () => {
  await using board = await VirtualBoard.boot({ code: "var items = [1, 2, 3];" });
  assert.throws(
    () => board.eval("var total = 0;\nitems.forEach(({ n }) => total += n);"),
    (error: unknown) => {
      assert.ok(error instanceof EspruinoDialectError);
      assert.match(error.message, /^console:2:16: destructuring — /m);
      return true;
    },
  );
  assert.equal(board.eval("items.reduce(function (s, n) { return s + n; }, 0)"), 6);
  // Run-time errors reach the caller as the board's own errors.
  assert.throws(() => board.eval("undefinedFunction()"), (e: unknown) => {
    assert.equal((e as Error).name, "ReferenceError");
    return true;
  });
});

Deno.test("Storage: read/write/list/erase/JSON, initial contents, kept across reboot", async () => {
  await using board = await VirtualBoard.boot({
    code: `var s = require("Storage");
      var boots = (s.readJSON("boots.json", true) || { n: 0 }).n + 1;
      s.writeJSON("boots.json", { n: boots });`,
    storage: { "config.json": '{"id":"dev-1"}', "raw": "\x00\xff" },
  });
  assert.equal(board.eval("s.readJSON('config.json').id"), "dev-1");
  assert.equal(board.eval("s.read('raw').charCodeAt(1)"), 255);
  assert.equal(board.eval("s.read('missing')"), undefined);
  board.eval("s.write('log', 'abc'); s.write('log', 'X', 1);");
  assert.equal(board.eval("s.read('log')"), "aXc");
  board.eval("s.write('sized', 'hi', 0, 4);");
  assert.equal(board.eval("s.read('sized')"), "hi\xff\xff");
  assert.deepEqual(
    Array.from(board.eval("s.list(/\\.json$/)") as string[]).sort(),
    ["boots.json", "config.json"],
  );
  assert.equal(board.eval("new Uint8Array(s.readArrayBuffer('raw'))[1]"), 255);
  board.eval("s.erase('raw')");
  assert.equal(board.eval("s.read('raw')"), undefined);
  assert.ok((board.eval("s.getFree()") as number) > 800_000);
  assert.equal(board.storage[".bootcde"]?.includes("boots.json"), true);

  await board.reboot();
  assert.equal(board.eval("boots"), 2);
  assert.equal(board.eval("s.read('log')"), "aXc");
  // writeJSON stores Espruino's notation (bare keys), as espruino-esp32c3 does.
  assert.equal(board.storage["boots.json"], "{n:2}");
});

Deno.test("code sent without saving runs once; E.setBootCode makes code survive a reboot", async () => {
  await using board = await VirtualBoard.boot({ code: "var ran = 'ram';", saveOnSend: false });
  assert.equal(board.eval("ran"), "ram");
  board.eval("E.setBootCode('var ran = \"flash\";')");
  await board.reboot();
  assert.equal(board.eval("ran"), "flash");
});

Deno.test("crypto SHA1/SHA256 return ArrayBuffers of the board, hashing binary strings", async () => {
  await using board = await VirtualBoard.boot({ code: "var c = require('crypto');" });
  assert.equal(board.eval("c.SHA1('abc') instanceof ArrayBuffer"), true);
  const sha1 = board.eval("c.SHA1('abc')") as ArrayBuffer;
  assert.equal(hex(sha1), "a9993e364706816aba3e25717850c26c9cd0d89d");
  const sha256 = board.eval("c.SHA256('abc')") as ArrayBuffer;
  assert.equal(hex(sha256), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // The WebSocket accept key from RFC 6455, section 1.3.
  assert.equal(
    board.eval(
      "btoa(E.toString(c.SHA1('dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11')))",
    ),
    "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
  );
  assert.equal(
    hex(board.eval("c.SHA1('\\xff')") as ArrayBuffer),
    "85e53271e14006f0265921d02d4d736cdc580b0b",
  );
});

Deno.test("E, btoa/atob, getSerial, getTime, process: as on an ESP32 with Espruino 2v29", async () => {
  await using board = await VirtualBoard.boot({
    code: "",
    serial: "30aea4010203",
    variables: 4095,
  });
  assert.equal(board.eval("E.toString([72, 105], 33, 'x')"), "Hi!x");
  assert.equal(board.eval("E.toString({ data: 'ab', count: 2 })"), "abab");
  assert.equal(board.eval("E.toUint8Array('A', [1, 2]) instanceof Uint8Array"), true);
  assert.deepEqual(Array.from(board.eval("E.toUint8Array('A', [1, 2])") as Uint8Array), [65, 1, 2]);
  assert.equal(board.eval("btoa('\\x00\\xffhi')"), "AP9oaQ==");
  assert.equal(board.eval("atob('AP9oaQ==').charCodeAt(1)"), 255);
  assert.equal(board.eval("getSerial()"), "30aea4010203");
  assert.equal(board.eval("process.env.VERSION + ' ' + process.env.BOARD"), "2v29.277 ESP32");
  const memory = board.eval("process.memory()") as { free: number; usage: number; total: number };
  assert.equal(memory.total, 4095);
  assert.equal(memory.free + memory.usage, 4095);
  const now = board.eval("getTime()") as number;
  assert.ok(Math.abs(now * 1000 - Date.now()) < 50);
  const stamps = board.eval(
    "(function () { var a = []; for (var i = 0; i < 20; i++) { var t = Date.now(); while (Date.now() === t) {} a.push(Date.now()); } return a; })()",
  ) as number[];
  assert.ok(Array.from(stamps).some((t) => t % 1 !== 0), "Date.now() has a fraction");
  assert.equal(typeof board.eval("E.hwRand()"), "number");
});

Deno.test("Math.random and E.hwRand restart the same sequence at every boot unless reseeded", async () => {
  await using board = await VirtualBoard.boot({ code: "var first = [Math.random(), E.hwRand()];" });
  const before = Array.from(board.eval("first") as number[]);
  await board.reboot();
  assert.deepEqual(Array.from(board.eval("first") as number[]), before);
  board.eval("E.srand(12345)");
  assert.notEqual(board.eval("Math.random()"), before[0]);
  await using other = await VirtualBoard.boot({ code: "", random: () => 0.25 });
  assert.equal(other.eval("Math.random()"), 0.25);
  assert.equal(other.eval("E.hwRand()"), 1073741824);
});

Deno.test("print/console.log format like Espruino and reach onConsole; JSON replacers are ignored", async () => {
  const seen: string[] = [];
  await using board = await VirtualBoard.boot({
    code: `print("text", 1, { a: [1, "x"] }, [], null);
      console.log("two\\nlines");
      var args = [{ a: 1 }, function () { return "replaced"; }];
      print(JSON.stringify.apply(JSON, args));`,
    onConsole: (line) => seen.push(line),
  });
  // As espruino-esp32c3 prints it: a line break around every item that is not a number.
  assert.deepEqual(board.console, [
    "text 1 { ",
    '  "a": [ 1, ',
    '    "x"',
    "   ]",
    " } [  ] null",
    "two",
    "lines",
    '{"a":1}',
  ]);
  assert.deepEqual(seen, board.console);
});

Deno.test("E.on('errorFlag') hears injected flags; E.getErrorFlags reads and clears them", async () => {
  await using board = await VirtualBoard.boot({
    code: `var flags = [];
      E.on("errorFlag", function (f) { flags.push(f.join()); });`,
  });
  board.faults.errorFlag("LOW_MEMORY");
  await waitUntil("flag", () => (board.eval("flags") as string[]).length === 1);
  assert.equal((board.eval("flags") as string[])[0], "LOW_MEMORY");
  assert.equal(board.eval("E.getErrorFlags().join()"), "LOW_MEMORY");
  assert.equal(board.eval("E.getErrorFlags().length"), 0);
});

Deno.test("reboot abandons open sockets (the peer is not told); stop closes everything", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: `var sock = require("net").connect({ host: "127.0.0.1", port: ${server.port} });`,
  });
  const first = await server.nextPeer();
  await board.reboot();
  const second = await server.nextPeer();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(first.isEnded, false, "like a power cycle, the old connection hangs");
  await board.reboot({ sockets: "close" });
  await second.ended;
  await server.nextPeer();
  await board.stop();
  await first.ended;
});

Deno.test("Object.prototype.emit queues listeners for the idle loop, as on Espruino", async () => {
  await using board = await VirtualBoard.boot({
    code: `var order = [];
      var o = {};
      o.on("ping", function (a, b) { order.push("ping " + a + b); });
      o.emit("ping", 1, 2);
      order.push("after emit");`,
  });
  await waitUntil("ping", () => (board.eval("order") as string[]).length === 2);
  assert.deepEqual(Array.from(board.eval("order") as string[]), ["after emit", "ping 12"]);
});

Deno.test("reset() clears the program without running .bootcde; load() runs it again", async () => {
  await using board = await VirtualBoard.boot({
    code: `var runs = (typeof runs === "number" ? runs : 0) + 1;
      setInterval(function () {}, 1000);
      E.on("init", function () { print("init event"); });
      function onInit() { print("onInit"); }`,
  });
  await waitUntil("init", () => board.console.includes("init event"));
  assert.deepEqual(board.console, ["onInit", "init event"]);
  board.eval("reset()");
  await waitUntil("reset", () => board.eval("typeof runs") === "undefined");
  assert.equal(board.eval("setTimeout(function () {}, 10)"), 1, "the interval is gone");
  board.eval("load()");
  await waitUntil("load", () => board.eval("typeof runs") === "number");
  assert.equal(board.eval("runs"), 1);
});
