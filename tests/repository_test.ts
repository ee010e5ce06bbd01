/**
 * The repository stands on its own: a user's clone has nothing beside it, so
 * no code or document may point outside it.
 */

import assert from "node:assert/strict";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("no tracked file refers to anything outside the repository", async () => {
  const { stdout } = await new Deno.Command("git", { args: ["ls-files"], cwd: ROOT }).output();
  const files = new TextDecoder().decode(stdout).split("\n").filter((f) =>
    /\.(ts|js|mjs|md|json|sh|html|css)$/.test(f) || f.startsWith(".ci/")
  );
  assert.ok(files.length > 50, "git ls-files lists the repository");
  const offenders = files.filter((file) =>
    /\.\.\/shared\b/.test(Deno.readTextFileSync(`${ROOT}${file}`))
  );
  assert.deepEqual(offenders, []);
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replaceAll("`", "").replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replaceAll(" ", "-");
}

/** The relative links of a Markdown text, outside code blocks. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target));
}

Deno.test("every relative link of README.md and docs/ leads to a file and heading that exist", () => {
  const docs = [
    "README.md",
    ...[...Deno.readDirSync(`${ROOT}docs`)]
      .filter((entry) => entry.name.endsWith(".md")).map((entry) => `docs/${entry.name}`),
  ];
  const broken: string[] = [];
  let checked = 0;
  for (const doc of docs) {
    const base = new URL(doc, `file://${ROOT}`);
    for (const target of relativeLinks(Deno.readTextFileSync(base))) {
      const [path, anchor] = target.split("#");
      const file = new URL(path || doc.split("/").pop()!, base);
      checked++;
      let text: string;
      try {
        text = Deno.statSync(file).isFile ? Deno.readTextFileSync(file) : "";
      } catch {
        broken.push(`${doc}: ${target} (no such file)`);
        continue;
      }
      if (anchor === undefined || !file.pathname.endsWith(".md")) continue;
      const anchors = text.split("\n").filter((line) => line.startsWith("#"))
        .map((line) => anchorOf(line.replace(/^#+/, "")));
      if (!anchors.includes(anchor)) broken.push(`${doc}: ${target} (no such heading)`);
    }
  }
  assert.ok(checked > 50, `links found: ${checked}`);
  assert.deepEqual(broken, []);
});

Deno.test("the link check reads links outside code blocks and makes anchors as GitHub does", () => {
  assert.deepEqual(relativeLinks("[a](x.md#b) [c](https://e.org) ```\n[d](y.md)\n```"), ["x.md#b"]);
  assert.equal(
    anchorOf(" Keepalive: how `--ping-interval` maps onto Deno"),
    "keepalive-how---ping-interval-maps-onto-deno",
  );
});
