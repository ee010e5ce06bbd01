// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Timer order, ids and the errors of clearing. Times are tens of ms apart: the real
// interpreter's JavaScript takes a few ms between two calls when it runs at an ESP32's pace.
var order = [];
var a = setTimeout(function () {
  order.push("a100");
}, 100);
var b = setTimeout(function () {
  order.push("b50");
}, 50);
var c = setTimeout(function () {
  order.push("c100");
}, 100);
print("ids", a, b, c);
var n = 0;
var iv = setInterval(function () {
  n++;
  order.push("iv" + n);
  if (n === 3) clearInterval(iv);
}, 70);
setTimeout(
  function (x, y) {
    order.push("args " + x + y);
  },
  250,
  "A",
  "B",
);
setTimeout("order.push('string')", 270);
setTimeout(function () {
  print(order.join(" "));
  var d = setTimeout(function () {}, 1000);
  print("id while running", d);
  clearTimeout(d);
  try {
    clearTimeout(a);
    print("clear fired: no error");
  } catch (e) {
    print("clear fired:", e.message);
  }
  try {
    clearTimeout(99);
    print("clear unknown: no error");
  } catch (e) {
    print("clear unknown:", e.message);
  }
  try {
    clearInterval(99);
    print("clear unknown interval: no error");
  } catch (e) {
    print("clear unknown interval:", e.message);
  }
  try {
    clearTimeout(undefined);
  } catch (e) {
    print("clearTimeout(undefined):", e.message);
  }
  try {
    clearInterval(undefined);
  } catch (e) {
    print("clearInterval(undefined):", e.message);
  }
  try {
    changeInterval(99, 10);
  } catch (e) {
    print("changeInterval(99):", e.message);
  }
  try {
    setTimeout(5, 5);
  } catch (e) {
    print("setTimeout(5):", e.message);
  }
  var t0 = Date.now();
  setTimeout(function () {
    print("zero ran", Date.now() - t0 < 100);
    var x = setTimeout(function () {
      print("never");
    }, 5);
    var y = setInterval(function () {
      print("never");
    }, 5);
    clearTimeout();
    setTimeout(function () {
      print("probe done");
    }, 20);
  }, 0);
}, 600);
