/**
 * Drives EspruinoTools (`npm:espruino`) programmatically: its code
 * transformation, its Storage upload (`SAVE_ON_SEND`) and its upload
 * protocol (`reset()`, `\x10` echo-off lines), over a {@link Transport}
 * plugged in as its serial device.
 *
 * Why not the tool's own transports: its serial one needs `npm:serialport`,
 * which cannot read or write under Deno, and refuses paths the OS does not
 * list (pseudo-terminals); its network one swallows connection errors and
 * then waits forever. Offline use: no board JSON, module or compiler
 * download is ever attempted (the tool otherwise hangs about 90 s).
 *
 * EspruinoTools keeps its state in globals, so one process drives one
 * upload at a time.
 *
 * @module
 */

import process from "node:process";
import { crc32 } from "node:zlib";
import espruinoTools from "npm:espruino@0.1.67";
import { DEFAULT_BAUD, FlashError, noAnswerHint, type Transport } from "./flash_transport.ts";

/** Options for {@link uploadCode}. */
export interface UploadCodeOptions {
  /** The open link to the board. */
  transport: Transport;
  /**
   * JavaScript to upload (Espruino dialect); without it only `files` are written and the board
   * restarts what its Storage holds (`load()`), as a reboot would.
   */
  code?: string;
  /** Storage files written (and read back) before the code, e.g. the settings. */
  files?: StorageFile[];
  /** Storage files erased before `files` are written (a missing one is no error). */
  erase?: string[];
  /** Storage files written (and read back) after the code was saved, before it is started. */
  filesAfter?: StorageFile[];
  /** Save to Storage `.bootcde` so it runs after every reboot. Default true. */
  save?: boolean;
  /**
   * The Storage file the code is saved to (default `.bootcde`); after the upload the board
   * restarts what `.bootcde` runs (`load()`).
   */
  storageFile?: string;
  /** Serial speed recorded in the tool's config. Default {@linkcode DEFAULT_BAUD}. */
  baud?: number;
  /** Board description used when the board does not list its modules. */
  board?: BoardDescription;
  /** Called with bytes sent and total during the upload. */
  onProgress?: (sent: number, total: number) => void;
  /** Called with everything the board prints, as text. */
  onBoardOutput?: (text: string) => void;
  /** Called with warnings from the tool (a module it cannot find, …). */
  onWarning?: (message: string) => void;
  /** Called with the tool's internal log lines (for `--verbose`). */
  onDebug?: (line: string) => void;
  /** How many times to ask the board who it is before giving up. Default 2. */
  probeAttempts?: number;
}

/** A Storage file to write. */
export interface StorageFile {
  /** Its name in Storage. */
  name: string;
  /** Its text (written as UTF-8). */
  text: string;
}

/** What the board said about itself, and what was uploaded. */
export interface UploadResult {
  /** `process.env` as the board reported it. */
  env: Record<string, unknown>;
  /** Bytes sent over the link for the upload itself. */
  bytesSent: number;
  /** Size of the code stored in its file (0 with `save: false` or without code). */
  storedBytes: number;
}

/**
 * How long a `Storage.write` may take to answer: a write that has to compact a full Storage first
 * keeps the board busy for seconds, well past the tool's 2 s default.
 */
const STORAGE_WRITE_SECONDS = 20;

/** How long EspruinoTools waits after `reset()` before sending more (its writer's own pause). */
const RESET_PAUSE_MS = 250;

/**
 * Bytes EspruinoTools adds around an expression it evaluates: the newline that fetches a prompt
 * and `\x10print("<","<<",JSON.stringify(…),">>",">")\n`.
 */
const QUERY_OVERHEAD = '\n\x10print("<","<<",JSON.stringify(),">>",">")\n'.length;

/** Bytes per `Storage.write` of a file: 512 characters of base64 on the console line. */
const FILE_CHUNK = 384;

/** The subset of an Espruino board JSON file the tool uses offline. */
export interface BoardDescription {
  /** Board name, like `ESP32`. */
  BOARD?: string;
  /** Hardware facts; `builtin_modules` tells which `require`s need no download. */
  info?: { builtin_modules?: string[]; binary_version?: string; [key: string]: unknown };
  [key: string]: unknown;
}

// deno-lint-ignore no-explicit-any
type Espruino = any;

/** Built-in modules newer than Espruino 2v00, by the version that added them. */
const BUILT_IN_SINCE: Record<string, string> = { timer: "2v29" };

/** The warning for a `require(name)` that is neither built into the board nor bundled. */
export function missingModuleWarning(name: string): string {
  const since = BUILT_IN_SINCE[name];
  return `require("${name}"): not built into the board's firmware and not bundled; it will ` +
    "throw on the board " +
    (since
      ? `(it is built into Espruino ${since} and later: update the board's Espruino).`
      : "(bundle it with esbuild).");
}

let initialised: Espruino | undefined;
let debugSink: (line: string) => void = () => {};

/** Loads EspruinoTools once, keeping its start-up chatter out of the output. */
function initTools(): Espruino {
  if (initialised) return initialised;
  // The tool logs through console.* everywhere; route it to the debug sink.
  const sink = (...args: unknown[]) =>
    debugSink(args.map((a) => typeof a === "string" ? a : Deno.inspect(a)).join(" "));
  console.log = sink;
  console.info = sink;
  console.warn = sink;
  console.error = sink;
  console.debug = sink;
  // Its WebSocket relay sets process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0, a
  // DEP0104 warning on every run.
  (process as { noDeprecation?: boolean }).noDeprecation = true;
  espruinoTools.init(() => {});
  // deno-lint-ignore no-explicit-any
  initialised = (globalThis as any).Espruino;
  return initialised;
}

function toBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

function toText(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * Uploads `code` to the board on `transport` with EspruinoTools, saving it
 * to Storage unless `save` is false, and checks the stored size.
 */
export async function uploadCode(options: UploadCodeOptions): Promise<UploadResult> {
  const save = options.save ?? true;
  debugSink = options.onDebug ?? (() => {});
  const Espruino = initTools();
  const transport = options.transport;
  const warn = options.onWarning ?? (() => {});

  const notify = (message: unknown) => {
    const missing = /^Module (.+) not found$/.exec(String(message));
    warn(missing ? missingModuleWarning(missing[1]) : String(message));
  };
  Espruino.Core.Notifications = {
    success: (m: unknown) => debugSink(String(m)),
    info: (m: unknown) => debugSink(String(m)),
    warning: notify,
    error: notify,
  };
  let progressTotal = 0;
  let progressSent = 0;
  let counting = false;
  Espruino.Core.Status = {
    setStatus: (_message: string, length?: number) => {
      if (counting && length && progressTotal === 0) progressTotal = length;
    },
    hasProgress: () => false,
    incrementProgress: () => {},
  };

  const config = Espruino.Config;
  config.BAUD_RATE = options.baud ?? DEFAULT_BAUD;
  const storageFile = options.storageFile ?? ".bootcde";
  // 3 writes the named file; with LOAD_STORAGE_FILE 1 the board then runs `.bootcde`.
  config.SAVE_ON_SEND = save ? (storageFile === ".bootcde" ? 1 : 3) : 0;
  config.SAVE_STORAGE_FILE = storageFile;
  config.LOAD_STORAGE_FILE = 1;
  config.RESET_BEFORE_SEND = true;
  config.MODULE_URL = ""; // offline: never fetch modules
  config.COMPILATION = false; // offline: the compiler is an internet service
  config.MINIFICATION_LEVEL = ""; // its minifier breaks esbuild output
  config.MODULE_MINIFICATION_LEVEL = "";
  config.ENV_ON_CONNECT = false; // we ask ourselves, without the board JSON download
  config.SET_TIME_ON_WRITE = false;
  // No fixed 250 ms pause after each line naming `require("Storage").write(`: every such line
  // here is a query whose answer is awaited before the next is sent (see uploadCode's loop).
  config.STORAGE_UPLOAD_METHOD = 1;
  config.BLUETOOTH_LOW_ENERGY = false;
  config.BLUETOOTH_LOW_ENERGY_DBUS = false;

  const env = Espruino.Core.Env.getData();
  for (const key of Object.keys(env)) delete env[key];
  if (options.board) {
    Object.assign(env, options.board);
    const version = options.board.info?.binary_version;
    if (version) Espruino.Core.Env.setFirmwareVersion(version);
  }

  // Plug the transport in as the only serial device the tool knows.
  let disconnected = false;
  let onDisconnect: () => void = () => {};
  const disconnectedPromise = new Promise<void>((resolve) => onDisconnect = resolve);
  const path = "deno-transport";
  const devices = Espruino.Core.Serial.devices;
  devices.length = 0;
  devices.push({
    name: "Deno transport",
    // The tool only calls a write's completion callback when the data is
    // longer than one block; small blocks make every command long enough.
    maxWriteLength: 16,
    getPorts: (callback: (ports: unknown[], instant: boolean) => void) =>
      callback([{ path, description: transport.description, type: "usb" }], true),
    open: (
      _path: string,
      openCallback: (info: unknown) => void,
      receiveCallback: (data: ArrayBuffer) => void,
      disconnectCallback: () => void,
    ) => {
      transport.onData((bytes) => {
        options.onBoardOutput?.(toText(bytes));
        receiveCallback(bytes.slice().buffer);
      });
      transport.closed.then(() => {
        disconnected = true;
        onDisconnect();
        disconnectCallback();
      });
      openCallback({ portName: transport.description });
    },
    write: (data: string, callback: () => void) => {
      if (counting && progressTotal > 0) {
        progressSent += data.length;
        options.onProgress?.(progressSent, Math.max(progressTotal, progressSent));
      }
      transport.write(toBytes(data)).then(callback, () => {
        // The link is gone; the transport's `closed` reports it.
      });
    },
    close: () => transport.close(),
  });

  const interrupted = (what: string) =>
    new FlashError(
      "INTERRUPTED",
      `Upload interrupted: the connection to the board closed ${what}.`,
      "The board may have reset or lost power, or the cable or network dropped. " +
        "Check the connection and run the upload again; the previous program stays " +
        "in Storage until a complete upload replaces it.",
    );

  // Open (through the tool, so its 'connected' processors run).
  const opened = await new Promise<boolean>((resolve) => {
    Espruino.Core.Serial.startListening(() => {});
    Espruino.Core.Serial.open(path, (status: unknown) => resolve(status !== undefined), () => {});
  });
  if (!opened || disconnected) throw interrupted("while opening it");

  // Ask the board who it is; no answer means nothing is listening.
  /** The board's answer, or undefined after `quietSeconds` with none (the tool's default 2). */
  const evaluate = (expression: string, quietSeconds?: number) =>
    Promise.race([
      new Promise<string | undefined>((resolve) =>
        Espruino.Core.Utils.executeExpression(expression, resolve, { minTimeout: quietSeconds })
      ),
      disconnectedPromise.then(() => undefined),
    ]);
  let reported: string | undefined;
  const attempts = options.probeAttempts ?? 2;
  for (let attempt = 0; attempt < attempts && reported === undefined; attempt++) {
    reported = await evaluate("process.env");
    if (disconnected) throw interrupted("before the board answered");
  }
  if (reported === undefined) {
    throw new FlashError(
      "NO_ANSWER",
      `The board on ${transport.description} does not answer.`,
      noAnswerHint(),
    );
  }
  let boardEnv: Record<string, unknown> = {};
  try {
    boardEnv = JSON.parse(reported);
  } catch {
    throw new FlashError(
      "NO_ANSWER",
      `Something answers on ${transport.description}, but not like Espruino: ${
        JSON.stringify(reported.slice(0, 80))
      }`,
      noAnswerHint(),
    );
  }
  Object.assign(env, boardEnv);
  // The board's MODULES list is all the tool trusts; add the board file's
  // built-ins (tls, crypto, … on ESP32) so they are not reported missing.
  const builtIn = new Set(String(boardEnv.MODULES ?? "").split(",").filter(Boolean));
  for (const name of options.board?.info?.builtin_modules ?? []) builtIn.add(name);
  if (builtIn.size) env.MODULES = [...builtIn].join(",");
  if (typeof boardEnv.VERSION === "string") {
    Espruino.Core.Env.setFirmwareVersion(boardEnv.VERSION);
  }
  // The tool's version checker rule: throttle unless the console has flow
  // control (USB, Bluetooth, Telnet). A plain UART has none; TCP always has.
  const consoleKind = String(boardEnv.CONSOLE ?? "");
  Espruino.Core.Serial.setSlowWrite(
    transport.kind === "serial" && !["USB", "Bluetooth", "Telnet"].includes(consoleKind),
  );
  if (save && !(env.VERSION_MAJOR > 1 || env.VERSION_MINOR >= 96)) {
    throw new FlashError(
      "USAGE",
      `The board reports firmware ${boardEnv.VERSION ?? "of unknown version"}, without Storage.`,
      "Update Espruino on the board (2v00 or later), or upload with --no-save.",
    );
  }

  if (options.erase?.length) {
    await evaluate(
      `${JSON.stringify(options.erase)}.forEach(function(f){require("Storage").erase(f)})`,
    );
    if (disconnected) throw interrupted("while erasing files");
  }
  const writeFiles = async (files: StorageFile[]) => {
    for (const file of files) {
      const bytes = new TextEncoder().encode(file.text);
      const name = JSON.stringify(file.name);
      for (let at = 0; at < bytes.length; at += FILE_CHUNK) {
        const chunk = btoa(String.fromCharCode(...bytes.subarray(at, at + FILE_CHUNK)));
        await evaluate(
          `require("Storage").write(${name},atob("${chunk}"),${at},${bytes.length})`,
          STORAGE_WRITE_SECONDS,
        );
        if (disconnected) throw interrupted(`while writing ${file.name}`);
      }
      // Read back as its CRC32, which also never shows the file (it may hold secrets).
      const crc = await evaluate(`E.CRC32(require("Storage").read(${name})||"")>>>0`);
      if (disconnected) throw interrupted(`while checking ${file.name}`);
      if (Number(crc) !== crc32(bytes) >>> 0) {
        throw new FlashError(
          "VERIFY_FAILED",
          `The board's ${file.name} does not hold what was sent.`,
          "Characters were probably lost on the way. Try again; on a serial port, " +
            "a lower --baud can help.",
        );
      }
    }
  };
  await writeFiles(options.files ?? []);
  const code = options.code;
  if (code === undefined) {
    // Restart the stored program with the new files, as a reboot would.
    await transport.write(toBytes("\x10load()\n")).catch(() => {});
    if (disconnected) throw interrupted("before the program was restarted");
    return { env: boardEnv, bytesSent: 0, storedBytes: 0 };
  }

  if (!save) {
    // Code sent to RAM is held twice while it runs (the console's line and
    // every function's own copy): refuse what cannot fit before sending it.
    const memory = await evaluate("process.memory()");
    if (disconnected) throw interrupted("while asking for the board's memory");
    const room = ramRoom(code, JSON.parse(memory ?? "{}"));
    if (room.refusal) {
      throw new FlashError(
        "NO_ROOM",
        room.refusal,
        "Flash without --no-save: saved to Storage, the code runs from flash and needs " +
          "far less memory. Or make the bundle smaller.",
      );
    }
  }

  // Transform: modules, Storage writes (SAVE_ON_SEND), as the tool does.
  let transformed: string = await new Promise((resolve) =>
    Espruino.callProcessor("transformForEspruino", code, resolve)
  );
  let storedBytes = 0;
  if (save) {
    // Send load() ourselves, after checking what landed in Storage.
    transformed = transformed.replace(/\nload\(\)\n$/, "\n");
    const match = new RegExp(
      `^require\\("Storage"\\)\\.write\\(${
        JSON.stringify(storageFile).replace(/\./g, "\\.")
      },.*,0,(\\d+)\\);$`,
      "m",
    ).exec(transformed);
    storedBytes = match ? Number(match[1]) : 0;
  }

  if (save) {
    // The tool's writer pauses a fixed 250 ms after every `Storage.write` line (its
    // STORAGE_UPLOAD_METHOD 0, because it ignores the board's XON/XOFF): 6.5 s of a 16 KB
    // upload. Each line is sent as a query instead, the next one only once the board has
    // answered that the write is done: never more than one line in flight, on any link.
    await transport.write(toBytes("\x10reset();\n")).catch(() => {});
    // The tool's own pause after reset(): the board tears the running program down.
    await Promise.race([
      new Promise((resolve) => setTimeout(resolve, RESET_PAUSE_MS)),
      disconnectedPromise,
    ]);
    const lines = transformed.split("\n").filter((line) => line !== "");
    // Progress as the bytes leave (the transport's write counts them), queries included.
    progressTotal = lines.reduce((sum, line) => sum + line.length - 1 + QUERY_OVERHEAD, 0);
    counting = true;
    for (const line of lines) {
      const write = /^(require\("Storage"\)\.write\(.*\));$/.exec(line);
      if (!write) throw new Error(`Unexpected line in a Storage upload: ${line.slice(0, 60)}`);
      const answer = await evaluate(write[1], STORAGE_WRITE_SECONDS);
      if (disconnected) throw interrupted(`after ${progressSent} of ${progressTotal} bytes`);
      if (answer?.trim() !== "true") {
        throw new FlashError(
          "VERIFY_FAILED",
          `The board did not confirm a write to ${storageFile} after ${progressSent} of ` +
            `${progressTotal} bytes (it answered ${answer?.trim() || "nothing"}).`,
          "Its Storage may be full, or characters were lost on the way. Try again; on a " +
            "serial port, a lower --baud can help.",
        );
      }
    }
    counting = false;
    options.onProgress?.(progressSent, progressSent);
  } else {
    counting = true;
    const written = new Promise<void>((resolve) =>
      Espruino.Core.CodeWriter.writeToEspruino(transformed, resolve)
    );
    await Promise.race([written, disconnectedPromise]);
    counting = false;
    if (disconnected) throw interrupted(`after ${progressSent} of ${progressTotal} bytes`);
    options.onProgress?.(progressSent, progressSent);
  }

  if (save) {
    const stored = await evaluate(
      `(require("Storage").read(${JSON.stringify(storageFile)})||"").length`,
    );
    if (disconnected) throw interrupted("while checking the upload");
    if (stored === undefined || Number(stored) !== storedBytes) {
      throw new FlashError(
        "VERIFY_FAILED",
        `The board stored ${stored ?? "nothing we could read"} bytes of ${storageFile}, ` +
          `expected ${storedBytes}.`,
        "Characters were probably lost on the way. Try again; on a serial port, " +
          "a lower --baud can help.",
      );
    }
    await writeFiles(options.filesAfter ?? []);
    // Start the saved program the way a reboot would. Written directly (the
    // tool's queue is empty now) so it has left before anyone closes the link.
    await transport.write(toBytes("\x10load()\n")).catch(() => {});
    if (disconnected) throw interrupted("before the program was started");
  }
  return { env: boardEnv, bytesSent: progressSent, storedBytes };
}

/** Stops listening on the tool's connection and closes it. */
export function closeConnection(): void {
  if (!initialised) return;
  if (initialised.Core.Serial.isConnected()) initialised.Core.Serial.close();
}

/** What `process.memory()` reports, in JsVars. */
export interface BoardMemory {
  /** Variables free now. */
  free?: number;
  /** Variables in all. */
  total?: number;
  /** Bytes per variable. */
  blocksize?: number;
}

/**
 * Whether code fits in a board's RAM when uploaded with `--no-save`: it
 * needs about two variables per `blocksize - 3` bytes (the console's copy and
 * the functions' copies), and that may take at most half the board's
 * variables, the rest being what the program itself holds once running.
 * (Measured: the 13.5 KB firmware runs out of memory in RAM on the C3's 4095
 * variables of 13 bytes; it runs from Storage.)
 */
export function ramRoom(code: string, memory: BoardMemory): { needed: number; refusal?: string } {
  const bytes = new TextEncoder().encode(code).length;
  const blocksize = memory.blocksize ?? 13;
  const needed = Math.ceil((2 * bytes) / Math.max(1, blocksize - 3));
  const total = memory.total;
  if (total === undefined || needed <= total / 2) return { needed };
  return {
    needed,
    refusal: `The bundle is ${bytes} bytes: run from RAM (--no-save) it needs about ${needed} ` +
      `of the board's ${total} variables (${blocksize} bytes each; ${memory.free ?? "?"} free ` +
      `now), more than the half it can spare for code. It would run out of memory.`,
  };
}
