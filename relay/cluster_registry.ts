/**
 * The id registry of a cluster on Redis: the claims that keep client ids
 * unique across the nodes, the node's lease and its heartbeat. It is apart
 * from the bus that carries the messages (relay/cluster_bus.ts);
 * relay/cluster.ts wires the two to one Redis connection and describes the
 * key layout.
 *
 * @module
 */

import type { ClusterMetrics } from "./cluster_metrics.ts";
import { LUA_FRAMES } from "./cluster_frame.ts";
import type { Client, ClientSummary, HubRegistry } from "./hub.ts";
import type { Logger } from "./logger.ts";
import { type RedisConnection, type ScriptCall, scriptsOf } from "./redis_connection.ts";
import type { ClaimRequest, ClaimResult, ClusterClientSummary } from "./registry.ts";
import type { Role } from "./routing.ts";

// Forgets what Redis holds for one node: its ids (those still carrying its token), its
// operators and its list.
const FORGET = `
local function dropOperator(prefix, id, node)
  if redis.call('HGET', prefix .. 'operators', id) == node then
    redis.call('HDEL', prefix .. 'operators', id)
  end
end
local function forget(prefix, ids, node)
  local list = prefix .. 'clients:' .. node
  for _, id in ipairs(redis.call('HKEYS', list)) do
    local token = redis.call('HGET', ids, id)
    if token and string.sub(token, 1, #node + 1) == node .. '#' then redis.call('HDEL', ids, id) end
    dropOperator(prefix, id, node)
  end
  redis.call('DEL', list)
end
-- Where the id's messages for operators only must go: the operators hash.
local function setRole(prefix, id, node, role)
  if role == 'operator' then
    redis.call('HSET', prefix .. 'operators', id, node)
  else
    redis.call('HDEL', prefix .. 'operators', id)
  end
end
local function nodeOf(token) return string.match(token, '^(.*)#[^#]*$') end
local function live(prefix, node) return redis.call('EXISTS', prefix .. 'node:' .. node) == 1 end
`;

// KEYS[1] ids; ARGV prefix, id, token, node, info, replace ('1'), channel, role.
// Returns {1, ''} when taken, {0, holderNode} when held elsewhere, {-1, ''} when this node's own
// lease lapsed (it must register again first).
const CLAIM = FORGET + LUA_FRAMES + `
local ids, prefix, id, token, node, info = KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if not live(prefix, node) then return {-1, ''} end
local holder = redis.call('HGET', ids, id)
if holder then
  local holderNode = nodeOf(holder)
  if holderNode ~= node and live(prefix, holderNode) then
    if ARGV[6] ~= '1' then return {0, holderNode} end
    redis.call('PUBLISH', ARGV[7], replaceFrame(node, holder))
  end
  redis.call('HDEL', prefix .. 'clients:' .. holderNode, id)
end
redis.call('HSET', ids, id, token)
redis.call('HSET', prefix .. 'clients:' .. node, id, info)
setRole(prefix, id, node, ARGV[8])
return {1, ''}
`;

// KEYS[1] ids; ARGV prefix, id, token, node.
const RELEASE = FORGET + `
if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[3] then
  redis.call('HDEL', KEYS[1], ARGV[2])
  redis.call('HDEL', ARGV[1] .. 'clients:' .. ARGV[4], ARGV[2])
  dropOperator(ARGV[1], ARGV[2], ARGV[4])
end
return 0
`;

// KEYS[1] ids; ARGV prefix, node, leaseMs, nodeInfo, then (id, token, info, role) per local
// client.
// Replaces whatever Redis remembers of this node with the local truth; returns the tokens of
// local clients whose id another live node took meanwhile.
const REJOIN = FORGET + `
local ids, prefix, node = KEYS[1], ARGV[1], ARGV[2]
forget(prefix, ids, node)
redis.call('SET', prefix .. 'node:' .. node, ARGV[4], 'PX', ARGV[3])
redis.call('SADD', prefix .. 'nodes', node)
local conflicts = {}
for i = 5, #ARGV, 4 do
  local id, token, info = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local holder = redis.call('HGET', ids, id)
  local holderNode = holder and nodeOf(holder)
  if holder and holderNode ~= node and live(prefix, holderNode) then
    conflicts[#conflicts + 1] = token
  else
    if holder then redis.call('HDEL', prefix .. 'clients:' .. holderNode, id) end
    redis.call('HSET', ids, id, token)
    redis.call('HSET', prefix .. 'clients:' .. node, id, info)
    setRole(prefix, id, node, ARGV[i + 3])
  end
end
return conflicts
`;

// KEYS[1] ids; ARGV prefix, node: a clean shutdown frees the node's ids at once.
const LEAVE = FORGET + `
forget(ARGV[1], KEYS[1], ARGV[2])
redis.call('DEL', ARGV[1] .. 'node:' .. ARGV[2])
redis.call('SREM', ARGV[1] .. 'nodes', ARGV[2])
return 0
`;

// KEYS[1] ids; ARGV prefix: forgets nodes whose lease lapsed; returns the live nodes.
const SWEEP = FORGET + `
local alive = {}
for _, node in ipairs(redis.call('SMEMBERS', ARGV[1] .. 'nodes')) do
  if live(ARGV[1], node) then
    alive[#alive + 1] = node
  else
    forget(ARGV[1], KEYS[1], node)
    redis.call('SREM', ARGV[1] .. 'nodes', node)
  end
end
return alive
`;

/** The id registry's scripts, by the command name a node defines for each. */
export const ID_SCRIPTS = {
  relayClaim: CLAIM,
  relayRelease: RELEASE,
  relayRejoin: REJOIN,
  relayLeave: LEAVE,
  relaySweep: SWEEP,
} as const;

/** Settings of a {@linkcode ClusterRegistry}. */
export interface ClusterRegistryOptions {
  /** The node's command connection (not necessarily connected yet). */
  commands: RedisConnection;
  /** This node's name. */
  nodeId: string;
  /** Prefix of every key (`<cluster>:`). */
  prefix: string;
  /** Milliseconds after which a silent node's ids are free. */
  leaseMs: number;
  /** Where registration failures go. */
  logger: Logger;
  /** Counts rejoins and failed commands. */
  metrics: ClusterMetrics;
  /** Sends what this node's clients published so far: it goes before a claim or a release. */
  flushBus(): void;
  /** A claim was sent: the resume window reserves the id's place right behind it. */
  claimed?(id: string, token: string, role: Role): void;
  /** This node registered its ids again (Redis came back, or restarted empty). */
  rejoined?(clients: Iterable<Client>): void;
  /** A local client whose id another node took: close it (its claim is forgotten already). */
  lost(client: Client, reason: string): void;
  /** Registration went up or down. */
  changed?(): void;
}

/** One node's claims on the ids of a cluster, kept in Redis. */
export class ClusterRegistry implements HubRegistry {
  #options: ClusterRegistryOptions;
  #commands: RedisConnection;
  #scripts: Record<keyof typeof ID_SCRIPTS, ScriptCall>;
  #idsKey: string;
  #serial = 0;
  #tokenOf = new Map<Client, string>();
  #byToken = new Map<string, Client>();
  #registered = false;
  #rejoining: Promise<void> | undefined;
  #liveNodes = 0;
  #closed = false;

  /** Defines the registry's scripts on the command connection. */
  constructor(options: ClusterRegistryOptions) {
    this.#options = options;
    this.#commands = options.commands;
    this.#idsKey = `${options.prefix}ids`;
    for (const [name, lua] of Object.entries(ID_SCRIPTS)) {
      this.#commands.defineCommand(name, { numberOfKeys: 1, lua });
    }
    this.#scripts = scriptsOf<keyof typeof ID_SCRIPTS>(this.#commands);
  }

  /** True once this node's ids are registered, until the connection or the lease is lost. */
  get registered(): boolean {
    return this.#registered;
  }

  /** Live nodes at the last heartbeat. */
  get liveNodes(): number {
    return this.#liveNodes;
  }

  /** Local clients holding a claim. */
  get size(): number {
    return this.#tokenOf.size;
  }

  /** The claim token of a local client, if it holds one. */
  tokenOf(client: Client): string | undefined {
    return this.#tokenOf.get(client);
  }

  /** Resolves once a registration under way is over. */
  async settled(): Promise<void> {
    await this.#rejoining;
  }

  /** The command connection was lost: the ids must be registered again when it is back. */
  lapsed(): void {
    this.#registered = false;
  }

  /**
   * Takes `id` for a new connection from `remote`: 409 when a live node holds
   * it (unless `replace`, which closes that holder with 4001), 503 when Redis
   * fails or this node's lease lapsed.
   */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { prefix, nodeId } = this.#options;
    // What this node's clients sent before goes first: the new client may get none of it.
    this.#options.flushBus();
    const token = `${nodeId}#${++this.#serial}`;
    const info = JSON.stringify({
      remote: request.remote,
      connectedSince: new Date().toISOString(),
      role: request.role,
    });
    try {
      const claimed = this.#scripts.relayClaim(
        this.#idsKey,
        prefix,
        request.id,
        token,
        nodeId,
        info,
        request.replace ? "1" : "0",
        `${prefix}bus`,
        request.role,
      );
      // In the same write, right behind the claim: the id misses nothing from here to its take.
      this.#options.claimed?.(request.id, token, request.role);
      const [code, holder] = await claimed as [number, string];
      if (code === 1) return { ok: true, token };
      if (code === 0) return { ok: false, status: 409, node: holder };
      this.#registered = false;
      this.rejoin();
      return { ok: false, status: 503, reason: "this node's lease lapsed; registering again" };
    } catch (error) {
      this.#options.metrics.busErrors++;
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

  /** {@linkcode HubRegistry.released}: frees the client's id in Redis. */
  released(client: Client): void {
    const token = this.#tokenOf.get(client);
    if (token === undefined) return;
    this.#tokenOf.delete(client);
    this.#byToken.delete(token);
    this.#release(client.id, token);
  }

  /**
   * Forgets the claim `token` without freeing the id in Redis (another
   * connection holds it already) and returns its local client, if any.
   */
  forget(token: string): Client | undefined {
    const client = this.#byToken.get(token);
    if (!client) return undefined;
    this.#tokenOf.delete(client);
    this.#byToken.delete(token);
    return client;
  }

  /** Every client of the cluster with its node; this node's (`local`) with their live counters. */
  async clients(local: ClientSummary[]): Promise<ClusterClientSummary[]> {
    const { prefix, nodeId } = this.#options;
    const nodes = await this.#scripts.relaySweep(this.#idsKey, prefix) as string[];
    this.#liveNodes = nodes.length;
    const others = nodes.filter((node) => node !== nodeId);
    const lists = await Promise.all(
      others.map((node) => this.#commands.hgetall(`${prefix}clients:${node}`)),
    );
    const result: ClusterClientSummary[] = local.map((client) => ({ ...client, node: nodeId }));
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

  /**
   * Registers this node and every local id again, replacing whatever Redis
   * remembers of it; an id another live node took meanwhile loses its local
   * holder. Does nothing while a registration is under way.
   */
  rejoin(): void {
    if (this.#rejoining || this.#closed) return;
    const { prefix, nodeId, logger, metrics } = this.#options;
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
          prefix,
          nodeId,
          this.#options.leaseMs,
          nodeInfo,
          ...args,
        ) as string[];
        metrics.rejoins++;
        this.#registered = true;
        for (const token of conflicts) {
          const client = this.forget(token);
          if (client) {
            this.#options.lost(client, "id taken on another node while Redis was unreachable");
          }
        }
        // A Redis that restarted empty lost the records of the devices still connected here.
        this.#options.rejoined?.(this.#tokenOf.keys());
        await this.#sweep();
      } catch (error) {
        metrics.busErrors++;
        logger.warn("redis register failed", { error: (error as Error).message });
      } finally {
        this.#rejoining = undefined;
        this.#options.changed?.();
      }
    })();
  }

  /** Refreshes the node's lease (registering again if Redis lost it) and counts the live nodes. */
  async heartbeat(): Promise<void> {
    if (this.#commands.status !== "ready" || this.#rejoining) return;
    try {
      const kept = await this.#commands.pexpire(
        `${this.#options.prefix}node:${this.#options.nodeId}`,
        this.#options.leaseMs,
      );
      if (kept === 0) {
        // Redis lost our lease (restarted empty, or we stalled past it): say who we hold again.
        this.#registered = false;
        this.rejoin();
        return;
      }
      await this.#sweep();
    } catch {
      this.#options.metrics.busErrors++;
    }
  }

  /** Frees this node's ids in Redis at once (a clean shutdown), when it is reachable. */
  async leave(): Promise<void> {
    this.#closed = true;
    if (this.#commands.status !== "ready") return;
    try {
      await this.#scripts.relayLeave(this.#idsKey, this.#options.prefix, this.#options.nodeId);
    } catch (error) {
      this.#options.logger.warn("redis leave failed", { error: (error as Error).message });
    }
  }

  #release(id: string, token: string): void {
    if (this.#commands.status !== "ready") return; // rejoin() rewrites this node's ids anyway
    this.#options.flushBus();
    this.#scripts.relayRelease(this.#idsKey, this.#options.prefix, id, token, this.#options.nodeId)
      .catch(() => this.#options.metrics.busErrors++);
  }

  async #sweep(): Promise<void> {
    const nodes = await this.#scripts.relaySweep(this.#idsKey, this.#options.prefix) as string[];
    this.#liveNodes = nodes.length;
  }
}
