// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// require("timer") SET tasks at absolute times (as device/firmware/sos.ts adds its LED edges):
// `time` is ms from the call, so a task added while others run plays at its own time, whenever
// the JavaScript added it (unlike digitalPulse appended to a running train, pulse_append.js).
// One quirk of 2v29's utilTimerInsertTask: a task that goes FIRST in a running queue makes the
// task that was first fire early by the time since the timer was last set (the update loop
// meets that task twice).
var T = require("timer");
digitalWrite(D9, 1); // the edges' origin
var t0 = getTime() * 1000;
function at(ms, pin, value) {
  return T.add({ type: "SET", pin: pin, value: value, time: t0 + ms - getTime() * 1000 });
}
at(100, D2, 1);
at(200, D2, 0);
setTimeout(function () {
  // Added 50 ms later, in between and after the queued ones: each at its own time.
  at(150, D3, 1);
  at(250, D3, 0);
  at(300, D2, 1);
  at(310, D2, 0);
  print("queued", T.list().length);
}, 50);
setTimeout(function () {
  // The queue is empty again: D4 at 500 goes first; 30 ms later D5 at 450 goes before it,
  // and D4 fires 30 ms early.
  at(500, D4, 1);
  var start = Date.now();
  while (Date.now() - start < 30);
  at(450, D5, 1);
  setTimeout(function () {
    print("probe done");
  }, 200);
}, 400);
