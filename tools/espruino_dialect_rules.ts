/**
 * What Espruino 2v29 lacks or gets wrong, as tables: syntax it cannot parse, globals, static
 * members and methods it does not have, classes that cannot be subclassed, its extra reserved
 * words, and the regular-expression features its engine lacks. tools/espruino_dialect_checker.ts
 * applies them; docs/espruino.md explains them.
 *
 * @module
 */

/** Syntax Espruino cannot parse, by construct, with what to write instead. */
export const SYNTAX_HINTS = {
  "default parameter": "a syntax error on Espruino; assign defaults in the body " +
    "(`if (x === undefined) x = …`)",
  "rest parameter": "a syntax error on Espruino; use `arguments`",
  "spread in call": "a syntax error on Espruino; use `f.apply(null, args)` " +
    "(esbuild emits `super(...arguments)` for a subclass with fields and no constructor: " +
    "write the constructor)",
  "spread in array": "a syntax error on Espruino; use `concat`/`slice`",
  "spread in object": "a syntax error on Espruino; use `Object.assign` " +
    "(or let esbuild lower it with --target=es2015)",
  "destructuring": "a syntax error on Espruino (every form); read the properties one by one",
  "computed key": "a syntax error on Espruino; assign `obj[key] = …` after creating the object",
  "generator": "a syntax error on Espruino; write the iteration by hand",
  "async function": "a syntax error on Espruino; use Promise `then` chains",
  "await": "a syntax error on Espruino; use Promise `then` chains",
  "for await": "a syntax error on Espruino",
  "exponent operator": "`**` is a syntax error on Espruino; use `Math.pow`",
  "optional chaining": "`?.` is a syntax error on Espruino; test for null first " +
    "(esbuild lowers it at --target=es2015)",
  "logical assignment": "`&&=`/`||=`/`??=` are syntax errors on Espruino; write `a = a || b`",
  "label": "labels are a syntax error on Espruino; use a flag or a function with `return`",
  "tagged template": "a syntax error on Espruino; call the function with a plain string",
  "new.target": "a syntax error on Espruino",
  "#private": "`#private` members are a syntax error on Espruino (esbuild turns them into " +
    "WeakMap, which is missing too); use a TypeScript `private` member",
  "class static block": "a syntax error on Espruino; run the code after the class",
  "BigInt literal": "Espruino has no BigInt",
  "numeric separator": "`1_000` is a syntax error on Espruino; write `1000`",
  "dynamic import": "`import()` does not exist on Espruino; use `require`",
} as const;

/** A construct of {@linkcode SYNTAX_HINTS}. */
export type SyntaxConstruct = keyof typeof SYNTAX_HINTS;

/** Globals Espruino does not have: referencing one throws a ReferenceError on the device. */
export const MISSING_GLOBALS: ReadonlyMap<string, string> = new Map([
  ["Map", "use a plain object (`{}` keyed by string) or two arrays"],
  ["Set", "use a plain object with `true` values, or an array with `indexOf`"],
  ["WeakMap", "store the value on the object itself"],
  ["WeakSet", "store a flag on the object itself"],
  ["WeakRef", "keep a normal reference"],
  ["FinalizationRegistry", "free resources explicitly"],
  ["Symbol", "use string keys"],
  ["Proxy", "write explicit getters/setters"],
  ["Reflect", "use `Object.*` and `Function.prototype.apply`"],
  [
    "TextEncoder",
    "encode UTF-8 by hand (e.g. `unescape(encodeURIComponent(s))`) or keep binary strings",
  ],
  ["TextDecoder", "decode UTF-8 by hand or keep binary strings"],
  ["BigInt", "use Numbers (53-bit integers are exact)"],
  ["Intl", "format numbers and dates by hand"],
  ["WebAssembly", "not available on a microcontroller"],
  ["queueMicrotask", "use `Promise.resolve().then(f)` or `setTimeout(f, 0)`"],
  ["structuredClone", "use `JSON.parse(JSON.stringify(x))`"],
  ["fetch", 'use `require("http")`'],
  ["WebSocket", "there is no built-in WebSocket on Espruino"],
  ["Buffer", "use binary strings, `E.toString` and Uint8Array"],
]);

/** Static members missing on a global constructor: `Array.from` etc. */
export const MISSING_STATICS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ["Array", new Map([["from", "copy with a loop or `[].slice.call(x)`"], ["of", "use `[a, b]`"]])],
  [
    "Number",
    new Map([
      ["isInteger", 'use `typeof x === "number" && x % 1 === 0`'],
      ["isNaN", "use `x !== x`"],
    ]),
  ],
  [
    "Math",
    new Map([
      ["trunc", "use `x < 0 ? Math.ceil(x) : Math.floor(x)`"],
      ["log2", "use `Math.log(x) / Math.LN2`"],
      ["hypot", "use `Math.sqrt(a * a + b * b)`"],
    ]),
  ],
  ["Object", new Map([["freeze", "drop it (nothing is frozen on Espruino)"], ["seal", "drop it"]])],
  [
    "Promise",
    new Map([
      ["race", "settle a shared flag in each `then`"],
      ["allSettled", "wrap each promise with `then(ok, fail)` and use `Promise.all`"],
      ["any", "count rejections by hand"],
    ]),
  ],
]);

/** Instance methods Espruino lacks; flagged when called on anything. */
export const MISSING_METHODS: ReadonlyMap<string, string> = new Map([
  ["finally", "Promise.prototype.finally is missing; call the handler in both `then` and `catch`"],
  ["flat", "Array.prototype.flat is missing; concatenate in a loop"],
  ["flatMap", "Array.prototype.flatMap is missing; concatenate in a loop"],
  ["at", "`.at()` is missing; use `x[x.length - 1]`"],
  ["codePointAt", "String.prototype.codePointAt is missing; use `charCodeAt`"],
  ["trimStart", 'String.prototype.trimStart is missing; use `replace(/^\\s+/, "")`'],
  ["trimEnd", 'String.prototype.trimEnd is missing; use `replace(/\\s+$/, "")`'],
]);

/** Built-in error/array classes that cannot be subclassed on Espruino. */
export const UNSUBCLASSABLE = new Set([
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "EvalError",
  "URIError",
  "InternalError",
  "Array",
]);

/** Array methods that call their callback before returning, within the same loop iteration. */
export const SYNC_CALLBACK_METHODS = new Set([
  "forEach",
  "map",
  "filter",
  "find",
  "findIndex",
  "some",
  "every",
  "reduce",
  "reduceRight",
  "sort",
]);

/** Names that are reserved words on Espruino, though not in JavaScript. */
export const RESERVED_ON_ESPRUINO = new Set(["of", "static", "let"]);

/** One feature of a regular expression that Espruino's engine lacks or gets wrong. */
export interface RegexIssue {
  /** Short name, e.g. `"regex lookahead"`. */
  construct: string;
  /** What goes wrong and what to write instead. */
  hint: string;
}

const REGEX_HINT = "Espruino's RegExp engine supports only * + | () [] ^ $ . \\d \\w \\s " +
  "(and their negations), \\xHH and the g/i flags; parse by hand";

/**
 * Features of a regular expression that Espruino's small engine lacks or gets wrong.
 *
 * @param pattern The source of the expression, without slashes.
 * @param flags Its flags, like `gi`.
 * @returns One issue per kind of feature, in the order met.
 */
export function regexIssues(pattern: string, flags: string): RegexIssue[] {
  const issues: RegexIssue[] = [];
  const seen = new Set<string>();
  const add = (construct: string, detail: string) => {
    if (seen.has(construct)) return;
    seen.add(construct);
    issues.push({ construct, hint: `${detail} in /${pattern}/; ${REGEX_HINT}` });
  };
  const groups: { alternation: boolean }[] = [];
  let last: "none" | "char" | "group" | "quantified" = "none";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      if (next === "b" || next === "B") {
        add(`regex \\${next}`, `\\${next} is not a word boundary there`);
      } else if (next >= "1" && next <= "9") add("regex backreference", "backreferences throw");
      else if ("upPkc".includes(next) && next !== "") {
        add(`regex \\${next}`, `\\${next} is not supported`);
      }
      i += next === "x" ? 3 : 1;
      last = "char";
    } else if (ch === "[") {
      for (i++; i < pattern.length && pattern[i] !== "]"; i++) {
        if (pattern[i] === "\\") {
          const next = pattern[i + 1] ?? "";
          if ("upPkc".includes(next) && next !== "") {
            add(`regex \\${next}`, `\\${next} is not supported`);
          }
          i++;
        }
      }
      last = "char";
    } else if (ch === "(") {
      if (pattern[i + 1] === "?") {
        const kind = pattern.slice(i + 2, i + 4);
        if (kind.startsWith(":")) add("regex non-capturing group", "(?:…) is not supported");
        else if (kind.startsWith("=") || kind.startsWith("!") || kind === "<=" || kind === "<!") {
          add("regex lookaround", "lookahead/lookbehind is not supported");
        } else add("regex named group", "named groups are not supported");
        i++;
      }
      groups.push({ alternation: false });
      last = "none";
    } else if (ch === ")") {
      const group = groups.pop();
      if (group?.alternation) {
        add("regex alternation in group", "`|` inside a group ends the whole match");
      }
      last = "group";
    } else if (ch === "|") {
      const top = groups[groups.length - 1];
      if (top) top.alternation = true;
      last = "none";
    } else if (ch === "*" || ch === "+") {
      if (last === "group") {
        add("regex quantifier on group", "a quantifier after `)` is taken literally");
      }
      if (pattern[i + 1] === "?") {
        add("regex lazy quantifier", `${ch}? is not supported`);
        i++;
      }
      last = "quantified";
    } else if (ch === "?") {
      if (last === "quantified") add("regex lazy quantifier", "lazy quantifiers are not supported");
      else add("regex ? quantifier", "the ? quantifier is not supported");
      last = "quantified";
    } else if (ch === "{" && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      add("regex {n,m} quantifier", "{n,m} quantifiers are not supported");
      i = pattern.indexOf("}", i);
      last = "quantified";
    } else if (ch === "^" || ch === "$") {
      last = "none";
    } else {
      last = "char";
    }
  }
  for (const flag of flags) {
    if (flag !== "g" && flag !== "i") add("regex flag", `the ${flag} flag is not supported`);
  }
  return issues;
}
