/**
 * The queue of messages the application sent and the link has not carried
 * yet, bounded by a message count and a byte total.
 *
 * Everything the client sends goes through it, whether the link is up or not,
 * so a backlog on a slow link is bounded the same way as one while the relay
 * is away. When a new message does not fit, the oldest ones are dropped (and
 * counted) until it does: the newest data matters most to a device reporting
 * its state. A message larger than the whole byte bound is refused.
 *
 * Pure logic with no Espruino globals.
 *
 * @example
 * ```ts
 * import { createOutbox } from "./outbox.ts";
 * const outbox = createOutbox({ maxMessages: 32, maxBytes: 8192 });
 * outbox.push({ data: "hello", opcode: 1 });
 * const next = outbox.shift(); // { data: "hello", opcode: 1 }
 * ```
 * @module
 */

/** A queued message. */
export interface OutboxMessage {
  /** Payload, a binary string. */
  data: string;
  /** Frame opcode: 1 text, 2 binary. */
  opcode: number;
}

/** Settings of {@linkcode createOutbox}. */
export interface OutboxOptions {
  /** Most messages held. */
  maxMessages: number;
  /** Most payload bytes held. */
  maxBytes: number;
}

/** A bounded first-in, first-out queue. */
export interface Outbox {
  /** Appends a message, dropping the oldest to make room; false when it alone is too big. */
  push(message: OutboxMessage): boolean;
  /**
   * Puts back at the front a message whose sending was cut off; it is the oldest, so when the
   * outbox is full it is the one dropped (false).
   */
  unshift(message: OutboxMessage): boolean;
  /** Takes the oldest message, or undefined. */
  shift(): OutboxMessage | undefined;
  /** Messages held. */
  size(): number;
  /** Payload bytes held. */
  bytes(): number;
  /** Messages dropped or refused so far. */
  dropped(): number;
  /** Drops everything held (counted as dropped). */
  clear(): void;
}

/** Creates an empty outbox. */
export function createOutbox(options: OutboxOptions): Outbox {
  let queue: OutboxMessage[] = [];
  let bytes = 0;
  let dropped = 0;

  const shift = () => {
    const message = queue.shift();
    if (message) bytes -= message.data.length;
    return message;
  };

  const full = (length: number) =>
    queue.length >= options.maxMessages || bytes + length > options.maxBytes;

  const fits = (message: OutboxMessage) => {
    const length = message.data.length;
    if (length > options.maxBytes) {
      dropped++;
      return false;
    }
    while (full(length)) {
      shift();
      dropped++;
    }
    bytes += length;
    return true;
  };

  return {
    push(message) {
      if (!fits(message)) return false;
      queue.push(message);
      return true;
    },
    unshift(message) {
      // The message put back is older than everything held: if one must go, it is this one.
      const length = message.data.length;
      if (full(length)) {
        dropped++;
        return false;
      }
      bytes += length;
      queue.unshift(message);
      return true;
    },
    shift,
    size: () => queue.length,
    bytes: () => bytes,
    dropped: () => dropped,
    clear() {
      dropped += queue.length;
      queue = [];
      bytes = 0;
    },
  };
}
