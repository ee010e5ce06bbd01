/**
 * The SOS firmware on the real Espruino interpreter, for tests and the
 * firmware benchmark: a board whose console is on a TCP port, flashed with
 * `deno task flash` (the exact bundle `deno task build` makes), booted again
 * from its Storage, and its LED read back from the interpreter's pin log.
 *
 * @module
 */

import { parseDeviceConfig } from "../tools/device_config.ts";
import type { DeviceConfig, SosPattern } from "../device/firmware/config.ts";
import {
  type ConsoleBridge,
  EspruinoProcess,
  type PinEdge,
  serveConsole,
} from "../tools/espruino_process.ts";
import {
  edgeDeviations,
  sosSpans,
  type SosTiming,
  sosTimingError,
  type Transition,
} from "../tools/sos_timing.ts";
import {
  type EdgeCause,
  edgeCauses,
  type LatencyProbe,
  type Stall,
  startLatencyProbe,
} from "../tools/latency_probe.ts";
import type { TestClient } from "./helpers.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** The LED's pin on the interpreter (LED1). */
export const LED_PIN = "D2";

/** Writes a device configuration for `server` to `dir/device.json` and returns it, validated. */
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

/**
 * Builds the firmware from the configuration at `configPath` and uploads it
 * with `deno task flash -- --config … --out DIR/firmware.js --port PORT`
 * (plus `extra` flags).
 */
export function flashConfig(
  configPath: string,
  dir: string,
  port: string,
  extra: string[] = [],
): Promise<FlashRun> {
  return runFlash([
    "--config",
    configPath,
    "--out",
    `${dir}/firmware.js`,
    "--port",
    port,
    ...extra,
  ]);
}

/** A way to reach a console's TCP port: the `--port` to give `flash`, and how to let go. */
export type ConsoleLink = (bridgePort: number) => Promise<{ port: string; close(): Promise<void> }>;

/** The console's TCP port itself, as `tcp://127.0.0.1:PORT`. */
export const overTcp: ConsoleLink = (bridgePort) =>
  Promise.resolve({ port: `tcp://127.0.0.1:${bridgePort}`, close: () => Promise.resolve() });

/**
 * Writes `fields` as the configuration in `dir`, flashes the firmware built
 * from it with `deno task flash` (through `link`) into an interpreter whose
 * Storage is `dir`, then boots it again from that Storage, as a power cycle
 * does, with `env` (e.g. `ESPRUINO_TLS_SNI=0`). Throws with flash's output if the upload fails.
 */
export async function flashAndBoot(
  binary: string,
  dir: string,
  fields: Record<string, unknown>,
  link: ConsoleLink = overTcp,
  env: Record<string, string> = {},
): Promise<EspruinoProcess> {
  const { path } = await writeConfig(dir, fields);
  {
    await using flashed = startConsoleBoard(binary, dir);
    const linked = await link(flashed.bridge.port);
    try {
      // The interpreter runs on this computer: the loopback relay is reachable even over a pty.
      const run = await flashConfig(path, dir, linked.port, ["--watch", "0", "--allow-loopback"]);
      if (run.code !== 0 || !/Saved \d+ bytes to Storage \.bootcde/.test(run.output)) {
        throw new Error(`deno task flash failed:\n${run.output}`);
      }
    } finally {
      await linked.close();
    }
    // Flashed code runs at once.
    await flashed.board.waitForOutput(/ blinking; relay /);
  }
  const board = await bootFromStorage(binary, dir, env);
  await board.waitForOutput(/ blinking; relay /);
  return board;
}

/** An interpreter with its console on TCP. */
export interface ConsoleBoard extends AsyncDisposable {
  /** The interpreter. */
  board: EspruinoProcess;
  /** Its console port. */
  bridge: ConsoleBridge;
}

/** Starts an interpreter in `cwd` (its Storage) with its console on a TCP port. */
export function startConsoleBoard(binary: string, cwd: string): ConsoleBoard {
  const board = EspruinoProcess.start({ binary, cwd });
  const bridge = serveConsole(board);
  return {
    board,
    bridge,
    async [Symbol.asyncDispose]() {
      await bridge.close();
      await board.kill();
    },
  };
}

/**
 * Kills nothing but starts the interpreter again in `cwd`, as a power cycle
 * does: it boots `.bootcde` from Storage. The pin log starts afresh.
 */
export async function bootFromStorage(
  binary: string,
  cwd: string,
  env: Record<string, string> = {},
): Promise<EspruinoProcess> {
  await Deno.remove(`${cwd}/pins.log`).catch(() => {});
  return EspruinoProcess.start({ binary, cwd, env });
}

/** The LED's edges as `sosTimingError` takes them. */
export async function ledTransitions(board: EspruinoProcess): Promise<PinEdge[]> {
  return await board.pinEdges(LED_PIN);
}

/** The LED's edges from the start of SOS cycle `cycle` (0: the first "on"). */
export async function ledEdgesFromCycle(
  board: EspruinoProcess,
  cycle = 0,
): Promise<PinEdge[]> {
  const edges = await ledTransitions(board);
  const first = edges.findIndex((edge) => edge.level === 1);
  return first < 0 ? [] : edges.slice(first + cycle * 2 * SOS_SYMBOLS);
}

/** Compares the LED's edges (from the start of cycle `cycle`) with the SOS pattern. */
export async function ledTiming(
  board: EspruinoProcess,
  pattern: SosPattern,
  cycle = 0,
): Promise<SosTiming> {
  const edges = await ledEdgesFromCycle(board, cycle);
  return sosTimingError(asTransitions(edges), pattern);
}

/** Symbols in one SOS. */
const SOS_SYMBOLS = 9;

/** Sends a command to `to` and resolves with its reply (`re` equal to the command). */
export async function command(
  watcher: TestClient,
  message: Record<string, unknown>,
  timeoutMs = 5000,
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

/**
 * JsVars in use after garbage collection, read on the board's console (no
 * message being handled): types `process.memory().usage` at the prompt.
 */
export async function consoleMemoryUsage(board: EspruinoProcess): Promise<number> {
  const from = board.output.length;
  await board.write('\x10print("JSVARS " + process.memory().usage)\n');
  const match = await board.waitForOutput(/^JSVARS (\d+)/m, { from, timeoutMs: 5000 });
  return Number(match[1]);
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
export function spanErrors(edges: PinEdge[], pattern: SosPattern, overMs: number): SpanError[] {
  const expected = sosSpans(pattern);
  const first = edges.findIndex((e) => e.level === 1);
  const errors: SpanError[] = [];
  for (let i = first; first >= 0 && i + 1 < edges.length; i++) {
    const index = i - first;
    const errorMs = edges[i + 1].atMs - edges[i].atMs - expected[index % expected.length];
    if (Math.abs(errorMs) > overMs) {
      errors.push({
        index,
        lit: edges[i].level === 1,
        atMs: edges[i].atMs - edges[first].atMs,
        errorMs,
      });
    }
  }
  return errors;
}

/** Pin-log edges as the functions of tools/sos_timing.ts take them. */
export function asTransitions(edges: PinEdge[]): Transition[] {
  return edges.map((edge) => ({ value: edge.level, time: edge.atMs }));
}

/** Why each LED edge (from the first "on") was off its place: see `edgeCauses`. */
export function ledEdgeCauses(
  edges: PinEdge[],
  pattern: SosPattern,
  stalls: readonly Stall[],
): EdgeCause[] {
  return edgeCauses(edgeDeviations(asTransitions(edges), pattern), stalls);
}

/**
 * The spans off the pattern by more than `overMs` that the machine's stalls do not explain:
 * neither edge has a cause in `causes` (from {@linkcode ledEdgeCauses}, or `edgeCauses`).
 */
export function unexplainedSpanErrors(
  edges: PinEdge[],
  pattern: SosPattern,
  overMs: number,
  causes: readonly EdgeCause[],
): SpanError[] {
  return spanErrors(edges, pattern, overMs).filter((span) =>
    !causes[span.index] && !causes[span.index + 1]
  );
}

let warnedNoProbe = false;

/**
 * Starts the latency probe beside a test that judges the LED's timing, so that an edge late at one
 * of the machine's own stalls (tens of ms on a shared virtual machine, seen here) is told from one
 * the firmware made late. Without `cyclictest` the timing is judged without it, with a warning;
 * under `CI=true` that is an error.
 */
export async function startStallProbe(): Promise<LatencyProbe | undefined> {
  const probe = await startLatencyProbe({ thresholdMs: 2 });
  if (probe) return probe;
  const message = "the latency probe (cyclictest, apt-get install rt-tests) did not start: " +
    "a machine stall would count as the firmware's";
  if (Deno.env.get("CI") === "true") throw new Error(message);
  if (!warnedNoProbe) console.warn(`warning: ${message}`);
  warnedNoProbe = true;
  return undefined;
}
