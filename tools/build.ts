/**
 * `deno task build`: bundles the SOS firmware into `dist/firmware.js`, checks that Espruino can
 * run every construct in it, and prints its size; validates the device configuration and writes
 * it beside the bundle as the board's settings file (`dist/settings.json`), which `deno task sim`
 * stores with the bundle. The bundle is the same for every board: its settings are in Storage.
 *
 * Command line: `deno task build [-- --config PATH] [--out PATH] [--no-minify]`.
 *
 * @example
 * ```ts
 * import { buildFirmware } from "./build.ts";
 * const { code } = await buildFirmware();
 * ```
 * @module
 */

import { dirname, join } from "node:path";
import { bundleDevice } from "./bundle.ts";
import * as cli from "../relay/cli_args.ts";
import { BUILD_COMMAND } from "./build_command.ts";
import {
  DEFAULT_CONFIG,
  DEFAULT_FIRMWARE_FILE,
  EXAMPLE_CONFIG,
  FIRMWARE_ENTRY_PATH,
} from "./firmware_paths.ts";
import {
  type DeviceConfig,
  DeviceConfigError,
  loadDeviceConfig,
  SETTINGS_FILE,
  settingsHash,
  settingsText,
  withToken,
} from "./device_config.ts";
import {
  checkEspruinoDialect,
  type DialectProblem,
  EspruinoDialectError,
} from "./espruino_dialect.ts";

export { DEFAULT_CONFIG, EXAMPLE_CONFIG };

/** The firmware's entry module. */
export const FIRMWARE_ENTRY = new URL(`../${FIRMWARE_ENTRY_PATH}`, import.meta.url);

/** Settings of {@linkcode buildFirmware}. */
export interface BuildFirmwareOptions {
  /** Minify (default true). */
  minify?: boolean;
  /** Entry module (default {@linkcode FIRMWARE_ENTRY}). */
  entry?: string | URL;
}

/**
 * The client's options and methods that the firmware's bundle may shorten: the client is private to
 * the firmware there (nothing on the board's console can reach it), and none of these is a field of
 * the device configuration, a key of a JSON message, or a property of an Espruino object. Bytes of
 * code cost flash, and RAM when uploaded with `--no-save`.
 */
export const FIRMWARE_PRIVATE_PROPS: readonly string[] = [
  "connectTimeoutMs",
  "handshakeTimeoutMs",
  "closeTimeoutMs",
  "stableMs",
  "minBackoffMs",
  "maxBackoffMs",
  "outboxMessages",
  "outboxBytes",
  "writeBytes",
  "noisePin",
  "protocols",
  "headers",
  "send",
  "close",
];

/** A built firmware. */
export interface BuiltFirmware {
  /** The JavaScript to flash. */
  code: string;
  /** Its size in bytes. */
  bytes: number;
}

/**
 * Bundles the firmware for `config` and checks it for syntax and built-ins
 * Espruino lacks; throws {@linkcode EspruinoDialectError} naming line and construct.
 */
export async function buildFirmware(options: BuildFirmwareOptions = {}): Promise<BuiltFirmware> {
  const bundle = (minify: boolean) =>
    bundleDevice({
      entry: options.entry ?? FIRMWARE_ENTRY,
      minify,
      privateProps: FIRMWARE_PRIVATE_PROPS,
    });
  const minify = options.minify ?? true;
  const code = await bundle(minify);
  const problems = checkEspruinoDialect(code);
  if (problems.length > 0) {
    // A minified bundle is one line: find the source files in a readable build instead.
    const readable = minify ? await bundle(false) : code;
    const located = checkEspruinoDialect(readable);
    throw located.length > 0
      ? new EspruinoDialectError("firmware", located.map((p) => locate(readable, p)))
      : new EspruinoDialectError("dist/firmware.js (minified)", problems);
  }
  return { code, bytes: new TextEncoder().encode(code).length };
}

/**
 * Names the source file of a problem found in a readable bundle (esbuild
 * heads each module with a `// path.ts` comment) and quotes the code.
 */
function locate(bundle: string, problem: DialectProblem): DialectProblem {
  const lines = bundle.split("\n");
  let file = "bundle";
  let first = 0;
  for (let i = problem.line - 1; i >= 0; i--) {
    const marker = /^\s*\/\/ (\S+\.ts)$/.exec(lines[i]);
    if (marker) {
      file = marker[1];
      first = i + 1;
      break;
    }
  }
  const code = (lines[problem.line - 1] ?? "").trim();
  return {
    ...problem,
    construct: `${file} (bundle line ${problem.line}, line ${
      problem.line - first
    } of its module): ${problem.construct}`,
    hint: `${problem.hint}\n      in: ${code.length > 100 ? code.slice(0, 100) + "…" : code}`,
  };
}

/** Settings of {@linkcode buildFirmwareFile}. */
export interface BuildFirmwareFileOptions {
  /** Path of the device configuration. */
  config: string;
  /** Where to write the bundle. */
  out: string;
  /** Minify (default true). */
  minify?: boolean;
  /** Entry module (default {@linkcode FIRMWARE_ENTRY}). */
  entry?: string;
  /** This board's token, in place of the configuration's (see {@linkcode withToken}). */
  token?: string;
  /** Where progress lines go (default standard output). */
  log?: (text: string) => void;
}

/**
 * The configuration `deno task build` uses: `explicit` (`--config`) as it is, even if missing;
 * else {@linkcode DEFAULT_CONFIG}, or {@linkcode EXAMPLE_CONFIG} when that does not exist, said
 * in one line through `log`.
 */
async function resolveConfigPath(
  explicit: string | undefined,
  log: (text: string) => void,
): Promise<string> {
  if (explicit !== undefined) return explicit;
  try {
    await Deno.stat(DEFAULT_CONFIG);
    return DEFAULT_CONFIG;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  log(
    `build: no ${DEFAULT_CONFIG}, using ${EXAMPLE_CONFIG} (the local relay, for the sim; ` +
      `copy it to ${DEFAULT_CONFIG} for a board)\n`,
  );
  return EXAMPLE_CONFIG;
}

/** Where `deno task build` writes the firmware, and what `flash` and `sim` take by default. */
export const DEFAULT_OUT = DEFAULT_FIRMWARE_FILE;

/** Where `deno task build` writes the settings for the bundle at `out`: beside it. */
export function settingsPathFor(out: string): string {
  return join(dirname(out), SETTINGS_FILE);
}

/** A built firmware and the settings written beside it. */
export interface BuiltFirmwareFile extends BuiltFirmware {
  /** The validated configuration (with `token` applied). */
  config: DeviceConfig;
  /** The settings file's text ({@linkcode settingsText}). */
  settings: string;
}

/**
 * Loads and validates the configuration, builds the firmware and writes it, with the settings
 * beside it ({@linkcode settingsPathFor}).
 * Throws {@linkcode DeviceConfigError} or {@linkcode EspruinoDialectError} with what to fix.
 */
export async function buildFirmwareFile(
  options: BuildFirmwareFileOptions,
): Promise<BuiltFirmwareFile> {
  const log = options.log ?? ((text: string) => console.log(text.trimEnd()));
  const loaded = await loadDeviceConfig(options.config);
  const config = options.token === undefined ? loaded : withToken(loaded, options.token);
  const firmware = await buildFirmware({ minify: options.minify, entry: options.entry });
  const settings = settingsText(config);
  await Deno.mkdir(dirname(options.out), { recursive: true });
  await Deno.writeTextFile(options.out, firmware.code);
  await Deno.writeTextFile(settingsPathFor(options.out), settings);
  log(
    `build: ${options.out}: ${firmware.bytes} bytes (${(firmware.bytes / 1024).toFixed(1)} KiB); ` +
      `${settingsPathFor(options.out)}: settings ${settingsHash(settings)}, ` +
      `for ${config.server}${config.clientId ?? "esp32-<serial>"}\n`,
  );
  if (config.server.startsWith("wss:")) {
    log("build: note: Espruino encrypts wss:// but never verifies the relay's certificate\n");
  }
  return { ...firmware, config, settings };
}

async function main(args: string[]): Promise<number> {
  const parsed = cli.parseOrExit(BUILD_COMMAND, {
    program: "build",
    args,
    env: Deno.env.toObject(),
  });
  const { config: configPath, out, entry, noMinify } = parsed.values;
  const token = parsed.values.token || undefined;
  const minify = !noMinify;
  try {
    const config = await resolveConfigPath(configPath, (text) => console.log(text.trimEnd()));
    await buildFirmwareFile({ config, out, minify, entry, token });
    return 0;
  } catch (error) {
    if (error instanceof DeviceConfigError || error instanceof EspruinoDialectError) {
      console.error(`build: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
