// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// Storage: files, offsets, JSON, listing, errors.
var S = require("Storage");
S.eraseAll();
print("write", S.write("a.txt", "hello"));
print("read", S.read("a.txt"), S.read("a.txt", 1, 3), S.read("nothere"));
print("writeJSON", S.writeJSON("b.json", { x: 1, y: [1, 2], s: "\x81" }));
print("readJSON", JSON.stringify(S.readJSON("b.json")), S.readJSON("nothere"));
S.write("c.bin", "AB", 0, 6);
S.write("c.bin", "CD", 2);
print("sized", JSON.stringify(S.read("c.bin")), S.read("c.bin").length);
S.write("bin", "\x00\x01\xff");
var ab = S.readArrayBuffer("bin");
print("arraybuffer", ab.byteLength, new Uint8Array(ab).join(","));
print("list", JSON.stringify(S.list()));
print("list regexp", JSON.stringify(S.list(/\.txt$/)));
S.erase("a.txt");
print("after erase", JSON.stringify(S.list()), S.read("a.txt"));
try {
  S.write("c.bin", "123456789", 2);
  print("overflow: no error");
} catch (e) {
  print("overflow:", e.message);
}
try {
  S.write("", "x");
  print("empty name: no error");
} catch (e) {
  print("empty name:", e.message);
}
try {
  S.write("abcdefghijklmnopqrstuvwxyz0123456789", "x");
  print("long name: no error");
} catch (e) {
  print("long name:", e.message);
}
try {
  S.readJSON("bin");
  print("bad json: no error");
} catch (e) {
  print("bad json throws");
}
print("bad json, no exceptions", S.readJSON("bin", true));
print("free is a number", typeof S.getFree());
var st = S.getStats();
print("stats keys", Object.keys(st).join(","));
// writeJSON stores Espruino's own notation, which readJSON reads back
S.writeJSON("c.json", {
  x: 1,
  "a b": 2,
  u: undefined,
  f: function () {},
  n: NaN,
  arr: [1, undefined, "\x00q\x81"],
  ab: new Uint8Array([1, 2]),
  d: { t: true, z: null },
});
print("notation", S.read("c.json"));
print("read back", JSON.stringify(S.readJSON("c.json")));
print("probe done");
