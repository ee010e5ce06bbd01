/**
 * Builds device bundles for tests by running `tools/bundle.ts` as a command:
 * esbuild's `stop()` does not wait for its service process to exit, which
 * the test sanitizers would report in whatever test runs next, while a
 * finished command leaves nothing behind.
 *
 * Many test files boot the same bundle, so each one is built once and kept in
 * {@linkcode BUNDLE_CACHE} (gitignored), under a hash of everything the build
 * reads: the device sources, the build tools, the pinned packages, Deno's
 * version and the build's options. Test files run in parallel processes: a
 * bundle is written to a temporary file and renamed into place, so a reader
 * sees a whole bundle or none, and two processes that build it at once both
 * write the same bytes.
 *
 * @module
 */

import { createHash } from "node:crypto";

const ROOT = new URL("..", import.meta.url).pathname;

/** Where built bundles are kept between test runs (gitignored). */
export const BUNDLE_CACHE = `${ROOT}.cache/bundles/`;

/** What a bundle is made of: every file under these, relative to the repository root. */
const BUILD_INPUTS = ["device", "tools", "deno.lock", "deno.json"];

/** Settings of {@linkcode buildDeviceBundle}. */
export interface BuildOptions {
  /** Entry module, relative to the repository root. */
  entry: string;
  /** Global the entry's exports are assigned to. */
  globalName?: string;
}

/** The bundle exactly as `deno run -A tools/bundle.ts ENTRY --global NAME` prints it. */
export function buildDeviceBundle(options: BuildOptions): Promise<string> {
  const build = async () => {
    const args = ["run", "--allow-all", "tools/bundle.ts", options.entry];
    if (options.globalName) args.push("--global", options.globalName);
    const result = await new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!result.success) {
      throw new Error(
        `bundling ${options.entry} failed:\n${new TextDecoder().decode(result.stderr)}`,
      );
    }
    return new TextDecoder().decode(result.stdout);
  };
  // Only an entry among the hashed inputs can be cached: another's sources are not in the hash.
  if (!isBuildInput(options.entry)) return build();
  return cached({ bundle: options.entry, globalName: options.globalName ?? null }, build);
}

/** Whether `entry` (relative to the repository root) is one of {@linkcode BUILD_INPUTS}. */
function isBuildInput(entry: string): boolean {
  const path = entry.replace(/^\.\//, "");
  return BUILD_INPUTS.some((input) => path === input || path.startsWith(`${input}/`));
}

/** The SOS firmware exactly as `buildFirmware()` of `tools/build.ts` (`deno task build`) makes it. */
export function buildFirmwareBundle(): Promise<string> {
  return cached({ firmware: "tools/build.ts buildFirmware()" }, async () => {
    // Imported here: only the files that build the firmware load esbuild.
    const { buildFirmware } = await import("../tools/build.ts");
    return (await buildFirmware()).code;
  });
}

/** Bundles built by this process, by key. */
const built = new Map<string, Promise<string>>();

/** The bundle of `options`, from the cache, or built by `build` and kept there. */
function cached(options: Record<string, unknown>, build: () => Promise<string>): Promise<string> {
  const id = JSON.stringify(options);
  let bundle = built.get(id);
  if (!bundle) {
    bundle = (async () => {
      const file = `${BUNDLE_CACHE}${await inputsHash(id)}.js`;
      try {
        return await Deno.readTextFile(file);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
      const code = await build();
      await Deno.mkdir(BUNDLE_CACHE, { recursive: true });
      const temporary = await Deno.makeTempFile({ dir: BUNDLE_CACHE, suffix: ".tmp" });
      await Deno.writeTextFile(temporary, code);
      await Deno.rename(temporary, file);
      return code;
    })();
    // A failed build is not kept: the next caller sees the error afresh.
    bundle.catch(() => built.delete(id));
    built.set(id, bundle);
  }
  return bundle;
}

/** A hash of every build input and of `options`. */
async function inputsHash(options: string): Promise<string> {
  const hash = createHash("sha256").update(`${Deno.version.deno}\0${options}\0`);
  const files: string[] = [];
  for (const input of BUILD_INPUTS) await listFiles(input, files);
  for (const path of files.sort()) {
    hash.update(`${path}\0`).update(await Deno.readFile(`${ROOT}${path}`)).update("\0");
  }
  return hash.digest("hex");
}

async function listFiles(path: string, into: string[]): Promise<void> {
  const info = await Deno.stat(`${ROOT}${path}`);
  if (!info.isDirectory) {
    into.push(path);
    return;
  }
  for await (const entry of Deno.readDir(`${ROOT}${path}`)) {
    await listFiles(`${path}/${entry.name}`, into);
  }
}
