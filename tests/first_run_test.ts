/**
 * A first run of the relay on a fresh machine fetches only what the relay
 * imports (relay/deno.lock), prints no warning, and keeps the lockfile's
 * integrity checks (`--frozen`).
 */

import assert from "node:assert/strict";
import { delay } from "../testing/wait.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const decoder = new TextDecoder();

interface Lockfile {
  specifiers: Record<string, string>;
  npm: Record<string, { integrity: string }>;
}

function readLock(path: string): Lockfile {
  return JSON.parse(Deno.readTextFileSync(`${ROOT}${path}`));
}

/** npm packages (`name@version`) that a module graph reaches, from `deno info --json`. */
async function npmPackagesOf(entries: string[]): Promise<Set<string>> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "--lock=relay/deno.lock", "--frozen", ...entries],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, decoder.decode(stderr));
  const info = JSON.parse(decoder.decode(stdout));
  return new Set(Object.keys(info.npmPackages ?? {}));
}

Deno.test("relay/deno.lock holds what server.ts and relay/certs.ts import, nothing of the device tooling", async () => {
  const relayLock = readLock("relay/deno.lock");
  const reached = await npmPackagesOf(["server.ts"]);
  assert.ok(reached.size > 0, "the relay imports @peculiar/x509");
  for (const pkg of reached) {
    assert.ok(pkg in relayLock.npm, `${pkg} is missing from relay/deno.lock`);
  }
  for (const pkg of Object.keys(relayLock.npm)) {
    assert.ok(
      !/^(esbuild|espruino|playwright-core|acorn|ws)@/.test(pkg),
      `${pkg} is device tooling`,
    );
  }
  // The two lockfiles agree on every package they share, so neither pins another build.
  const full = readLock("deno.lock");
  for (const [pkg, entry] of Object.entries(relayLock.npm)) {
    if (full.npm[pkg]) assert.equal(entry.integrity, full.npm[pkg].integrity, pkg);
  }
});

Deno.test({
  name:
    "deno task serve on an empty cache fetches only the relay's packages (about 10 MB) and prints no warning",
  async fn() {
    const denoDir = await Deno.makeTempDir({ prefix: "first-run-" });
    try {
      const child = new Deno.Command(Deno.execPath(), {
        args: ["task", "serve", "--", "--host", "127.0.0.1", "--port", "0"],
        cwd: ROOT,
        env: { DENO_DIR: denoDir, NO_COLOR: "1" },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      let output = "";
      const collect = async (stream: ReadableStream<Uint8Array>) => {
        for await (const chunk of stream) output += decoder.decode(chunk, { stream: true });
      };
      const reading = Promise.all([collect(child.stdout), collect(child.stderr)]);
      const deadline = Date.now() + 120_000;
      while (!output.includes("listening") && Date.now() < deadline) {
        const status = await Promise.race([
          child.status,
          delay(100),
        ]);
        if (status) break;
      }
      child.kill("SIGTERM");
      await child.status;
      await reading;
      assert.match(output, /listening url=ws:\/\/127\.0\.0\.1:\d+/, output);
      assert.doesNotMatch(output, /warning|ignored build scripts/i, output);

      const fetched: string[] = [];
      const registry = `${denoDir}/npm/registry.npmjs.org`;
      const walk = (dir: string, prefix: string) => {
        for (const entry of Deno.readDirSync(dir)) {
          if (!entry.isDirectory) continue;
          if (entry.name.startsWith("@")) walk(`${dir}/${entry.name}`, `${entry.name}/`);
          else {
            for (const version of Deno.readDirSync(`${dir}/${entry.name}`)) {
              if (version.isDirectory) fetched.push(`${prefix}${entry.name}@${version.name}`);
            }
          }
        }
      };
      walk(registry, "");
      const allowed = readLock("relay/deno.lock").npm;
      assert.ok(fetched.length > 0, "the relay's packages were fetched");
      for (const pkg of fetched) assert.ok(pkg in allowed, `${pkg} was fetched for the relay`);
    } finally {
      await Deno.remove(denoDir, { recursive: true });
    }
  },
});
