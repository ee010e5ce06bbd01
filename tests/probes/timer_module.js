// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// require("timer") (2v29, src/jswrap_timer.c): add/get/list/remove, its errors, multi-pin SET
// values, past times, and repeating tasks.
var T = require("timer");
digitalWrite(D9, 1); // the edges' origin
// Ids are slots, the first free one each time; `time` is ms from now. Added in time order:
// a task that goes first in the queue makes the one that was first fire early (timer_insert.js).
// A time in the past (or not a number) fires at once.
var ids = [
  T.add({ type: "SET", pin: D13, value: 1, time: -5 }),
  T.add({ type: "SET", pin: D14, value: 1, time: "soon" }),
  // Bit j of value is the level of the j-th pin; a missing pin ends the list.
  T.add({ type: "SET", pin: D5, pin2: D6, pin3: D7, value: 5, time: 20 }),
  T.add({ type: "SET", pin: D8, pin3: D10, value: 7, time: 20 }),
  T.add({ type: "SET", pin: D11, value: 2, time: 20 }),
  T.add({ type: "SET", pin: D12, value: 257, time: 20 }),
  T.add({ type: "set", pin: "D4", value: 1, time: 30 }),
  T.add({ type: "SET", pin: D3, value: 1, time: 40 }),
  T.add({ type: "SET", pin: 4, value: 0, time: 60 }),
];
print(typeof T.add, typeof T.get, typeof T.list, typeof T.remove);
print("ids", ids.join(" "));
// Times depend on when each task was added: leave them out.
function show(task) {
  if (task === undefined) return "-";
  return [
    task.id,
    task.type,
    task.value,
    task.pins ? task.pins.join("+") : "no pins",
    task.finished ? "finished" : "queued",
    typeof task.time,
  ].join(" ");
}
function showList() {
  var list = T.list();
  var out = [];
  for (var i = 0; i < list.length; i++) out.push(show(list[i]));
  return list.length + ": " + out.join(", ");
}
// The tasks that fired keep their slots (finished) until the idle loop runs.
print("list", showList());
print("get", show(T.get(7)), "|", show(T.get(15)), "|", show(T.get(-1)), "|", show(T.get(99)));
// A removed task is flagged finished (its slot is freed by the idle loop); removing it
// again frees the slot at once.
print("remove", T.remove(8), show(T.get(8)));
print("remove again", T.remove(8), show(T.get(8)));
print("remove a free slot", T.remove(9));
function attempt(name, task) {
  try {
    print(name, T.add(task));
  } catch (e) {
    print(name, "throws", e.message);
  }
}
attempt("null", null);
attempt("array", [1]);
attempt("string", "SET");
attempt("number type", { type: 5 });
attempt("unknown type", { type: "SETX", pin: D3 });
attempt("no pin", { type: "SET", value: 1 });
attempt("LED1 by name", { type: "SET", pin: "LED1", value: 1 });
attempt("fractional pin", { type: "SET", pin: 2.5, value: 1 });
attempt("unknown key", { type: "SET", pin: D3, colour: 1 });
attempt("EXEC without fn", { type: "EXEC", time: 10 });
setTimeout(function () {
  print("D13", digitalRead(D13), "D14", digitalRead(D14), "D4", digitalRead(D4));
  // The fired tasks' slots were freed when the idle loop ran.
  print("after 100 ms", showList());
  // Two repeating tasks make a square wave: on at 20, off at 30, every 40 ms, until removed
  // at 165 ms.
  var on = T.add({ type: "SET", pin: D15, value: 1, time: 20, interval: 40 });
  var off = T.add({ type: "SET", pin: D15, value: 0, time: 30, interval: 40 });
  print("repeating", show(T.get(on)), "interval", T.get(on).interval);
  setTimeout(function () {
    print("stop", T.remove(on), T.remove(off));
    setTimeout(function () {
      print("after stop", showList(), "D15", digitalRead(D15));
      print("probe done");
    }, 100);
  }, 165);
}, 100);
