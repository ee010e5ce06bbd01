/**
 * `deno task sim -- --engine espruino`: the real Espruino interpreter (built for Linux from
 * Espruino's C source, see `tools/espruino_process.ts`) with the firmware in its Storage and
 * its console served on TCP and optionally a pseudo-terminal, like the virtual board's sim.
 *
 * @module
 */

import { type EspruinoBoard, EspruinoProcess, findEspruino } from "../tools/espruino_process.ts";
import { ConsoleLinks } from "./console_server.ts";

/** Options of {@linkcode startEspruinoSim}. */
export interface EspruinoSimOptions {
  /** Which build (default `esp32c3`). */
  board?: EspruinoBoard;
  /** The program to store as `.bootcde` and boot (empty: the board waits for an upload). */
  code: string;
  /** TCP address of the console (default 127.0.0.1). */
  hostname?: string;
  /** TCP port of the console (0 picks a free one). */
  port: number;
  /** A terminal device to serve too (the board's end of a socat pair). */
  tty?: string;
  /** Receives everything the interpreter prints. */
  onOutput?: (text: string) => void;
  /** Called when a console client connects or goes away. */
  onClient?: (event: "connect" | "disconnect", where: string) => void;
  /** Environment (default `Deno.env`), for `ESPRUINO_BIN`. */
  env?: Record<string, string | undefined>;
}

/** A running interpreter with its console served. */
export interface EspruinoSim extends AsyncDisposable {
  /** The interpreter binary. */
  readonly binary: string;
  /** `tcp://HOST:PORT` of the console. */
  readonly url: string;
  /** Its working folder (Storage is `espruino.flash` there). */
  readonly cwd: string;
  /** Closes the console, kills the interpreter and removes its folder. */
  close(): Promise<void>;
}

/** Bytes of program per Storage write typed at the console (small enough for an ESP32-C3). */
const UPLOAD_CHUNK = 1024;

/** The console lines that store `code` as `.bootcde` and boot it, without echo (`\x10`). */
export function bootUploadLines(code: string): string[] {
  const bytes = new TextEncoder().encode(code);
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK) {
    const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK);
    const base64 = btoa(String.fromCharCode(...chunk));
    lines.push(
      `\x10require("Storage").write(".bootcde",atob("${base64}"),${offset},${bytes.length});\n`,
    );
  }
  if (lines.length > 0) lines.push(`\x10load();\n`);
  return lines;
}

/**
 * Starts the real interpreter, stores `code` as `.bootcde` and boots it, then serves its
 * console. Throws, naming `ESPRUINO_BIN`, when no interpreter is found.
 */
export async function startEspruinoSim(options: EspruinoSimOptions): Promise<EspruinoSim> {
  const board = options.board ?? "esp32c3";
  const binary = findEspruino(board, options.env ?? Deno.env.toObject());
  if (!binary) {
    throw new Error(
      `no Espruino interpreter for ${board} was found: set ESPRUINO_BIN to an espruino-${board} ` +
        `binary (or a folder of espruino-<board> binaries) built from Espruino's source, ` +
        `or run the virtual board (--engine virtual)`,
    );
  }
  const espruino = EspruinoProcess.start({ binary });
  let links: ConsoleLinks;
  try {
    links = await ConsoleLinks.open({
      // EspruinoProcess speaks text: bytes above 0x7F travel UTF-8 encoded (the flash tool
      // and the REPL send ASCII).
      onInput: (text) => espruino.write(text).catch(() => {}),
      hostname: options.hostname ?? "127.0.0.1",
      port: options.port,
      tty: options.tty,
      onClient: options.onClient,
    });
  } catch (error) {
    await espruino[Symbol.asyncDispose]();
    throw error;
  }
  // The interpreter's output goes to every console client and to onOutput.
  let sent = 0;
  let stopped = false;
  const forward = () => {
    const text = espruino.output.slice(sent);
    sent += text.length;
    if (text === "") return;
    links.write(text);
    options.onOutput?.(text);
  };
  const pump = (async () => {
    while (!stopped) {
      forward();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    forward();
  })();
  try {
    await espruino.waitForOutput(/espruino\.com/, { timeoutMs: 10_000 });
    for (const line of bootUploadLines(options.code)) await espruino.write(line);
  } catch (error) {
    stopped = true;
    await pump;
    await links.close();
    await espruino[Symbol.asyncDispose]();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    closing ??= (async () => {
      stopped = true;
      await pump;
      await links.close();
      await espruino[Symbol.asyncDispose]();
    })();
  return {
    binary,
    url: links.url!,
    cwd: espruino.cwd,
    close,
    [Symbol.asyncDispose]: close,
  };
}
