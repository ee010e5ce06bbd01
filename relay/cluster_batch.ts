/**
 * Publishes a node's bus frames in batches: the frames a node publishes
 * within one event-loop turn go to Redis in ONE script call, and each channel
 * they go to gets them as one batch frame (relay/cluster_frame.ts, kind 6)
 * that receivers unpack in order.
 *
 * A script call per message cost a node more CPU than the deliveries it made
 * for a fleet (docs/fleet_benchmarks.md): the Redis client's work per command
 * (encoding, its promise, the reply), the TCP write and read of each call
 * and Redis' own work per call. Batching spreads that over every frame of a
 * turn. While a call is on its way, the frames of the turns that follow wait
 * for its answer and then leave together: a node whose Redis answers slowly
 * (a busy machine) sends fewer, bigger batches, and one that answers at once
 * still sends each turn's frames at the end of the turn.
 *
 * Order: every frame of the node goes through this one queue (client
 * messages and presence events), and a batch leaves before any later command
 * that must see it ({@linkcode PublishBatcher.flush}). Inside the script, the
 * frames for every node (the `bus` channel) and those for some nodes (each
 * `bus:<node>`) wait apart; whenever the batch turns from one kind to the
 * other, what waits is published first. A node reads both channels on one
 * connection in the order Redis ran the publishes, so each receiver gets each
 * sender's frames in the order they were sent.
 *
 * Big frames (16 KiB and more) go alone, at once, through the one-frame
 * scripts, after whatever waits: copying them into a batch, and making them
 * wait a turn, would cost more than the call it saves.
 *
 * @module
 */

import type { Buffer } from "node:buffer";
import { clearImmediate, setImmediate } from "node:timers";
import { LUA_FRAMES } from "./cluster_frame.ts";
import { KEEP_FRAME, type KeepLimits } from "./cluster_resume.ts";
import { type Route, ROUTE_TARGETS } from "./cluster_route.ts";

/** Frames of this size or more are published alone. */
export const ALONE_BYTES = 16 * 1024;
/** Most frame bytes in one call: a turn with more sends several batches, in order. */
export const MAX_BATCH_BYTES = 64 * 1024;

/** One frame to publish. */
export interface BusEntry {
  /** The frame (relay/cluster_frame.ts). */
  frame: Buffer;
  /** Its sender's client id ("" for an event). */
  sender: string;
  /** Which nodes need it (relay/cluster_route.ts). */
  route: Route;
  /** Whether the resume window keeps it (client messages, not events). */
  keep: boolean;
}

// KEYS[1] resume:away; ARGV prefix, node, keep ('1' with the resume window on), maxMessages,
// maxBytes, maxTotal, then per frame: frame, sender, keep ('1'), n (-1: every node; else n ids
// follow, the route's).
// Returns the keepFrame() counts summed ({dm, db, dt, expired}) and the last {ids, total} (-1, -1
// when nothing was kept).
const PUBLISH_BATCH = KEEP_FRAME + ROUTE_TARGETS + LUA_FRAMES + `
local away, prefix, node = KEYS[1], ARGV[1], ARGV[2]
local keeping = ARGV[3] == '1'
local limits = {tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])}
local bus = prefix .. 'bus'
local operators
local busFrames, nodeFrames, nodeOrder = {}, {}, {}
local function pack(frames)
  if #frames == 1 then return frames[1] end
  return batchFrame(node, frames)
end
local function publishWaiting()
  if #busFrames > 0 then redis.call('PUBLISH', bus, pack(busFrames)) end
  for _, target in ipairs(nodeOrder) do
    redis.call('PUBLISH', bus .. ':' .. target, pack(nodeFrames[target]))
  end
  busFrames, nodeFrames, nodeOrder = {}, {}, {}
end
local result = {0, 0, 0, 0, -1, -1}
local i = 7
while i <= #ARGV do
  local frame, sender, keep, n = ARGV[i], ARGV[i + 1], ARGV[i + 2] == '1', tonumber(ARGV[i + 3])
  local route = {all = n < 0, ids = {}}
  for j = 1, n do route.ids[j] = ARGV[i + 3 + j] end
  i = i + 4 + math.max(n, 0)
  if route.all then
    if #nodeOrder > 0 then publishWaiting() end
    busFrames[#busFrames + 1] = frame
  else
    operators = operators or redis.call('HVALS', prefix .. 'operators')
    local targets = routeTargets(prefix, node, route.ids, operators)
    if #targets > 0 and #busFrames > 0 then publishWaiting() end
    for _, target in ipairs(targets) do
      local list = nodeFrames[target]
      if not list then
        list = {}
        nodeFrames[target] = list
        nodeOrder[#nodeOrder + 1] = target
      end
      list[#list + 1] = frame
    end
  end
  if keeping and keep then
    local kept = keepFrame(prefix, away, frame, sender, limits, route)
    for k = 1, 4 do result[k] = result[k] + kept[k] end
    result[5], result[6] = kept[5], kept[6]
  end
end
publishWaiting()
return result
`;

/** The part of the node's command connection the batcher uses. */
export interface BatchRedis {
  /** `ready` when commands can be sent. */
  readonly status: string;
  /** Registers a Lua script as a command. */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
}

/** Settings of a {@linkcode PublishBatcher}. */
export interface PublishBatcherOptions {
  /** The node's command connection. */
  commands: BatchRedis;
  /** Key prefix, `<cluster>:`. */
  prefix: string;
  /** This node's id. */
  nodeId: string;
  /** The resume window's limits while it is on (read at each call). */
  keepLimits(): KeepLimits | undefined;
  /** Publishes one frame with the one-frame scripts (what a lone or big frame takes). */
  publishOne(entry: BusEntry): Promise<unknown>;
  /** The counts a batch's keeping returned ({dm, db, dt, expired, ids, total}). */
  onKept(counts: number[]): void;
  /** Counts one script call that published frames. */
  onCall(): void;
  /** Counts a failed call. */
  onError(): void;
  /** Frames of this size or more go alone; default {@linkcode ALONE_BYTES}. */
  aloneBytes?: number;
  /** Most frame bytes per batch; default {@linkcode MAX_BATCH_BYTES}. */
  maxBatchBytes?: number;
}

type Script = (key: string, ...args: (string | number | Buffer)[]) => Promise<unknown>;

/** Collects a node's frames over one event-loop turn and publishes them in one call. */
export class PublishBatcher {
  #options: PublishBatcherOptions;
  #awayKey: string;
  #waiting: BusEntry[] = [];
  #bytes = 0;
  #timer: ReturnType<typeof setImmediate> | undefined;
  /** Calls sent that Redis has not answered yet. */
  #inFlight = 0;

  /** Registers the batch script on the node's command connection. */
  constructor(options: PublishBatcherOptions) {
    this.#options = options;
    this.#awayKey = `${options.prefix}resume:away`;
    options.commands.defineCommand("relayPublishBatch", { numberOfKeys: 1, lua: PUBLISH_BATCH });
  }

  /** Frames waiting for the end of the turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Queues a frame; a big one is published at once, behind what waits. */
  add(entry: BusEntry): void {
    const size = entry.frame.length;
    if (size >= (this.#options.aloneBytes ?? ALONE_BYTES)) {
      this.flush();
      this.#call(this.#options.publishOne(entry));
      return;
    }
    if (this.#bytes + size > (this.#options.maxBatchBytes ?? MAX_BATCH_BYTES)) this.flush();
    this.#waiting.push(entry);
    this.#bytes += size;
    // At the end of this turn of the event loop, once every message it read is in (a timer would
    // wait a millisecond or more); or, while a batch is on its way, when Redis has answered it.
    if (this.#inFlight === 0) this.#timer ??= setImmediate(() => this.flush());
  }

  /**
   * Publishes what waits now: at the end of the turn, and before any command
   * that must come after it in Redis (a claim, a take, a release, a shutdown).
   */
  flush(): void {
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = undefined;
    const entries = this.#waiting;
    if (entries.length === 0) return;
    this.#waiting = [];
    this.#bytes = 0;
    if (entries.length === 1) return this.#call(this.#options.publishOne(entries[0]));
    const limits = this.#options.keepLimits();
    const args: (string | number | Buffer)[] = [
      this.#options.prefix,
      this.#options.nodeId,
      limits ? "1" : "0",
      limits?.maxMessages ?? 0,
      limits?.maxBytes ?? 0,
      limits?.maxTotalBytes ?? 0,
    ];
    for (const { frame, sender, route, keep } of entries) {
      args.push(frame, sender, keep ? "1" : "0");
      if (route.kind === "all") args.push("-1");
      else args.push(String(route.ids.length), ...route.ids);
    }
    const scripts = this.#options.commands as unknown as { relayPublishBatch: Script };
    this.#call(
      scripts.relayPublishBatch(this.#awayKey, ...args).then((reply) => {
        if (limits) this.#options.onKept(reply as number[]);
      }),
    );
  }

  /** Drops what waits (the connection is gone: it would fail anyway). */
  clear(): number {
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = undefined;
    const dropped = this.#waiting.length;
    this.#waiting = [];
    this.#bytes = 0;
    return dropped;
  }

  #call(published: Promise<unknown>): void {
    this.#options.onCall();
    this.#inFlight++;
    published.catch(() => this.#options.onError()).finally(() => {
      // What came while calls were on their way leaves now, as one batch.
      if (--this.#inFlight === 0 && this.#waiting.length > 0) this.flush();
    });
  }
}
