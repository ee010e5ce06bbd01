// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// require("timer")'s 16 slots (jstimer.c): the queue holds 15 tasks; a task that fired keeps
// its slot until the idle loop runs, so `add` returns -1 while every slot is taken; a queue
// still full after the wait throws "Timeout on Utility Timer" and loses what was queued.
var T = require("timer");
digitalWrite(D9, 1); // the edges' origin
function counts() {
  var list = T.list();
  var queued = 0;
  var finished = 0;
  for (var i = 0; i < list.length; i++) {
    if (list[i] && list[i].finished) finished++;
    else if (list[i]) queued++;
  }
  return queued + " queued, " + finished + " finished";
}
// 15 tasks fill the queue: D2 toggles at 20 and 40 ms, then every 20 ms from 140 ms.
var ids = [];
for (var i = 0; i < 15; i++) {
  ids.push(
    T.add({ type: "SET", pin: D2, value: (i + 1) % 2, time: i < 2 ? 20 * (i + 1) : 100 + 20 * i }),
  );
}
print("ids", ids.join(" "));
// 50 ms without the idle loop: the tasks at 20 and 40 ms fire and keep their slots.
var start = Date.now();
while (Date.now() - start < 50);
print("after 50 ms busy:", counts());
// Room in the queue and one slot never used: slot 15. Then no slot is free: -1.
print("add", T.add({ type: "SET", pin: D3, value: 1, time: 450 }));
print("add", T.add({ type: "SET", pin: D3, value: 0, time: 460 }));
setTimeout(function () {
  // The idle loop ran: the finished tasks' slots are free again.
  print("after the idle loop:", counts());
  print("add", T.add({ type: "SET", pin: D4, value: 1, time: 10 }));
}, 5);
setTimeout(function () {
  print("all played:", counts());
  // 15 tasks far ahead (after the wait, so that how many fire during it does not depend on the
  // interpreter's pace) fill the queue; a 16th waits 400 ms for room, then throws, and the
  // queue wraps: nothing queued plays, and the 16 slots stay taken until reset().
  for (var i = 0; i < 15; i++) T.add({ type: "SET", pin: D5, value: (i + 1) % 2, time: 1000 + i });
  try {
    T.add({ type: "SET", pin: D6, value: 1, time: 10 });
    print("no error");
  } catch (e) {
    print("caught", e.message);
  }
  print("after the timeout:", counts());
  print("add", T.add({ type: "SET", pin: D7, value: 1, time: 10 }));
  setTimeout(function () {
    print("1.5 s later:", counts(), "D5", digitalRead(D5), "D6", digitalRead(D6));
    print("probe done");
  }, 1500);
}, 600);
