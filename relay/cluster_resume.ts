/**
 * The resume window of a cluster: messages for away ids live in Redis, so a
 * client that left node A gets what it missed when it comes back on node B,
 * or on A after A restarted.
 *
 * Redis layout, every key prefixed with `<cluster>:`:
 * - `resume:away`: sorted set of away ids, scored by the end of their window
 *   (Redis' own clock, so nodes' clocks do not matter).
 * - `resume:from`: sorted set of the same ids, scored by the sequence number
 *   of the first message each one misses.
 * - `resume:operators`: set of the away ids that left as operators (the
 *   others were devices).
 * - `resume:log`: list of the bus frames published while anyone was away,
 *   oldest first, each stored ONCE however many ids miss it;
 *   `resume:sizes`: their payload sizes, in the same order;
 *   `resume:first`: the sequence number of the log's head;
 *   `resume:total`: payload bytes in the log.
 *
 * What an id gets back is the tail of the log from its own sequence number
 * on. The log keeps at most `--resume-max-messages` frames and
 * `--resume-max-bytes` payload bytes (what any one id may get), nothing older
 * than the oldest away id needs, and nothing when nobody is away; so a
 * message costs Redis one copy and a few constant-time steps, not one copy
 * per away id (with 200 ids away, copying a 64 KiB message into 200 lists
 * took Redis about 30 ms).
 *
 * Exactly once, in order, with nothing overtaking: a node publishes each
 * client message with a Lua script that publishes it AND appends it to the
 * log in one step. A returning client's tail is taken by another script that,
 * in the same step, publishes a mark on the bus. Every bus frame before the
 * mark is in the log (so the node ignores it for this client); every one after
 * it is not (so the node delivers it live, after the kept ones). Messages of
 * the node's own clients are ordered by its single Redis connection: those
 * sent after the take are delivered live.
 *
 * A new connection counts as away from the moment its id is claimed
 * ({@linkcode ClusterResume.reserve}) until its take: what other nodes publish
 * while its socket opens and its take travels to Redis is kept for it too;
 * otherwise it would fall between the claim and the mark and be lost.
 *
 * Roles: the log holds a message only if an away id may receive it (any
 * message while an operator is away; else only those for every node, or
 * addressed to an away id), and a returning client gets of the log only what
 * it would have received with the role it left with, as on one relay.
 *
 * @module
 */

import type { Buffer } from "node:buffer";
import { decodeFrame, encodeResumed, LUA_FRAMES } from "./cluster_frame.ts";
import { PUBLISH_ROUTED, type Route, routeArgs } from "./cluster_route.ts";
import type { Client, RelayMessage, ResumeKeeper } from "./hub.ts";
import type { ResumeDiscardReason } from "./metrics.ts";
import type { ResumeLimits } from "./resume.ts";
import { parseAddress, receives, type Role } from "./routing.ts";

const HELPERS = LUA_FRAMES + `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function first(prefix) return tonumber(redis.call('GET', prefix .. 'resume:first') or '0') end
-- Frames in the log an id still gets (its sequence number on).
local function pendingFor(prefix, id)
  local from = tonumber(redis.call('ZSCORE', prefix .. 'resume:from', id) or '0')
  local len = redis.call('LLEN', prefix .. 'resume:log')
  return len - math.min(len, math.max(0, from - first(prefix)))
end
local function forget(prefix, away, id)
  local n = pendingFor(prefix, id)
  redis.call('ZREM', away, id)
  redis.call('ZREM', prefix .. 'resume:from', id)
  redis.call('SREM', prefix .. 'resume:operators', id)
  return n
end
local function expire(prefix, away)
  local n = 0
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', away, '-inf', nowMs())) do
    n = n + forget(prefix, away, id)
  end
  return n
end
-- Drops the log's head frame; returns the away ids that still wanted it.
local function popHead(prefix)
  local head = first(prefix)
  redis.call('LTRIM', prefix .. 'resume:log', 1, -1)
  local size = tonumber(redis.call('LPOP', prefix .. 'resume:sizes'))
  redis.call('DECRBY', prefix .. 'resume:total', size)
  redis.call('INCR', prefix .. 'resume:first')
  return redis.call('ZCOUNT', prefix .. 'resume:from', '-inf', head)
end
-- Nobody away: the log goes (its sequence numbers go on).
local function clearLog(prefix)
  local len = redis.call('LLEN', prefix .. 'resume:log')
  if len > 0 then
    redis.call('INCRBY', prefix .. 'resume:first', len)
    redis.call('DEL', prefix .. 'resume:log', prefix .. 'resume:sizes')
  end
  redis.call('SET', prefix .. 'resume:total', 0)
  redis.call('DEL', prefix .. 'resume:operators')
end
`;

// KEYS[1] ids; ARGV prefix, id, token, windowMs, reserve ('1'), role.
// The id misses what is published from now on, until it is taken or its window ends. A leaving
// connection marks it unless another connection holds it already; a new connection (reserve)
// only while it holds the id. An id away already keeps its deadline and its place in the log.
const AWAY = HELPERS + `
local prefix, id = ARGV[1], ARGV[2]
local holder = redis.call('HGET', KEYS[1], id)
if ARGV[5] == '1' then
  if holder ~= ARGV[3] then return 0 end
elseif holder and holder ~= ARGV[3] then
  return 0
end
local away = prefix .. 'resume:away'
if redis.call('ZADD', away, 'NX', nowMs() + tonumber(ARGV[4]), id) == 0 then return 0 end
local next = first(prefix) + redis.call('LLEN', prefix .. 'resume:log')
redis.call('ZADD', prefix .. 'resume:from', next, id)
if ARGV[6] == 'operator' then redis.call('SADD', prefix .. 'resume:operators', id) end
return 1
`;

/**
 * Lua: `keepFrame(prefix, away, frame, sender, limits, route)` appends a
 * message frame just published to the log while an away id may receive it,
 * and trims the log; `limits` is {maxMessages, maxBytes, maxTotal}, `route`
 * {all = true|false, ids = {…}} (relay/cluster_route.ts). Returns discarded
 * {max_messages, max_bytes, max_total_bytes, expired}, away ids, kept bytes.
 * The publishing scripts (this module's, relay/cluster_batch.ts) call it.
 */
export const KEEP_FRAME = HELPERS + `
local function keepFrame(prefix, away, frame, sender, limits, route)
  if redis.call('ZCARD', away) == 0 then
    if redis.call('EXISTS', prefix .. 'resume:sizes') == 1 then clearLog(prefix) end
    return {0, 0, 0, 0, 0, 0}
  end
  local expired = expire(prefix, away)
  local ids = redis.call('ZCARD', away)
  local total = prefix .. 'resume:total'
  if ids == 0 then
    clearLog(prefix)
    return {0, 0, 0, expired, 0, 0}
  end
  local maxMessages, maxBytes, maxTotal = limits[1], limits[2], limits[3]
  local size = payloadSize(frame)
  local dm, db, dt = 0, 0, 0
  -- Only what an away id may receive: an away operator takes anything; an away device takes what
  -- goes to every node and what names it.
  local wanted = route.all or redis.call('SCARD', prefix .. 'resume:operators') > 0
  for _, id in ipairs(route.ids) do
    if wanted then break end
    wanted = redis.call('ZSCORE', away, id) ~= false
  end
  if not wanted then
    -- nothing to keep
  elseif size > maxBytes then
    -- No id may keep it: every away id but its sender misses it.
    db = ids - (redis.call('ZSCORE', away, sender) and 1 or 0)
  else
    redis.call('RPUSH', prefix .. 'resume:log', frame)
    redis.call('RPUSH', prefix .. 'resume:sizes', size)
    redis.call('INCRBY', total, size)
    -- A safety net only: clearLog() and popHead() keep them in step with the away ids.
    local deadline = redis.call('ZRANGE', away, -1, -1, 'WITHSCORES')[2]
    redis.call('PEXPIREAT', prefix .. 'resume:log', deadline + 60000)
    redis.call('PEXPIREAT', prefix .. 'resume:sizes', deadline + 60000)
  end
  -- The head goes when no away id needs it any more, or when it is past what any id may keep.
  local lowest = redis.call('ZRANGE', prefix .. 'resume:from', 0, 0, 'WITHSCORES')[2]
  local oldest = lowest and tonumber(lowest) or math.huge
  while redis.call('LLEN', prefix .. 'resume:sizes') > 0 do
    local len = redis.call('LLEN', prefix .. 'resume:sizes')
    local bytes = tonumber(redis.call('GET', total) or '0')
    if first(prefix) < oldest then
      popHead(prefix)
    elseif len > maxMessages then
      dm = dm + popHead(prefix)
    elseif bytes > maxBytes then
      db = db + popHead(prefix)
    elseif bytes > maxTotal then
      dt = dt + popHead(prefix)
    else
      break
    end
  end
  return {dm, db, dt, expired, ids, tonumber(redis.call('GET', total) or '0')}
end
`;

// KEYS[1] away; ARGV prefix, node, frame, sender, maxMessages, maxBytes, maxTotal, then the
// route (relay/cluster_route.ts).
// Returns what keepFrame() returns.
const PUBLISH_KEEP = KEEP_FRAME + PUBLISH_ROUTED + `
local prefix, frame = ARGV[1], ARGV[3]
publishRouted(prefix, ARGV[2], frame, 8)
local route = {all = ARGV[8] ~= '1', ids = {}}
for i = 9, #ARGV do route.ids[#route.ids + 1] = ARGV[i] end
return keepFrame(prefix, KEYS[1], frame, ARGV[4],
  {tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])}, route)
`;

// KEYS[1] away; ARGV prefix, id, channel, mark frame ('' for none), discard ('1').
// Returns {discarded, frames, role}: the id's kept frames (none when discarding) and the role it
// left with ('' when it was not away), and publishes the mark.
const TAKE = HELPERS + `
local away, prefix, id = KEYS[1], ARGV[1], ARGV[2]
local discarded = expire(prefix, away)
local frames = {}
local role = ''
if redis.call('ZSCORE', away, id) then
  role = redis.call('SISMEMBER', prefix .. 'resume:operators', id) == 1 and 'operator' or 'device'
  if ARGV[5] == '1' then
    discarded = discarded + forget(prefix, away, id)
  else
    local n = pendingFor(prefix, id)
    if n > 0 then
      for _, f in ipairs(redis.call('LRANGE', prefix .. 'resume:log', -n, -1)) do
        -- Its own messages from before it left stay out (another connection cannot send them).
        if senderOf(f) ~= id then frames[#frames + 1] = f end
      end
    end
    forget(prefix, away, id)
  end
  if redis.call('ZCARD', away) == 0 then clearLog(prefix) end
end
if ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return {discarded, frames, role}
`;

/** The resume window's limits the publishing scripts keep frames with. */
export interface KeepLimits {
  /** `--resume-max-messages`. */
  maxMessages: number;
  /** `--resume-max-bytes`. */
  maxBytes: number;
  /** `--resume-max-total-bytes`. */
  maxTotalBytes: number;
}

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
  /** Longest message whose address is read (`--max-message-bytes`). */
  maxMessageBytes: number;
  /** The claim token of a local client, if it still holds its id. */
  tokenOf(client: Client): string | undefined;
  /** Counts messages discarded unread. */
  onDiscard(reason: ResumeDiscardReason, count: number): void;
  /** Counts a failed Redis call. */
  onError(): void;
  /**
   * Publishes the node's batched frames now (relay/cluster_batch.ts): a
   * mark, a take or an away id must come after what the node's clients sent
   * before it.
   */
  flushBus(): void;
}

interface PendingTake {
  id: string;
  /** The role of the connection taking: what it gets live. */
  role: Role;
  /** The role the id left with: what it gets of the log. */
  keptRole: Role;
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
    this.#options.flushBus();
    const token = this.#options.tokenOf(client) ?? "";
    this.#scripts.relayResumeAway(
      this.#options.idsKey,
      this.#options.prefix,
      client.id,
      token,
      this.#options.windowMs,
      "0",
      client.role,
    ).catch(() => this.#options.onError());
  }

  /**
   * A connection just claimed `id` with `token`: from now until its take, what
   * is published is kept for it, so nothing falls between the claim and the
   * mark of its take. Sent right behind the claim on the same connection, it
   * runs before anything the new client could hear of; a claim that failed
   * leaves it without effect.
   */
  reserve(id: string, token: string, role: Role): void {
    if (this.#options.commands.status !== "ready") return;
    this.#options.flushBus();
    this.#scripts.relayResumeAway(
      this.#options.idsKey,
      this.#options.prefix,
      id,
      token,
      this.#options.windowMs,
      "1",
      role,
    ).catch(() => this.#options.onError());
  }

  /**
   * Publishes a local client's message frame as its route says
   * (relay/cluster_route.ts) and, while an id of the cluster that may receive
   * it is away, appends it to the log, in one step.
   */
  publish(frame: Buffer, senderId: string, route: Route): Promise<void> {
    const { prefix, nodeId, maxMessages, maxBytes, maxTotalBytes } = this.#options;
    return this.#scripts.relayResumeKeep(
      this.#awayKey,
      prefix,
      nodeId,
      frame,
      senderId,
      maxMessages,
      maxBytes,
      maxTotalBytes,
      ...routeArgs(route),
    ).then((reply) => this.counted(reply as number[]));
  }

  /** The limits the publishing scripts keep frames with. */
  get limits(): KeepLimits {
    const { maxMessages, maxBytes, maxTotalBytes } = this.#options;
    return { maxMessages, maxBytes, maxTotalBytes };
  }

  /**
   * Takes in what a publishing script's keepFrame() returned: discards by
   * reason, then away ids and kept bytes (negative: nothing was kept).
   */
  counted(counts: number[]): void {
    DISCARD_REASONS.forEach((reason, i) => {
      if (counts[i] > 0) this.#options.onDiscard(reason, counts[i]);
    });
    if (counts[4] < 0) return;
    this.#awayCount = counts[4];
    this.#keptBytes = counts[5];
  }

  /**
   * {@linkcode ResumeKeeper.keep}: only feeds takes in flight, with what each
   * taking connection accepts; Redis kept it at publish time.
   */
  keep(
    data: RelayMessage,
    _bytes: number,
    fromId: string,
    local: boolean,
    accepts?: (id: string, role: Role) => boolean,
  ): void {
    for (const take of this.#pending.values()) {
      if (fromId === take.id || !(local || take.markSeen)) continue;
      if (!accepts || accepts(take.id, take.role)) take.live.push(data);
    }
  }

  /** {@linkcode ResumeKeeper.take}: takes the id's list from Redis and waits for the mark. */
  take(client: Client, ready: (kept: RelayMessage[], held: RelayMessage[]) => void): void {
    if (this.#options.commands.status !== "ready") return ready([], []);
    const ticket = `${this.#options.nodeId}#t${++this.#serial}`;
    const take: PendingTake = {
      id: client.id,
      role: client.role,
      keptRole: client.role,
      ready,
      live: [],
      markSeen: false,
      frames: undefined,
      // The bus is down or slow: go on without the mark rather than keep the client waiting.
      timer: setTimeout(() => this.marked(ticket), MARK_TIMEOUT_MS),
    };
    this.#pending.set(ticket, take);
    this.#options.flushBus();
    const { prefix, channel, nodeId } = this.#options;
    this.#scripts.relayResumeTakeBuffer(
      this.#awayKey,
      prefix,
      client.id,
      channel,
      encodeResumed(nodeId, ticket),
      "0",
    ).then((reply) => {
      const [discarded, frames, role] = reply as [number, Buffer[], Buffer];
      if (discarded > 0) this.#options.onDiscard("expired", discarded);
      take.frames = frames;
      if (role.length > 0) take.keptRole = role.toString() as Role;
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
    const receiver = { id: take.id, role: take.keptRole };
    for (const bytes of take.frames) {
      const frame = decodeFrame(bytes);
      if (frame?.kind !== "text" && frame?.kind !== "binary") continue;
      // The log is shared: keep only what this id would have received with the role it had.
      const address = receiver.role === "device"
        ? parseAddress(frame.data, this.#options.maxMessageBytes)
        : { kind: "all" as const };
      if (receives({ id: frame.sender, role: frame.role }, address, receiver)) {
        kept.push(frame.data);
      }
    }
    take.ready(kept, take.live);
  }
}
