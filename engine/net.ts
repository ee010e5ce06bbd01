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

/**
 * On the virtual clock: how far board time may run ahead of a send that nothing has answered
 * since, at once, in ms. A peer answers in real time; a board skipping its idle time faster than
 * that would reach a timeout the peer's answer beats on a real board.
 */
export const ANSWER_LEAD_MS = 1000;

/**
 * On the virtual clock: what each real ms the answer takes adds to {@linkcode ANSWER_LEAD_MS}, once
 * as long as the slowest recent answer took has passed.
 */
export const ANSWER_SPEEDUP = 3;

/**
 * On the virtual clock: real ms after which an unanswered send no longer holds board time back
 * (no answer is coming: a peer that stays silent, a keepalive the board itself times out), while
 * answers come quickly; three times the slowest recent answer when they do not, up to
 * {@linkcode ANSWER_WINDOW_MAX_MS}.
 */
export const ANSWER_WINDOW_MS = 300;

/**
 * On the virtual clock: the longest real ms an answer is awaited, however slow recent answers
 * were (see {@linkcode ANSWER_WINDOW_MS}).
 */
export const ANSWER_WINDOW_MAX_MS = 3000;

/**
 * How much of the slowest recent answer's real time each new answer keeps: a loaded machine's
 * peers answer late for a while, and one quick answer must not forget that at once.
 */
const ANSWER_MEMORY = 0.9;

interface Socket {
  inbox: Uint8Array[];
  /** Bytes handed to the worker and not yet written to the kernel. */
  unsent: number;
  peerClosed: boolean;
  /** Whether anything has arrived yet: until then, what the board sent awaits its first answer. */
  answered: boolean;
  /** Whether the board has sent anything on it. */
  sentAny: boolean;
  /**
   * Sends nothing has answered since, within the answer window: board µs and
   * performance.now() of each (sends a real ms apart or less counted once).
   */
  unanswered: { boardUs: number; realMs: number }[];
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
  /** Real ms the slowest recent answer took, decaying by `ANSWER_MEMORY` with each answer. */
  #slowAnswerMs = 0;
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
  /** On a slow link: when the link lets through what the board last asked for in vain, each way. */
  #creditDueUs = { in: Infinity, out: Infinity };
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
    if (this.#silent()) return false; // held back: nothing moves until the link is back
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

  /**
   * On the virtual clock: the furthest board time may go now, in µs (Infinity: anywhere). After
   * a send nothing has answered since, board time leads that send by at most
   * {@linkcode ANSWER_LEAD_MS} plus {@linkcode ANSWER_SPEEDUP} ms per real ms since (counted once
   * the slowest recent answer's time has passed), until the answer window (at least
   * {@linkcode ANSWER_WINDOW_MS}) of real time passes without an answer. Idle time up to there is
   * skipped as ever: a peer's quick answer still lands in time, and a board awaiting none is not
   * held back for long.
   */
  answerLimitUs(): number {
    if (this.#silent()) return Infinity;
    const now = performance.now();
    // Peers that answered slowly of late (a loaded machine) are waited for longer, and board
    // time starts to speed up only once that long has passed.
    const slowMs = this.#slowAnswerMs;
    const windowMs = this.#answerWindowMs();
    let limit = Infinity;
    for (const socket of this.#sockets.values()) {
      const sends = socket.unanswered;
      while (sends.length > 0 && now - sends[0].realMs >= windowMs) sends.shift();
      for (const sent of sends) {
        const leadMs = ANSWER_LEAD_MS + ANSWER_SPEEDUP * Math.max(0, now - sent.realMs - slowMs);
        limit = Math.min(limit, sent.boardUs + leadMs * 1000);
      }
    }
    return limit;
  }

  /** Real ms an unanswered send holds board time back: longer while answers come slowly. */
  #answerWindowMs(): number {
    return Math.min(Math.max(ANSWER_WINDOW_MS, 3 * this.#slowAnswerMs), ANSWER_WINDOW_MAX_MS);
  }

  /**
   * On a slow link: the board time after `nowUs` at which the link lets through what the board
   * last asked for and did not get (Infinity: nothing waits for the link). Board time must not
   * step past it, or what the board times would end late by the step.
   */
  creditDueUs(nowUs: number): number {
    const due = Math.min(this.#creditDueUs.in, this.#creditDueUs.out);
    return due > nowUs ? due : Infinity;
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
      const last = socket.unanswered.at(-1);
      const tookMs = last ? performance.now() - last.realMs : Infinity;
      // Only an answer still awaited tells how long answers take (later data answers nothing).
      if (tookMs < this.#answerWindowMs()) {
        this.#slowAnswerMs = Math.max(tookMs, this.#slowAnswerMs * ANSWER_MEMORY);
      }
      socket.unanswered.length = 0;
    } else if (message.ev === "written") socket.unsent -= message.count;
    else {
      socket.peerClosed = true;
      socket.unanswered.length = 0;
    }
    this.#hooks.wake();
  }

  #post(message: ToWorker, transfer: Transferable[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  /** Posts a write or close in order with what the silence holds back: false if held. */
  #postInOrder(message: ToWorker, transfer: Transferable[] = []): boolean {
    if (this.#heldOut.length > 0) this.linkChanged();
    if (this.#silent()) {
      this.#heldOut.push(message);
      return false;
    }
    this.#post(message, transfer);
    return true;
  }

  /** Bytes left for the peer on `socket`: their answer, if any, is awaited. */
  #sent(socket: Socket): void {
    const realMs = performance.now();
    const last = socket.unanswered.at(-1);
    if (last && realMs - last.realMs <= 1) return; // as good as the same send
    socket.unanswered.push({ boardUs: this.#hooks.nowUs(), realMs });
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
      unanswered: [],
    });
    return id;
  }

  /** Receives into `into`: bytes copied, 0 for none yet, -1 once closed and drained. */
  recv(id: number, into: Uint8Array): number {
    const socket = this.#sockets.get(id);
    if (!socket) return SOCKET_ERR_CLOSED;
    const credit = this.#credit("in");
    const allowed = Math.min(into.length, credit);
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
    const waiting = socket.inbox.reduce((sum, chunk) => sum + chunk.length, 0);
    this.#awaitCredit(
      "in",
      credit < into.length && waiting > 0 ? Math.min(waiting, into.length) : 0,
    );
    if (socket.inbox.length === 0 && copied === 0 && socket.peerClosed) return SOCKET_ERR_CLOSED;
    return copied;
  }

  /** Sends: bytes taken, 0 while the send buffer is full, -1 once closed. */
  send(id: number, bytes: Uint8Array): number {
    const socket = this.#sockets.get(id);
    if (!socket || socket.peerClosed) return SOCKET_ERR_CLOSED;
    const buffer = SEND_BUFFER_BYTES - socket.unsent;
    const credit = this.#credit("out");
    const room = Math.min(buffer, credit);
    const limited = credit < buffer && credit < bytes.length;
    if (room <= 0) {
      this.#awaitCredit("out", limited ? Math.min(bytes.length, buffer) : 0);
      return 0;
    }
    const chunk = bytes.slice(0, room);
    const taken = chunk.length; // read before the transfer detaches the chunk
    this.#spend("out", taken);
    this.#awaitCredit("out", limited ? Math.min(bytes.length, buffer) - taken : 0);
    socket.unsent += taken;
    socket.sentAny = true;
    this.lastActivity = performance.now();
    if (this.#postInOrder({ op: "write", id, bytes: chunk }, [chunk.buffer])) this.#sent(socket);
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
    this.#creditDueUs = { in: Infinity, out: Infinity };
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

  /** Notes when the link will let `bytes` more through one way (0: nothing waits for it). */
  #awaitCredit(direction: "in" | "out", bytes: number): void {
    if (this.#rate === Infinity || bytes <= 0) {
      this.#creditDueUs[direction] = Infinity;
      return;
    }
    const have = direction === "in" ? this.#inCredit : this.#outCredit;
    const need = Math.min(bytes, burstBytes(this.#rate)) - have;
    this.#creditDueUs[direction] = this.#creditAtUs + Math.ceil((need / this.#rate) * 1e6);
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
    for (const message of this.#heldOut.splice(0)) {
      this.#post(message);
      const socket = this.#sockets.get(message.id);
      if (message.op === "write" && socket) this.#sent(socket);
    }
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
