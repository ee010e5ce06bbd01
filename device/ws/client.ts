/**
 * A WebSocket client for Espruino that keeps its link up whatever the network
 * does: `ws://` over `require("net")`, `wss://` over `require("tls")`.
 *
 * One connection at a time goes through these states:
 *
 * ```
 * waiting ──timer──▶ connecting ──connect──▶ handshake ──101 + Accept──▶ open
 *    ▲                   │                      │                      │
 *    │                   ▼                      ▼                      ▼
 *    └──── backoff ◀── lost (throw, timeout, refusal, close, dead link, protocol error)
 * ```
 *
 * Every failure, including the synchronous throw of Espruino's `connect` for a
 * refused connection or an unknown host, ends in the same place: report it,
 * wait a jittered, growing delay, try again. Only {@linkcode WebSocketClient.close}
 * stops it. Whatever the application sends goes through a bounded outbox and
 * is written one message at a time, so messages sent while the link is down
 * go out in order after the next handshake; a message whose sending was cut
 * off is sent again in full.
 *
 * Every entry point from Espruino (socket events, timers) is guarded: an
 * exception inside the client costs the link, which is then rebuilt, never
 * the firmware's event loop. Exceptions from the application's own handlers
 * are reported through the `error` event.
 *
 * Uses Espruino globals: only the device bundle can run it.
 *
 * @example
 * ```ts
 * import { createWebSocketClient } from "./client.ts";
 * const ws = createWebSocketClient({ url: "ws://192.168.1.10:8000/board-1", token: "s3cret" });
 * ws.on("open", () => ws.send("hello"));
 * ws.on("message", (data, binary) => console.log(binary ? "binary" : "text", data));
 * ws.on("error", (error) => console.log("ws:", error.message, error.status));
 * ```
 * @module
 */

import { backoffDelay } from "./backoff.ts";
import { createEntropyPool, digest } from "./entropy.ts";
import { createFrameParser, FRAME_ERROR, type FrameParser } from "./frame_parser.ts";
import { createFrameWriter, type FrameWriter } from "./frame_writer.ts";
import { acceptFor, handshakeRequest, readHandshake } from "./handshake.ts";
import { Outbox, type OutboxMessage } from "./outbox.ts";
import {
  chars,
  CLOSE_ABNORMAL,
  CLOSE_NO_STATUS,
  CLOSE_NORMAL,
  OP_BINARY,
  OP_CLOSE,
  OP_PING,
  OP_PONG,
  OP_TEXT,
  wordAt,
} from "./protocol.ts";
import { parseWsUrl } from "./url.ts";

/** Settings of {@linkcode createWebSocketClient}; only `url` is required. */
export interface WebSocketClientOptions {
  /** `ws://host[:port]/path` or `wss://…` (wss encrypts but does not authenticate the server). */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Subprotocols to offer, most wanted first. */
  protocols?: string[];
  /** More request headers for the handshake. */
  headers?: { [name: string]: string };
  /** Longest wait for the TCP (and TLS) connection, ms (default 10000). */
  connectTimeoutMs?: number;
  /** Longest wait for the 101 response once connected, ms (default 10000). */
  handshakeTimeoutMs?: number;
  /** Ping the server after this long without receiving anything, ms (default 10000). */
  pingIntervalMs?: number;
  /** The link is dead when nothing arrives this long after a ping, ms (default 10000). */
  pongTimeoutMs?: number;
  /** Longest wait for the closing handshake to finish, ms (default 2000). */
  closeTimeoutMs?: number;
  /** Shortest wait before reconnecting, ms (default 1000). */
  minBackoffMs?: number;
  /** Longest wait before reconnecting, ms (default 30000). */
  maxBackoffMs?: number;
  /** A connection that stayed open this long resets the backoff, ms (default 10000). */
  stableMs?: number;
  /** Largest message accepted; a bigger one closes the link with 1009 (default 16384 bytes). */
  maxMessageBytes?: number;
  /** Most messages the outbox holds (default 32). */
  outboxMessages?: number;
  /** Most payload bytes the outbox holds (default 8192). */
  outboxBytes?: number;
  /** Largest single socket write, bytes (default 512). */
  writeBytes?: number;
  /** An unconnected analog pin whose noise seeds the entropy pool. */
  noisePin?: Pin;
}

/** An error reported by the `error` event. */
export interface WebSocketClientError extends Error {
  /** HTTP status when the server refused the handshake (409, 401, 503…). */
  status?: number;
}

/** The events and their handlers. */
export interface WebSocketClientEvents {
  /** The handshake succeeded; `protocol` is the subprotocol chosen ("" for none). */
  open: (protocol: string) => void;
  /** A complete message: text as UTF-8 bytes in a binary string, or binary bytes. */
  message: (data: string, binary: boolean) => void;
  /** An open connection ended: the server's close code (1006 when the link just died). */
  close: (code: number, reason: string) => void;
  /** Something failed; the client reconnects by itself unless it was closed. */
  error: (error: WebSocketClientError) => void;
}

/** Counters for status reports; they only grow. */
export interface WebSocketClientCounters {
  /** Handshakes that succeeded. */
  connects: number;
  /** Handshakes that succeeded after the first. */
  reconnects: number;
  /** Open connections lost without {@linkcode WebSocketClient.close}. */
  drops: number;
  /** Attempts that never opened (refused, unreachable, timed out, handshake refused). */
  failures: number;
  /** Bytes received on the socket, handshake and framing included. */
  bytesIn: number;
  /** Bytes written to the socket, handshake and framing included. */
  bytesOut: number;
  /** Messages dropped from a full outbox, refused as too big, or discarded by close(). */
  outboxDrops: number;
}

/** Where the client is: see the diagram in the module documentation. */
export type WebSocketClientState = "waiting" | "connecting" | "open" | "closing" | "closed";

/** A running client. */
export interface WebSocketClient {
  /** Adds a handler; returns the client. */
  on<K extends keyof WebSocketClientEvents>(
    event: K,
    handler: WebSocketClientEvents[K],
  ): WebSocketClient;
  /**
   * Queues a message: a string is sent as text (UTF-8 bytes expected) unless `binary` is true;
   * a Uint8Array or ArrayBuffer as binary. Returns false if it was refused (too big for the
   * outbox, or the client is closed).
   */
  send(data: string | Uint8Array | ArrayBuffer, binary?: boolean): boolean;
  /** Closes for good (default code 1000): no reconnection, queued messages are discarded. */
  close(code?: number, reason?: string): void;
  /** While waiting for the next attempt, attempts at once (say, when Wi-Fi is back). */
  reconnect(): void;
  /**
   * Closes an open connection with 1000 and opens a new one at once, keeping the outbox:
   * a deliberate re-handshake, not counted as a drop.
   */
  rehandshake(): void;
  /** The current state. */
  state(): WebSocketClientState;
  /** Messages waiting in the outbox. */
  queued(): number;
  /** Live counters. */
  readonly counters: WebSocketClientCounters;
}

// Connection states, in order: comparisons like `state >= OPEN` rely on it.
const WAITING = 0;
const CONNECTING = 1;
const HANDSHAKE = 2;
const OPEN = 3;
const CLOSING = 4;

type Handler = (a?: unknown, b?: unknown) => void;

/** The socket events the client listens to, with `this` the socket (as Espruino calls them). */
type SocketHandler<T = void> = (this: Socket, arg: T) => void;

// The bytes of an application's string. On Unicode builds a string with non-ASCII characters is
// UTF-8 flagged: its length and charCodeAt count characters, and joining it to binary strings
// re-encodes their bytes over 127. Elsewhere strings are bytes already and E.fromUTF8 returns
// undefined (or is missing from builds made to save flash).
const bytesOf = (s: string) => (E.fromUTF8 && E.fromUTF8(s)) || s;

const messageOf = (error: unknown) => (error ? (error as Error).message : "") || String(error);

const or = (value: number | undefined, fallback: number) => value === undefined ? fallback : value;

/**
 * Creates a client and starts connecting from a timer, so the caller is never
 * blocked. Throws only if `options.url` is not a ws:// or wss:// URL.
 */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketClient {
  // On Espruino every function alive costs the board about six variables, so the client is a
  // fixed set of functions made once: one timer callback that acts by state, socket handlers that
  // tell the current socket by `this`, one handler for everything the parser reads.
  const target = parseWsUrl(options.url);
  const where = target.hostname + ":" + target.port;
  const connectTimeout = or(options.connectTimeoutMs, 10000);
  const handshakeTimeout = or(options.handshakeTimeoutMs, 10000);
  const pingInterval = or(options.pingIntervalMs, 10000);
  const pongTimeout = or(options.pongTimeoutMs, 10000);
  const closeTimeout = or(options.closeTimeoutMs, 2000);
  const stableMs = or(options.stableMs, 10000);
  const minBackoff = or(options.minBackoffMs, 1000);
  const maxBackoff = or(options.maxBackoffMs, 30000);
  const maxMessageBytes = or(options.maxMessageBytes, 16384);
  const writeBytes = or(options.writeBytes, 512);
  const entropy = createEntropyPool(options.noisePin);
  const outbox = new Outbox({
    messageLimit: or(options.outboxMessages, 32),
    byteLimit: or(options.outboxBytes, 8192),
  });
  const handlers: { [event: string]: Handler[] } = {};
  const counters: WebSocketClientCounters = {
    connects: 0,
    reconnects: 0,
    drops: 0,
    failures: 0,
    bytesIn: 0,
    bytesOut: 0,
    outboxDrops: 0,
  };

  let state = WAITING;
  // Set by close(): no more attempts.
  let stopped = false;
  // Set by rehandshake(): the next attempt follows the close at once.
  let again = false;
  // Attempts since the last connection that stayed up: the backoff grows with them.
  let attempts = 0;
  let socket: Socket | undefined;
  // The one timer: retry, connect, handshake, heartbeat or close timeout, by state.
  let timer: unknown;
  // The handshake: the accept value expected, and the response received so far.
  let accept = "";
  let head = "";
  let parser: FrameParser | undefined;
  let writer: FrameWriter | undefined;
  // The message being written; put back in the outbox if the link dies first.
  let inflight: OutboxMessage | undefined;
  let lastReceived = 0;
  let pingSent = false;
  let openedAt = 0;
  let closeCode = CLOSE_ABNORMAL;
  let closeReason = "";
  let warned = false;

  const emit = (event: string, a?: unknown, b?: unknown) => {
    const list = handlers[event];
    if (!list && event === "error") console.log("WS: " + (a as Error).message);
    for (let i = 0; list && i < list.length; i++) {
      try {
        list[i](a, b);
      } catch (e) {
        if (event === "error") console.log("WS: error handler threw " + messageOf(e));
        else emit("error", e);
      }
    }
  };

  const report = (message: string, status?: number) => {
    const error: WebSocketClientError = new Error(message);
    if (status) error.status = status;
    emit("error", error);
  };

  // Runs client code called from Espruino (socket events, timers) or from the application: an
  // exception in it costs the link, which is rebuilt, and never reaches the caller.
  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      try {
        lose("internal: " + messageOf(e));
      } catch (_) {
        // Nothing more can be done safely here; the next timer or event recovers.
      }
    }
  };

  // Sets the one timer to fire in `ms` (none when undefined); onTimer acts by the state then.
  const arm = (ms?: number) => {
    // clearTimeout(undefined) throws on Espruino, and clearTimeout() clears every timer.
    if (timer !== undefined) clearTimeout(timer);
    timer = ms === undefined ? undefined : setTimeout(onTimer, ms);
  };

  const write = (data: string) => {
    counters.bytesOut += data.length;
    socket!.write(data);
  };

  // Ends the current link in any state, schedules the next attempt unless stopped, then reports.
  const lose = (why: string, status?: number) => {
    const opened = state >= OPEN;
    const s = socket;
    socket = writer = undefined;
    if (parser) parser.stop();
    parser = undefined;
    // A message cut off goes back to the front of the outbox, unless close() discarded the rest.
    if (inflight) {
      if (stopped) outbox.dropped++;
      else outbox.put(inflight, true);
    }
    inflight = undefined;
    head = "";
    counters.outboxDrops = outbox.dropped;
    if (s) {
      try {
        s.end();
      } catch (_) {
        // Already closed by the peer.
      }
    }
    if (opened && !stopped && !again) counters.drops++;
    if (why && !opened) counters.failures++;
    if (opened && Date.now() - openedAt >= stableMs) attempts = 0;
    state = WAITING;
    arm(
      stopped ? undefined : again ? 0 : backoffDelay({
        attempt: attempts++,
        minMs: minBackoff,
        maxMs: maxBackoff,
        random: () => wordAt(entropy(2), 0) / 65536,
      }),
    );
    again = false;
    // Handlers run last: they may call close() or reconnect(), which must see the new state.
    if (why) report(why, status);
    if (opened) emit("close", closeCode, closeReason);
  };

  // Starts the closing handshake; the server answers with close and ends the TCP connection.
  // A control frame carries at most 125 bytes: 2 for the code, 123 for the reason.
  const shut = (code: number, reason: string) => {
    state = CLOSING;
    closeCode = code;
    closeReason = reason;
    writer!.send(
      OP_CLOSE,
      code === CLOSE_NO_STATUS
        ? ""
        : chars(code >> 8, code & 0xff) + bytesOf(reason).substr(0, 123),
    );
    arm(closeTimeout);
  };

  // Connecting and the handshake time out; an open link is pinged after pingInterval without
  // traffic, and is dead when the ping is still unanswered pongTimeout later (see alive()).
  const onTimer = () => {
    timer = undefined;
    safely(() => {
      const idle = Date.now() - lastReceived;
      if (state === WAITING) attempt();
      else if (state !== OPEN) {
        lose(
          state === CONNECTING
            ? "connect to " + where + " timed out"
            : state === HANDSHAKE
            ? "WebSocket handshake with " + where + " timed out"
            : "",
        );
      } else if (pingSent) lose("connection to " + where + " lost: no answer to ping");
      else if (idle < pingInterval) arm(pingInterval - idle);
      else {
        pingSent = true;
        writer!.send(OP_PING, "");
        arm(pongTimeout);
      }
    });
  };

  // Writes the next message of the outbox once the one before it is written.
  const pump = () => {
    const next = state === OPEN && !inflight && writer && outbox.take();
    if (next) writer!.send((inflight = next).opcode, next.data, sent);
  };
  // (A writer calls `done` only right after writing to its socket, so always the current one.)
  const sent = () => {
    inflight = undefined;
    pump();
  };

  // The link moved: something arrived, or the socket flushed a piece of a message. A long message
  // being written holds back our ping, so its drains must count as life too.
  const alive = () => {
    lastReceived = Date.now();
    if (pingSent && state === OPEN) {
      pingSent = false;
      arm(pingInterval);
    }
  };

  const onFrame = (kind: number, data: string, code: number) => {
    if (kind === OP_PING) writer!.send(OP_PONG, data);
    else if (kind === OP_CLOSE) {
      if (state === CLOSING) {
        closeCode = code;
        closeReason = data;
        lose("");
      } else {
        // Echo the code, then let the server end the TCP connection (RFC 6455 section 7.1.1).
        shut(code, "");
        closeReason = data;
      }
    } else if (kind === FRAME_ERROR) {
      shut(code, data);
      report("protocol error: " + data);
    } else if (kind !== OP_PONG) emit("message", data, kind === OP_BINARY);
  };

  const opened = (protocol: string, rest: string) => {
    state = OPEN;
    head = "";
    openedAt = lastReceived;
    pingSent = false;
    closeCode = CLOSE_ABNORMAL;
    closeReason = "";
    counters.connects++;
    if (counters.connects > 1) counters.reconnects++;
    writer = createFrameWriter({ write, randomBytes: entropy, pieceBytes: writeBytes });
    const p = parser = createFrameParser(maxMessageBytes, onFrame);
    arm(pingInterval);
    emit("open", protocol);
    pump();
    if (parser === p) p.push(rest);
  };

  const onConnect: SocketHandler = function () {
    safely(() => {
      if (socket === this) {
        state = HANDSHAKE;
        const key = btoa(entropy(16));
        accept = acceptFor(key, (data) => digest("SHA1", data));
        arm(handshakeTimeout);
        // Host, port and path from the URL; token, protocols and headers from the options.
        write(handshakeRequest(Object.assign({ key }, options, target)));
      }
    });
  };

  const onData: SocketHandler<string> = function (data) {
    safely(() => {
      if (socket === this) {
        counters.bytesIn += data.length;
        alive();
        if (parser) parser.push(data);
        else {
          const result = readHandshake(head += data, { accept, protocols: options.protocols });
          if (result && result.ok) opened(result.protocol, result.rest);
          else if (result) {
            lose("handshake failed: " + result.status + " " + result.reason, result.status);
          }
        }
      }
    });
  };

  const onDrain: SocketHandler = function () {
    safely(() => {
      if (socket === this && writer) {
        // Only while a message is being written: the flush of a lone ping proves nothing, but
        // a dead link stops the drains of a long message once the socket's buffer is full.
        if (inflight) alive();
        writer.drained();
      }
    });
  };

  // The end of a socket is handled from a timer, outside the event: a failed TLS handshake raises
  // its exception ("mbedtls_ssl_handshake returned …") around these events, and any try/catch run
  // meanwhile would take that exception's value, leaving Espruino to report "Uncaught undefined".
  // So nothing in the events may run a try. Why it ended is said for the state it ended in: before
  // anything was received a secure link failed its TLS handshake (or the server would not talk),
  // a plain one was closed by the server; an open one was lost.
  const ended = (s: Socket, detail: string) =>
    setTimeout(() =>
      safely(() => {
        if (socket === s) {
          lose(
            state === CLOSING
              ? ""
              : state === OPEN
              ? "connection to " + where + " lost: " + detail
              : (target.secure && !head ? "TLS" : "WebSocket") + " handshake with " + where +
                " failed: " + detail,
          );
        }
      }), 0);

  const onError: SocketHandler<{ code?: number; message?: string }> = function (error) {
    // -30848 is how a TLS peer's normal shutdown shows up; the close event follows.
    if (error.code !== -30848) {
      ended(this, "socket error " + (error.message || "") + " (" + error.code + ")");
    }
  };

  const onClose: SocketHandler = function () {
    ended(this, "closed by the server");
  };

  const attempt = () => {
    state = CONNECTING;
    head = "";
    if (target.secure && !warned) {
      warned = true;
      console.log("WS: wss server certificate NOT verified");
    }
    arm(connectTimeout);
    try {
      // Refused connections and unknown hosts throw here, synchronously, on Espruino.
      const s = socket = (target.secure ? require("tls") : require("net")).connect(
        { host: target.hostname, port: target.port },
        onConnect,
      ) as Socket & { on(event: string, handler: unknown): void };
      s.on("data", onData);
      s.on("drain", onDrain);
      s.on("error", onError);
      s.on("close", onClose);
    } catch (e) {
      lose("connect to " + where + " failed: " + messageOf(e));
    }
  };

  const client: WebSocketClient = {
    on(event, handler) {
      (handlers[event] || (handlers[event] = [])).push(handler as Handler);
      return client;
    },
    send(data, binary) {
      let opcode = binary ? OP_BINARY : OP_TEXT;
      if (typeof data === "string") data = bytesOf(data);
      else {
        data = E.toString(data);
        opcode = OP_BINARY;
      }
      const ok = !stopped && outbox.put({ data, opcode });
      counters.outboxDrops = outbox.dropped;
      safely(pump);
      return ok;
    },
    close(code, reason) {
      if (!stopped) {
        stopped = true;
        outbox.discard();
        counters.outboxDrops = outbox.dropped;
        safely(() => {
          if (state === OPEN) shut(code || CLOSE_NORMAL, reason || "");
          else if (state !== CLOSING) lose("");
        });
      }
    },
    rehandshake() {
      if (!stopped && state === OPEN) {
        again = true;
        safely(() => shut(CLOSE_NORMAL, "re-handshake"));
      }
    },
    reconnect() {
      if (!stopped && state === WAITING) {
        attempts = 0;
        arm(0);
      }
    },
    state: () =>
      (state || !stopped
        ? "waiting connecting connecting open closing".split(" ")[state]
        : "closed") as WebSocketClientState,
    queued: () => outbox.messages.length,
    counters,
  };
  arm(0);
  return client;
}
