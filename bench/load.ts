/**
 * The benchmark's load generator: one publisher and N subscribers, all real
 * WebSocket clients in this one process so that send and receive times come
 * from the same clock. `bench/relay_bench.ts` runs it as a separate process
 * (pinned to its own core) and drives it with one JSON {@linkcode LoadCommand}
 * per stdin line; it answers each with one JSON {@linkcode LoadReply} line on
 * stdout. It exits when stdin closes, so it never outlives the benchmark.
 *
 * Every message is binary; its first 8 bytes hold the send time
 * (`performance.now()`, little-endian float64) when latency is measured.
 *
 * @example
 * ```sh
 * echo '{"op":"connect","url":"ws://127.0.0.1:8000","prefix":"x","subscribers":2,"publisher":true}' |
 *   deno run -A bench/load.ts
 * ```
 * @module
 */

import { readCpuTicks, readSystemTicks } from "./proc.ts";
import { closeSockets } from "./close_sockets.ts";
import { serveCommands } from "./command_loop.ts";
import { delay } from "../testing/wait.ts";

/** Open `subscribers` subscriber connections (and a publisher) to `url` + `/<prefix>-<n>`. */
export interface ConnectCommand {
  /** Command name. */
  op: "connect";
  /** Relay base URL without a path, e.g. `ws://127.0.0.1:8000`. */
  url: string;
  /** Client id prefix, unique per run. */
  prefix: string;
  /** Subscriber connections to open. */
  subscribers: number;
  /** Whether to open the publisher too. */
  publisher: boolean;
}

/** Publish as fast as flow control allows and count deliveries. */
export interface ThroughputCommand {
  /** Command name. */
  op: "throughput";
  /** Message size in bytes. */
  size: number;
  /** Time before measuring starts. */
  warmupMs: number;
  /** Length of the measured window. */
  durationMs: number;
  /** Most deliveries published but not yet received (flow control). */
  maxInFlight: number;
  /** Relay process whose CPU time is sampled at the window's edges. */
  relayPid: number;
}

/** Publish at a fixed rate and record the latency of every delivery. */
export interface LatencyCommand {
  /** Command name. */
  op: "latency";
  /** Message size in bytes (at least 8). */
  size: number;
  /** Messages published per second. */
  rate: number;
  /** How long to publish. */
  durationMs: number;
  /** Relay process whose CPU time is sampled while publishing. */
  relayPid: number;
}

/** Close every connection, or close them and exit. */
export interface CloseCommand {
  /** Command name. */
  op: "close" | "exit";
}

/** One request to the load process. */
export type LoadCommand = ConnectCommand | ThroughputCommand | LatencyCommand | CloseCommand;

/** CPU time spent during a measured window, in clock ticks. */
export interface CpuWindow {
  /** Window length. */
  seconds: number;
  /** Relay CPU time. */
  relayTicks: number;
  /** This load process's CPU time. */
  loadTicks: number;
  /** Whole-machine busy time (all CPUs): what is left after relay and load is noise. */
  systemBusyTicks: number;
}

/** Result of a {@linkcode ThroughputCommand}. */
export interface ThroughputResult {
  /** Deliveries received by subscribers inside the window. */
  deliveries: number;
  /** CPU use in the window. */
  cpu: CpuWindow;
  /** Deliveries still missing once publishing stopped and the drain timed out. */
  lost: number;
  /** Deliveries with a size other than the one sent. */
  wrongSize: number;
}

/** Result of a {@linkcode LatencyCommand}, in milliseconds. */
export interface LatencyResult {
  /** Latency samples (one per delivery). */
  samples: number;
  /** Median. */
  p50Ms: number;
  /** 99th percentile. */
  p99Ms: number;
  /** Largest. */
  maxMs: number;
  /** Deliveries that never arrived. */
  lost: number;
  /** CPU use while publishing. */
  cpu: CpuWindow;
}

/** One answer line: the command's result, or what went wrong. */
export type LoadReply =
  | { ok: true; connectMs?: number; throughput?: ThroughputResult; latency?: LatencyResult }
  | { ok: false; error: string };

const CONNECT_PARALLEL = 50;
const CONNECT_TIMEOUT_MS = 10_000;
const DRAIN_TIMEOUT_MS = 10_000;

const subscribers: WebSocket[] = [];
let publisher: WebSocket | undefined;
let delivered = 0;
let wrongSize = 0;
let expectedSize = -1;
/** Set while measuring latency: each delivery's latency goes here. */
let samples: Float64Array | undefined;
let sampleCount = 0;
/** Called after every delivery while publishing under flow control. */
let afterDelivery: (() => void) | undefined;

function onMessage(event: MessageEvent): void {
  const data = event.data as ArrayBuffer;
  delivered++;
  if (data.byteLength !== expectedSize) wrongSize++;
  if (samples !== undefined && sampleCount < samples.length) {
    samples[sampleCount++] = performance.now() - new DataView(data).getFloat64(0, true);
  }
  afterDelivery?.();
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`${url}: no open after ${CONNECT_TIMEOUT_MS} ms`));
    }, CONNECT_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(timer);
      ws.onerror = null;
      resolve(ws);
    };
    ws.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(`${url}: ${(event as ErrorEvent).message ?? "error"}`));
    };
  });
}

async function connect(command: ConnectCommand): Promise<LoadReply> {
  const started = performance.now();
  if (command.publisher) publisher = await open(`${command.url}/${command.prefix}-pub`);
  let next = 0;
  const worker = async () => {
    while (next < command.subscribers) {
      const ws = await open(`${command.url}/${command.prefix}-${next++}`);
      ws.onmessage = onMessage;
      subscribers.push(ws);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_PARALLEL }, worker));
  return { ok: true, connectMs: performance.now() - started };
}

/** Waits until `done()` holds, polling; false on timeout. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await delay(5);
  }
  return true;
}

async function throughput(command: ThroughputCommand): Promise<LoadReply> {
  const pub = publisher;
  if (!pub) throw new Error("no publisher");
  const fanout = subscribers.length;
  const payload = new Uint8Array(command.size);
  expectedSize = command.size;
  const base = delivered;
  let sent = 0;
  const pump = () => {
    // Publish while the deliveries still owed stay within the in-flight budget.
    while ((sent + 1) * fanout - (delivered - base) <= Math.max(command.maxInFlight, fanout)) {
      pub.send(payload);
      sent++;
    }
  };
  afterDelivery = pump;
  pump();

  await delay(command.warmupMs);
  const start = snapshot(command.relayPid);
  await delay(command.durationMs);
  const end = snapshot(command.relayPid);
  afterDelivery = undefined;
  const drained = await until(() => delivered - base >= sent * fanout, DRAIN_TIMEOUT_MS);
  return {
    ok: true,
    throughput: {
      deliveries: end.delivered - start.delivered,
      cpu: cpuWindow(start, end),
      lost: drained ? 0 : sent * fanout - (delivered - base),
      wrongSize,
    },
  };
}

interface Snapshot {
  t: number;
  delivered: number;
  relay: number;
  load: number;
  system: number;
}

function snapshot(relayPid: number): Snapshot {
  return {
    t: performance.now(),
    delivered,
    relay: readCpuTicks(relayPid),
    load: readCpuTicks(Deno.pid),
    system: readSystemTicks().busy,
  };
}

function cpuWindow(start: Snapshot, end: Snapshot): CpuWindow {
  return {
    seconds: (end.t - start.t) / 1000,
    relayTicks: end.relay - start.relay,
    loadTicks: end.load - start.load,
    systemBusyTicks: end.system - start.system,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

async function latency(command: LatencyCommand): Promise<LoadReply> {
  const pub = publisher;
  if (!pub) throw new Error("no publisher");
  const fanout = subscribers.length;
  const total = Math.max(1, Math.round((command.rate * command.durationMs) / 1000));
  expectedSize = command.size;
  samples = new Float64Array(total * fanout);
  sampleCount = 0;
  const base = delivered;
  const interval = 1000 / command.rate;
  const start = snapshot(command.relayPid);
  const t0 = start.t;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      // Catch up if a timer fired late, so the rate holds on average.
      while (sent < total && t0 + sent * interval <= performance.now()) {
        const message = new Uint8Array(command.size);
        new DataView(message.buffer).setFloat64(0, performance.now(), true);
        pub.send(message);
        sent++;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    tick();
  });
  const drained = await until(() => delivered - base >= total * fanout, DRAIN_TIMEOUT_MS);
  const end = snapshot(command.relayPid);
  const sorted = samples.slice(0, sampleCount).sort();
  samples = undefined;
  return {
    ok: true,
    latency: {
      samples: sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
      lost: drained ? 0 : total * fanout - (delivered - base),
      cpu: cpuWindow(start, end),
    },
  };
}

async function closeAll(): Promise<LoadReply> {
  const sockets = publisher ? [publisher, ...subscribers] : [...subscribers];
  publisher = undefined;
  subscribers.length = 0;
  await closeSockets(sockets);
  return { ok: true };
}

function handle(command: LoadCommand): Promise<LoadReply> {
  switch (command.op) {
    case "connect":
      return connect(command);
    case "throughput":
      return throughput(command);
    case "latency":
      return latency(command);
    case "close":
    case "exit":
      return closeAll();
  }
}

async function main(): Promise<void> {
  await serveCommands<LoadCommand, LoadReply>(handle);
}

if (import.meta.main) await main();
