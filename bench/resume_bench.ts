/**
 * `deno task bench:resume`: what the resume window costs.
 *
 * 1. Relay CPU per delivery with the window on (the default, nobody away)
 *    against `--resume-window 0`, one publisher to 100 subscribers, the two
 *    alternated several times so both meet the same machine (relay on core 0,
 *    load on core 1, as `deno task bench`).
 * 2. Memory per away client and per kept message, measured on the
 *    {@linkcode ResumeStore} itself with forced garbage collection.
 *
 * Writes docs/resume.md. `--quick` runs short and writes nothing.
 *
 * @module
 */

import { formatMarkdown } from "./markdown.ts";
import { type CaseResult, FULL, runCase } from "./harness.ts";
import { Client, Hub } from "../relay/hub.ts";
import { createLogger } from "../relay/logger.ts";
import { RelayMetrics } from "../relay/metrics.ts";
import { ResumeStore } from "../relay/resume.ts";
import * as cli from "../relay/cli_args.ts";

const REPO = decodeURIComponent(new URL("..", import.meta.url).pathname);

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface MemoryFigures {
  awayIds: number;
  bytesPerAwayId: number;
  keptMessages: number;
  bytesPerKeptMessage: number;
}

/** Heap bytes after a full collection (needs `--v8-flags=--expose-gc`). */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --v8-flags=--expose-gc (deno task bench:resume does)");
  gc();
  gc();
  return Deno.memoryUsage().heapUsed;
}

function measureMemory(awayIds: number): MemoryFigures {
  const store = new ResumeStore({ ...LIMITS, maxTotalBytes: 1 << 30 });
  const ids = Array.from({ length: awayIds }, (_, i) => `esp32-${String(i).padStart(6, "0")}`);
  const before = heapAfterGc();
  for (const id of ids) store.leaveId(id);
  const afterLeave = heapAfterGc();
  // Ten messages kept for every away id: the payload is shared, each queue holds a reference.
  const messages = Array.from({ length: 10 }, (_, i) => `{"to":"*","cmd":"status","n":${i}}`);
  const beforeKeep = heapAfterGc();
  for (const message of messages) store.keep(message, message.length);
  const afterKeep = heapAfterGc();
  store.clear();
  return {
    awayIds,
    bytesPerAwayId: (afterLeave - before) / awayIds,
    keptMessages: awayIds * messages.length,
    bytesPerKeptMessage: (afterKeep - beforeKeep) / (awayIds * messages.length),
  };
}

const LIMITS = {
  windowMs: 30_000,
  maxMessages: 100,
  maxBytes: 256 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};

/**
 * Nanoseconds of hub work per delivery (fan-out to 100 subscribers whose
 * sockets do nothing), with and without a resume store, nobody away: the
 * window's own cost, free of the socket writes and of other processes' noise.
 */
function hubNanosPerDelivery(withResume: boolean, messages: number): number {
  const hub = new Hub({
    maxMessageBytes: 65536,
    maxBacklogBytes: 1 << 20,
    backlogGraceMs: 5000,
    metrics: new RelayMetrics(),
    logger: createLogger({ level: "silent", format: "text" }),
    resume: withResume ? new ResumeStore(LIMITS) : undefined,
  });
  const socket = { bufferedAmount: 0, send() {}, close() {} };
  const join = (id: string) => {
    const client = new Client({ id, remote: "bench", socket });
    hub.add(client);
    hub.opened(client);
    return client;
  };
  const publisher = join("publisher");
  for (let i = 0; i < 100; i++) join(`subscriber-${i}`);
  const message = "x".repeat(64);
  const started = performance.now();
  for (let i = 0; i < messages; i++) hub.receive(publisher, message);
  return (performance.now() - started) * 1e6 / (messages * 100);
}

async function main(): Promise<number> {
  const { quick } = cli.parseOrExit(
    cli.defineCommand({
      usage: ["deno task bench:resume [-- --quick]"],
      flags: { quick: cli.toggle({ help: "a short run that only prints" }) },
    }),
    { program: "bench:resume" },
  ).values;
  const settings = quick
    ? { ...FULL, warmupMs: 200, throughputMs: 600, latencyMs: 300, quietWaitMs: 0 }
    : { ...FULL, latencyMs: 500 };
  const rounds = quick ? 1 : 5;
  const runs: Record<"on" | "off", CaseResult[]> = { on: [], off: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const mode of round % 2 ? ["off", "on"] as const : ["on", "off"] as const) {
      console.error(`resume_bench: round ${round}/${rounds}, window ${mode}`);
      const run = await runCase({
        kind: "deno",
        subscribers: 100,
        size: 64,
        settings,
        relayArgs: ["--resume-window", mode === "on" ? "30" : "0"],
      });
      runs[mode].push(run);
      console.error(
        `resume_bench: ${run.cpuMicrosPerDelivery.toFixed(2)} µs per delivery, ` +
          `other processes ${run.otherCpuPercent.toFixed(0)} %`,
      );
    }
  }
  const cpu = (mode: "on" | "off") => median(runs[mode].map((r) => r.cpuMicrosPerDelivery));
  const rate = (mode: "on" | "off") => median(runs[mode].map((r) => r.deliveriesPerSecond));
  const ratio = cpu("on") / cpu("off");
  const hubRuns = { on: [] as number[], off: [] as number[] };
  hubNanosPerDelivery(false, 20_000); // warm up the JIT for both
  hubNanosPerDelivery(true, 20_000);
  for (let round = 0; round < (quick ? 3 : 15); round++) {
    hubRuns.off.push(hubNanosPerDelivery(false, 20_000));
    hubRuns.on.push(hubNanosPerDelivery(true, 20_000));
  }
  const hubOn = median(hubRuns.on);
  const hubOff = median(hubRuns.off);
  const memory = measureMemory(quick ? 2000 : 20_000);
  const noise = Math.max(...[...runs.on, ...runs.off].map((r) => r.otherCpuPercent));

  const report = [
    "# Resume window: what it costs",
    "",
    `Measured by \`deno task bench:resume\` on ${new Date().toISOString().slice(0, 10)}, ` +
    `Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores.`,
    "",
    "## Relay CPU per delivery, nobody away",
    "",
    "One publisher, 100 subscribers, 64-byte messages at saturation; relay pinned to one core, " +
    `load to the other; median of ${rounds} alternated runs each.`,
    "",
    "| window | CPU per delivery | deliveries/s |",
    "| --- | --- | --- |",
    `| \`--resume-window 0\` (off) | ${cpu("off").toFixed(2)} µs | ${Math.round(rate("off"))} |`,
    `| \`--resume-window 30\` (default) | ${cpu("on").toFixed(2)} µs | ${Math.round(rate("on"))} |`,
    "",
    `Each run (µs): off ${runs.off.map((r) => r.cpuMicrosPerDelivery.toFixed(2)).join(", ")}; ` +
    `on ${runs.on.map((r) => r.cpuMicrosPerDelivery.toFixed(2)).join(", ")}.`,
    "",
    `On/off: **${ratio.toFixed(3)}×** (goal ≤ 1.05×). With nobody away the window costs one ` +
    "check of an empty map per message. Other processes used up to " +
    `${noise.toFixed(0)} % of a core during these runs.`,
    "",
    "The hub's own work per delivery, measured in one process with sockets that do nothing " +
    `(median of ${hubRuns.on.length} alternated runs of 20,000 messages to 100 subscribers): ` +
    `${hubOff.toFixed(0)} ns without a resume store, ${hubOn.toFixed(0)} ns with one and nobody ` +
    `away (${
      (hubOn / hubOff).toFixed(3)
    }×); both run in one process, alternated, so the load of other processes falls on both alike.`,
    "",
    "## Memory",
    "",
    `Measured on the resume store alone with forced garbage collection, ${memory.awayIds} ids away:`,
    "",
    `- **per away client:** ${Math.round(memory.bytesPerAwayId)} bytes (its queue and deadline)`,
    `- **per kept message:** ${
      Math.round(memory.bytesPerKeptMessage)
    } bytes on top of the payload, ` +
    "which every queue shares with the relay's own copy of the message",
    "",
    "So the defaults (100 messages and 256 KiB per id, 64 MiB in all) bound payload memory to " +
    "64 MiB whatever the number of away clients, plus the per-client and per-message overheads above.",
    "",
  ].join("\n");
  const text = await formatMarkdown(report);
  console.log(text.trimEnd());
  if (!quick) {
    await Deno.writeTextFile(`${REPO}docs/resume.md`, text);
    console.error("resume_bench: wrote docs/resume.md");
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main());
