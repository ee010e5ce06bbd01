/**
 * The one command-line parser of the relay, the tools, the sim and the benchmarks: a command
 * declares its flags in a table (name, value type with its allowed range or values, default,
 * environment variable, help), and {@linkcode parseArgs} and {@linkcode helpText} both read that
 * table, so `--help` shows the defaults the code uses and never a copy of them.
 *
 * No imports: relay code, device tooling and benchmarks can all depend on it.
 *
 * @example
 * ```ts
 * import { defineCommand, flag, integer, parseArgs } from "./cli_args.ts";
 * const command = defineCommand({
 *   usage: ["deno task example -- [--port N]"],
 *   flags: { port: flag(integer(0, 65535), { value: "N", default: 8000, help: "TCP port" }) },
 * });
 * const parsed = parseArgs(command, { args: ["--port", "9000"] });
 * if (!parsed.help) console.log(parsed.values.port); // 9000
 * ```
 * @module
 */

/** A command-line or environment mistake; the message names the flag and what it accepts. */
export class UsageError extends Error {
  /** Creates the error; `message` names the flag or variable and what to fix. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** How the text after a flag becomes a value. */
export interface ValueType<T> {
  /** Parses `raw`; throws {@linkcode UsageError} naming `where` (the flag or variable). */
  parse(raw: string, where: string): T;
  /** The allowed range or values as help shows them, like `0 to 65535`; empty if anything goes. */
  readonly range: string;
  /** Whether the flag is a switch: `--tls` alone means true, and it takes no separate value. */
  readonly isSwitch?: boolean;
  /** Whether a value is in the range: {@linkcode defineCommand} checks each default with it. */
  accepts?(value: T): boolean;
}

/** One flag of a command: what {@linkcode flag}, {@linkcode list} and {@linkcode toggle} make. */
export interface Flag<T> {
  /** How its text is parsed. */
  readonly type: ValueType<unknown>;
  /** The flag without `--`; {@linkcode defineCommand} fills it in from the key when not given. */
  readonly name?: string;
  /** One-letter alias, without `-`. */
  readonly short?: string;
  /** Placeholder of the value in help, like `N` or `FILE`; empty for a switch. */
  readonly value: string;
  /** What the flag does, one line. */
  readonly help: string;
  /** The value when neither the flag nor its environment variable is given. */
  readonly default: T;
  /** How help shows a default that is not a fixed value, like `$ESPRUINO_PORT`. */
  readonly defaultText?: string;
  /** A word more after the default in help, like `, or 8443 with --tls`. */
  readonly defaultNote?: string;
  /** Environment variable read when the flag is not given (parsed the same way). */
  readonly env?: string;
  /** The flag may be given more than once; its value is then the list of them. */
  readonly repeatable?: boolean;
}

/** A command's flags, keyed by the property of the parsed values. */
// deno-lint-ignore no-explicit-any -- each entry has its own value type
export type FlagTable = Record<string, Flag<any>>;

/** The parsed values of a flag table: one property a flag, typed by its declaration. */
export type Values<S extends FlagTable> = { -readonly [K in keyof S]: S[K]["default"] };

/** Common settings of {@linkcode flag}, {@linkcode list} and {@linkcode toggle}. */
export interface FlagOptions {
  /** The flag without `--`, when it is not the kebab-case form of its key. */
  name?: string;
  /** One-letter alias, without `-`. */
  short?: string;
  /** Placeholder of the value in help, like `N` or `FILE`. Default `VALUE`. */
  value?: string;
  /** What the flag does, one line. */
  help: string;
  /** How help shows a default that is not a fixed value, like `$ESPRUINO_PORT`. */
  defaultText?: string;
  /** A word more after the default in help, like `, or 8443 with --tls`. */
  defaultNote?: string;
  /** Environment variable read when the flag is not given. */
  env?: string;
}

/** A flag with one value and a default. */
export function flag<T>(
  type: ValueType<T>,
  options: FlagOptions & { default: NoInfer<T> },
): Flag<T>;
/** A flag with one value, `undefined` when not given. */
export function flag<T>(type: ValueType<T>, options: FlagOptions): Flag<T | undefined>;
/** A flag with one value; without a `default` its value is `undefined` when not given. */
export function flag<T>(
  type: ValueType<T>,
  options: FlagOptions & { default?: T },
): Flag<T | undefined> {
  return { ...options, type, value: options.value ?? "VALUE", default: options.default };
}

/** A flag that may be repeated; its value is the list, empty when not given. */
export function list<T>(type: ValueType<T>, options: FlagOptions): Flag<T[]> {
  return { ...options, type, value: options.value ?? "VALUE", default: [], repeatable: true };
}

/** A switch: `--force` alone means true, `--force=false` false; false when not given. */
export function toggle(options: Omit<FlagOptions, "value">): Flag<boolean> {
  return { ...options, type: boolean(), value: "", default: false };
}

/** Any text; empty text is refused unless `allowEmpty`. */
export function text(options: { allowEmpty?: boolean } = {}): ValueType<string> {
  return {
    range: "",
    parse(raw, where) {
      if (raw === "" && !options.allowEmpty) {
        throw new UsageError(`${where} expects a value, got an empty string`);
      }
      return raw;
    },
  };
}

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number): ValueType<number> {
  const sign = min < 0 ? "-?" : "";
  return {
    range: `${min} to ${max}`,
    accepts: (value) => Number.isInteger(value) && value >= min && value <= max,
    parse(raw, where) {
      if (!new RegExp(`^${sign}\\d+$`).test(raw)) {
        throw new UsageError(`${where} expects a whole number, got "${raw}"`);
      }
      const value = Number(raw);
      if (value < min || value > max) {
        throw new UsageError(`${where} expects a number from ${min} to ${max}, got ${raw}`);
      }
      return value;
    },
  };
}

/** A decimal number (`2.5`) from `min` to `max`, in `unit` (like `seconds`) when given. */
export function decimal(min: number, max: number, unit = ""): ValueType<number> {
  const sign = min < 0 ? "-?" : "";
  return {
    range: `${min} to ${max}${unit ? ` ${unit}` : ""}`,
    accepts: (value) => value >= min && value <= max,
    parse(raw, where) {
      if (!new RegExp(`^${sign}\\d+(\\.\\d+)?$`).test(raw)) {
        throw new UsageError(
          `${where} expects ${unit || "a number"} (like 10 or 2.5), got "${raw}"`,
        );
      }
      const value = Number(raw);
      if (value < min || value > max) {
        throw new UsageError(
          `${where} expects ${
            unit ? `${min} to ${max} ${unit}` : `a number from ${min} to ${max}`
          }` +
            `, got ${raw}`,
        );
      }
      return value;
    },
  };
}

/** One of `choices`. */
export function oneOf<const T extends string>(choices: readonly T[]): ValueType<T> {
  return {
    range: choices.join(", "),
    accepts: (value) => choices.includes(value),
    parse(raw, where) {
      if (!(choices as readonly string[]).includes(raw)) {
        throw new UsageError(`${where} expects one of ${choices.join(", ")}, got "${raw}"`);
      }
      return raw as T;
    },
  };
}

/** True or false, as `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`/empty (for environment). */
export function boolean(): ValueType<boolean> {
  return {
    range: "",
    isSwitch: true,
    parse(raw, where) {
      if (["1", "true", "yes", "on"].includes(raw)) return true;
      if (["0", "false", "no", "off", ""].includes(raw)) return false;
      throw new UsageError(`${where} expects true or false, got "${raw}"`);
    },
  };
}

/**
 * A value checked by `check`, which returns it or an error's end (`expects …`); `range` is what
 * help says it accepts.
 */
export function custom<T>(
  range: string,
  check: (raw: string) => { value: T } | { error: string },
): ValueType<T> {
  return {
    range,
    parse(raw, where) {
      const result = check(raw);
      if ("error" in result) throw new UsageError(`${where} ${result.error}`);
      return result.value;
    },
  };
}

/** Arguments that are not flags: their placeholder in help and how many there may be. */
export interface Positionals {
  /** Placeholder in the usage line, like `ENTRY [OUT]`. */
  value: string;
  /** Fewest allowed. */
  min: number;
  /** Most allowed. */
  max: number;
}

/** A command: its usage lines, flags and text around them. */
export interface Command<S extends FlagTable> {
  /** Usage lines without `Usage: `, like `deno task serve [-- FLAGS]`. */
  usage: readonly string[];
  /** A paragraph before the flags. */
  summary?: string;
  /** The flags. */
  flags: S;
  /** Arguments that are not flags; without this, any is refused. */
  positionals?: Positionals;
  /** A paragraph after the flags. */
  epilogue?: string;
}

/** A flag as {@linkcode Command} holds it after {@linkcode defineCommand}: its name filled in. */
type Named<S extends FlagTable> = { [K in keyof S]: S[K] & { readonly name: string } };

/**
 * Checks a command's table once (names unique, each default in its flag's range) and fills in
 * each flag's name from its key (`noSave` → `no-save`) when not given.
 *
 * @throws {Error} On a table mistake: a programming error, not a user's.
 */
export function defineCommand<S extends FlagTable>(command: Command<S>): Command<Named<S>> {
  const flags = {} as Record<string, Flag<unknown> & { name: string }>;
  const seen = new Set<string>(["help", "h"]);
  for (const [key, spec] of Object.entries(command.flags)) {
    const name = spec.name ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    for (const taken of [name, spec.short]) {
      if (taken === undefined) continue;
      if (seen.has(taken)) throw new Error(`flag table: ${taken} is declared twice`);
      seen.add(taken);
    }
    const fits = spec.type.accepts ?? (() => true);
    if (spec.default !== undefined && !spec.repeatable && !fits(spec.default)) {
      throw new Error(
        `flag table: --${name} defaults to ${spec.default}, outside ${spec.type.range}`,
      );
    }
    flags[key] = { ...spec, name };
  }
  return { ...command, flags: flags as Named<S> };
}

/** Inputs of {@linkcode parseArgs}. */
export interface ArgsInput {
  /** Arguments without the program name; each `--` (as `deno task` passes it) is skipped. */
  args: readonly string[];
  /** Environment variables, for flags that declare one. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What {@linkcode parseArgs} found: help asked for, or the values. */
export type Parsed<S extends FlagTable> = { help: true } | {
  help: false;
  /** Each flag's value: given, from its environment variable, or its default. */
  values: Values<S>;
  /** The keys given on the command line or by environment (not defaulted). */
  given: ReadonlySet<keyof S>;
  /** The arguments that are not flags. */
  positionals: string[];
};

/**
 * Parses the environment, then the arguments (a flag wins over its environment variable).
 * `--help` or `-h` anywhere asks for help.
 *
 * @throws {UsageError} Naming the flag and what it accepts; an unknown flag gets a suggestion.
 */
export function parseArgs<S extends FlagTable>(
  command: Command<Named<S>>,
  input: ArgsInput,
): Parsed<S> {
  // Help first: a mistake elsewhere on the line must not hide it.
  if (input.args.some((arg) => arg === "--help" || arg === "-h")) return { help: true };
  const specs = Object.entries(command.flags);
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  const set = (key: string, spec: Flag<unknown>, value: unknown) => {
    if (spec.repeatable) {
      values[key] = [...(given.has(key) ? values[key] as unknown[] : []), value];
    } else values[key] = value;
    given.add(key);
  };
  for (const [key, spec] of specs) {
    const raw = spec.env === undefined ? undefined : input.env?.[spec.env];
    if (raw !== undefined) set(key, spec, spec.type.parse(raw, spec.env!));
  }
  // Environment values are replaced, not added to, by repeated flags.
  const fromEnv = new Set(given);
  const findFlag = (written: string) =>
    specs.find(([, spec]) =>
      written === `--${spec.name}` || (spec.short !== undefined && written === `-${spec.short}`)
    );
  const positionals: string[] = [];
  const args = input.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") continue;
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const written = eq === -1 ? arg : arg.slice(0, eq);
    const found = findFlag(written);
    if (!found) throw new UsageError(unknownFlag(written, specs.map(([, s]) => s.name)));
    const [key, spec] = found;
    let raw: string;
    if (eq !== -1) raw = arg.slice(eq + 1);
    else if (spec.type.isSwitch) raw = "true";
    else if (i + 1 >= args.length) {
      throw new UsageError(`${written} expects a value (${spec.value})`);
    } else if (findFlag(args[i + 1].split("=")[0])) {
      // `--dir --force`: the value was forgotten, not meant to be "--force".
      throw new UsageError(
        `${written} expects a value (${spec.value}), got the flag ${args[i + 1]}`,
      );
    } else raw = args[++i];
    if (fromEnv.delete(key)) given.delete(key);
    set(key, spec, spec.type.parse(raw, written));
  }
  const max = command.positionals?.max ?? 0;
  if (positionals.length > max) {
    throw new UsageError(
      max === 0
        ? `unexpected argument "${positionals[0]}"; flags start with --, see --help`
        : `too many arguments: expected ${command.positionals!.value}, see --help`,
    );
  }
  if (positionals.length < (command.positionals?.min ?? 0)) {
    throw new UsageError(`missing argument: expected ${command.positionals!.value}, see --help`);
  }
  for (const [key, spec] of specs) if (!given.has(key)) values[key] = spec.default;
  return { help: false, values: values as Values<S>, given: given as Set<keyof S>, positionals };
}

/** The error for a flag that is not in the table, with the nearest one when it is close. */
function unknownFlag(written: string, names: string[]): string {
  const bare = written.replace(/^-+/, "");
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(bare.length / 3)) + 1;
  for (const name of names) {
    const distance = name.startsWith(bare) && bare.length >= 3 ? 1 : editDistance(bare, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return `unknown flag ${written}` + (best ? `; did you mean --${best}?` : "") + " (see --help)";
}

/** Levenshtein distance: the fewest one-letter edits from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** One flag as help and generated docs show it. */
export interface FlagRow {
  /** The flag and its value's placeholder, e.g. `--port N`. */
  flag: string;
  /** Its one-letter alias, e.g. `-p`; empty without one. */
  short: string;
  /** Its environment variable; empty without one. */
  env: string;
  /** The default as declared: `none` for unset, `off` for false, a list joined by commas. */
  defaultValue: string;
  /** A word more on the default, like `, or 8443 with --tls`; empty for most. */
  defaultNote: string;
  /** The allowed range or choices, like `0 to 65535` or `wall, virtual`; empty if anything goes. */
  range: string;
  /** What the flag does. */
  description: string;
}

/** Every flag of a command as a row, in the table's order. */
export function flagRows(command: Command<FlagTable>): FlagRow[] {
  return Object.values(command.flags).map((spec) => ({
    flag: `--${spec.name}${spec.value ? ` ${spec.value}` : ""}`,
    short: spec.short ? `-${spec.short}` : "",
    env: spec.env ?? "",
    defaultValue: spec.defaultText ?? showValue(spec.default),
    defaultNote: spec.defaultNote ?? "",
    range: spec.type.range,
    description: spec.help,
  }));
}

function showValue(value: unknown): string {
  if (value === undefined || value === "") return "none";
  if (value === false) return "off";
  if (value === true) return "on";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(", ");
  return String(value);
}

/** Width help wraps its lines to. */
const HELP_WIDTH = 100;

/** `text` cut at spaces into lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** The widest flag column; a longer flag puts its description on the next line. */
const MAX_COLUMN = 36;

/**
 * Help text: usage, summary, then each flag with its description and, on a second line, its
 * default, range and environment variable, all from the table; then `--help` and the epilogue.
 */
export function helpText(command: Command<FlagTable>): string {
  const rows = flagRows(command);
  const lefts = rows.map((row) =>
    `  ${row.short ? `${row.short}, ` : rows.some((r) => r.short) ? "    " : ""}${row.flag}`
  );
  const column = Math.min(MAX_COLUMN, Math.max(...lefts.map((left) => left.length + 2), 12));
  const indent = "".padEnd(column);
  const lines = rows.map((row, i) => {
    const left = lefts[i];
    // A flag too long for the column puts its description on the next line.
    const head = left.length < column ? left.padEnd(column) : `${left}\n${indent}`;
    // "default none" and "default off" are worth saying only beside an environment variable.
    const unset = !row.env && !row.defaultNote && ["none", "off"].includes(row.defaultValue);
    const notes = [
      row.env ? `env ${row.env}` : "",
      unset ? "" : `default ${row.defaultValue}${row.defaultNote}`,
      // A placeholder like `text|json` already lists the choices.
      row.range && !row.flag.endsWith(` ${row.range.replaceAll(", ", "|")}`)
        ? `allowed ${row.range}`
        : "",
    ].filter((note) => note !== "");
    const width = Math.max(HELP_WIDTH - column, 30);
    const text = [
      wrap(row.description, width),
      ...(notes.length ? [wrap(notes.join("; "), width)] : []),
    ];
    return head + text.flat().join(`\n${indent}`);
  });
  const help = `  ${rows.some((r) => r.short) ? "-h, " : ""}--help`;
  return [
    `Usage: ${command.usage.join(`\n${"".padEnd("Usage: ".length)}`)}`,
    ...(command.summary ? ["", command.summary] : []),
    "",
    "Flags:",
    ...lines,
    `${help.padEnd(column)}print this help`,
    ...(command.epilogue ? ["", command.epilogue] : []),
  ].join("\n");
}

/** Each flag's default, keyed like the parsed values: what parsing no arguments gives. */
export function defaults<S extends FlagTable>(command: Command<S>): Values<S> {
  return Object.fromEntries(
    Object.entries(command.flags).map(([key, spec]) => [key, spec.default]),
  ) as Values<S>;
}

/** Inputs of {@linkcode parseOrExit}. */
export interface ParseOrExitInput {
  /** The name errors start with, like `certs`. */
  program: string;
  /** Command-line arguments. Default `Deno.args`. */
  args?: readonly string[];
  /** Environment variables, for flags that declare one. Default: none read. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * For a script's entry point: the parsed values; or, on `--help`, the help printed and exit 0;
 * or, on a mistake, `PROGRAM: mistake` on standard error and exit 2.
 */
export function parseOrExit<S extends FlagTable>(
  command: Command<Named<S>>,
  input: ParseOrExitInput,
): Exclude<Parsed<S>, { help: true }> {
  let parsed: Parsed<S>;
  try {
    parsed = parseArgs(command, { args: input.args ?? Deno.args, env: input.env });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${input.program}: ${error.message}`);
    Deno.exit(2);
  }
  if (parsed.help) {
    console.log(helpText(command));
    Deno.exit(0);
  }
  return parsed;
}
