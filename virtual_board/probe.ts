/**
 * Probes: plain Espruino scripts run on the virtual board AND on the real interpreter
 * (`tools/espruino_process.ts`), whose console lines and pin edges are compared. A probe
 * prints `probe done` as its last line; it may use `PROBE_PORT`, the port of a local TCP
 * server started for each run (it sends `hello` 100 ms after accepting, echoes what it
 * receives — 100 ms late when it holds `slow` — and closes after a chunk holding `bye`).
 *
 * ```sh
 * deno run --allow-all virtual_board/probe.ts tests/probes/timers.js [--board esp32c3]
 * ```
 *
 * @module
 */

import { parseArgs } from "node:util";
import {
  type EspruinoBoard,
  EspruinoProcess,
  findEspruino,
  type PinEdge,
} from "../tools/espruino_process.ts";
import { VirtualBoard } from "./mod.ts";

/** What a probe printed and did to the pins, on one engine. */
export interface ProbeRun {
  /** Console lines (banner, prompts and stack-trace lines removed). */
  console: string[];
  /** Level changes, times in ms since the probe's first edge. */
  edges: PinEdge[];
}

/** Options of the probe runners. */
export interface ProbeOptions {
  /** Longest a probe may run, in ms (default 20000). */
  timeoutMs?: number;
  /** JsVars of the virtual board (default 4095, like the ESP32-C3). */
  variables?: number;
  /**
   * Run this long and stop, instead of waiting for {@linkcode PROBE_DONE} (virtual board) or
   * the end of the program (real interpreter): for programs that never end, like firmware.
   */
  durationMs?: number;
}

/** The pin-edge time tolerance a probe asks for (`// tolerance-ms: N`), else 5 ms. */
export function probeTolerance(code: string): number {
  const match = /^\/\/ tolerance-ms: (\d+)/m.exec(code);
  return match ? Number(match[1]) : 5;
}

/** The line that ends every probe. */
export const PROBE_DONE = "probe done";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The local server a probe talks to: `hello` first, echoes, closes after `bye`. The `hello` waits
 * 100 ms: Espruino runs a `data` handler at once but only queues `connect`, so when a slow
 * interpreter first looks at the socket with the greeting already there, `data` comes first.
 */
async function serveProbe(listener: Deno.TcpListener): Promise<void> {
  const connections: Promise<void>[] = [];
  for (;;) {
    let conn: Deno.TcpConn;
    try {
      conn = await listener.accept();
    } catch {
      break;
    }
    connections.push((async () => {
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await conn.write(encoder.encode("hello"));
        const buffer = new Uint8Array(2048);
        for (;;) {
          const n = await conn.read(buffer);
          if (n === null) break;
          const text = decoder.decode(buffer.subarray(0, n));
          if (text.includes("slow")) await new Promise((resolve) => setTimeout(resolve, 100));
          await conn.write(buffer.subarray(0, n));
          if (text.includes("bye")) break;
        }
      } catch {
        // The probe's side went away.
      } finally {
        try {
          conn.close();
        } catch {
          // already closed
        }
      }
    })());
  }
  await Promise.all(connections);
}

async function withProbeServer<T>(run: (port: number) => Promise<T>): Promise<T> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const serving = serveProbe(listener);
  try {
    return await run(listener.addr.port);
  } finally {
    listener.close();
    await serving;
  }
}

function withPort(code: string, port: number): string {
  return `var PROBE_PORT = ${port};\n${code}`;
}

/**
 * Level changes only (a pin starts at 0; the real pin log also records a first write of 0),
 * times relative to the first change.
 */
export function normalizeEdges(edges: PinEdge[]): PinEdge[] {
  const levels = new Map<string, 0 | 1>();
  const changes = edges.filter((edge) => {
    if ((levels.get(edge.pin) ?? 0) === edge.level) return false;
    levels.set(edge.pin, edge.level);
    return true;
  });
  const origin = changes[0]?.atMs ?? 0;
  return changes.map((edge) => ({ ...edge, atMs: edge.atMs - origin }));
}

/**
 * The real interpreter's console as lines: without the start banner, the `>` prompts and the
 * `\r\x1b[J` that clear them, and without the `    at …` stack-trace lines (with their source
 * line and `^` marker) that follow an error report.
 */
export function normalizeEspruinoOutput(text: string): string[] {
  const banner = text.indexOf("http://espruino.com/Donate");
  let body = banner < 0 ? text : text.slice(text.indexOf("\n", banner) + 1);
  body = body.replace(/^\r?\n/, "").replaceAll(">\r\x1b[J", "").replaceAll("\r\x1b[J", "");
  const lines = body.replaceAll("\r\n", "\n").split("\n");
  if (lines.at(-1) === ">" || lines.at(-1) === "") lines.pop();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^ {4}at /.test(lines[i])) {
      // `    at :line:col`, the source line, then the `^` marker.
      if (i + 2 < lines.length && /^\s*\^$/.test(lines[i + 2])) i += 2;
      continue;
    }
    out.push(lines[i]);
  }
  return out;
}

/** Runs a probe on the virtual board until it prints {@linkcode PROBE_DONE}. */
export function runProbeOnVirtualBoard(
  code: string,
  options: ProbeOptions = {},
): Promise<ProbeRun> {
  return withProbeServer(async (port) => {
    await using board = await VirtualBoard.boot({
      code: withPort(code, port),
      saveOnSend: false,
      hasWifi: false,
      variables: options.variables ?? 4095,
    });
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    if (options.durationMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, options.durationMs));
    }
    while (options.durationMs === undefined && !board.console.includes(PROBE_DONE)) {
      if (Date.now() > deadline) {
        throw new Error(
          `the probe did not print "${PROBE_DONE}" on the virtual board:\n` +
            board.console.join("\n"),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Anything printed after the end marker is a difference too.
    if (options.durationMs === undefined) await new Promise((resolve) => setTimeout(resolve, 300));
    const edges = board.pinLog().map((t) => ({ atMs: t.time, pin: t.pin, level: t.value }));
    return { console: [...board.console], edges: normalizeEdges(edges) };
  });
}

/** Runs a probe as a file on the real interpreter until it exits. */
export function runProbeOnEspruino(
  code: string,
  options: ProbeOptions & { binary: string },
): Promise<ProbeRun> {
  return withProbeServer(async (port) => {
    await using espruino = EspruinoProcess.start({
      binary: options.binary,
      script: withPort(code, port),
    });
    const timeoutMs = options.durationMs ?? options.timeoutMs ?? 20_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const result = await Promise.race([espruino.exited, timedOut]);
    clearTimeout(timer);
    if (result === "timeout" && options.durationMs === undefined) {
      await espruino.kill();
      throw new Error(
        `the probe did not end within ${timeoutMs} ms on the real interpreter:\n` +
          espruino.output.slice(-2000),
      );
    }
    await espruino.kill(); // collects the rest of its output
    return {
      console: normalizeEspruinoOutput(espruino.output),
      edges: normalizeEdges(await espruino.pinEdges()),
    };
  });
}

/**
 * The differences between two runs: console lines must be equal; each pin's edges equal in
 * order and level, and within `toleranceMs` (default 5) in time; with `edgesBeforeMs`, only the
 * edges before that time count (for runs stopped after a while).
 */
export function compareProbeRuns(
  virtual: ProbeRun,
  real: ProbeRun,
  options: { toleranceMs?: number; edgesBeforeMs?: number } = {},
): string[] {
  const tolerance = options.toleranceMs ?? 5;
  const before = options.edgesBeforeMs ?? Infinity;
  virtual = { ...virtual, edges: virtual.edges.filter((edge) => edge.atMs < before) };
  real = { ...real, edges: real.edges.filter((edge) => edge.atMs < before) };
  const differences: string[] = [];
  const lines = Math.max(virtual.console.length, real.console.length);
  for (let i = 0; i < lines; i++) {
    if (virtual.console[i] !== real.console[i]) {
      differences.push(
        `console line ${i + 1}: virtual ${JSON.stringify(virtual.console[i])}, ` +
          `real ${JSON.stringify(real.console[i])}`,
      );
    }
  }
  // Pin by pin: edges of different pins that fall within the tolerance of each other may come
  // in either order on a loaded machine, and their times are checked anyway.
  const pins = [...new Set([...virtual.edges, ...real.edges].map((edge) => edge.pin))].sort();
  const show = (e?: PinEdge) => e ? `${e.level} at ${e.atMs.toFixed(1)} ms` : "none";
  for (const pin of pins) {
    const virtualEdges = virtual.edges.filter((edge) => edge.pin === pin);
    const realEdges = real.edges.filter((edge) => edge.pin === pin);
    const count = Math.max(virtualEdges.length, realEdges.length);
    for (let i = 0; i < count; i++) {
      const v = virtualEdges[i];
      const r = realEdges[i];
      const where = `${pin} edge ${i + 1}: virtual ${show(v)}, real ${show(r)}`;
      if (!v || !r || v.level !== r.level) differences.push(where);
      else if (Math.abs(v.atMs - r.atMs) > tolerance) {
        differences.push(`${where} (more than ${tolerance} ms apart)`);
      }
    }
  }
  return differences;
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { board: { type: "string", default: "esp32c3" } },
  });
  const board = values.board as EspruinoBoard;
  const binary = findEspruino(board);
  if (!binary) {
    console.error(`no Espruino interpreter for ${board}: set ESPRUINO_BIN`);
    return 1;
  }
  let failed = false;
  for (const file of positionals) {
    const code = await Deno.readTextFile(file);
    // One after the other: the timing of each must not suffer from the other.
    const virtual = await runProbeOnVirtualBoard(code);
    const real = await runProbeOnEspruino(code, { binary });
    const differences = compareProbeRuns(virtual, real, { toleranceMs: probeTolerance(code) });
    console.log(`${file}: ${differences.length} difference(s)`);
    for (const difference of differences) console.log(`  ${difference}`);
    if (differences.length > 0) {
      failed = true;
      console.log("  virtual console:", virtual.console);
      console.log("  real console:   ", real.console);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
