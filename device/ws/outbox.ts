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
 * Pure logic with no Espruino globals. A class, so that its methods exist once
 * in the bundle rather than once per queue.
 *
 * @example
 * ```ts
 * import { Outbox } from "./outbox.ts";
 * const outbox = new Outbox({ messageLimit: 32, byteLimit: 8192 });
 * outbox.put({ data: "hello", opcode: 1 });
 * const next = outbox.take(); // { data: "hello", opcode: 1 }
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

/** Settings of {@linkcode Outbox}. */
export interface OutboxOptions {
  /** Most messages held. */
  messageLimit: number;
  /** Most payload bytes held. */
  byteLimit: number;
}

/** A bounded first-in, first-out queue. */
export class Outbox {
  // Declared, not initialised here: esbuild would define them through a helper in the bundle.
  /** The messages held, oldest first. */
  declare messages: OutboxMessage[];
  /** Payload bytes held. */
  declare bytes: number;
  /** Messages dropped or refused so far. */
  declare dropped: number;
  /** The bounds. */
  declare limits: OutboxOptions;

  /** An empty outbox with these bounds. */
  constructor(limits: OutboxOptions) {
    this.limits = limits;
    this.messages = [];
    this.bytes = this.dropped = 0;
  }

  /**
   * Appends a message, dropping the oldest to make room; false when it alone is too big. With
   * `front`, puts back at the front a message whose sending was cut off: it is the oldest, so when
   * the outbox is full it is the one dropped (false).
   */
  put(message: OutboxMessage, front?: boolean): boolean {
    const length = message.data.length;
    const full = () =>
      this.messages.length >= this.limits.messageLimit ||
      this.bytes + length > this.limits.byteLimit;
    if (length > this.limits.byteLimit || front && full()) {
      this.dropped++;
      return false;
    }
    while (full()) this.take(), this.dropped++;
    this.bytes += length;
    if (front) this.messages.unshift(message);
    else this.messages.push(message);
    return true;
  }

  /** Takes the oldest message, or undefined. */
  take(): OutboxMessage | undefined {
    const message = this.messages.shift();
    if (message) this.bytes -= message.data.length;
    return message;
  }

  /** Drops everything held (counted as dropped). */
  discard(): void {
    this.dropped += this.messages.length;
    this.messages = [];
    this.bytes = 0;
  }
}
