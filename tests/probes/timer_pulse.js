// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// require("timer") and digitalPulse share the utility timer's queue (jstimer.c): a pulse is a
// SET task in the list, a pulse on a pin with a queued SET task starts after that task, and
// pulses that played hold slots that `add` then lacks.
var T = require("timer");
digitalWrite(D9, 1); // the edges' origin
digitalPulse(D2, 1, [50, 50, 50]);
var id = T.add({ type: "SET", pin: D3, value: 1, time: 75 });
print("id after 3 pulses", id);
var list = T.list();
var seen = [];
for (var i = 0; i < list.length; i++) {
  seen.push(list[i].id + ":" + list[i].type + ":" + list[i].pins.join("+") + "=" + list[i].value);
}
print("list", seen.join(" "));
// D4 has a SET task queued: the pulse does not set it now, and ends 30 ms after that task.
T.add({ type: "SET", pin: D4, value: 1, time: 100 });
digitalPulse(D4, 1, 30);
print("D4 now", digitalRead(D4));
// Removing a pulse's task: D2's last edge (id 2) does not play.
print("remove", T.remove(2));
setTimeout(function () {
  print("D2", digitalRead(D2), "D4", digitalRead(D4));
  // 14 pulses fill all but one place in the queue; the first add takes it, the second waits
  // for the first pulse to play, takes the last free slot; the third waits for the second
  // pulse, but the slots of the played pulses are not free yet: -1.
  var times = [];
  for (var i = 0; i < 14; i++) times.push(10);
  digitalPulse(D5, 1, times);
  var a = T.add({ type: "SET", pin: D6, value: 1, time: 200 });
  var b = T.add({ type: "SET", pin: D7, value: 1, time: 200 });
  var c = T.add({ type: "SET", pin: D8, value: 1, time: 200 });
  print("adds", a, b, c);
  setTimeout(function () {
    print("D5", digitalRead(D5), "D6", digitalRead(D6), "D7", digitalRead(D7));
    print("probe done");
  }, 400);
}, 250);
