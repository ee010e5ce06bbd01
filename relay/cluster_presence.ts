/**
 * Presence and retained messages of a cluster, kept in Redis: `GET /devices`
 * on any node lists every device of the fleet, whichever node it is (or was)
 * connected to, and a node's restart forgets nothing. Events go to this
 * node's operators at once and to the other nodes' through the bus.
 *
 * Redis layout, every key prefixed with `<cluster>:`:
 * - `device:<id>`: hash of one device's record: `token` (the claim token of
 *   its connection while online, empty once offline), `connectedSince`,
 *   `lastSeen`, `remote`, the last disconnect (`dcCode`, `dcReason`, `dcAt`)
 *   and the retained message (`retained`, `retainedAt`); times in
 *   milliseconds since the epoch, by the clock of the node that wrote them.
 *   An offline device's record expires `--retain-ttl` after it was last seen.
 * - `devices`: set of the ids that have a record.
 *
 * Each write names the connection's claim token and changes nothing once
 * another connection holds the record, so a replaced connection's late close
 * or message cannot undo a newer one's state. A device whose node stopped
 * without a word (a crash) is online as long as its id is held, that is until
 * the node's lease lapses; it is then listed offline, last seen when it last
 * sent, with no `offline` event (no node saw it go).
 *
 * @module
 */

import type { Client, CloseInfo, RelayMessage } from "./hub.ts";
import type {
  DeviceRecord,
  PresenceCounts,
  PresenceEvent,
  PresenceOptions,
  PresenceStore,
} from "./presence.ts";
import { offlineEvent } from "./presence.ts";

// KEYS[1] devices; ARGV prefix, id, token, now, remote, connectedSince.
const ONLINE = `
local prefix, id, token = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HGET', prefix .. 'ids', id) ~= token then return 0 end
local key = prefix .. 'device:' .. id
redis.call('HSET', key, 'token', token, 'connectedSince', ARGV[6], 'lastSeen', ARGV[4],
  'remote', ARGV[5])
redis.call('PERSIST', key)
redis.call('SADD', KEYS[1], id)
return 1
`;

// KEYS[1] devices; ARGV prefix, id, token, now[, retained message].
const SEEN = `
local key = ARGV[1] .. 'device:' .. ARGV[2]
if redis.call('HGET', key, 'token') ~= ARGV[3] then return 0 end
redis.call('HSET', key, 'lastSeen', ARGV[4])
if #ARGV >= 5 then redis.call('HSET', key, 'retained', ARGV[5], 'retainedAt', ARGV[4]) end
return 1
`;

// KEYS[1] devices; ARGV prefix, then (id, token, now) per device seen since the last flush.
const SEEN_MANY = `
local prefix, written = ARGV[1], 0
for i = 2, #ARGV, 3 do
  local key = prefix .. 'device:' .. ARGV[i]
  if redis.call('HGET', key, 'token') == ARGV[i + 1] then
    redis.call('HSET', key, 'lastSeen', ARGV[i + 2])
    written = written + 1
  end
end
return written
`;

// KEYS[1] devices; ARGV prefix, id, token, now, code, reason, ttlMs.
const OFFLINE = `
local key = ARGV[1] .. 'device:' .. ARGV[2]
if redis.call('HGET', key, 'token') ~= ARGV[3] then return 0 end
redis.call('HSET', key, 'token', '', 'lastSeen', ARGV[4], 'dcCode', ARGV[5], 'dcReason', ARGV[6],
  'dcAt', ARGV[4])
redis.call('PEXPIRE', key, ARGV[7])
return 1
`;

// KEYS[1] devices; ARGV prefix, now, ttlMs, fields ('1') or counts only ('0').
// Returns {id, online (0/1), fields (HGETALL)} per device remembered, after forgetting what the
// TTL says to and marking offline the devices whose connection's claim is gone; or, for counts
// only, {online, known}.
const LIST = `
local prefix, now, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local out, online_count = {}, 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = prefix .. 'device:' .. id
  local token = redis.call('HGET', key, 'token')
  if not token then
    redis.call('SREM', KEYS[1], id)
  else
    local online = token ~= '' and redis.call('HGET', prefix .. 'ids', id) == token
    local keep = true
    if token ~= '' and not online then
      -- Its node went away without a word: offline, last seen when it last sent.
      redis.call('HSET', key, 'token', '')
      local left = ttl - (now - tonumber(redis.call('HGET', key, 'lastSeen')))
      if left > 0 then
        redis.call('PEXPIRE', key, left)
      else
        redis.call('DEL', key)
        redis.call('SREM', KEYS[1], id)
        keep = false
      end
    end
    -- Redis expires a record on its own clock; the asking node's clock decides at the edge.
    if keep and not online and now - tonumber(redis.call('HGET', key, 'lastSeen')) >= ttl then
      keep = false
    end
    if keep and ARGV[4] == '1' then
      local at = redis.call('HGET', key, 'retainedAt')
      if at and now - tonumber(at) >= ttl then redis.call('HDEL', key, 'retained', 'retainedAt') end
      out[#out + 1] = {id, online and 1 or 0, redis.call('HGETALL', key)}
    elseif keep then
      out[#out + 1] = 1
      if online then online_count = online_count + 1 end
    end
  end
end
if ARGV[4] == '1' then return out end
return {online_count, #out}
`;

/** The part of the node's Redis connection the store uses (see relay/cluster.ts). */
export interface PresenceRedis {
  /** `ready` when commands can be sent. */
  readonly status: string;
  /** Registers a Lua script as a command. */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
}

type Script = (key: string, ...args: (string | number)[]) => Promise<unknown>;
interface Scripts {
  relayPresenceOnline: Script;
  relayPresenceSeen: Script;
  relayPresenceSeenMany: Script;
  relayPresenceOffline: Script;
  relayPresenceList: Script;
}

/** Settings of a {@linkcode ClusterPresence}. */
export interface ClusterPresenceOptions extends PresenceOptions {
  /** The node's command connection. */
  commands: PresenceRedis;
  /** Key prefix, `<cluster>:`. */
  prefix: string;
  /** The hash of claimed ids. */
  idsKey: string;
  /** The claim token of a local client, if it still holds its id. */
  tokenOf(client: Client): string | undefined;
  /** Hands an event (JSON) to the other nodes' operators. */
  publishEvent(text: string): void;
  /** Counts a failed Redis call. */
  onError(): void;
}

/**
 * How often a node writes the `lastSeen` of the devices that sent since its
 * last write, all in one script call: a script call per message cost a node
 * more CPU than the message itself.
 */
export const SEEN_FLUSH_MS = 1000;

const iso = (ms: number) => new Date(ms).toISOString();

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // only parsed messages are retained; kept as text should one not be
  }
}

/** Presence records of a cluster's devices, in Redis. */
export class ClusterPresence implements PresenceStore {
  #options: ClusterPresenceOptions;
  #devicesKey: string;
  #now: () => number;
  /** lastSeen not written yet: claim token → id and time of its latest message. */
  #pendingSeen = new Map<string, { id: string; at: number }>();
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** Registers the scripts on the node's command connection. */
  constructor(options: ClusterPresenceOptions) {
    this.#options = options;
    this.#devicesKey = `${options.prefix}devices`;
    this.#now = options.now ?? Date.now;
    for (
      const [name, lua] of Object.entries({
        relayPresenceOnline: ONLINE,
        relayPresenceSeen: SEEN,
        relayPresenceSeenMany: SEEN_MANY,
        relayPresenceOffline: OFFLINE,
        relayPresenceList: LIST,
      })
    ) {
      options.commands.defineCommand(name, { numberOfKeys: 1, lua });
    }
  }

  get #scripts(): Scripts {
    return this.#options.commands as unknown as Scripts;
  }

  /** {@linkcode PresenceStore.online}: a device of this node connected. */
  online(client: Client): void {
    this.#flushSeen();
    const now = this.#now();
    this.#writeOnline(client, now, now);
    this.#emit({ event: "online", id: client.id, at: iso(now) });
  }

  /**
   * Writes the records of this node's connected devices again, without
   * events: after Redis came back (perhaps empty), once their ids are
   * registered again.
   */
  restore(clients: Iterable<Client>): void {
    this.#flushSeen();
    const now = this.#now();
    for (const client of clients) {
      if (client.role === "device" && client.open) {
        this.#writeOnline(client, now, client.connectedAt);
      }
    }
  }

  #writeOnline(client: Client, now: number, connectedSince: number): void {
    this.#write(client, (token) =>
      this.#scripts.relayPresenceOnline(
        this.#devicesKey,
        this.#options.prefix,
        client.id,
        token,
        now,
        client.remote,
        connectedSince,
      ));
  }

  /**
   * {@linkcode PresenceStore.seen}: a device of this node sent. Its `lastSeen`
   * is written with the others' at the next flush ({@linkcode SEEN_FLUSH_MS});
   * a retained message (within the cap) is written at once, before its event.
   */
  seen(client: Client, data: RelayMessage, bytes: number, retain: boolean): void {
    const now = this.#now();
    let retained = retain && typeof data === "string" ? data : undefined;
    if (retained !== undefined && bytes > this.#options.maxRetainedBytes) {
      this.#options.metrics.retainedTooBig++;
      retained = undefined;
    }
    if (retained === undefined) {
      const token = this.#options.tokenOf(client);
      if (token === undefined || this.#options.commands.status !== "ready") return;
      this.#pendingSeen.set(token, { id: client.id, at: now });
      this.#flushTimer ??= setTimeout(() => this.#flushSeen(), SEEN_FLUSH_MS);
      return;
    }
    this.#flushSeen();
    this.#write(client, (token) =>
      this.#scripts.relayPresenceSeen(
        this.#devicesKey,
        this.#options.prefix,
        client.id,
        token,
        now,
        retained,
      ));
    this.#emit({ event: "retained", id: client.id, at: iso(now) });
  }

  /** {@linkcode PresenceStore.offline}: a device of this node's connection ended. */
  offline(client: Client, info: CloseInfo): void {
    this.#flushSeen();
    const now = this.#now();
    this.#write(client, (token) =>
      this.#scripts.relayPresenceOffline(
        this.#devicesKey,
        this.#options.prefix,
        client.id,
        token,
        now,
        info.code,
        info.reason,
        this.#options.ttlMs,
      ));
    this.#emit(offlineEvent(client.id, now, info));
  }

  /** {@linkcode PresenceStore.list}: every device of the cluster; rejects while Redis is away. */
  async list(): Promise<DeviceRecord[]> {
    const now = this.#now();
    const ttl = this.#options.ttlMs;
    const reply = await this.#read(now, "1") as [string, number, string[]][];
    const records: DeviceRecord[] = [];
    for (const [id, online, flat] of reply) {
      const fields: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
      const lastSeen = Number(fields.lastSeen);
      const retainedAt = Number(fields.retainedAt);
      records.push({
        id,
        online: online === 1,
        connectedSince: iso(Number(fields.connectedSince)),
        lastSeen: iso(lastSeen),
        remote: fields.remote,
        lastDisconnect: fields.dcAt === undefined ? null : {
          code: Number(fields.dcCode),
          reason: fields.dcReason,
          at: iso(Number(fields.dcAt)),
        },
        retained: fields.retained === undefined || now - retainedAt >= ttl
          ? null
          : { at: iso(retainedAt), message: parse(fields.retained) },
      });
    }
    return records.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** {@linkcode PresenceStore.counts}: the whole cluster's, as {@linkcode list} would count. */
  async counts(): Promise<PresenceCounts> {
    const [online, known] = await this.#read(this.#now(), "0") as [number, number];
    return { online, known };
  }

  #read(now: number, fields: "0" | "1"): Promise<unknown> {
    if (this.#options.commands.status !== "ready") {
      return Promise.reject(new Error("Redis is unreachable: the devices' records live there"));
    }
    // What this node's devices did lately is in Redis before it is read.
    this.#flushSeen();
    const { prefix, ttlMs } = this.#options;
    return this.#scripts.relayPresenceList(this.#devicesKey, prefix, now, ttlMs, fields);
  }

  /**
   * {@linkcode PresenceStore.clear}: writes the pending `lastSeen` (the records
   * stay in Redis, for after a restart) and stops the flush timer.
   */
  clear(): void {
    this.#flushSeen();
  }

  /** Writes every pending `lastSeen` in one script call, in order with the node's other writes. */
  #flushSeen(): void {
    if (this.#flushTimer !== undefined) {
      clearTimeout(this.#flushTimer);
      this.#flushTimer = undefined;
    }
    if (this.#pendingSeen.size === 0) return;
    const args: (string | number)[] = [];
    for (const [token, { id, at }] of this.#pendingSeen) args.push(id, token, at);
    this.#pendingSeen.clear();
    if (this.#options.commands.status !== "ready") return;
    this.#scripts.relayPresenceSeenMany(this.#devicesKey, this.#options.prefix, ...args).catch(
      () => this.#options.onError(),
    );
  }

  #write(client: Client, call: (token: string) => Promise<unknown>): void {
    const token = this.#options.tokenOf(client);
    if (token === undefined || this.#options.commands.status !== "ready") return;
    call(token).catch(() => this.#options.onError());
  }

  #emit(event: PresenceEvent): void {
    this.#options.onEvent?.(event);
    this.#options.publishEvent(JSON.stringify(event));
  }
}
