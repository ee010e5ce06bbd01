/**
 * What the benchmarks share: relays and load generators in their own processes (pinned to a
 * core each where `taskset` allows), a wait for a quiet machine, and one measured case of
 * `deno task bench` (a relay × subscribers × message size).
 *
 * ```ts
 * import { FULL, runCase } from "./harness.ts";
 * const result = await runCase({ kind: "deno", subscribers: 100, size: 64, settings: FULL, nodeModules: "" });
 * ```
 *
 * @module
 */

import type { CpuWindow, LatencyResult, LoadCommand, LoadReply } from "./load.ts";
import { clockTicksPerSecond, readStatusKiB, readSystemTicks } from "./proc.ts";
import { delay } from "../testing/wait.ts";

/** Which relay implementation is measured. */
/** `deno-bare` is bench/bare_deno_server.ts: Deno's WebSocket alone, the floor under the relay. */
export type RelayKind = "deno" | "node" | "deno-bare";

/** Figures from one relay × subscriber count × message size. */
export interface CaseResult {
  /** Relay implementation. */
  relay: RelayKind;
  /** Subscriber connections (plus one publisher). */
  subscribers: number;
  /** Message size in bytes. */
  size: number;
  /** Deliveries per second at saturation. */
  deliveriesPerSecond: number;
  /** Latency at a fixed moderate rate. */
  latency: LatencyResult;
  /** Relay CPU time per delivery, in microseconds. */
  cpuMicrosPerDelivery: number;
  /** Relay CPU use in the saturated window, percent of one core. */
  relayCpuPercent: number;
  /** Load generator CPU use in the saturated window, percent of one core. */
  loadCpuPercent: number;
  /** CPU used by every other process, percent of one core, in the throughput or the latency
   * window, whichever is more: noise. */
  otherCpuPercent: number;
  /** Relay peak resident memory (VmHWM), KiB. */
  peakRssKiB: number;
  /** Deliveries that went missing or had the wrong size (should be 0). */
  errors: number;
}

/** Durations and counts of one benchmark run. */
export interface BenchSettings {
  /** Subscriber counts to test. */
  subscriberCounts: number[];
  /** Message sizes to test, bytes. */
  sizes: number[];
  /** Saturated publishing before the measured window. */
  warmupMs: number;
  /** Measured saturated window. */
  throughputMs: number;
  /** Latency measurement length. */
  latencyMs: number;
  /** Deliveries per second while measuring latency (split over the subscribers). */
  latencyDeliveriesPerSecond: number;
  /** Flow control: most deliveries published but not yet received. */
  maxInFlight: number;
  /** Idle connections for the memory figure. */
  idleConnections: number;
  /** Wait after opening the idle connections before reading RSS. */
  idleSettleMs: number;
  /** Longest wait for a quiet machine before each case. */
  quietWaitMs: number;
  /** Noisy cases are retried only while the whole run is expected to end within this. */
  timeBudgetMs: number;
}

/** The full run's settings. */
export const FULL: BenchSettings = {
  subscriberCounts: [100, 1000],
  sizes: [64, 1024],
  warmupMs: 1000,
  throughputMs: 4000,
  latencyMs: 3000,
  latencyDeliveriesPerSecond: 10_000,
  // 8192 left relay and load process waiting on each other at 1000 subscribers; this keeps
  // both busy, and bounds queued data to 32 MiB at 1 KiB.
  maxInFlight: 32768,
  idleConnections: 1000,
  idleSettleMs: 2000,
  quietWaitMs: 8_000,
  timeBudgetMs: 210_000,
};

export const WS_VERSION = "8.23.0";
const RELAY_CORE = "0";
const LOAD_CORE = "1";
/** Large enough that the relay never drops the benchmark's own subscribers. */
export const MAX_BACKLOG_BYTES = 64 * 1024 * 1024;
const START_TIMEOUT_MS = 60_000;
/** Machine-wide busy share (both cores) under which a case may start. */
const QUIET_BUSY_SHARE = 0.1;
const STOP_TIMEOUT_MS = 5_000;

export const repoDir = decodeURIComponent(new URL("..", import.meta.url).pathname);
export const children = new Set<Deno.ChildProcess>();

/** Rejects after `ms` with a message, unless `promise` settles first. */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Splits a byte stream into lines. */
async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let buffered = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      yield buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
    }
  }
  if (buffered) yield buffered;
}

function spawn(command: string, args: string[], options: Deno.CommandOptions): Deno.ChildProcess {
  const child = new Deno.Command(command, { cwd: repoDir, ...options, args }).spawn();
  children.add(child);
  child.status.finally(() => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if the process is still there after a grace period. */
export async function stopChild(child: Deno.ChildProcess): Promise<void> {
  if (!children.has(child)) return;
  try {
    child.kill("SIGTERM");
  } catch {
    // Already exited.
  }
  const exited = await Promise.race([child.status.then(() => true), delay(STOP_TIMEOUT_MS)]);
  if (!exited) {
    try {
      child.kill("SIGKILL");
    } catch {
      // Exited meanwhile.
    }
    await child.status;
  }
}

/** Installs ws for Node into a cache folder outside the repository; returns its node_modules. */
export async function ensureNodeWs(): Promise<string> {
  const cache = Deno.env.get("XDG_CACHE_HOME") ?? `${Deno.env.get("HOME") ?? "/tmp"}/.cache`;
  const prefix = `${cache}/relay_bench/node_ws_${WS_VERSION}`;
  const modules = `${prefix}/node_modules`;
  try {
    const pkg = JSON.parse(await Deno.readTextFile(`${modules}/ws/package.json`));
    if (pkg.version === WS_VERSION) return modules;
  } catch {
    // Not installed yet.
  }
  await Deno.mkdir(prefix, { recursive: true });
  const out = await new Deno.Command("npm", {
    args: ["install", "--prefix", prefix, `ws@${WS_VERSION}`, "--no-audit", "--no-fund"],
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!out.success) {
    throw new Error(`npm install ws@${WS_VERSION} failed: ${new TextDecoder().decode(out.stderr)}`);
  }
  return modules;
}

export interface RunningRelay {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export async function startRelay(
  kind: RelayKind,
  nodeModules: string,
  extraArgs: string[] = [],
): Promise<RunningRelay> {
  const common = [
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--max-message-bytes",
    "65536",
    "--max-backlog-bytes",
    String(MAX_BACKLOG_BYTES),
    "--max-clients",
    "10000",
  ];
  const command = kind === "deno-bare"
    ? [Deno.execPath(), "run", "-A", "bench/bare_deno_server.ts", "--port", "0"]
    : kind === "deno"
    ? [
      Deno.execPath(),
      "run",
      "-A",
      "server.ts",
      ...common,
      // info: the only level that prints the listening line.
      "--log-level",
      "info",
      "--ping-interval",
      "0",
      "--ping-timeout",
      "0",
      ...extraArgs,
    ]
    : ["node", "bench/node_relay.mjs", ...common];
  const child = spawn("taskset", ["-c", RELAY_CORE, ...command], {
    env: kind === "node" ? { NODE_PATH: nodeModules } : {},
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  });
  const tail: string[] = [];
  const listening = Promise.withResolvers<string>();
  // Keep draining stderr for the whole run: a full pipe would stall the relay.
  const drained = (async () => {
    for await (const line of lines(child.stderr)) {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      const match = /url="?(ws:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (match) listening.resolve(match[1]);
    }
  })();
  const exited = child.status.then((status) => {
    throw new Error(`${kind} relay exited (code ${status.code}):\n${tail.join("\n")}`);
  });
  try {
    const url = await withTimeout(
      Promise.race([listening.promise, exited]),
      START_TIMEOUT_MS,
      kind,
    );
    exited.catch(() => {}); // a later exit is reported by the step that needed the relay
    return {
      pid: child.pid,
      url,
      stop: async () => {
        await stopChild(child);
        await drained.catch(() => {});
      },
    };
  } catch (error) {
    exited.catch(() => {});
    await stopChild(child);
    throw error;
  }
}

/** A running load process driven by JSON lines: one command per line in, one reply per line out. */
export interface DrivenProcess<Command extends { op: string }, Reply> {
  /** The child process (its pid is the load's, for /proc). */
  child: Deno.ChildProcess;
  /** Sends one command and waits for its reply; throws on a reply that is not ok. */
  request(command: Command, timeoutMs: number): Promise<Reply & { ok: true }>;
  /** Closes its stdin (it exits), killing it if it lingers. */
  stop(): Promise<void>;
}

/** A running bench/load.ts process. */
export type LoadProcess = DrivenProcess<LoadCommand, LoadReply>;

/**
 * Starts a load script (`deno run -A SCRIPT`) that answers JSON lines, pinned to `cpus`
 * (a taskset list) unless that is undefined.
 */
export function startDriven<
  Command extends { op: string },
  Reply extends { ok: true } | { ok: false; error: string },
>(options: { script: string; cpus?: string }): DrivenProcess<Command, Reply> {
  const deno = [Deno.execPath(), "run", "-A", options.script];
  const child = options.cpus === undefined
    ? spawn(deno[0], deno.slice(1), { stdin: "piped", stdout: "piped", stderr: "inherit" })
    : spawn("taskset", ["-c", options.cpus, ...deno], {
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    });
  const writer = child.stdin.getWriter();
  const replies = lines(child.stdout);
  const encoder = new TextEncoder();
  return {
    child,
    async request(command, timeoutMs) {
      await writer.write(encoder.encode(JSON.stringify(command) + "\n"));
      const next = await withTimeout(replies.next(), timeoutMs, `load ${command.op}`);
      if (next.done) throw new Error(`load process exited during ${command.op}`);
      const reply = JSON.parse(next.value) as Reply;
      if (!reply.ok) throw new Error(`load ${command.op}: ${reply.error}`);
      return reply as Reply & { ok: true };
    },
    async stop() {
      await writer.close().catch(() => {});
      const exited = await Promise.race([child.status.then(() => true), delay(STOP_TIMEOUT_MS)]);
      if (!exited) await stopChild(child);
      await replies.return(undefined).catch(() => {});
    },
  };
}

/** Starts bench/load.ts pinned to its own core. */
export function startLoad(): LoadProcess {
  return startDriven<LoadCommand, LoadReply>({ script: "bench/load.ts", cpus: LOAD_CORE });
}

let runCounter = 0;

/** A fresh prefix for one run's client ids. */
export function nextRunId(tag: string): string {
  return `${tag}${++runCounter}`;
}

/**
 * Waits (up to `maxMs`) for the machine to be nearly idle, since other
 * processes on these 2 cores would skew the figures; returns the busy share seen last.
 */
/** Waits up to `maxMs` for the machine to go quiet; returns the last busy share. */
export async function waitForQuiet(maxMs: number): Promise<number> {
  const deadline = performance.now() + maxMs;
  let busyShare = 1;
  while (performance.now() < deadline) {
    const a = readSystemTicks();
    await delay(500);
    const b = readSystemTicks();
    busyShare = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    if (busyShare < QUIET_BUSY_SHARE) break;
  }
  return busyShare;
}

/** What {@linkcode runCase} measures. */
export interface CaseOptions {
  /** Relay implementation. */
  kind: RelayKind;
  /** Subscriber connections (plus one publisher). */
  subscribers: number;
  /** Message size in bytes. */
  size: number;
  /** Durations and limits. */
  settings: BenchSettings;
  /** `node_modules` holding `ws`, for the Node.js relay. */
  nodeModules?: string;
  /** Extra flags for the Deno relay, e.g. `["--resume-window", "0"]`. */
  relayArgs?: string[];
}

/**
 * Runs one case: the relay pinned to core 0, the load to core 1, saturated
 * throughput and CPU per delivery, then latency at a moderate rate.
 */
export async function runCase(options: CaseOptions): Promise<CaseResult> {
  const { kind, subscribers, size, settings } = options;
  const ticks = await clockTicksPerSecond();
  await waitForQuiet(settings.quietWaitMs);
  const relay = await startRelay(kind, options.nodeModules ?? "", options.relayArgs);
  const load = startLoad();
  try {
    const connectMs = 60_000;
    await load.request({
      op: "connect",
      url: relay.url,
      prefix: nextRunId("c"),
      subscribers,
      publisher: true,
    }, connectMs);
    await delay(300);
    const { throughput } = await load.request({
      op: "throughput",
      size,
      warmupMs: settings.warmupMs,
      durationMs: settings.throughputMs,
      maxInFlight: settings.maxInFlight,
      relayPid: relay.pid,
    }, settings.warmupMs + settings.throughputMs + 30_000);
    await delay(300);
    const { latency } = await load.request({
      op: "latency",
      size,
      rate: settings.latencyDeliveriesPerSecond / subscribers,
      durationMs: settings.latencyMs,
      relayPid: relay.pid,
    }, settings.latencyMs + 30_000);
    const peakRssKiB = readStatusKiB(relay.pid, "VmHWM");
    await load.request({ op: "exit" }, 15_000);
    if (!throughput || !latency) throw new Error("load process gave no figures");
    const percent = (ticksUsed: number, window: CpuWindow) =>
      ticksUsed / ticks / window.seconds * 100;
    const other = (window: CpuWindow) =>
      percent(window.systemBusyTicks - window.relayTicks - window.loadTicks, window);
    const cpu = throughput.cpu;
    return {
      relay: kind,
      subscribers,
      size,
      deliveriesPerSecond: throughput.deliveries / cpu.seconds,
      latency,
      cpuMicrosPerDelivery: (cpu.relayTicks / ticks) * 1e6 / throughput.deliveries,
      relayCpuPercent: percent(cpu.relayTicks, cpu),
      loadCpuPercent: percent(cpu.loadTicks, cpu),
      otherCpuPercent: Math.max(other(cpu), other(latency.cpu)),
      peakRssKiB,
      errors: throughput.lost + throughput.wrongSize + latency.lost,
    };
  } finally {
    await load.stop();
    await relay.stop();
  }
}
