/**
 * `deno task bench:fleet`: one relay (or a cluster of 2 or 4 nodes on Redis)
 * serving a fleet: 10,000 devices (`?role=device`) that each send `SOS!`
 * every 3.2 s, and 3 operators that each send a command to a random device
 * every 50 ms and time its reply. Measured with real processes on this
 * machine: connect rate, messages devices got that were not theirs,
 * operators' share of the SOS, command round trip, relay CPU and RSS, the
 * generator's own CPU; and, at equal deliveries, the relay's CPU per
 * delivery with roles against a plain broadcast.
 *
 * The relays are `server.ts` processes (testing/relay_process.ts), Redis a real
 * redis-server (testing/redis_server.ts); the devices live in `--workers`
 * bench/fleet_load.ts processes and the operators in one more. Nothing is
 * pinned: relay and generator share the machine's cores, as they would
 * share a small server.
 *
 * Flags and their defaults: `deno task bench:fleet -- --help`. Each `--nodes`
 * value (with its relay flags) writes its own section of docs/fleet_benchmarks.md.
 *
 * @module
 */

import type { FleetCommand, FleetReply, FleetStats, RoundTrips } from "./fleet_load.ts";
import { type DrivenProcess, startDriven, waitForQuiet } from "./harness.ts";
import { clockTicksPerSecond, readCpuTicks, readStatusKiB, readSystemTicks } from "./proc.ts";
import { formatMarkdown } from "./markdown.ts";
import * as cli from "../relay/cli_args.ts";
import { type RelayProcess, startRelayProcess } from "../testing/relay_process.ts";
import { redisServerBinary, startRedisServer } from "../testing/redis_server.ts";
import { delay } from "../testing/wait.ts";

/** What one run of the benchmark does. */
interface Settings {
  devices: number;
  operators: number;
  /** Each device sends `SOS!` this often. */
  periodMs: number;
  /** Each operator sends a command this often. */
  commandEveryMs: number;
  warmupMs: number;
  windowMs: number;
  /** Device processes. */
  workers: number;
  /** Handshakes in flight per device process while ramping up. */
  parallel: number;
  runs: number;
  nodes: 1 | 2 | 4;
  /** Extra relay flags (`--relay-flags "--ping-interval 0 --ping-timeout 0"`), for every relay. */
  relayFlags: string[];
  /** All operators on node 1, rather than on every node in turn (a load balancer's spread). */
  operatorsOnFirst: boolean;
  compare: boolean;
  write: boolean;
  quietWaitMs: number;
}

/** The fleet's figures from one run on one relay or cluster. */
interface FleetFigures {
  nodes: number;
  devices: number;
  connectSeconds: number;
  connectFailed: number;
  firstError: string | undefined;
  windowSeconds: number;
  /** Relay CPU in the window, percent of one core, per node. */
  nodeCpuPercent: number[];
  /** Deliveries per second in the window, per node (from its /metrics). */
  nodeDeliveriesPerSecond: number[];
  /** Relay CPU per delivery, µs, per node. */
  nodeMicrosPerDelivery: number[];
  /** Cluster only: client messages published per Redis script call, per node. */
  nodeMessagesPerCall: number[] | undefined;
  /** Mean VmRSS over the window, MB (10^6 bytes), per node. */
  nodeSteadyRssMB: number[];
  /** VmHWM at the end of the run, MB, per node. */
  nodePeakRssMB: number[];
  redisCpuPercent: number | undefined;
  /** The load processes' CPU in the window, percent of one core, all together. */
  generatorCpuPercent: number;
  /** Everything else on the machine in the window, percent of one core. */
  otherCpuPercent: number;
  sosPerSecond: number;
  sosSent: number;
  /** SOS received by the operator that got the fewest. */
  sosReceivedMin: number;
  misdelivered: number;
  commandsReceived: number;
  roundTrips: RoundTrips;
  commandsSent: number;
  repliesMatched: number;
  commandsUnanswered: number;
  /** Device and operator connections that closed during the run. */
  closed: number;
  /** Set when the run stopped early; why. */
  aborted: string | undefined;
}

/** One case of the addressing-vs-broadcast comparison. */
interface CompareFigures {
  label: string;
  connections: number;
  messagesPerSecond: number;
  deliveriesPerSecond: number;
  cpuPercent: number;
  microsPerDelivery: number;
  otherCpuPercent: number;
}

const DOC = decodeURIComponent(new URL("../docs/fleet_benchmarks.md", import.meta.url).pathname);
const DEVICE_PREFIX = "dev-";
const OPERATOR_PREFIX = "op-";
/** How long after the senders stop every SOS and reply may take to arrive. */
const DRAIN_MS = 15_000;

const log = (text: string) => console.error(`bench:fleet: ${text}`);

/** A memory figure of a process in MB (10^6 bytes), the goal's unit. */
function megabytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  return (readStatusKiB(pid, field) * 1024) / 1e6;
}

type Load = DrivenProcess<FleetCommand, FleetReply>;

function startFleetLoad(): Load {
  return startDriven<FleetCommand, FleetReply>({ script: "bench/fleet_load.ts" });
}

/** The open-file limit this process (and so every child) has: each connection is one. */
function openFileLimit(): number {
  const limits = Deno.readTextFileSync("/proc/self/limits");
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  return !match || match[1] === "unlimited" ? Infinity : Number(match[1]);
}

/** What `--quick` changes, unless the flag is given too: 1000 devices, short, prints only. */
const QUICK = { devices: 1000, warmup: 2, seconds: 5, runs: 1 } as const;

const FLEET_COMMAND = cli.defineCommand({
  usage: ["deno task bench:fleet [-- FLAGS]"],
  flags: {
    nodes: cli.flag(cli.oneOf(["1", "2", "4"]), {
      value: "1|2|4",
      default: "1",
      help: "relay processes on one Redis; 2 and 4 also run one node for the share",
    }),
    devices: cli.flag(cli.integer(1, 1_000_000), {
      value: "N",
      default: 10_000,
      defaultNote: `, ${QUICK.devices} with --quick`,
      help: "devices connected",
    }),
    operators: cli.flag(cli.integer(1, 1000), {
      value: "N",
      default: 3,
      help: "operators connected",
    }),
    seconds: cli.flag(cli.decimal(1, 3600, "seconds"), {
      value: "S",
      default: 30,
      defaultNote: `, ${QUICK.seconds} with --quick`,
      help: "measured window",
    }),
    warmup: cli.flag(cli.decimal(1, 3600, "seconds"), {
      value: "S",
      default: 10,
      defaultNote: `, ${QUICK.warmup} with --quick`,
      help: "warm-up before each window",
    }),
    runs: cli.flag(cli.integer(1, 100), {
      value: "N",
      default: 2,
      defaultNote: `, ${QUICK.runs} with --quick`,
      help: "runs, figures of each",
    }),
    workers: cli.flag(cli.integer(1, 64), {
      value: "N",
      default: 2,
      help: "device generator processes",
    }),
    operatorsOnFirst: cli.toggle({
      help: "every operator on node 1, not spread over the nodes in turn",
    }),
    relayFlags: cli.flag(cli.text({ allowEmpty: true }), {
      value: '"FLAGS"',
      default: "",
      help: 'added to every relay, like "--ping-interval 0 --ping-timeout 0"',
    }),
    noCompare: cli.toggle({ help: "skip broadcast against addressing (with one node)" }),
    noWrite: cli.toggle({
      help: "print the figures only, without writing docs/fleet_benchmarks.md",
    }),
    quick: cli.toggle({ help: "a short run that only prints" }),
  },
  epilogue: "Each --nodes value (with its relay flags) writes its own section of " +
    "docs/fleet_benchmarks.md.",
});

function parseSettings(args: string[]): Settings {
  const { values, given } = cli.parseOrExit(FLEET_COMMAND, { program: "bench:fleet", args });
  const quick = values.quick;
  const value = (key: keyof typeof QUICK): number =>
    quick && !given.has(key) ? QUICK[key] : values[key];
  const settings: Settings = {
    devices: value("devices"),
    operators: values.operators,
    periodMs: 3200,
    commandEveryMs: 50,
    warmupMs: value("warmup") * 1000,
    windowMs: value("seconds") * 1000,
    workers: values.workers,
    parallel: 32,
    runs: value("runs"),
    nodes: Number(values.nodes) as Settings["nodes"],
    operatorsOnFirst: values.operatorsOnFirst,
    relayFlags: values.relayFlags.split(/\s+/).filter((a) => a !== ""),
    compare: !values.noCompare,
    write: !quick && !values.noWrite,
    quietWaitMs: quick ? 0 : 10_000,
  };
  // Each node holds its share of the devices plus every operator; the generator holds them all.
  const needed = settings.devices + settings.operators + 200;
  if (openFileLimit() < needed) {
    throw new Error(
      `the open-file limit is ${openFileLimit()}, under the ${needed} this needs: ` +
        `run \`ulimit -n ${needed}\` (up to the hard limit, \`ulimit -Hn\`) first`,
    );
  }
  return settings;
}

/** The counters a run reads from a node's /metrics (the cluster's are 0 on a lone relay). */
interface NodeCounters {
  deliveries: number;
  /** Client messages the node published on the bus. */
  published: number;
  /** Script calls it published them with (relay/cluster_batch.ts). */
  publishCalls: number;
}

async function countersOf(node: RelayProcess): Promise<NodeCounters> {
  const text = await (await fetch(`${node.httpUrl}/metrics`)).text();
  const counter = (name: string, required: boolean) => {
    const match = new RegExp(`^${name} (\\d+)$`, "m").exec(text);
    if (!match && required) throw new Error(`no ${name} in /metrics`);
    return match ? Number(match[1]) : 0;
  };
  return {
    deliveries: counter("relay_messages_sent_total", true),
    published: counter("relay_cluster_published_total", false),
    publishCalls: counter("relay_cluster_publish_calls_total", false),
  };
}

async function deliveriesOf(node: RelayProcess): Promise<number> {
  return (await countersOf(node)).deliveries;
}

/** Flags of every relay here: room for the whole fleet on any node; the rest as shipped. */
function relayArgs(settings: Settings, redisUrl: string | undefined, cluster: string): string[] {
  const args = [
    "--max-clients",
    String(settings.devices + settings.operators + 100),
    "--log-level",
    "info", // the listening line testing/relay_process.ts waits for
  ];
  const clusterArgs = redisUrl ? ["--redis", redisUrl, "--cluster", cluster] : [];
  return [...args, ...clusterArgs, ...settings.relayFlags];
}

/** Sums the device processes' counters. */
function sumStats(all: FleetStats[]): FleetStats {
  const sum = (key: keyof FleetStats) => all.reduce((total, s) => total + (s[key] as number), 0);
  return {
    devicesOpen: sum("devicesOpen"),
    devicesClosed: sum("devicesClosed"),
    sosSent: sum("sosSent"),
    misdelivered: sum("misdelivered"),
    commandsReceived: sum("commandsReceived"),
    operatorSos: all.flatMap((s) => s.operatorSos),
    operatorsClosed: sum("operatorsClosed"),
    commandsSent: sum("commandsSent"),
    repliesMatched: sum("repliesMatched"),
    commandsPending: sum("commandsPending"),
    operatorOther: sum("operatorOther"),
    cpuTicks: sum("cpuTicks"),
  };
}

let clusterCount = 0;

/** Starts `count` relays (a cluster on `redisUrl` when more than one). */
async function startNodes(
  settings: Settings,
  count: number,
  redisUrl: string | undefined,
): Promise<RelayProcess[]> {
  const cluster = `fleet-${++clusterCount}`;
  const nodes: RelayProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      nodes.push(
        await startRelayProcess(relayArgs(settings, count > 1 ? redisUrl : undefined, cluster)),
      );
    }
  } catch (error) {
    for (const node of nodes) await node.stop("SIGKILL");
    throw error;
  }
  return nodes;
}

/** Starts every device's SOS, each generator process at its own share and phase of the period. */
async function startSos(workers: Load[], settings: Settings): Promise<void> {
  const sosPerSecond = (settings.devices * 1000) / settings.periodMs;
  for (const [w, load] of workers.entries()) {
    await load.request({
      op: "start",
      sosPerSecond: sosPerSecond / settings.workers,
      phase: w / settings.workers,
      commandEveryMs: 0,
      devicePrefix: DEVICE_PREFIX,
      devices: settings.devices,
    }, 10_000);
  }
}

/**
 * One fleet run: ramp up every device (spread over the nodes), connect the
 * operators (spread over the nodes, or all on node 1), warm up, measure a window, stop sending and
 * wait until every SOS and reply has arrived.
 */
async function fleetRun(
  settings: Settings,
  count: number,
  redis: { url: string; pid(): number } | undefined,
): Promise<FleetFigures> {
  await waitForQuiet(settings.quietWaitMs);
  const nodes = await startNodes(settings, count, redis?.url);
  const workers = Array.from({ length: settings.workers }, startFleetLoad);
  const operatorLoad = startFleetLoad();
  const loads = [...workers, operatorLoad];
  const urls = nodes.map((node) => node.url);
  let aborted: string | undefined;
  try {
    const hz = await clockTicksPerSecond();
    log(`${count} node(s): connecting ${settings.devices} devices`);
    const per = Math.ceil(settings.devices / settings.workers);
    const t0 = performance.now();
    const opened = await Promise.all(workers.map((load, w) =>
      load.request({
        op: "devices",
        urls,
        prefix: DEVICE_PREFIX,
        from: w * per,
        count: Math.max(0, Math.min(per, settings.devices - w * per)),
        role: "device",
        parallel: settings.parallel,
      }, 600_000)
    ));
    const connectSeconds = (performance.now() - t0) / 1000;
    const connectFailed = opened.reduce((sum, r) => sum + (r.failed ?? 0), 0);
    const firstError = opened.find((r) => r.firstError)?.firstError;
    log(`connected in ${connectSeconds.toFixed(1)} s, ${connectFailed} failed`);
    await operatorLoad.request({
      op: "operators",
      urls: Array.from(
        { length: settings.operators },
        (_, i) => urls[settings.operatorsOnFirst ? 0 : i % urls.length],
      ),
      ids: Array.from({ length: settings.operators }, (_, i) => `${OPERATOR_PREFIX}${i}`),
      role: "operator",
    }, 60_000);
    await delay(1000);

    // One SOS first, from the last device (on the last node): if other devices get it, the full
    // rate would flood them, the relay and the generator; the run stops here and says so.
    await workers[workers.length - 1].request({ op: "probe" }, 10_000);
    await delay(1000);
    const probed = sumStats(
      await Promise.all(
        workers.map(async (load) => (await load.request({ op: "stats" }, 30_000)).stats!),
      ),
    );
    if (probed.misdelivered > 0) {
      aborted = `one SOS from a device on node ${count} reached ${probed.misdelivered} other ` +
        "devices: the fleet's traffic would flood them, so the run stopped there";
    }
    const sosPerSecond = (settings.devices * 1000) / settings.periodMs;
    if (!aborted) await startSos(workers, settings);
    if (!aborted) {
      await operatorLoad.request({
        op: "start",
        sosPerSecond: 0,
        phase: 0,
        commandEveryMs: settings.commandEveryMs,
        devicePrefix: DEVICE_PREFIX,
        devices: settings.devices,
      }, 10_000);
    }

    // Warm-up, watching for a flood: devices getting others' messages would swamp the machine.
    const warmupEnd = performance.now() + settings.warmupMs;
    while (performance.now() < warmupEnd && !aborted) {
      await delay(500);
      const stats = sumStats(
        await Promise.all(
          workers.map(async (load) => (await load.request({ op: "stats" }, 60_000)).stats!),
        ),
      );
      if (stats.misdelivered > Math.max(1000, stats.sosSent)) {
        aborted = `devices received ${stats.misdelivered} messages not addressed to them while ` +
          `${stats.sosSent} SOS were sent, in the first ` +
          `${((performance.now() - warmupEnd + settings.warmupMs) / 1000).toFixed(1)} s: ` +
          "the run was stopped there";
        await Promise.all(loads.map((load) => load.request({ op: "stop" }, 60_000)));
      }
    }

    const pids = nodes.map((node) => node.child.pid);
    const loadPids = loads.map((load) => load.child.pid);
    const startTicks = pids.map(readCpuTicks);
    const startLoadTicks = loadPids.map(readCpuTicks);
    const startRedis = redis && count > 1 ? readCpuTicks(redis.pid()) : 0;
    const startOwn = readCpuTicks(Deno.pid);
    const startSystem = readSystemTicks().busy;
    const startCounters = await Promise.all(nodes.map(countersOf));
    const tStart = performance.now();
    await operatorLoad.request({ op: "window" }, 30_000);
    const rss: number[][] = nodes.map(() => []);
    const windowEnd = tStart + (aborted ? 0 : settings.windowMs);
    while (performance.now() < windowEnd) {
      await delay(Math.min(1000, Math.max(0, windowEnd - performance.now())));
      for (const [i, pid] of pids.entries()) rss[i].push(megabytes(pid, "VmRSS"));
    }
    const endTicks = pids.map(readCpuTicks);
    const endLoadTicks = loadPids.map(readCpuTicks);
    const endRedis = redis && count > 1 ? readCpuTicks(redis.pid()) : 0;
    const endOwn = readCpuTicks(Deno.pid);
    const endSystem = readSystemTicks().busy;
    const endCounters = await Promise.all(nodes.map(countersOf));
    const seconds = (performance.now() - tStart) / 1000;
    const stopped = await Promise.all(loads.map((load) => load.request({ op: "stop" }, 30_000)));
    const roundTrips = stopped[stopped.length - 1].roundTrips!;

    // Drain: every SOS sent must reach every operator, every command get its reply.
    log("window over; waiting for every SOS and reply to arrive");
    const drainEnd = performance.now() + (aborted ? 0 : DRAIN_MS);
    let stats: FleetStats;
    while (true) {
      stats = sumStats(
        await Promise.all(
          loads.map(async (load) => (await load.request({ op: "stats" }, 30_000)).stats!),
        ),
      );
      const complete = stats.operatorSos.every((n) => n >= stats.sosSent) &&
        stats.commandsPending === 0;
      if (complete || performance.now() > drainEnd) break;
      await delay(250);
    }
    const cpu = (ticks: number) => (100 * ticks) / hz / seconds;
    const used = pids.map((_, i) => endTicks[i] - startTicks[i]);
    const loadUsed = loadPids.reduce((sum, _, i) => sum + endLoadTicks[i] - startLoadTicks[i], 0);
    const redisUsed = endRedis - startRedis;
    const ours = used.reduce((a, b) => a + b, 0) + loadUsed + redisUsed + (endOwn - startOwn);
    const delta = (key: keyof NodeCounters) =>
      nodes.map((_, i) => endCounters[i][key] - startCounters[i][key]);
    const deliveries = delta("deliveries");
    const calls = delta("publishCalls");
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    return {
      nodes: count,
      devices: settings.devices,
      connectSeconds,
      connectFailed,
      firstError,
      windowSeconds: seconds,
      nodeCpuPercent: used.map(cpu),
      nodeDeliveriesPerSecond: deliveries.map((d) => d / seconds),
      nodeMicrosPerDelivery: used.map((ticks, i) => (1e6 * ticks) / hz / deliveries[i]),
      nodeMessagesPerCall: count > 1
        ? delta("published").map((published, i) => published / Math.max(1, calls[i]))
        : undefined,
      nodeSteadyRssMB: rss.map((samples, i) =>
        samples.length ? mean(samples) : megabytes(pids[i], "VmRSS")
      ),
      nodePeakRssMB: pids.map((pid) => megabytes(pid, "VmHWM")),
      redisCpuPercent: redis && count > 1 ? cpu(redisUsed) : undefined,
      generatorCpuPercent: cpu(loadUsed),
      otherCpuPercent: Math.max(0, cpu(endSystem - startSystem - ours)),
      sosPerSecond,
      sosSent: stats.sosSent,
      sosReceivedMin: Math.min(...stats.operatorSos),
      misdelivered: stats.misdelivered,
      commandsReceived: stats.commandsReceived,
      roundTrips,
      commandsSent: stats.commandsSent,
      repliesMatched: stats.repliesMatched,
      commandsUnanswered: stats.commandsPending,
      closed: stats.devicesClosed + stats.operatorsClosed,
      aborted,
    };
  } finally {
    await Promise.all(loads.map(async (load) => {
      await load.request({ op: "close" }, 60_000).catch(() => {});
      await load.stop();
    }));
    for (const node of nodes) await node.stop("SIGTERM");
  }
}

/**
 * One case of the comparison on a fresh relay: one sender and the operators' number of
 * receivers, `SOS!` at the fleet's rate, so every case makes the fleet's SOS deliveries.
 */
async function compareRun(
  settings: Settings,
  label: string,
  roles: { sender: "device" | "none"; receivers: "operator" | "none" },
): Promise<CompareFigures> {
  await waitForQuiet(settings.quietWaitMs);
  const [node] = await startNodes(settings, 1, undefined);
  const sender = startFleetLoad();
  const receivers = startFleetLoad();
  try {
    const hz = await clockTicksPerSecond();
    await sender.request({
      op: "devices",
      urls: [node.url],
      prefix: "sender-",
      from: 0,
      count: 1,
      role: roles.sender,
      parallel: 1,
    }, 30_000);
    await receivers.request({
      op: "operators",
      urls: Array.from({ length: settings.operators }, () => node.url),
      ids: Array.from({ length: settings.operators }, (_, i) => `${OPERATOR_PREFIX}${i}`),
      role: roles.receivers,
    }, 30_000);
    const messagesPerSecond = (settings.devices * 1000) / settings.periodMs;
    await sender.request({
      op: "start",
      sosPerSecond: messagesPerSecond,
      phase: 0,
      commandEveryMs: 0,
      devicePrefix: DEVICE_PREFIX,
      devices: 1,
    }, 10_000);
    await delay(settings.warmupMs);
    const pid = node.child.pid;
    const own = [sender.child.pid, receivers.child.pid, Deno.pid];
    const start = {
      t: performance.now(),
      relay: readCpuTicks(pid),
      own: own.map(readCpuTicks),
      system: readSystemTicks().busy,
      deliveries: await deliveriesOf(node),
    };
    await delay(settings.windowMs);
    const end = {
      t: performance.now(),
      relay: readCpuTicks(pid),
      own: own.map(readCpuTicks),
      system: readSystemTicks().busy,
      deliveries: await deliveriesOf(node),
    };
    await sender.request({ op: "stop" }, 10_000);
    const seconds = (end.t - start.t) / 1000;
    const relaySeconds = (end.relay - start.relay) / hz;
    const deliveries = end.deliveries - start.deliveries;
    const ours = end.relay - start.relay +
      own.reduce((sum, _, i) => sum + end.own[i] - start.own[i], 0);
    return {
      label,
      connections: 1 + settings.operators,
      messagesPerSecond,
      deliveriesPerSecond: deliveries / seconds,
      cpuPercent: (100 * relaySeconds) / seconds,
      microsPerDelivery: (1e6 * relaySeconds) / deliveries,
      otherCpuPercent: Math.max(0, (100 * (end.system - start.system - ours)) / hz / seconds),
    };
  } finally {
    for (const load of [sender, receivers]) {
      await load.request({ op: "close" }, 30_000).catch(() => {});
      await load.stop();
    }
    await node.stop("SIGTERM");
  }
}

/** Memory of Deno's WebSocket alone under the fleet: bench/bare_deno_server.ts, same clients. */
interface FloorFigures {
  steadyRssMB: number;
  peakRssMB: number;
}

/**
 * The fleet's devices and operators against bench/bare_deno_server.ts, which accepts and reads
 * every message and does nothing else: the memory any Deno WebSocket server needs for them.
 */
async function floorRun(settings: Settings): Promise<FloorFigures> {
  await waitForQuiet(settings.quietWaitMs);
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "bench/bare_deno_server.ts", "--port", "0"],
    cwd: decodeURIComponent(new URL("..", import.meta.url).pathname),
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const workers = Array.from({ length: settings.workers }, startFleetLoad);
  try {
    const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let head = "";
    let match: RegExpExecArray | null = null;
    while (!match) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`bench/bare_deno_server.ts exited: ${head}`);
      head += value;
      match = /url=(ws:\/\/127\.0\.0\.1:\d+\/)/.exec(head);
    }
    reader.releaseLock();
    child.stderr.cancel().catch(() => {});
    const url = match[1];
    log(`floor: ${settings.devices} devices on a bare Deno WebSocket server`);
    const per = Math.ceil(settings.devices / settings.workers);
    await Promise.all(workers.map((load, w) =>
      load.request({
        op: "devices",
        urls: [url],
        prefix: DEVICE_PREFIX,
        from: w * per,
        count: Math.max(0, Math.min(per, settings.devices - w * per)),
        role: "device",
        parallel: settings.parallel,
      }, 600_000)
    ));
    await startSos(workers, settings);
    await delay(settings.warmupMs);
    const samples: number[] = [];
    const end = performance.now() + settings.windowMs;
    while (performance.now() < end) {
      await delay(1000);
      samples.push(megabytes(child.pid, "VmRSS"));
    }
    return {
      steadyRssMB: samples.reduce((a, b) => a + b, 0) / samples.length,
      peakRssMB: megabytes(child.pid, "VmHWM"),
    };
  } finally {
    await Promise.all(workers.map(async (load) => {
      await load.request({ op: "close" }, 60_000).catch(() => {});
      await load.stop();
    }));
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    await child.status;
  }
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const fixed = (n: number, digits = 1) => Number.isFinite(n) ? n.toFixed(digits) : "–";
const percent = (n: number, digits = 0) => `${fixed(n, digits)} %`;
const spread = (values: number[], digits = 1) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 1
    ? fixed(sorted[0], digits)
    : `${fixed(sorted[0], digits)} – ${fixed(sorted[sorted.length - 1], digits)}`;
};
const met = (ok: boolean) => ok ? "met" : "**not met**";

function fleetTable(runs: FleetFigures[]): string[] {
  const rows = runs.map((f, i) => {
    const nodes = (values: number[], digits = 0, unit = "") =>
      values.map((v) => `${fixed(v, digits)}${unit}`).join(" / ");
    // A run stopped early measured only what went wrong.
    const measured = (text: string) => f.aborted ? "–" : text;
    return `| ${i + 1} | ${f.nodes} | ${int(f.devices / f.connectSeconds)} | ${
      measured(nodes(f.nodeCpuPercent, 0, " %"))
    } | ${measured(nodes(f.nodeSteadyRssMB))} | ${nodes(f.nodePeakRssMB)} | ${
      measured(nodes(f.nodeMicrosPerDelivery, 1))
    } | ${measured(fixed(f.roundTrips.p50Ms, 1))} | ${measured(fixed(f.roundTrips.p99Ms, 1))} | ${
      measured(fixed(f.roundTrips.maxMs, 0))
    } | ${f.misdelivered} | ${fixed((100 * f.sosReceivedMin) / Math.max(1, f.sosSent), 2)} % | ${
      measured(percent(f.generatorCpuPercent))
    } | ${f.redisCpuPercent === undefined || f.aborted ? "–" : percent(f.redisCpuPercent)} | ${
      measured(percent(f.otherCpuPercent))
    } |`;
  });
  return [
    "| Run | Nodes | Connects/s | Relay CPU per node | Steady RSS (MB) | Peak RSS (MB) | CPU/delivery (µs) | RTT p50 (ms) | RTT p99 (ms) | RTT max (ms) | Misdelivered | SOS to operators | Generator CPU | Redis CPU | Other CPU |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ];
}

function fleetNotes(runs: FleetFigures[]): string[] {
  const lines: string[] = [];
  for (const [i, f] of runs.entries()) {
    const notes = f.aborted && f.commandsSent === 0
      ? [
        `${int(f.sosSent)} SOS sent, the operator with the fewest got ${int(f.sosReceivedMin)}`,
        `${f.closed} connections closed, ${f.connectFailed} failed to open`,
      ]
      : [
        `${int(f.sosSent)} SOS sent (${int(f.sosPerSecond)}/s), the operator with the fewest got ${
          int(f.sosReceivedMin)
        }`,
        `${int(f.commandsSent)} commands, ${
          int(f.repliesMatched)
        } replies matched, ${f.commandsUnanswered} unanswered`,
        `${f.closed} connections closed during the run, ${f.connectFailed} failed to open` +
        (f.firstError ? ` (first: ${f.firstError})` : ""),
        `deliveries/s per node ${f.nodeDeliveriesPerSecond.map(int).join(" / ")}` +
        (f.nodeMessagesPerCall
          ? `; messages published per Redis call per node ${
            f.nodeMessagesPerCall.map((n) => n.toFixed(1)).join(" / ")
          }`
          : ""),
      ];
    if (f.aborted) notes.unshift(`**stopped early**: ${f.aborted}`);
    lines.push(`- Run ${i + 1}: ${notes.join("; ")}.`);
  }
  return lines;
}

function fleetGoals(runs: FleetFigures[]): string[] {
  const misdelivered = Math.max(...runs.map((f) => f.misdelivered));
  const sosShare = Math.min(...runs.map((f) => f.sosReceivedMin / Math.max(1, f.sosSent)));
  const lines = [
    `- Devices receive 0 messages not addressed to them: ${met(misdelivered === 0)} (${
      runs.map((f) => int(f.misdelivered)).join(", ")
    }).`,
    `- Operators receive 100 % of device messages: ${met(sosShare >= 1)} (worst operator ${
      fixed(100 * sosShare, 3)
    } %${runs.every((f) => f.aborted) ? ", of the SOS sent before the runs stopped" : ""}).`,
  ];
  const measured = runs.filter((f) => !f.aborted);
  if (measured.length === 0) {
    return [
      ...lines,
      "- Round trip, CPU and RSS: **not measured**, every run was stopped early (see above).",
    ];
  }
  const p99 = measured.map((f) => f.roundTrips.p99Ms);
  const cpu = measured.flatMap((f) => f.nodeCpuPercent);
  const rss = measured.flatMap((f) => f.nodePeakRssMB);
  return [
    ...lines,
    `- Command round trip p99 ≤ 25 ms: ${met(Math.max(...p99) <= 25)} (${spread(p99)} ms).`,
    `- Relay CPU ≤ 60 % of one core (per node): ${met(Math.max(...cpu) <= 60)} (${
      spread(cpu, 0)
    } %).`,
    `- Relay RSS ≤ 300 MB (peak, per node): ${met(Math.max(...rss) <= 300)} (${spread(rss, 0)} MB${
      Math.max(...rss) > 300 ? `, ${fixed(Math.max(...rss) - 300, 0)} MB over` : ""
    }).`,
  ];
}

function compareSection(compare: CompareFigures[][], fleet: FleetFigures[]): string[] {
  const labels = compare[0].map((c) => c.label);
  const rows = labels.map((label, k) => {
    const cases = compare.map((run) => run[k]);
    return `| ${label} | ${int(cases[0].connections)} | ${int(cases[0].messagesPerSecond)} | ${
      spread(cases.map((c) => Math.round(c.deliveriesPerSecond)), 0)
    } | ${spread(cases.map((c) => c.cpuPercent), 0)} % | ${
      spread(cases.map((c) => c.microsPerDelivery), 2)
    } | ${spread(cases.map((c) => c.otherCpuPercent), 0)} % |`;
  });
  const single = fleet.filter((f) => f.nodes === 1 && !f.aborted);
  rows.push(
    `| the fleet: ${int(single[0].devices)} devices (SOS, commands, replies) → ${
      compare[0][0].connections - 1
    } operators | ${int(single[0].devices + compare[0][0].connections - 1)} | ${
      int(single[0].sosPerSecond)
    } + commands | ${spread(single.map((f) => f.nodeDeliveriesPerSecond[0]), 0)} | ${
      spread(single.map((f) => f.nodeCpuPercent[0]), 0)
    } % | ${spread(single.map((f) => f.nodeMicrosPerDelivery[0]), 2)} | ${
      spread(single.map((f) => f.otherCpuPercent), 0)
    } % |`,
  );
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const broadcast = median(compare.map((run) => run[0].microsPerDelivery));
  const routed = median(compare.map((run) => run[1].microsPerDelivery));
  const fleetMicros = median(single.map((f) => f.nodeMicrosPerDelivery[0]));
  const routedCost = routed / broadcast - 1;
  const fleetCost = fleetMicros / broadcast - 1;
  return [
    "| Case | Connections | Messages/s | Deliveries/s | Relay CPU | CPU/delivery (µs) | Other CPU |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `- Addressing against broadcast at equal deliveries ≤ +10 %: ${
      met(routedCost <= 0.1)
    } for the routing itself (same sender, receivers and deliveries: ${
      fixed(routed, 2)
    } µs against ${fixed(broadcast, 2)} µs per delivery, ${routedCost >= 0 ? "+" : ""}${
      fixed(100 * routedCost, 0)
    } %, medians); the whole fleet costs ${fixed(fleetMicros, 2)} µs per delivery, ${
      fleetCost >= 0 ? "+" : ""
    }${fixed(100 * fleetCost, 0)} % (its senders are 10,000 sockets, not one).`,
  ];
}

function clusterGoals(runs: FleetFigures[], nodes: number): string[] {
  const single = runs.filter((f) => f.nodes === 1 && !f.aborted);
  const cluster = runs.filter((f) => f.nodes === nodes);
  if (single.length === 0 || cluster.length === 0) return [];
  const share = single.reduce((sum, f) => sum + f.nodeCpuPercent[0], 0) / single.length / nodes;
  const measured = cluster.filter((f) => !f.aborted);
  if (measured.length === 0) {
    return [
      `- Per-node CPU ≤ 1.15× its share over ${nodes} nodes: **not measured**: ${
        cluster[0].aborted
      }.`,
    ];
  }
  const worst = measured.map((f) => Math.max(...f.nodeCpuPercent));
  return [
    `- Per-node CPU ≤ 1.15× its share over ${nodes} nodes: ${
      met(Math.max(...worst) <= 1.15 * share)
    } (busiest node ${spread(worst, 0)} % against a share of ${fixed(share, 0)} % = one node's ${
      fixed(share * nodes, 0)
    } % ÷ ${nodes}; ×${spread(worst.map((w) => w / share), 2)}).`,
  ];
}

function render(
  settings: Settings,
  runs: FleetFigures[],
  compare: CompareFigures[][],
  floors: FloorFigures[],
): string {
  const date = new Date().toISOString().slice(0, 10);
  const flags = [
    ...(settings.nodes === 1 ? [] : ["--nodes", String(settings.nodes)]),
    ...(settings.operatorsOnFirst ? ["--operators-on-first"] : []),
    ...(settings.relayFlags.length ? ["--relay-flags", `"${settings.relayFlags.join(" ")}"`] : []),
  ];
  const command = ["deno task bench:fleet", ...(flags.length ? ["--", ...flags] : [])].join(" ");
  const lines = [
    `Measured on ${date} with \`${command}\` (Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores shared by relay, generator and other work; ${settings.runs} runs, ${
      settings.windowMs / 1000
    } s windows after ${settings.warmupMs / 1000} s of warm-up).`,
    "",
    ...fleetTable(runs),
    "",
    ...fleetNotes(runs),
    "",
  ];
  if (settings.nodes === 1) {
    lines.push("Goals (every run; ranges are min – max):", "", ...fleetGoals(runs));
    if (floors.length > 0) {
      lines.push(
        `- The floor under the RSS: bench/bare_deno_server.ts (Deno.serve + Deno.upgradeWebSocket, ` +
          `nothing else) with the same ${int(settings.devices)} devices sending the same SOS ` +
          `holds ${spread(floors.map((f) => f.steadyRssMB), 0)} MB steady, ${
            spread(floors.map((f) => f.peakRssMB), 0)
          } MB peak.`,
      );
    }
    lines.push("");
    if (compare.length > 0) {
      lines.push(
        "Addressing against broadcast, at equal deliveries (one sender, each message to the " +
          `${settings.operators} receivers; ranges over ${compare.length} runs):`,
        "",
        ...compareSection(compare, runs),
        "",
      );
    }
  } else {
    const cluster = runs.filter((f) => f.nodes === settings.nodes);
    lines.push(
      `Goals over ${settings.nodes} nodes (ranges are min – max):`,
      "",
      ...fleetGoals(cluster),
      ...clusterGoals(runs, settings.nodes),
      "",
    );
  }
  return lines.join("\n");
}

/** Replaces (or appends) this scenario's section of the doc. */
async function writeSection(settings: Settings, body: string): Promise<void> {
  const key = [
    `nodes=${settings.nodes}`,
    ...(settings.operatorsOnFirst ? ["operators-on-first"] : []),
    ...settings.relayFlags,
  ].join(" ");
  const begin = `<!-- bench:fleet ${key} -->`;
  const end = `<!-- /bench:fleet ${key} -->`;
  const doc = await Deno.readTextFile(DOC);
  const section = `${begin}\n\n${body}\n${end}`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  const next = from !== -1 && to > from
    ? doc.slice(0, from) + section + doc.slice(to + end.length)
    : `${doc.trimEnd()}\n\n${section}\n`;
  await Deno.writeTextFile(DOC, await formatMarkdown(next));
}

async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = parseSettings(Deno.args);
  } catch (error) {
    console.error(`bench:fleet: ${(error as Error).message}`);
    return 2;
  }
  const runs: FleetFigures[] = [];
  const compare: CompareFigures[][] = [];
  const floors: FloorFigures[] = [];
  let redis: (Awaited<ReturnType<typeof startRedisServer>>) | undefined;
  if (settings.nodes > 1) {
    const binary = redisServerBinary();
    if (!binary) return 1;
    redis = await startRedisServer({ binary });
  }
  try {
    for (let run = 0; run < settings.runs; run++) {
      log(`run ${run + 1} of ${settings.runs}`);
      // A cluster's share is one node's CPU under the same load, measured alongside.
      runs.push(await fleetRun(settings, 1, undefined));
      if (settings.nodes > 1) runs.push(await fleetRun(settings, settings.nodes, redis));
      if (settings.nodes === 1 && settings.compare) {
        log("broadcast against addressing at equal deliveries");
        const broadcast = () =>
          compareRun(
            settings,
            `broadcast: 1 sender → ${settings.operators} clients without a role`,
            {
              sender: "none",
              receivers: "none",
            },
          );
        const roles = () =>
          compareRun(settings, `roles: 1 device → ${settings.operators} operators`, {
            sender: "device",
            receivers: "operator",
          });
        floors.push(await floorRun(settings));
        // Every other run starts with the other case, so a drift of the machine hits both alike.
        if (run % 2 === 0) {
          const first = await broadcast();
          compare.push([first, await roles()]);
        } else {
          const second = await roles();
          compare.push([await broadcast(), second]);
        }
      }
    }
  } finally {
    await redis?.[Symbol.asyncDispose]();
  }
  const body = await formatMarkdown(render(settings, runs, compare, floors));
  console.log(body);
  if (settings.write) {
    await writeSection(settings, body);
    log(`wrote ${DOC}`);
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main());
