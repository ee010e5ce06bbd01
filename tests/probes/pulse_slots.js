// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// digitalPulse: one call with more pulses than free slots waits, then drops the rest
// (jstimer.c: a finished pulse keeps its slot until the idle loop runs).
digitalWrite(D9, 1);
var times = [];
for (var i = 0; i < 18; i++) times.push(10);
var t0 = Date.now();
digitalPulse(D2, 1, times);
print("returned after about", Math.round((Date.now() - t0) / 10) * 10, "ms");
setTimeout(function () {
  print("D2 at the end", digitalRead(D2));
  // zeros and NaN are skipped but still toggle the level; a string iterates its char codes
  digitalPulse(D4, 1, [5, 0, 5, NaN, 5]);
  digitalPulse(D5, 1, "\x0a\x0a");
  try {
    digitalPulse(D6, 1, -1);
  } catch (e) {
    print("negative:", e.message);
  }
  try {
    digitalPulse(D6, 0);
  } catch (e) {
    print("no time:", e.message);
  }
  try {
    digitalPulse(D6, 0, null);
  } catch (e) {
    print("null time:", e.message);
  }
  // a boolean is a number (true: 1 ms); an object iterates its values
  digitalPulse(D8, 1, true);
  digitalPulse(D10, 1, { a: 5, b: 7 });
  setTimeout(function () {
    // queued after the pending pulse of the same pin, not from now
    digitalPulse(D7, 1, 20);
    digitalPulse(D7, 1, 20);
    digitalPulse(D7, 1, 0); // waits until the utility timer is idle
    print("D7 after waiting", digitalRead(D7));
    print("probe done");
  }, 100);
}, 300);
