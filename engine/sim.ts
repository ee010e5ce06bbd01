/**
 * `deno task sim`: an ESP32 for people without one, on the real Espruino 2v29 interpreter compiled
 * to WebAssembly (engine/). It leaves the board's Storage as `deno task flash` does (the given
 * bundle, default `dist/firmware.js`, in slot `fw.a`, the boot stub as `.bootcde`: docs/ota.md)
 * and power-cycles the board, so it boots as a flashed board does and takes updates from
 * `deno task ota`; prints the board's console; and serves that console on TCP and optionally on a
 * pseudo-terminal, so `deno task flash` uploads to it as to a board.
 *
 * ```sh
 * deno task sim -- [--board esp32c3] [--file dist/firmware.js] [--port 2323] [--storage FILE]
 * deno task flash -- --port tcp://127.0.0.1:2323 --file app.js
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { saveStorageFile } from "./upload.ts";
import { dirname, join } from "node:path";
import { SETTINGS_FILE } from "../device/firmware/config.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { flashedLayout } from "../tools/boot_stub.ts";
import { EspruinoBoard } from "./board.ts";
import type { ClockMode } from "./clock.ts";
import { type ConsoleServer, serveConsole } from "./console_server.ts";
import { type BoardName, BOARDS } from "./wasm_module.ts";
import { createPtyPair, type PtyPair } from "../tools/pty_pair.ts";

/** Default bundle booted by the simulator. */
export const DEFAULT_FIRMWARE = "dist/firmware.js";
/** Default TCP port of the console (the ESP32's telnet console uses 23). */
export const DEFAULT_PORT = 2323;

const HELP =
  `Run an ESP32 on the real Espruino 2v29 interpreter (WebAssembly) and serve its console.

Usage: deno task sim -- [options]

Options:
      --board NAME    esp32c3 (default), esp32 or esp32c3-unicode.
  -f, --file PATH     Bundle stored as deno task flash stores it (slot fw.a, run by the boot
                      stub, so deno task ota can update it), with settings.json beside it as the
                      board's settings when there is one, and booted (default ${DEFAULT_FIRMWARE};
                      with the default missing, the board boots what its Storage holds).
      --host HOST     Address of the console (default 127.0.0.1).
  -p, --port N        TCP port of the console (default ${DEFAULT_PORT}; 0 picks a free one).
      --pty PATH      Also serve the console on a pseudo-terminal at PATH (needs socat), for
                      deno task flash -- --port PATH.
      --storage FILE  Keep Storage in FILE across runs. When FILE exists and --file is not
                      given, the board boots what FILE holds (the last upload or update, or
                      what an update was rolled back to).
      --pin-log FILE  Append every pin change to FILE as "<ms since power-on> <pin> <0|1>".
      --clock MODE    wall (default): real time; virtual: idle time is skipped.
      --no-wifi       Boot without a Wi-Fi module (like a board on Ethernet).
  -h, --help          Show this help.`;

/**
 * Leaves Storage as `deno task flash` does (docs/ota.md): after `reset()`, the settings, the code
 * in the first slot, the other slot and the update records erased, then the boot stub; then
 * power-cycles the board to boot it, calling `beforeBoot` first.
 */
async function flashAndBoot(
  board: EspruinoBoard,
  code: Uint8Array,
  file: string,
  beforeBoot: () => void,
): Promise<void> {
  try {
    // The settings `deno task build` wrote beside the bundle, when there are.
    const settings = await Deno.readTextFile(join(dirname(file), SETTINGS_FILE)).catch(() =>
      undefined
    );
    const layout = await flashedLayout();
    await resetBoard(board);
    if (settings !== undefined) await saveStorageFile(board, SETTINGS_FILE, settings);
    await eraseFiles(board, layout.erase);
    const files = [{ name: SLOTS[0], text: new TextDecoder().decode(code) }, ...layout.after];
    for (const { name, text } of files) await saveStorageFile(board, name, text);
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : error}`);
  }
  beforeBoot();
  board.powerCycle();
}

/** Types `reset()`, as the Espruino tools do before an upload, once the board has booted. */
async function resetBoard(board: EspruinoBoard): Promise<void> {
  await board.console.waitFor(/\n>/, { timeoutMs: 10_000 }).catch(() => {});
  const from = board.console.text.length;
  board.console.write("\x10reset();\n");
  await board.console.waitFor(/\n>/, { from, timeoutMs: 10_000 });
}

/** Erases Storage files (a missing one is no error). */
async function eraseFiles(board: EspruinoBoard, names: string[]): Promise<void> {
  const from = board.console.text.length;
  board.console.write(
    `\x10${JSON.stringify(names)}.forEach(function(f){require("Storage").erase(f)});` +
      'print("@erased");\n',
  );
  await board.console.waitFor("@erased", { from, timeoutMs: 10_000 });
}

/** Runs the simulator until SIGINT/SIGTERM; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  // `deno task NAME -- …` passes the `--` through.
  const rest = args[0] === "--" ? args.slice(1) : args;
  let values;
  try {
    values = parseArgs({
      args: rest,
      options: {
        board: { type: "string", default: "esp32c3" },
        file: { type: "string", short: "f" },
        host: { type: "string" },
        port: { type: "string", short: "p" },
        pty: { type: "string" },
        storage: { type: "string" },
        "pin-log": { type: "string" },
        clock: { type: "string", default: "wall" },
        "no-wifi": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    console.error(`error: ${(error as Error).message} (see --help)`);
    return 1;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!(BOARDS as readonly string[]).includes(values.board)) {
    console.error(`error: invalid --board ${values.board} (${BOARDS.join(", ")})`);
    return 1;
  }
  if (values.clock !== "wall" && values.clock !== "virtual") {
    console.error(`error: invalid --clock ${values.clock} (wall or virtual)`);
    return 1;
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: invalid --port ${values.port}`);
    return 1;
  }
  const file = values.file ?? DEFAULT_FIRMWARE;
  const storageKept = values.storage !== undefined && exists(values.storage);
  let code: Uint8Array | undefined;
  if (values.file !== undefined || !storageKept) {
    try {
      code = await Deno.readFile(file);
      if (code.length === 0) code = undefined;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound) || values.file !== undefined) {
        console.error(`error: cannot read ${file}: ${(error as Error).message}`);
        return 1;
      }
      console.error(
        `${file} does not exist yet: the board boots empty (deno task build makes it).`,
      );
    }
  }

  let board: EspruinoBoard | undefined;
  let pty: PtyPair | undefined;
  let server: ConsoleServer | undefined;
  let unlisten = () => {};
  // Listening before the board starts: a Ctrl-C while it boots still shuts down cleanly.
  const stopSignal = listenForStop();
  // The console goes to stdout from the boot of the stored program on (all of it without one).
  let printing = code === undefined;
  const print = (bytes: Uint8Array) => {
    if (!printing) return;
    try {
      Deno.stdout.writeSync(bytes);
    } catch {
      // stdout is gone: the board keeps running for its console clients.
    }
  };
  try {
    board = await EspruinoBoard.start({
      board: values.board as BoardName,
      clock: values.clock as ClockMode,
      storageFile: values.storage,
      pinLogFile: values["pin-log"],
      wifi: !values["no-wifi"],
    });
    unlisten = board.console.listen(print);
    print(Uint8Array.from(board.console.text, (ch) => ch.charCodeAt(0)));
    if (code) await flashAndBoot(board, code, file, () => printing = true);
    if (values.pty) pty = await createPtyPair({ userPath: values.pty });
    server = await serveConsole(board, {
      hostname: values.host ?? "127.0.0.1",
      port,
      tty: pty?.boardPath,
      onClient: (event, where) => console.error(`console ${event}: ${where}`),
    });
  } catch (error) {
    stopSignal.cancel();
    unlisten();
    await server?.close();
    await pty?.close();
    await board?.stop();
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  const running = code ? file : values.storage ? `what ${values.storage} holds` : "nothing yet";
  console.error(`Espruino 2v29 (WebAssembly, ${board.board}) running ${running}.`);
  console.error(`Console: ${server.url}  (deno task flash -- --port ${server.url})`);
  if (pty) console.error(`Console: ${pty.userPath}  (deno task flash -- --port ${pty.userPath})`);
  console.error("Press Ctrl-C to stop.");

  await stopSignal.stopped;
  unlisten();
  await server.close();
  await board.stop();
  await pty?.close();
  return 0;
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Resolves `stopped` on SIGINT or SIGTERM; `cancel` stops listening. */
function listenForStop(): { stopped: Promise<void>; cancel(): void } {
  let resolve = () => {};
  const stopped = new Promise<void>((r) => resolve = r);
  const cancel = () => {
    Deno.removeSignalListener("SIGINT", stop);
    Deno.removeSignalListener("SIGTERM", stop);
  };
  const stop = () => {
    cancel();
    resolve();
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  return { stopped, cancel };
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
