/**
 * `deno task flash`: uploads a JavaScript file to an Espruino board with
 * EspruinoTools, saves it to the board's Storage (slot `fw.a`, run by the
 * boot stub it saves as `.bootcde`: docs/ota.md) so it runs after every
 * reboot, with the board's settings beside it (`settings.json`, from the
 * device configuration), then shows the board's first console lines.
 *
 * ```sh
 * deno task flash -- --port /dev/ttyUSB0 [--baud 115200] [--file dist/firmware.js]
 * deno task flash -- --port /dev/ttyUSB0 --settings-only
 * deno task flash -- --port tcp://192.168.1.50:23
 * ESPRUINO_PORT=/dev/ttyUSB0 deno task flash
 * ```
 *
 * @module
 */

import { createHash } from "node:crypto";
import * as cli from "../relay/cli_args.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { flashedLayout } from "./boot_stub.ts";
import { progressBar } from "./progress_bar.ts";
import { buildFirmwareFile } from "./build.ts";
import { DEVICE_TOKEN_ENV } from "./build_command.ts";
import {
  BOARD_FILE_PATH,
  DEFAULT_WATCH_SECONDS,
  FLASH_COMMAND,
  PORT_ENV,
} from "./flash_command.ts";
import { DEFAULT_FIRMWARE_FILE } from "./firmware_paths.ts";
import {
  DeviceConfigError,
  loadDeviceConfig,
  SETTINGS_FILE,
  settingsHash,
  settingsText,
  withToken,
} from "./device_config.ts";
import { EspruinoDialectError } from "./espruino_dialect.ts";
import { closeConnection, uploadCode } from "./flash_espruino.ts";
import {
  DEFAULT_NETWORK_PORT,
  findSerialPorts,
  FlashError,
  isLoopbackHost,
  isNetworkPort,
  openTransport,
  portsHint,
  type Transport,
} from "./flash_transport.ts";

export { DEFAULT_BAUD, FlashError, type FlashErrorCode } from "./flash_transport.ts";
export { DEFAULT_WATCH_SECONDS } from "./flash_command.ts";
export { progressBar } from "./progress_bar.ts";

/** Default file uploaded when `--file` is not given (`deno task build` writes it). */
export const DEFAULT_FILE = DEFAULT_FIRMWARE_FILE;
/** Offline board description handed to EspruinoTools. */
export const DEFAULT_BOARD_FILE = new URL(`../${BOARD_FILE_PATH}`, import.meta.url);

/** Options for {@link flash}. */
export interface FlashOptions {
  /** `/dev/ttyUSB0`-like path or `tcp://HOST[:PORT]`. */
  port: string;
  /** Path of the JavaScript file to upload; without it only `settings` are written. */
  file?: string;
  /** The settings file's text, written to Storage before the code; the board restarts with it. */
  settings?: string;
  /** Serial speed. Default {@linkcode DEFAULT_BAUD}. */
  baud?: number;
  /**
   * Save to Storage so the code runs after every reboot: the code in slot `fw.a`, the boot stub
   * as `.bootcde`, the other slot and the update records erased. Default true.
   */
  save?: boolean;
  /** Seconds of console shown after the upload. Default {@linkcode DEFAULT_WATCH_SECONDS}. */
  watchSeconds?: number;
  /** Where progress and messages go. Default: standard error. */
  log?: (text: string) => void;
  /** Where the board's console lines go. Default: standard output. */
  boardLine?: (line: string) => void;
  /** Show the tool's internal log. */
  verbose?: boolean;
  /** Draw the progress bar in place (needs a terminal). Default: stderr is a terminal. */
  liveProgress?: boolean;
}

/** Turns a stream of console bytes into clean lines (no prompt, no cursor codes). */
class ConsoleLines {
  #line = "";
  #hadCR = false;
  readonly #emit: (line: string) => void;

  /** Calls `emit` with each complete line. */
  constructor(emit: (line: string) => void) {
    this.#emit = emit;
  }

  /** Feeds console text (one char per byte). */
  push(text: string): void {
    // Cursor movement and erase codes from the REPL's line editing.
    // deno-lint-ignore no-control-regex -- ESC is exactly what is matched
    const clean = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
    for (const ch of clean) {
      if (ch === "\n") {
        this.#hadCR = false;
        const line = this.#line;
        this.#line = "";
        if (/^>?< << .* >> >$/.test(line)) continue; // the tool's own queries
        this.#emit(line);
        continue;
      }
      if (this.#hadCR) {
        // A bare CR returns to the line start: what follows overwrites it.
        this.#line = "";
        this.#hadCR = false;
      }
      if (ch === "\r") this.#hadCR = true;
      else if (ch === "\x08") this.#line = this.#line.slice(0, -1);
      else if (ch >= " " || ch === "\t") this.#line += ch;
    }
  }

  /** The text after the last newline (often the `>` prompt). */
  get partial(): string {
    return this.#line;
  }
}

function readBoardDescription(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Deno.readTextFileSync(DEFAULT_BOARD_FILE));
  } catch {
    return undefined;
  }
}

/**
 * Uploads `options.file` to the board on `options.port`, then shows its
 * console for `watchSeconds`. Throws {@link FlashError} on known failures.
 */
export async function flash(options: FlashOptions): Promise<void> {
  const log = options.log ?? ((text) => Deno.stderr.writeSync(new TextEncoder().encode(text)));
  const boardLine = options.boardLine ??
    ((line) => Deno.stdout.writeSync(new TextEncoder().encode(line + "\n")));
  const live = options.liveProgress ?? Deno.stderr.isTerminal();
  const watchSeconds = options.watchSeconds ?? DEFAULT_WATCH_SECONDS;

  if (options.file === undefined && options.settings === undefined) {
    throw new FlashError("USAGE", "Nothing to upload.", "Give a file, settings or both.");
  }
  let code: string | undefined;
  try {
    if (options.file !== undefined) code = await Deno.readTextFile(options.file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new FlashError(
        "FILE_MISSING",
        `${options.file} does not exist.`,
        options.file === DEFAULT_FILE
          ? "Build the firmware first with `deno task build`, or pass --file PATH."
          : "Check the path given to --file.",
      );
    }
    throw error;
  }

  const transport: Transport = await openTransport({ port: options.port, baud: options.baud });
  log(`Connected to ${transport.description}\n`);
  let showing = false;
  let uploading = false;
  let bar = "";
  const lines = new ConsoleLines((line) => {
    if (!showing || line === ">") return;
    // The empty line of the tool's own `print()` before the code is noise.
    if (uploading && line === "") return;
    if (uploading && live) log("\r\x1b[K");
    boardLine(line);
    if (uploading && live) log(`\r${bar}`);
  });
  let lastStep = -1;
  const save = options.save ?? true;
  const files = options.settings === undefined
    ? []
    : [{ name: SETTINGS_FILE, text: options.settings }];
  // Saved, the code goes to the first slot and the boot stub runs it (docs/ota.md).
  const slotted = save && code !== undefined;
  const layout = slotted ? await flashedLayout() : { stub: "", erase: [], after: [] };
  try {
    const result = await uploadCode({
      transport,
      code,
      storageFile: slotted ? SLOTS[0] : undefined,
      files,
      // The stub last: until the code is whole, the board boots what it booted before.
      filesAfter: layout.after,
      erase: layout.erase,
      save,
      baud: options.baud,
      board: readBoardDescription(),
      onBoardOutput: (text) => lines.push(text),
      onWarning: (message) => log(`warning: ${message}\n`),
      onDebug: options.verbose ? (line) => log(`[espruino] ${line}\n`) : undefined,
      onProgress: (sent, total) => {
        if (!showing) {
          showing = true;
          uploading = true;
          log(`Uploading ${options.file}${options.save === false ? " to RAM" : ""}\n`);
        }
        const next = progressBar(sent, total);
        if (live) {
          // Redraw only when the bar changes: one write per chunk would flood the terminal.
          if (next !== bar) log(`\r${next}`);
        } else {
          // Without a terminal, one line per quarter keeps logs readable.
          const step = Math.floor((total ? sent / total : 0) * 4);
          if (step !== lastStep) {
            lastStep = step;
            log(`${next}\n`);
          }
        }
        bar = next;
      },
    });
    uploading = false;
    // Ctrl-C is heard from the first line shown: it ends the watch, never the upload's report.
    const watched = watchSeconds > 0 ? watchEnds(watchSeconds, transport.closed) : undefined;
    // Without code there was no progress: the restarted board's lines are shown from here on.
    showing = true;
    if (live && code !== undefined) log("\n");
    const board = [result.env.BOARD, result.env.VERSION].filter(Boolean).join(" ");
    if (options.settings !== undefined) {
      log(
        `Saved ${new TextEncoder().encode(options.settings).length} bytes to Storage ` +
          `${SETTINGS_FILE} on ${board} (settings ${settingsHash(options.settings)}).\n`,
      );
    }
    if (code === undefined) {
      log("The code was not sent; the board restarted what its Storage holds.\n");
    } else if (slotted) {
      const sha256 = createHash("sha256").update(new TextEncoder().encode(code)).digest("hex");
      log(
        `Saved ${result.storedBytes} bytes to Storage ${SLOTS[0]} on ${board} ` +
          `(firmware ${sha256}).\n` +
          `Saved ${
            new TextEncoder().encode(layout.stub).length
          } bytes to Storage .bootcde on ${board}: ` +
          `the boot stub, which runs ${SLOTS[0]} now and after every reboot (docs/ota.md).\n`,
      );
    } else {
      log(`Sent ${result.bytesSent} bytes to ${board} (RAM only: lost at the next reboot).\n`);
    }
    if (watched) {
      log(`Board console for ${watchSeconds} s (Ctrl-C ends it):\n`);
      await watched;
    }
    if (lines.partial && !/^>?$/.test(lines.partial)) boardLine(lines.partial);
  } finally {
    closeConnection();
    transport.close();
  }
}

/**
 * Resolves after `seconds`, when the board's console closes, or on Ctrl-C (SIGINT), whichever
 * comes first: a user who has seen enough ends the watch, and the upload still counts as done.
 * The timer and the signal listener are gone once it resolves.
 */
function watchEnds(seconds: number, closed: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      Deno.removeSignalListener("SIGINT", end);
      resolve();
    };
    const timer = setTimeout(end, seconds * 1000);
    Deno.addSignalListener("SIGINT", end);
    closed.then(end, end);
  });
}

/**
 * Refuses to build for a physical board (a serial port) a firmware whose server is a loopback
 * address: the board would connect to itself. `tcp://` consoles (the sim) may use one.
 */
function checkServerReachable(port: string, server: string, configPath: string): void {
  if (isNetworkPort(port)) return;
  let hostname: string;
  try {
    hostname = new URL(server).hostname;
  } catch {
    return; // the configuration's own check reports it
  }
  if (!isLoopbackHost(hostname)) return;
  let addresses: string[] = [];
  try {
    addresses = Deno.networkInterfaces()
      .filter((i) => i.family === "IPv4" && !i.address.startsWith("127."))
      .map((i) => i.address);
  } catch {
    // not allowed or not available: the hint goes without them
  }
  throw new FlashError(
    "LOOPBACK_SERVER",
    `The server in ${configPath}, ${server}, is a loopback address: a board on ${port} ` +
      `would connect to itself, not to the relay on this computer.`,
    `Set "server" in ${configPath} to the relay's LAN address, such as ` +
      `ws://${addresses[0] ?? "192.168.1.100"}:8000/` +
      (addresses.length > 0 ? ` (this computer's: ${addresses.join(", ")})` : "") +
      ", and the board's wifi.\nNothing was built or uploaded. For the sim's pseudo-terminal " +
      "(deno task sim -- --pty), pass --allow-loopback.",
  );
}

/** Resolves the port from the flag, `ESPRUINO_PORT`, or the only serial device present. */
export function resolvePort(flag: string | undefined, dir = "/dev"): string {
  if (flag) return flag;
  const fromEnv = Deno.env.get(PORT_ENV);
  if (fromEnv) return fromEnv;
  const ports = findSerialPorts({ dir });
  if (ports.length === 1) return ports[0];
  if (ports.length === 0) {
    throw new FlashError(
      "NO_PORT",
      "No port given, and no serial port found.",
      `Pass --port /dev/ttyUSB0 (or tcp://HOST:${DEFAULT_NETWORK_PORT}), or set ${PORT_ENV}.\n` +
        portsHint(dir),
    );
  }
  throw new FlashError(
    "NO_PORT",
    `No port given, and several serial ports found: ${ports.join(", ")}.`,
    `Pass the board's one with --port, or set ${PORT_ENV}.`,
  );
}

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const log = (text: string) => Deno.stderr.writeSync(new TextEncoder().encode(text));
  try {
    let parsed;
    try {
      parsed = cli.parseArgs(FLASH_COMMAND, { args });
    } catch (error) {
      if (!(error instanceof cli.UsageError)) throw error;
      throw new FlashError("USAGE", error.message, "Run with --help for the options.");
    }
    if (parsed.help) {
      console.log(cli.helpText(FLASH_COMMAND));
      return 0;
    }
    const { values, given } = parsed;
    const port = resolvePort(values.port);
    let file = values.file;
    let settings: string | undefined;
    const token = values.token ?? (Deno.env.get(DEVICE_TOKEN_ENV) || undefined);
    if (values.settingsOnly) {
      if (file !== undefined || given.has("out") || values.noSave) {
        throw new FlashError(
          "USAGE",
          "--settings-only writes only the settings: --file, --out and --no-save are for code",
          "Drop them, or drop --settings-only.",
        );
      }
      const config = values.config;
      try {
        const loaded = await loadDeviceConfig(config);
        if (!values.allowLoopback) checkServerReachable(port, loaded.server, config);
        settings = settingsText(token === undefined ? loaded : withToken(loaded, token));
      } catch (error) {
        if (error instanceof DeviceConfigError) {
          throw new FlashError(
            "BUILD",
            error.message,
            "Fix the above and run again; nothing was sent.",
          );
        }
        throw error;
      }
    } else if (file === undefined) {
      // Without --file, flash what `deno task build` makes from the configuration.
      file = values.out;
      const config = values.config;
      try {
        if (!values.allowLoopback) {
          checkServerReachable(port, (await loadDeviceConfig(config)).server, config);
        }
        settings = (await buildFirmwareFile({ config, out: file, log, token })).settings;
      } catch (error) {
        if (error instanceof DeviceConfigError || error instanceof EspruinoDialectError) {
          throw new FlashError(
            "BUILD",
            error.message,
            "Fix the above and run again; nothing was uploaded.",
          );
        }
        throw error;
      }
    } else if (
      given.has("config") || given.has("out") || given.has("token") || values.allowLoopback
    ) {
      throw new FlashError(
        "USAGE",
        "--config, --out, --token and --allow-loopback build a firmware; --file uploads a file as it is",
        "Give either --file, or --config (and --out).",
      );
    }
    await flash({
      port,
      file,
      baud: values.baud,
      settings,
      save: !values.noSave,
      watchSeconds: values.watch,
      verbose: values.verbose,
    });
    return 0;
  } catch (error) {
    if (error instanceof FlashError) {
      log(`\nerror: ${error.message}\n`);
      if (error.hint) log(`${error.hint.replace(/^/gm, "  ")}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
