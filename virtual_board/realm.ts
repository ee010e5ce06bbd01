/**
 * The board's JavaScript world: a `node:vm` context trimmed to Espruino's globals, plus helpers
 * that create values in that context's realm (so `instanceof Error` or `Array.isArray` in the
 * firmware see their own intrinsics) and convert between bytes and binary strings.
 *
 * @module
 */

import vm from "node:vm";

/** Constructors of the board's realm that host code needs to create values with. */
export interface Intrinsics {
  /** The context's `Object`. */
  Object: ObjectConstructor;
  /** The context's `Array`. */
  Array: ArrayConstructor;
  /** The context's `Error`. */
  Error: ErrorConstructor;
  /** The context's `TypeError`. */
  TypeError: TypeErrorConstructor;
  /** Espruino's `InternalError`, defined in the context. */
  InternalError: ErrorConstructor;
  /** The context's `Uint8Array`. */
  Uint8Array: Uint8ArrayConstructor;
  /** The context's `ArrayBuffer`. */
  ArrayBuffer: ArrayBufferConstructor;
  /** The context's `Promise`. */
  Promise: PromiseConstructor;
  /** The context's `RegExp`. */
  RegExp: RegExpConstructor;
  /** The context's `JSON` (before the board wraps it). */
  JSON: JSON;
}

/**
 * Globals that Espruino 2v29 has among those V8 puts in a fresh context. Everything else (Map,
 * Set, Symbol, Proxy, Reflect, Intl, WebAssembly, …) is deleted so that code using it fails on
 * the virtual board as it would on the device.
 */
const KEPT_GLOBALS = new Set([
  "Object",
  "Function",
  "Array",
  "Number",
  "parseFloat",
  "parseInt",
  "Infinity",
  "NaN",
  "undefined",
  "Boolean",
  "String",
  "Date",
  "Promise",
  "RegExp",
  "Error",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
  "globalThis",
  "JSON",
  "Math",
  "ArrayBuffer",
  "Uint8Array",
  "Int8Array",
  "Uint16Array",
  "Int16Array",
  "Uint32Array",
  "Int32Array",
  "Uint8ClampedArray",
  "Float32Array",
  "Float64Array",
  "DataView",
  "decodeURIComponent",
  "encodeURIComponent",
  "eval",
  "isFinite",
  "isNaN",
]);

/** Members ESPRUINO.md lists as missing, removed from the built-ins that remain. */
const REMOVED_MEMBERS: Record<string, string[]> = {
  "Promise": ["race", "allSettled", "any", "withResolvers", "try"],
  "Promise.prototype": ["finally"],
  "Array": ["from", "of", "fromAsync"],
  "Array.prototype": [
    "flat",
    "flatMap",
    "at",
    "findLast",
    "findLastIndex",
    "toSorted",
    "toReversed",
    "toSpliced",
    "with",
  ],
  "String.prototype": ["codePointAt", "trimStart", "trimEnd", "at", "isWellFormed", "toWellFormed"],
  "Number": ["isInteger", "isNaN", "isSafeInteger"],
  "Math": ["trunc", "log2", "hypot", "f16round", "sumPrecise"],
  "Object": ["freeze", "seal", "groupBy"],
};

/** A fresh board context. */
export class Realm {
  /** The `node:vm` context. */
  readonly context: vm.Context;
  /** The context's global object. */
  readonly global: Record<string, unknown>;
  /** Intrinsics of the context. */
  readonly intrinsics: Intrinsics;
  #parseJson: (text: string) => unknown;

  /** Creates the context and removes what Espruino lacks. */
  constructor() {
    this.context = vm.createContext({});
    this.global = vm.runInContext("globalThis", this.context) as Record<string, unknown>;
    // Espruino has InternalError (thrown by e.g. a refused connect); V8 does not.
    const internalError = vm.runInContext(
      `(class InternalError extends Error {
        constructor(message) { super(message); this.name = "InternalError"; }
      })`,
      this.context,
    ) as ErrorConstructor;
    const g = this.global;
    this.intrinsics = {
      Object: g.Object as ObjectConstructor,
      Array: g.Array as ArrayConstructor,
      Error: g.Error as ErrorConstructor,
      TypeError: g.TypeError as TypeErrorConstructor,
      InternalError: internalError,
      Uint8Array: g.Uint8Array as Uint8ArrayConstructor,
      ArrayBuffer: g.ArrayBuffer as ArrayBufferConstructor,
      Promise: g.Promise as PromiseConstructor,
      RegExp: g.RegExp as RegExpConstructor,
      JSON: g.JSON as JSON,
    };
    const parse = this.intrinsics.JSON.parse;
    this.#parseJson = (text) => parse(text);
    this.#trim();
    this.define("InternalError", internalError);
    this.define("global", g);
  }

  /** Deletes what Espruino lacks from the context. */
  #trim(): void {
    for (const name of Object.getOwnPropertyNames(this.global)) {
      if (!KEPT_GLOBALS.has(name)) delete this.global[name];
    }
    for (const [path, members] of Object.entries(REMOVED_MEMBERS)) {
      const [root, proto] = path.split(".");
      const base = this.global[root] as Record<string, Record<string, unknown>>;
      const target = proto ? base[proto] : base as Record<string, unknown>;
      for (const member of members) delete target[member];
    }
    const typedArrayProto = Object.getPrototypeOf(this.intrinsics.Uint8Array.prototype) as Record<
      string,
      unknown
    >;
    for (const member of ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "with"]) {
      delete typedArrayProto[member];
    }
  }

  /** Defines a non-enumerable global, like Espruino's built-in functions. */
  define(name: string, value: unknown): void {
    Object.defineProperty(this.global, name, {
      value,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }

  /** Compiles and runs a script in the context. */
  run(code: string, filename: string): unknown {
    return vm.runInContext(code, this.context, { filename });
  }

  /** An Error of the board's realm (so `err instanceof Error` holds in the firmware). */
  error(message: string, kind: "Error" | "TypeError" | "InternalError" = "Error"): Error {
    return new this.intrinsics[kind](message);
  }

  /** Copies JSON-compatible host data into the board's realm. */
  clone<T>(value: T): T {
    return this.#parseJson(JSON.stringify(value)) as T;
  }

  /** A new plain object of the board's realm with the given properties. */
  object<T extends object>(properties: T): T {
    return Object.assign(new this.intrinsics.Object(), properties) as T;
  }

  /** A Uint8Array of the board's realm holding a copy of `bytes`. */
  uint8(bytes: Uint8Array): Uint8Array {
    const out = new this.intrinsics.Uint8Array(bytes.length);
    out.set(bytes);
    return out;
  }

  /** An ArrayBuffer of the board's realm holding a copy of `bytes`. */
  arrayBuffer(bytes: Uint8Array): ArrayBuffer {
    return this.uint8(bytes).buffer as ArrayBuffer;
  }
}

/** Converts bytes to a binary string (one char per byte, 0–255), as Espruino delivers data. */
export function bytesToBinary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/**
 * Converts a binary string to bytes. Returns undefined if a character is above 255, which a
 * binary string cannot hold.
 */
export function binaryToBytes(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) return undefined;
    bytes[i] = code;
  }
  return bytes;
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === "[object ArrayBuffer]";
}

/**
 * Flattens values the way `E.toUint8Array`/`E.toString` do: strings give their char codes
 * (low 8 bits), numbers one byte, arrays/typed arrays/ArrayBuffers their elements, and
 * `{data, count}` repeats `data` `count` times.
 */
export function flattenToBytes(values: unknown[]): Uint8Array {
  const out: number[] = [];
  const add = (value: unknown, depth: number): void => {
    if (depth > 16) throw new RangeError("E.toUint8Array: nesting too deep");
    if (typeof value === "string") {
      for (let i = 0; i < value.length; i++) out.push(value.charCodeAt(i) & 0xff);
    } else if (typeof value === "number" || typeof value === "boolean") {
      out.push(Number(value) & 0xff);
    } else if (isArrayBuffer(value)) {
      for (const byte of new Uint8Array(value)) out.push(byte);
    } else if (ArrayBuffer.isView(value)) {
      const view = value as ArrayBufferView;
      if (
        view instanceof DataView || Object.prototype.toString.call(view) === "[object DataView]"
      ) {
        for (const byte of new Uint8Array(view.buffer, view.byteOffset, view.byteLength)) {
          out.push(byte);
        }
      } else {
        for (const element of Array.from(view as unknown as ArrayLike<number>)) {
          out.push(Number(element) & 0xff);
        }
      }
    } else if (Array.isArray(value)) {
      for (const element of value) add(element, depth + 1);
    } else if (typeof value === "object" && value !== null && "data" in value) {
      const { data, count } = value as { data: unknown; count?: unknown };
      const times = typeof count === "number" ? count : 1;
      for (let i = 0; i < times; i++) add(data, depth + 1);
    }
  };
  for (const value of values) add(value, 0);
  return Uint8Array.from(out);
}

/**
 * Espruino's `escapeCharacter` (`src/jsutils.c`): how a char is written inside a quoted string,
 * in JSON style (`\u00XX`) or Espruino's own (`\xXX`, `\0`…`\7`).
 */
function escapeCharacter(ch: number, next: number, json: boolean): string {
  switch (ch) {
    case 10:
      return "\\n";
    case 9:
      return "\\t";
    case 8:
      return "\\b";
    case 12:
      return "\\f";
    case 13:
      return "\\r";
    case 92:
      return "\\\\";
    case 34:
      return '\\"';
  }
  if (ch === 11 && !json) return "\\v";
  if (ch < 8 && !json && (next < 48 || next > 55)) return `\\${ch}`;
  if (ch < 32 || ch >= 127) {
    const hex = ch.toString(16).toUpperCase();
    return json || ch > 255 ? `\\u${hex.padStart(4, "0")}` : `\\x${hex.padStart(2, "0")}`;
  }
  return String.fromCharCode(ch);
}

/** A string quoted the way Espruino prints it (`%q`): `"\x81\0"`. */
export function quoteString(text: string, json = false): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    out += escapeCharacter(
      text.charCodeAt(i),
      i + 1 < text.length ? text.charCodeAt(i + 1) : 0,
      json,
    );
  }
  return out + '"';
}

/** Formats a value like Espruino's `print`/`console.log` (strings bare at top level). */
export function formatForConsole(value: unknown, globalNames?: GlobalNames): string {
  return typeof value === "string" ? value : formatValue(value, 0, [], globalNames);
}

/** Finds the global name of a value (a constructor), as Espruino's object names do. */
export type GlobalNames = (value: unknown) => string | undefined;

/** Formats a thrown value the way Espruino's "Uncaught …" line shows it. */
export function formatThrown(value: unknown): string {
  if (typeof value === "object" && value !== null && "message" in value) {
    const { name, message } = value as { name?: unknown; message?: unknown };
    return `${typeof name === "string" ? name : "Error"}: ${String(message)}`;
  }
  return formatValue(value, 0, []);
}

/** Espruino's `jsonNeedsNewLine`: anything but undefined, null, numbers and booleans. */
function needsNewLine(value: unknown): boolean {
  // A pin is a number to Espruino (`jsvIsNumeric`).
  return !(value === undefined || value === null || typeof value === "number" ||
    typeof value === "boolean" || (typeof value === "object" && isPin(value)));
}

/**
 * `jsfGetJSONWithCallback` with `JSON_PRETTY | JSON_SOME_NEWLINES | JSON_SHOW_OBJECT_NAMES`, as
 * `print` uses it: a line break before (and after) every item that is not a number, boolean,
 * null or undefined, and after every 4 object items; nested lines indented by two spaces.
 */
function formatValue(
  value: unknown,
  depth: number,
  seen: unknown[],
  globalNames?: GlobalNames,
): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return quoteString(value);
    case "number":
      return Object.is(value, -0) ? "0" : String(value);
    case "boolean":
    case "bigint":
      return String(value);
    case "function":
      return `function ${value.name ?? ""}() { … }`;
    case "symbol":
      return value.toString();
  }
  const object = value as object;
  if (seen.includes(object)) return " ... ";
  const nested = [...seen, object];
  if (typeof (object as { toString?: unknown }).toString === "function" && isPin(object)) {
    return String(object);
  }
  const inner = (item: unknown) => formatValue(item, depth + 1, nested, globalNames);
  const newLine = (level: number) => "\n" + "  ".repeat(level);
  if (isArrayBuffer(object) || ArrayBuffer.isView(object)) {
    const buffer = isArrayBuffer(object);
    const tag = buffer ? "Uint8Array" : Object.prototype.toString.call(object).slice(8, -1);
    const items = Array.from(
      buffer ? new Uint8Array(object) : object as unknown as ArrayLike<number>,
    );
    if (items.every((item) => item === 0)) {
      return `new ${buffer ? "ArrayBuffer" : tag}(${items.length})`;
    }
    return `new ${tag}([${items.join(", ")}])${buffer ? ".buffer" : ""}`;
  }
  if (Array.isArray(object)) {
    let out = "[ ";
    let needNewLine = false;
    // A hole prints as `undefined` and breaks the line as the next element present would.
    let nextPresent: unknown = undefined;
    for (let index = 0; index < object.length; index++) {
      if (index > 0) out += ", ";
      const present = index in object;
      if (present) {
        nextPresent = undefined;
      } else if (nextPresent === undefined) {
        const next = object.findIndex((_, i) => i > index && i in object);
        nextPresent = next < 0 ? undefined : object[next];
      }
      const item = present ? object[index] : undefined;
      const newNeeds = needsNewLine(present ? item : nextPresent);
      if (needNewLine || newNeeds) out += newLine(depth + 1);
      out += inner(item);
      needNewLine = newNeeds;
    }
    return out + (needNewLine ? newLine(depth) : "") + " ]";
  }
  // Objects made by `new X` with X a global: "X: " and their own toString, if they have one.
  let prefix = "";
  const proto = Object.getPrototypeOf(object);
  if (globalNames && proto !== null && Object.getPrototypeOf(proto) !== null) {
    const name = globalNames((proto as { constructor?: unknown }).constructor);
    if (name !== undefined) {
      prefix = `${name}: `;
      const toString = (object as { toString?: unknown }).toString;
      if (typeof toString === "function" && toString !== findObjectToString(object)) {
        return prefix + String(Reflect.apply(toString, object, []));
      }
    }
  }
  let out = prefix + "{ ";
  let needNewLine = false;
  let sinceNewLine = 0;
  const keys = Object.keys(object);
  keys.forEach((key, index) => {
    const item = (object as Record<string, unknown>)[key];
    sinceNewLine++;
    if (index > 0) out += ", ";
    const newNeeds = needsNewLine(item);
    if (sinceNewLine > 4) needNewLine = true;
    if (needNewLine || newNeeds) {
      out += newLine(depth + 1);
      needNewLine = false;
      sinceNewLine = 0;
    }
    out += `${quoteString(key)}: ${inner(item)}`;
    needNewLine = newNeeds;
  });
  return out + (needNewLine ? newLine(depth) : "") + " }";
}

/** The `Object.prototype.toString` at the root of an object's prototype chain. */
function findObjectToString(object: object): unknown {
  let proto: object | null = object;
  while (proto !== null && Object.getPrototypeOf(proto) !== null) {
    proto = Object.getPrototypeOf(proto);
  }
  return (proto as { toString?: unknown } | null)?.toString;
}

/** Pins print as their name (`D2`), like on Espruino. */
const PIN_TAG = Symbol.for("virtual-board.pin");

/** Marks an object as a pin for {@linkcode formatForConsole}. */
export function markPin(object: object): void {
  Object.defineProperty(object, PIN_TAG, { value: true });
}

/** Whether an object is one of the board's pins (`D2`, …). */
export function isPin(object: object): boolean {
  return (object as Record<symbol, unknown>)[PIN_TAG] === true;
}
