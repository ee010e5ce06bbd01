import assert from "node:assert/strict";
import {
  assertEspruinoDialect,
  checkEspruinoDialect,
  EspruinoDialectError,
} from "../tools/espruino_dialect.ts";

const CONFIG = new URL("../deno.json", import.meta.url).pathname;

/**
 * esbuild in a child process, because `esbuild.stop()` does not wait for its service process to
 * exit and the test sanitizers would see it still running.
 */
const ESBUILD_SCRIPT = `
import * as esbuild from "npm:esbuild@0.28.2";
const result = await esbuild.build({
  entryPoints: [Deno.args[0]],
  bundle: true,
  write: false,
  format: "iife",
  target: "es2015",
  minify: Deno.args[1] === "minify",
  logLevel: "silent",
});
await Deno.stdout.write(new TextEncoder().encode(result.outputFiles[0].text));
await esbuild.stop();
`;

/** Bundles TypeScript the way the firmware is built (esbuild iife, es2015, minified). */
async function bundle(files: Record<string, string>, minify = true): Promise<string> {
  const dir = await Deno.makeTempDir();
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        "--config",
        CONFIG,
        ESBUILD_SCRIPT,
        `${dir}/main.ts`,
        minify ? "minify" : "plain",
      ],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) throw new Error(new TextDecoder().decode(output.stderr));
    return new TextDecoder().decode(output.stdout);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Ordinary ES2015 TypeScript: what the device code is allowed to look like. */
const ORDINARY_TS = {
  "main.ts": `
import { Backoff, clamp } from "./backoff.ts";
import { Queue } from "./queue.ts";
import { parseHeaders } from "./headers.ts";

/** Espruino's net module, as a global here so that esbuild has nothing to resolve. */
declare const net: {
  connect(options: { host: string; port: number }, callback: () => void): {
    write(data: string): void;
    on(event: string, listener: (data: string) => void): void;
  };
};
declare const E: { toString(...args: unknown[]): string };
declare function print(...args: unknown[]): void;

enum State { Idle, Connecting, Open }

interface Options { host: string; port: number; path?: string; retries?: number }

class Client {
  private state = State.Idle;
  private readonly queue: Queue<string>;
  private timer: number | undefined;
  static readonly VERSION = "1.0";
  constructor(private readonly options: Options) {
    this.queue = new Queue<string>(16);
  }
  get isOpen(): boolean { return this.state === State.Open; }
  connect(): void {
    const retries = this.options.retries ?? 3;
    const path = this.options.path?.length ? this.options.path : "/";
    this.state = State.Connecting;
    const socket = net.connect({ host: this.options.host, port: this.options.port }, () => {
      socket.write(\`GET \${path} HTTP/1.1\\r\\nHost: \${this.options.host}\\r\\n\\r\\n\`);
    });
    socket.on("data", (data: string) => {
      const headers = parseHeaders(data);
      for (const name of Object.keys(headers)) print(name, headers[name]);
      this.state = State.Open;
      this.flush(socket);
    });
    socket.on("close", () => {
      this.state = State.Idle;
      this.timer = setTimeout(() => this.connect(), new Backoff(100, 5000).next() * retries);
    });
  }
  send(text: string): void { this.queue.push(text); }
  private flush(socket: { write(s: string): void }): void {
    let item = this.queue.shift();
    while (item !== undefined) { socket.write(item); item = this.queue.shift(); }
  }
}

class LoggingClient extends Client {
  private count: number;
  constructor(options: Options) { super(options); this.count = 0; }
  send(text: string): void { this.count++; super.send(text); }
}

const settings = { host: "192.168.1.10", port: 8080 };
const merged = { ...settings, path: "/ws" };
const client = new LoggingClient(merged);
const squares = [1, 2, 3].map((n) => n ** 2).filter((n) => n > 1);
for (const sq of squares) client.send(String(sq));
for (let i = 0; i < squares.length; i++) client.send(E.toString([squares[i]]));
const ids = ["a", "b"];
for (const id of ids) print(squares.find((n) => String(n) === id));
const re = /^([a-z0-9_-]+):\\s*(.*)$/i;
print(re.test("Host: x"), clamp(5, 0, 3), JSON.stringify({ a: 1 }, null, 2), Client.VERSION);
Promise.resolve(1).then((v) => v + 1).catch(() => 0);
try { client.connect(); } catch { print("offline"); }
`,
  "backoff.ts": `
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
export class Backoff {
  private attempt = 0;
  constructor(private readonly min: number, private readonly max: number) {}
  next(): number {
    const ceiling = clamp(this.min * Math.pow(2, this.attempt++), this.min, this.max);
    return Math.floor(Math.random() * ceiling);
  }
}
`,
  "queue.ts": `
export class Queue<T> {
  private items: T[] = [];
  constructor(private readonly limit: number) {}
  push(item: T): void {
    if (this.items.length >= this.limit) this.items.shift();
    this.items.push(item);
  }
  shift(): T | undefined { return this.items.shift(); }
  get size(): number { return this.items.length; }
}
`,
  "headers.ts": `
export function parseHeaders(text: string): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  const lines = text.split("\\r\\n");
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(":");
    if (colon > 0) out[lines[i].slice(0, colon).toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  return out;
}
`,
};

Deno.test("esbuild's es2015 output of ordinary TypeScript passes clean", async () => {
  const code = await bundle(ORDINARY_TS);
  // Sanity: the features esbuild lowers really were in the source.
  assert.match(code, /Math\.pow|\*\*/);
  assert.deepEqual(checkEspruinoDialect(code), []);
  assertEspruinoDialect(code, { file: "device.js" });
});

Deno.test("a ~12 KB minified bundle is checked, and still passes clean", async () => {
  const files: Record<string, string> = { ...ORDINARY_TS };
  const imports: string[] = [];
  for (let m = 0; m < 24; m++) {
    files[`part${m}.ts`] = `
export class Part${m} {
  private values: number[] = [];
  private label = "part${m}";
  add(value: number): this { this.values.push(value * ${m + 1}); return this; }
  total(): number { return this.values.reduce((sum, v) => sum + v, 0); }
  describe(): string { return \`\${this.label}: \${this.values.join(",")} = \${this.total()}\`; }
  static parse(text: string): Part${m} {
    const part = new Part${m}();
    for (const piece of text.split(",")) if (piece) part.add(parseInt(piece, 10));
    return part;
  }
}
`;
    imports.push(
      `import { Part${m} } from "./part${m}.ts";\nprint(Part${m}.parse("1,2,3").describe());`,
    );
  }
  files["main.ts"] = imports.join("\n") + "\n" + ORDINARY_TS["main.ts"].replace(
    /^\s*declare function print.*$/m,
    "",
  ).replace(/^/, "declare function print(...args: unknown[]): void;\n");
  const code = await bundle(files);
  assert.ok(code.length > 11_000, `bundle is ${code.length} bytes`);
  assert.deepEqual(checkEspruinoDialect(code), []);
});

/** [description, code, construct, line] — the construct sits on the given line. */
const FORBIDDEN: [string, string, string, number][] = [
  ["default parameter", "var a = 1;\nfunction f(x = 1) { return x; }", "default parameter", 2],
  ["rest parameter", "var a = 1;\n\nfunction f(...xs) {}", "rest parameter", 3],
  ["spread in a call", "f(\n  ...xs\n);", "spread in call", 2],
  [
    "super(...arguments) from esbuild",
    "class A {}\nclass B extends A { constructor() { super(...arguments); } }",
    "spread in call",
    2,
  ],
  ["spread in an array", "var a = [0,\n...xs];", "spread in array", 2],
  ["spread in an object", "var o = {\n  a: 1,\n  ...p };", "spread in object", 3],
  ["object destructuring", "var o = {};\nvar { a } = o;", "destructuring", 2],
  ["array destructuring assignment", "var a, b;\n[a, b] = [1, 2];", "destructuring", 2],
  ["destructuring parameter", "function f({ a }) {}", "destructuring", 1],
  ["destructuring in catch", "try {}\ncatch ({ message }) {}", "destructuring", 2],
  ["destructuring in a for-of head", "var m = [];\nfor (var [k, v] of m) {}", "destructuring", 2],
  ["computed key", "var k = 'a';\nvar o = { [k]: 1 };", "computed key", 2],
  ["computed method name", "class A {\n  [name]() {}\n}", "computed key", 2],
  ["generator", "function* g() {\n  yield 1;\n}", "generator", 1],
  ["async function", "var x;\nasync function f() {}", "async function", 2],
  ["async arrow", "var f = async () => 1;", "async function", 1],
  ["await", "async function f() {\n  await g();\n}", "await", 2],
  ["exponent operator", "var a = 2;\nvar b = a ** 2;", "exponent operator", 2],
  ["exponent assignment", "var a = 2;\na **= 2;", "exponent operator", 2],
  ["optional chaining", "var o;\nvar x = o?.a;", "optional chaining", 2],
  ["optional call", "var f;\nf?.();", "optional chaining", 2],
  ["logical assignment &&=", "var a;\na &&= 1;", "logical assignment", 2],
  ["logical assignment ||=", "var a;\na ||= 1;", "logical assignment", 2],
  ["logical assignment ??=", "var a;\na ??= 1;", "logical assignment", 2],
  ["label", "outer:\nfor (;;) { break outer; }", "label", 1],
  ["tagged template", "function tag() {}\ntag`x`;", "tagged template", 2],
  ["new.target", "function F() {\n  return new.target;\n}", "new.target", 2],
  ["#private field", "class A {\n  #secret = 1;\n}", "#private", 2],
  ["#private method", "class A {\n  #m() {}\n  n() { return this.#m(); }\n}", "#private", 2],
  ["identifier named of", "var x;\nvar of = 1;", 'identifier named "of"', 2],
  ["identifier named static", "function f(static) {}", 'identifier named "static"', 1],
  ["identifier named let", "var x;\nlet = 1;", 'identifier named "let"', 2],
  ["class static block", "class A {\n  static { init(); }\n}", "class static block", 2],
  ["BigInt literal", "var big =\n  10n;", "BigInt literal", 2],
  ["numeric separator", "var n = 1_000;", "numeric separator", 1],
  ["dynamic import", "var m;\nimport('x');", "dynamic import", 2],
  [
    "closure over a for-let variable",
    "for (let i = 0; i < 3; i++) {\n  setTimeout(function () { print(i); }, 10);\n}",
    "closure over loop variable",
    2,
  ],
  [
    "closure over a for-const-of variable",
    "var xs = [1];\nfor (const x of xs) {\n  s.on('data', () => print(x));\n}",
    "closure over loop variable",
    3,
  ],
  [
    "call before a function declaration",
    "start();\nfunction start() {}",
    "function used before declaration",
    1,
  ],
  [
    "call before a declaration inside a function",
    "function main() {\n  if (ok) helper();\n  function helper() {}\n}",
    "function used before declaration",
    2,
  ],
  ["this in a class field", "class A {\n  b = this.a;\n}", "this in class field", 2],
  ["extends Error", "class HttpError\n  extends Error {}", "extends Error", 2],
  ["extends Array", "class List extends Array {}", "extends Array", 1],
  [
    "Array.prototype.slice",
    "function f() {\n  return Array.prototype.slice.call(arguments);\n}",
    "Array.prototype.slice",
    2,
  ],
  [
    "static method through a subclass",
    "class A { static make() {} }\nclass B extends A {}\nB.make();",
    "inherited static method",
    3,
  ],
  ["Map", "var m = new Map();", "Map", 1],
  ["Set", "var s;\ns = new Set([1]);", "Set", 2],
  ["WeakMap", "var w = new WeakMap();", "WeakMap", 1],
  ["WeakSet", "var w = new WeakSet();", "WeakSet", 1],
  ["Symbol", "var it = Symbol.iterator;", "Symbol", 1],
  ["Proxy", "var p = new Proxy({}, {});", "Proxy", 1],
  ["Reflect", "Reflect.ownKeys({});", "Reflect", 1],
  ["TextEncoder", "var e = new TextEncoder();", "TextEncoder", 1],
  ["TextDecoder", "var d = new TextDecoder();", "TextDecoder", 1],
  ["Promise.race", "Promise.race([]);", "Promise.race", 1],
  ["Promise.allSettled", "Promise.allSettled([]);", "Promise.allSettled", 1],
  ["Promise.any", "Promise.any([]);", "Promise.any", 1],
  ["Promise finally", "p.then(f)\n  .finally(g);", ".finally()", 2],
  ["Array.from", "Array.from('ab');", "Array.from", 1],
  ["Array.of", "Array.of(1);", "Array.of", 1],
  ["flat", "[[1]].flat();", ".flat()", 1],
  ["flatMap", "[1].flatMap(f);", ".flatMap()", 1],
  ["at", "var last = xs.at(-1);", ".at()", 1],
  ["codePointAt", "s.codePointAt(0);", ".codePointAt()", 1],
  ["trimStart", "s.trimStart();", ".trimStart()", 1],
  ["trimEnd", "s.trimEnd();", ".trimEnd()", 1],
  ["Number.isInteger", "Number.isInteger(1);", "Number.isInteger", 1],
  ["Number.isNaN", "Number.isNaN(1);", "Number.isNaN", 1],
  ["Math.trunc", "Math.trunc(1.5);", "Math.trunc", 1],
  ["Math.log2", "Math.log2(8);", "Math.log2", 1],
  ["Math.hypot", "Math.hypot(3, 4);", "Math.hypot", 1],
  ["Object.freeze", "Object.freeze({});", "Object.freeze", 1],
  ["Object.seal", "Object.seal({});", "Object.seal", 1],
  ["regex ? quantifier", "var r =\n  /colou?r/;", "regex ? quantifier", 2],
  ["regex lazy quantifier", "var r = /a+?/;", "regex lazy quantifier", 1],
  ["regex {n,m}", "var r = /\\d{2,4}/;", "regex {n,m} quantifier", 1],
  ["regex lookahead", "var r = /a(?=b)/;", "regex lookaround", 1],
  ["regex lookbehind", "var r = /(?<=a)b/;", "regex lookaround", 1],
  ["regex \\b", "var r = /\\bword\\b/;", "regex \\b", 1],
  ["regex (?:)", "var r = /(?:ab)c/;", "regex non-capturing group", 1],
  ["regex named group", "var r = /(?<year>\\d+)/;", "regex named group", 1],
  ["regex flag m", "var r = /^a$/m;", "regex flag", 1],
  ["regex flag u", "var r = /a/u;", "regex flag", 1],
  ["regex backreference", "var r = /(a)\\1/;", "regex backreference", 1],
  ["regex quantifier on a group", "var r = /(ab)+/;", "regex quantifier on group", 1],
  ["regex alternation in a group", "var r = /(GET|POST) /;", "regex alternation in group", 1],
  ["new RegExp with a literal", "var r = new RegExp(\n  'a{3}');", "regex {n,m} quantifier", 2],
  ["RegExp() with a literal", "var r = RegExp('x', 's');", "regex flag", 1],
  [
    "JSON.stringify replacer",
    "JSON.stringify(o,\n  function (k, v) { return v; });",
    "JSON.stringify replacer",
    2,
  ],
  ["JSON.parse reviver", "JSON.parse(s, reviver);", "JSON.parse reviver", 1],
  ["syntax error", "var a = ;", "syntax error", 1],
];

for (const [description, code, construct, line] of FORBIDDEN) {
  Deno.test(`flags ${description} as "${construct}" on line ${line}`, () => {
    const problems = checkEspruinoDialect(code);
    const found = problems.find((p) => p.construct === construct);
    assert.ok(
      found,
      `expected "${construct}" in ${JSON.stringify(problems.map((p) => p.construct))}`,
    );
    assert.equal(found.line, line);
    assert.ok(found.column >= 1);
    assert.ok(found.hint.length > 0);
  });
}

Deno.test("esbuild output of TypeScript that uses what esbuild cannot lower is refused", async () => {
  const code = await bundle({
    "main.ts": `
declare function print(...args: unknown[]): void;
class Store { #items = new Map<string, number>(); get(k: string) { return this.#items.get(k); } }
function greet(name = "you", ...rest: string[]) { print(name, ...rest); }
const { a, b } = { a: 1, b: 2 };
const key = "k";
const obj = { [key + a]: b };
async function load() { await Promise.resolve(1); }
class Field { value = 1; }
class Derived extends Field { extra = 2; }
const more = (xs: number[]) => [...xs, 3];
const parts = more([1, 2]);
print(new Store().get("x"), greet(), obj, load(), new Derived(), parts, /(?<=x)y/.test("xy"));
`,
  });
  const constructs = new Set(checkEspruinoDialect(code).map((p) => p.construct));
  for (
    const expected of [
      "WeakMap", // what esbuild turns #private into
      "Map",
      "default parameter",
      "rest parameter",
      "spread in call", // also esbuild's super(...arguments) for Derived
      "spread in array",
      "destructuring",
      "computed key",
      "generator", // esbuild's lowering of async/await
      "regex lookaround",
    ]
  ) {
    assert.ok(constructs.has(expected), `missing ${expected} in ${[...constructs].join(", ")}`);
  }
});

Deno.test("names that only look like missing built-ins are not flagged", () => {
  const code = [
    "var Map = function () {}; var m = new Map();",
    "function f(Set) { return new Set(); }",
    "var o = { Map: 1, Symbol: 2, of: 3, static: 4 }; o.Map = o.Symbol + o.of;",
    "var arr = [1]; var first = Array.prototype.map.call(arr, function (x) { return x; });",
    "var copy = [].slice.call(arr); var last = arr[arr.length - 1];",
    "var iter = typeof Symbol !== 'undefined' ? Symbol.iterator : '@@iterator';",
    "var P = typeof Proxy != 'undefined' && new Proxy({}, {});",
    "if (typeof TextEncoder === 'function') { new TextEncoder(); }",
    "function helper() { return 1; } helper();",
    "function later() { return declaredBelow(); } function declaredBelow() {}",
    "for (let i = 0; i < 3; i++) { arr.forEach(function (x) { print(i, x); }); }",
    "for (const id of ['a']) { print(arr.filter(function (x) { return x === id; })); }",
    "JSON.stringify({ a: 1 }, null, 2); JSON.stringify(1, undefined, 1); JSON.parse('1');",
    "var r = /^[a-z0-9_-]+:\\s*(\\d+)$/i; var s = /a|b|c/g; var t = /[?{}()]/;",
    "var n = new RegExp('^\\\\d+$', 'g');",
    "class A { static make() { return new A(); } } class B extends A { static make() { return new B(); } } B.make();",
    "class Err { constructor(m) { this.message = m; } } class Timeout extends Err {}",
    "var x = Math.floor(1.5) + Math.pow(2, 3); Object.keys({}); Promise.all([]);",
  ].join("\n");
  assert.deepEqual(checkEspruinoDialect(code), []);
});

Deno.test("assertEspruinoDialect lists every problem as file:line:column: construct — hint", () => {
  const code = "var m = new Map();\nfunction f(a = 1) {}\nvar b = a ** 2;";
  assert.throws(
    () => assertEspruinoDialect(code, { file: "device.js" }),
    (error: unknown) => {
      assert.ok(error instanceof EspruinoDialectError);
      assert.equal(error.problems.length, 3);
      const lines = error.message.split("\n");
      assert.match(lines[0], /^device\.js: 3 constructs/);
      assert.match(lines[1], /^device\.js:1:13: Map — missing on Espruino; /);
      assert.match(lines[2], /^device\.js:2:12: default parameter — a syntax error on Espruino/);
      assert.match(lines[3], /^device\.js:3:9: exponent operator — /);
      return true;
    },
  );
  assert.doesNotThrow(() => assertEspruinoDialect("var ok = 1;", { file: "ok.js" }));
});
