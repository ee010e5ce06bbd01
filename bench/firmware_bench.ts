/**
 * Firmware benchmark on the REAL Espruino interpreter (`espruino-esp32c3`):
 * the firmware built as `deno task build` makes it, flashed with `deno task
 * flash` over TCP, booted from Storage, against the real relay, for N minutes
 * of faults (re-handshakes every 3 cycles, relay restarts, 2000-message
 * floods, oversized and 4 KiB messages). Measures the worst LED timing error
 * from the interpreter's pin log, JsVars after garbage collection (at boot,
 * through the run, at the end) and the bundle's size; then, on the virtual
 * board, the faults the real build cannot inject (Wi-Fi loss, a blocked
 * connect).
 *
 * Run: `deno task bench:firmware [-- --minutes 10 --keep DIR]` (writes the figures into
 * docs/firmware.md between its `bench:firmware` markers; `--keep` saves the pin log, the
 * console output and the machine's stalls in DIR). Needs the interpreter (`ESPRUINO_BIN`; see
 * tools/espruino_linux/README.md), and for the machine's stalls `cyclictest` (`apt-get install
 * rt-tests`): see tools/latency_probe.ts.
 *
 * @module
 */

import { basename } from "node:path";
import { parseArgs } from "node:util";
import { buildFirmware } from "../tools/build.ts";
import { parseDeviceConfig } from "../tools/device_config.ts";
import { espruinoCommand, findEspruino } from "../tools/espruino_process.ts";
import { edgeDeviations, sosTimingError } from "../tools/sos_timing.ts";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { type RelayProcess, startRelayProcess } from "../tests/relay_process.ts";
import { TestClient } from "../tests/helpers.ts";
import {
  asTransitions,
  command,
  consoleMemoryUsage,
  flashAndBoot,
  ledTransitions,
  memoryUsage,
  unexplainedSpanErrors,
} from "../tests/real_firmware.ts";
import { formatMarkdown } from "./markdown.ts";
import { edgeCauses, type ProbeResult, startLatencyProbe } from "../tools/latency_probe.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const DOC = `${ROOT}docs/firmware.md`;
const BEGIN = "<!-- bench:firmware -->";
const END = "<!-- /bench:firmware -->";
const ID = "bench-board";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) => console.error(`firmware_bench: ${text}`);

/** One memory sample: seconds since boot, JsVars in use after GC. */
interface Sample {
  atS: number;
  usage: number;
  /** The same read on the console, outside any handler. */
  idle: number;
}

/** What the run on the real interpreter measured. */
interface RealRun {
  minutes: number;
  worstMs: number;
  spans: number;
  bootUsage: number;
  bootIdle: number;
  samples: Sample[];
  faults: Record<string, number>;
  timeouts: number;
  errors: string[];
  bundleBytes: number;
  /** What the machine-latency probe saw over the run, when it could run. */
  probe?: ProbeResult;
  /** The worst LED error among spans with no machine stall at either edge. */
  worstOutsideStallsMs?: number;
  /** Edges off by more than 2 ms: all, late at a machine stall, early carried over from one. */
  offEdges: { all: number; stall: number; carried: number };
}

/** Waits until the board's connection shows in the relay's log (or the timeout). */
async function connected(relay: RelayProcess, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connects = () => relay.stderr.filter((l) => /INFO\s+connect id=bench-board /.test(l));
  while (connects().length < count && Date.now() < deadline) await sleep(100);
}

/**
 * Runs the firmware for `minutes` on `binary`; with `keep`, the board's pin log and console output
 * are copied into that folder, to look into outliers afterwards.
 */
async function realRun(binary: string, minutes: number, keep?: string): Promise<RealRun> {
  let relay = await startRelayProcess();
  const port = relay.port;
  const dir = await Deno.makeTempDir({ prefix: "firmware-bench-" });
  const fields = { server: relay.url, clientId: ID, rehandshakeEvery: 3 };
  const config = parseDeviceConfig(JSON.stringify(fields));
  const faults: Record<string, number> = {
    "relay restarts": 0,
    "floods of 2000 messages": 0,
    "oversized messages (5000 bytes)": 0,
    "4 KiB messages": 0,
  };
  // Started first, so that it sees the whole run.
  const probe = await startLatencyProbe({ thresholdMs: 2 });
  const board = await flashAndBoot(binary, dir, fields);
  const bundleBytes = (await Deno.stat(`${dir}/firmware.js`)).size;
  const bootedAt = Date.now();
  const since = () => (Date.now() - bootedAt) / 1000;
  let watcher = await TestClient.open(`${relay.url}watcher`);
  const samples: Sample[] = [];
  const faultTimes: { name: string; atS: number }[] = [];
  try {
    await connected(relay, 1, 10_000);
    // The board flashed first may have held the id for a moment: ask until the booted one answers.
    let bootUsage = NaN;
    for (let attempt = 0; attempt < 6 && Number.isNaN(bootUsage); attempt++) {
      bootUsage = await memoryUsage(watcher, ID).catch(() => NaN);
    }
    if (Number.isNaN(bootUsage)) throw new Error("the board does not answer status");
    const bootIdle = await consoleMemoryUsage(board);
    log(`boot: ${bootUsage} JsVars after GC (${bootIdle} on the console)`);
    const end = bootedAt + minutes * 60_000;
    let round = 0;
    while (Date.now() < end) {
      round++;
      // A fault each round, in turn; the re-handshakes run all along.
      const fault = round % 4;
      faultTimes.push({ name: ["4 KiB", "restart", "flood", "oversized"][fault], atS: since() });
      if (fault === 1) {
        await watcher[Symbol.asyncDispose]();
        await relay.stop("SIGKILL");
        await sleep(3000);
        relay = await startRelayProcess(["--port", String(port)]);
        watcher = await TestClient.open(`${relay.url}watcher`);
        await connected(relay, 1, 15_000);
        faults["relay restarts"]++;
      } else if (fault === 2) {
        for (let i = 0; i < 2000; i++) watcher.socket.send(`flood ${i} ${"x".repeat(100)}`);
        faults["floods of 2000 messages"]++;
      } else if (fault === 3) {
        watcher.socket.send("y".repeat(5000));
        faults["oversized messages (5000 bytes)"]++;
      } else {
        const text = "z".repeat(4096 - 40);
        await command(watcher, { to: ID, cmd: "say", text }, 15_000).catch(() => {});
        faults["4 KiB messages"]++;
      }
      await sleep(15_000);
      try {
        const usage = await memoryUsage(watcher, ID);
        samples.push({ atS: since(), usage, idle: await consoleMemoryUsage(board) });
        const last = samples[samples.length - 1];
        log(
          `${last.atS.toFixed(0)} s: ${last.usage} JsVars after GC (${last.idle} on the console)`,
        );
      } catch (error) {
        log(`no status at ${since().toFixed(0)} s: ${(error as Error).message}`);
      }
      await sleep(Math.min(15_000, Math.max(0, end - Date.now())));
    }
    const probed = await probe?.stop();
    // The pin log, read once: every span's error, each edge against the machine's stalls, then
    // each span by its two edges.
    const edges = await ledTransitions(board);
    const transitions = asTransitions(edges);
    const timing = sosTimingError(transitions, config.pattern);
    const deviations = edgeDeviations(transitions, config.pattern);
    const causes = probed ? edgeCauses(deviations, probed.stalls) : [];
    const offEdges = { all: 0, stall: 0, carried: 0 };
    for (let i = 0; i < deviations.length; i++) {
      const { time, deviationMs } = deviations[i];
      if (Math.abs(deviationMs) <= 2) continue;
      offEdges.all++;
      if (causes[i]) offEdges[causes[i]!]++;
      log(
        `LED edge ${i} ${deviationMs > 0 ? "late" : "early"} by ${
          Math.abs(deviationMs).toFixed(2)
        } ` +
          `ms at ${((time - deviations[0].time) / 1000).toFixed(1)} s` +
          (causes[i] === "stall"
            ? " (at a machine stall)"
            : causes[i] === "carried"
            ? " (carried over from a stall by jstimer.c)"
            : probed
            ? " (no stall)"
            : ""),
      );
    }
    let worstOutsideStallsMs = 0;
    for (const span of unexplainedSpanErrors(edges, config.pattern, 0, causes)) {
      worstOutsideStallsMs = Math.max(worstOutsideStallsMs, Math.abs(span.errorMs));
    }
    if (probed) {
      log(
        `machine: ${probed.stalls.length} stalls over 2 ms in ${probed.samples} wake-ups, ` +
          `worst ${probed.worstMs.toFixed(2)} ms`,
      );
    }
    log(`faults at (s): ${faultTimes.map((f) => `${f.name} ${f.atS.toFixed(1)}`).join(", ")}`);
    const timeouts = board.output.split("Timeout on Utility Timer").length - 1;
    const errors = board.output.split("\n").filter((l) =>
      /error in (handler|message|cycle)/.test(l)
    );
    return {
      minutes,
      worstMs: timing.worstMs,
      spans: timing.spans,
      bootUsage,
      bootIdle,
      samples,
      faults,
      timeouts,
      errors,
      bundleBytes,
      probe: probed,
      worstOutsideStallsMs: probed ? worstOutsideStallsMs : undefined,
      offEdges,
    };
  } finally {
    await probe?.stop();
    await watcher[Symbol.asyncDispose]();
    await board.kill();
    await relay.stop("SIGKILL");
    if (keep) {
      await Deno.mkdir(keep, { recursive: true });
      await Deno.copyFile(board.pinLogPath, `${keep}/pins.log`).catch(() => {});
      await Deno.writeTextFile(`${keep}/console.log`, board.output);
      const stalls = (await probe?.stop())?.stalls;
      if (stalls) await Deno.writeTextFile(`${keep}/stalls.json`, JSON.stringify(stalls, null, 1));
      log(`pin log, console output and machine stalls kept in ${keep}`);
    }
    await Deno.remove(dir, { recursive: true });
  }
}

/** The faults the real build cannot inject, on the virtual board. */
async function virtualRuns(): Promise<{ name: string; worstMs: number; spans: number }[]> {
  const results: { name: string; worstMs: number; spans: number }[] = [];
  const scenarios: {
    name: string;
    run: (board: VirtualBoard, relay: RelayProcess) => Promise<RelayProcess>;
  }[] = [
    {
      name: "Wi-Fi lost for 3 s",
      run: async (board, relay) => {
        await sleep(1500);
        board.wifi.down("BEACON_TIMEOUT");
        await sleep(3000);
        board.wifi.up();
        await sleep(3000);
        return relay;
      },
    },
    {
      name: "relay killed, the next connect blocks the JavaScript for 1.5 s",
      run: async (board, relay) => {
        await sleep(1500);
        await relay.stop("SIGKILL");
        board.faults.blockConnect(1500);
        await sleep(3000);
        const again = await startRelayProcess(["--port", String(relay.port)]);
        await sleep(3000);
        return again;
      },
    },
  ];
  for (const scenario of scenarios) {
    let relay = await startRelayProcess();
    const config = parseDeviceConfig(JSON.stringify({
      server: relay.url,
      clientId: ID,
      wifi: { ssid: "bench", password: "password1", attempts: 3, delayMs: 200 },
      rehandshakeEvery: 0,
    }));
    const { code } = await buildFirmware({ config });
    const board = await VirtualBoard.boot({ code, wifi: { ssid: "bench", password: "password1" } });
    try {
      relay = await scenario.run(board, relay);
      const timing = sosTimingError(board.pinLog("LED1"), config.pattern);
      results.push({ name: scenario.name, worstMs: timing.worstMs, spans: timing.spans });
      log(`virtual board: ${scenario.name}: worst ${timing.worstMs.toFixed(2)} ms`);
    } finally {
      await board.stop();
      await relay.stop("SIGKILL");
    }
  }
  return results;
}

/**
 * Size of the bundle built from the example with its documented Wi-Fi section in place of null:
 * a board's firmware, with the Wi-Fi code the sim's (wifi null) leaves out.
 */
async function exampleSize(): Promise<number> {
  const raw = JSON.parse(await Deno.readTextFile(`${ROOT}config/device.example.json`));
  const example = parseDeviceConfig(JSON.stringify({ ...raw, wifi: raw["//wifi example"] }));
  return (await buildFirmware({ config: example })).bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args: args[0] === "--" ? args.slice(1) : args,
    options: {
      minutes: { type: "string", default: "10" },
      "no-virtual": { type: "boolean" },
      keep: { type: "string" },
    },
  });
  const minutes = Number(values.minutes);
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${values.minutes}`);
  const binary = findEspruino("esp32c3");
  if (!binary) {
    throw new Error(
      "the real Espruino interpreter (espruino-esp32c3) was not found: set ESPRUINO_BIN",
    );
  }
  const launcher = espruinoCommand(binary); // [qemu-i386, binary] where emulated
  const size = await exampleSize();
  log(`running ${minutes} min on ${binary}`);
  const real = await realRun(binary, minutes, values.keep);
  const virtual = values["no-virtual"] ? [] : await virtualRuns();

  const usages = real.samples.map((s) => s.usage);
  const idles = real.samples.map((s) => s.idle);
  const firstHalf = usages.slice(0, Math.ceil(usages.length / 2));
  const secondHalf = usages.slice(Math.ceil(usages.length / 2));
  const lastSample = real.samples[real.samples.length - 1];
  const lines = [
    BEGIN,
    "",
    `Measured on ${new Date().toISOString().slice(0, 10)} with \`deno task bench:firmware -- ` +
    `--minutes ${minutes}\` (Deno ${Deno.version.deno}), on \`espruino-esp32c3\` (Espruino 2v29 ` +
    "for Linux: the C3's 4095 JsVars of 13 bytes, its 16-slot utility timer)" +
    (launcher.length > 1
      ? `, run through \`${basename(launcher[0])}\` (this machine runs no ` +
        "32-bit programs itself): its JavaScript runs far slower than natively."
      : "."),
    "",
    "### Size",
    "",
    `- \`dist/firmware.js\` from \`config/device.example.json\`: **${size} bytes** minified ` +
    `(goal ≤ 12 KB = 12288 bytes: ${size <= 12288 ? "met" : "not met"}).`,
    `- The benchmark's build (flashed): ${real.bundleBytes} bytes.`,
    "",
    "### On the real interpreter",
    "",
    `${minutes} min, flashed with \`deno task flash\` over TCP and booted from Storage, default ` +
    "pattern (200/400 ms on, 50 ms off, 400 ms pause), re-handshake every 3 cycles, and in turn " +
    "every 30 s: " +
    Object.entries(real.faults).map(([name, count]) => `${count} ${name}`).join(", ") + ".",
    "",
    "| measure | value |",
    "|---|--:|",
    `| LED spans checked (pin log) | ${real.spans} |`,
    `| worst LED timing error | ${real.worstMs.toFixed(3)} ms |`,
    ...(real.probe
      ? [
        `| machine stalls over 2 ms (latency probe, every CPU) / worst | ${real.probe.stalls.length} / ` +
        `${real.probe.worstMs.toFixed(3)} ms |`,
        `| LED edges off by over 2 ms: all / late at a machine stall / early, carried over from ` +
        `one | ${real.offEdges.all} / ${real.offEdges.stall} / ${real.offEdges.carried} |`,
        `| worst LED timing error outside machine stalls | ${
          real.worstOutsideStallsMs!.toFixed(3)
        } ms |`,
      ]
      : ["| machine stalls | not measured (no cyclictest: apt-get install rt-tests) |"]),
    `| "Timeout on Utility Timer" | ${real.timeouts} |`,
    `| errors in handlers | ${real.errors.length} |`,
    `| JsVars after GC at boot (connected): console / status | ${real.bootIdle} / ${real.bootUsage} |`,
    `| JsVars after GC, steady state (median of ${usages.length} samples): console / status | ${
      median(idles)
    } / ${median(usages)} |`,
    `| JsVars after GC, lowest / highest sample | ${Math.min(...usages)} / ${
      Math.max(...usages)
    } |`,
    `| JsVars after GC, median of first / second half | ${median(firstHalf)} / ${
      median(secondHalf)
    } |`,
    `| JsVars after GC at the end (${lastSample ? lastSample.atS.toFixed(0) : "?"} s): console / ` +
    `status | ${lastSample ? `${lastSample.idle} / ${lastSample.usage}` : "?"} |`,
    "",
    "JsVars are `process.memory()` with garbage collection, read two ways: typed on the board's " +
    "console (nothing else running), and as the `status` command reports it (while the command " +
    "is being handled: its message and reply included). Lowest/highest and halves are `status`.",
    "",
  ];
  if (virtual.length > 0) {
    lines.push(
      "### Faults only the virtual board can inject",
      "",
      "The real build has no Wi-Fi and its connects do not block; these run on `virtual_board/`, " +
        'whose `require("timer")` plays the queued edges on time while the JavaScript is blocked, ' +
        "as the utility timer does.",
      "",
      "| fault | spans checked | worst error (ms) |",
      "|---|--:|--:|",
      ...virtual.map((r) => `| ${r.name} | ${r.spans} | ${r.worstMs.toFixed(2)} |`),
      "",
    );
  }
  lines.push(END);
  const section = (await formatMarkdown(lines.join("\n"))).trim();
  console.log(section);
  const doc = await Deno.readTextFile(DOC);
  const start = doc.indexOf(BEGIN);
  const stop = doc.indexOf(END);
  const next = start >= 0 && stop > start
    ? doc.slice(0, start) + section + doc.slice(stop + END.length)
    : doc.trimEnd() + "\n\n" + section + "\n";
  await Deno.writeTextFile(DOC, await formatMarkdown(next));
}

if (import.meta.main) await main(Deno.args);
