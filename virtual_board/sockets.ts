/**
 * `require("net")` and `require("tls")` of the virtual board, over real sockets owned by a
 * worker (see `net_worker.ts`), with Espruino's behaviour: `connect` blocks and throws
 * "Unable to create socket" / "Unable to locate host" synchronously, data arrives as binary
 * strings in chunks of at most 536 bytes, events come in Espruino's order (`connect`, `drain`,
 * `data`…, then `error` if any, `end`, `close`), and TLS never checks the certificate.
 *
 * @module
 */

import { isIP } from "node:net";
import type { EventRegistry, Listener } from "./events.ts";
import { type CloseCause, ConnectStatus, type FromWorker, type ToWorker } from "./net_protocol.ts";
import type { Realm } from "./realm.ts";
import { binaryToBytes, bytesToBinary } from "./realm.ts";

/** mbedTLS' MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY: how a TLS peer's normal close shows up. */
export const TLS_PEER_CLOSED: number = -30848;
/** Espruino's SOCKET_ERR_SSL_HAND (TLS handshake failed). */
const TLS_HANDSHAKE_FAILED = -13;
/** Espruino's SOCKET_ERR_UNKNOWN. */
const UNKNOWN_ERROR = -10;

/** Network faults a test can inject; shared by every boot of a board. */
export interface NetFaults {
  /** `connect` throws "Unable to create socket" without trying. */
  unreachable: boolean;
  /** `connect` throws "Unable to locate host" without trying. */
  unknownHost: boolean;
  /** The next `connect` blocks the JavaScript thread this long first (ms). */
  blockNextConnectMs: number;
  /** Open sockets deliver nothing either way (no close, no error) until cleared. */
  stalled: boolean;
  /** Delay before each delivered data chunk (ms). */
  slowMs: number;
}

/** The worker that owns the real sockets; one per board, kept across reboots. */
export class NetWorker {
  #worker: Worker;
  #handlers = new Map<number, (message: FromWorker) => void>();
  #nextId = 1;
  #live = new Set<number>();

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the worker and waits until it is ready. */
  static async start(): Promise<NetWorker> {
    const worker = new Worker(new URL("./net_worker.ts", import.meta.url), { type: "module" });
    const net = new NetWorker(worker);
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (event.data.ev === "ready") resolve();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`virtual board socket worker failed: ${event.message}`));
      };
    });
    worker.onmessage = (event: MessageEvent<FromWorker>) => net.#dispatch(event.data);
    return net;
  }

  #dispatch(message: FromWorker): void {
    if (message.ev === "ready") return;
    if (message.ev === "closed") this.#live.delete(message.id);
    this.#handlers.get(message.id)?.(message);
  }

  /**
   * Connects, blocking the calling thread like Espruino's `connect` until TCP is connected
   * (the TLS handshake continues in the background).
   */
  connect(
    options: { host: string; port: number; tls: boolean; timeoutMs: number },
    handler: (message: FromWorker) => void,
  ): { id: number; status: ConnectStatus } {
    const id = this.#nextId++;
    const status = new Int32Array(new SharedArrayBuffer(4));
    this.#handlers.set(id, handler);
    this.#worker.postMessage({ op: "connect", id, ...options, status: status.buffer } as ToWorker);
    const deadline = performance.now() + options.timeoutMs + 1000;
    while (Atomics.load(status, 0) === ConnectStatus.Pending) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      Atomics.wait(status, 0, ConnectStatus.Pending, left);
    }
    const result = Atomics.load(status, 0) as ConnectStatus;
    if (result === ConnectStatus.Connected) this.#live.add(id);
    else {
      this.#handlers.delete(id);
      this.#worker.postMessage({ op: "destroy", id } satisfies ToWorker);
    }
    return { id, status: result === ConnectStatus.Pending ? ConnectStatus.Timeout : result };
  }

  /** Sends an operation on a connection. */
  send(message: ToWorker): void {
    this.#worker.postMessage(
      message,
      message.op === "write" ? [message.bytes.buffer as ArrayBuffer] : [],
    );
  }

  /**
   * Stops listening to a connection but leaves it open, like a board that lost power or
   * network: the peer is not told. It is closed when the peer closes it, or at {@linkcode stop}.
   */
  abandon(id: number): void {
    this.#handlers.delete(id);
  }

  /** Closes a connection at once and forgets it. */
  destroy(id: number): void {
    this.#handlers.delete(id);
    this.#live.delete(id);
    this.send({ op: "destroy", id });
  }

  /** Closes every connection and ends the worker. */
  stop(): void {
    for (const id of this.#live) this.send({ op: "destroy", id });
    this.#live.clear();
    this.#handlers.clear();
    this.#worker.terminate();
  }
}

/** What the sockets of one boot need from the board. */
export interface NetHooks {
  /** The boot's context. */
  realm: Realm;
  /** Listener lists of the boot. */
  events: EventRegistry;
  /** The board's socket worker. */
  worker: NetWorker;
  /** Injected faults (shared by every boot). */
  faults: NetFaults;
  /** Calls firmware code, reporting what it throws as uncaught. */
  invoke(fn: Listener, thisArg: unknown, args: unknown[]): void;
  /** Wi-Fi (or another link) is up. */
  networkUp(): boolean;
  /** Blocks the thread for `ms`. */
  wait(ms: number): void;
  /** Prints a line on the board's console. */
  print(line: string): void;
  /** Bytes that may still be queued for sending before the board runs out of memory. */
  sendBufferLimit(): number;
  /** Raises an `E.on('errorFlag')` flag. */
  errorFlag(flag: string): void;
  /** Longest a connect may block, in ms. */
  connectTimeoutMs: number;
}

type SocketEvent =
  | { type: "connect" }
  | { type: "drain" }
  | { type: "data"; data: string; delayed?: boolean }
  | { type: "error"; code: number; message: string }
  | { type: "end" }
  | { type: "close"; hadError: boolean };

interface Connection {
  id: number;
  socket: Record<string, unknown>;
  tls: boolean;
  /** The firmware called `end()`. */
  ending: boolean;
  /** `close` was delivered (or the network died under it). */
  closed: boolean;
  /** The link is gone: nothing reaches the peer, nothing comes back. */
  dead: boolean;
  hasCallback: boolean;
  queue: SocketEvent[];
  pumpTimer?: ReturnType<typeof setTimeout>;
  /** Operations held while the network is stalled. */
  outbox: ToWorker[];
  /** Data received while there was no `data` listener. */
  buffer: string;
  /** Bytes written but not yet flushed to the network. */
  unsent: number;
}

/** The `net`/`tls` modules and open sockets of one boot. */
export class NetSession {
  #hooks: NetHooks;
  #connections = new Map<number, Connection>();
  #modules = new Map<string, object>();

  /** Sockets of a new boot, none open yet. */
  constructor(hooks: NetHooks) {
    this.#hooks = hooks;
  }

  /** Bytes written by the firmware and not yet flushed, over all sockets. */
  get unsentBytes(): number {
    let total = 0;
    for (const conn of this.#connections.values()) total += conn.unsent;
    return total;
  }

  /** The object `require("net")` or `require("tls")` returns. */
  module(kind: "net" | "tls"): object {
    let module = this.#modules.get(kind);
    if (!module) {
      module = this.#hooks.realm.object({
        connect: (options: unknown, callback?: unknown) =>
          this.#connect(kind === "tls", options, callback),
      });
      this.#modules.set(kind, module);
    }
    return module;
  }

  #parseOptions(options: unknown, tls: boolean): { host: string; port: number } {
    const realm = this.#hooks.realm;
    if (typeof options === "string") {
      // Espruino's url.parse: "proto://host:port/path".
      const match = /^(?:[a-z]+:\/\/)?([^/:]*)(?::(\d+))?/i.exec(options);
      options = { host: match?.[1] ?? "", port: match?.[2] ? Number(match[2]) : undefined };
    }
    if (typeof options !== "object" || options === null) {
      throw realm.error(`Expecting Options to be an Object but it was ${typeof options}`);
    }
    const { host, port } = options as { host?: unknown; port?: unknown };
    return {
      host: host === undefined ? "localhost" : String(host),
      port: Number(port) || (tls ? 443 : 80),
    };
  }

  #connect(tls: boolean, options: unknown, callback: unknown): object {
    const hooks = this.#hooks;
    const realm = hooks.realm;
    const { host, port } = this.#parseOptions(options, tls);
    if (callback !== undefined && typeof callback !== "function") {
      throw realm.error(`Expecting Callback Function but got ${typeof callback}`);
    }
    if (hooks.faults.blockNextConnectMs > 0) {
      const ms = hooks.faults.blockNextConnectMs;
      hooks.faults.blockNextConnectMs = 0;
      hooks.wait(ms);
    }
    const cannotLocate = () => realm.error("Unable to locate host", "InternalError");
    const cannotCreate = () => realm.error("Unable to create socket", "InternalError");
    if (!hooks.networkUp()) throw isIP(host) === 0 ? cannotLocate() : cannotCreate();
    if (hooks.faults.unknownHost) throw cannotLocate();
    if (hooks.faults.unreachable) throw cannotCreate();

    // Messages cannot arrive while connect blocks, but keep any until the socket exists.
    const created: { conn?: Connection } = {};
    const pending: FromWorker[] = [];
    const { id, status } = hooks.worker.connect(
      { host, port, tls, timeoutMs: hooks.connectTimeoutMs },
      (message) => created.conn ? this.#onWorker(created.conn, message) : pending.push(message),
    );
    if (status === ConnectStatus.UnknownHost) throw cannotLocate();
    if (status !== ConnectStatus.Connected) {
      // network_esp32.c reports connect()'s errno first (ECONNREFUSED, ETIMEDOUT).
      hooks.print(`ERROR: Connect failed (err ${status === ConnectStatus.Refused ? 111 : 110})`);
      throw cannotCreate();
    }

    const socket = realm.object({}) as Record<string, unknown>;
    const conn: Connection = {
      id,
      socket,
      tls,
      ending: false,
      closed: false,
      dead: false,
      hasCallback: typeof callback === "function",
      queue: [],
      outbox: [],
      buffer: "",
      unsent: 0,
    };
    created.conn = conn;
    this.#connections.set(id, conn);
    this.#installSocketMethods(conn);
    if (typeof callback === "function") hooks.events.on(socket, "connect", callback as Listener);
    if (!tls) this.#push(conn, { type: "connect" });
    for (const message of pending) this.#onWorker(conn, message);
    return socket;
  }

  #installSocketMethods(conn: Connection): void {
    const hooks = this.#hooks;
    const realm = hooks.realm;
    const socket = conn.socket;
    const inheritedOn = realm.intrinsics.Object.prototype as unknown as { on: Listener };
    Object.assign(socket, {
      on: (event: unknown, listener: unknown) => {
        if (event === "connect" && conn.hasCallback) {
          const message = "net/tls connect: a callback was passed to connect() AND " +
            ".on('connect') is used; the real Espruino interpreter crashes or hangs on this";
          hooks.print(`ERROR: ${message}`);
          throw realm.error(message);
        }
        inheritedOn.on.call(socket, event, listener);
        if (event === "data" && conn.buffer.length > 0) {
          // Espruino hands buffered data to a new data listener on the next idle turn.
          const data = conn.buffer;
          conn.buffer = "";
          hooks.events.emitQueued(socket, "data", [data]);
        }
      },
      write: (data: unknown) => {
        this.#write(conn, data);
        return false;
      },
      end: (data?: unknown) => {
        if (data !== undefined) this.#write(conn, data);
        this.#end(conn);
      },
      available: () => conn.buffer.length,
      read: (chars?: unknown) => {
        const n = typeof chars === "number" && chars > 0 ? chars : conn.buffer.length;
        const out = conn.buffer.slice(0, n);
        conn.buffer = conn.buffer.slice(n);
        return out;
      },
    });
  }

  #write(conn: Connection, data: unknown): void {
    const realm = this.#hooks.realm;
    if (conn.ending || conn.closed) throw realm.error("This socket is closed");
    if (data === undefined) return;
    // Strings go out byte for byte; anything else is sent as its text (E.toString converts).
    const text = typeof data === "string" ? data : String(data);
    const bytes = binaryToBytes(text);
    if (!bytes) {
      throw realm.error(
        "socket.write: the string holds a character above 255; Espruino sends binary " +
          "strings, so encode text as UTF-8 bytes first",
        "TypeError",
      );
    }
    if (bytes.length === 0 || conn.dead) return;
    if (conn.unsent + bytes.length > this.#hooks.sendBufferLimit()) {
      // On the device the string cannot grow: the data is silently lost.
      this.#hooks.errorFlag("LOW_MEMORY");
      return;
    }
    conn.unsent += bytes.length;
    this.#send(conn, { op: "write", id: conn.id, bytes });
  }

  #end(conn: Connection): void {
    if (conn.ending || conn.closed) return;
    conn.ending = true;
    if (conn.dead) {
      this.#push(conn, { type: "end" }, { type: "close", hadError: false });
      return;
    }
    this.#send(conn, { op: "end", id: conn.id });
  }

  #send(conn: Connection, message: ToWorker): void {
    if (this.#hooks.faults.stalled) conn.outbox.push(message);
    else this.#hooks.worker.send(message);
  }

  #onWorker(conn: Connection, message: FromWorker): void {
    if (conn.dead || conn.closed) return;
    switch (message.ev) {
      case "secure":
        this.#push(conn, { type: "connect" });
        return;
      case "data":
        this.#push(conn, { type: "data", data: bytesToBinary(message.bytes) });
        return;
      case "drained":
        conn.unsent = 0;
        // No drain once the firmware asked to close (it would invite more writes).
        if (!conn.ending) this.#push(conn, { type: "drain" });
        return;
      case "closed":
        this.#push(conn, ...closeEvents(message.cause, message.message, conn.tls));
        return;
    }
  }

  #push(conn: Connection, ...events: SocketEvent[]): void {
    conn.queue.push(...events);
    this.#schedule(conn, 0);
  }

  #schedule(conn: Connection, ms: number): void {
    if (conn.pumpTimer !== undefined) return;
    conn.pumpTimer = setTimeout(() => {
      conn.pumpTimer = undefined;
      this.#pump(conn);
    }, ms);
  }

  /** Delivers queued events: one data chunk per turn of the event loop, as on the device. */
  #pump(conn: Connection): void {
    const faults = this.#hooks.faults;
    while (conn.queue.length > 0 && !conn.closed) {
      if (faults.stalled) return;
      const event = conn.queue[0];
      if (event.type === "data" && faults.slowMs > 0 && !event.delayed) {
        event.delayed = true;
        this.#schedule(conn, faults.slowMs);
        return;
      }
      conn.queue.shift();
      this.#deliver(conn, event);
      if (event.type === "data" && conn.queue.length > 0) {
        this.#schedule(conn, 0);
        return;
      }
    }
  }

  #deliver(conn: Connection, event: SocketEvent): void {
    const { events, realm } = this.#hooks;
    const socket = conn.socket;
    switch (event.type) {
      case "connect":
        events.emitNow(socket, "connect", [socket]);
        // Espruino follows the connect with a drain when nothing written is still unsent.
        if (conn.unsent === 0 && !conn.ending && !conn.queue.some((e) => e.type === "drain")) {
          events.emitNow(socket, "drain", []);
        }
        return;
      case "data":
        if (events.listeners(socket, "data").length > 0) {
          events.emitNow(socket, "data", [event.data]);
        } else conn.buffer += event.data;
        return;
      case "error":
        events.emitNow(socket, "error", [
          realm.clone({ code: event.code, message: event.message }),
        ]);
        return;
      case "close":
        conn.closed = true;
        this.#connections.delete(conn.id);
        events.emitNow(socket, "close", [event.hadError]);
        return;
      default:
        events.emitNow(socket, event.type, []);
    }
  }

  /** The network went away: every socket goes silent; the peers are not told. */
  linkDown(): void {
    for (const conn of this.#connections.values()) {
      conn.dead = true;
      conn.outbox = [];
      this.#hooks.worker.abandon(conn.id);
    }
  }

  /** Sends what the stall held back and resumes delivery. */
  resume(): void {
    for (const conn of this.#connections.values()) {
      for (const message of conn.outbox) this.#hooks.worker.send(message);
      conn.outbox = [];
      this.#schedule(conn, 0);
    }
  }

  /** Resumes delivery after the slow-down changed. */
  reschedule(): void {
    for (const conn of this.#connections.values()) this.#schedule(conn, 0);
  }

  /**
   * Ends this boot's sockets without telling the firmware: `"close"` closes them (a soft
   * reset), `"abandon"` leaves the peers hanging (power loss, crash, hardware reset).
   */
  stop(mode: "close" | "abandon"): void {
    for (const conn of this.#connections.values()) {
      if (conn.pumpTimer !== undefined) clearTimeout(conn.pumpTimer);
      conn.closed = true;
      if (mode === "close" && !conn.dead) this.#hooks.worker.destroy(conn.id);
      else this.#hooks.worker.abandon(conn.id);
    }
    this.#connections.clear();
  }
}

/** Events for a closed connection, in the order Espruino's socket server queues them. */
function closeEvents(cause: CloseCause, message: string, tls: boolean): SocketEvent[] {
  switch (cause) {
    case "peer":
      return tls
        ? [
          { type: "error", code: TLS_PEER_CLOSED, message: "SSL peer closed the connection" },
          { type: "end" },
          { type: "close", hadError: true },
        ]
        : [{ type: "end" }, { type: "close", hadError: false }];
    case "handshake":
      return [
        { type: "error", code: TLS_HANDSHAKE_FAILED, message: `SSL handshake failed: ${message}` },
        { type: "end" },
        { type: "close", hadError: true },
      ];
    case "error":
      return [
        { type: "error", code: UNKNOWN_ERROR, message },
        { type: "end" },
        { type: "close", hadError: true },
      ];
    default: // "local" and "reset" (a reset gives no error event on Espruino)
      return [{ type: "end" }, { type: "close", hadError: false }];
  }
}
