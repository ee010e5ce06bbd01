/**
 * The device client's bundle booted on the real Espruino interpreter compiled to WebAssembly
 * (`engine/`): an ESP32-C3, an ESP32 and a C3 with Unicode strings, driven through its console.
 * The same test firmware runs on every build and prints each client event as a JSON line, so one
 * test body checks them all. The bundle is typed on the console, as the flash tool would upload it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { type BoardOptions, EspruinoBoard } from "../engine/board.ts";
import type { BoardName } from "../engine/wasm_module.ts";
import { buildDeviceBundle } from "./device_build.ts";
import { waitFor } from "./wait.ts";

/** Where a device runs: one build of the interpreter. */
export interface Engine {
  /** The build, named as `deno task sim -- --board` names it. */
  name: BoardName;
  /** Largest message the engine's memory takes comfortably, in bytes. */
  maxMessageBytes: number;
}

/** Every build of the interpreter. */
export const ENGINES: Engine[] = (["esp32c3", "esp32", "esp32c3-unicode"] as BoardName[]).map((
  name,
) => ({
  name,
  // 4095 variables of 13 bytes on a C3: a 4 KiB message, its chunks and the client fit.
  maxMessageBytes: name === "esp32" ? 65536 : 4096,
}));

/** The ESP32-C3 build alone: for faults and behaviour that do not depend on the build. */
export const C3: Engine[] = ENGINES.filter((engine) => engine.name === "esp32c3");

/** What the test firmware records: [event, ...arguments]. */
export type DeviceEvent = [string, ...unknown[]];

/** A device running the client and the recording firmware. */
export interface Device extends AsyncDisposable {
  /** Where it runs. */
  engine: Engine;
  /** The board: its faults, radio, clock and console. */
  board: EspruinoBoard;
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
  /** The device goes silent without closing its socket, like a board that lost power. */
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
  /** Board settings other than the build, e.g. `{ env: { ESPRUINO_TLS_SNI: "0" } }`. */
  board?: Omit<BoardOptions, "board">;
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
  // Board time, not the host's: idle waits (backoff, timeouts) are skipped, and a busy host never
  // stretches the device's own timing.
  const board = await EspruinoBoard.start({
    clock: "virtual",
    ...options.board,
    board: engine.name,
  });
  const output = () => board.console.text;
  // Complete lines only: the last one may still be arriving.
  const lines = () => output().split("\n").slice(0, -1);
  const events = () => eventsOf(lines());
  // A line starting with 0x10 is not echoed by Espruino's console.
  const type = (source: string) => board.console.write("\x10" + source + "\n");
  let requests = 0;
  const run = async (source: string) => {
    const id = `@r${++requests} `;
    const from = output().length;
    type(`print(${JSON.stringify(id)}+JSON.stringify(eval(${JSON.stringify(source)})))`);
    const pattern = new RegExp(`${id}(.*)\r?\n`);
    const text = (await board.console.waitFor(pattern, { from, timeoutMs: 10_000 }))
      .match(pattern)![1].trim();
    try {
      return JSON.parse(text === "undefined" || text === "" ? "null" : text);
    } catch {
      throw new Error(`${source} gave no value on ${engine.name}:\n${output().slice(from)}`);
    }
  };
  let frozen = false;
  try {
    await board.console.waitFor(/\n>/);
    // One line per statement keeps the console's line buffer small on a C3.
    for (const line of code.split("\n")) if (line.trim()) type(line);
    await run("1");
  } catch (error) {
    await board.stop();
    throw error;
  }
  return {
    engine,
    board,
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
    silence() {
      // As a board that lost power: nothing runs and nothing is sent, the sockets stay open.
      frozen = true;
      board.freeze();
      return Promise.resolve();
    },
    async [Symbol.asyncDispose]() {
      const uncaught = frozen ? [] : lines().filter((line) => /Uncaught|OUT OF MEMORY/.test(line));
      await board.stop();
      // Nothing may ever escape the client into the board's event loop.
      assert.deepEqual(uncaught, [], `the interpreter printed:\n${output().slice(-3000)}`);
    },
  };
}

/** Declares one test per engine: `name` is prefixed with the engine. */
export function testOnEngines(
  engines: Engine[],
  name: string,
  fn: (engine: Engine) => Promise<void>,
): void {
  for (const engine of engines) {
    Deno.test(`[${engine.name}] ${name}`, () => fn(engine));
  }
}
