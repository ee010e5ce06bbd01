// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// The firmware's SOS blinker as of issue 8 (device/firmware/sos.ts): a 100 ms timer tops the
// utility timer up with [gap, symbol] pulses, at most 14 ahead. On 2v29 each appended pulse is
// late by the time since the timer last fired, so the pattern drifts: both boards must drift alike.
var steps = [[400, 200], [50, 200], [50, 200], [50, 400], [50, 400], [50, 400], [50, 200], [
  50,
  200,
], [50, 200]];
var step = 0;
var ends = [];
var lastEnd = 0;
digitalWrite(D2, 0);
function topUp() {
  var now = getTime() * 1000;
  while (ends.length > 0 && ends[0] <= now) ends.shift();
  if (ends.length === 0) lastEnd = now;
  while (ends.length + 2 <= 14) {
    var pair = steps[step];
    digitalPulse(D2, 0, pair);
    lastEnd += pair[0];
    ends.push(lastEnd);
    lastEnd += pair[1];
    ends.push(lastEnd);
    step = (step + 1) % steps.length;
  }
}
topUp();
var timer;
// Top-ups half-way between the 50 ms grid of the pattern: a top-up racing an edge to within a
// millisecond would make either engine's result a coin toss.
setTimeout(function () {
  topUp();
  timer = setInterval(topUp, 100);
}, 25);
setTimeout(function () {
  clearInterval(timer);
  // what is queued plays out
  setTimeout(function () {
    print("probe done");
  }, 2500);
}, 3000);
