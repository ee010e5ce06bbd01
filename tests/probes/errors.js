// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Errors: what native functions throw, and how uncaught errors are reported.
function show(label, f) {
  try {
    f();
    print(label + ": no error");
  } catch (e) {
    print(label + ":", String(e));
  }
}
show("require", function () {
  require("nothere");
});
show("throw string", function () {
  throw "plain";
});
show("throw error", function () {
  throw new Error("mine");
});
show("throw type error", function () {
  throw new TypeError("typed");
});
var e = new Error("boom");
print("message", e.message, "string", String(e));
process.on("uncaughtException", function (err) {
  print("handler got", String(err));
});
setTimeout(function () {
  throw new Error("in a timer");
}, 5);
setTimeout(function () {
  process.removeAllListeners("uncaughtException");
  setTimeout(function () {
    throw new Error("nobody listens");
  }, 5);
  setTimeout(function () {
    print("probe done");
  }, 50);
}, 30);
