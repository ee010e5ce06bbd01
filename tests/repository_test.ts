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

/** The local modules each module of `roots`' graphs imports (types included), by path. */
async function localImports(roots: string[]): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const root of roots) {
    const { stdout, success } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", root],
      cwd: ROOT,
      stderr: "null",
    }).output();
    assert.ok(success, `deno info ${root}`);
    const info = JSON.parse(new TextDecoder().decode(stdout)) as {
      modules: {
        specifier: string;
        dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[];
      }[];
    };
    for (const module of info.modules) {
      if (!module.specifier.startsWith(`file://${ROOT}`)) continue;
      const path = module.specifier.slice(`file://${ROOT}`.length);
      const deps = (module.dependencies ?? []).flatMap((dep) => [dep.code, dep.type])
        .map((dep) => dep?.specifier ?? "").filter((s) => s.startsWith(`file://${ROOT}`))
        .map((s) => s.slice(`file://${ROOT}`.length));
      graph.set(path, [...new Set(deps)]);
    }
  }
  return graph;
}

/** Every cycle of a graph, as the paths around it. */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

Deno.test("the relay's modules import no cycle, the Redis client's module loaded by the cluster node included", async () => {
  const graph = await localImports(["server.ts", "relay/cluster_redis.ts"]);
  assert.ok(graph.has("relay/hub.ts") && graph.has("relay/cluster_bus.ts"), "the graph was read");
  // relay/cluster.ts imports relay/cluster_redis.ts under a computed specifier: outside the graph,
  // but a cycle all the same should the client's module import the node back.
  graph.set("relay/cluster.ts", [...graph.get("relay/cluster.ts")!, "relay/cluster_redis.ts"]);
  assert.deepEqual(cyclesOf(graph), []);
  // The hub knows the bus and the registry as interfaces only.
  assert.deepEqual(
    graph.get("relay/hub.ts")!.filter((path) => /cluster|registry|bus/.test(path)),
    [],
  );
});

Deno.test("the cycle check finds a cycle", () => {
  const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
  assert.deepEqual(cyclesOf(graph), [["a", "b", "c", "a"]]);
});
