/**
 * tools/codebase_measures.ts: lines and folders counted, and the files read
 * from a real git repository, at a commit and in its working tree.
 */

import assert from "node:assert/strict";
import {
  countLines,
  isSource,
  measureFolders,
  renderTable,
  sourcesAt,
  sourcesInWorkingTree,
} from "../tools/codebase_measures.ts";

Deno.test("lines are counted with or without a final line break", () => {
  assert.equal(countLines(""), 0);
  assert.equal(countLines("a"), 1);
  assert.equal(countLines("a\n"), 1);
  assert.equal(countLines("a\n\nb"), 3);
  assert.equal(countLines("\n\n"), 2);
});

Deno.test("sources are code outside third_party/", () => {
  assert.ok(isSource("relay/hub.ts"));
  assert.ok(isSource("engine/build/espruino_glue.c"));
  assert.ok(!isSource("docs/relay.md"));
  assert.ok(!isSource("deno.json"));
  assert.ok(!isSource("third_party/espruino/src/jsvar.c"));
});

Deno.test("each top-level folder gets its files, lines and largest module; root files are `.`", () => {
  const measures = measureFolders([
    { path: "relay/hub.ts", text: "1\n2\n3\n" },
    { path: "relay/console/console.js", text: "1\n2\n3\n4\n" },
    { path: "server.ts", text: "1\n" },
    { path: "relay/registry.ts", text: "1\n" },
  ]);
  assert.deepEqual(measures, [
    { folder: ".", files: 1, lines: 1, largest: { path: "server.ts", lines: 1 } },
    {
      folder: "relay",
      files: 3,
      lines: 8,
      largest: { path: "relay/console/console.js", lines: 4 },
    },
  ]);
  const table = renderTable(measureFolders([{ path: "a/x.ts", text: "1\n" }]), measures);
  assert.match(table, /^\| a \| 1 \| 0 \| 1 \| 0 \| a\/x\.ts \(1\) \| – \|$/m);
  assert.match(
    table,
    /^\| relay \| 0 \| 3 \| 0 \| 8 \| – \| relay\/console\/console\.js \(4\) \|$/m,
  );
  assert.match(table, /^\| all \| 1 \| 4 \| 1 \| 9 \| \| \|$/m);
});

Deno.test("a commit's sources and the working tree's are read from git", async () => {
  const root = await Deno.makeTempDir();
  try {
    const git = async (...args: string[]) => {
      const { success } = await new Deno.Command("git", {
        args: ["-C", root, "-c", "user.name=t", "-c", "user.email=t@t", ...args],
        stdout: "null",
        stderr: "null",
      }).output();
      assert.ok(success, `git ${args.join(" ")}`);
    };
    await git("init", "-q");
    await Deno.mkdir(`${root}/relay`);
    await Deno.writeTextFile(`${root}/relay/a.ts`, "one\ntwo\n");
    await Deno.writeTextFile(`${root}/relay/b.ts`, "é\n"); // not ASCII: sizes are bytes
    await Deno.writeTextFile(`${root}/notes.md`, "not code\n");
    await git("add", "-A");
    await git("commit", "-qm", "first");
    await Deno.remove(`${root}/relay/b.ts`);
    await Deno.writeTextFile(`${root}/relay/a.ts`, "one\n");
    await Deno.writeTextFile(`${root}/relay/c.ts`, "new\nfile\nhere\n");
    await Deno.writeTextFile(`${root}/.gitignore`, "ignored.ts\n");
    await Deno.writeTextFile(`${root}/ignored.ts`, "x\n");
    const sort = (files: { path: string; text: string }[]) =>
      files.sort((x, y) => x.path < y.path ? -1 : 1);
    assert.deepEqual(sort(await sourcesAt("HEAD", root)), [
      { path: "relay/a.ts", text: "one\ntwo\n" },
      { path: "relay/b.ts", text: "é\n" },
    ]);
    assert.deepEqual(sort(await sourcesInWorkingTree(root)), [
      { path: "relay/a.ts", text: "one\n" },
      { path: "relay/c.ts", text: "new\nfile\nhere\n" },
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
