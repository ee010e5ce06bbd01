/**
 * `deno task docs:flags`: writes the relay's flags table into README.md from the option
 * definitions in relay/options.ts, the same source as `deno task serve -- --help`.
 * tests/options_test.ts fails when the table in README.md is not what this writes.
 *
 * @module
 */

import { optionRows } from "../relay/options.ts";

/** The file that holds the table. */
export const FLAGS_DOC = "README.md";
/** The line before the table. */
export const BEGIN_MARKER =
  "<!-- flags: made by `deno task docs:flags` from relay/options.ts; edit there -->";
/** The line after the table. */
export const END_MARKER = "<!-- flags: end -->";

/** A cell's text with the pipes that would end it escaped. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The flags table as Markdown, one row an option; `deno fmt` pads its columns. */
export function flagsTable(): string {
  const rows = optionRows().map((row) => {
    const value = row.defaultValue === "none" || row.defaultValue === "off"
      ? row.defaultValue
      : `\`${row.defaultValue}\``;
    return `| \`${cell(row.flag)}\` | \`${row.env}\` | ${cell(value + row.defaultNote)} | ${
      cell(row.description)
    } |`;
  });
  return ["| flag | environment | default | meaning |", "| - | - | - | - |", ...rows].join("\n");
}

/**
 * The table between the markers of a document, with its padding and dash runs folded, so that
 * a table `deno fmt` has padded compares equal to {@linkcode flagsTable}.
 *
 * @param text The document, or a bare table.
 * @throws {Error} If the document has markers missing or out of order.
 */
export function tableIn(text: string): string {
  let table = text;
  if (text.includes(BEGIN_MARKER) || text.includes(END_MARKER)) {
    const begin = text.indexOf(BEGIN_MARKER);
    const end = text.indexOf(END_MARKER);
    if (begin === -1 || end < begin) {
      throw new Error(`${FLAGS_DOC}: expected ${BEGIN_MARKER} before ${END_MARKER}`);
    }
    table = text.slice(begin + BEGIN_MARKER.length, end);
  }
  return table.trim().split("\n").map((line) =>
    line.trim().replace(/ *\| */g, "|").replace(/\|-+(?=\|)/g, "|-")
  ).join("\n");
}

/** The document with the table between its markers replaced by {@linkcode flagsTable}. */
export function withFlagsTable(text: string): string {
  const begin = text.indexOf(BEGIN_MARKER);
  const end = text.indexOf(END_MARKER);
  if (begin === -1 || end < begin) {
    throw new Error(`${FLAGS_DOC}: put ${BEGIN_MARKER} and ${END_MARKER} where the table goes`);
  }
  return `${text.slice(0, begin + BEGIN_MARKER.length)}\n\n${flagsTable()}\n\n${text.slice(end)}`;
}

if (import.meta.main) {
  const path = new URL(`../${FLAGS_DOC}`, import.meta.url).pathname;
  await Deno.writeTextFile(path, withFlagsTable(await Deno.readTextFile(path)));
  // deno fmt pads the columns, so the file passes `deno task check` as written.
  const fmt = await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", path] }).output();
  if (!fmt.success) throw new Error(`deno fmt ${path} failed`);
  console.log(`${FLAGS_DOC}: flags table written from relay/options.ts`);
}
