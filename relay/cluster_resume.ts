/**
 * The resume window of a cluster: messages for away ids live in Redis, so a
 * client that left node A gets what it missed when it comes back on node B,
 * or on A after A restarted.
 *
 * Redis layout, every key prefixed with `<cluster>:`:
 * - `resume:away`: sorted set of away ids, scored by the end of their window
 *   (Redis' own clock, so nodes' clocks do not matter).
 * - `resume:q:<id>`: list of the bus frames the id missed, oldest first.
 * - `resume:bytes`: hash of id → payload bytes kept; `resume:total`: all of them.
 *
 * Exactly once, in order, with nothing overtaking: a node publishes each
 * client message with a Lua script that publishes it AND appends it to every
 * away id's list in one step. A returning client's list is taken by another
 * script that, in the same step, publishes a mark on the bus. Every bus frame
 * before the mark was kept (so the node ignores it for this client); every
 * one after it was not (so the node delivers it live, after the kept ones).
 * Messages of the node's own clients are ordered by its single Redis
 * connection: those sent after the take are delivered live.
 *
 * @module
 */

import type { Buffer } from "node:buffer";
import { decodeFrame, encodeResumed } from "./cluster_frame.ts";
import type { Client, RelayMessage, ResumeKeeper } from "./hub.ts";
import type { ResumeDiscardReason } from "./metrics.ts";
import type { ResumeLimits } from "./resume.ts";

const HELPERS = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- A message frame: kind, node length, node, sender length, sender, payload.
local function payloadSize(f)
  local nl = string.byte(f, 2)
  return #f - 3 - nl - string.byte(f, 3 + nl)
end
local function forget(prefix, away, id)
  local q = prefix .. 'resume:q:' .. id
  local n = redis.call('LLEN', q)
  local b = tonumber(redis.call('HGET', prefix .. 'resume:bytes', id) or '0')
  redis.call('DEL', q)
  redis.call('HDEL', prefix .. 'resume:bytes', id)
  redis.call('DECRBY', prefix .. 'resume:total', b)
  redis.call('ZREM', away, id)
  return n
end
local function expire(prefix, away)
  local n = 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', away, '-inf', nowMs())) do
    n = n + forget(prefix, away, id)
  end
  return n
end
local function popOldest(prefix, id)
  local f = redis.call('LPOP', prefix .. 'resume:q:' .. id)
  local s = payloadSize(f)
  redis.call('DECRBY', prefix .. 'resume:total', s)
  return redis.call('HINCRBY', prefix .. 'resume:bytes', id, -s)
end
`;

// KEYS[1] ids; ARGV prefix, id, token of the leaving connection, windowMs.
// An id another connection holds already is not away; one away already keeps its deadline.
const AWAY = HELPERS + `
local holder = redis.call('HGET', KEYS[1], ARGV[2])
if holder and holder ~= ARGV[3] then return 0 end
return redis.call('ZADD', ARGV[1] .. 'resume:away', 'NX', nowMs() + tonumber(ARGV[4]), ARGV[2])
`;

// KEYS[1] away; ARGV prefix, channel, frame, sender, maxMessages, maxBytes, maxTotal.
// Returns discarded {max_messages, max_bytes, max_total_bytes, expired}, away ids, total bytes.
const PUBLISH_KEEP = HELPERS + `
local away, prefix, frame = KEYS[1], ARGV[1], ARGV[3]
redis.call('PUBLISH', ARGV[2], frame)
if redis.call('ZCARD', away) == 0 then return {0, 0, 0, 0, 0, 0} end
local expired = expire(prefix, away)
local maxMessages, maxBytes, maxTotal = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local size = payloadSize(frame)
local dm, db, dt = 0, 0, 0
local total = prefix .. 'resume:total'
local ids = redis.call('ZRANGE', away, 0, -1, 'WITHSCORES')
for i = 1, #ids, 2 do
  local id, deadline = ids[i], ids[i + 1]
  if id ~= ARGV[4] then
    if size > maxBytes then
      db = db + 1
    else
      local q = prefix .. 'resume:q:' .. id
      redis.call('RPUSH', q, frame)
      -- A safety net only: expire() forgets the list (and counts it) when its window closes.
      redis.call('PEXPIREAT', q, deadline + 60000)
      redis.call('INCRBY', total, size)
      local bytes = redis.call('HINCRBY', prefix .. 'resume:bytes', id, size)
      while redis.call('LLEN', q) > maxMessages do
        bytes = popOldest(prefix, id)
        dm = dm + 1
      end
      while bytes > maxBytes do
        bytes = popOldest(prefix, id)
        db = db + 1
      end
    end
  end
end
-- Over the global cap, the id that left first loses its oldest message first.
for i = 1, #ids, 2 do
  local q = prefix .. 'resume:q:' .. ids[i]
  while tonumber(redis.call('GET', total) or '0') > maxTotal and redis.call('LLEN', q) > 0 do
    popOldest(prefix, ids[i])
    dt = dt + 1
  end
end
return {dm, db, dt, expired, redis.call('ZCARD', away), tonumber(redis.call('GET', total) or '0')}
`;

// KEYS[1] away; ARGV prefix, id, channel, mark frame ('' for none), discard ('1').
// Returns {discarded, frames}: the id's kept frames (none when discarding), and publishes the mark.
const TAKE = HELPERS + `
local away, prefix, id = KEYS[1], ARGV[1], ARGV[2]
local discarded = expire(prefix, away)
local frames = {}
if redis.call('ZSCORE', away, id) then
  if ARGV[5] ~= '1' then frames = redis.call('LRANGE', prefix .. 'resume:q:' .. id, 0, -1) end
  local n = forget(prefix, away, id)
  if ARGV[5] == '1' then discarded = discarded + n end
end
if ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return {discarded, frames}
`;

/** The part of the node's Redis connection the keeper uses (see relay/cluster.ts). */
export interface ResumeRedis {
  /** `ready` when commands can be sent. */
  readonly status: string;
  /** Registers a Lua script as a command. */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
}

type Script = (key: string, ...args: (string | number | Buffer)[]) => Promise<unknown>;
interface Scripts {
  relayResumeAway: Script;
  relayResumeKeep: Script;
  relayResumeTakeBuffer: Script;
}

/** Settings of a {@linkcode ClusterResume}. */
export interface ClusterResumeOptions extends ResumeLimits {
  /** The node's command connection. */
  commands: ResumeRedis;
  /** This node's id (marks are recognised by it). */
  nodeId: string;
  /** Key prefix, `<cluster>:`. */
  prefix: string;
  /** The bus channel. */
  channel: string;
  /** The hash of claimed ids. */
  idsKey: string;
  /** The claim token of a local client, if it still holds its id. */
  tokenOf(client: Client): string | undefined;
  /** Counts messages discarded unread. */
  onDiscard(reason: ResumeDiscardReason, count: number): void;
  /** Counts a failed Redis call. */
  onError(): void;
}

interface PendingTake {
  id: string;
  ready: (kept: RelayMessage[], held: RelayMessage[]) => void;
  /** Live messages for the client since the take, in order. */
  live: RelayMessage[];
  markSeen: boolean;
  frames: Buffer[] | undefined;
  timer: ReturnType<typeof setTimeout>;
}

/** How long a take waits for its mark on the bus before it goes on without it. */
const MARK_TIMEOUT_MS = 2000;
const DISCARD_REASONS: ResumeDiscardReason[] = [
  "max_messages",
  "max_bytes",
  "max_total_bytes",
  "expired",
];

/** The resume window of a cluster node, kept in Redis. */
export class ClusterResume implements ResumeKeeper {
  /** Kept messages live in Redis: a node's restart loses nothing. */
  readonly survivesRestart = true;
  #options: ClusterResumeOptions;
  #awayKey: string;
  #pending = new Map<string, PendingTake>();
  #serial = 0;
  #awayCount = 0;
  #keptBytes = 0;

  /** Registers the scripts on the node's command connection. */
  constructor(options: ClusterResumeOptions) {
    this.#options = options;
    this.#awayKey = `${options.prefix}resume:away`;
    for (
      const [name, lua] of Object.entries({
        relayResumeAway: AWAY,
        relayResumeKeep: PUBLISH_KEEP,
        relayResumeTake: TAKE,
      })
    ) {
      options.commands.defineCommand(name, { numberOfKeys: 1, lua });
    }
  }

  /** Away ids cluster-wide, as of the last message published here. */
  get awayCount(): number {
    return this.#awayCount;
  }

  /** Payload bytes kept cluster-wide, as of the last message published here. */
  get keptBytes(): number {
    return this.#keptBytes;
  }

  get #scripts(): Scripts {
    return this.#options.commands as unknown as Scripts;
  }

  /** {@linkcode ResumeKeeper.leave}: the id is away unless another connection holds it already. */
  leave(client: Client): void {
    if (this.#options.commands.status !== "ready") return;
    const token = this.#options.tokenOf(client) ?? "";
    this.#scripts.relayResumeAway(
      this.#options.idsKey,
      this.#options.prefix,
      client.id,
      token,
      this.#options.windowMs,
    ).catch(() => this.#options.onError());
  }

  /**
   * Publishes a local client's message frame on the bus and keeps it for
   * every away id of the cluster, in one step.
   */
  publish(frame: Buffer, senderId: string): Promise<void> {
    const { prefix, channel, maxMessages, maxBytes, maxTotalBytes } = this.#options;
    return this.#scripts.relayResumeKeep(
      this.#awayKey,
      prefix,
      channel,
      frame,
      senderId,
      maxMessages,
      maxBytes,
      maxTotalBytes,
    ).then((reply) => {
      const counts = reply as number[];
      DISCARD_REASONS.forEach((reason, i) => {
        if (counts[i] > 0) this.#options.onDiscard(reason, counts[i]);
      });
      this.#awayCount = counts[4];
      this.#keptBytes = counts[5];
    });
  }

  /** {@linkcode ResumeKeeper.keep}: only feeds takes in flight; Redis kept it at publish time. */
  keep(data: RelayMessage, _bytes: number, fromId: string, local: boolean): void {
    for (const take of this.#pending.values()) {
      if (fromId !== take.id && (local || take.markSeen)) take.live.push(data);
    }
  }

  /** {@linkcode ResumeKeeper.take}: takes the id's list from Redis and waits for the mark. */
  take(client: Client, ready: (kept: RelayMessage[], held: RelayMessage[]) => void): void {
    if (this.#options.commands.status !== "ready") return ready([], []);
    const ticket = `${this.#options.nodeId}#t${++this.#serial}`;
    const take: PendingTake = {
      id: client.id,
      ready,
      live: [],
      markSeen: false,
      frames: undefined,
      // The bus is down or slow: go on without the mark rather than keep the client waiting.
      timer: setTimeout(() => this.marked(ticket), MARK_TIMEOUT_MS),
    };
    this.#pending.set(ticket, take);
    const { prefix, channel, nodeId } = this.#options;
    this.#scripts.relayResumeTakeBuffer(
      this.#awayKey,
      prefix,
      client.id,
      channel,
      encodeResumed(nodeId, ticket),
      "0",
    ).then((reply) => {
      const [discarded, frames] = reply as [number, Buffer[]];
      if (discarded > 0) this.#options.onDiscard("expired", discarded);
      take.frames = frames;
    }, () => {
      this.#options.onError();
      take.frames = [];
    }).finally(() => this.#finish(ticket));
  }

  /** The mark of a take of this node came back on the bus. */
  marked(ticket: string): void {
    const take = this.#pending.get(ticket);
    if (!take) return;
    take.markSeen = true;
    this.#finish(ticket);
  }

  /** {@linkcode ResumeKeeper.discard}: forgets what was kept for the id. */
  discard(id: string): void {
    if (this.#options.commands.status !== "ready") return;
    const { prefix, channel } = this.#options;
    this.#scripts.relayResumeTakeBuffer(this.#awayKey, prefix, id, channel, "", "1").then(
      (reply) => {
        const discarded = (reply as [number, Buffer[]])[0];
        if (discarded > 0) this.#options.onDiscard("expired", discarded);
      },
      () => this.#options.onError(),
    );
  }

  /** {@linkcode ResumeKeeper.clear}: stops waiting for takes in flight (shutdown). */
  clear(): void {
    for (const take of this.#pending.values()) clearTimeout(take.timer);
    this.#pending.clear();
  }

  #finish(ticket: string): void {
    const take = this.#pending.get(ticket);
    if (!take || !take.markSeen || !take.frames) return;
    clearTimeout(take.timer);
    this.#pending.delete(ticket);
    const kept: RelayMessage[] = [];
    for (const bytes of take.frames) {
      const frame = decodeFrame(bytes);
      if (frame?.kind === "text" || frame?.kind === "binary") kept.push(frame.data);
    }
    take.ready(kept, take.live);
  }
}
