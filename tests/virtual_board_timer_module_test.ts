/**
 * `require("timer")` on the virtual board. The probes `tests/probes/timer_*.js` compare it
 * with the real interpreter; these tests need no interpreter.
 */

import assert from "node:assert/strict";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { TestServer } from "../virtual_board/testing.ts";
import { timerMs } from "../virtual_board/utility_timer.ts";

Deno.test("timer SET tasks fire at their times even while the JavaScript thread is blocked", async () => {
  await using server = new TestServer();
  // A first add is slow (V8 compiles it): done at boot, not between the timed adds.
  await using board = await VirtualBoard.boot({
    code: "var T = require('timer'); T.remove(T.add({ type: 'SET', pin: D20, time: 1 }));",
  });
  board.faults.blockConnect(300);
  const start = board.now();
  board.eval(
    `var calledAt = Date.now();
     [40, 80, 120, 160].forEach(function (ms, i) {
       T.add({ type: "SET", pin: LED1, value: (i + 1) % 2, time: ms });
     });
     require("net").connect({ host: "127.0.0.1", port: ${server.port} });`,
  );
  assert.ok(board.now() - start >= 300, "the connect blocked the thread");
  const log = board.pinLog("LED1");
  assert.deepEqual(log.map((t) => t.value), [1, 0, 1, 0]);
  // The board's Date.now() is its boot time base plus a wall-clock origin.
  const calledAt = (board.eval("calledAt") as number) - (Date.now() - board.now());
  // Each edge at its time from the adds (the host's Date.now() is whole ms), 40 ms apart to
  // the adds' own microseconds.
  log.forEach((t, i) => {
    const late = t.time - calledAt - 40 * (i + 1);
    assert.ok(late > -2 && late < 3, `edge ${i} ${late} ms from its time`);
    const spacing = i > 0 ? t.time - log[i - 1].time : 40;
    assert.ok(Math.abs(spacing - 40) < 0.5, `edge ${i}: ${spacing} ms after the previous one`);
  });
});

Deno.test("timer tasks share digitalPulse's 16 slots; fired ones are freed by the idle loop", async () => {
  await using board = await VirtualBoard.boot({ code: "var T = require('timer');" });
  board.eval("digitalPulse(D5, 1, [5, 5, 5])");
  const ids = board.eval(
    `var ids = [];
     for (var i = 0; i < 13; i++) ids.push(T.add({ type: "SET", pin: D6, value: 1, time: 500 }));
     ids.join(" ")`,
  );
  assert.equal(ids, "3 4 5 6 7 8 9 10 11 12 13 14 15");
  await new Promise((resolve) => setTimeout(resolve, 30));
  // The three pulses played; eval is a turn of the idle loop, which frees their slots first.
  assert.equal(board.eval("T.add({ type: 'SET', pin: D7, value: 1, time: 500 })"), 0);
  assert.equal(board.eval("T.list().filter(function (t) { return t.finished; }).length"), 0);
  assert.equal(
    board.eval("T.remove(4) + ' ' + T.remove(4) + ' ' + T.remove(99)"),
    "true false false",
  );
  board.eval("for (var i = 0; i < 16; i++) T.remove(i);");
  assert.equal(board.eval("T.list().length"), 0);
});

Deno.test("timer EXEC tasks are refused with an error naming what is not reproduced", async () => {
  await using board = await VirtualBoard.boot({ code: "var T = require('timer');" });
  assert.throws(
    () => board.eval("T.add({ type: 'EXEC', fn: function () {}, time: 10 })"),
    /type "EXEC" is not reproduced by the virtual board \(only "SET"\)/,
  );
  assert.throws(() => board.eval("T.add({ type: 'SET', pin: 45 })"), /pin 45 is not a pin/);
  assert.equal(board.eval("T.list().length"), 0, "nothing was queued");
});

Deno.test("timer times are whole microseconds cut to 32 bits, as the C code stores them", () => {
  assert.equal(timerMs(10.0004), 10);
  assert.equal(timerMs(-5), -5);
  assert.equal(timerMs(NaN), 0);
  assert.equal(timerMs(Infinity), 0);
  // 2^31 µs later wraps to the past.
  assert.equal(timerMs(2 ** 31 / 1000), -(2 ** 31) / 1000);
  assert.equal(timerMs(-1, { unsigned: true }), (2 ** 32 - 1000) / 1000);
});
