/**
 * `deno task docs:flags`: writes every command's flags table into its document, from the same
 * flag definitions its parser and `--help` read (relay/cli_args.ts), so that no table is written
 * by hand. Each table sits between its two markers, `<!-- flags:NAME made by … -->` and
 * `<!-- flags:NAME end -->`; tests/flags_table_test.ts fails when a table is not what this writes,
 * or when a command's `--help` leaves out a flag of its table.
 *
 * @module
 */

import { type Command, type FlagRow, flagRows, type FlagTable } from "../relay/cli_args.ts";
import { RELAY_COMMAND } from "../relay/options.ts";
import { SIM_COMMAND } from "../engine/sim_command.ts";
import { BUILD_COMMAND } from "./build_command.ts";
import { FLASH_COMMAND } from "./flash_command.ts";
import { OTA_COMMAND } from "./ota_command.ts";
import { TOKEN_COMMAND } from "./token_command.ts";
import { CERTS_COMMAND } from "./certs_command.ts";
import { TLS_FRONT_COMMAND } from "./tls_front_command.ts";

/** One generated table: the command it shows and where it goes. */
export interface FlagsTable {
  /** Its name in the markers: `<!-- flags:NAME … -->`. */
  readonly name: string;
  /** The document it goes in, from the repository's root. */
  readonly doc: string;
  /** The module that defines the flags, from the repository's root: the place to edit them. */
  readonly source: string;
  /** The `deno task` that runs the command; `deno task TASK -- --help` lists the same flags. */
  readonly task: string;
  /** The command. */
  readonly command: Command<FlagTable>;
}

/** Every generated table, in the order of their documents. */
export const FLAGS_TABLES: readonly FlagsTable[] = [
  {
    name: "relay",
    doc: "README.md",
    source: "relay/options.ts",
    task: "serve",
    command: RELAY_COMMAND,
  },
  {
    name: "build",
    doc: "docs/flashing.md",
    source: "tools/build_command.ts",
    task: "build",
    command: BUILD_COMMAND,
  },
  {
    name: "flash",
    doc: "docs/flashing.md",
    source: "tools/flash_command.ts",
    task: "flash",
    command: FLASH_COMMAND,
  },
  {
    name: "sim",
    doc: "docs/flashing.md",
    source: "engine/sim_command.ts",
    task: "sim",
    command: SIM_COMMAND,
  },
  {
    name: "ota",
    doc: "docs/ota.md",
    source: "tools/ota_command.ts",
    task: "ota",
    command: OTA_COMMAND,
  },
  {
    name: "token",
    doc: "docs/fleet.md",
    source: "tools/token_command.ts",
    task: "token",
    command: TOKEN_COMMAND,
  },
  {
    name: "certs",
    doc: "docs/relay.md",
    source: "tools/certs_command.ts",
    task: "certs",
    command: CERTS_COMMAND,
  },
  {
    name: "tls-front",
    doc: "docs/tls_devices.md",
    source: "tools/tls_front_command.ts",
    task: "tls-front",
    command: TLS_FRONT_COMMAND,
  },
];

/** The documents that hold tables, each once. */
export function flagsDocs(): string[] {
  return [...new Set(FLAGS_TABLES.map((table) => table.doc))];
}

/** The line before a table. */
export function beginMarker(table: FlagsTable): string {
  return `<!-- flags:${table.name} made by \`deno task docs:flags\` from ${table.source}; edit there -->`;
}

/** The line after a table. */
export function endMarker(table: FlagsTable): string {
  return `<!-- flags:${table.name} end -->`;
}

/** Every table name that has a marker in `text`, once for each marker. */
export function markerNames(text: string): string[] {
  return [...text.matchAll(/<!-- flags:([\w-]*)/g)].map((match) => match[1]);
}

/** Text as Markdown code in a table cell. */
function code(text: string): string {
  return `\`${text.replaceAll("|", "\\|")}\``;
}

/** Text as Markdown prose in a table cell: nothing in it ends the cell, starts a tag or emphasis. */
function prose(text: string): string {
  return text.replace(/[|<*]/g, (c) => `\\${c}`);
}

/** A row's default: a value as code, a description (`none`, `$ENV, else …`) as prose. */
function defaultCell(row: FlagRow): string {
  const value = row.defaultValue;
  const described = ["none", "off", "on", "never"].includes(value) || /\s/.test(value);
  return (described ? prose(value) : code(value)) + prose(row.defaultNote);
}

/**
 * A command's flags table as Markdown, one row a flag (with an environment column when a flag
 * has a variable); `deno fmt` pads its columns.
 */
export function flagsTable(table: FlagsTable): string {
  const rows = flagRows(table.command);
  const withEnv = rows.some((row) => row.env !== "");
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const head = ["flag", ...(withEnv ? ["environment"] : []), "default", "meaning"];
  return [
    line(head),
    line(head.map(() => "-")),
    ...rows.map((row) =>
      line([
        code(row.short ? `${row.short}, ${row.flag}` : row.flag),
        ...(withEnv ? [row.env ? code(row.env) : ""] : []),
        defaultCell(row),
        prose(row.description),
      ])
    ),
  ].join("\n");
}

/** Where a table's markers are in `text`: the end of its begin line and the start of its end. */
function markers(text: string, table: FlagsTable): { afterBegin: number; end: number } {
  const beginAt = text.indexOf(`<!-- flags:${table.name} made by `);
  const end = text.indexOf(endMarker(table));
  const afterBegin = beginAt === -1 ? -1 : text.indexOf("-->", beginAt) + "-->".length;
  if (beginAt === -1 || end < afterBegin) {
    throw new Error(
      `${table.doc}: expected ${beginMarker(table)} before ${
        endMarker(table)
      }, where the table goes`,
    );
  }
  return { afterBegin, end };
}

/**
 * The table between a table's markers in a document (or a bare table when `table` is not given),
 * with its padding and dash runs folded, so that a table `deno fmt` has padded compares equal to
 * {@linkcode flagsTable}'s.
 *
 * @throws {Error} If the document has the table's markers missing or out of order.
 */
export function tableIn(text: string, table?: FlagsTable): string {
  let found = text;
  if (table !== undefined) {
    const { afterBegin, end } = markers(text, table);
    found = text.slice(afterBegin, end);
  }
  return found.trim().split("\n").map((line) =>
    line.trim().replace(/ *\| */g, "|").replace(/\|-+(?=\|)/g, "|-")
  ).join("\n");
}

/**
 * The document with the table between a table's markers replaced by {@linkcode flagsTable}'s,
 * and its begin marker rewritten (so that it names the current source).
 *
 * @throws {Error} If the document has the table's markers missing or out of order.
 */
export function withFlagsTable(text: string, table: FlagsTable): string {
  const { afterBegin, end } = markers(text, table);
  const beginAt = text.lastIndexOf("<!--", afterBegin);
  return `${text.slice(0, beginAt)}${beginMarker(table)}\n\n${flagsTable(table)}\n\n${
    text.slice(end)
  }`;
}

/**
 * A document with every table of {@linkcode FLAGS_TABLES} that goes in it rewritten.
 *
 * @throws {Error} If a marker names no table of the document, or a table's markers are missing.
 */
export function withFlagsTables(doc: string, text: string): string {
  const tables = FLAGS_TABLES.filter((table) => table.doc === doc);
  for (const name of markerNames(text)) {
    if (!tables.some((table) => table.name === name)) {
      throw new Error(`${doc}: no flags table is called ${name}; tools/flags_table.ts lists them`);
    }
  }
  return tables.reduce((written, table) => withFlagsTable(written, table), text);
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const paths = flagsDocs().map((doc) => new URL(doc, root).pathname);
  for (const [i, doc] of flagsDocs().entries()) {
    await Deno.writeTextFile(paths[i], withFlagsTables(doc, await Deno.readTextFile(paths[i])));
  }
  // deno fmt pads the columns, so the files pass `deno task check` as written.
  const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", ...paths] })
    .output();
  if (!fmt.success) throw new Error(`deno fmt ${paths.join(" ")} failed`);
  console.log(
    `flags tables written: ${FLAGS_TABLES.map((t) => `${t.name} (${t.doc})`).join(", ")}`,
  );
}
