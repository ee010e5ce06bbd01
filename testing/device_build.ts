/**
 * Builds device bundles for tests by running `tools/bundle.ts` as a command:
 * esbuild's `stop()` does not wait for its service process to exit, which
 * the test sanitizers would report in whatever test runs next, while a
 * finished command leaves nothing behind.
 *
 * @module
 */

const ROOT = new URL("..", import.meta.url).pathname;

/** Settings of {@linkcode buildDeviceBundle}. */
export interface BuildOptions {
  /** Entry module, relative to the repository root. */
  entry: string;
  /** Global the entry's exports are assigned to. */
  globalName?: string;
}

/** The bundle exactly as `deno run -A tools/bundle.ts ENTRY --global NAME` prints it. */
export async function buildDeviceBundle(options: BuildOptions): Promise<string> {
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
}
