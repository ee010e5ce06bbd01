/**
 * The network an engine board reaches: the sockets behind Espruino's `net` and `tls` (mbedtls runs
 * inside the interpreter, on top of these), owned by a worker so that a connect can block the
 * board as lwIP's does, and the faults a field network has: connects that hang, links that stall
 * or crawl, connections reset. While the board has no link (Wi-Fi lost) its connections stay open but
 * silent, as lwIP's do on an ESP32: nothing arrives and nothing leaves until the link is back.
 *
 * @module
 */

import { ConnectStatus, type FromWorker, type ToWorker } from "./net_protocol.ts";

/** Espruino's socket error codes (libs/network/socketerrors.h). */
const SOCKET_ERR_CLOSED = -1;
const SOCKET_ERR_UNKNOWN = -10;
const SOCKET_ERR_NO_CONNECTION = -11;
const SOCKET_ERR_NOT_FOUND = -12;

/** ESP-IDF's default TCP send buffer: more unacknowledged bytes than this and `send` says busy. */
const SEND_BUFFER_BYTES = 5744;

interface Socket {
  inbox: Uint8Array[];
  /** Bytes handed to the worker and not yet written to the kernel. */
  unsent: number;
  peerClosed: boolean;
  /** Whether anything has arrived yet: until then, what the board sent awaits its first answer. */
  answered: boolean;
  /** Whether the board has sent anything on it. */
  sentAny: boolean;
}

/** Hooks the network calls into its board. */
export interface NetworkHooks {
  /** Whether the board has a link now (Wi-Fi up, or a board on the network without Wi-Fi). */
  linkUp(): boolean;
  /** Something arrived or changed: the board should run soon. */
  wake(): void;
  /**
   * A connect the fault blocked held the board for `ms`: on the virtual clock that time passes
   * too (an ordinary connect costs no board time, whatever the host's load).
   */
  blocked(ms: number): void;
  /** The board's clock, in µs: a slow link's rate is in board time. */
  nowUs(): number;
}

/** What a slow link lets through at once: a tenth of a second's worth, at least one segment. */
function burstBytes(bytesPerSecond: number): number {
  return Math.max(536, Math.floor(bytesPerSecond / 10));
}

/** An engine board's sockets. */
export class BoardNetwork {
  #worker: Worker;
  #sockets = new Map<number, Socket>();
  #nextId = 1;
  #hooks: NetworkHooks;
  #stalledUntil = 0;
  #stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** What arrived while the link was stalled or down, delivered when it is back. */
  #held: FromWorker[] = [];
  /** What the board sent meanwhile, in order. */
  #heldOut: ToWorker[] = [];
  #connectBlockMs = 0;
  #lookupsFail = false;
  /** A slow link's rate each way, bytes per second of board time (Infinity: no limit). */
  #rate = Infinity;
  #inCredit = 0;
  #outCredit = 0;
  #creditAtUs = 0;
  /** performance.now() of the last traffic, for the virtual clock's "nothing in flight" rule. */
  lastActivity = 0;

  /** Starts the socket worker. */
  constructor(hooks: NetworkHooks) {
    this.#hooks = hooks;
    this.#worker = new Worker(new URL("./net_worker.ts", import.meta.url), { type: "module" });
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
  }

  /** Open sockets. */
  get openSockets(): number {
    return this.#sockets.size;
  }

  /** Whether bytes are on their way out (a peer's answer may follow). */
  get sending(): boolean {
    for (const socket of this.#sockets.values()) if (socket.unsent > 0) return true;
    return false;
  }

  /**
   * Whether a connection's first answer is on its way: the board has sent (a handshake, a
   * ClientHello) and nothing has come back yet, on a link that carries traffic. A peer's answer
   * takes real time, however long, so board time must not skip ahead of it (past a timeout).
   */
  get awaitingAnswer(): boolean {
    if (this.#silent()) return false;
    for (const socket of this.#sockets.values()) {
      if (!socket.answered && !socket.peerClosed && socket.sentAny) return true;
    }
    return false;
  }

  /** Whether traffic is held: a stall, or no link. */
  #silent(): boolean {
    return performance.now() < this.#stalledUntil || !this.#hooks.linkUp();
  }

  #receive(message: FromWorker): void {
    if (this.#held.length > 0) this.linkChanged();
    if (this.#silent()) {
      this.#held.push(message);
      return;
    }
    this.lastActivity = performance.now();
    const socket = this.#sockets.get(message.id);
    if (!socket) return;
    if (message.ev === "data") {
      socket.inbox.push(message.bytes);
      socket.answered = true;
    } else if (message.ev === "written") socket.unsent -= message.count;
    else socket.peerClosed = true;
    this.#hooks.wake();
  }

  #post(message: ToWorker, transfer: Transferable[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  /** Posts a write or close in order with what the silence holds back. */
  #postInOrder(message: ToWorker, transfer: Transferable[] = []): void {
    if (this.#heldOut.length > 0) this.linkChanged();
    if (this.#silent()) this.#heldOut.push(message);
    else this.#post(message, transfer);
  }

  /**
   * Resolves a host name the way the board's DNS would, for the names loopback has: `localhost`
   * and every name under it (RFC 6761), such as `relay.localhost`.
   */
  resolve(name: string): number {
    if (this.#lookupsFail) return 0;
    if (/^(.+\.)?localhost\.?$/i.test(name)) return ipv4ToInt("127.0.0.1");
    return /^\d+\.\d+\.\d+\.\d+$/.test(name) ? ipv4ToInt(name) : 0;
  }

  /** A blocking connect: a socket id, or Espruino's error code. */
  connect(ip: number, port: number): number {
    if (!this.#hooks.linkUp()) return SOCKET_ERR_NO_CONNECTION;
    if (this.#connectBlockMs > 0) {
      // The fault: an unanswered SYN hangs the whole time, then fails, whatever the peer would do.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.#connectBlockMs);
      this.#hooks.blocked(this.#connectBlockMs);
      this.lastActivity = performance.now();
      return SOCKET_ERR_UNKNOWN;
    }
    const id = this.#nextId++;
    const status = new SharedArrayBuffer(4);
    this.#post({ op: "connect", id, host: intToIpv4(ip), port, status });
    const word = new Int32Array(status);
    Atomics.wait(word, 0, ConnectStatus.Pending, 30_000);
    const result = Atomics.load(word, 0);
    this.lastActivity = performance.now();
    if (result !== ConnectStatus.Connected) {
      return result === ConnectStatus.UnknownHost ? SOCKET_ERR_NOT_FOUND : SOCKET_ERR_UNKNOWN;
    }
    this.#sockets.set(id, {
      inbox: [],
      unsent: 0,
      peerClosed: false,
      answered: false,
      sentAny: false,
    });
    return id;
  }

  /** Receives into `into`: bytes copied, 0 for none yet, -1 once closed and drained. */
  recv(id: number, into: Uint8Array): number {
    const socket = this.#sockets.get(id);
    if (!socket) return SOCKET_ERR_CLOSED;
    const allowed = Math.min(into.length, this.#credit("in"));
    let copied = 0;
    while (socket.inbox.length > 0 && copied < allowed) {
      const head = socket.inbox[0];
      const n = Math.min(head.length, allowed - copied);
      into.set(head.subarray(0, n), copied);
      copied += n;
      if (n === head.length) socket.inbox.shift();
      else socket.inbox[0] = head.subarray(n);
    }
    this.#spend("in", copied);
    if (socket.inbox.length === 0 && copied === 0 && socket.peerClosed) return SOCKET_ERR_CLOSED;
    return copied;
  }

  /** Sends: bytes taken, 0 while the send buffer is full, -1 once closed. */
  send(id: number, bytes: Uint8Array): number {
    const socket = this.#sockets.get(id);
    if (!socket || socket.peerClosed) return SOCKET_ERR_CLOSED;
    const room = Math.min(SEND_BUFFER_BYTES - socket.unsent, this.#credit("out"));
    if (room <= 0) return 0;
    const chunk = bytes.slice(0, room);
    const taken = chunk.length; // read before the transfer detaches the chunk
    this.#spend("out", taken);
    socket.unsent += taken;
    socket.sentAny = true;
    this.lastActivity = performance.now();
    this.#postInOrder({ op: "write", id, bytes: chunk }, [chunk.buffer]);
    return taken;
  }

  /** Closes a socket the board is done with. */
  close(id: number): void {
    if (!this.#sockets.delete(id)) return;
    this.lastActivity = performance.now();
    this.#postInOrder({ op: "close", id });
  }

  /** Fault: every open connection is reset (as a dropped link or a rebooted router does). */
  resetAll(): void {
    for (const [id, socket] of this.#sockets) {
      socket.peerClosed = true;
      socket.inbox.length = 0;
      this.#post({ op: "reset", id });
    }
    this.#hooks.wake();
  }

  /** Fault: every connect hangs for `ms` and then fails, until {@linkcode unblockConnects}. */
  blockConnects(ms: number): void {
    this.#connectBlockMs = ms;
  }

  /** Ends {@linkcode blockConnects}. */
  unblockConnects(): void {
    this.#connectBlockMs = 0;
  }

  /** Fault: every host name fails to resolve (DNS unreachable), until called with false. */
  failLookups(fail: boolean): void {
    this.#lookupsFail = fail;
  }

  /**
   * Fault: the link carries at most `bytesPerSecond` each way, in board time (a weak signal, a
   * congested access point), until called with `Infinity`. The board polls its sockets while any
   * is open, so the bytes come as the time passes.
   */
  slow(bytesPerSecond: number): void {
    if (!(bytesPerSecond > 0)) {
      throw new RangeError(`slow(${bytesPerSecond}): give bytes per second above 0`);
    }
    this.#rate = bytesPerSecond;
    this.#creditAtUs = this.#hooks.nowUs();
    this.#inCredit = this.#outCredit = 0;
  }

  /** Bytes the link lets through now in one direction. */
  #credit(direction: "in" | "out"): number {
    if (this.#rate === Infinity) return Infinity;
    const now = this.#hooks.nowUs();
    const earned = ((now - this.#creditAtUs) / 1e6) * this.#rate;
    this.#creditAtUs = now;
    const burst = burstBytes(this.#rate);
    this.#inCredit = Math.min(burst, this.#inCredit + earned);
    this.#outCredit = Math.min(burst, this.#outCredit + earned);
    return Math.floor(direction === "in" ? this.#inCredit : this.#outCredit);
  }

  #spend(direction: "in" | "out", bytes: number): void {
    if (this.#rate === Infinity) return;
    if (direction === "in") this.#inCredit -= bytes;
    else this.#outCredit -= bytes;
  }

  /**
   * Fault: nothing arrives for `ms` (real time; for ever by default), then all of it arrives at
   * once, or at {@linkcode endStall}.
   */
  stall(ms = Infinity): void {
    this.#stalledUntil = performance.now() + ms;
    clearTimeout(this.#stallTimer);
    if (Number.isFinite(ms)) this.#stallTimer = setTimeout(() => this.endStall(), ms);
  }

  /** Ends a {@linkcode stall}: what was held arrives now, and what was sent leaves. */
  endStall(): void {
    clearTimeout(this.#stallTimer);
    this.#stalledUntil = 0;
    this.linkChanged();
  }

  /** The board's link came back (or a stall ended): held traffic flows, in order. */
  linkChanged(): void {
    if (this.#silent()) return;
    for (const message of this.#heldOut.splice(0)) this.#post(message);
    const held = this.#held.splice(0);
    for (const message of held) this.#receive(message);
  }

  /** Resets every connection and stops the worker. */
  shutdown(): void {
    clearTimeout(this.#stallTimer);
    this.#heldOut.length = 0;
    for (const id of this.#sockets.keys()) this.#post({ op: "reset", id });
    this.#sockets.clear();
    this.#worker.terminate();
  }
}

function ipv4ToInt(text: string): number {
  // Espruino keeps addresses in network order in memory: the first octet is the low byte.
  const [a, b, c, d] = text.split(".").map(Number);
  return ((d << 24) | (c << 16) | (b << 8) | a) >>> 0;
}

function intToIpv4(ip: number): string {
  return [ip & 255, (ip >>> 8) & 255, (ip >>> 16) & 255, ip >>> 24].join(".");
}
