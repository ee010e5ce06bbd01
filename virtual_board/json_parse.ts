/**
 * Espruino's `JSON.parse` (`jswrap_json_parse_internal` over its JavaScript lexer), so that the
 * virtual board accepts and refuses what the device does, with the device's messages: single
 * quotes and trailing commas are accepted, text after the value is ignored, errors read
 * `Got ID:x expected STRING` or `Expecting valid value, got EOF`. `Storage.readJSON` parses
 * liberally (bare keys allowed).
 *
 * @module
 */

import type { Realm } from "./realm.ts";

type Token =
  | { kind: "EOF" }
  | { kind: "ID"; value: string }
  | { kind: "INT" | "FLOAT"; value: number }
  | { kind: "STRING"; value: string }
  | { kind: "UNFINISHED STRING" }
  | { kind: "word"; value: "true" | "false" | "null" }
  | { kind: "char"; value: string };

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
};

class Lexer {
  #pos = 0;
  tk: Token = { kind: "EOF" };

  constructor(readonly text: string) {
    this.next();
  }

  next(): void {
    const text = this.text;
    for (;;) {
      while (this.#pos < text.length && text.charCodeAt(this.#pos) <= 32) this.#pos++;
      if (text.startsWith("//", this.#pos)) {
        const end = text.indexOf("\n", this.#pos);
        this.#pos = end < 0 ? text.length : end;
      } else if (text.startsWith("/*", this.#pos)) {
        const end = text.indexOf("*/", this.#pos + 2);
        this.#pos = end < 0 ? text.length : end + 2;
      } else break;
    }
    if (this.#pos >= text.length) {
      this.tk = { kind: "EOF" };
      return;
    }
    const rest = text.slice(this.#pos);
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (id) {
      this.#pos += id[0].length;
      const word = id[0];
      this.tk = word === "true" || word === "false" || word === "null"
        ? { kind: "word", value: word }
        : { kind: "ID", value: word };
      return;
    }
    const number = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/
      .exec(rest);
    if (number) {
      this.#pos += number[0].length;
      const float = !/^0[xXbBoO]/.test(number[0]) && /[.eE]/.test(number[0]);
      this.tk = { kind: float ? "FLOAT" : "INT", value: Number(number[0]) };
      return;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let value = "";
      let i = 1;
      while (i < rest.length && rest[i] !== quote) {
        if (rest[i] !== "\\") {
          value += rest[i++];
          continue;
        }
        const next = rest[i + 1] ?? "";
        if (next === "x") {
          value += String.fromCharCode(parseInt(rest.slice(i + 2, i + 4), 16));
          i += 4;
        } else if (next === "u") {
          value += String.fromCharCode(parseInt(rest.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (/[0-7]/.test(next)) {
          // An octal escape of up to 3 digits (\0, \101).
          const octal = /^[0-7]{1,3}/.exec(rest.slice(i + 1))![0];
          value += String.fromCharCode(parseInt(octal, 8) & 0xff);
          i += 1 + octal.length;
        } else {
          value += ESCAPES[next] ?? next;
          i += 2;
        }
      }
      if (i >= rest.length) {
        this.#pos = text.length;
        this.tk = { kind: "UNFINISHED STRING" };
        return;
      }
      this.#pos += i + 1;
      this.tk = { kind: "STRING", value };
      return;
    }
    this.#pos++;
    this.tk = { kind: "char", value: quote };
  }
}

/** Words Espruino's lexer turns into their own tokens (named by the word, not "ID"). */
const RESERVED = new Set(
  ("if else do while for break continue function return var let const this throw try catch " +
    "finally undefined new in instanceof switch case default delete typeof void debugger class " +
    "extends super static").split(" "),
);

/** `jslTokenAsString`. */
function tokenName(tk: Token): string {
  if (tk.kind === "char") return `'${tk.value}'`;
  if (tk.kind === "word") return tk.value;
  if (tk.kind === "ID" && RESERVED.has(tk.value)) return tk.value;
  return tk.kind;
}

/** `jslGetTokenString`: names carry their value. */
function tokenText(tk: Token): string {
  if (tk.kind === "ID" && !RESERVED.has(tk.value)) return `ID:${tk.value}`;
  if (tk.kind === "STRING") return `String:'${tk.value}'`;
  return tokenName(tk);
}

/** What the parse needs to build values in the board's realm. */
export interface JsonParseHooks {
  /** A new object of the board's realm. */
  object(): Record<string, unknown>;
  /** A new array of the board's realm. */
  array(): unknown[];
  /** A SyntaxError of the board's realm. */
  syntaxError(message: string): Error;
}

/** Parsing stopped without an exception (Espruino then returns undefined). */
const STOPPED = Symbol("stopped");

/** Espruino's `JSON.parse(text)`, or `Storage.readJSON`'s parse with `liberal`. */
export function espruinoJsonParse(text: string, hooks: JsonParseHooks, liberal = false): unknown {
  const lex = new Lexer(text);
  const match = (char: string): void => {
    const tk = lex.tk;
    if (tk.kind === "char" && tk.value === char) {
      lex.next();
      return;
    }
    throw hooks.syntaxError(`Got ${tokenText(tk)} expected '${char}'`);
  };
  const is = (char: string) => lex.tk.kind === "char" && lex.tk.value === char;
  const value = (): unknown => {
    const tk = lex.tk;
    switch (tk.kind) {
      case "word":
        lex.next();
        return tk.value === "true" ? true : tk.value === "false" ? false : null;
      case "INT":
      case "FLOAT":
      case "STRING":
        lex.next();
        return tk.value;
      case "char":
        if (tk.value === "-") {
          lex.next();
          if (lex.tk.kind !== "INT" && lex.tk.kind !== "FLOAT") return STOPPED;
          const number = value();
          return number === STOPPED ? STOPPED : 0 - (number as number);
        }
        if (tk.value === "[") {
          const array = hooks.array();
          lex.next();
          while (!is("]")) {
            const item = value();
            if (item === STOPPED) return STOPPED;
            if (!is("]")) match(",");
            array.push(item);
          }
          match("]");
          return array;
        }
        if (tk.value === "{") {
          const object = hooks.object();
          lex.next();
          while (
            lex.tk.kind === "STRING" || lex.tk.kind === "INT" || lex.tk.kind === "ID" ||
            lex.tk.kind === "word"
          ) {
            const key = lex.tk;
            if (!liberal && key.kind !== "STRING") {
              throw hooks.syntaxError(`Got ${tokenText(key)} expected STRING`);
            }
            lex.next();
            match(":");
            const item = value();
            if (item === STOPPED) return STOPPED;
            if (!is("}")) match(",");
            object[String(key.value)] = item;
          }
          match("}");
          return object;
        }
    }
    throw hooks.syntaxError(`Expecting valid value, got ${tokenName(tk)}`);
  };
  const result = value();
  return result === STOPPED ? undefined : result;
}

/** {@linkcode JsonParseHooks} that build in a board's realm. */
export function jsonHooks(realm: Realm): JsonParseHooks {
  return {
    object: () => new realm.intrinsics.Object() as Record<string, unknown>,
    array: () => new realm.intrinsics.Array(),
    syntaxError: (message) => new (realm.global.SyntaxError as ErrorConstructor)(message),
  };
}
