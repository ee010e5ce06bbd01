/**
 * RESP, the protocol of Redis, as a node's own connections speak it
 * (relay/redis_subscriber.ts, relay/redis_commands.ts): {@linkcode RespWriter}
 * writes commands as arrays of bulk strings into one buffer, so that a turn's
 * commands leave in one write, and {@linkcode RespReader} parses replies in
 * place out of a buffer that grows as bytes come in, whatever the reads cut.
 *
 * @example
 * ```ts
 * import { RespReader, RespWriter } from "./resp.ts";
 *
 * const writer = new RespWriter();
 * writer.command(["PING"]);
 * writer.take(); // the bytes of *1\r\n$4\r\nPING\r\n
 * const reader = new RespReader();
 * reader.feed(new TextEncoder().encode("+PONG\r\n"));
 * reader.next(); // "PONG"
 * ```
 * @module
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const CR = 13;
const LF = 10;

/** A command argument: text (sent as UTF-8) or bytes. */
export type RespArgument = string | Uint8Array;

/**
 * Writes commands as RESP arrays of bulk strings into one growing buffer:
 * {@linkcode take} hands over everything written since the last take.
 */
export class RespWriter {
  #buffer: Uint8Array;
  #end = 0;

  /** A writer whose buffer starts at `size` bytes (it grows as needed). */
  constructor(size = 16 * 1024) {
    this.#buffer = new Uint8Array(size);
  }

  /** Bytes written and not taken yet. */
  get length(): number {
    return this.#end;
  }

  /** Appends one command. */
  command(args: readonly RespArgument[]): void {
    this.#header(0x2a, args.length);
    for (const arg of args) {
      if (typeof arg === "string") {
        // UTF-8 takes at most 3 bytes per UTF-16 unit: write it where its header will end.
        this.#reserve(arg.length * 3 + 32);
        const digits = String(arg.length * 3).length + 3;
        const { written } = encoder.encodeInto(arg, this.#buffer.subarray(this.#end + digits));
        const header = `$${written}\r\n`;
        if (header.length !== digits) {
          this.#buffer.copyWithin(
            this.#end + header.length,
            this.#end + digits,
            this.#end + digits + written,
          );
        }
        this.#ascii(header);
        this.#end += written;
      } else {
        this.#header(0x24, arg.length);
        this.#reserve(arg.length + 2);
        this.#buffer.set(arg, this.#end);
        this.#end += arg.length;
      }
      this.#buffer[this.#end++] = CR;
      this.#buffer[this.#end++] = LF;
    }
  }

  /** Everything written since the last take, as a copy; the writer starts empty again. */
  take(): Uint8Array {
    const bytes = this.#buffer.slice(0, this.#end);
    this.#end = 0;
    return bytes;
  }

  #header(kind: number, count: number): void {
    this.#reserve(24);
    this.#buffer[this.#end++] = kind;
    this.#ascii(`${count}\r\n`);
  }

  /** Writes ASCII text that fits in the reserved room. */
  #ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.#buffer[this.#end++] = text.charCodeAt(i);
  }

  #reserve(room: number): void {
    if (this.#buffer.length - this.#end >= room) return;
    let size = this.#buffer.length * 2;
    while (size - this.#end < room) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.#buffer.subarray(0, this.#end));
    this.#buffer = grown;
  }
}

/** A RESP command as bytes. */
export function encodeCommand(args: readonly RespArgument[]): Uint8Array {
  const writer = new RespWriter(64);
  writer.command(args);
  return writer.take();
}

/** One RESP value as read: bulk strings are views into the reader's buffer. */
export type RespValue = string | number | Uint8Array | null | RespError | RespValue[];

/** An error reply. */
export class RespError extends Error {}

/**
 * Parses RESP2 values out of a byte buffer that grows as data comes in.
 * Bulk strings come out as views: valid until the next {@linkcode feed}.
 */
export class RespReader {
  #buffer = new Uint8Array(64 * 1024);
  #start = 0;
  #end = 0;

  /** Appends bytes read from the socket (compacting or growing the buffer as needed). */
  feed(bytes: Uint8Array): void {
    this.#reserve(bytes.length);
    this.#buffer.set(bytes, this.#end);
    this.#end += bytes.length;
  }

  /** Where the next read can land directly: at least `room` bytes (saves a copy). */
  space(room: number): Uint8Array {
    this.#reserve(room);
    return this.#buffer.subarray(this.#end);
  }

  /** Counts bytes written into {@linkcode space}. */
  wrote(count: number): void {
    this.#end += count;
  }

  /** The next complete value, or undefined when more bytes are needed. */
  next(): RespValue | undefined {
    const parsed = this.#parse(this.#start);
    if (!parsed) return undefined;
    this.#start = parsed.end;
    if (this.#start === this.#end) this.#start = this.#end = 0;
    return parsed.value;
  }

  #reserve(room: number): void {
    if (this.#buffer.length - this.#end >= room) return;
    const used = this.#end - this.#start;
    if (this.#start > 0 && this.#buffer.length - used >= room) {
      this.#buffer.copyWithin(0, this.#start, this.#end);
    } else {
      let size = this.#buffer.length * 2;
      while (size - used < room) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.#buffer.subarray(this.#start, this.#end));
      this.#buffer = grown;
    }
    this.#start = 0;
    this.#end = used;
  }

  /** Index of the CR of the line starting at `from`, or -1 while the line is incomplete. */
  #lineEnd(from: number): number {
    const buffer = this.#buffer;
    for (let i = from; i + 1 < this.#end; i++) {
      if (buffer[i] === CR) return i;
    }
    return -1;
  }

  /** The integer written in ASCII between `from` and `to` (a length or a count). */
  #integer(from: number, to: number): number {
    const buffer = this.#buffer;
    const negative = buffer[from] === 0x2d;
    let value = 0;
    for (let i = negative ? from + 1 : from; i < to; i++) value = value * 10 + buffer[i] - 0x30;
    return negative ? -value : value;
  }

  #parse(at: number): { value: RespValue; end: number } | undefined {
    if (at >= this.#end) return undefined;
    const cr = this.#lineEnd(at + 1);
    if (cr === -1) return undefined;
    const afterLine = cr + 2;
    switch (this.#buffer[at]) {
      case 0x2b: // +
        return { value: decoder.decode(this.#buffer.subarray(at + 1, cr)), end: afterLine };
      case 0x2d: // -
        return {
          value: new RespError(decoder.decode(this.#buffer.subarray(at + 1, cr))),
          end: afterLine,
        };
      case 0x3a: // :
        return { value: this.#integer(at + 1, cr), end: afterLine };
      case 0x24: { // $
        const length = this.#integer(at + 1, cr);
        if (length < 0) return { value: null, end: afterLine };
        if (this.#end < afterLine + length + 2) return undefined;
        return {
          value: this.#buffer.subarray(afterLine, afterLine + length),
          end: afterLine + length + 2,
        };
      }
      case 0x2a: { // *
        const count = this.#integer(at + 1, cr);
        if (count < 0) return { value: null, end: afterLine };
        const items: RespValue[] = [];
        let end = afterLine;
        for (let i = 0; i < count; i++) {
          const item = this.#parse(end);
          if (!item) return undefined;
          items.push(item.value);
          end = item.end;
        }
        return { value: items, end };
      }
      default:
        throw new Error(`not a RESP reply (byte ${this.#buffer[at]})`);
    }
  }
}
