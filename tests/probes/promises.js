// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Promise order and unhandled rejections (reported as an Error naming the reason).
process.on("uncaughtException", function (e) {
  print("handler:", String(e));
});
Promise.resolve(2).then(function (v) {
  print("then", v);
});
Promise.reject(new Error("caught")).catch(function (e) {
  print("catch", e.message);
});
Promise.all([Promise.resolve(1), 2]).then(function (all) {
  print("all", all.join());
});
setTimeout(function () {
  Promise.reject(new Error("later"));
  print("after reject");
}, 10);
setTimeout(function () {
  print("probe done");
}, 50);
print("sync end");
