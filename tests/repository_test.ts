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
