// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// "Timeout on Utility Timer": a full queue not freed within the wait loses the queued
// pulses, and their slots stay taken until reset().
digitalWrite(D9, 1);
var long = [];
for (var i = 0; i < 15; i++) long.push(500);
digitalPulse(D2, 1, long);
print("queued 15");
try {
  digitalPulse(D3, 1, [20, 20]);
  print("no error");
} catch (e) {
  print("caught", e.message);
}
setTimeout(function () {
  print("D2 after 700 ms", digitalRead(D2));
  digitalPulse(D4, 1, 20); // the pin goes high, but no slot is left to bring it down
  setTimeout(function () {
    print("D4 still", digitalRead(D4));
    print("probe done");
  }, 100);
}, 700);
