/**
 * Static check that JavaScript will run on Espruino 2v29 (the dialect described in
 * docs/espruino.md): it flags syntax the device cannot parse, constructs that parse but
 * behave differently there, built-ins the device lacks and regular expressions its small
 * engine gets wrong.
 *
 * Meant for the exact bundle that will be flashed (esbuild `--format=iife --target=es2015
 * --minify` output) as well as hand-written snippets.
 *
 * To avoid false alarms on such bundles: a missing global counts only when the name is not a
 * local binding and is not guarded by `typeof X !== "undefined"` (or `=== "function"`); a closure
 * over a `for (let …)`/`for (const … of …)` variable counts only if it can outlive the iteration
 * (callbacks of `forEach`/`map`/`filter`/`find`/`some`/`every`/`reduce`/`sort` and IIFEs run at
 * once); a function used before its declaration counts only where that use runs directly (not
 * inside another function, which may run later).
 *
 * @example
 * ```ts
 * import { assertEspruinoDialect } from "./espruino_dialect.ts";
 * assertEspruinoDialect(await Deno.readTextFile("dist/device.js"), { file: "dist/device.js" });
 * ```
 *
 * @module
 */

import * as acorn from "npm:acorn@8.19.0";

/** One construct Espruino cannot run as written. */
export interface DialectProblem {
  /** 1-based line of the construct. */
  line: number;
  /** 1-based column of the construct. */
  column: number;
  /** Short name of the construct, e.g. `"default parameter"` or `"Map"`. */
  construct: string;
  /** What goes wrong on the device and what to write instead. */
  hint: string;
}

/** Options for {@linkcode checkEspruinoDialect} and {@linkcode assertEspruinoDialect}. */
export interface EspruinoDialectOptions {
  /** Name used in error messages (default `"<code>"`). */
  file?: string;
}

/** Thrown by {@linkcode assertEspruinoDialect}; lists every problem found. */
export class EspruinoDialectError extends Error {
  /** The problems, in source order. */
  readonly problems: DialectProblem[];
  /** The file name used in the message. */
  readonly file: string;

  /**
   * Builds the error and its message (one line per problem).
   *
   * @param file Name shown in front of each problem.
   * @param problems At least one problem.
   */
  constructor(file: string, problems: DialectProblem[]) {
    super(formatDialectProblems(file, problems));
    this.name = "EspruinoDialectError";
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Formats problems one per line as `file:line:column: construct — hint`, under a header line.
 *
 * @param file Name shown in front of each problem.
 * @param problems Problems from {@linkcode checkEspruinoDialect}.
 * @returns The text, without a trailing newline.
 */
export function formatDialectProblems(file: string, problems: DialectProblem[]): string {
  const header = `${file}: ${problems.length} construct${
    problems.length === 1 ? "" : "s"
  } Espruino cannot run as written:`;
  const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.construct} — ${p.hint}`);
  return [header, ...lines].join("\n");
}

/**
 * Throws an {@linkcode EspruinoDialectError} listing every problem if `code` uses anything
 * Espruino cannot run as written.
 *
 * @param code JavaScript source (a script, not a module).
 * @param options `file` names the code in the message.
 * @throws {EspruinoDialectError} If at least one problem is found.
 */
export function assertEspruinoDialect(code: string, options: EspruinoDialectOptions = {}): void {
  const problems = checkEspruinoDialect(code, options);
  if (problems.length > 0) throw new EspruinoDialectError(options.file ?? "<code>", problems);
}

/**
 * Lists everything in `code` that Espruino cannot run as written: syntax errors on the device,
 * constructs that behave differently there, missing built-ins (only where the name refers to
 * the global), unsupported regular-expression features and JSON replacer/reviver arguments.
 * A JavaScript syntax error is reported as a single `"syntax error"` problem.
 *
 * @param code JavaScript source (a script, not a module).
 * @param options `file` is accepted for symmetry with {@linkcode assertEspruinoDialect}.
 * @returns Problems in source order; empty when the code is fine.
 */
export function checkEspruinoDialect(
  code: string,
  _options: EspruinoDialectOptions = {},
): DialectProblem[] {
  let program: acorn.Program;
  try {
    program = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script", locations: true });
  } catch (error) {
    const loc = (error as { loc?: acorn.Position }).loc;
    const message = error instanceof Error ? error.message : String(error);
    return [{
      line: loc?.line ?? 1,
      column: (loc?.column ?? 0) + 1,
      construct: "syntax error",
      hint: message,
    }];
  }
  return new Checker().run(program);
}

// ---------------------------------------------------------------------------------------------
// Tables

type AnyNode = acorn.AnyNode;

const SYNTAX_HINTS = {
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

type SyntaxConstruct = keyof typeof SYNTAX_HINTS;

/** Globals Espruino does not have: referencing one throws a ReferenceError on the device. */
const MISSING_GLOBALS: ReadonlyMap<string, string> = new Map([
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
const MISSING_STATICS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
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
const MISSING_METHODS: ReadonlyMap<string, string> = new Map([
  ["finally", "Promise.prototype.finally is missing; call the handler in both `then` and `catch`"],
  ["flat", "Array.prototype.flat is missing; concatenate in a loop"],
  ["flatMap", "Array.prototype.flatMap is missing; concatenate in a loop"],
  ["at", "`.at()` is missing; use `x[x.length - 1]`"],
  ["codePointAt", "String.prototype.codePointAt is missing; use `charCodeAt`"],
  ["trimStart", 'String.prototype.trimStart is missing; use `replace(/^\\s+/, "")`'],
  ["trimEnd", 'String.prototype.trimEnd is missing; use `replace(/\\s+$/, "")`'],
]);

/** Built-in error/array classes that cannot be subclassed on Espruino. */
const UNSUBCLASSABLE = new Set([
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
const SYNC_CALLBACK_METHODS = new Set([
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

const RESERVED_ON_ESPRUINO = new Set(["of", "static", "let"]);

// ---------------------------------------------------------------------------------------------
// Scopes

interface FnInfo {
  node: AnyNode;
  parent: FnInfo | null;
  /** Scope that receives `var` declarations. */
  scope: Scope;
  /** Called before it returns (IIFE or a callback of a synchronous Array method). */
  sync: boolean;
  /** Runs as a class-field initialiser (`this` is wrong there on Espruino). */
  fieldInit: boolean;
}

interface ClassInfo {
  statics: Set<string>;
  superName?: string;
  superScope?: Scope;
}

interface Binding {
  name: string;
  fn: FnInfo;
  /** Offset of the declaration, for function declarations. */
  declStart: number;
  isFunctionDecl: boolean;
  /** Declared by `let`/`const` in a `for` head. */
  loopVar: boolean;
  classInfo?: ClassInfo;
}

class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Binding | undefined {
    const own = this.vars.get(name);
    if (own) return own;
    for (let s = this.parent; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

interface Ctx {
  scope: Scope;
  fn: FnInfo;
  /** Global names proven present by an enclosing `typeof X !== "undefined"` test. */
  guards: ReadonlySet<string>;
}

interface Reference {
  id: acorn.Identifier;
  scope: Scope;
  fn: FnInfo;
}

const NO_GUARDS: ReadonlySet<string> = new Set();

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null &&
    typeof (value as { type?: unknown }).type === "string";
}

function propertyName(node: acorn.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (
    node.computed && node.property.type === "Literal" && typeof node.property.value === "string"
  ) {
    return node.property.value;
  }
  return undefined;
}

function isNullish(node: AnyNode): boolean {
  return (node.type === "Literal" && node.value === null && !node.regex) ||
    (node.type === "Identifier" && node.name === "undefined") ||
    (node.type === "UnaryExpression" && node.operator === "void");
}

/** Names a test proves present (`whenTrue`) or absent (`whenFalse`). */
function typeofGuards(test: AnyNode): { whenTrue: string[]; whenFalse: string[] } {
  if (test.type === "UnaryExpression" && test.operator === "!") {
    const inner = typeofGuards(test.argument);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (test.type === "LogicalExpression") {
    const left = typeofGuards(test.left);
    const right = typeofGuards(test.right);
    if (test.operator === "&&") {
      return { whenTrue: [...left.whenTrue, ...right.whenTrue], whenFalse: [] };
    }
    if (test.operator === "||") {
      return { whenTrue: [], whenFalse: [...left.whenFalse, ...right.whenFalse] };
    }
    return { whenTrue: [], whenFalse: [] };
  }
  if (test.type === "BinaryExpression" && ["==", "===", "!=", "!=="].includes(test.operator)) {
    let typeofArg: AnyNode | undefined;
    let literal: unknown;
    if (test.left.type === "UnaryExpression" && test.left.operator === "typeof") {
      typeofArg = test.left.argument;
      literal = test.right.type === "Literal" ? test.right.value : undefined;
    } else if (test.right.type === "UnaryExpression" && test.right.operator === "typeof") {
      typeofArg = test.right.argument;
      literal = test.left.type === "Literal" ? test.left.value : undefined;
    }
    if (typeofArg?.type !== "Identifier" || typeof literal !== "string") {
      return { whenTrue: [], whenFalse: [] };
    }
    const equal = test.operator === "==" || test.operator === "===";
    const present = literal !== "undefined";
    return equal === present
      ? { whenTrue: [typeofArg.name], whenFalse: [] }
      : { whenTrue: [], whenFalse: [typeofArg.name] };
  }
  return { whenTrue: [], whenFalse: [] };
}

function withGuards(ctx: Ctx, names: string[]): Ctx {
  if (names.length === 0) return ctx;
  return { ...ctx, guards: new Set([...ctx.guards, ...names]) };
}

// ---------------------------------------------------------------------------------------------
// Regular expressions

interface RegexIssue {
  construct: string;
  hint: string;
}

const REGEX_HINT = "Espruino's RegExp engine supports only * + | () [] ^ $ . \\d \\w \\s " +
  "(and their negations), \\xHH and the g/i flags; parse by hand";

/** Features of a regular expression that Espruino's small engine lacks or gets wrong. */
function regexIssues(pattern: string, flags: string): RegexIssue[] {
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

// ---------------------------------------------------------------------------------------------
// The walk

class Checker {
  #problems: DialectProblem[] = [];
  #reported = new Set<string>();
  #references: Reference[] = [];
  /** Checks that need every declaration known first (run after the walk). */
  #deferred: (() => void)[] = [];

  run(program: acorn.Program): DialectProblem[] {
    const scope = new Scope(null);
    const fn: FnInfo = { node: program, parent: null, scope, sync: false, fieldInit: false };
    const ctx: Ctx = { scope, fn, guards: NO_GUARDS };
    for (const statement of program.body) this.#visit(statement, ctx);
    for (const ref of this.#references) this.#checkReference(ref);
    for (const check of this.#deferred) check();
    return this.#problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  #report(node: AnyNode, construct: string, hint: string): void {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const key = `${node.start}:${construct}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#problems.push({ line: start.line, column: start.column + 1, construct, hint });
  }

  #syntax(node: AnyNode, construct: SyntaxConstruct): void {
    this.#report(node, construct, SYNTAX_HINTS[construct]);
  }

  /** True when `name` at `scope` is the global, not a local binding. */
  #isGlobal(name: string, scope: Scope): boolean {
    return scope.lookup(name) === undefined;
  }

  #declare(name: string, scope: Scope, fn: FnInfo, extra: Partial<Binding> = {}): Binding {
    const binding: Binding = {
      name,
      fn,
      declStart: -1,
      isFunctionDecl: false,
      loopVar: false,
      ...extra,
    };
    scope.vars.set(name, binding);
    return binding;
  }

  #checkIdentifierName(id: acorn.Identifier): void {
    if (RESERVED_ON_ESPRUINO.has(id.name)) {
      this.#report(
        id,
        `identifier named "${id.name}"`,
        `\`${id.name}\` is a reserved word on Espruino; rename it`,
      );
    }
  }

  /** Declares the names bound by a pattern, flagging destructuring and defaults. */
  #bindPattern(
    pattern: acorn.Pattern,
    ctx: Ctx,
    target: Scope,
    extra: Partial<Binding> = {},
  ): void {
    switch (pattern.type) {
      case "Identifier":
        this.#checkIdentifierName(pattern);
        this.#declare(pattern.name, target, ctx.fn, extra);
        return;
      case "ObjectPattern":
        this.#syntax(pattern, "destructuring");
        for (const prop of pattern.properties) {
          if (prop.type === "RestElement") {
            this.#bindPattern(prop.argument, ctx, target, extra);
          } else {
            if (prop.computed) this.#visit(prop.key, ctx);
            this.#bindPattern(prop.value, ctx, target, extra);
          }
        }
        return;
      case "ArrayPattern":
        this.#syntax(pattern, "destructuring");
        for (const element of pattern.elements) {
          if (element) this.#bindPattern(element, ctx, target, extra);
        }
        return;
      case "RestElement":
        this.#bindPattern(pattern.argument, ctx, target, extra);
        return;
      case "AssignmentPattern":
        this.#visit(pattern.right, ctx);
        this.#bindPattern(pattern.left, ctx, target, extra);
        return;
      case "MemberExpression":
        this.#visit(pattern, ctx);
        return;
    }
  }

  /** Visits an assignment target (`=` left side, `for (x of …)` head). */
  #assignTarget(pattern: acorn.Pattern, ctx: Ctx): void {
    switch (pattern.type) {
      case "ObjectPattern":
        this.#syntax(pattern, "destructuring");
        for (const prop of pattern.properties) {
          if (prop.type === "RestElement") this.#assignTarget(prop.argument, ctx);
          else {
            if (prop.computed) this.#visit(prop.key, ctx);
            this.#assignTarget(prop.value, ctx);
          }
        }
        return;
      case "ArrayPattern":
        this.#syntax(pattern, "destructuring");
        for (const element of pattern.elements) if (element) this.#assignTarget(element, ctx);
        return;
      case "RestElement":
        this.#assignTarget(pattern.argument, ctx);
        return;
      case "AssignmentPattern":
        this.#visit(pattern.right, ctx);
        this.#assignTarget(pattern.left, ctx);
        return;
      default:
        this.#visit(pattern, ctx);
    }
  }

  #declareVariables(decl: acorn.VariableDeclaration, ctx: Ctx, loopVar: boolean): void {
    const target = decl.kind === "var" ? ctx.fn.scope : ctx.scope;
    for (const declarator of decl.declarations) {
      const extra: Partial<Binding> = { loopVar: loopVar && decl.kind !== "var" };
      if (declarator.id.type === "Identifier" && declarator.init?.type === "ClassExpression") {
        extra.classInfo = this.#classInfo(declarator.init, ctx);
      }
      this.#bindPattern(declarator.id, ctx, target, extra);
      if (declarator.init) this.#visit(declarator.init, ctx);
    }
  }

  #classInfo(node: acorn.Class, ctx: Ctx): ClassInfo {
    const statics = new Set<string>();
    for (const member of node.body.body) {
      if (
        (member.type === "MethodDefinition" || member.type === "PropertyDefinition") &&
        member.static && !member.computed && member.key.type === "Identifier"
      ) {
        statics.add(member.key.name);
      }
    }
    const info: ClassInfo = { statics };
    if (node.superClass?.type === "Identifier") {
      info.superName = node.superClass.name;
      info.superScope = ctx.scope;
    }
    return info;
  }

  /** Visits a function: its own scope, parameters and body. */
  #visitFunction(node: acorn.Function & AnyNode, ctx: Ctx, sync: boolean): void {
    if (node.generator) this.#syntax(node, "generator");
    if (node.async) this.#syntax(node, "async function");
    let outer = ctx.scope;
    if (node.type === "FunctionExpression" && node.id) {
      // A function expression's own name is visible only inside it.
      outer = new Scope(ctx.scope);
      this.#checkIdentifierName(node.id);
      this.#declare(node.id.name, outer, ctx.fn);
    }
    const scope = new Scope(outer);
    const fn: FnInfo = {
      node,
      parent: ctx.fn,
      scope,
      sync,
      // Arrow functions share `this` with the initialiser they sit in.
      fieldInit: node.type === "ArrowFunctionExpression" && ctx.fn.fieldInit,
    };
    const inner: Ctx = { scope, fn, guards: ctx.guards };
    for (const param of node.params) {
      if (param.type === "AssignmentPattern") this.#syntax(param, "default parameter");
      if (param.type === "RestElement") this.#syntax(param, "rest parameter");
      this.#bindPattern(param, inner, scope);
    }
    if (node.body.type === "BlockStatement") {
      for (const statement of node.body.body) this.#visit(statement, inner);
    } else {
      this.#visit(node.body, inner);
    }
  }

  #visitClass(node: acorn.Class & AnyNode, ctx: Ctx): void {
    if (node.superClass) {
      this.#visit(node.superClass, ctx);
      const superClass = node.superClass;
      if (superClass.type === "Identifier" && UNSUBCLASSABLE.has(superClass.name)) {
        const scope = ctx.scope;
        this.#deferred.push(() => {
          if (this.#isGlobal(superClass.name, scope)) {
            this.#report(
              superClass,
              `extends ${superClass.name}`,
              `subclasses of ${superClass.name} do not work on Espruino; ` +
                (superClass.name === "Array"
                  ? "wrap an array in a plain class"
                  : "throw a plain Error and set fields on it (e.g. `err.code`)"),
            );
          }
        });
      }
    }
    let scope = ctx.scope;
    if (node.type === "ClassExpression" && node.id) {
      scope = new Scope(ctx.scope);
      this.#checkIdentifierName(node.id);
      this.#declare(node.id.name, scope, ctx.fn, { classInfo: this.#classInfo(node, ctx) });
    }
    const classCtx: Ctx = { ...ctx, scope };
    for (const member of node.body.body) {
      if (member.type === "StaticBlock") {
        this.#syntax(member, "class static block");
        const fn: FnInfo = { node: member, parent: ctx.fn, scope, sync: true, fieldInit: false };
        for (const statement of member.body) {
          this.#visit(statement, { scope, fn, guards: ctx.guards });
        }
        continue;
      }
      if (member.key.type === "PrivateIdentifier") this.#syntax(member.key, "#private");
      if (member.computed) {
        this.#syntax(member.key, "computed key");
        this.#visit(member.key, classCtx);
      }
      if (member.type === "MethodDefinition") {
        this.#visitFunction(member.value, classCtx, false);
      } else if (member.value) {
        // A field initialiser runs later, at construction, like a small function.
        const fn: FnInfo = {
          node: member,
          parent: ctx.fn,
          scope: new Scope(scope),
          sync: false,
          fieldInit: true,
        };
        this.#visit(member.value, { scope: fn.scope, fn, guards: ctx.guards });
      }
    }
  }

  #visitBody(statements: AnyNode[], ctx: Ctx): void {
    for (const statement of statements) this.#visit(statement, ctx);
  }

  /** Generic traversal for node types without special meaning. */
  #visitChildren(node: AnyNode, ctx: Ctx): void {
    for (const key in node) {
      if (key === "loc" || key === "type" || key === "start" || key === "end") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.#visit(item, ctx);
      } else if (isNode(value)) {
        this.#visit(value, ctx);
      }
    }
  }

  #visitArguments(args: Array<acorn.Expression | acorn.SpreadElement>, ctx: Ctx): void {
    for (const arg of args) {
      if (arg.type === "SpreadElement") {
        this.#syntax(arg, "spread in call");
        this.#visit(arg.argument, ctx);
      } else {
        this.#visit(arg, ctx);
      }
    }
  }

  #visitCall(node: acorn.CallExpression | acorn.NewExpression, ctx: Ctx): void {
    const callee = node.callee;
    if (callee.type === "FunctionExpression" || callee.type === "ArrowFunctionExpression") {
      this.#visitFunction(callee, ctx, true); // IIFE: runs right away
    } else {
      this.#visit(callee, ctx);
    }
    let syncCallbacks = false;
    if (callee.type === "MemberExpression") {
      const name = propertyName(callee);
      if (name !== undefined) {
        syncCallbacks = SYNC_CALLBACK_METHODS.has(name);
        const hint = MISSING_METHODS.get(name);
        if (hint && node.type === "CallExpression") {
          this.#report(callee.property, `.${name}()`, hint);
        }
        if (callee.object.type === "Identifier" && callee.object.name === "JSON") {
          this.#checkJson(node, name, ctx);
        }
      }
    }
    if (callee.type === "Identifier" && callee.name === "RegExp") this.#checkRegExpCall(node, ctx);
    for (const arg of node.arguments) {
      if (
        syncCallbacks &&
        (arg.type === "FunctionExpression" || arg.type === "ArrowFunctionExpression")
      ) {
        this.#visitFunction(arg, ctx, true);
      } else {
        this.#visitArguments([arg], ctx);
      }
    }
  }

  #checkJson(node: acorn.CallExpression | acorn.NewExpression, name: string, ctx: Ctx): void {
    const second = node.arguments[1];
    if ((name !== "stringify" && name !== "parse") || !second || isNullish(second)) return;
    const scope = ctx.scope;
    this.#deferred.push(() => {
      if (!this.#isGlobal("JSON", scope)) return;
      if (name === "stringify") {
        this.#report(
          second,
          "JSON.stringify replacer",
          "Espruino ignores the replacer; transform the value before stringifying",
        );
      } else {
        this.#report(
          second,
          "JSON.parse reviver",
          "Espruino ignores the reviver; transform the value after parsing",
        );
      }
    });
  }

  #checkRegExpCall(node: acorn.CallExpression | acorn.NewExpression, ctx: Ctx): void {
    const [source, flags] = node.arguments;
    const text = (n: AnyNode | undefined): string | undefined => {
      if (!n) return "";
      if (n.type === "Literal" && typeof n.value === "string") return n.value;
      if (n.type === "TemplateLiteral" && n.expressions.length === 0) {
        return n.quasis[0].value.cooked ?? undefined;
      }
      return undefined;
    };
    const pattern = text(source);
    const flagText = text(flags);
    if (pattern === undefined || flagText === undefined || !source) return;
    const scope = ctx.scope;
    this.#deferred.push(() => {
      if (!this.#isGlobal("RegExp", scope)) return;
      for (const issue of regexIssues(pattern, flagText)) {
        this.#report(source, issue.construct, issue.hint);
      }
    });
  }

  #visitMember(node: acorn.MemberExpression, ctx: Ctx): void {
    if (node.property.type === "PrivateIdentifier") this.#syntax(node.property, "#private");
    if (node.optional) this.#syntax(node, "optional chaining");
    this.#visit(node.object, ctx);
    if (node.computed) this.#visit(node.property, ctx);
    const name = propertyName(node);
    if (name === undefined) return;
    const object = node.object;
    if (object.type === "Identifier") {
      const hint = MISSING_STATICS.get(object.name)?.get(name);
      if (hint && !ctx.guards.has(object.name)) {
        const scope = ctx.scope;
        this.#deferred.push(() => {
          if (this.#isGlobal(object.name, scope)) {
            this.#report(node, `${object.name}.${name}`, `missing on Espruino; ${hint}`);
          }
        });
      }
      const scope = ctx.scope;
      this.#deferred.push(() => this.#checkInheritedStatic(node, object.name, name, scope));
    }
    if (
      name === "slice" && object.type === "MemberExpression" &&
      propertyName(object) === "prototype" &&
      object.object.type === "Identifier" && object.object.name === "Array"
    ) {
      const scope = ctx.scope;
      this.#deferred.push(() => {
        if (this.#isGlobal("Array", scope)) {
          this.#report(
            node,
            "Array.prototype.slice",
            "`Array.prototype.slice` is undefined on Espruino; use `[].slice.call(…)`",
          );
        }
      });
    }
  }

  #checkInheritedStatic(node: AnyNode, className: string, member: string, scope: Scope): void {
    const binding = scope.lookup(className);
    let info = binding?.classInfo;
    if (!info || info.statics.has(member)) return;
    const seen = new Set<ClassInfo>();
    while (info?.superName && info.superScope && !seen.has(info)) {
      seen.add(info);
      const parent: ClassInfo | undefined = info.superScope.lookup(info.superName)?.classInfo;
      if (parent?.statics.has(member)) {
        this.#report(
          node,
          "inherited static method",
          `static members are not inherited on Espruino: ${className}.${member} is undefined ` +
            `there; call ${info.superName}.${member} or redeclare it`,
        );
        return;
      }
      info = parent;
    }
  }

  #visitLoop(
    node: acorn.ForStatement | acorn.ForInStatement | acorn.ForOfStatement,
    ctx: Ctx,
  ): void {
    const scope = new Scope(ctx.scope);
    const inner: Ctx = { ...ctx, scope };
    if (node.type === "ForStatement") {
      if (node.init?.type === "VariableDeclaration") this.#declareVariables(node.init, inner, true);
      else if (node.init) this.#visit(node.init, inner);
      if (node.test) this.#visit(node.test, inner);
      if (node.update) this.#visit(node.update, inner);
    } else {
      if (node.type === "ForOfStatement" && node.await) this.#syntax(node, "for await");
      this.#visit(node.right, ctx);
      if (node.left.type === "VariableDeclaration") this.#declareVariables(node.left, inner, true);
      else this.#assignTarget(node.left, inner);
    }
    this.#visit(node.body, inner);
  }

  #visit(node: AnyNode, ctx: Ctx): void {
    switch (node.type) {
      case "Identifier":
        this.#checkIdentifierName(node);
        this.#references.push({ id: node, scope: ctx.scope, fn: ctx.fn });
        if (!ctx.guards.has(node.name) && MISSING_GLOBALS.has(node.name)) {
          const scope = ctx.scope;
          this.#deferred.push(() => {
            if (this.#isGlobal(node.name, scope)) {
              this.#report(
                node,
                node.name,
                `missing on Espruino; ${MISSING_GLOBALS.get(node.name)}`,
              );
            }
          });
        }
        return;
      case "Literal":
        if (node.regex) {
          for (const issue of regexIssues(node.regex.pattern, node.regex.flags)) {
            this.#report(node, issue.construct, issue.hint);
          }
        } else if (node.bigint !== undefined) {
          this.#syntax(node, "BigInt literal");
        } else if (typeof node.value === "number" && node.raw?.includes("_")) {
          this.#syntax(node, "numeric separator");
        }
        return;
      case "VariableDeclaration":
        this.#declareVariables(node, ctx, false);
        return;
      case "FunctionDeclaration": {
        if (node.id) {
          this.#checkIdentifierName(node.id);
          const extra = { declStart: node.start, isFunctionDecl: true };
          const binding = this.#declare(node.id.name, ctx.scope, ctx.fn, extra);
          // Sloppy-mode scripts also make a block's function visible to the whole function.
          if (ctx.scope !== ctx.fn.scope && !ctx.fn.scope.vars.has(node.id.name)) {
            ctx.fn.scope.vars.set(node.id.name, binding);
          }
        }
        this.#visitFunction(node, ctx, false);
        return;
      }
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        this.#visitFunction(node, ctx, false);
        return;
      case "ClassDeclaration":
        if (node.id) {
          this.#checkIdentifierName(node.id);
          this.#declare(node.id.name, ctx.scope, ctx.fn, { classInfo: this.#classInfo(node, ctx) });
        }
        this.#visitClass(node, ctx);
        return;
      case "ClassExpression":
        this.#visitClass(node, ctx);
        return;
      case "BlockStatement":
        this.#visitBody(node.body, { ...ctx, scope: new Scope(ctx.scope) });
        return;
      case "SwitchStatement": {
        this.#visit(node.discriminant, ctx);
        const inner = { ...ctx, scope: new Scope(ctx.scope) };
        for (const c of node.cases) {
          if (c.test) this.#visit(c.test, inner);
          this.#visitBody(c.consequent, inner);
        }
        return;
      }
      case "TryStatement":
        this.#visit(node.block, ctx);
        if (node.handler) {
          const scope = new Scope(ctx.scope);
          const inner = { ...ctx, scope };
          if (node.handler.param) this.#bindPattern(node.handler.param, inner, scope);
          this.#visitBody(node.handler.body.body, inner);
        }
        if (node.finalizer) this.#visit(node.finalizer, ctx);
        return;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
        this.#visitLoop(node, ctx);
        return;
      case "IfStatement": {
        const guards = typeofGuards(node.test);
        this.#visit(node.test, ctx);
        this.#visit(node.consequent, withGuards(ctx, guards.whenTrue));
        if (node.alternate) this.#visit(node.alternate, withGuards(ctx, guards.whenFalse));
        return;
      }
      case "ConditionalExpression": {
        const guards = typeofGuards(node.test);
        this.#visit(node.test, ctx);
        this.#visit(node.consequent, withGuards(ctx, guards.whenTrue));
        this.#visit(node.alternate, withGuards(ctx, guards.whenFalse));
        return;
      }
      case "LogicalExpression": {
        const guards = typeofGuards(node.left);
        this.#visit(node.left, ctx);
        const names = node.operator === "&&"
          ? guards.whenTrue
          : node.operator === "||"
          ? guards.whenFalse
          : [];
        this.#visit(node.right, withGuards(ctx, names));
        return;
      }
      case "UnaryExpression":
        // `typeof Map` is how code tests for a missing global: it never throws.
        if (node.operator === "typeof" && node.argument.type === "Identifier") {
          this.#checkIdentifierName(node.argument);
          this.#references.push({ id: node.argument, scope: ctx.scope, fn: ctx.fn });
          return;
        }
        this.#visit(node.argument, ctx);
        return;
      case "MemberExpression":
        this.#visitMember(node, ctx);
        return;
      case "ChainExpression":
        this.#syntax(node, "optional chaining");
        this.#visit(node.expression, ctx);
        return;
      case "CallExpression":
        if (node.optional) this.#syntax(node, "optional chaining");
        this.#visitCall(node, ctx);
        return;
      case "NewExpression":
        this.#visitCall(node, ctx);
        return;
      case "ArrayExpression":
        for (const element of node.elements) {
          if (!element) continue;
          if (element.type === "SpreadElement") {
            this.#syntax(element, "spread in array");
            this.#visit(element.argument, ctx);
          } else this.#visit(element, ctx);
        }
        return;
      case "ObjectExpression":
        for (const prop of node.properties) {
          if (prop.type === "SpreadElement") {
            this.#syntax(prop, "spread in object");
            this.#visit(prop.argument, ctx);
            continue;
          }
          if (prop.computed) {
            this.#syntax(prop.key, "computed key");
            this.#visit(prop.key, ctx);
          }
          if (prop.value.type === "FunctionExpression") this.#visitFunction(prop.value, ctx, false);
          else this.#visit(prop.value, ctx);
        }
        return;
      case "AssignmentExpression":
        if (node.operator === "**=") this.#syntax(node, "exponent operator");
        if (node.operator === "&&=" || node.operator === "||=" || node.operator === "??=") {
          this.#syntax(node, "logical assignment");
        }
        this.#assignTarget(node.left, ctx);
        this.#visit(node.right, ctx);
        return;
      case "BinaryExpression":
        if (node.operator === "**") this.#syntax(node, "exponent operator");
        if (node.left.type === "PrivateIdentifier") this.#syntax(node.left, "#private");
        else this.#visit(node.left, ctx);
        this.#visit(node.right, ctx);
        return;
      case "LabeledStatement":
        this.#syntax(node, "label");
        this.#visit(node.body, ctx);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return; // labels are reported at their statement
      case "TaggedTemplateExpression":
        this.#syntax(node, "tagged template");
        this.#visit(node.tag, ctx);
        this.#visit(node.quasi, ctx);
        return;
      case "MetaProperty":
        if (node.meta.name === "new") this.#syntax(node, "new.target");
        return;
      case "AwaitExpression":
        this.#syntax(node, "await");
        this.#visit(node.argument, ctx);
        return;
      case "ImportExpression":
        this.#syntax(node, "dynamic import");
        this.#visit(node.source, ctx);
        return;
      case "ThisExpression":
        if (ctx.fn.fieldInit) {
          this.#report(
            node,
            "this in class field",
            "`this` inside a class-field initialiser is wrong on Espruino; " +
              "assign the field in the constructor",
          );
        }
        return;
      case "PrivateIdentifier":
        this.#syntax(node, "#private");
        return;
      default:
        this.#visitChildren(node, ctx);
    }
  }

  #checkReference(ref: Reference): void {
    const binding = ref.scope.lookup(ref.id.name);
    if (!binding) return;
    if (
      binding.isFunctionDecl && ref.fn === binding.fn && ref.id.start < binding.declStart
    ) {
      this.#report(
        ref.id,
        "function used before declaration",
        `function declarations are not hoisted on Espruino: \`${ref.id.name}\` is undefined ` +
          "here; move its declaration above this use",
      );
    }
    if (binding.loopVar && ref.fn !== binding.fn) {
      // Find the closure created directly inside the loop that outlives the iteration.
      let escaping: FnInfo | undefined;
      for (let f: FnInfo | null = ref.fn; f && f !== binding.fn; f = f.parent) {
        if (!f.sync) escaping = f;
      }
      if (escaping) {
        this.#report(
          escaping.node,
          "closure over loop variable",
          `on Espruino every closure over the loop variable \`${binding.name}\` sees its last ` +
            "value; copy it into a function parameter (e.g. call a helper with it)",
        );
      }
    }
  }
}
