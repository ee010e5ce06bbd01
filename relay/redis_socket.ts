/**
 * What a node's own Redis connections on Deno's TCP share
 * (relay/redis_subscriber.ts for the bus, relay/redis_commands.ts for
 * commands and scripts): connecting (over TLS for `rediss://`),
 * authenticating and naming the connection, reconnecting by itself with the
 * node's retry strategy, and the events relay/cluster.ts listens to on a
 * connection (`ready`, `close`, `end`, `error`), with the statuses ioredis
 * uses (`wait`, `connecting`, `ready`, `reconnecting`, `end`).
 *
 * @module
 */

import { type RespArgument, RespError, RespReader, type RespValue, RespWriter } from "./resp.ts";

/** A listener of a connection's events. */
export type Listener = (...args: never[]) => void;

/** Settings of a {@linkcode RedisSocket}. */
export interface RedisSocketOptions {
  /** `redis://[user:pass@]HOST:PORT[/DB]` or `rediss://…`. */
  url: string;
  /** Shown by `CLIENT LIST`. */
  connectionName: string;
  /** Milliseconds before the `times`-th attempt to reconnect. */
  retryStrategy: (times: number) => number;
  /** How long connecting and the handshake may take; default 2000 ms. */
  connectTimeout?: number;
  /**
   * For `rediss://`: PEM certificates to trust besides Deno's (which honours `--cert` and
   * `DENO_CERT`).
   */
  caCerts?: string[];
}

/**
 * A connection that connects, runs its handshake, then hands the socket to
 * {@linkcode RedisSocket.serve} until it fails, and starts again.
 */
export abstract class RedisSocket {
  #options: RedisSocketOptions;
  #status = "wait";
  #listeners = new Map<string, { listener: Listener; once: boolean }[]>();
  /** The socket of the current attempt or connection. */
  #conn: Deno.TcpConn | Deno.TlsConn | undefined;
  #attempts = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #ended = false;
  #waitingReady: { resolve: () => void; reject: (error: Error) => void }[] = [];

  /** A connection that connects on {@linkcode connect}. */
  constructor(options: RedisSocketOptions) {
    this.#options = options;
  }

  /** `wait`, `connecting`, `ready`, `reconnecting` or `end`, as ioredis says them. */
  get status(): string {
    return this.#status;
  }

  /** Listens to `ready`, `close`, `end`, `error` (and what a subclass emits). */
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
    const ready = this.whenReady();
    this.#attempt();
    return ready;
  }

  /** Closes for good, at once. */
  disconnect(): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#retry);
    const wasReady = this.#status === "ready";
    this.#close();
    this.#status = "end";
    const closed = new Error("Connection is closed.");
    this.#failWaiters(closed);
    this.lost(closed);
    if (wasReady) this.emit("close");
    this.emit("end");
  }

  /** The socket while connected. */
  protected get conn(): Deno.TcpConn | Deno.TlsConn | undefined {
    return this.#status === "ready" ? this.#conn : undefined;
  }

  /** The commands that follow AUTH on each new connection (CLIENT SETNAME comes first). */
  protected abstract handshake(): RespArgument[][];

  /** Throws when a handshake reply says the connection is not usable. */
  protected checkHandshake(_command: RespArgument[], _reply: RespValue): void {}

  /** Reads the connection until it fails. */
  protected abstract serve(conn: Deno.Conn, reader: RespReader): Promise<never>;

  /** The connection is gone (or closed for good): what waits on it fails with `error`. */
  protected lost(_error: Error): void {}

  /** Calls the event's listeners. */
  protected emit(event: string, ...args: unknown[]): void {
    const list = this.#listeners.get(event);
    if (!list) return;
    for (const entry of [...list]) {
      if (entry.once) list.splice(list.indexOf(entry), 1);
      (entry.listener as (...args: unknown[]) => void)(...args);
    }
  }

  /** Resolves once connected (and rejects when it closes for good, or the first attempt fails). */
  protected whenReady(): Promise<void> {
    return new Promise((resolve, reject) => this.#waitingReady.push({ resolve, reject }));
  }

  #add(event: string, listener: Listener, once: boolean): void {
    const list = this.#listeners.get(event) ?? [];
    list.push({ listener, once });
    this.#listeners.set(event, list);
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
    // Connecting and the handshake must both be done by then.
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
      const handshake: RespArgument[][] = [];
      const password = decodeURIComponent(url.password);
      if (password) {
        const user = decodeURIComponent(url.username);
        handshake.push(user ? ["AUTH", user, password] : ["AUTH", password]);
      }
      handshake.push(["CLIENT", "SETNAME", this.#options.connectionName], ...this.handshake());
      const writer = new RespWriter();
      for (const command of handshake) writer.command(command);
      for (let bytes = writer.take(); bytes.length > 0;) {
        bytes = bytes.subarray(await conn.write(bytes));
      }
      for (const command of handshake) {
        let reply = reader.next();
        while (reply === undefined) {
          const n = await conn.read(reader.space(64 * 1024));
          if (n === null) throw new Error("Connection is closed.");
          reader.wrote(n);
          reply = reader.next();
        }
        if (reply instanceof RespError) throw reply;
        this.checkHandshake(command, reply);
      }
      clearTimeout(timer);
      this.#attempts = 0;
      this.#status = "ready";
      for (const waiter of this.#waitingReady.splice(0)) waiter.resolve();
      this.emit("ready");
      await this.serve(conn, reader);
    } catch (error) {
      clearTimeout(timer);
      if (this.#ended) return;
      const wasReady = this.#status === "ready";
      this.#close();
      const failure = timedOut ? new Error("connect ETIMEDOUT") : error as Error;
      this.#status = "reconnecting";
      this.lost(new Error("Connection is closed."));
      this.emit("error", failure instanceof Error ? failure : new Error(String(failure)));
      if (wasReady) this.emit("close");
      if (this.#attempts === 0 && !wasReady) this.#failWaiters(failure);
      this.#retry = setTimeout(
        () => this.#attempt(),
        this.#options.retryStrategy(++this.#attempts),
      );
    }
  }
}
