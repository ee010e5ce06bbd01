/**
 * The flags tables of the docs: each is what `deno task docs:flags` writes from its command's
 * flag definitions, and each command's real `--help` (its `deno task`, in a subprocess) lists
 * every flag of its table, with the same default, and no flag the table lacks.
 */

import assert from "node:assert/strict";
import { flagRows } from "../relay/cli_args.ts";
import {
  beginMarker,
  endMarker,
  FLAGS_TABLES,
  flagsDocs,
  flagsTable,
  markerNames,
  tableIn,
  withFlagsTable,
  withFlagsTables,
} from "../tools/flags_table.ts";

const ROOT = new URL("../", import.meta.url);

function readDoc(doc: string): string {
  return Deno.readTextFileSync(new URL(doc, ROOT));
}

for (const table of FLAGS_TABLES) {
  Deno.test(`the ${table.name} flags table in ${table.doc} is what deno task docs:flags makes of ${table.source}`, () => {
    const doc = readDoc(table.doc);
    assert.equal(tableIn(doc, table), tableIn(flagsTable(table)), "run deno task docs:flags");
    // A header, its rule, and one row a flag.
    assert.equal(tableIn(doc, table).split("\n").length, flagRows(table.command).length + 2);
    assert.ok(doc.includes(beginMarker(table)), `${table.doc}: the begin marker names its source`);
  });
}

Deno.test("each document has each of its tables' markers once, and no marker of another table", () => {
  for (const doc of flagsDocs()) {
    const names = FLAGS_TABLES.filter((table) => table.doc === doc).map((table) => table.name);
    // A begin and an end marker for each table.
    assert.deepEqual(markerNames(readDoc(doc)).sort(), [...names, ...names].sort(), doc);
  }
});

Deno.test("deno task docs:flags may write every document that holds a table, and only those", () => {
  const config = Deno.readTextFileSync(new URL("deno.json", ROOT));
  const task = config.match(/"docs:flags": "([^"]*)"/)?.[1] ?? "";
  const writable = task.match(/--allow-write=(\S+)/)?.[1].split(",") ?? [];
  assert.deepEqual(writable.sort(), flagsDocs().sort(), task);
});

Deno.test("the flags table check notices a changed cell, a missing row and missing markers", () => {
  const relay = FLAGS_TABLES.find((table) => table.name === "relay")!;
  const sim = FLAGS_TABLES.find((table) => table.name === "sim")!;
  const doc = `# x\n\n${beginMarker(relay)}\n${endMarker(relay)}\n`;
  const written = withFlagsTable(doc, relay);
  assert.equal(tableIn(written, relay), tableIn(flagsTable(relay)));
  const changed = written.replace("`65536`", "`65535`");
  assert.notEqual(changed, written);
  assert.notEqual(tableIn(changed, relay), tableIn(flagsTable(relay)));
  const rows = written.split("\n").filter((line) => !line.includes("RELAY_TOKEN")).join("\n");
  assert.notEqual(tableIn(rows, relay), tableIn(flagsTable(relay)));
  assert.throws(() => withFlagsTable("# no markers\n", relay), /where the table goes/);
  assert.throws(
    () => tableIn(`${endMarker(relay)}\n${beginMarker(relay)}\n`, relay),
    /before/,
  );
  // A marker of a table that goes in another document, or of no table, is refused.
  assert.throws(
    () => withFlagsTables("README.md", `${doc}${beginMarker(sim)}\n${endMarker(sim)}\n`),
    /no flags table is called sim/,
  );
  // So is a marker without a name (the form before tables had names).
  assert.throws(
    () => withFlagsTables("README.md", `${doc}<!-- flags: made by hand -->\n`),
    /no flags table is called/,
  );
  // A stale begin marker (an old source) is rewritten, and the text around the table is kept.
  const stale = `before\n<!-- flags:relay made by hand -->\nstale-row\n${
    endMarker(relay)
  }\nafter\n`;
  const rewritten = withFlagsTables("README.md", stale);
  assert.ok(rewritten.startsWith(`before\n${beginMarker(relay)}\n\n| flag |`), rewritten);
  assert.ok(rewritten.endsWith(`|\n\n${endMarker(relay)}\nafter\n`), rewritten);
  assert.ok(!rewritten.includes("stale-row"));
});

/** Text with every run of white space one space: help wraps its lines, a table does not. */
function folded(text: string): string {
  return text.replace(/\s+/g, " ");
}

for (const table of FLAGS_TABLES) {
  Deno.test(`deno task ${table.task} -- --help lists every flag of the ${table.name} table, and only those`, async () => {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", table.task, "--", "--help"],
      cwd: ROOT,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const help = new TextDecoder().decode(output.stdout);
    assert.ok(output.success, new TextDecoder().decode(output.stderr));
    const text = folded(help);
    const rows = flagRows(table.command);
    for (const row of rows) {
      const left = row.short ? `${row.short}, ${row.flag}` : row.flag;
      assert.ok(text.includes(` ${left} ${folded(row.description)}`), `${left} in\n${help}`);
      if (row.env) assert.ok(text.includes(`env ${row.env}`), `${row.env} in\n${help}`);
      if (!["none", "off"].includes(row.defaultValue) || row.defaultNote) {
        const shown = `default ${folded(row.defaultValue + row.defaultNote)}`;
        assert.ok(text.includes(shown), `${left}: "${shown}" in\n${help}`);
      }
    }
    // Each flag line of the help (after the usage lines) is a row of the table.
    const listed = [...help.split("\nFlags:\n")[1].matchAll(/^ {2}(?:-\w, | {4})?(--[\w-]+)/gm)]
      .map((match) => match[1]).filter((flag) => flag !== "--help");
    assert.deepEqual(listed, rows.map((row) => row.flag.split(" ")[0]));
  });
}
