import assert from "node:assert/strict";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { TestServer } from "../virtual_board/testing.ts";

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Deno.test("digitalWrite, digitalRead, Pin methods and pinLog (changes only, LED1 is D2)", async () => {
  await using board = await VirtualBoard.boot({ code: "var led = LED1;" });
  assert.equal(board.eval("LED1 === D2 && BTN1 === D0"), true);
  assert.equal(board.eval("String(LED1)"), "D2");
  board.eval("digitalWrite(LED1, 1); digitalWrite(LED1, 1); digitalWrite(D5, true);");
  assert.equal(board.eval("digitalRead(LED1)"), 1);
  assert.equal(board.eval("LED1.toggle()"), false);
  assert.equal(board.eval("D2.read()"), false);
  board.eval("pinMode(D4, 'output'); D4.set();");
  assert.equal(board.eval("getPinMode(D4)"), "output");
  const log = board.pinLog();
  assert.deepEqual(log.map((t) => `${t.pin}=${t.value}`), ["D2=1", "D5=1", "D2=0", "D4=1"]);
  assert.deepEqual(board.pinLog("LED1").map((t) => t.value), [1, 0]);
  for (let i = 1; i < log.length; i++) assert.ok(log[i].time >= log[i - 1].time);
  assert.ok(log[log.length - 1].time <= board.now());
});

Deno.test("digitalPulse transitions happen at their scheduled times even while the JS thread is blocked", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: "var net = require('net');" });
  board.faults.blockConnect(300);
  const before = board.now();
  board.eval(
    `var calledAt = Date.now();
     digitalPulse(LED1, 1, [40, 40, 40]);
     net.connect({ host: "127.0.0.1", port: ${server.port} });`,
  );
  // The thread was blocked for the whole sequence, which still completed on schedule.
  assert.ok(board.now() - before >= 300);
  const log = board.pinLog("LED1");
  assert.deepEqual(log.map((t) => t.value), [1, 0, 1, 0]);
  const start = log[0].time;
  // The board's Date.now() is its boot time base plus a wall-clock origin.
  const calledAt = (board.eval("calledAt") as number) - (Date.now() - board.now());
  assert.ok(Math.abs(start - calledAt) < 5, `started ${start - calledAt} ms after the call`);
  log.forEach((t, i) => {
    assert.ok(Math.abs(t.time - (start + 40 * i)) < 5, `transition ${i} at ${t.time - start} ms`);
  });
  assert.equal(board.eval("digitalRead(LED1)"), 0);
});

Deno.test("digitalPulse: the pin follows the schedule in real time", async () => {
  await using board = await VirtualBoard.boot({ code: "" });
  board.eval("digitalPulse(D13, 1, 100)");
  assert.equal(board.eval("digitalRead(D13)"), 1);
  await delay(150);
  assert.equal(board.eval("digitalRead(D13)"), 0);
});

Deno.test("successive digitalPulse calls queue after the previous sequence", async () => {
  await using board = await VirtualBoard.boot({ code: "" });
  board.eval("digitalPulse(D12, 1, 30); digitalPulse(D12, 0, 30);");
  // The second call does not set the pin at once: it schedules its end (high) after the first.
  board.eval("digitalPulse(D12, 1, 0);"); // waits until every pulse has finished
  const log = board.pinLog("D12");
  assert.deepEqual(log.map((t) => t.value), [1, 0, 1]);
  assert.ok(Math.abs(log[1].time - log[0].time - 30) < 1);
  assert.ok(Math.abs(log[2].time - log[0].time - 60) < 1);
  assert.ok(board.now() - log[0].time >= 60, "digitalPulse(pin, 1, 0) blocked until the end");
});

Deno.test("a reboot resets the pins and the log keeps its time base", async () => {
  await using board = await VirtualBoard.boot({ code: "digitalWrite(LED1, 1);" });
  const first = board.pinLog("LED1");
  assert.deepEqual(first.map((t) => t.value), [1]);
  await board.reboot();
  // The saved code ran again after the reset turned the LED off.
  const log = board.pinLog("LED1");
  assert.deepEqual(log.map((t) => t.value), [1, 0, 1]);
  assert.equal(log[0].time, first[0].time);
});

Deno.test("digitalPulse: one call with more pulses than free timer slots waits, plays 16 and drops the rest", async () => {
  await using board = await VirtualBoard.boot({ code: "" });
  const times = Array.from({ length: 20 }, () => 10);
  const start = performance.now();
  board.eval(`digitalPulse(D14, 1, ${JSON.stringify(times)});`);
  const blocked = performance.now() - start;
  // The 16th and 17th wait for the ring (15 queued); then every slot is queued or finished
  // (freed only by the idle loop), so the rest are dropped (jstimer.c, as the real one does).
  // The upper bound only says it returned at all: the host may stall this thread meanwhile.
  assert.ok(blocked >= 18 && blocked < 500, `returned after ${blocked} ms`);
  await delay(220);
  const log = board.pinLog("D14");
  assert.equal(log.length, 17);
  log.forEach((t, i) => {
    assert.equal(t.value, i % 2 === 0 ? 1 : 0);
    assert.ok(
      Math.abs(t.time - log[0].time - 10 * i) < 1,
      `change ${i} at ${t.time - log[0].time}`,
    );
  });
});
