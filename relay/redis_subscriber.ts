/**
 * The bus subscriber of a cluster node: a Redis connection in pub/sub mode
 * on Deno's own TCP, in place of an ioredis connection.
 *
 * Every client message of the cluster reaches every node through it, its own
 * included (Redis has no way to leave the publisher out), so it is the
 * hottest path of a node. Under Deno, ioredis' reader (node:net and its RESP
 * decoder) copied a message that spans several reads into a fresh buffer, at
 * about 120 µs of CPU per 64 KiB message. This reader grows one buffer,
 * parses pushes in place and hands the listener a view of the message: a
 * node's own frames are skipped without being copied at all.
 *
 * It speaks the little it needs (over TLS for `rediss://`): AUTH, CLIENT SETNAME and SUBSCRIBE, then
 * reads `message` pushes; it reconnects and subscribes again by itself, and
 * emits the events relay/cluster.ts and relay/cluster_bus.ts listen to on an ioredis connection
 * (`ready`, `close`, `end`, `error`, `messageBuffer`).
 *
 * @module
 */

import type { RedisConnection } from "./redis_connection.ts";

type Listener = (...args: never[]) => void;

/** Settings of a {@linkcode BusSubscriber}. */
export interface BusSubscriberOptions {
  /** `redis://[user:pass@]HOST:PORT[/DB]`. */
  url: string;
  /** Shown by `CLIENT LIST`. */
  connectionName: string;
  /** Milliseconds before the `times`-th attempt to reconnect. */
  retryStrategy: (times: number) => number;
  /** How long connecting, authenticating and subscribing may take; default 2000 ms. */
  connectTimeout?: number;
  /**
   * For `rediss://`: PEM certificates to trust besides Deno's (which honours `--cert` and
   * `DENO_CERT`).
   */
  caCerts?: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const CR = 13;

/** A RESP command as bytes. */
export function encodeCommand(args: string[]): Uint8Array {
  let text = `*${args.length}\r\n`;
  for (const arg of args) text += `$${encoder.encode(arg).length}\r\n${arg}\r\n`;
  return encoder.encode(text);
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

function text(value: RespValue): string {
  return value instanceof Uint8Array ? decoder.decode(value) : String(value);
}

const MESSAGE = encoder.encode("message");

/** Whether a RESP value is the bulk string `message` (the kind of a pub/sub push). */
function isMessageKind(value: RespValue): boolean {
  if (!(value instanceof Uint8Array) || value.length !== MESSAGE.length) return false;
  for (let i = 0; i < MESSAGE.length; i++) if (value[i] !== MESSAGE[i]) return false;
  return true;
}

/** A pub/sub connection that stays subscribed: see the module documentation. */
export class BusSubscriber implements RedisConnection {
  #options: BusSubscriberOptions;
  #status = "wait";
  #listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  #channels = new Set<string>();
  /** The socket of the current attempt or connection. */
  #conn: Deno.TcpConn | Deno.TlsConn | undefined;
  #attempts = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #ended = false;
  #waitingReady: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #confirming = new Map<string, (() => void)[]>();

  /** A subscriber that connects on {@linkcode connect}. */
  constructor(options: BusSubscriberOptions) {
    this.#options = options;
  }

  /** `wait`, `connecting`, `ready`, `reconnecting` or `end`, as ioredis says them. */
  get status(): string {
    return this.#status;
  }

  /** Listens to `ready`, `close`, `end`, `error` or `messageBuffer` (channel, message view). */
  on(event: string, listener: Listener): this {
    this.#add(event, listener, false);
    return this;
  }

  /** Listens to one event once. */
  once(event: string, listener: Listener): this {
    this.#add(event, listener, true);
    return this;
  }

  /** Connects; rejects when the first attempt fails (and goes on trying). */
  connect(): Promise<void> {
    if (this.#status !== "wait") return Promise.resolve();
    const ready = this.#whenReady();
    this.#attempt();
    return ready;
  }

  /**
   * Subscribes, and again on every reconnection; resolves once Redis confirmed
   * it (when not connected, once connected and subscribed).
   */
  subscribe(channel: string): Promise<unknown> {
    this.#channels.add(channel);
    if (this.#status !== "ready") return this.#whenReady();
    const confirmed = new Promise<void>((resolve) => {
      const list = this.#confirming.get(channel) ?? [];
      list.push(resolve);
      this.#confirming.set(channel, list);
    });
    this.#conn?.write(encodeCommand(["SUBSCRIBE", channel])).catch(() => {});
    return confirmed;
  }

  /** Closes for good. */
  quit(): Promise<unknown> {
    this.disconnect();
    return Promise.resolve("OK");
  }

  /** Closes for good, at once. */
  disconnect(): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#retry);
    const wasReady = this.#status === "ready";
    this.#close();
    this.#status = "end";
    this.#failWaiters(new Error("Connection is closed."));
    if (wasReady) this.#emit("close");
    this.#emit("end");
  }

  /** Not a command connection. */
  publish(): Promise<number> {
    return Promise.reject(new Error("the bus subscriber does not publish"));
  }

  /** Not a command connection. */
  defineCommand(): void {
    throw new Error("the bus subscriber runs no scripts");
  }

  /** Not a command connection. */
  pexpire(): Promise<number> {
    return Promise.reject(new Error("the bus subscriber runs no commands"));
  }

  /** Not a command connection. */
  hgetall(): Promise<Record<string, string>> {
    return Promise.reject(new Error("the bus subscriber runs no commands"));
  }

  #add(event: string, listener: Listener, once: boolean): void {
    const list = this.#listeners.get(event) ?? [];
    list.push({ listener, once });
    this.#listeners.set(event, list);
  }

  #emit(event: string, ...args: unknown[]): void {
    const list = this.#listeners.get(event);
    if (!list) return;
    for (const entry of [...list]) {
      if (entry.once) list.splice(list.indexOf(entry), 1);
      (entry.listener as (...args: unknown[]) => void)(...args);
    }
  }

  #whenReady(): Promise<void> {
    return new Promise((resolve, reject) => this.#waitingReady.push({ resolve, reject }));
  }

  #failWaiters(error: Error): void {
    for (const waiter of this.#waitingReady.splice(0)) waiter.reject(error);
  }

  #close(): void {
    const conn = this.#conn;
    this.#conn = undefined;
    try {
      conn?.close();
    } catch {
      // already closed
    }
  }

  async #attempt(): Promise<void> {
    if (this.#ended) return;
    this.#status = this.#attempts === 0 ? "connecting" : "reconnecting";
    const url = new URL(this.#options.url);
    // Connecting, authenticating and subscribing must all be done by then.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.#close(); // a pending read or write fails with it
    }, this.#options.connectTimeout ?? 2000);
    try {
      const address = {
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: Number(url.port || 6379),
      };
      const conn: Deno.TcpConn | Deno.TlsConn = url.protocol === "rediss:"
        ? await Deno.connectTls({ ...address, caCerts: this.#options.caCerts })
        : await Deno.connect(address);
      if (timedOut || this.#ended) {
        conn.close();
        throw new Error(timedOut ? "connect ETIMEDOUT" : "closed while connecting");
      }
      this.#conn = conn;
      if ("setNoDelay" in conn) conn.setNoDelay(true);
      const reader = new RespReader();
      const handshake: string[][] = [];
      const password = decodeURIComponent(url.password);
      if (password) {
        const user = decodeURIComponent(url.username);
        handshake.push(user ? ["AUTH", user, password] : ["AUTH", password]);
      }
      handshake.push(["CLIENT", "SETNAME", this.#options.connectionName]);
      for (const channel of this.#channels) handshake.push(["SUBSCRIBE", channel]);
      for (const command of handshake) await conn.write(encodeCommand(command));
      for (const command of handshake) {
        let reply = reader.next();
        while (reply === undefined) {
          const n = await conn.read(reader.space(64 * 1024));
          if (n === null) throw new Error("Connection is closed.");
          reader.wrote(n);
          reply = reader.next();
        }
        if (reply instanceof RespError) throw reply;
        if (command[0] === "SUBSCRIBE" && !Array.isArray(reply)) {
          throw new Error(`unexpected reply to SUBSCRIBE: ${text(reply)}`);
        }
      }
      clearTimeout(timer);
      this.#attempts = 0;
      this.#status = "ready";
      for (const waiter of this.#waitingReady.splice(0)) waiter.resolve();
      this.#emit("ready");
      await this.#readPushes(conn, reader);
    } catch (error) {
      clearTimeout(timer);
      if (this.#ended) return;
      const wasReady = this.#status === "ready";
      this.#close();
      const failure = timedOut ? new Error("connect ETIMEDOUT") : error as Error;
      this.#emit("error", failure instanceof Error ? failure : new Error(String(failure)));
      if (wasReady) this.#emit("close");
      if (this.#attempts === 0 && !wasReady) this.#failWaiters(failure);
      this.#status = "reconnecting";
      this.#retry = setTimeout(
        () => this.#attempt(),
        this.#options.retryStrategy(++this.#attempts),
      );
    }
  }

  async #readPushes(conn: Deno.Conn, reader: RespReader): Promise<never> {
    while (true) {
      let value = reader.next();
      while (value !== undefined) {
        if (Array.isArray(value) && value.length === 3) {
          if (isMessageKind(value[0])) {
            this.#emit("messageBuffer", value[1], value[2]);
          } else if (text(value[0]) === "subscribe") {
            const channel = text(value[1]);
            for (const resolve of this.#confirming.get(channel) ?? []) resolve();
            this.#confirming.delete(channel);
          }
        }
        value = reader.next();
      }
      const n = await conn.read(reader.space(64 * 1024));
      if (n === null) throw new Error("Connection is closed.");
      reader.wrote(n);
    }
  }
}
