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
 * The rules are tables in tools/espruino_dialect_rules.ts, the judgements
 * tools/espruino_dialect_checker.ts, the walk over the syntax tree tools/espruino_dialect_walker.ts.
 *
 * @module
 */

import * as acorn from "npm:acorn@8.19.0";
import type { DialectProblem } from "./espruino_dialect_checker.ts";
import { walkProgram } from "./espruino_dialect_walker.ts";

export type { DialectProblem };

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
function formatDialectProblems(file: string, problems: DialectProblem[]): string {
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
  return walkProgram(program);
}
