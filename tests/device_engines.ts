/**
 * The device client's bundle booted on an engine: the virtual board of
 * `virtual_board/`, or the real Espruino interpreter (`tools/espruino_process.ts`)
 * for an ESP32-C3, an ESP32 or a C3 with Unicode strings, driven through its
 * console. The same test firmware runs on every engine and prints each client
 * event as a JSON line, so one test body checks them all.
 *
 * On the real interpreter the bundle is typed on the console, as the flash
 * tool would upload it; a board whose binary is missing is skipped with a
 * warning (an error under `CI=true`, see `espruinoForTests`).
 *
 * @module
 */

import assert from "node:assert/strict";
import { VirtualBoard, type VirtualBoardOptions } from "../virtual_board/mod.ts";
import {
  type EspruinoBoard,
  espruinoForTests,
  EspruinoProcess,
} from "../tools/espruino_process.ts";
import { createHash } from "node:crypto";
import { EspruinoBoard as WasmBoard } from "../engine/board.ts";
import type { BoardName } from "../engine/wasm_module.ts";
import { buildDeviceBundle } from "./device_build.ts";
import { waitFor } from "./helpers.ts";

/** Where a device runs. */
export interface Engine {
  /** `virtual`, the Linux interpreter's board name, or `wasm-` and the WebAssembly build's. */
  name: "virtual" | EspruinoBoard | `wasm-${BoardName}`;
  /** The WebAssembly build (the in-process engine) that runs it. */
  wasm?: BoardName;
  /** The interpreter binary (real engines only); undefined when it is missing. */
  binary?: string;
  /** False when the engine cannot run here: its tests are ignored. */
  available: boolean;
  /** Largest message the engine's memory takes comfortably, in bytes. */
  maxMessageBytes: number;
}

/** The virtual board, then every interpreter build. */
export const ENGINES: Engine[] = [
  { name: "virtual", available: true, maxMessageBytes: 65536 },
  ...(["esp32c3", "esp32", "esp32c3-unicode"] as EspruinoBoard[]).map((name) => {
    const binary = espruinoForTests(name);
    // 4095 variables of 13 bytes on a C3: a 4 KiB message, its chunks and the client fit.
    const maxMessageBytes = name === "esp32" ? 65536 : 4096;
    return { name, binary, available: binary !== undefined, maxMessageBytes };
  }),
  ...(["esp32c3", "esp32", "esp32c3-unicode"] as BoardName[]).map((wasm): Engine => ({
    name: `wasm-${wasm}`,
    wasm,
    available: true,
    maxMessageBytes: wasm === "esp32" ? 65536 : 4096,
  })),
];

/** The real interpreter builds only. */
export const REAL_ENGINES: Engine[] = ENGINES.filter((engine) => engine.name !== "virtual");

/** What the test firmware records: [event, ...arguments]. */
export type DeviceEvent = [string, ...unknown[]];

/** A device running the client and the recording firmware. */
export interface Device extends AsyncDisposable {
  /** Where it runs. */
  engine: Engine;
  /** The virtual board (virtual engine only): faults, Wi-Fi, reboots. */
  board?: VirtualBoard;
  /** The interpreter (real engines only). */
  process?: EspruinoProcess;
  /** The in-process board (WebAssembly engines only). */
  wasmBoard?: WasmBoard;
  /** Evaluates JavaScript on the device; resolves with the value of its last expression. */
  run(code: string): Promise<unknown>;
  /** Every event printed so far. */
  events(): DeviceEvent[];
  /** The events of one kind. */
  of(kind: string): DeviceEvent[];
  /** Everything the device printed, one string per line. */
  lines(): string[];
  /** The client's state(). */
  state(): Promise<string>;
  /** The client's counters. */
  counters(): Promise<Record<string, number>>;
  /** Waits until the client has opened `count` times. */
  opened(count?: number, timeoutMs?: number): Promise<void>;
  /**
   * The device goes silent without closing its socket, like a board that lost power: the
   * interpreter is stopped (SIGSTOP), the virtual board's link stalls.
   */
  silence(): Promise<void>;
}

/** Settings of {@linkcode bootDevice}. */
export interface BootOptions {
  /** Options of createWebSocketClient. */
  client: Record<string, unknown>;
  /** More firmware, run after the client is created (as `ws`). */
  firmware?: string;
  /** Firmware run before the client is created, e.g. an uncaughtException handler. */
  before?: string;
  /** Virtual board settings (virtual engine only). */
  board?: Partial<VirtualBoardOptions>;
  /** Environment of the interpreter (real engines only), e.g. `{ ESPRUINO_TLS_SNI: "0" }`. */
  env?: Record<string, string>;
}

let library: Promise<string> | undefined;

/** The client bundle exactly as `tools/bundle.ts device/ws/mod.ts --global WS` builds it. */
export function clientBundle(): Promise<string> {
  return library ??= buildDeviceBundle({ entry: "device/ws/mod.ts", globalName: "WS" });
}

/**
 * How a message is recorded: short ones in full, longer ones as `#LENGTH:SHA1` so that a
 * 64 KiB message is never printed (nor turned into JSON on a board with little memory).
 */
export function summary(data: string): string {
  if (data.length <= 256) return data;
  const digest = createHash("sha1").update(Uint8Array.from(data, (c) => c.charCodeAt(0)))
    .digest();
  return `#${data.length}:${digest.toString("base64")}`;
}

/** The test firmware: prints each event as `@ev [...]`. */
function recorder(client: Record<string, unknown>, firmware = "", before = ""): string {
  // The client and its handlers on one line: typed on a console, the handlers must be on before
  // the client's first attempt runs.
  const create = [
    `var ws = WS.createWebSocketClient(${JSON.stringify(client)});`,
    `ws.on("open", function (protocol) { rec(["open", protocol]); });`,
    `ws.on("message", function (data, binary) { rec(["message", summary(data), binary]); });`,
    `ws.on("close", function (code, reason) { rec(["close", code, reason]); });`,
    `ws.on("error", function (e) { rec(["error", e.message, e.status || 0]); });`,
  ].join(" ");
  return `${before}
var rec = function (e) { print("@ev " + JSON.stringify(e)); };
var summary = function (d) {
  return d.length <= 256 ? d :
    "#" + d.length + ":" + btoa(E.toString(new Uint8Array(require("crypto").SHA1(d))));
};
${create}
${firmware}`;
}

/** Parses `@ev` lines out of console lines. */
function eventsOf(lines: string[]): DeviceEvent[] {
  const events: DeviceEvent[] = [];
  for (const line of lines) {
    const at = line.indexOf("@ev ");
    if (at >= 0) events.push(JSON.parse(line.slice(at + 4)));
  }
  return events;
}

/** Boots a device with the client and the recording firmware on `engine`. */
export async function bootDevice(engine: Engine, options: BootOptions): Promise<Device> {
  const code = (await clientBundle()) + recorder(options.client, options.firmware, options.before);
  if (engine.wasm) return await bootWasm(engine, code, options);
  return engine.binary
    ? await bootReal(engine, code, options)
    : await bootVirtual(engine, code, options);
}

function common(
  engine: Engine,
  lines: () => string[],
  run: (code: string) => Promise<unknown>,
): Pick<Device, "engine" | "run" | "events" | "of" | "lines" | "state" | "counters" | "opened"> {
  const events = () => eventsOf(lines());
  return {
    engine,
    run,
    lines,
    events,
    of: (kind) => events().filter((e) => e[0] === kind),
    state: async () => (await run("ws.state()")) as string,
    counters: async () => JSON.parse((await run("JSON.stringify(ws.counters)")) as string),
    opened: (count = 1, timeoutMs = 8000) =>
      waitFor(
        `open #${count} on ${engine.name}`,
        () => events().filter((e) => e[0] === "open").length >= count,
        timeoutMs,
      ),
  };
}

async function bootVirtual(engine: Engine, code: string, options: BootOptions): Promise<Device> {
  const board = await VirtualBoard.boot({ code, hasWifi: false, ...options.board });
  const run = (source: string) => Promise.resolve(board.eval(source));
  return {
    ...common(engine, () => board.console, run),
    board,
    silence: () => Promise.resolve(board.faults.stall(true)),
    async [Symbol.asyncDispose]() {
      const uncaught = board.console.filter((line) => line.startsWith("Uncaught"));
      await board.stop();
      // Nothing may ever escape the client into the board's event loop.
      assert.deepEqual(uncaught, []);
    },
  };
}

async function bootReal(engine: Engine, code: string, options: BootOptions): Promise<Device> {
  const process = EspruinoProcess.start({ binary: engine.binary!, env: options.env });
  let requests = 0;
  let frozen = false;
  // Complete lines only: the last one may still be arriving.
  const lines = () => process.output.split("\n").slice(0, -1);
  // A line starting with 0x10 is not echoed by Espruino's console.
  const type = (source: string) => process.write("\x10" + source + "\n");
  const run = async (source: string) => {
    const id = `@r${++requests} `;
    const from = process.output.length;
    await type(`print(${JSON.stringify(id)}+JSON.stringify(eval(${JSON.stringify(source)})))`);
    const match = await process.waitForOutput(new RegExp(`${id}(.*)\r?\n`), {
      from,
      timeoutMs: 10_000,
    });
    const text = match[1].trim();
    try {
      return JSON.parse(text === "undefined" || text === "" ? "null" : text);
    } catch {
      throw new Error(`${source} gave no value on ${engine.name}:\n${process.output.slice(from)}`);
    }
  };
  try {
    await process.waitForOutput(/\n>/);
    // One line per statement keeps the console's line buffer small on a C3.
    for (const line of code.split("\n")) if (line.trim()) await type(line);
    await run("1");
  } catch (error) {
    await process[Symbol.asyncDispose]();
    throw error;
  }
  return {
    ...common(engine, lines, run),
    process,
    async silence() {
      frozen = true;
      Deno.kill(process.child.pid, "SIGSTOP");
      await Promise.resolve();
    },
    async [Symbol.asyncDispose]() {
      const uncaught = frozen ? [] : lines().filter((line) => /Uncaught|OUT OF MEMORY/.test(line));
      await process[Symbol.asyncDispose]();
      assert.deepEqual(uncaught, [], `the interpreter printed:\n${process.output.slice(-3000)}`);
    },
  };
}

/** Types `source` on a board's console and resolves with its value (printed as JSON). */
function consoleRunner(
  engine: Engine,
  type: (line: string) => Promise<void> | void,
  waitForOutput: (pattern: RegExp, from: number) => Promise<string>,
  output: () => string,
): (source: string) => Promise<unknown> {
  let requests = 0;
  return async (source: string) => {
    const id = `@r${++requests} `;
    const from = output().length;
    await type(`print(${JSON.stringify(id)}+JSON.stringify(eval(${JSON.stringify(source)})))`);
    const text = (await waitForOutput(new RegExp(`${id}(.*)\r?\n`), from)).trim();
    try {
      return JSON.parse(text === "undefined" || text === "" ? "null" : text);
    } catch {
      throw new Error(`${source} gave no value on ${engine.name}:\n${output().slice(from)}`);
    }
  };
}

async function bootWasm(engine: Engine, code: string, options: BootOptions): Promise<Device> {
  const board = await WasmBoard.start({ board: engine.wasm, env: options.env });
  const output = () => board.console.text;
  const lines = () => output().split("\n").slice(0, -1);
  const type = (source: string) => board.console.write("\x10" + source + "\n");
  const run = consoleRunner(engine, type, async (pattern, from) => {
    const text = await board.console.waitFor(pattern, { from, timeoutMs: 10_000 });
    return text.match(pattern)![1];
  }, output);
  let frozen = false;
  try {
    await board.console.waitFor(/\n>/);
    for (const line of code.split("\n")) if (line.trim()) type(line);
    await run("1");
  } catch (error) {
    await board.stop();
    throw error;
  }
  return {
    ...common(engine, lines, run),
    wasmBoard: board,
    silence() {
      // As a board that lost power: nothing runs and nothing is sent, the sockets stay open.
      frozen = true;
      board.freeze();
      return Promise.resolve();
    },
    async [Symbol.asyncDispose]() {
      const uncaught = frozen ? [] : lines().filter((line) => /Uncaught|OUT OF MEMORY/.test(line));
      await board.stop();
      assert.deepEqual(uncaught, [], `the interpreter printed:\n${output().slice(-3000)}`);
    },
  };
}

/**
 * Declares one test per engine: `name` is prefixed with the engine, and an engine that is not
 * available here (no interpreter binary) is ignored.
 */
export function testOnEngines(
  engines: Engine[],
  name: string,
  fn: (engine: Engine) => Promise<void>,
): void {
  for (const engine of engines) {
    Deno.test({
      name: `[${engine.name}] ${name}`,
      ignore: !engine.available,
      fn: () => fn(engine),
    });
  }
}
