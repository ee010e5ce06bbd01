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

import { createBackoff } from "./backoff.ts";
import { createEntropyPool, digest } from "./entropy.ts";
import { createFrameParser, type FrameParser } from "./frame_parser.ts";
import { createFrameWriter, type FrameWriter } from "./frame_writer.ts";
import {
  acceptFor,
  createHandshakeReader,
  type HandshakeReader,
  handshakeRequest,
  type HandshakeResult,
} from "./handshake.ts";
import { createOutbox, type OutboxMessage } from "./outbox.ts";
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

// The bytes of an application's string. On Unicode builds a string with non-ASCII characters is
// UTF-8 flagged: its length and charCodeAt count characters, and joining it to binary strings
// re-encodes their bytes over 127. Elsewhere strings are bytes already and E.fromUTF8 returns
// undefined (or is missing from builds made to save flash).
const bytesOf = (s: string) => (E.fromUTF8 && E.fromUTF8(s)) || s;

function messageOf(error: unknown): string {
  const message = error ? (error as Error).message : "";
  return message || String(error);
}

/**
 * Creates a client and starts connecting from a timer, so the caller is never
 * blocked. Throws only if `options.url` is not a ws:// or wss:// URL.
 */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketClient {
  const target = parseWsUrl(options.url);
  const num = (value: number | undefined, fallback: number) =>
    value === undefined ? fallback : value;
  const connectTimeout = num(options.connectTimeoutMs, 10000);
  const handshakeTimeout = num(options.handshakeTimeoutMs, 10000);
  const pingInterval = num(options.pingIntervalMs, 10000);
  const pongTimeout = num(options.pongTimeoutMs, 10000);
  const closeTimeout = num(options.closeTimeoutMs, 2000);
  const stableMs = num(options.stableMs, 10000);
  const maxMessageBytes = num(options.maxMessageBytes, 16384);
  const writeBytes = num(options.writeBytes, 512);

  const entropy = createEntropyPool(options);
  const backoff = createBackoff({
    minMs: num(options.minBackoffMs, 1000),
    maxMs: num(options.maxBackoffMs, 30000),
    random: entropy.random,
  });
  const outbox = createOutbox({
    maxMessages: num(options.outboxMessages, 32),
    maxBytes: num(options.outboxBytes, 8192),
  });
  const sha1 = (data: string) => digest("SHA1", data);
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
  let socket: Socket | undefined;
  // The one timer: retry, connect, handshake, heartbeat or close timeout, by state.
  let timer: unknown;
  let reader: HandshakeReader | undefined;
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
  // Bytes received on the current socket.
  let received = 0;

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
  const guard = <T>(fn: (arg: T) => void) => (arg?: T) => safely(() => fn(arg as T));

  const arm = (ms: number, fn: () => void) => {
    // clearTimeout(undefined) throws on Espruino, and clearTimeout() clears every timer.
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(
      guard(() => {
        timer = undefined;
        fn();
      }),
      ms,
    );
  };

  const countDrops = () => {
    counters.outboxDrops = outbox.dropped();
  };

  const write = (data: string) => {
    counters.bytesOut += data.length;
    socket!.write(data);
  };

  // Ends the current link in any state, schedules the next attempt unless stopped, then reports.
  const lose = (why: string, status?: number) => {
    const was = state;
    const s = socket;
    socket = reader = writer = undefined;
    if (parser) parser.stop();
    parser = undefined;
    if (inflight) outbox.unshift(inflight);
    inflight = undefined;
    countDrops();
    if (s) {
      try {
        s.end();
      } catch (_) {
        // Already closed by the peer.
      }
    }
    const opened = was >= OPEN;
    if (opened && !stopped && !again) counters.drops++;
    if (why && !opened) counters.failures++;
    if (opened && Date.now() - openedAt >= stableMs) backoff.reset();
    state = WAITING;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!stopped) arm(again ? 0 : backoff.next(), attempt);
    again = false;
    // Handlers run last: they may call close() or reconnect(), which must see the new state.
    if (why) report(why, status);
    if (opened) emit("close", closeCode, closeReason);
  };

  // A control frame carries at most 125 bytes: 2 for the code, 123 for the reason.
  const closePayload = (code: number, reason: string) =>
    code === CLOSE_NO_STATUS ? "" : chars(code >> 8, code & 0xff) + bytesOf(reason).substr(0, 123);

  // Starts the closing handshake; the server answers with close and ends the TCP connection.
  const shut = (code: number, reason: string) => {
    state = CLOSING;
    closeCode = code;
    closeReason = reason;
    writer!.control(OP_CLOSE, closePayload(code, reason));
    arm(closeTimeout, () => lose(""));
  };

  const onServerClose = (code: number, reason: string) => {
    if (state === CLOSING) {
      closeCode = code;
      closeReason = reason;
      lose("");
    } else {
      // Echo the code, then let the server end the TCP connection (RFC 6455 section 7.1.1).
      shut(code, "");
      closeReason = reason;
    }
  };

  // Runs pingInterval after the link last moved; a ping still unanswered when it runs again means
  // the link is dead. Anything received or flushed meanwhile counts as the answer (see alive()).
  const heartbeat = () => {
    if (pingSent) return lose("connection to " + where + " lost: no answer to ping");
    const idle = Date.now() - lastReceived;
    if (idle < pingInterval) return arm(pingInterval - idle, heartbeat);
    pingSent = true;
    writer!.control(OP_PING, "");
    arm(pongTimeout, heartbeat);
  };

  const pump = () => {
    const w = writer;
    if (state !== OPEN || inflight || !w) return;
    const next = outbox.shift();
    if (!next) return;
    inflight = next;
    w.send(next.opcode, next.data, () => {
      if (writer !== w) return;
      inflight = undefined;
      pump();
    });
  };

  const opened = (result: HandshakeResult) => {
    state = OPEN;
    openedAt = lastReceived;
    pingSent = false;
    closeCode = CLOSE_ABNORMAL;
    closeReason = "";
    counters.connects++;
    if (counters.connects > 1) counters.reconnects++;
    const w = writer = createFrameWriter({
      write,
      randomBytes: entropy.bytes,
      pieceBytes: writeBytes,
    });
    parser = createFrameParser({
      maxMessageBytes,
      onMessage: (data, binary) => emit("message", data, binary),
      onPing: (payload) => w.control(OP_PONG, payload),
      onPong: () => {},
      onClose: onServerClose,
      onError: (code, reason) => {
        shut(code, reason);
        report("protocol error: " + reason);
      },
    });
    arm(pingInterval, heartbeat);
    emit("open", result.protocol);
    pump();
    if (parser && result.rest) parser.push(result.rest);
  };

  // The link moved: something arrived, or the socket flushed a piece of a message. A long message
  // being written holds back our ping, so its drains must count as life too.
  const alive = () => {
    lastReceived = Date.now();
    if (pingSent && state === OPEN) {
      pingSent = false;
      arm(pingInterval, heartbeat);
    }
  };

  const receivedData = (data: string) => {
    counters.bytesIn += data.length;
    alive();
    if (parser) return parser.push(data);
    const result = reader && reader.push(data);
    if (!result) return;
    reader = undefined;
    if (result.ok) opened(result);
    else lose("handshake failed: " + result.status + " " + result.reason, result.status);
  };

  const connected = () => {
    state = HANDSHAKE;
    const key = btoa(entropy.bytes(16));
    reader = createHandshakeReader({ accept: acceptFor(key, sha1), protocols: options.protocols });
    arm(handshakeTimeout, () => lose("WebSocket handshake with " + where + " timed out"));
    // Host, port and path from the URL; token, protocols and headers from the options.
    write(handshakeRequest(Object.assign({ key }, options, target)));
  };

  const where = target.hostname + ":" + target.port;

  // Why a socket ended, said for the state it ended in: before anything was received a secure
  // link failed its TLS handshake (or the server would not talk), a plain one was closed by the
  // server; an open one was lost.
  const ended = (detail: string) => {
    if (state === CLOSING) return lose("");
    lose(
      state === OPEN
        ? "connection to " + where + " lost: " + detail
        : (target.secure && !received ? "TLS handshake with " : "WebSocket handshake with ") +
          where + " failed: " + detail,
    );
  };

  const attempt = () => {
    state = CONNECTING;
    received = 0;
    if (target.secure && !warned) {
      warned = true;
      console.log("WS: wss server certificate NOT verified");
    }
    arm(connectTimeout, () => lose("connect to " + where + " timed out"));
    let s: Socket;
    try {
      // Refused connections and unknown hosts throw here, synchronously, on Espruino.
      s = (target.secure ? require("tls") : require("net")).connect(
        { host: target.hostname, port: target.port },
        guard(() => {
          if (socket === s) connected();
        }),
      );
    } catch (e) {
      return lose("connect to " + where + " failed: " + messageOf(e));
    }
    socket = s;
    const on = (event: string, fn: (arg: never) => void) =>
      (s as unknown as { on(event: string, fn: unknown): void }).on(event, fn);
    // Events of a socket that is no longer the current one are ignored.
    on(
      "data",
      guard((data: string) => {
        if (socket === s) received += data.length, receivedData(data);
      }),
    );
    on(
      "drain",
      guard(() => {
        if (socket === s && writer) {
          // Only while a message is being written: the flush of a lone ping proves nothing, but
          // a dead link stops the drains of a long message once the socket's buffer is full.
          if (inflight) alive();
          writer.drained();
        }
      }),
    );
    // The end of a socket is handled from a timer, outside the event: a failed TLS handshake
    // raises its exception ("mbedtls_ssl_handshake returned …") around these events, and any
    // try/catch run meanwhile would take that exception's value, leaving Espruino to report
    // "Uncaught undefined". So nothing here may run a try.
    const later = (fn: () => void) => setTimeout(guard(() => socket === s && fn()), 0);
    on("error", (error: { code?: number; message?: string }) => {
      // -30848 is how a TLS peer's normal shutdown shows up; the close event follows.
      if (error.code !== -30848) {
        later(() => ended("socket error " + (error.message || "") + " (" + error.code + ")"));
      }
    });
    on("close", () => later(() => ended("closed by the server")));
  };

  arm(0, attempt);

  const client: WebSocketClient = {
    on(event, handler) {
      (handlers[event] || (handlers[event] = [])).push(handler as Handler);
      return client;
    },
    send(data, binary) {
      if (stopped) return false;
      let opcode = binary ? OP_BINARY : OP_TEXT;
      if (typeof data === "string") data = bytesOf(data);
      else {
        data = E.toString(data);
        opcode = OP_BINARY;
      }
      const ok = outbox.push({ data, opcode });
      countDrops();
      safely(pump);
      return ok;
    },
    close(code, reason) {
      if (stopped) return;
      stopped = true;
      outbox.clear();
      countDrops();
      safely(() => {
        if (state === OPEN) shut(code || CLOSE_NORMAL, reason || "");
        else if (state !== CLOSING) lose("");
      });
    },
    rehandshake() {
      if (stopped || state !== OPEN) return;
      again = true;
      safely(() => shut(CLOSE_NORMAL, "re-handshake"));
    },
    reconnect() {
      if (!stopped && state === WAITING) {
        backoff.reset();
        arm(0, attempt);
      }
    },
    state: () =>
      (state || !stopped
        ? "waiting connecting connecting open closing".split(" ")[state]
        : "closed") as WebSocketClientState,
    queued: () => outbox.size(),
    counters,
  };
  return client;
}
