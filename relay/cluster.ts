/**
 * A relay as one node of a cluster on Redis (`--redis URL`): the bus that
 * carries every client message to the other nodes, and the registry that
 * keeps client ids unique across the cluster.
 *
 * Redis layout, every key prefixed with `<cluster>:`:
 * - `bus`: the pub/sub channel every node reads; one {@link encodeMessage | frame} per client
 *   message that every node may have to deliver, or one batch of them per event-loop turn
 *   (relay/cluster_batch.ts).
 * - `bus:<node>`: the node's own channel, for messages only some nodes need
 *   (relay/cluster_route.ts).
 * - `node:<node>`: the node's lease, a key with a TTL refreshed every lease/3.
 * - `nodes`: the set of nodes that registered, swept of those whose lease lapsed.
 * - `ids`: hash of client id → claim token `<node>#<serial>` of the connection holding it.
 * - `clients:<node>`: hash of client id → JSON `{remote, connectedSince, role}` for `GET /clients`.
 * - `operators`: hash of the id of each connected operator → its node.
 *
 * An id held by a node whose lease lapsed (it crashed) is free: claims check
 * the holder's lease in the same Lua script that takes the id, so two nodes
 * can never both win. While Redis is unreachable the node keeps its clients
 * and delivers locally, but refuses new connections with 503: it cannot tell
 * whether an id is free. When Redis is back it registers every local id
 * again; an id another node took meanwhile closes the local holder with 4001.
 *
 * The Redis client (npm `ioredis`, wrapped by relay/cluster_redis.ts) is
 * imported only when a node starts, under a computed specifier: it is not
 * part of the relay's module graph, so `deno task serve` neither installs
 * nor loads it, and `deno task serve:cluster` (relay/cluster.lock) does.
 *
 * @example
 * ```ts
 * import { startClusterNode } from "./cluster.ts";
 * import { createLogger } from "./logger.ts";
 *
 * const node = await startClusterNode({
 *   url: "redis://127.0.0.1:6379",
 *   cluster: "relay",
 *   leaseSeconds: 15,
 *   logger: createLogger({ level: "info", format: "text" }),
 * });
 * // pass `node` to startRelay({ registry: node, … }); on shutdown:
 * await node.close();
 * ```
 * @module
 */

import { Buffer } from "node:buffer";
import { type BusEntry, PublishBatcher } from "./cluster_batch.ts";
import {
  batchFrames,
  decodeFrame,
  encodeEvent,
  encodeMessage,
  encodeProbe,
  isBatchFrame,
  isFromNode,
  isMessageFrame,
} from "./cluster_frame.ts";
import { ClusterMetrics } from "./cluster_metrics.ts";
import { ID_SCRIPTS } from "./cluster_registry.ts";
import { ClusterPresence } from "./cluster_presence.ts";
import { ClusterResume } from "./cluster_resume.ts";
import { PUBLISH_ROUTED, type Route, routeArgs, routeOf } from "./cluster_route.ts";
import {
  type Client,
  type ClientSummary,
  CLOSE_REPLACED,
  type Hub,
  type HubCluster,
} from "./hub.ts";
import type { Logger } from "./logger.ts";
import type { PresenceOptions } from "./presence.ts";
import type {
  ClaimRequest,
  ClaimResult,
  ClusterClientSummary,
  ClusterHealth,
  Registry,
  ResumeKeeperOptions,
} from "./registry.ts";
import type { ParsedMessage, Party, Role } from "./routing.ts";

/** Settings of {@linkcode startClusterNode}. */
export interface ClusterNodeOptions {
  /** `redis://[user:pass@]HOST:PORT[/DB]`. */
  url: string;
  /** Prefix of every key and of the channel. */
  cluster: string;
  /** Seconds after which a silent node's ids are free. */
  leaseSeconds: number;
  /** Where connection state changes go. */
  logger: Logger;
  /** This node's name; by default `<hostname>-<pid>-<random>`. */
  nodeId?: string;
  /** How often the node measures the bus round-trip; default 2000 ms. */
  probeIntervalMs?: number;
}

export type { ClaimResult, ClusterClientSummary, ClusterHealth } from "./registry.ts";

// KEYS[1] ids; ARGV prefix, node, frame, then the route (relay/cluster_route.ts).
const ROUTE = PUBLISH_ROUTED + `
return publishRouted(ARGV[1], ARGV[2], ARGV[3], 4)
`;

type ScriptCall = (ids: string, ...args: (string | number | Buffer)[]) => Promise<unknown>;
interface Scripts {
  relayClaim: ScriptCall;
  relayRelease: ScriptCall;
  relayRejoin: ScriptCall;
  relayLeave: ScriptCall;
  relaySweep: ScriptCall;
  relayRoute: ScriptCall;
}

/** `redis://user:secret@host` → `redis://user:***@host`, for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** A node name made of the host name, the process id and a random suffix (ASCII, no `#`). */
export function defaultNodeId(): string {
  let host = "relay";
  try {
    host = Deno.hostname();
  } catch {
    // no --allow-sys=hostname: the pid and the suffix keep it unique
  }
  const suffix = crypto.getRandomValues(new Uint8Array(3)).reduce(
    (text, byte) => text + byte.toString(16).padStart(2, "0"),
    "",
  );
  return `${host.replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 40)}-${Deno.pid}-${suffix}`;
}

/**
 * The part of a Redis connection a node uses: relay/cluster_redis.ts makes
 * them, an ioredis connection for commands and relay/cluster_bus.ts for the bus.
 */
export interface RedisConnection {
  /** `ready` when commands can be sent; `reconnecting`, `end`, … otherwise. */
  readonly status: string;
  /** Listens to connection events (`ready`, `close`, `end`, `error`, `messageBuffer`). */
  on(event: string, listener: (...args: never[]) => void): unknown;
  /** Listens to one connection event once. */
  once(event: string, listener: (...args: never[]) => void): unknown;
  /** Connects (the connections are created lazily). */
  connect(): Promise<void>;
  /** Says goodbye to the server and closes. */
  quit(): Promise<unknown>;
  /** Closes at once and stops reconnecting. */
  disconnect(): void;
  /** PUBLISH. */
  publish(channel: string, message: Buffer): Promise<number>;
  /** SUBSCRIBE. */
  subscribe(channel: string): Promise<unknown>;
  /** Registers a Lua script as a command (EVALSHA, falling back to EVAL). */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
  /** PEXPIRE. */
  pexpire(key: string, milliseconds: number): Promise<number>;
  /** HGETALL. */
  hgetall(key: string): Promise<Record<string, string>>;
}

/** What relay/cluster_redis.ts exports: opens a node's two connections, lazily. */
export type ConnectRedis = (options: { url: string; cluster: string }) => {
  commands: RedisConnection;
  subscriber: RedisConnection;
};

/** Raised when the Redis client cannot be loaded (`deno task serve` does not install it). */
export class RedisClientMissing extends Error {
  /** Creates the error with the fix in its message. */
  constructor(cause: unknown) {
    super(
      "--redis needs the Redis client (npm:ioredis), which `deno task serve` does not install: " +
        "start with `deno task serve:cluster -- --redis URL …` instead " +
        `(${(cause as Error).message?.split("\n")[0]})`,
    );
    this.name = "RedisClientMissing";
  }
}

// Computed, so that the relay's module graph (relay/deno.lock) leaves the Redis client out.
const REDIS_MODULE = new URL("./cluster_redis.ts", import.meta.url).href;

/** Connects to Redis (or keeps trying, when it is down) and returns the node. */
export async function startClusterNode(options: ClusterNodeOptions): Promise<ClusterNode> {
  let connectRedis: ConnectRedis;
  try {
    ({ connectRedis } = await import(REDIS_MODULE) as { connectRedis: ConnectRedis });
  } catch (error) {
    throw new RedisClientMissing(error);
  }
  const { commands, subscriber } = connectRedis({ url: options.url, cluster: options.cluster });
  const node = new ClusterNode({ ...options, commands, subscriber });
  await node.start();
  return node;
}

interface ClusterNodeParts extends ClusterNodeOptions {
  commands: RedisConnection;
  subscriber: RedisConnection;
}

/** One relay's membership of a cluster: bus, id registry and health. */
export class ClusterNode implements HubCluster, Registry {
  /** This node's name, as listed by `GET /clients`. */
  readonly nodeId: string;
  /** Cluster name (key prefix). */
  readonly cluster: string;
  /** Bus counters for `/metrics`. */
  readonly metrics: ClusterMetrics = new ClusterMetrics();
  #options: ClusterNodeParts;
  #commands: RedisConnection;
  #subscriber: RedisConnection;
  #prefix: string;
  #channel: string;
  #ownChannel: string;
  #idsKey: string;
  #leaseMs: number;
  #hub: Hub | undefined;
  #nodeBytes: Uint8Array;
  #serial = 0;
  #tokenOf = new Map<Client, string>();
  #byToken = new Map<string, Client>();
  #registered = false;
  #rejoining: Promise<void> | undefined;
  #liveNodes = 0;
  #timers: ReturnType<typeof setInterval>[] = [];
  #closed = false;
  #wasUp = false;
  #lastError = "";
  #resume: ClusterResume | undefined;
  #presence: ClusterPresence | undefined;
  #batcher: PublishBatcher;

  /** Wraps two Redis connections (commands, subscriber) that are not connected yet. */
  constructor(parts: ClusterNodeParts) {
    this.#options = parts;
    this.nodeId = parts.nodeId ?? defaultNodeId();
    // The id is written into frames as ASCII with a length byte, and ends at "#" in claim tokens.
    if (!/^[A-Za-z0-9_.-]{1,200}$/.test(this.nodeId)) {
      throw new Error(`node id "${this.nodeId}" must be 1-200 characters of A-Z a-z 0-9 _ . -`);
    }
    this.cluster = parts.cluster;
    this.#nodeBytes = Buffer.from(this.nodeId, "latin1");
    this.#commands = parts.commands;
    this.#subscriber = parts.subscriber;
    this.#prefix = `${parts.cluster}:`;
    this.#channel = `${this.#prefix}bus`;
    this.#ownChannel = `${this.#channel}:${this.nodeId}`;
    this.#idsKey = `${this.#prefix}ids`;
    this.#leaseMs = Math.round(parts.leaseSeconds * 1000);
    for (const [name, lua] of Object.entries({ ...ID_SCRIPTS, relayRoute: ROUTE })) {
      this.#commands.defineCommand(name, { numberOfKeys: 1, lua });
    }
    this.#batcher = new PublishBatcher({
      commands: this.#commands,
      prefix: this.#prefix,
      nodeId: this.nodeId,
      keepLimits: () => this.#resume?.limits,
      publishOne: (entry) => this.#publishOne(entry),
      onKept: (counts) => this.#resume?.counted(counts),
      onCall: () => this.metrics.publishCalls++,
      onError: () => this.metrics.busErrors++,
    });
  }

  /** True while Redis is reachable and this node's ids are registered: new clients are admitted. */
  get up(): boolean {
    return this.#registered && this.#commands.status === "ready" &&
      this.#subscriber.status === "ready";
  }

  /** `/healthz` fields. */
  health(): ClusterHealth {
    return {
      redis: this.up ? "up" : "down",
      node: this.nodeId,
      cluster: this.cluster,
      nodes: this.#liveNodes,
    };
  }

  /** Live nodes at the last heartbeat, for `/metrics`. */
  get liveNodes(): number {
    return this.#liveNodes;
  }

  /** Connects both connections; with Redis down it returns at once and keeps trying. */
  async start(): Promise<void> {
    const log = this.#options.logger;
    for (
      const [name, connection] of [["commands", this.#commands], ["bus", this.#subscriber]] as const
    ) {
      connection.on("error", (error: Error) => {
        this.metrics.busErrors++;
        if (error.message !== this.#lastError) {
          this.#lastError = error.message;
          log.warn("redis error", { connection: name, error: error.message });
        }
      });
      connection.on("close", () => this.#stateChanged());
      connection.on("ready", () => this.#stateChanged());
    }
    this.#commands.on("close", () => (this.#registered = false));
    this.#commands.on("ready", () => this.#rejoin());
    this.#subscriber.on("messageBuffer", (_channel: Uint8Array, message: Uint8Array) => {
      // A throw here would unwind into the Redis client's reply parser: keep it in.
      try {
        this.#onFrame(message);
      } catch (error) {
        this.metrics.busErrors++;
        log.error("bus frame failed", { error: String(error) });
      }
    });
    const heartbeatMs = Math.max(200, Math.floor(this.#leaseMs / 3));
    this.#timers.push(setInterval(() => this.#heartbeat(), heartbeatMs));
    this.#timers.push(setInterval(() => this.#probe(), this.#options.probeIntervalMs ?? 2000));
    log.info("cluster", {
      redis: redactRedisUrl(this.#options.url),
      cluster: this.cluster,
      node: this.nodeId,
      lease: this.#options.leaseSeconds,
    });
    // Errors are reported by the "error" events; connect() rejects when Redis is down at start.
    await Promise.allSettled([this.#commands.connect(), this.#subscriber.connect()]);
    // Queued until the connection is up; rejects only on close. Both channels on one connection:
    // what Redis publishes on them reaches this node in the order Redis ran the publishes.
    const subscribed = Promise.all(
      [this.#channel, this.#ownChannel].map((channel) =>
        this.#subscriber.subscribe(channel).catch(() => undefined)
      ),
    );
    if (this.#subscriber.status === "ready") await subscribed;
    if (this.#commands.status === "ready") {
      if (!this.#registered) this.#rejoin();
      await this.#rejoining;
    }
    if (!this.up) {
      log.error("redis unreachable", {
        redis: redactRedisUrl(this.#options.url),
        effect: "refusing new connections with 503 until it is back",
      });
    }
  }

  /**
   * The resume window kept in Redis (relay/cluster_resume.ts), so a client
   * gets what it missed on whichever node it comes back to.
   */
  resumeKeeper(options: ResumeKeeperOptions): ClusterResume {
    this.#resume = new ClusterResume({
      ...options,
      commands: this.#commands,
      nodeId: this.nodeId,
      prefix: this.#prefix,
      channel: this.#channel,
      idsKey: this.#idsKey,
      tokenOf: (client) => this.#tokenOf.get(client),
      onError: () => this.metrics.busErrors++,
      flushBus: () => this.#batcher.flush(),
    });
    return this.#resume;
  }

  /**
   * Presence and retained messages kept in Redis (relay/cluster_presence.ts),
   * so `GET /devices` on any node lists the whole fleet and a node's restart
   * forgets nothing; its events reach the operators of every node.
   */
  presenceStore(options: PresenceOptions): ClusterPresence {
    this.#presence = new ClusterPresence({
      ...options,
      commands: this.#commands,
      prefix: this.#prefix,
      idsKey: this.#idsKey,
      tokenOf: (client) => this.#tokenOf.get(client),
      publishEvent: (text) => this.#publishEvent(text),
      onError: () => this.metrics.busErrors++,
    });
    return this.#presence;
  }

  /** {@linkcode Registry.bus}: this node carries the hub's messages to the others. */
  get bus(): HubCluster {
    return this;
  }

  /** {@linkcode Registry.metricsText}: the bus counters. */
  metricsText(): string {
    return this.metrics.render({ up: this.up, nodes: this.#liveNodes });
  }

  /** Gives the node the hub whose clients it delivers to and closes when replaced. */
  attach(hub: Hub): void {
    this.#hub = hub;
  }

  /**
   * Takes `id` for a new connection from `remote`: 409 when a live node holds
   * it (unless `replace`, which closes that holder with 4001), 503 when Redis
   * is unreachable.
   */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    if (!this.up) return { ok: false, status: 503, reason: "Redis is unreachable" };
    // What this node's clients sent before goes first: the new client may get none of it.
    this.#batcher.flush();
    const token = `${this.nodeId}#${++this.#serial}`;
    const info = JSON.stringify({
      remote: request.remote,
      connectedSince: new Date().toISOString(),
      role: request.role,
    });
    try {
      const claimed = this.#scripts.relayClaim(
        this.#idsKey,
        this.#prefix,
        request.id,
        token,
        this.nodeId,
        info,
        request.replace ? "1" : "0",
        this.#channel,
        request.role,
      );
      // In the same write, right behind the claim: the id misses nothing from here to its take.
      this.#resume?.reserve(request.id, token, request.role);
      const [code, holder] = await claimed as [number, string];
      if (code === 1) return { ok: true, token };
      if (code === 0) return { ok: false, status: 409, node: holder };
      this.#registered = false;
      this.#rejoin();
      return { ok: false, status: 503, reason: "this node's lease lapsed; registering again" };
    } catch (error) {
      this.metrics.busErrors++;
      return { ok: false, status: 503, reason: `Redis: ${(error as Error).message}` };
    }
  }

  /** Links a claim to the client that got the connection. */
  bind(client: Client, token: string): void {
    this.#tokenOf.set(client, token);
    this.#byToken.set(token, client);
  }

  /** Gives back a claim whose connection never opened (the upgrade failed). */
  unclaim(id: string, token: string): void {
    this.#release(id, token);
  }

  /** {@linkcode HubCluster.released}: frees the client's id in Redis. */
  released(client: Client): void {
    const token = this.#tokenOf.get(client);
    if (token === undefined) return;
    this.#tokenOf.delete(client);
    this.#byToken.delete(token);
    this.#release(client.id, token);
  }

  /**
   * {@linkcode HubCluster.publish}: hands a local client's message to the
   * other nodes that may have to deliver it (relay/cluster_route.ts).
   */
  publish(sender: Party, data: string | ArrayBuffer, parse: () => ParsedMessage): void {
    if (this.#commands.status !== "ready") {
      this.metrics.unpublished++;
      return;
    }
    this.metrics.published++;
    const route: Route = routeOf(sender, parse().address);
    if (route.kind === "nodes") this.metrics.routed++;
    const frame = encodeMessage(this.nodeId, sender.id, data, sender.role);
    this.#batcher.add({ frame, sender: sender.id, route, keep: true });
  }

  /**
   * One frame alone. Every frame goes through a script (never a plain PUBLISH beside them):
   * should Redis have lost its script cache, the retries keep their order.
   */
  #publishOne({ frame, sender, route, keep }: BusEntry): Promise<unknown> {
    if (keep && this.#resume) return this.#resume.publish(frame, sender, route);
    return this.#scripts.relayRoute(
      this.#idsKey,
      this.#prefix,
      this.nodeId,
      frame,
      ...routeArgs(route),
    );
  }

  /** Every client of the cluster with its node; this node's with their live counters. */
  async clients(local: ClientSummary[]): Promise<ClusterClientSummary[]> {
    if (!this.up) throw new Error("Redis is unreachable: only this node's clients are known");
    const nodes = await this.#scripts.relaySweep(this.#idsKey, this.#prefix) as string[];
    this.#liveNodes = nodes.length;
    const others = nodes.filter((node) => node !== this.nodeId);
    const lists = await Promise.all(
      others.map((node) => this.#commands.hgetall(`${this.#prefix}clients:${node}`)),
    );
    const result: ClusterClientSummary[] = local.map((client) => ({
      ...client,
      node: this.nodeId,
    }));
    others.forEach((node, i) => {
      for (const [id, json] of Object.entries(lists[i])) {
        const info = JSON.parse(json) as { remote: string; connectedSince: string; role?: Role };
        result.push({
          id,
          node,
          remote: info.remote,
          connectedSince: info.connectedSince,
          role: info.role ?? "operator",
        });
      }
    });
    return result;
  }

  /** Frees this node's ids in Redis (when reachable) and closes both connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#resume?.clear();
    // The presence records written at shutdown (every device offline, the pending lastSeen) go
    // before the leave.
    this.#presence?.clear();
    // So does what the clients sent before the shutdown, and the offline events.
    if (this.#commands.status === "ready") this.#batcher.flush();
    else this.metrics.unpublished += this.#batcher.clear();
    if (this.#commands.status === "ready") {
      try {
        await this.#scripts.relayLeave(this.#idsKey, this.#prefix, this.nodeId);
      } catch (error) {
        this.#options.logger.warn("redis leave failed", { error: (error as Error).message });
      }
    }
    await Promise.all([this.#commands, this.#subscriber].map(async (connection) => {
      // A connection waiting to reconnect has no socket left: disconnect() just cancels the retry.
      const open = connection.status !== "reconnecting" && connection.status !== "end";
      const ended = open ? new Promise((resolve) => connection.once("end", resolve)) : undefined;
      if (connection.status === "ready") {
        await connection.quit().catch(() => connection.disconnect());
      } else {
        connection.disconnect();
      }
      await ended; // quit() resolves on the server's OK; the socket closes just after
    }));
    await new Promise((resolve) => setTimeout(resolve, 0)); // disconnectTimeout's timers
  }

  get #scripts(): Scripts {
    return this.#commands as unknown as Scripts;
  }

  #release(id: string, token: string): void {
    if (this.#commands.status !== "ready") return; // REJOIN rewrites this node's ids anyway
    this.#batcher.flush();
    this.#scripts.relayRelease(this.#idsKey, this.#prefix, id, token, this.nodeId).catch(() =>
      this.metrics.busErrors++
    );
  }

  #stateChanged(): void {
    const up = this.up;
    if (up === this.#wasUp || this.#closed) return;
    this.#wasUp = up;
    if (up) this.#lastError = "";
    const log = this.#options.logger;
    if (up) log.info("redis up", { node: this.nodeId, clients: this.#tokenOf.size });
    else log.warn("redis down", { node: this.nodeId, effect: "new connections get 503" });
  }

  #rejoin(): void {
    if (this.#rejoining || this.#closed) return;
    this.#rejoining = (async () => {
      try {
        const args: string[] = [];
        for (const [client, token] of this.#tokenOf) {
          args.push(
            client.id,
            token,
            JSON.stringify({
              remote: client.remote,
              connectedSince: new Date(client.connectedAt).toISOString(),
              role: client.role,
            }),
            client.role,
          );
        }
        const nodeInfo = JSON.stringify({ startedAt: new Date().toISOString() });
        const conflicts = await this.#scripts.relayRejoin(
          this.#idsKey,
          this.#prefix,
          this.nodeId,
          this.#leaseMs,
          nodeInfo,
          ...args,
        ) as string[];
        this.metrics.rejoins++;
        this.#registered = true;
        for (const token of conflicts) {
          this.#closeReplaced(token, "id taken on another node while Redis was unreachable");
        }
        // A Redis that restarted empty lost the records of the devices still connected here.
        this.#presence?.restore(this.#tokenOf.keys());
        await this.#sweep();
      } catch (error) {
        this.metrics.busErrors++;
        this.#options.logger.warn("redis register failed", { error: (error as Error).message });
      } finally {
        this.#rejoining = undefined;
        this.#stateChanged();
      }
    })();
  }

  async #sweep(): Promise<void> {
    const nodes = await this.#scripts.relaySweep(this.#idsKey, this.#prefix) as string[];
    this.#liveNodes = nodes.length;
  }

  async #heartbeat(): Promise<void> {
    if (this.#commands.status !== "ready" || this.#rejoining) return;
    try {
      const kept = await this.#commands.pexpire(
        `${this.#prefix}node:${this.nodeId}`,
        this.#leaseMs,
      );
      if (kept === 0) {
        // Redis lost our lease (restarted empty, or we stalled past it): say who we hold again.
        this.#registered = false;
        this.#rejoin();
        return;
      }
      await this.#sweep();
    } catch {
      this.metrics.busErrors++;
    }
  }

  /** A presence event for the operators of the other nodes (those holding an operator). */
  #publishEvent(text: string): void {
    if (this.#commands.status !== "ready") return;
    // Through the batch, so that it keeps its place among the node's client messages.
    this.#batcher.add({
      frame: encodeEvent(this.nodeId, text),
      sender: "",
      route: { kind: "nodes", ids: [] },
      keep: false,
    });
  }

  #probe(): void {
    if (this.#commands.status !== "ready") return;
    this.#commands.publish(this.#channel, encodeProbe(this.nodeId, performance.now())).catch(() =>
      this.metrics.busErrors++
    );
  }

  #onFrame(bytes: Uint8Array): void {
    // Own messages and batches come back from Redis: skip them before decoding the payload.
    if ((isMessageFrame(bytes) || isBatchFrame(bytes)) && isFromNode(bytes, this.#nodeBytes)) {
      return;
    }
    if (isBatchFrame(bytes)) {
      const frames = batchFrames(bytes);
      if (!frames) this.metrics.busErrors++;
      else for (const frame of frames) this.#onFrame(frame);
      return;
    }
    const frame = decodeFrame(bytes);
    if (!frame) {
      this.metrics.busErrors++;
      return;
    }
    switch (frame.kind) {
      case "text":
      case "binary":
        this.metrics.received++;
        this.#hub?.deliver({ id: frame.sender, role: frame.role }, frame.data, frame.bytes);
        return;
      case "event":
        if (frame.node !== this.nodeId) this.#hub?.notify(frame.text);
        return;
      case "probe":
        if (frame.node === this.nodeId) {
          this.metrics.roundTrip((performance.now() - frame.sentAt) / 1000);
        }
        return;
      case "replace":
        this.#closeReplaced(frame.token, "replaced by a newer connection on another node");
        return;
      case "resumed":
        if (frame.node === this.nodeId) this.#resume?.marked(frame.ticket);
        return;
    }
  }

  #closeReplaced(token: string, reason: string): void {
    const client = this.#byToken.get(token);
    if (!client || !this.#hub) return;
    // The id already belongs to the other connection: do not release it in Redis.
    this.#tokenOf.delete(client);
    this.#byToken.delete(token);
    this.#hub.drop(client, { code: CLOSE_REPLACED, reason, why: "replaced" });
  }
}
