/**
 * `deno task bench:cluster`: what running the relay as a cluster on Redis
 * costs and gives, measured with real processes on this machine:
 *
 * - one node without Redis, one node with `--redis` (alone in its cluster),
 *   and two nodes: deliveries/s at saturation, relay CPU per delivery on
 *   each node, Redis CPU per message;
 * - publish-to-receive latency at a fixed message rate, on one node and
 *   across two nodes (publisher on one, subscribers on the other);
 * - Redis' own ceiling for the bus frames: `redis-benchmark` publishing to
 *   1, 2 and 4 subscriber connections (`redis-cli`), Redis CPU per message;
 * - a stream of 64 KiB messages to 3 readers, paced by the readers: on one
 *   node, across two nodes, and across two nodes while 200 ids are away (in
 *   their resume window), with CPU per message on each node and on Redis.
 *
 * Every process talks over 127.0.0.1 and is stopped at the end. The load
 * generator is bench/load.ts (one publisher, N subscribers, binary
 * messages). Writes docs/cluster_benchmarks.md; `--quick` only prints, and
 * `--stream` runs and prints only the 64 KiB stream cases.
 *
 * @module
 */

import { startLoad, waitForQuiet } from "./harness.ts";
import { clockTicksPerSecond, readCpuTicks, readSystemTicks } from "./proc.ts";
import { formatMarkdown } from "./markdown.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import type { RelayProcess } from "../testing/relay_process.ts";
import { redisServerBinary, startRedisServer } from "../testing/redis_server.ts";
import { encodeMessage } from "../relay/cluster_frame.ts";
import { startClusterNode } from "../relay/cluster.ts";
import { createLogger } from "../relay/logger.ts";
import process from "node:process";
import { setImmediate } from "node:timers";
import * as cli from "../relay/cli_args.ts";
import { delay } from "../testing/wait.ts";

/** Durations and counts of one run. */
interface Settings {
  subscribersPerNode: number;
  size: number;
  warmupMs: number;
  throughputMs: number;
  maxInFlight: number;
  /** Message rates of the latency cases. */
  latencyRates: number[];
  /** Each latency case runs this often; the attempt with the lowest p99 is kept (noise). */
  latencyAttempts: number;
  latencySubscribers: number;
  latencyMs: number;
  ceilingMessages: number;
  /** Messages per bus-cost case. */
  busMessages: number;
  quietWaitMs: number;
  /** Messages of the 64 KiB stream cases (after a tenth as many to warm up). */
  streamMessages: number;
}

const FULL: Settings = {
  subscribersPerNode: 100,
  size: 64,
  warmupMs: 1000,
  throughputMs: 4000,
  maxInFlight: 32768,
  latencyRates: [1000, 10_000],
  latencyAttempts: 3,
  latencySubscribers: 1,
  latencyMs: 3000,
  ceilingMessages: 400_000,
  busMessages: 20_000,
  quietWaitMs: 8000,
  streamMessages: 1600,
};

const QUICK: Settings = {
  ...FULL,
  warmupMs: 300,
  throughputMs: 800,
  latencyMs: 600,
  latencyAttempts: 1,
  ceilingMessages: 50_000,
  busMessages: 5000,
  quietWaitMs: 0,
  streamMessages: 400,
};

/** Figures of one saturated case. */
interface ThroughputFigures {
  label: string;
  nodes: number;
  deliveriesPerSecond: number;
  messagesPerSecond: number;
  /** Relay CPU per delivery, µs, per node. */
  nodeMicrosPerDelivery: number[];
  /** Relay CPU, percent of one core, per node. */
  nodeCpuPercent: number[];
  /** Redis CPU per message published, µs (undefined without Redis). */
  redisMicrosPerMessage: number | undefined;
  redisCpuPercent: number | undefined;
  otherCpuPercent: number;
  lost: number;
}

/** Figures of one latency case. */
interface LatencyFigures {
  label: string;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
  lost: number;
}

/** CPU a node spends on the bus per message, measured on the real ClusterNode code. */
interface BusCostFigures {
  size: number;
  /** Publishing a client's message and skipping its echo, µs. */
  publishMicros: number;
  /** Receiving and decoding another node's message (handed to a hub with no client), µs. */
  receiveMicros: number;
  lost: number;
}

/** Figures of Redis alone under PUBLISH load. */
interface CeilingFigures {
  frameBytes: number;
  subscribers: number;
  publishedPerSecond: number;
  redisMicrosPerMessage: number;
  redisCpuPercent: number;
  /** Messages/s at which Redis' one core would be full. */
  ceilingPerSecond: number;
}

/** Figures of one 64 KiB stream case. */
interface StreamFigures {
  label: string;
  /** Ids away (inside their resume window) during the stream. */
  away: number;
  messages: number;
  megabytesPerSecond: number;
  messagesPerSecond: number;
  /** Relay CPU per message streamed, µs, per node (publisher's node first). */
  nodeMicrosPerMessage: number[];
  redisMicrosPerMessage: number | undefined;
  /** Messages missing, twice or out of order at a reader. */
  wrong: number;
}

const STREAM_SIZE = 64 * 1024;
const STREAM_READERS = 3;
/** Messages in flight: 8 × 64 KiB stays under the default 1 MiB backlog of a reader. */
const STREAM_WINDOW = 8;

let clusterCase = 0;

/**
 * Flags of a relay for one case. Each case is a cluster of its own: the
 * clients of the case before left less than a resume window ago, and
 * messages kept for them would weigh on this one.
 */
function relayArgs(redisUrl: string | undefined, sameClusterAsLast = false): string[] {
  const args = ["--ping-interval", "0", "--ping-timeout", "0", "--max-backlog-bytes", "67108864"];
  if (!redisUrl) return args;
  if (!sameClusterAsLast) clusterCase++;
  return [...args, "--redis", redisUrl, "--cluster", `bench-${clusterCase}`];
}

async function throughputCase(
  label: string,
  nodes: RelayProcess[],
  redisPid: number | undefined,
  settings: Settings,
): Promise<ThroughputFigures> {
  const load = startLoad();
  try {
    for (const [i, node] of nodes.entries()) {
      await load.request({
        op: "connect",
        url: node.url.slice(0, -1),
        prefix: `${label.replace(/\W/g, "")}-${i}`,
        subscribers: settings.subscribersPerNode,
        publisher: i === 0,
      }, 60_000);
    }
    await delay(300);
    await waitForQuiet(settings.quietWaitMs);
    const pids = [...nodes.map((node) => node.child.pid), ...(redisPid ? [redisPid] : [])];
    const request = load.request({
      op: "throughput",
      size: settings.size,
      warmupMs: settings.warmupMs,
      durationMs: settings.throughputMs,
      maxInFlight: settings.maxInFlight,
      relayPid: nodes[0].child.pid,
    }, settings.warmupMs + settings.throughputMs + 30_000);
    await delay(settings.warmupMs);
    const start = pids.map(readCpuTicks);
    const systemStart = readSystemTicks().busy;
    await delay(settings.throughputMs);
    const end = pids.map(readCpuTicks);
    const systemEnd = readSystemTicks().busy;
    const result = (await request).throughput!;
    const hz = await clockTicksPerSecond();
    const seconds = result.cpu.seconds;
    const used = pids.map((_, i) => (end[i] - start[i]) / hz);
    const fanout = settings.subscribersPerNode * nodes.length;
    const messages = result.deliveries / fanout;
    const nodeDeliveries = result.deliveries / nodes.length;
    const loadSeconds = result.cpu.loadTicks / hz;
    const ours = used.reduce((sum, s) => sum + s, 0) + loadSeconds;
    return {
      label,
      nodes: nodes.length,
      deliveriesPerSecond: result.deliveries / seconds,
      messagesPerSecond: messages / seconds,
      nodeMicrosPerDelivery: nodes.map((_, i) => (used[i] * 1e6) / nodeDeliveries),
      nodeCpuPercent: nodes.map((_, i) => (100 * used[i]) / seconds),
      redisMicrosPerMessage: redisPid ? (used[nodes.length] * 1e6) / messages : undefined,
      redisCpuPercent: redisPid ? (100 * used[nodes.length]) / seconds : undefined,
      otherCpuPercent: Math.max(0, (100 * ((systemEnd - systemStart) / hz - ours)) / seconds),
      lost: result.lost + result.wrongSize,
    };
  } finally {
    await load.request({ op: "close" }, 30_000).catch(() => {});
    await load.stop();
  }
}

/** One latency measurement: who publishes where, who listens where, how fast. */
interface LatencyTest {
  label: string;
  rate: number;
  publisherNode: RelayProcess;
  subscriberNode: RelayProcess;
}

async function latencyCase(test: LatencyTest, settings: Settings): Promise<LatencyFigures> {
  let best: LatencyFigures | undefined;
  for (let attempt = 0; attempt < settings.latencyAttempts; attempt++) {
    const figures = await latencyAttempt(test, settings);
    if (!best || figures.p99Ms < best.p99Ms) best = figures;
  }
  return best!;
}

async function latencyAttempt(test: LatencyTest, settings: Settings): Promise<LatencyFigures> {
  const { label, rate, publisherNode, subscriberNode } = test;
  const load = startLoad();
  try {
    const prefix = `${label.replace(/\W/g, "")}${rate}`;
    await load.request({
      op: "connect",
      url: publisherNode.url.slice(0, -1),
      prefix: `${prefix}p`,
      subscribers: 0,
      publisher: true,
    }, 60_000);
    await load.request({
      op: "connect",
      url: subscriberNode.url.slice(0, -1),
      prefix: `${prefix}s`,
      subscribers: settings.latencySubscribers,
      publisher: false,
    }, 60_000);
    await delay(300);
    await waitForQuiet(settings.quietWaitMs);
    const result = (await load.request({
      op: "latency",
      size: settings.size,
      rate,
      durationMs: settings.latencyMs,
      relayPid: publisherNode.child.pid,
    }, settings.latencyMs + 30_000)).latency!;
    return { label, rate, ...result };
  } finally {
    await load.request({ op: "close" }, 30_000).catch(() => {});
    await load.stop();
  }
}

/** A WebSocket of the bench process that counts numbered messages and checks their order. */
async function streamReader(url: string) {
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  const reader = { socket, received: 0, wrong: 0, onMessage: () => {} };
  socket.onmessage = (event) => {
    const data = event.data as ArrayBuffer;
    const index = data.byteLength === STREAM_SIZE ? new DataView(data).getUint32(0) : -1;
    if (index !== reader.received) reader.wrong++;
    reader.received++;
    reader.onMessage();
  };
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`cannot open ${url}`));
  });
  return reader;
}

/** Connects `count` clients (alternately to each of `urls`) and closes them: ids away. */
async function leaveAway(urls: string[], prefix: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    const sockets = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) => {
        const socket = new WebSocket(`${urls[(i + j) % urls.length]}${prefix}${i + j}`);
        return new Promise<WebSocket>((resolve, reject) => {
          socket.onopen = () => resolve(socket);
          socket.onerror = () => reject(new Error("cannot open a client to leave away"));
        });
      }),
    );
    await Promise.all(sockets.map((socket) => {
      const closed = new Promise((resolve) => socket.onclose = resolve);
      socket.close();
      return closed;
    }));
  }
  await delay(500); // their nodes mark them away in Redis as they leave
}

/**
 * Streams numbered 64 KiB binary messages from a publisher on `publisherNode` to
 * STREAM_READERS readers on `readerNode`, STREAM_WINDOW at a time: the next window goes once
 * every reader has the last one, so the rate is what the relay (or cluster) carries.
 */
async function streamCase(
  label: string,
  publisherNode: RelayProcess,
  readerNode: RelayProcess,
  redisPid: number | undefined,
  away: number,
  settings: Settings,
): Promise<StreamFigures> {
  const prefix = label.replace(/\W/g, "");
  const nodes = publisherNode === readerNode ? [publisherNode] : [publisherNode, readerNode];
  if (away > 0) await leaveAway(nodes.map((node) => node.url), `${prefix}-away`, away);
  const publisher = await streamReader(`${publisherNode.url}${prefix}-pub`);
  const readers = await Promise.all(
    Array.from(
      { length: STREAM_READERS },
      (_, i) => streamReader(`${readerNode.url}${prefix}-r${i}`),
    ),
  );
  try {
    await delay(300);
    let next = 0;
    const run = async (count: number) => {
      const end = next + count;
      while (next < end) {
        for (let i = 0; i < STREAM_WINDOW; i++) {
          const message = new Uint8Array(STREAM_SIZE);
          new DataView(message.buffer).setUint32(0, next++);
          publisher.socket.send(message);
        }
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`${label}: a window took over 30 s`)),
            30_000,
          );
          const check = () => {
            if (readers.every((reader) => reader.received >= next)) {
              clearTimeout(timer);
              resolve();
            }
          };
          for (const reader of readers) reader.onMessage = check;
          check();
        });
      }
    };
    await run(Math.max(STREAM_WINDOW, Math.round(settings.streamMessages / 10 / 8) * 8));
    await waitForQuiet(settings.quietWaitMs);
    const pids = [...nodes.map((node) => node.child.pid), ...(redisPid ? [redisPid] : [])];
    const before = pids.map(readCpuTicks);
    const t0 = performance.now();
    await run(settings.streamMessages);
    const seconds = (performance.now() - t0) / 1000;
    const hz = await clockTicksPerSecond();
    const used = pids.map((pid, i) => (readCpuTicks(pid) - before[i]) / hz);
    const messages = settings.streamMessages;
    return {
      label,
      away,
      messages,
      megabytesPerSecond: (messages * STREAM_SIZE) / seconds / 1e6,
      messagesPerSecond: messages / seconds,
      nodeMicrosPerMessage: nodes.map((_, i) => (used[i] * 1e6) / messages),
      redisMicrosPerMessage: redisPid ? (used[nodes.length] * 1e6) / messages : undefined,
      wrong: readers.reduce((sum, reader) => sum + reader.wrong, 0),
    };
  } finally {
    await Promise.all([publisher, ...readers].map(({ socket }) => {
      const closed = new Promise((resolve) => socket.onclose = resolve);
      socket.close();
      return closed;
    }));
  }
}

/** The 64 KiB stream on one node, across two, and across two with 200 ids away. */
async function streamCases(redis: { url: string; pid(): number }, settings: Settings) {
  const figures: StreamFigures[] = [];
  const log = (text: string) => console.error(`bench:cluster: ${text}`);
  log("64 KiB stream, one node");
  const single = await startRelayProcess(relayArgs(undefined));
  try {
    figures.push(await streamCase("one node", single, single, undefined, 0, settings));
  } finally {
    await single.stop("SIGTERM");
  }
  for (const away of [0, 200]) {
    log(`64 KiB stream, across two nodes, ${away} ids away`);
    const nodes = [
      await startRelayProcess(relayArgs(redis.url)),
      await startRelayProcess(relayArgs(redis.url, true)),
    ];
    try {
      const label = away > 0 ? `across nodes, ${away} ids away` : "across nodes";
      figures.push(await streamCase(label, nodes[0], nodes[1], redis.pid(), away, settings));
    } finally {
      for (const node of nodes) await node.stop("SIGTERM");
    }
  }
  return figures;
}

const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/**
 * Publishes `settings.busMessages` messages one per event-loop turn (as client messages arrive)
 * through one node, then with a second node listening; this process's CPU, less that of the loop
 * alone, divided by the messages.
 */
// An operator's binary message: published on the bus to every node, as before roles existed.
const SENDER = { id: "sender", role: "operator" } as const;
const UNADDRESSED = () => ({ address: { kind: "none" } as const, retain: false });

async function busCostCase(redisUrl: string, size: number, settings: Settings) {
  const logger = createLogger({ level: "silent", format: "text" });
  const start = (nodeId: string) =>
    startClusterNode({ url: redisUrl, cluster: "buscost", leaseSeconds: 15, logger, nodeId });
  const payload = new Uint8Array(size).buffer;
  const count = settings.busMessages;
  const measure = async (send: () => void) => {
    const before = cpuMicros();
    for (let i = 0; i < count; i++) {
      send();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await delay(300); // echoes and deliveries still in flight; idle time costs no CPU
    return cpuMicros() - before;
  };
  await waitForQuiet(settings.quietWaitMs);
  const loop = await measure(() => {});
  const a = await start("bus-a");
  const alone: number[] = [];
  const both: number[] = [];
  let lost = 0;
  try {
    await measure(() => a.bus.publish(SENDER, payload, UNADDRESSED)); // warm-up: the JIT compiles the path
    // Rounds alternate so that drifts of the machine hit both figures alike; medians are kept.
    for (let round = 0; round < 3; round++) {
      alone.push(await measure(() => a.bus.publish(SENDER, payload, UNADDRESSED)));
      const b = await start("bus-b");
      let received = 0;
      b.bus.connect({ deliver: () => received++, notify() {}, replaced() {} });
      try {
        both.push(await measure(() => a.bus.publish(SENDER, payload, UNADDRESSED)));
        lost += count - received;
      } finally {
        await b.close();
      }
    }
  } finally {
    await a.close();
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[values.length >> 1];
  return {
    size,
    publishMicros: (median(alone) - loop) / count,
    receiveMicros: (median(both) - median(alone)) / count,
    lost,
  };
}

async function redisCli(port: number, args: string[]): Promise<string> {
  const out = await new Deno.Command("redis-cli", { args: ["-p", String(port), ...args] }).output();
  if (!out.success) throw new Error(`redis-cli ${args.join(" ")} failed`);
  return new TextDecoder().decode(out.stdout);
}

async function ceilingCase(
  redis: { port: number; pid(): number },
  frameBytes: number,
  subscribers: number,
  settings: Settings,
): Promise<CeilingFigures> {
  const channel = "ceiling:bus";
  await redisCli(redis.port, ["CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 0 0"]);
  const cli = Array.from({ length: subscribers }, () =>
    new Deno.Command("redis-cli", {
      args: ["-p", String(redis.port), "subscribe", channel],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn());
  try {
    await delay(300);
    const frame = encodeMessage("bench-node", "bench-sender", "x".repeat(frameBytes - 26));
    const payload = new TextDecoder().decode(frame).replace(/[^\x20-\x7e]/g, "x");
    await waitForQuiet(settings.quietWaitMs);
    const hz = await clockTicksPerSecond();
    const before = readCpuTicks(redis.pid());
    const t0 = performance.now();
    const out = await new Deno.Command("redis-benchmark", {
      args: [
        "-p",
        String(redis.port),
        "-c",
        "4",
        "-P",
        "32",
        "-n",
        String(settings.ceilingMessages),
        "-q",
        "PUBLISH",
        channel,
        payload,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const seconds = (performance.now() - t0) / 1000;
    if (!out.success) throw new Error(`redis-benchmark: ${new TextDecoder().decode(out.stderr)}`);
    const redisSeconds = (readCpuTicks(redis.pid()) - before) / hz;
    // A subscriber that falls behind may be cut off by Redis, which would flatter its CPU figure.
    const listening = await redisCli(redis.port, ["PUBSUB", "NUMSUB", channel]);
    if (Number(listening.trim().split("\n").pop()) !== subscribers) {
      throw new Error(`a redis-cli subscriber was disconnected during the run: ${listening}`);
    }
    const perMessage = redisSeconds / settings.ceilingMessages;
    return {
      frameBytes: payload.length,
      subscribers,
      publishedPerSecond: settings.ceilingMessages / seconds,
      redisMicrosPerMessage: perMessage * 1e6,
      redisCpuPercent: (100 * redisSeconds) / seconds,
      ceilingPerSecond: 1 / perMessage,
    };
  } finally {
    for (const child of cli) {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone (the NUMSUB check above says why)
      }
      await child.status;
    }
  }
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const fixed = (n: number | undefined, digits = 2) => n === undefined ? "–" : n.toFixed(digits);

/** Everything one run measured. */
interface Report {
  settings: Settings;
  throughput: ThroughputFigures[];
  latency: LatencyFigures[];
  bus: BusCostFigures[];
  ceiling: CeilingFigures[];
  stream: StreamFigures[];
}

/** The stream table and its goal line. */
function renderStream(settings: Settings, stream: StreamFigures[]): string[] {
  const single = stream[0];
  const ratio = (s: StreamFigures) => s.megabytesPerSecond / single.megabytesPerSecond;
  const across = stream.slice(1);
  const worst = across.reduce((a, b) => (ratio(b) < ratio(a) ? b : a));
  return [
    "## 64 KiB stream",
    "",
    `${settings.streamMessages} binary messages of 64 KiB from one publisher to ${STREAM_READERS}` +
    ` readers, ${STREAM_WINDOW} in flight: the next ${STREAM_WINDOW} go once every reader has the` +
    ' last ones, so the rate is what the relay carries to readers that keep up. "One node" has' +
    ' everyone on one relay without Redis; "across nodes" has the publisher on node 1 and the' +
    ' readers on node 2; "ids away" first connects and closes 200 clients on both nodes, whose' +
    " resume windows (30 s) are open during the stream, as after a busy minute. CPU is per message" +
    " streamed (each message reaches the 3 readers), after a tenth as many to warm up.",
    "",
    "| Case | MB/s | Messages/s | Of one node | Relay CPU/message per node (µs) | Redis CPU/message (µs) | Wrong |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...stream.map((s) =>
      `| ${s.label} | ${fixed(s.megabytesPerSecond, 1)} | ${int(s.messagesPerSecond)} | ${
        (100 * ratio(s)).toFixed(0)
      } % | ${s.nodeMicrosPerMessage.map((v) => fixed(v, 0)).join(" / ")} | ${
        fixed(s.redisMicrosPerMessage, 0)
      } | ${s.wrong} |`
    ),
    "",
    `- **Cross-node rate of 64 KiB messages ≥ 25 % of one node's: ${
      ratio(worst) >= 0.25 ? "met" : "not met"
    }** (worst: ${worst.label}, ${fixed(worst.megabytesPerSecond, 1)} MB/s vs ${
      fixed(single.megabytesPerSecond, 1)
    } MB/s, ${(100 * ratio(worst)).toFixed(0)} %).`,
    "",
  ];
}

function render(report: Report): string {
  const { settings, throughput, latency, bus, ceiling, stream } = report;
  const single = throughput[0];
  const pair = throughput[throughput.length - 1];
  const worstClusterCpu = Math.max(...pair.nodeMicrosPerDelivery);
  const cpuRatio = worstClusterCpu / single.nodeMicrosPerDelivery[0];
  const goalRate = Math.max(...settings.latencyRates);
  const at = (label: string) => latency.find((l) => l.label === label && l.rate === goalRate)!;
  const [local, across] = [at("one node"), at("across nodes")];
  const added = across.p99Ms - local.p99Ms;
  const lines = [
    "# Cluster benchmarks",
    "",
    `Measured on ${
      new Date().toISOString().slice(0, 10)
    } with \`deno task bench:cluster\` on ${navigator.hardwareConcurrency} CPUs shared with other work: every figure is noisy (the "other CPU" column says how much the` +
    " rest of the machine used in the window). See docs/scaling.md for what they mean.",
    "",
    "## Method",
    "",
    `- Relays are \`server.ts\` processes (keepalive off); a cluster node adds \`--redis\`. The load` +
    " process (bench/load.ts, pinned to core 1) opens one publisher on node 1 and " +
    `${settings.subscribersPerNode} subscribers on every node, and publishes ${settings.size}-byte` +
    ` binary messages as fast as flow control allows (${settings.maxInFlight} deliveries in flight),` +
    ` counted over ${settings.throughputMs / 1000} s after ${
      settings.warmupMs / 1000
    } s of warm-up.`,
    "- **CPU per delivery** is each relay's utime+stime over the window divided by the deliveries it" +
    " made to its own subscribers; **Redis CPU per message** is redis-server's CPU divided by the" +
    " messages published.",
    `- **Latency**: ${settings.latencyRates.join(" and ")} messages/s for ${
      settings.latencyMs / 1000
    } s to ${settings.latencySubscribers} subscriber(s), publish to receive on one clock; "one` +
    ' node" has publisher and subscriber on one relay without Redis, "across nodes" has them on' +
    ` two nodes. Each case runs ${settings.latencyAttempts} time(s); the attempt with the lowest` +
    " p99 is shown, since other processes' CPU bursts land in the tail.",
    "- With 2 cores, relays below 100 % CPU mean the load generator or the rest of the machine was" +
    " the limit: deliveries/s then does not show what more nodes would give on more cores.",
    "- **Bus cost**: the real node code (relay/cluster.ts and its bus, relay/cluster_bus.ts) in" +
    " the benchmark process publishes" +
    ` ${settings.busMessages} messages, one per event-loop turn as client messages arrive, first` +
    " with no other node, then with a second node that receives and decodes them; the process's" +
    " CPU less that of the bare loop, per message. The turns that come while a call is" +
    " unanswered share the next call (relay/cluster_batch.ts), as a node's do. This is what a node" +
    " adds per message on top of its fan-out, free of the load generator's noise.",
    "- **Redis ceiling**: `redis-benchmark -c 4 -P 32` publishes frames of the relay's size to N" +
    " `redis-cli` subscribers; Redis is single-threaded, so 1 ÷ its CPU per message is the" +
    " message rate at which its core is full.",
    "",
    "## Throughput and CPU",
    "",
    "| Case | Deliveries/s | Messages/s | Relay CPU/delivery per node (µs) | Relay CPU per node | Redis CPU/message (µs) | Redis CPU | Other CPU | Lost |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...throughput.map((t) =>
      `| ${t.label} | ${int(t.deliveriesPerSecond)} | ${int(t.messagesPerSecond)} | ${
        t.nodeMicrosPerDelivery.map((v) => fixed(v)).join(" / ")
      } | ${t.nodeCpuPercent.map((v) => `${v.toFixed(0)} %`).join(" / ")} | ${
        fixed(t.redisMicrosPerMessage)
      } | ${t.redisCpuPercent === undefined ? "–" : `${t.redisCpuPercent.toFixed(0)} %`} | ${
        t.otherCpuPercent.toFixed(0)
      } % | ${t.lost} |`
    ),
    "",
    "## Latency",
    "",
    "| Case | Messages/s | p50 (ms) | p99 (ms) | max (ms) | Samples | Lost |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...latency.map((l) =>
      `| ${l.label} | ${int(l.rate)} | ${fixed(l.p50Ms)} | ${fixed(l.p99Ms)} | ${
        fixed(l.maxMs)
      } | ${int(l.samples)} | ${l.lost} |`
    ),
    "",
    "## Bus cost per message on a node",
    "",
    "| Message | Publish + own echo (µs CPU) | Receive from another node (µs CPU) | Lost |",
    "| ---: | ---: | ---: | ---: |",
    ...bus.map((b) =>
      `| ${b.size} B | ${fixed(b.publishMicros)} | ${fixed(b.receiveMicros)} | ${b.lost} |`
    ),
    "",
    "## Redis ceiling",
    "",
    "| Frame | Subscribers | Published/s | Redis CPU/message (µs) | Redis CPU | Ceiling (messages/s) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...ceiling.map((c) =>
      `| ${c.frameBytes} B | ${c.subscribers} | ${int(c.publishedPerSecond)} | ${
        fixed(c.redisMicrosPerMessage)
      } | ${c.redisCpuPercent.toFixed(0)} % | ${int(c.ceilingPerSecond)} |`
    ),
    "",
    ...renderStream(settings, stream),
    "## Goals",
    "",
    `- **Per-node CPU per delivery in cluster mode ≤ 1.15× a single node at ${settings.subscribersPerNode}` +
    ` subscribers: ${cpuRatio <= 1.15 ? "met" : "not met"}** (worst node ${
      fixed(worstClusterCpu)
    } µs` +
    ` vs ${fixed(single.nodeMicrosPerDelivery[0])} µs, ×${cpuRatio.toFixed(2)}).`,
    `- **Cross-node p99 adds ≤ 2 ms at ${int(goalRate)} messages/s: ${
      added <= 2 ? "met" : "not met"
    }** (${fixed(across.p99Ms)} ms across nodes vs ${fixed(local.p99Ms)} ms on one node,` +
    ` ${added >= 0 ? "+" : ""}${fixed(added)} ms; p50 ${fixed(across.p50Ms)} vs ${
      fixed(local.p50Ms)
    } ms).`,
    "",
  ];
  return lines.join("\n");
}

async function main(): Promise<number> {
  const { quick, stream: streamOnly } = cli.parseOrExit(
    cli.defineCommand({
      usage: ["deno task bench:cluster [-- --quick] [--stream]"],
      flags: {
        quick: cli.toggle({ help: "a short run that only prints" }),
        stream: cli.toggle({ help: "only the stream cases, printed" }),
      },
    }),
    { program: "bench:cluster" },
  ).values;
  const settings = quick ? QUICK : FULL;
  const binary = redisServerBinary();
  if (!binary) return 1;
  await using redis = await startRedisServer({ binary });
  if (streamOnly) {
    console.log(
      await formatMarkdown(renderStream(settings, await streamCases(redis, settings)).join("\n")),
    );
    return 0;
  }
  const stopAll = async (nodes: RelayProcess[]) => {
    for (const node of nodes) await node.stop("SIGTERM");
  };
  const throughput: ThroughputFigures[] = [];
  const latency: LatencyFigures[] = [];
  const ceiling: CeilingFigures[] = [];
  const bus: BusCostFigures[] = [];
  const log = (text: string) => console.error(`bench:cluster: ${text}`);

  log("one node, no Redis");
  let nodes = [await startRelayProcess(relayArgs(undefined))];
  try {
    throughput.push(await throughputCase("1 node, no Redis", nodes, undefined, settings));
    for (const rate of settings.latencyRates) {
      const test = { label: "one node", rate, publisherNode: nodes[0], subscriberNode: nodes[0] };
      latency.push(await latencyCase(test, settings));
    }
  } finally {
    await stopAll(nodes);
  }

  log("one node with --redis");
  nodes = [await startRelayProcess(relayArgs(redis.url))];
  try {
    throughput.push(await throughputCase("1 node + Redis", nodes, redis.pid(), settings));
  } finally {
    await stopAll(nodes);
  }

  log("two nodes");
  nodes = [
    await startRelayProcess(relayArgs(redis.url)),
    await startRelayProcess(relayArgs(redis.url, true)),
  ];
  try {
    throughput.push(await throughputCase("2 nodes", nodes, redis.pid(), settings));
  } finally {
    await stopAll(nodes);
  }
  // Fresh nodes in a cluster of their own: the throughput clients just left (see relayArgs).
  nodes = [
    await startRelayProcess(relayArgs(redis.url)),
    await startRelayProcess(relayArgs(redis.url, true)),
  ];
  try {
    for (const rate of settings.latencyRates) {
      const test = {
        label: "across nodes",
        rate,
        publisherNode: nodes[0],
        subscriberNode: nodes[1],
      };
      latency.push(await latencyCase(test, settings));
    }
  } finally {
    await stopAll(nodes);
  }

  for (const frameBytes of [settings.size + 30, 1024 + 30]) {
    for (const subscribers of [1, 2, 4]) {
      log(`Redis ceiling, ${frameBytes} B frames, ${subscribers} subscribers`);
      ceiling.push(await ceilingCase(redis, frameBytes, subscribers, settings));
    }
  }

  for (const size of [settings.size, 1024]) {
    log(`bus cost, ${size} B messages`);
    bus.push(await busCostCase(redis.url, size, settings));
  }

  const stream = await streamCases(redis, settings);

  const report = await formatMarkdown(
    render({ settings, throughput, latency, bus, ceiling, stream }),
  );
  console.log(report);
  if (!quick) {
    const path = new URL("../docs/cluster_benchmarks.md", import.meta.url);
    await Deno.writeTextFile(path, report);
    log("wrote docs/cluster_benchmarks.md");
  }
  return 0;
}

if (import.meta.main) Deno.exit(await main());
