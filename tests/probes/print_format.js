// deno-lint-ignore-file -- plain Espruino JavaScript (var, ES5), not a Deno module
// print and console.log of every kind of value (JSON_SOME_NEWLINES, object names).
print([1, 2, 3], [], {}, ["a", "b"], { a: 1, b: "x", c: [1, 2] }, {
  a: 1,
  b: 2,
  c: 3,
  d: 4,
  e: 5,
  f: 6,
  g: 7,
});
print([1, [2, 3], { x: null }], "x\ny", ["\x00\x01a\x07\x081"], [undefined, null, true, 1.5]);
console.log(
  new Uint8Array([1, 2]),
  new Uint8Array(3),
  new Uint8Array([0, 1]).buffer,
  new Error("e"),
  [new Error("f")],
);
print({ s: 'q"\\' }, [[]], { o: {} }, -0, 1e20, 0.5, NaN, -7);
// Holes of a sparse array print as undefined, on the line of the next item present.
var sparse = [];
sparse[2] = { a: 1 };
sparse[4] = 5;
sparse[7] = "x";
sparse[9] = undefined;
print(sparse, JSON.stringify(sparse));
// Pins are numbers to Espruino's printer and their names in JSON.
print([D2, D3], { pin: D2, pins: [D4] }, JSON.stringify({ pin: D2, pins: [D4] }));
print("probe done");
