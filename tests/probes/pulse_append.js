// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// tolerance-ms: 12 (edges that follow JavaScript timers)
// digitalPulse appended to a RUNNING train: each appended pulse is late by the time since
// the utility timer last fired (jstimer.c utilTimerInsertTask, timePassed).
digitalWrite(D9, 1);
digitalPulse(D2, 1, [50, 50, 50, 50]);
var topUps = 0;
var iv = setInterval(function () {
  digitalPulse(D2, 1, [30, 30]);
  if (++topUps === 4) {
    clearInterval(iv);
    setTimeout(function () {
      print("probe done");
    }, 600);
  }
}, 35);
