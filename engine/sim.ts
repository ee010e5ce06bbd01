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

import { eraseFiles, resetBoard, saveStorageFile } from "./upload.ts";
import { dirname, join } from "node:path";
import { SETTINGS_FILE } from "../device/firmware/config.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { flashedLayout } from "../tools/boot_stub.ts";
import { EspruinoBoard } from "./board.ts";
import { type ConsoleServer, serveConsole } from "./console_server.ts";
import { createPtyPair, type PtyPair } from "../tools/pty_pair.ts";
import * as cli from "../relay/cli_args.ts";
import { DEFAULT_FIRMWARE_FILE } from "../tools/firmware_paths.ts";
import { SIM_COMMAND } from "./sim_command.ts";

export { DEFAULT_PORT } from "./sim_command.ts";

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

/** Runs the simulator until SIGINT/SIGTERM; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = cli.parseArgs(SIM_COMMAND, { args });
  } catch (error) {
    if (!(error instanceof cli.UsageError)) throw error;
    console.error(`error: ${error.message}`);
    return 1;
  }
  if (parsed.help) {
    console.log(cli.helpText(SIM_COMMAND));
    return 0;
  }
  const values = parsed.values;
  const port = values.port;
  const file = values.file ?? DEFAULT_FIRMWARE_FILE;
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
      board: values.board,
      clock: values.clock,
      storageFile: values.storage,
      pinLogFile: values.pinLog,
      wifi: !values.noWifi,
    });
    unlisten = board.console.listen(print);
    print(Uint8Array.from(board.console.text, (ch) => ch.charCodeAt(0)));
    if (code) await flashAndBoot(board, code, file, () => printing = true);
    if (values.pty) pty = await createPtyPair({ userPath: values.pty });
    server = await serveConsole(board, {
      hostname: values.host,
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
