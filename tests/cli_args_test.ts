/**
 * relay/cli_args.ts, the one parser of every command line: values, errors, help from the table.
 */

import assert from "node:assert/strict";
import {
  custom,
  decimal,
  defaults,
  defineCommand,
  flag,
  flagRows,
  helpText,
  integer,
  list,
  oneOf,
  parseArgs,
  text,
  toggle,
  UsageError,
} from "../relay/cli_args.ts";

const DEFAULT_WINDOW = 4;
const DEFAULT_DIR = "out/dir";

const command = defineCommand({
  usage: ["demo [-- FLAGS] NAME"],
  summary: "A command to test the parser with.",
  flags: {
    window: flag(integer(1, 16), {
      short: "w",
      value: "N",
      default: DEFAULT_WINDOW,
      help: "chunks in flight",
    }),
    delay: flag(decimal(0, 60, "seconds"), { value: "S", default: 2.5, help: "a pause" }),
    mode: flag(oneOf(["fast", "slow"]), { value: "fast|slow", default: "fast", help: "speed" }),
    dir: flag(text(), { value: "DIR", default: DEFAULT_DIR, help: "where", env: "DEMO_DIR" }),
    token: flag(text(), { value: "TOKEN", help: "a secret", defaultText: "$DEMO_TOKEN" }),
    host: list(text(), { value: "HOST", help: "a host; repeat for more" }),
    noSave: toggle({ help: "keep it in memory" }),
    even: flag(
      custom<number>(
        "even numbers",
        (raw) =>
          Number(raw) % 2 === 0 ? { value: Number(raw) } : { error: `expects an even number` },
      ),
      { value: "N", help: "an even number" },
    ),
  },
  positionals: { value: "NAME", min: 1, max: 1 },
  epilogue: "Exit code 2 on bad usage.",
});

function parse(args: string[], env: Record<string, string> = {}) {
  const parsed = parseArgs(command, { args, env });
  if (parsed.help) throw new Error("help was not asked for");
  return parsed;
}

function usageError(args: string[], message: RegExp, env: Record<string, string> = {}): void {
  assert.throws(() => parseArgs(command, { args, env }), (error: unknown) => {
    assert.ok(error instanceof UsageError, `a UsageError for ${args.join(" ")}`);
    assert.match(error.message, message);
    return true;
  }, args.join(" "));
}

Deno.test("no flags give the table's defaults, typed, and nothing counts as given", () => {
  const parsed = parse(["a"]);
  assert.deepEqual(parsed.values, {
    window: 4,
    delay: 2.5,
    mode: "fast",
    dir: "out/dir",
    token: undefined,
    host: [],
    noSave: false,
    even: undefined,
  });
  assert.deepEqual(parsed.values, defaults(command));
  assert.deepEqual([...parsed.given], []);
  assert.deepEqual(parsed.positionals, ["a"]);
});

Deno.test("values come as --flag VALUE, --flag=VALUE and -s VALUE; a switch alone is true", () => {
  const parsed = parse([
    "--",
    "--window",
    "8",
    "--delay=0.5",
    "-w",
    "9",
    "--mode",
    "slow",
    "--no-save",
    "name",
  ]);
  assert.equal(parsed.values.window, 9, "the last one wins");
  assert.equal(parsed.values.delay, 0.5);
  assert.equal(parsed.values.mode, "slow");
  assert.equal(parsed.values.noSave, true);
  assert.deepEqual([...parsed.given].sort(), ["delay", "mode", "noSave", "window"]);
  assert.equal(parse(["--no-save=false", "x"]).values.noSave, false);
  // A value may start with -- when it is not a flag: `--relay-flags "--ping-interval 0"`.
  assert.equal(parse(["--dir", "--not a flag", "x"]).values.dir, "--not a flag");
});

Deno.test("a repeatable flag collects every value; a flag wins over its environment value", () => {
  assert.deepEqual(parse(["--host", "a", "x", "--host=b"]).values.host, ["a", "b"]);
  const fromEnv = parse(["x"], { DEMO_DIR: "env/dir" });
  assert.equal(fromEnv.values.dir, "env/dir");
  assert.ok(fromEnv.given.has("dir"));
  assert.equal(parse(["--dir", "flag/dir", "x"], { DEMO_DIR: "env/dir" }).values.dir, "flag/dir");
});

Deno.test("--help or -h anywhere asks for help, even after a bad value", () => {
  assert.deepEqual(parseArgs(command, { args: ["--window", "99", "--help"] }), { help: true });
  assert.deepEqual(parseArgs(command, { args: ["-h"] }), { help: true });
});

Deno.test("each mistake names the flag or variable and what it accepts", () => {
  usageError(["--window", "many", "x"], /^--window expects a whole number, got "many"$/);
  usageError(["-w", "17", "x"], /^-w expects a number from 1 to 16, got 17$/);
  usageError(["--window", "-1", "x"], /--window expects a whole number, got "-1"/);
  usageError(["--window", "2.5", "x"], /--window expects a whole number/);
  usageError(["--delay", "soon", "x"], /^--delay expects seconds \(like 10 or 2.5\), got "soon"$/);
  usageError(["--delay=61", "x"], /^--delay expects 0 to 60 seconds, got 61$/);
  usageError(["--mode", "warp", "x"], /^--mode expects one of fast, slow, got "warp"$/);
  usageError(["--dir", "", "x"], /^--dir expects a value, got an empty string$/);
  usageError(["x", "--dir"], /^--dir expects a value \(DIR\)$/);
  usageError(
    ["--dir", "--no-save", "x"],
    /^--dir expects a value \(DIR\), got the flag --no-save$/,
  );
  usageError(["--dir", "-w", "x"], /^--dir expects a value \(DIR\), got the flag -w$/);
  usageError(["x"], /^DEMO_DIR expects a value, got an empty string$/, { DEMO_DIR: "" });
  usageError(["--no-save=maybe", "x"], /^--no-save expects true or false, got "maybe"$/);
  usageError(["--even", "3", "x"], /^--even expects an even number$/);
});

Deno.test("an unknown flag is refused, with the nearest one when it is close", () => {
  usageError(["--windw", "3"], /^unknown flag --windw; did you mean --window\? \(see --help\)$/);
  usageError(["--no-sav"], /did you mean --no-save\?/);
  usageError(["--del", "1"], /did you mean --delay\?/);
  usageError(["--verbose"], /^unknown flag --verbose \(see --help\)$/);
  usageError(["-x"], /^unknown flag -x/);
});

Deno.test("arguments that are not flags are counted against the command's positionals", () => {
  usageError([], /^missing argument: expected NAME, see --help$/);
  usageError(["a", "b"], /^too many arguments: expected NAME, see --help$/);
  const noPositionals = defineCommand({ usage: ["x"], flags: {} });
  assert.throws(
    () => parseArgs(noPositionals, { args: ["8000"] }),
    /unexpected argument "8000"; flags start with --, see --help/,
  );
});

Deno.test("help shows every flag with its default, range and variable, from the table", () => {
  const help = helpText(command);
  assert.match(help, /^Usage: demo \[-- FLAGS\] NAME\n\nA command to test the parser with\.\n/);
  assert.ok(help.includes(`  -w, --window N`), help);
  assert.ok(help.includes(`default ${DEFAULT_WINDOW}; allowed 1 to 16\n`), help);
  assert.ok(help.includes("default 2.5; allowed 0 to 60 seconds\n"), help);
  assert.ok(help.includes(`env DEMO_DIR; default ${DEFAULT_DIR}\n`), help);
  assert.ok(help.includes("default $DEMO_TOKEN\n"), help);
  assert.ok(help.includes("allowed even numbers"), help);
  assert.ok(help.includes("  -h, --help"), help);
  assert.ok(help.endsWith("\n\nExit code 2 on bad usage."), help);
  // A switch that is off and a flag without a default say nothing about a default.
  assert.doesNotMatch(help, /default (off|none)/);
  // Every flag starts a line, in the table's order.
  const flags = [...help.matchAll(/^ {2}(?:-\w, | {4})?(--[\w-]+)/gm)].map((m) => m[1]);
  assert.deepEqual(flags, [...flagRows(command).map((row) => row.flag.split(" ")[0]), "--help"]);
});

Deno.test("help follows a changed default: it is read from the table, never copied", () => {
  const changed = defineCommand({
    usage: ["demo"],
    flags: { window: flag(integer(1, 64), { value: "N", default: 32, help: "chunks" }) },
  });
  assert.ok(helpText(changed).includes("default 32; allowed 1 to 64\n"));
  assert.deepEqual(flagRows(changed)[0], {
    flag: "--window N",
    short: "",
    env: "",
    defaultValue: "32",
    defaultNote: "",
    range: "1 to 64",
    description: "chunks",
  });
});

Deno.test("a table whose default is outside its flag's range is refused when it is defined", () => {
  const table = (window: number) => ({
    usage: ["x"],
    flags: { window: flag(integer(1, 16), { value: "N", default: window, help: "chunks" }) },
  });
  assert.throws(() => defineCommand(table(17)), /--window defaults to 17, outside 1 to 16/);
  assert.throws(() => defineCommand(table(2.5)), /--window defaults to 2.5, outside 1 to 16/);
  defineCommand(table(16));
  assert.throws(
    () =>
      defineCommand({
        usage: ["x"],
        flags: { mode: flag(oneOf(["a", "b"]), { default: "c" as "a", help: "m" }) },
      }),
    /--mode defaults to c, outside a, b/,
  );
  assert.throws(
    () =>
      defineCommand({
        usage: ["x"],
        flags: { pause: flag(decimal(0, 1, "seconds"), { default: 2, help: "p" }) },
      }),
    /--pause defaults to 2, outside 0 to 1 seconds/,
  );
});

Deno.test("a table that declares a flag twice is refused when it is defined", () => {
  assert.throws(
    () =>
      defineCommand({
        usage: ["x"],
        flags: {
          dir: flag(text(), { help: "a" }),
          folder: flag(text(), { name: "dir", help: "b" }),
        },
      }),
    /dir is declared twice/,
  );
  assert.throws(
    () => defineCommand({ usage: ["x"], flags: { hex: flag(text(), { short: "h", help: "a" }) } }),
    /h is declared twice/,
  );
});
