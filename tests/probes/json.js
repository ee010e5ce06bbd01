// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// JSON.parse: what Espruino accepts and refuses, and its messages.
var cases = [
  '{"a":1,"b":[1,2,{"c":null}],"d":"x\\u0041\\n"}',
  "{x",
  "",
  "[1,2,]",
  '{"a":1,}',
  "'single'",
  "1 2",
  '{"a":1} trailing',
  "[-1, -2.5, 1e3, 0x10]",
  "[-x]",
  "undefined",
  "nope",
  "}",
  '"unfinished',
  '{"a" 1}',
  "[1 2]",
  "{1:2}",
  "tru",
  '"\\x41\\101"',
];
for (var i = 0; i < cases.length; i++) {
  try {
    var v = JSON.parse(cases[i]);
    print(i, "ok", JSON.stringify(v), typeof v);
  } catch (e) {
    print(i, "error", String(e));
  }
}
print(JSON.stringify(undefined), typeof JSON.stringify(undefined));
print(JSON.stringify(function () {}), JSON.stringify([undefined, function () {}]));
print(JSON.stringify({ a: undefined, b: function () {} }), JSON.stringify([NaN, Infinity]));
print("probe done");
