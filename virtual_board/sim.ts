/**
 * `deno task sim -- --engine virtual|espruino` (engine/sim.ts hands those
 * to this module): a virtual ESP32 for people without one. It boots the
 * given bundle (default `dist/firmware.js`), prints the board's console,
 * and serves that console on TCP and optionally on a pseudo-terminal, so
 * `deno task flash` can upload to it like to a real board. With
 * `--engine espruino` the board is the real Espruino interpreter built for
 * Linux (`ESPRUINO_BIN`, or the workspace's binaries) instead of the
 * virtual board.
 *
 * ```sh
 * deno task sim -- --engine virtual|espruino [--file dist/firmware.js] [--port 2323] [--pty /tmp/espruino-sim]
 * deno task flash -- --port tcp://127.0.0.1:2323 --file app.js
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import { type ConsoleServer, startConsoleServer } from "./console_server.ts";
import { type EspruinoSim, startEspruinoSim } from "./espruino_sim.ts";
import { ESPRUINO_BOARDS, type EspruinoBoard } from "../tools/espruino_process.ts";
import { createPtyPair, type PtyPair } from "../tools/pty_pair.ts";

/** Default bundle booted by the simulator. */
export const DEFAULT_FIRMWARE = "dist/firmware.js";
/** Default TCP port of the simulated console (the ESP32's telnet console uses 23). */
export const DEFAULT_PORT = 2323;

const HELP = `Run a virtual Espruino ESP32 and serve its console.

Usage: deno task sim -- [options]

Options:
      --engine NAME virtual (default): the virtual board, with Wi-Fi and fault injection;
                    espruino: the real Espruino 2v29 interpreter built for Linux, found
                    through ESPRUINO_BIN (a binary or a folder of espruino-<board> files,
                    built by tools/espruino_linux/build.sh).
      --board NAME  With --engine espruino: esp32c3 (default), esp32 or esp32c3-unicode.
  -f, --file PATH   Bundle to boot (default ${DEFAULT_FIRMWARE}; with the default missing,
                    the board boots empty and waits for an upload).
      --host HOST   Address of the console (default 127.0.0.1).
  -p, --port N      TCP port of the console (default ${DEFAULT_PORT}; 0 picks a free one).
      --pty PATH    Also serve the console on a pseudo-terminal at PATH (needs socat), for
                    deno task flash -- --port PATH.
      --no-wifi     Boot without a Wi-Fi module (like a board on Ethernet).
  -h, --help        Show this help.

Storage (the uploaded program) lives as long as the simulator runs.`;

/** Runs the simulator until SIGINT/SIGTERM; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      // `deno task NAME -- …` passes the `--` through.
      args: args[0] === "--" ? args.slice(1) : args,
      options: {
        file: { type: "string", short: "f" },
        host: { type: "string" },
        port: { type: "string", short: "p" },
        pty: { type: "string" },
        "no-wifi": { type: "boolean" },
        engine: { type: "string", default: "virtual" },
        board: { type: "string", default: "esp32c3" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`error: ${(error as Error).message} (see --help)`);
    return 1;
  }
  const values = parsed.values;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = values.file ?? DEFAULT_FIRMWARE;
  let code = "";
  try {
    code = await Deno.readTextFile(file);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound) || values.file) {
      console.error(`error: cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    console.error(`${file} does not exist yet: the board boots empty (deno task build makes it).`);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: invalid --port ${values.port}`);
    return 1;
  }
  if (values.engine !== "virtual" && values.engine !== "espruino") {
    console.error(`error: invalid --engine ${values.engine} (virtual or espruino)`);
    return 1;
  }
  if (!(ESPRUINO_BOARDS as readonly string[]).includes(values.board!)) {
    console.error(`error: invalid --board ${values.board} (${ESPRUINO_BOARDS.join(", ")})`);
    return 1;
  }
  if (values.engine === "espruino") {
    return await runEspruino({
      code,
      file,
      port,
      host: values.host,
      pty: values.pty,
      board: values.board as EspruinoBoard,
    });
  }

  let pty: PtyPair | undefined;
  let server: ConsoleServer | undefined;
  try {
    if (values.pty) pty = await createPtyPair({ userPath: values.pty });
    server = await startConsoleServer({
      boot: {
        code,
        hasWifi: !values["no-wifi"],
        onConsole: (line) => {
          // Answers to the flash tool's own queries are not the program's output.
          if (!/^>?< << .* >> >$/.test(line)) console.log(`board| ${line}`);
        },
      },
      hostname: values.host ?? "127.0.0.1",
      port,
      tty: pty?.boardPath,
      onClient: (event, where) => console.error(`console ${event}: ${where}`),
    });
  } catch (error) {
    await pty?.close();
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  console.error(`Virtual ESP32 running ${code ? file : "nothing yet"}.`);
  console.error(`Console: ${server.url}  (deno task flash -- --port ${server.url})`);
  if (pty) console.error(`Console: ${pty.userPath}  (deno task flash -- --port ${pty.userPath})`);
  console.error("Press Ctrl-C to stop.");

  await untilSignal();
  await server.close();
  await pty?.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      Deno.removeSignalListener("SIGINT", stop);
      Deno.removeSignalListener("SIGTERM", stop);
      resolve();
    };
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
  });
}

async function runEspruino(options: {
  code: string;
  file: string;
  port: number;
  host?: string;
  pty?: string;
  board: EspruinoBoard;
}): Promise<number> {
  let pty: PtyPair | undefined;
  let sim: EspruinoSim;
  try {
    if (options.pty) pty = await createPtyPair({ userPath: options.pty });
    sim = await startEspruinoSim({
      board: options.board,
      code: options.code,
      hostname: options.host ?? "127.0.0.1",
      port: options.port,
      tty: pty?.boardPath,
      onOutput: (text) => Deno.stdout.writeSync(new TextEncoder().encode(text)),
      onClient: (event, where) => console.error(`console ${event}: ${where}`),
    });
  } catch (error) {
    await pty?.close();
    console.error(`error: ${(error as Error).message}`);
    return 1;
  }
  console.error(
    `Espruino interpreter ${sim.binary} running ${options.code ? options.file : "nothing yet"}.`,
  );
  console.error(`Console: ${sim.url}  (deno task flash -- --port ${sim.url})`);
  if (pty) console.error(`Console: ${pty.userPath}  (deno task flash -- --port ${pty.userPath})`);
  console.error("Press Ctrl-C to stop.");
  await untilSignal();
  await sim.close();
  await pty?.close();
  return 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
