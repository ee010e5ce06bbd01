/**
 * A relay as one node of a cluster on Redis (`--redis URL`): wires the bus
 * that carries every client message to the other nodes
 * (relay/cluster_bus.ts), the registry that keeps client ids unique across
 * the cluster (relay/cluster_registry.ts), the resume window and the
 * presence records to one Redis connection for commands and one subscriber.
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
 * The node's Redis connections (relay/cluster_redis.ts opens them, on Deno's
 * own TCP) are imported only when a node starts, under a computed specifier.
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

import { ClusterBus } from "./cluster_bus.ts";
import { ClusterMetrics } from "./cluster_metrics.ts";
import { ClusterPresence } from "./cluster_presence.ts";
import { ClusterRegistry } from "./cluster_registry.ts";
import { ClusterResume } from "./cluster_resume.ts";
import type { Client, ClientSummary } from "./hub.ts";
import type { Logger } from "./logger.ts";
import type { PresenceOptions } from "./presence.ts";
import { type ConnectRedis, redactRedisUrl, type RedisConnection } from "./redis_connection.ts";
import type {
  ClaimRequest,
  ClaimResult,
  ClusterClientSummary,
  Registry,
  RegistryHealth,
  ResumeKeeperOptions,
} from "./registry.ts";

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

// Computed, so that a relay without --redis loads none of the node's Redis connections.
const REDIS_MODULE = new URL("./cluster_redis.ts", import.meta.url).href;

/** Connects to Redis (or keeps trying, when it is down) and returns the node. */
export async function startClusterNode(options: ClusterNodeOptions): Promise<ClusterNode> {
  const { connectRedis } = await import(REDIS_MODULE) as { connectRedis: ConnectRedis };
  const { commands, subscriber } = connectRedis({ url: options.url, cluster: options.cluster });
  const node = new ClusterNode({ ...options, commands, subscriber });
  await node.start();
  return node;
}

/** What a {@linkcode ClusterNode} is made of: its settings and its two Redis connections. */
export interface ClusterNodeParts extends ClusterNodeOptions {
  /** The connection for commands and scripts (not connected yet). */
  commands: RedisConnection;
  /** The bus subscriber (not connected yet). */
  subscriber: RedisConnection;
}

/**
 * One relay's membership of a cluster: the {@linkcode Registry} the relay
 * talks to, made of the id registry and the bus ({@linkcode ClusterNode.bus}).
 */
export class ClusterNode implements Registry {
  /** This node's name, as listed by `GET /clients`. */
  readonly nodeId: string;
  /** Cluster name (key prefix). */
  readonly cluster: string;
  /** Bus counters for `/metrics`. */
  readonly metrics: ClusterMetrics = new ClusterMetrics();
  /** {@linkcode Registry.bus}: carries the hub's messages to the other nodes and theirs to it. */
  readonly bus: ClusterBus;
  #options: ClusterNodeParts;
  #commands: RedisConnection;
  #subscriber: RedisConnection;
  #prefix: string;
  #ids: ClusterRegistry;
  #timers: ReturnType<typeof setInterval>[] = [];
  #closed = false;
  #wasUp = false;
  #lastError = "";
  #resume: ClusterResume | undefined;
  #presence: ClusterPresence | undefined;

  /** Wraps two Redis connections (commands, subscriber) that are not connected yet. */
  constructor(parts: ClusterNodeParts) {
    this.#options = parts;
    this.nodeId = parts.nodeId ?? defaultNodeId();
    // The id is written into frames as ASCII with a length byte, and ends at "#" in claim tokens.
    if (!/^[A-Za-z0-9_.-]{1,200}$/.test(this.nodeId)) {
      throw new Error(`node id "${this.nodeId}" must be 1-200 characters of A-Z a-z 0-9 _ . -`);
    }
    this.cluster = parts.cluster;
    this.#commands = parts.commands;
    this.#subscriber = parts.subscriber;
    this.#prefix = `${parts.cluster}:`;
    const common = {
      commands: this.#commands,
      nodeId: this.nodeId,
      prefix: this.#prefix,
      logger: parts.logger,
      metrics: this.metrics,
    };
    this.#ids = new ClusterRegistry({
      ...common,
      leaseMs: Math.round(parts.leaseSeconds * 1000),
      flushBus: () => this.bus.flush(),
      claimed: (id, token, role) => this.#resume?.reserve(id, token, role),
      rejoined: (clients) => this.#presence?.restore(clients),
      lost: (client, reason) => this.bus.replaced(client, reason),
      changed: () => this.#stateChanged(),
    });
    this.bus = new ClusterBus({
      ...common,
      subscriber: this.#subscriber,
      resume: () => this.#resume,
      forget: (token) => this.#ids.forget(token),
    });
  }

  /** True while Redis is reachable and this node's ids are registered: new clients are admitted. */
  get up(): boolean {
    return this.#ids.registered && this.#commands.status === "ready" &&
      this.#subscriber.status === "ready";
  }

  /** {@linkcode Registry.health}: degraded while Redis is unreachable, with the node's fields. */
  health(): RegistryHealth {
    const up = this.up;
    return {
      degraded: !up,
      fields: {
        redis: up ? "up" : "down",
        node: this.nodeId,
        cluster: this.cluster,
        nodes: this.#ids.liveNodes,
      },
    };
  }

  /** Live nodes at the last heartbeat, for `/metrics`. */
  get liveNodes(): number {
    return this.#ids.liveNodes;
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
    this.#commands.on("close", () => this.#ids.lapsed());
    this.#commands.on("ready", () => this.#ids.rejoin());
    this.bus.listen();
    const heartbeatMs = Math.max(200, Math.floor(this.#options.leaseSeconds * 1000 / 3));
    this.#timers.push(setInterval(() => this.#ids.heartbeat(), heartbeatMs));
    this.#timers.push(setInterval(() => this.bus.probe(), this.#options.probeIntervalMs ?? 2000));
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
      this.bus.channels.map((channel) =>
        this.#subscriber.subscribe(channel).catch(() => undefined)
      ),
    );
    if (this.#subscriber.status === "ready") await subscribed;
    if (this.#commands.status === "ready") {
      if (!this.#ids.registered) this.#ids.rejoin();
      await this.#ids.settled();
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
      channel: `${this.#prefix}bus`,
      idsKey: `${this.#prefix}ids`,
      tokenOf: (client) => this.#ids.tokenOf(client),
      onError: () => this.metrics.busErrors++,
      flushBus: () => this.bus.flush(),
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
      idsKey: `${this.#prefix}ids`,
      tokenOf: (client) => this.#ids.tokenOf(client),
      publishEvent: (text) => this.bus.publishEvent(text),
      onError: () => this.metrics.busErrors++,
    });
    return this.#presence;
  }

  /** {@linkcode Registry.metricsText}: the bus counters. */
  metricsText(): string {
    return this.metrics.render({ up: this.up, nodes: this.#ids.liveNodes });
  }

  /**
   * Takes `id` for a new connection from `remote`: 409 when a live node holds
   * it (unless `replace`, which closes that holder with 4001), 503 when Redis
   * is unreachable.
   */
  claim(request: ClaimRequest): Promise<ClaimResult> {
    if (!this.up) {
      return Promise.resolve({ ok: false, status: 503, reason: "Redis is unreachable" });
    }
    return this.#ids.claim(request);
  }

  /** Links a claim to the client that got the connection. */
  bind(client: Client, token: string): void {
    this.#ids.bind(client, token);
  }

  /** Gives back a claim whose connection never opened (the upgrade failed). */
  unclaim(id: string, token: string): void {
    this.#ids.unclaim(id, token);
  }

  /** {@linkcode Registry.released}: frees the client's id in Redis. */
  released(client: Client): void {
    this.#ids.released(client);
  }

  /** Every client of the cluster with its node; this node's with their live counters. */
  clients(local: ClientSummary[]): Promise<ClusterClientSummary[]> {
    if (!this.up) {
      return Promise.reject(
        new Error("Redis is unreachable: only this node's clients are known"),
      );
    }
    return this.#ids.clients(local);
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
    this.bus.drain();
    await this.#ids.leave();
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

  #stateChanged(): void {
    const up = this.up;
    if (up === this.#wasUp || this.#closed) return;
    this.#wasUp = up;
    if (up) this.#lastError = "";
    const log = this.#options.logger;
    if (up) log.info("redis up", { node: this.nodeId, clients: this.#ids.size });
    else log.warn("redis down", { node: this.nodeId, effect: "new connections get 503" });
  }
}
