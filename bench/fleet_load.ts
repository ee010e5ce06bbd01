/**
 * The fleet benchmark's load generator (bench/fleet_bench.ts runs several):
 * devices that send `SOS!` at a steady rate and answer commands, and
 * operators that send a command to a random device on a fixed schedule and
 * time the reply. Real WebSocket clients (Deno's), driven like bench/load.ts
 * by one JSON {@linkcode FleetCommand} per stdin line, answered by one JSON
 * line on stdout; it exits when stdin closes.
 *
 * - A device (`id`) counts every message it receives that is not a command
 *   addressed to it (`{"to":"<id>",…}`): the relay must make that 0. It
 *   answers a command `{"to":"<id>","cmd":"ping","n":N,"op":"<operator>"}`
 *   with `{"re":N,"op":"<operator>"}`, unaddressed, which the relay hands to
 *   the operators.
 * - An operator counts the `SOS!` it receives (against what the devices
 *   sent: 100 %), matches its own replies by `n` for the round trip, and
 *   counts everything else it sees.
 *
 * @example
 * ```sh
 * printf '%s\n' '{"op":"devices","urls":["ws://127.0.0.1:8000/"],"prefix":"d","from":0,"count":10,"role":"device","parallel":10}' |
 *   deno run -A bench/fleet_load.ts
 * ```
 * @module
 */

import { closeSockets } from "./close_sockets.ts";
import { serveCommands } from "./command_loop.ts";

/** Open `count` device connections, ids `prefix` + `from` … `from + count - 1`. */
export interface DevicesCommand {
  /** Command name. */
  op: "devices";
  /** Relay base URLs (`ws://127.0.0.1:PORT/`); device `n` goes to `urls[n % urls.length]`. */
  urls: string[];
  /** Id prefix. */
  prefix: string;
  /** First device number. */
  from: number;
  /** Devices to open. */
  count: number;
  /** `device` for `?role=device`; `none` for a client without a role (today's broadcast). */
  role: "device" | "none";
  /** Handshakes in flight at once. */
  parallel: number;
}

/** Open operator connections. */
export interface OperatorsCommand {
  /** Command name. */
  op: "operators";
  /** Relay base URL of each operator, in order. */
  urls: string[];
  /** Operator ids. */
  ids: string[];
  /** `operator` for `?role=operator`; `none` for a client without a role. */
  role: "operator" | "none";
}

/** Start sending: devices their `SOS!`, operators their commands. */
export interface StartCommand {
  /** Command name. */
  op: "start";
  /** `SOS!` per second from this process's devices together, spread evenly over them. */
  sosPerSecond: number;
  /** Shifts this process's schedule by this share of one device period, so processes interleave. */
  phase: number;
  /** Each operator's command interval (0: no commands). */
  commandEveryMs: number;
  /** Commands go to ids `prefix` + 0 … `devices - 1` (every process's devices). */
  devicePrefix: string;
  /** Devices in the whole fleet. */
  devices: number;
}

/** Other commands: counters; start or end a measured window; stop sending; close. */
export interface SimpleCommand {
  /**
   * `stats`: counters now; `probe`: this process's last device sends one `SOS!`; `window`:
   * forget round trips so far; `stop`: stop sending.
   */
  op: "stats" | "probe" | "window" | "stop" | "close" | "exit";
}

/** One request to the load process. */
export type FleetCommand = DevicesCommand | OperatorsCommand | StartCommand | SimpleCommand;

/** Counters of one load process. */
export interface FleetStats {
  /** Devices connected and open now. */
  devicesOpen: number;
  /** Device connections that closed during the run. */
  devicesClosed: number;
  /** `SOS!` sent by this process's devices. */
  sosSent: number;
  /** Messages devices received that were not addressed to them. */
  misdelivered: number;
  /** Commands devices received (addressed to them). */
  commandsReceived: number;
  /** `SOS!` received, per operator. */
  operatorSos: number[];
  /** Operator connections that closed during the run. */
  operatorsClosed: number;
  /** Commands sent by the operators. */
  commandsSent: number;
  /** Replies an operator matched to its own command. */
  repliesMatched: number;
  /** Commands still without a reply. */
  commandsPending: number;
  /** Messages operators got that were neither `SOS!`, a reply, nor another operator's command. */
  operatorOther: number;
  /** This process's CPU so far, clock ticks. */
  cpuTicks: number;
}

/** Round trips of the commands sent since the last `window`, milliseconds. */
export interface RoundTrips {
  /** Commands sent in the window. */
  sent: number;
  /** Replies received for them. */
  samples: number;
  /** Median. */
  p50Ms: number;
  /** 99th percentile. */
  p99Ms: number;
  /** Largest. */
  maxMs: number;
}

/** One answer line. */
export type FleetReply =
  | {
    ok: true;
    /** Time to open the connections (`devices`, `operators`). */
    connectMs?: number;
    /** Connections that failed to open (`devices`). */
    failed?: number;
    /** First refusal or error seen while connecting. */
    firstError?: string;
    stats?: FleetStats;
    roundTrips?: RoundTrips;
  }
  | { ok: false; error: string };

const CONNECT_TIMEOUT_MS = 30_000;
/** How often the senders wake up; each turn sends what fell due since the last. */
const TICK_MS = 10;

interface Device {
  id: string;
  ws: WebSocket;
  /** The start of a command addressed to this device. */
  mine: string;
}

interface Operator {
  id: string;
  ws: WebSocket;
  sos: number;
  /** Send time of each unanswered command, by `n`. */
  pending: Map<number, number>;
  next: number;
}

const devices: Device[] = [];
const operators: Operator[] = [];
let devicesClosed = 0;
let operatorsClosed = 0;
let sosSent = 0;
let misdelivered = 0;
let commandsReceived = 0;
let commandsSent = 0;
let repliesMatched = 0;
let operatorOther = 0;
let windowSent = 0;
let roundTrips: number[] = [];
let windowStart = 0;
const timers: ReturnType<typeof setInterval>[] = [];
let closing = false;

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
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

function withRole(url: string, id: string, role: string): string {
  return role === "none" ? `${url}${id}` : `${url}${id}?role=${role}`;
}

async function openDevices(command: DevicesCommand): Promise<FleetReply> {
  const started = performance.now();
  let next = command.from;
  const end = command.from + command.count;
  let failed = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (next < end) {
      const n = next++;
      const id = `${command.prefix}${n}`;
      try {
        const ws = await open(withRole(command.urls[n % command.urls.length], id, command.role));
        const device: Device = { id, ws, mine: `{"to":"${id}",` };
        ws.onmessage = (event) => onDeviceMessage(device, event.data);
        ws.onclose = () => {
          if (!closing) devicesClosed++;
        };
        devices.push(device);
      } catch (error) {
        failed++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: command.parallel }, worker));
  return { ok: true, connectMs: performance.now() - started, failed, firstError };
}

function onDeviceMessage(device: Device, data: unknown): void {
  if (typeof data !== "string" || !data.startsWith(device.mine)) {
    misdelivered++;
    return;
  }
  commandsReceived++;
  const command = JSON.parse(data) as { n: number; op: string };
  device.ws.send(`{"re":${command.n},"op":"${command.op}"}`);
}

async function openOperators(command: OperatorsCommand): Promise<FleetReply> {
  const started = performance.now();
  for (const [i, id] of command.ids.entries()) {
    const ws = await open(withRole(command.urls[i], id, command.role));
    const operator: Operator = { id, ws, sos: 0, pending: new Map(), next: 0 };
    const mine = `"op":"${id}"}`;
    ws.onmessage = (event) => {
      const data = event.data;
      if (data === "SOS!") {
        operator.sos++;
      } else if (typeof data === "string" && data.startsWith('{"re":')) {
        if (!data.endsWith(mine)) return; // another operator's reply
        const n = (JSON.parse(data) as { re: number }).re;
        const sentAt = operator.pending.get(n);
        if (sentAt === undefined) return void operatorOther++;
        operator.pending.delete(n);
        repliesMatched++;
        if (sentAt >= windowStart) roundTrips.push(performance.now() - sentAt);
      } else if (typeof data !== "string" || !data.startsWith('{"to":')) {
        operatorOther++;
      }
    };
    ws.onclose = () => {
      if (!closing) operatorsClosed++;
    };
    operators.push(operator);
  }
  return { ok: true, connectMs: performance.now() - started };
}

function start(command: StartCommand): FleetReply {
  const t0 = performance.now();
  if (devices.length > 0 && command.sosPerSecond > 0) {
    // Device k sends at t0 + (phase + k) / rate + m × period: evenly spread, each every period.
    const interval = 1000 / command.sosPerSecond;
    let due = 0;
    const tick = () => {
      const now = performance.now() - t0;
      while ((due + command.phase) * interval <= now) {
        const device = devices[due % devices.length];
        due++;
        if (device.ws.readyState !== WebSocket.OPEN) continue;
        device.ws.send("SOS!");
        sosSent++;
      }
    };
    timers.push(setInterval(tick, TICK_MS));
  }
  if (operators.length > 0 && command.commandEveryMs > 0) {
    const every = command.commandEveryMs;
    for (const [j, operator] of operators.entries()) {
      const offset = (j * every) / operators.length;
      let k = 0;
      const send = () => {
        // A late timer sends what fell due meanwhile: the schedule never waits on a reply.
        while (offset + k * every <= performance.now() - t0) {
          const n = operator.next++;
          const target = `${command.devicePrefix}${Math.floor(Math.random() * command.devices)}`;
          operator.pending.set(n, performance.now());
          operator.ws.send(`{"to":"${target}","cmd":"ping","n":${n},"op":"${operator.id}"}`);
          commandsSent++;
          if (performance.now() >= windowStart) windowSent++;
          k++;
        }
      };
      timers.push(setInterval(send, Math.min(TICK_MS, every)));
    }
  }
  return { ok: true };
}

function stats(): FleetStats {
  return {
    devicesOpen: devices.filter((d) => d.ws.readyState === WebSocket.OPEN).length,
    devicesClosed,
    sosSent,
    misdelivered,
    commandsReceived,
    operatorSos: operators.map((o) => o.sos),
    operatorsClosed,
    commandsSent,
    repliesMatched,
    commandsPending: operators.reduce((sum, o) => sum + o.pending.size, 0),
    operatorOther,
    cpuTicks: readOwnTicks(),
  };
}

function readOwnTicks(): number {
  const stat = Deno.readTextFileSync("/proc/self/stat");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function windowRoundTrips(): RoundTrips {
  const sorted = [...roundTrips].sort((a, b) => a - b);
  return {
    sent: windowSent,
    samples: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

async function closeAll(): Promise<FleetReply> {
  closing = true;
  for (const timer of timers) clearInterval(timer);
  timers.length = 0;
  const sockets = [...devices.map((d) => d.ws), ...operators.map((o) => o.ws)];
  devices.length = 0;
  operators.length = 0;
  await closeSockets(sockets);
  return { ok: true };
}

async function handle(command: FleetCommand): Promise<FleetReply> {
  switch (command.op) {
    case "devices":
      return await openDevices(command);
    case "operators":
      return await openOperators(command);
    case "start":
      return start(command);
    case "stats":
      return { ok: true, stats: stats() };
    case "probe": {
      const device = devices[devices.length - 1];
      if (device?.ws.readyState !== WebSocket.OPEN) throw new Error("no open device to probe with");
      device.ws.send("SOS!");
      sosSent++;
      return { ok: true, stats: stats() };
    }
    case "window": {
      // Round trips of the window: commands sent from now on.
      const reply: FleetReply = { ok: true, roundTrips: windowRoundTrips(), stats: stats() };
      windowStart = performance.now();
      windowSent = 0;
      roundTrips = [];
      return reply;
    }
    case "stop":
      for (const timer of timers) clearInterval(timer);
      timers.length = 0;
      return { ok: true, roundTrips: windowRoundTrips(), stats: stats() };
    case "close":
    case "exit":
      return await closeAll();
  }
}

async function main(): Promise<void> {
  windowStart = Number.POSITIVE_INFINITY; // no round trip counts before the first window
  await serveCommands<FleetCommand, FleetReply>(handle);
}

if (import.meta.main) await main();
