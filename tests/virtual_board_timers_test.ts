import assert from "node:assert/strict";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { waitUntil } from "../virtual_board/testing.ts";

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Deno.test("clearTimeout(undefined) and clearInterval(undefined) throw; clearTimeout() clears every timer", async () => {
  await using board = await VirtualBoard.boot({
    code: `var fired = [];
      setTimeout(function () { fired.push("t1"); }, 30);
      setInterval(function () { fired.push("i1"); }, 10);`,
  });
  assert.throws(
    () => board.eval("clearTimeout(undefined)"),
    /clearTimeout\(undefined\) not allowed/,
  );
  assert.throws(
    () => board.eval("clearInterval(undefined)"),
    /clearInterval\(undefined\) not allowed/,
  );
  board.eval("clearTimeout()");
  await delay(80);
  assert.deepEqual(Array.from(board.eval("fired") as string[]), []);
});

Deno.test("timer ids start at 1 and are reused; clearing an unknown id is ignored", async () => {
  await using board = await VirtualBoard.boot({ code: "function noop() {}" });
  assert.equal(board.eval("setTimeout(noop, 1000)"), 1);
  assert.equal(board.eval("setInterval(noop, 1000)"), 2);
  board.eval("clearTimeout(2)");
  assert.equal(board.eval("setTimeout(noop, 1000)"), 2);
  board.eval("clearTimeout(1); clearTimeout(2)");
  assert.equal(board.eval("setTimeout(noop, 1)"), 1);
  await delay(30);
  // The timeout has fired, so its id is gone: Espruino ignores it (changeInterval throws).
  assert.doesNotThrow(() => board.eval("clearTimeout(1); clearInterval(7)"));
  assert.throws(() => board.eval("changeInterval(7, 10)"), /Unknown Interval/);
});

Deno.test("setInterval keeps its phase even when each callback takes a while", async () => {
  await using board = await VirtualBoard.boot({
    code: `var start = Date.now();
      var ticks = [];
      var id = setInterval(function () {
        ticks.push(Date.now() - start);
        var busyUntil = Date.now() + 12;
        while (Date.now() < busyUntil) {}
        if (ticks.length === 12) clearInterval(id);
      }, 25);`,
  });
  await waitUntil("12 ticks", () => (board.eval("ticks") as number[]).length === 12, 3000);
  const ticks = Array.from(board.eval("ticks") as number[]);
  // Never early; and late only by scheduling noise, which does not add up. An interval that
  // counted from the end of each callback would be 12 ms later per tick (132 ms by the last).
  ticks.forEach((t, i) => assert.ok(t >= 25 * (i + 1) - 1, `tick ${i} at ${t} ms`));
  const last = ticks[ticks.length - 1];
  // 100 ms: room for a stall of this shared machine, still short of the 132 ms of drift.
  assert.ok(last < 300 + 100, `last tick at ${last} ms, due at 300 ms`);
});

Deno.test("a throwing interval keeps running and is reported as Uncaught without stopping others", async () => {
  await using board = await VirtualBoard.boot({
    code: `var bad = 0, good = 0;
      setInterval(function () { bad++; throw new Error("tick " + bad); }, 10);
      setInterval(function () { good++; }, 10);`,
  });
  await waitUntil("3 bad ticks", () => (board.eval("bad") as number) >= 3);
  assert.ok((board.eval("good") as number) >= 2);
  assert.ok(board.console.includes("Uncaught Error: tick 1"));
  assert.ok(board.console.includes("Uncaught Error: tick 2"));
  board.eval("clearInterval()");
});

Deno.test("process 'uncaughtException' receives errors from timers and (prefixed) rejected promises", async () => {
  await using board = await VirtualBoard.boot({
    code: `var caught = [];
      process.on("uncaughtException", function (e) { caught.push(e.message); });
      setTimeout(function () { throw new Error("from a timer"); }, 5);
      Promise.resolve().then(function () { throw new Error("from a promise"); });`,
  });
  await waitUntil("two errors", () => (board.eval("caught") as string[]).length === 2);
  assert.deepEqual(
    Array.from(board.eval("caught") as string[]).sort(),
    ["Unhandled promise rejection: Error: from a promise", "from a timer"],
  );
  assert.ok(!board.console.some((line) => line.startsWith("Uncaught")));
});

Deno.test("setTimeout passes extra arguments, accepts a string, and changeInterval re-times", async () => {
  await using board = await VirtualBoard.boot({
    code: `var got = [];
      setTimeout(function (a, b) { got.push(a + b); }, 5, 2, 3);
      setTimeout("got.push('string')", 5);
      var n = 0;
      var id = setInterval(function () { n++; }, 1000);
      changeInterval(id, 10);`,
  });
  await waitUntil("interval", () => (board.eval("n") as number) >= 2);
  assert.deepEqual(Array.from(board.eval("got") as unknown[]), [5, "string"]);
  assert.throws(() => board.eval("changeInterval(99, 10)"), /Unknown Interval/);
  board.eval("clearInterval()");
});

Deno.test("timers of the previous boot do not fire after a reboot", async () => {
  await using board = await VirtualBoard.boot({
    code: `setTimeout(function () { require("Storage").write("late", "fired"); }, 60);`,
    saveOnSend: false,
  });
  await board.reboot();
  await delay(120);
  assert.equal(board.storage["late"], undefined);
});
