/**
 * Measures of the code base, per top-level folder: source files, their lines
 * and the largest module, for a past commit (before) and the working tree
 * (after), written to docs/codebase.md by `deno task measures`.
 *
 * Sources are the files git knows (tracked, or new and not ignored) ending in
 * one of {@linkcode SOURCE_EXTENSIONS}, outside third_party/.
 *
 * Usage: `deno task measures [--before REF] [--out FILE]`; the default
 * before is commit 3e13698 when it is in the history, else the merge-base of
 * HEAD and main.
 *
 * @example
 * ```ts
 * import { measureFolders } from "./codebase_measures.ts";
 *
 * measureFolders([{ path: "relay/hub.ts", text: "a\nb\n" }]);
 * // [{ folder: "relay", files: 1, lines: 2, largest: { path: "relay/hub.ts", lines: 2 } }]
 * ```
 * @module
 */

/** Extensions of the files counted as source (code written here, not data or docs). */
export const SOURCE_EXTENSIONS = [".ts", ".js", ".mjs", ".c", ".h", ".py", ".sh"];

/** The commit the measures compare with by default, when the history has it. */
export const DEFAULT_BEFORE = "3e13698";

/** One file's path and text. */
export interface SourceFile {
  /** Path from the repository root, with `/`. */
  path: string;
  /** Its content. */
  text: string;
}

/** The measures of one top-level folder (`.` for the files at the root). */
export interface FolderMeasure {
  /** The folder. */
  folder: string;
  /** Source files in it, at any depth. */
  files: number;
  /** Their lines. */
  lines: number;
  /** The file with the most lines. */
  largest: { path: string; lines: number };
}

/** Whether `path` is counted as source. */
export function isSource(path: string): boolean {
  return !path.startsWith("third_party/") &&
    SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/** Lines of a text: its line breaks, plus one for a last line without one. */
export function countLines(text: string): number {
  if (text === "") return 0;
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return text.endsWith("\n") ? lines : lines + 1;
}

/** Files, lines and largest module per top-level folder, folders sorted by name. */
export function measureFolders(files: SourceFile[]): FolderMeasure[] {
  const folders = new Map<string, FolderMeasure>();
  for (const file of files) {
    const slash = file.path.indexOf("/");
    const folder = slash === -1 ? "." : file.path.slice(0, slash);
    const lines = countLines(file.text);
    const measure = folders.get(folder) ??
      { folder, files: 0, lines: 0, largest: { path: file.path, lines: -1 } };
    measure.files++;
    measure.lines += lines;
    if (lines > measure.largest.lines) measure.largest = { path: file.path, lines };
    folders.set(folder, measure);
  }
  return [...folders.values()].sort((a, b) => a.folder < b.folder ? -1 : 1);
}

async function git(args: string[], stdin?: string): Promise<Uint8Array> {
  const command = new Deno.Command("git", {
    args,
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  });
  const child = command.spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const { success, stdout, stderr } = await child.output();
  if (!success) {
    throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(stderr).trim()}`);
  }
  return stdout;
}

/** The source files of commit `ref` of the repository at `root`, read from git in one batch. */
export async function sourcesAt(ref: string, root = "."): Promise<SourceFile[]> {
  const tree = new TextDecoder().decode(await git(["-C", root, "ls-tree", "-r", "-z", ref]));
  const blobs: { path: string; id: string }[] = [];
  for (const entry of tree.split("\0")) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match && isSource(match[2])) blobs.push({ path: match[2], id: match[1] });
  }
  const out = await git(
    ["-C", root, "cat-file", "--batch"],
    blobs.map((blob) => blob.id).join("\n") + "\n",
  );
  const decoder = new TextDecoder();
  const files: SourceFile[] = [];
  let offset = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(10, offset);
    const size = Number(decoder.decode(out.subarray(offset, headerEnd)).split(" ")[2]);
    const start = headerEnd + 1;
    files.push({ path: blob.path, text: decoder.decode(out.subarray(start, start + size)) });
    offset = start + size + 1; // the content ends with a line feed of git's
  }
  return files;
}

/** The source files of the working tree: tracked and not deleted, or new and not ignored. */
export async function sourcesInWorkingTree(root = "."): Promise<SourceFile[]> {
  const listed = new TextDecoder().decode(
    await git(["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]),
  );
  const files: SourceFile[] = [];
  for (const path of new Set(listed.split("\0"))) {
    if (!path || !isSource(path)) continue;
    try {
      files.push({ path, text: await Deno.readTextFile(`${root}/${path}`) });
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error; // deleted, not yet staged
    }
  }
  return files;
}

/** The default before: {@linkcode DEFAULT_BEFORE} if the history has it, else HEAD's merge-base with main. */
export async function defaultBefore(): Promise<string> {
  try {
    await git(["merge-base", "--is-ancestor", DEFAULT_BEFORE, "HEAD"]);
    return DEFAULT_BEFORE;
  } catch {
    return new TextDecoder().decode(await git(["merge-base", "HEAD", "main"])).trim();
  }
}

/** Renders the before and after measures as a Markdown table, totals last. */
export function renderTable(
  before: FolderMeasure[],
  after: FolderMeasure[],
): string {
  const folders = [...new Set([...before, ...after].map((measure) => measure.folder))].sort();
  const find = (list: FolderMeasure[], folder: string) => list.find((m) => m.folder === folder);
  const largest = (measure: FolderMeasure | undefined) =>
    measure ? `${measure.largest.path} (${measure.largest.lines})` : "–";
  const rows = [
    "| folder | files before | files after | lines before | lines after | largest module before (lines) | largest module after (lines) |",
    "| --- | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const folder of folders) {
    const [b, a] = [find(before, folder), find(after, folder)];
    rows.push(
      `| ${folder} | ${b?.files ?? 0} | ${a?.files ?? 0} | ${b?.lines ?? 0} | ${a?.lines ?? 0} | ` +
        `${largest(b)} | ${largest(a)} |`,
    );
  }
  const sum = (list: FolderMeasure[], key: "files" | "lines") =>
    list.reduce((total, measure) => total + measure[key], 0);
  rows.push(
    `| all | ${sum(before, "files")} | ${sum(after, "files")} | ${sum(before, "lines")} | ` +
      `${sum(after, "lines")} | | |`,
  );
  return rows.join("\n");
}

/** The whole of docs/codebase.md. */
export function renderDoc(options: {
  beforeRef: string;
  beforeDate: string;
  before: FolderMeasure[];
  after: FolderMeasure[];
}): string {
  return `# Code base measures

Source files (${SOURCE_EXTENSIONS.join(", ")}; third_party/ left out), their lines and the largest
module of each top-level folder (\`.\` is the root), at commit ${options.beforeRef} of
${options.beforeDate} (before) and in the working tree this file was written from (after). Written by
\`deno task measures\` (tools/codebase_measures.ts); run it again to bring the figures up to date.

${renderTable(options.before, options.after)}
`;
}

if (import.meta.main) {
  const args = [...Deno.args];
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const beforeRef = option("--before") ?? await defaultBefore();
  const out = option("--out") ?? "docs/codebase.md";
  const date = new TextDecoder().decode(await git(["log", "-1", "--format=%cs", beforeRef])).trim();
  const short = new TextDecoder().decode(await git(["rev-parse", "--short", beforeRef])).trim();
  const doc = renderDoc({
    beforeRef: short,
    beforeDate: date,
    before: measureFolders(await sourcesAt(beforeRef)),
    after: measureFolders(await sourcesInWorkingTree()),
  });
  await Deno.writeTextFile(out, doc);
  console.log(`wrote ${out}`);
}
