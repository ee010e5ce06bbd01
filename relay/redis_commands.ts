/**
 * The command connection of a cluster node: commands and Lua scripts on
 * Deno's own TCP, in place of an ioredis connection.
 *
 * Every bus frame a node publishes is a script call on it (one per
 * event-loop turn, relay/cluster_batch.ts), and the claims, leases, presence
 * and resume window share it, in the order the node sent them
 * (relay/cluster_batch.ts, "Order"). Under Deno, ioredis spent most of a
 * call's CPU in its own objects per command (pipeline, command, promise,
 * reply parser), in the garbage they leave and in a synchronous `send` per
 * write (docs/fleet_benchmarks.md). Here the commands of a turn are written
 * into one buffer (relay/resp.ts) and leave in one write at the end of the
 * turn; the replies are parsed in place and answer the commands in order.
 *
 * It keeps what the node relied on with ioredis: commands fail at once while
 * Redis is away (nothing is queued for later), a command cut off by a lost
 * connection fails and is never sent again (it may have run), a command
 * Redis leaves unanswered fails after `commandTimeout`, scripts are loaded on
 * each connection and go by EVALSHA (by EVAL should Redis forget them), and a script defined as
 * `name` is also `nameBuffer`, whose bulk replies come as Buffers.
 * relay/redis_socket.ts connects (`rediss://` too), authenticates, selects
 * the URL's database and reconnects.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import type { RedisConnection } from "./redis_connection.ts";
import { RedisSocket, type RedisSocketOptions } from "./redis_socket.ts";
import {
  type RespArgument,
  RespError,
  type RespReader,
  type RespValue,
  RespWriter,
} from "./resp.ts";

/** Settings of a {@linkcode RedisCommands} connection. */
export interface RedisCommandsOptions extends RedisSocketOptions {
  /** Milliseconds a command may wait for its reply before it fails; default 3000. */
  commandTimeout?: number;
}

/** A script argument as ioredis takes them. */
export type ScriptArgument = string | number | Uint8Array;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Bulk replies as Buffers (else as UTF-8 text). */
  buffers: boolean;
  /** For EVALSHA (its command, kept until answered): the script to EVAL instead on NOSCRIPT. */
  lua?: string;
  command?: RespArgument[];
  sentAt: number;
  /** Answered, failed or timed out: a late reply is dropped. */
  done: boolean;
}

const decoder = new TextDecoder();

/** The database of `redis://host:port/DB`, undefined without one; throws on another path. */
export function databaseOf(url: string): number | undefined {
  const path = new URL(url).pathname;
  if (path === "" || path === "/") return undefined;
  const match = /^\/(\d+)$/.exec(path);
  if (!match) throw new Error(`the Redis URL's path must be a database number, not "${path}"`);
  return Number(match[1]);
}

function converted(value: RespValue, buffers: boolean): unknown {
  if (value instanceof Uint8Array) return buffers ? Buffer.from(value) : decoder.decode(value);
  if (Array.isArray(value)) return value.map((item) => converted(item, buffers));
  return value;
}

/** A connection for commands and scripts: see the module documentation. */
export class RedisCommands extends RedisSocket implements RedisConnection {
  #timeoutMs: number;
  #database: number | undefined;
  #writer = new RespWriter();
  #writing = false;
  #flushQueued = false;
  /** Commands sent (or about to be), oldest first, from `#head`. */
  #pending: Pending[] = [];
  #head = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Every script defined, loaded into Redis on each connection before any call of them. */
  #scripts: string[] = [];

  /** A connection that connects on {@linkcode connect}. */
  constructor(options: RedisCommandsOptions) {
    super(options);
    this.#timeoutMs = options.commandTimeout ?? 3000;
    this.#database = databaseOf(options.url);
  }

  /** Sends a command; resolves with its reply (bulk strings as text, or Buffers with `buffers`). */
  command(args: readonly RespArgument[], buffers = false): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#send(args, { resolve, reject, buffers, sentAt: 0, done: false });
    });
  }

  /** PUBLISH. */
  publish(channel: string, message: Uint8Array): Promise<number> {
    return this.command(["PUBLISH", channel, message]) as Promise<number>;
  }

  /** PEXPIRE. */
  pexpire(key: string, milliseconds: number): Promise<number> {
    return this.command(["PEXPIRE", key, String(milliseconds)]) as Promise<number>;
  }

  /** HGETALL, as an object. */
  async hgetall(key: string): Promise<Record<string, string>> {
    const pairs = await this.command(["HGETALL", key]) as string[];
    const record: Record<string, string> = {};
    for (let i = 0; i + 1 < pairs.length; i += 2) record[pairs[i]] = pairs[i + 1];
    return record;
  }

  /** Not a pub/sub connection. */
  subscribe(): Promise<unknown> {
    return Promise.reject(new Error("the command connection does not subscribe"));
  }

  /**
   * Defines `name(...keys, ...args)` and `nameBuffer(…)` on this connection:
   * EVALSHA of `lua`, and EVAL when Redis does not have it.
   */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void {
    const sha = createHash("sha1").update(definition.lua).digest("hex");
    this.#scripts.push(definition.lua);
    if (this.conn) this.command(["SCRIPT", "LOAD", definition.lua]).catch(() => {});
    const keys = String(definition.numberOfKeys);
    const call = (buffers: boolean) => (...args: ScriptArgument[]): Promise<unknown> => {
      const command: RespArgument[] = ["EVALSHA", sha, keys];
      for (const arg of args) command.push(typeof arg === "number" ? String(arg) : arg);
      return new Promise((resolve, reject) => {
        this.#send(command, {
          resolve,
          reject,
          buffers,
          lua: definition.lua,
          sentAt: 0,
          done: false,
        });
      });
    };
    const self = this as unknown as Record<string, unknown>;
    self[name] = call(false);
    self[`${name}Buffer`] = call(true);
  }

  /** Says QUIT once every command sent before is answered, then closes. */
  async quit(): Promise<unknown> {
    if (this.status !== "ready") {
      this.disconnect();
      return "OK";
    }
    try {
      return await this.command(["QUIT"]);
    } finally {
      this.disconnect();
    }
  }

  /**
   * SELECT the URL's database, when it names one, and SCRIPT LOAD every script: a first EVALSHA
   * that met NOSCRIPT would run after calls sent behind it, once their EVAL loaded the script.
   */
  protected handshake(): RespArgument[][] {
    const select = this.#database === undefined ? [] : [["SELECT", String(this.#database)]];
    return [...select, ...this.#scripts.map((lua) => ["SCRIPT", "LOAD", lua])];
  }

  /** Answers the commands in order with the replies read. */
  protected async serve(conn: Deno.Conn, reader: RespReader): Promise<never> {
    this.#flush();
    while (true) {
      for (let value = reader.next(); value !== undefined; value = reader.next()) {
        this.#answer(value);
      }
      const n = await conn.read(reader.space(64 * 1024));
      if (n === null) throw new Error("Connection is closed.");
      reader.wrote(n);
    }
  }

  /** Fails every command waiting for a reply: the connection that carried it is gone. */
  protected override lost(error: Error): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writer.take();
    const pending = this.#pending.slice(this.#head);
    this.#pending = [];
    this.#head = 0;
    for (const entry of pending) this.#settle(entry, error);
  }

  #send(args: readonly RespArgument[], entry: Pending): void {
    if (!this.conn) {
      entry.reject(new Error("Redis is unreachable: the command was not sent"));
      return;
    }
    this.#writer.command(args);
    if (entry.lua !== undefined) entry.command = args as RespArgument[];
    entry.sentAt = performance.now();
    this.#pending.push(entry);
    this.#timer ??= setTimeout(() => this.#expire(), this.#timeoutMs);
    if (!this.#flushQueued) {
      this.#flushQueued = true;
      // Whatever else this turn sends goes into the same write.
      queueMicrotask(() => this.#flush());
    }
  }

  /** Writes what the writer holds, one write at a time, in order. */
  async #flush(): Promise<void> {
    this.#flushQueued = false;
    if (this.#writing) return;
    this.#writing = true;
    try {
      while (this.#writer.length > 0) {
        const conn = this.conn;
        if (!conn) return;
        let bytes = this.#writer.take();
        while (bytes.length > 0) bytes = bytes.subarray(await conn.write(bytes));
      }
    } catch {
      // The reader sees the connection fail too, and fails what waits.
    } finally {
      this.#writing = false;
    }
  }

  #answer(value: RespValue): void {
    // A reply with no command waiting (none is expected) must not shift the later ones.
    if (this.#head >= this.#pending.length) return;
    const entry = this.#pending[this.#head++];
    if (this.#head === this.#pending.length) {
      this.#pending = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#pending.length) {
      this.#pending = this.#pending.slice(this.#head);
      this.#head = 0;
    }
    if (entry.done) return;
    if (value instanceof RespError) {
      if (entry.lua !== undefined && entry.command && value.message.startsWith("NOSCRIPT")) {
        const command = entry.command;
        command[0] = "EVAL";
        command[1] = entry.lua;
        entry.lua = undefined;
        this.#send(command, entry);
        return;
      }
      return this.#settle(entry, new Error(value.message));
    }
    entry.done = true;
    entry.resolve(converted(value, entry.buffers));
  }

  #settle(entry: Pending, error: Error): void {
    if (entry.done) return;
    entry.done = true;
    entry.reject(error);
  }

  /** Fails the commands that waited longer than the timeout; looks again at the next one's. */
  #expire(): void {
    this.#timer = undefined;
    const now = performance.now();
    for (let i = this.#head; i < this.#pending.length; i++) {
      const entry = this.#pending[i];
      if (entry.done) continue;
      const left = entry.sentAt + this.#timeoutMs - now;
      if (left > 0) {
        this.#timer = setTimeout(() => this.#expire(), left);
        return;
      }
      this.#settle(entry, new Error("Command timed out"));
    }
  }
}
