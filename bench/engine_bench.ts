/**
 * `deno task bench:engine`: the SOS firmware on the WebAssembly engine (the real Espruino 2v29
 * interpreter of an ESP32-C3), on the virtual clock, for `--minutes` of board time (default 10)
 * against a real relay: built as `deno task build` builds it, saved to Storage and booted from
 * there, the default pattern, a re-handshake every 3 cycles, and each minute a fault in turn: the
 * Wi-Fi network lost for 20 s, the relay restarted, a flood of 2000 messages, an oversized message
 * (5000 bytes), a 4 KiB message. It measures the worst LED error over the whole run (pin log, board
 * clock), JsVars after GC each minute (on the console and as `status` reports them), "Timeout on
 * Utility Timer" and handler errors, the bundle's size, and the real time the run took.
 *
 * Run: `deno task bench:engine [-- --minutes 10]`. Writes the figures into docs/firmware.md
 * between its `bench:engine` markers.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { buildFirmware } from "../tools/build.ts";
import { sosTimingError } from "../tools/sos_timing.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { stablePort } from "../testing/ports.ts";
import { TestClient } from "../testing/test_client.ts";
import {
  command,
  consoleMemoryUsage,
  memoryUsage,
  startFirmwareBoard,
} from "../testing/firmware_board.ts";
import { formatMarkdown } from "./markdown.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const DOC = `${ROOT}docs/firmware.md`;
const BEGIN = "<!-- bench:engine -->";
const END = "<!-- /bench:engine -->";
const ID = "bench-1";
const WIFI = { ssid: "lab", password: "password1" };
const FAULTS = [
  "Wi-Fi lost for 20 s",
  "relay restarts",
  "floods of 2000 messages",
  "oversized messages (5000 bytes)",
  "4 KiB messages",
] as const;

const log = (text: string) => console.error(`engine_bench: ${text}`);

/** One memory sample: board minutes since boot, JsVars after GC (console / status). */
interface Sample {
  minute: number;
  idle: number;
  usage: number;
}

/** Size of the bundle: every board's, its settings being in Storage. */
async function exampleSize(): Promise<number> {
  return (await buildFirmware()).bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

const { values } = parseArgs({
  args: Deno.args.filter((arg) => arg !== "--"),
  options: { minutes: { type: "string", default: "10" } },
});
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${values.minutes}`);

const size = await exampleSize();
const port = stablePort();
let relay = await startRelayProcess(["--port", String(port)]);
const fw = await startFirmwareBoard({
  fields: {
    wifi: { ...WIFI, attempts: 3, delayMs: 200 },
    server: relay.url,
    clientId: ID,
    rehandshakeEvery: 3,
  },
  networks: [WIFI],
});
const board = fw.board;
let watcher = await TestClient.open(`${relay.url}watcher`);
const counts: Record<string, number> = Object.fromEntries(FAULTS.map((name) => [name, 0]));
const samples: Sample[] = [];
let bootIdle = NaN;
let bootUsage = NaN;
const started = performance.now();
try {
  await board.console.waitFor(/\[sos\] connected/, { from: fw.bootConsoleAt, timeoutMs: 30_000 });
  bootIdle = await consoleMemoryUsage(board);
  bootUsage = await memoryUsage(watcher, ID);
  log(`boot: ${bootIdle} JsVars after GC on the console, ${bootUsage} as status reports them`);
  for (let minute = 1; minute <= minutes; minute++) {
    const fault = FAULTS[(minute - 1) % FAULTS.length];
    counts[fault]++;
    if (fault === "Wi-Fi lost for 20 s") {
      board.radio.lose(20_000);
    } else if (fault === "relay restarts") {
      await watcher[Symbol.asyncDispose]();
      await relay.stop("SIGKILL");
      await board.runFor(5_000);
      relay = await startRelayProcess(["--port", String(port)]);
      watcher = await TestClient.open(`${relay.url}watcher`);
    } else if (fault === "floods of 2000 messages") {
      for (let i = 0; i < 2000; i++) watcher.socket.send(`flood ${i} ${"x".repeat(100)}`);
    } else if (fault === "oversized messages (5000 bytes)") {
      watcher.socket.send("y".repeat(5000));
    } else {
      await command(watcher, { to: ID, cmd: "say", text: "z".repeat(4096 - 40) }, 30_000)
        .catch((error) => log(`no reply to the 4 KiB message: ${error.message}`));
    }
    await board.runFor(60_000);
    try {
      const usage = await memoryUsage(watcher, ID);
      samples.push({ minute, idle: await consoleMemoryUsage(board), usage });
      log(`minute ${minute} (${fault}): ${samples.at(-1)!.idle} / ${usage} JsVars after GC`);
    } catch (error) {
      log(`no status after minute ${minute}: ${(error as Error).message}`);
    }
  }
} finally {
  await watcher[Symbol.asyncDispose]();
}
const realSeconds = (performance.now() - started) / 1000;
const pattern = fw.config.pattern;
const timing = sosTimingError(fw.led(), pattern);
const text = board.console.text;
const timeouts = text.split("Timeout on Utility Timer").length - 1;
const errors = text.split("\n").filter((line) => /error in (handler|message|cycle)/.test(line));
const uncaught = text.split("Uncaught").length - 1;
await fw.stop();
await relay.stop("SIGKILL");

const usages = samples.map((s) => s.usage);
const idles = samples.map((s) => s.idle);
const last = samples.at(-1);
const section = [
  BEGIN,
  "",
  `Measured on ${new Date().toISOString().slice(0, 10)} with \`deno task bench:engine -- ` +
  `--minutes ${minutes}\` (Deno ${Deno.version.deno}), on the WebAssembly engine's ESP32-C3 ` +
  "(Espruino 2v29: 4095 JsVars of 13 bytes, its 16-slot utility timer) on the virtual clock: " +
  `${minutes} minutes of board time took ${realSeconds.toFixed(1)} s of real time.`,
  "",
  "### Size",
  "",
  `- \`dist/firmware.js\`, every board's bundle (a board's settings are in its Storage): ` +
  `**${size} bytes** minified (limit 16 KB = 16384 bytes: ${
    size <= 16384 ? "met" : `not met, ${size - 16384} over`
  }; the earlier goal of ≤ 12 KB = 12288 bytes: ${
    size <= 12288 ? "met" : `not met, ${size - 12288} over`
  }).`,
  "",
  "### The run",
  "",
  "Saved to Storage and booted from there, default pattern (200/400 ms on, 50 ms off, 400 ms " +
  "pause), a re-handshake every 3 cycles, and each minute a fault in turn: " +
  Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(", ") + ".",
  "",
  "| measure | value |",
  "|---|--:|",
  `| LED spans checked (pin log, board clock) | ${timing.spans} |`,
  `| worst LED timing error | ${timing.worstMs.toFixed(3)} ms |`,
  `| "Timeout on Utility Timer" / uncaught errors | ${timeouts} / ${uncaught} |`,
  `| errors in handlers | ${errors.length} |`,
  `| JsVars after GC at boot (connected): console / status | ${bootIdle} / ${bootUsage} |`,
  `| JsVars after GC, median of ${samples.length} samples (one a minute): console / status | ${
    median(idles)
  } / ${median(usages)} |`,
  `| JsVars after GC, lowest / highest sample (status) | ${Math.min(...usages)} / ${
    Math.max(...usages)
  } |`,
  `| JsVars after GC at the end (minute ${last?.minute ?? "?"}): console / status | ${
    last ? `${last.idle} / ${last.usage}` : "?"
  } |`,
  "",
  "JsVars are `process.memory()` with garbage collection, read two ways: typed on the board's " +
  "console (nothing else running), and as the `status` command reports it (while the command is " +
  "being handled: its message and reply included).",
  "",
  END,
].join("\n");
const formatted = (await formatMarkdown(section)).trim();
console.log(formatted);
const doc = await Deno.readTextFile(DOC);
const start = doc.indexOf(BEGIN);
const stop = doc.indexOf(END);
const next = start >= 0 && stop > start
  ? doc.slice(0, start) + formatted + doc.slice(stop + END.length)
  : doc.trimEnd() + "\n\n" + formatted + "\n";
await Deno.writeTextFile(DOC, await formatMarkdown(next));
