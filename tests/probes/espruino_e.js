// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// E.* and process: the functions the firmware uses.
print("toString", JSON.stringify(E.toString("ab", [99, 100], { data: "x", count: 3 })));
print("toString u8", JSON.stringify(E.toString(new Uint8Array([104, 105]))));
print("toUint8Array", E.toUint8Array([1, 2], "ab", 257).join(","));
print("hwRand", typeof E.hwRand(), E.hwRand() === Math.floor(E.hwRand()));
E.srand(1234);
var r1 = Math.random();
E.srand(1234);
var r2 = Math.random();
print("srand repeats", r1 === r2);
print("errorFlags", JSON.stringify(E.getErrorFlags()));
var m = process.memory();
print("memory keys", Object.keys(m).join(","));
print("memory total", m.total);
print("version", process.version, process.env.VERSION);
print("getTime is seconds", getTime() > 1e9, typeof getTime());
print("Date.now fraction", typeof Date.now());
var h = require("crypto").SHA1("abc");
print("sha1", h.byteLength, new Uint8Array(h)[0]);
print("sha256", E.toString(require("crypto").SHA256("")).length);
E.on("init", function () {
  print("init event?");
});
print("probe done");
