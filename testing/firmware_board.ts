/**
 * The SOS firmware on the WebAssembly engine (the real Espruino 2v29 interpreter, engine/), for
 * tests and the firmware benchmark: a board on the virtual clock that gets the exact bundle
 * `deno task build` makes, by `deno task flash` over its console on TCP or a pseudo-terminal (as a
 * board on a USB cable), or saved to Storage directly; then powered off and on, so that it boots
 * from Storage as a flashed board does. The LED is read from the board's pin log, on the board's
 * own clock.
 *
 * @module
 */

import { parseDeviceConfig, SETTINGS_FILE, settingsText } from "../tools/device_config.ts";
import type { DeviceConfig, SosPattern } from "../device/firmware/config.ts";
import { createPtyPair } from "../tools/pty_pair.ts";
import { sosSpans, type Transition } from "../tools/sos_timing.ts";
import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
import { saveBootCode, saveStorageFile } from "../engine/upload.ts";
import type { BoardName } from "../engine/wasm_module.ts";
import type { AccessPoint } from "../engine/wifi.ts";
import { buildFirmwareBundle } from "./device_build.ts";
import type { TestClient } from "./test_client.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** The LED's pin on the engine's ESP32 boards (LED1). */
export const LED_PIN = "D2";

/** A quick pattern, so that tests see many cycles: one cycle is 1080 ms. */
export const FAST: SosPattern = { dotOnMs: 60, dashOnMs: 120, offMs: 30, pauseMs: 120 };

/** What the firmware prints once it runs: `[sos] <id> blinking; relay <url>`. */
export const BLINKING = / blinking; relay /;

/** Writes a device configuration to `dir/device.json` and returns it, validated. */
export async function writeConfig(
  dir: string,
  fields: Record<string, unknown>,
): Promise<{ path: string; config: DeviceConfig }> {
  const text = JSON.stringify(fields);
  const path = `${dir}/device.json`;
  await Deno.writeTextFile(path, text);
  return { path, config: parseDeviceConfig(text) };
}

/** What `deno task flash` did. */
export interface FlashRun {
  /** Exit code. */
  code: number;
  /** Its standard output and error. */
  output: string;
}

/** Runs `deno task flash -- ARGS` in the repository and collects what it prints. */
export async function runFlash(args: string[]): Promise<FlashRun> {
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["task", "flash", "--", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: result.code,
    output: decoder.decode(result.stdout) + decoder.decode(result.stderr),
  };
}

/** Builds the firmware from the configuration at `configPath` into `out` and uploads it to `port`. */
export function flashConfig(
  configPath: string,
  out: string,
  port: string,
  extra: string[] = [],
): Promise<FlashRun> {
  return runFlash(["--config", configPath, "--out", out, "--port", port, ...extra]);
}

/** How the firmware gets onto the board. */
export type Upload =
  /** `deno task flash` over the console on `tcp://127.0.0.1:PORT`. */
  | "tcp"
  /** `deno task flash` over a pseudo-terminal (socat), as over a board's USB serial port. */
  | "pty"
  /** Saved to Storage on the console directly (engine/upload.ts): the quickest. */
  | "storage";

/** Settings of {@linkcode startFirmwareBoard}. */
export interface FirmwareBoardOptions {
  /** The device configuration (`device.json`'s fields). */
  fields: Record<string, unknown>;
  /** How the firmware gets onto the board (default `storage`). */
  upload?: Upload;
  /** Which build (default `esp32c3`). */
  board?: BoardName;
  /** Environment of the interpreter, e.g. `{ ESPRUINO_TLS_SNI: "0" }`. */
  env?: Record<string, string>;
  /** Networks the board can join (default: any). */
  networks?: AccessPoint[];
  /** Saved as `.boot0` after the upload: Espruino runs it before the firmware at every boot. */
  boot0?: string;
}

/** A board running the firmware, booted from its Storage. */
export interface FirmwareBoard extends AsyncDisposable {
  /** The board. */
  board: EspruinoBoard;
  /** The bundle it runs. */
  code: string;
  /** The validated configuration. */
  config: DeviceConfig;
  /** Board time (ms) of the power-on that booted the firmware from Storage. */
  bootedAtMs: number;
  /** Where that boot's output starts in the console's text. */
  bootConsoleAt: number;
  /** What `deno task flash` printed (uploads over TCP or a pty). */
  flashOutput: string;
  /** The LED's edges since that power-on, as tools/sos_timing.ts takes them. */
  led(): Transition[];
  /** Runs the board until `ms` of board time have passed since that power-on. */
  runUntil(ms: number): Promise<void>;
  /** Stops the board and removes its files. */
  stop(): Promise<void>;
}

/**
 * Starts a board on the virtual clock, puts the firmware built from `fields` on it (see
 * {@linkcode Upload}), waits until the uploaded firmware runs, then power-cycles the board and
 * waits until it runs again, booted from Storage. Throws with flash's output if the upload fails.
 */
export async function startFirmwareBoard(options: FirmwareBoardOptions): Promise<FirmwareBoard> {
  const dir = await Deno.makeTempDir({ prefix: "firmware-board-" });
  const board = await EspruinoBoard.start({
    board: options.board,
    clock: "virtual",
    networks: options.networks,
    env: options.env,
  });
  const stop = async () => {
    await board.stop();
    await Deno.remove(dir, { recursive: true });
  };
  try {
    await board.console.waitFor(/\n>/);
    const { path, config } = await writeConfig(dir, options.fields);
    const out = `${dir}/firmware.js`;
    const upload = options.upload ?? "storage";
    let flashOutput = "";
    const uploadedFrom = board.console.text.length;
    if (upload === "storage") {
      const code = await buildFirmwareBundle();
      await Deno.writeTextFile(out, code);
      await saveBootCode(board, code);
      await saveStorageFile(board, SETTINGS_FILE, settingsText(config));
    } else {
      await using pty = upload === "pty"
        ? await createPtyPair({ userPath: `${dir}/tty` })
        : undefined;
      await using server = await serveConsole(board, { tcp: !pty, tty: pty?.boardPath });
      // The board runs on this computer: the loopback relay is reachable even over a pty.
      const run = await flashConfig(path, out, pty?.userPath ?? server.url!, [
        "--watch",
        "0",
        "--allow-loopback",
      ]);
      flashOutput = run.output;
      if (run.code !== 0 || !/Saved \d+ bytes to Storage \.bootcde/.test(run.output)) {
        throw new Error(`deno task flash failed:\n${run.output}`);
      }
      // Flashed code runs at once.
      await board.console.waitFor(BLINKING, { from: uploadedFrom, timeoutMs: 30_000 });
    }
    const code = await Deno.readTextFile(out);
    if (options.boot0 !== undefined) {
      const from = board.console.text.length;
      board.console.write(
        `\x10require("Storage").write(".boot0",${JSON.stringify(options.boot0)});` +
          'print("@boot0 saved");\n',
      );
      await board.console.waitFor("@boot0 saved", { from });
    }
    const bootFrom = board.console.text.length;
    // The pin log from here on is the new boot's: the old one's edges stop at the power cycle.
    const bootedAtMs = board.clock.nowUs() / 1000;
    board.powerCycle();
    await board.console.waitFor(BLINKING, { from: bootFrom, timeoutMs: 30_000 });
    return {
      board,
      code,
      config,
      bootedAtMs,
      bootConsoleAt: bootFrom,
      flashOutput,
      led: () => transitions(board, bootedAtMs),
      runUntil: async (ms) => {
        const left = bootedAtMs + ms - board.clock.nowUs() / 1000;
        if (left > 0) await board.runFor(left);
      },
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Pin-log edges of the LED from board time `fromMs` on, as tools/sos_timing.ts takes them. */
export function transitions(board: EspruinoBoard, fromMs = 0): Transition[] {
  return board.pins.of(LED_PIN).filter((edge) => edge.ms >= fromMs).map((edge) => ({
    value: edge.level,
    time: edge.ms,
  }));
}

/** One LED span off its expected length. */
export interface SpanError {
  /** Index of the span from the first "on". */
  index: number;
  /** Whether the LED was lit during it. */
  lit: boolean;
  /** When it started, ms after the first "on". */
  atMs: number;
  /** Measured length minus expected length, ms. */
  errorMs: number;
}

/** The spans of the LED's edges that are off the pattern by more than `overMs`. */
export function spanErrors(edges: Transition[], pattern: SosPattern, overMs: number): SpanError[] {
  const expected = sosSpans(pattern);
  const first = edges.findIndex((e) => e.value === 1);
  const errors: SpanError[] = [];
  for (let i = first; first >= 0 && i + 1 < edges.length; i++) {
    const index = i - first;
    const errorMs = edges[i + 1].time - edges[i].time - expected[index % expected.length];
    if (Math.abs(errorMs) > overMs) {
      errors.push({
        index,
        lit: edges[i].value === 1,
        atMs: edges[i].time - edges[first].time,
        errorMs,
      });
    }
  }
  return errors;
}

/** Sends a command through `watcher` and resolves with its reply (`re` equal to the command). */
export async function command(
  watcher: TestClient,
  message: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<Record<string, unknown>> {
  watcher.socket.send(JSON.stringify(message));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no reply to ${JSON.stringify(message)}`);
    const text = String(await watcher.next(left));
    if (!text.startsWith("{")) continue;
    const reply = JSON.parse(text);
    if (reply.from === message.to && reply.re === message.cmd) return reply;
  }
}

/** JsVars in use after garbage collection, as the firmware's `status` reports them. */
export async function memoryUsage(watcher: TestClient, id: string): Promise<number> {
  const reply = await command(watcher, { to: id, cmd: "status" });
  const status = reply.status as { memory: { usage: number } };
  return status.memory.usage;
}

/** JsVars in use after garbage collection, typed on the board's console (no message handled). */
export async function consoleMemoryUsage(board: EspruinoBoard): Promise<number> {
  const from = board.console.text.length;
  board.console.write('\x10process.memory(); print("@mem " + process.memory().usage);\n');
  const text = await board.console.waitFor(/@mem \d+/, { from });
  return Number(/@mem (\d+)/.exec(text)![1]);
}

/** Types `code` on the board's console (no echo) and waits until the line has run. */
export async function typeLine(board: EspruinoBoard, code: string): Promise<string> {
  const marker = `@ran${Math.floor(Math.random() * 1e9)}`;
  const from = board.console.text.length;
  board.console.write(`\x10${code};print(${JSON.stringify(marker)});\n`);
  const text = await board.console.waitFor(marker, { from });
  return text.slice(0, text.indexOf(marker));
}

/** Runs `check`; on failure shows the end of what the board printed, which says most. */
export async function showingConsole(
  board: EspruinoBoard,
  check: () => Promise<void>,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    console.error(board.console.text.slice(-3000));
    throw error;
  }
}
