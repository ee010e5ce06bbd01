/**
 * The resume window: for each client id that went away less than
 * `windowMs` ago, the messages it would have received, so that it gets them
 * first when it comes back. Bounded per id (messages and bytes) and in total.
 *
 * It knows nothing about sockets: the hub tells it who left, what was sent
 * and who came back.
 *
 * @example
 * ```ts
 * import { ResumeStore } from "./resume.ts";
 *
 * const store = new ResumeStore({
 *   windowMs: 30_000,
 *   maxMessages: 100,
 *   maxBytes: 256 * 1024,
 *   maxTotalBytes: 64 * 1024 * 1024,
 * });
 * store.leaveId("esp32-1");
 * store.keep("status?", 7);
 * console.log(store.takeId("esp32-1")); // ["status?"]
 * store.clear();
 * ```
 * @module
 */

import type { Client, RelayMessage, ResumeKeeper } from "./hub.ts";
import type { ResumeDiscardReason } from "./metrics.ts";
import type { Role } from "./routing.ts";

/** Limits of a {@linkcode ResumeStore}. */
export interface ResumeLimits {
  /** How long after it left an id still gets what it missed; 0 turns resuming off. */
  windowMs: number;
  /** Most messages kept for one id; past that the oldest go first. */
  maxMessages: number;
  /** Most payload bytes kept for one id; past that the oldest go first. */
  maxBytes: number;
  /** Most payload bytes kept for all ids together; past that the oldest kept anywhere go first. */
  maxTotalBytes: number;
}

/** Settings of a {@linkcode ResumeStore}. */
export interface ResumeStoreOptions extends ResumeLimits {
  /** Called for each message discarded unread; feeds `/metrics`. */
  onDiscard?: (reason: ResumeDiscardReason, count: number) => void;
}

interface AwayQueue {
  role: Role;
  expiresAt: number;
  messages: RelayMessage[];
  sizes: number[];
  bytes: number;
}

/** Messages kept in this process for clients that went away, until they return or the window closes. */
export class ResumeStore implements ResumeKeeper {
  /** A single relay loses what it kept when it stops. */
  readonly survivesRestart = false;
  #queues = new Map<string, AwayQueue>(); // in the order the ids left: oldest first
  #totalBytes = 0;
  #options: ResumeStoreOptions;
  #sweep: ReturnType<typeof setInterval> | undefined;

  /** Creates an empty store. */
  constructor(options: ResumeStoreOptions) {
    this.#options = options;
  }

  /** Whether messages are kept at all (a window above 0). */
  get enabled(): boolean {
    return this.#options.windowMs > 0;
  }

  /** Ids currently inside their window. */
  get awayCount(): number {
    return this.#queues.size;
  }

  /** Payload bytes kept for all ids together. */
  get keptBytes(): number {
    return this.#totalBytes;
  }

  /** Whether messages are being kept for `id`. */
  isAway(id: string): boolean {
    return this.#queues.has(id);
  }

  /** {@linkcode ResumeKeeper.leave}: keeps what the client's id misses from now on. */
  leave(client: Client): void {
    this.leaveId(client.id, client.role);
  }

  /**
   * Starts keeping messages for an id that just went away. An id already
   * away (a reconnect that never opened) keeps its queue and its deadline.
   * Its role decides which messages it would have received.
   */
  leaveId(id: string, role: Role = "operator"): void {
    if (!this.enabled || this.#queues.has(id)) return;
    this.#queues.set(id, {
      role,
      expiresAt: Date.now() + this.#options.windowMs,
      messages: [],
      sizes: [],
      bytes: 0,
    });
    this.#sweep ??= setInterval(
      () => this.#expire(Date.now()),
      Math.min(1000, this.#options.windowMs),
    );
  }

  /**
   * Keeps a message for every away id that would have received it: with
   * `accepts`, those it accepts; without, every one but the sender's.
   */
  keep(
    message: RelayMessage,
    bytes: number,
    senderId?: string,
    _local?: boolean,
    accepts?: (id: string, role: Role) => boolean,
  ): void {
    if (this.#queues.size === 0) return;
    const { maxMessages, maxBytes, maxTotalBytes } = this.#options;
    for (const [id, queue] of this.#queues) {
      if (id === senderId || (accepts && !accepts(id, queue.role))) continue;
      if (bytes > maxBytes) {
        this.#discard("max_bytes", 1);
        continue;
      }
      queue.messages.push(message);
      queue.sizes.push(bytes);
      queue.bytes += bytes;
      this.#totalBytes += bytes;
      while (queue.messages.length > maxMessages) this.#dropOldest(queue, "max_messages");
      while (queue.bytes > maxBytes) this.#dropOldest(queue, "max_bytes");
    }
    // Over the global cap, the id that left first loses its oldest message first.
    for (const queue of this.#queues.values()) {
      while (this.#totalBytes > maxTotalBytes && queue.messages.length > 0) {
        this.#dropOldest(queue, "max_total_bytes");
      }
      if (this.#totalBytes <= maxTotalBytes) break;
    }
  }

  /** {@linkcode ResumeKeeper.take}: hands over what was kept, at once. */
  take(client: Client, ready: (kept: RelayMessage[], held: RelayMessage[]) => void): void {
    ready(this.takeId(client.id), []);
  }

  /**
   * The messages kept for an id that came back inside its window, oldest
   * first; the id is forgotten, so each is handed out once. An id never seen,
   * or whose window closed, gets an empty list.
   */
  takeId(id: string): RelayMessage[] {
    const queue = this.#queues.get(id);
    if (!queue) return [];
    if (queue.expiresAt <= Date.now()) {
      this.#forget(id, queue, "expired");
      return [];
    }
    this.#forget(id, queue);
    return queue.messages;
  }

  /** Discards what was kept for an id (a client that opted out with `?resume=0`). */
  discard(id: string): void {
    const queue = this.#queues.get(id);
    if (queue) this.#forget(id, queue, "expired");
  }

  /** Forgets everything (shutdown: a single relay keeps nothing across a restart). */
  clear(): void {
    this.#queues.clear();
    this.#totalBytes = 0;
    this.#stopSweep();
  }

  #expire(now: number): void {
    for (const [id, queue] of this.#queues) {
      if (queue.expiresAt <= now) this.#forget(id, queue, "expired");
    }
  }

  #forget(id: string, queue: AwayQueue, discarded?: ResumeDiscardReason): void {
    this.#queues.delete(id);
    this.#totalBytes -= queue.bytes;
    if (discarded && queue.messages.length > 0) this.#discard(discarded, queue.messages.length);
    if (this.#queues.size === 0) this.#stopSweep();
  }

  #dropOldest(queue: AwayQueue, reason: ResumeDiscardReason): void {
    queue.messages.shift();
    const bytes = queue.sizes.shift()!;
    queue.bytes -= bytes;
    this.#totalBytes -= bytes;
    this.#discard(reason, 1);
  }

  #discard(reason: ResumeDiscardReason, count: number): void {
    this.#options.onDiscard?.(reason, count);
  }

  #stopSweep(): void {
    if (this.#sweep !== undefined) clearInterval(this.#sweep);
    this.#sweep = undefined;
  }
}
