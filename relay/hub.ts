/**
 * The relay's heart: who holds which id, and fan-out of every message to
 * every other client with per-client backlog protection.
 *
 * It knows nothing about HTTP: it works on anything shaped like a
 * {@linkcode HubSocket}, so it can be tested without a network.
 *
 * @example
 * ```ts
 * import { Client, Hub } from "./hub.ts";
 * import { RelayMetrics } from "./metrics.ts";
 * import { createLogger } from "./logger.ts";
 *
 * const hub = new Hub({
 *   maxMessageBytes: 65536,
 *   maxBacklogBytes: 1 << 20,
 *   metrics: new RelayMetrics(),
 *   logger: createLogger({ level: "silent", format: "text" }),
 * });
 * const sent: unknown[] = [];
 * const socket = { bufferedAmount: 0, send: (d: unknown) => sent.push(d), close() {} };
 * const a = new Client({ id: "a", remote: "local", socket });
 * const b = new Client({ id: "b", remote: "local", socket: { ...socket, send() {} } });
 * hub.add(a);
 * hub.add(b);
 * hub.opened(a);
 * hub.opened(b);
 * hub.receive(b, "hello"); // sent is now ["hello"]
 * ```
 * @module
 */

import type { Logger } from "./logger.ts";
import type { DropReason, RelayMetrics } from "./metrics.ts";
import {
  type Address,
  type ParsedMessage,
  parseMessage,
  type Party,
  receives,
  type Role,
} from "./routing.ts";

/** A relayed message: text, or binary bytes. */
export type RelayMessage = string | ArrayBuffer;

/** The part of a server-side WebSocket the hub uses. */
export interface HubSocket {
  /** Bytes handed to `send` and not yet written to the network. */
  readonly bufferedAmount: number;
  /** Queues one message. */
  send(data: string | ArrayBuffer): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
}

/** Close code sent to a connection whose id was taken over (`--on-duplicate replace`). */
export const CLOSE_REPLACED = 4001;
/** Close code for a client that stopped reading and let its backlog grow. */
export const CLOSE_POLICY = 1008;
/** Close code for a message over `--max-message-bytes`. */
export const CLOSE_TOO_BIG = 1009;
/** Close code sent to every client when the relay shuts down. */
export const CLOSE_GOING_AWAY = 1001;

/**
 * The hard backlog ceiling as a multiple of `maxBacklogBytes`: a client past
 * it is dropped at once, whatever the grace period, so relay memory stays
 * bounded by about `clients × (ceiling + one message)`.
 */
export const BACKLOG_CEILING_FACTOR = 8;

/** A public view of one connected client, as served by `GET /clients`. */
export interface ClientSummary {
  /** The client's id. */
  id: string;
  /** Remote address and port. */
  remote: string;
  /** `device` or `operator`. */
  role: Role;
  /** When the connection was accepted (ISO 8601). */
  connectedSince: string;
  /** Messages received from this client. */
  messagesIn: number;
  /** Messages delivered to this client. */
  messagesOut: number;
}

/** Settings of a {@linkcode Client}. */
export interface ClientOptions {
  /** The id the client connected with. */
  id: string;
  /** Remote address, for logs. */
  remote: string;
  /** Its WebSocket. */
  socket: HubSocket;
  /** Whether it gets what it missed while away and has messages kept when it leaves (`?resume=0` opts out). */
  resume?: boolean;
  /** `device` or `operator` (the default): decides what it receives (relay/routing.ts). */
  role?: Role;
  /** An operator that also gets the relay's presence events (`?events=1`). */
  events?: boolean;
  /**
   * A secret the relay puts in every event it sends this client (`"mark"`), told only to it
   * (`?events=1&mark=1`): no other client knows it, so none can forge an event.
   */
  eventMark?: string;
}

/** One connection, from upgrade until its socket is gone. */
export class Client {
  /** The id the client connected with. */
  readonly id: string;
  /** Remote address, for logs. */
  readonly remote: string;
  /** Its WebSocket. */
  readonly socket: HubSocket;
  /** Whether it takes part in the resume window. */
  readonly resume: boolean;
  /** `device` or `operator`. */
  readonly role: Role;
  /** Whether it gets the relay's presence events. */
  readonly events: boolean;
  /** The secret its events carry as `"mark"`, if it asked for one. */
  readonly eventMark: string | undefined;
  /** When the connection was accepted (milliseconds since the epoch). */
  readonly connectedAt: number = Date.now();
  /** True once it gets messages (after what it missed while away) until it is released. */
  receiving = false;
  /**
   * True once the WebSocket is open and until the client is released: it may
   * send, even while what it missed is still being fetched (a cluster).
   */
  open = false;
  /** Why the relay closed it, if it did; decides how the close is reported. */
  dropReason: DropReason | undefined;
  /** Set once the socket's first close event was handled. */
  gone = false;
  /** Messages received from this client. */
  messagesIn = 0;
  /** Messages delivered to this client. */
  messagesOut = 0;
  /** Since when its unsent bytes have stayed over the backlog limit (ms), if they have. */
  backlogSince: number | undefined;

  /** Creates a client for a freshly upgraded socket. */
  constructor(options: ClientOptions) {
    this.id = options.id;
    this.remote = options.remote;
    this.socket = options.socket;
    this.resume = options.resume ?? true;
    this.role = options.role ?? "operator";
    this.events = this.role === "operator" && (options.events ?? false);
    this.eventMark = this.events ? options.eventMark : undefined;
  }
}

/**
 * What carries the hub's messages to the other relays of a cluster and
 * theirs to it: in this process ({@linkcode LocalBus} in relay/local_bus.ts)
 * or on Redis (`ClusterBus` in relay/cluster_bus.ts).
 */
export interface Bus {
  /**
   * Hands a local client's message to the other relays; `parse` reads its
   * address, for the relays that may have to deliver it.
   */
  publish(sender: Party, data: string | ArrayBuffer, parse: () => ParsedMessage): void;
  /** Gives the bus the one sink (the hub) that the other relays' messages go to. */
  connect(sink: BusSink): void;
}

/** Where a {@linkcode Bus} puts what comes from the other relays: the {@linkcode Hub}. */
export interface BusSink {
  /** Fans out a message a client of another relay sent; `bytes` is its payload size. */
  deliver(sender: Party, data: string | ArrayBuffer, bytes: number): void;
  /** Sends a presence event (its JSON text) to the operators that asked for events. */
  notify(event: string): void;
  /** Closes a local client whose id a newer connection on another relay took. */
  replaced(client: Client, reason: string): void;
}

/** What the hub tells the registry of ids (relay/registry.ts) about its clients. */
export interface HubRegistry {
  /** A local client gave up its id (closed, dropped or replaced). */
  released(client: Client): void;
}

/**
 * Where the resume window keeps messages for ids that went away: in this
 * process ({@linkcode ResumeStore} in relay/resume.ts) or, for a cluster, in
 * Redis (relay/cluster_resume.ts).
 */
export interface ResumeKeeper {
  /** Whether kept messages outlive this process (a cluster keeps them in Redis). */
  readonly survivesRestart: boolean;
  /** Ids inside their window (for a cluster: as of the last message published here). */
  readonly awayCount: number;
  /** Payload bytes kept for them. */
  readonly keptBytes: number;
  /** A client that was connected and opted in left: keep what its id misses from now on. */
  leave(client: Client): void;
  /**
   * A message fanned out here: `local` when a client of this process sent it.
   * `accepts`, when given, tells whether an away id (with the role it had)
   * would have received it; without it every away id but the sender's would.
   */
  keep(
    data: RelayMessage,
    bytes: number,
    fromId: string,
    local: boolean,
    accepts?: (id: string, role: Role) => boolean,
  ): void;
  /**
   * Calls `ready` with what was kept for the client's id, oldest first, and
   * forgets it. `ready` runs synchronously when it can, else later, with the
   * live messages that came meanwhile as `held`; the hub delivers both and
   * goes live within that call, so no live message overtakes a kept one.
   */
  take(client: Client, ready: (kept: RelayMessage[], held: RelayMessage[]) => void): void;
  /** Discards what was kept for an id (a client that opted out with `?resume=0`). */
  discard(id: string): void;
  /** Forgets what this process holds (shutdown). */
  clear(): void;
}

/** What the hub tells the presence records (relay/presence.ts) about devices. */
export interface HubPresence {
  /** A device's connection opened. */
  online(client: Client): void;
  /** A device sent a message; `retain` when it asked for it to be kept as its last state. */
  seen(client: Client, data: RelayMessage, bytes: number, retain: boolean): void;
  /** A device's connection ended, how it ended. */
  offline(client: Client, info: CloseInfo): void;
}

/** Settings of a {@linkcode Hub}. */
export interface HubOptions {
  /** Largest message accepted from a client. */
  maxMessageBytes: number;
  /**
   * Unsent bytes a client may keep queued for longer than `backlogGraceMs`
   * before it is dropped; {@linkcode BACKLOG_CEILING_FACTOR} times this drops it at once.
   */
  maxBacklogBytes: number;
  /** How long a client's backlog may stay over `maxBacklogBytes` while it catches up. */
  backlogGraceMs: number;
  /** Counters to update. */
  metrics: RelayMetrics;
  /** Where connect, disconnect and drop lines go. */
  logger: Logger;
  /** Keeps messages for ids that went away (the resume window); none keeps nothing. */
  resume?: ResumeKeeper;
  /** Carries messages to and from the other relays; none keeps them in this hub. */
  bus?: Bus;
  /** Told when a client gives up its id; none when the hub's holders are the whole truth. */
  registry?: HubRegistry;
  /** Told when devices come, send and go; none keeps no presence. */
  presence?: HubPresence;
}

/** What a socket's close event said. */
export interface CloseInfo {
  /** Close code (0 or 1006 for an abrupt loss, 1005 when none was given). */
  code: number;
  /** Close reason. */
  reason: string;
}

/** Deno's own reason when `idleTimeout` expires without an answer to its ping. */
const KEEPALIVE_REASON = "No response from ping frame";

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Byte length of a string encoded as UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++; // a surrogate pair: 2 code units, 4 bytes
      bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Payload bytes of a message as it travels: UTF-8 for text. */
function messageBytes(data: string | ArrayBuffer): number {
  return typeof data === "string" ? utf8Length(data) : data.byteLength;
}

/** Tracks every connection and relays messages between them. */
export class Hub implements BusSink {
  #holders = new Map<string, Client>();
  /** The operators among the holders: most messages of a fleet go to them alone. */
  #operators = new Set<Client>();
  #live = new Set<Client>();
  #options: HubOptions;
  /** Clients whose backlog is over the limit, watched until they catch up or are dropped. */
  #behind = new Set<Client>();
  #sweep: ReturnType<typeof setInterval> | undefined;
  #shuttingDown = false;

  /** Creates an empty hub, and connects it to its bus. */
  constructor(options: HubOptions) {
    this.#options = options;
    options.bus?.connect(this);
  }

  /** Clients currently holding an id. */
  get connectedCount(): number {
    return this.#holders.size;
  }

  /** Sockets not yet gone, including dropped ones still draining: what bounds memory. */
  get liveCount(): number {
    return this.#live.size;
  }

  /** The client holding an id, if any. */
  holder(id: string): Client | undefined {
    return this.#holders.get(id);
  }

  /** Registers a new connection; its id must be free (drop the old holder first). */
  add(client: Client): void {
    if (this.#holders.has(client.id)) throw new Error(`id ${client.id} is already held`);
    this.#holders.set(client.id, client);
    if (client.role === "operator") this.#operators.add(client);
    this.#live.add(client);
  }

  /**
   * Marks a client's socket open: it may send at once, and gets what was kept
   * for its id while it was away, then every message. The kept ones and the
   * live ones held meanwhile are delivered in the one call that makes it live,
   * so no live message can overtake a kept one.
   */
  opened(client: Client): void {
    if (client.gone || this.#holders.get(client.id) !== client) return;
    client.open = true;
    if (client.role === "device") this.#options.presence?.online(client);
    const resume = this.#options.resume;
    if (!resume) return this.#goLive(client, []);
    if (!client.resume) {
      resume.discard(client.id);
      return this.#goLive(client, []);
    }
    resume.take(client, (kept, held) => {
      if (!client.gone && this.#holders.get(client.id) === client) {
        this.#goLive(client, kept, held);
      }
    });
  }

  #goLive(client: Client, kept: RelayMessage[], held: RelayMessage[] = []): void {
    for (const message of kept) this.#deliver(client, message);
    for (const message of held) this.#deliver(client, message);
    this.#options.metrics.resumeReplayed += kept.length;
    client.receiving = true;
    this.#options.logger.info("connect", {
      id: client.id,
      remote: client.remote,
      ...(kept.length > 0 ? { resumed: kept.length } : {}),
    });
    if (kept.length + held.length > 0) this.#judgeBacklog(client, Date.now());
  }

  /** Handles one message from a client: enforces the size limit, then fans it out. */
  receive(sender: Client, data: string | ArrayBuffer): void {
    if (!sender.open) return;
    const bytes = messageBytes(data);
    if (bytes > this.#options.maxMessageBytes) {
      this.drop(sender, {
        code: CLOSE_TOO_BIG,
        reason: `message of ${bytes} bytes is over the ${this.#options.maxMessageBytes}-byte limit`,
        why: "message_too_big",
      });
      return;
    }
    const metrics = this.#options.metrics;
    sender.messagesIn++;
    metrics.messagesIn++;
    metrics.bytesIn += bytes;
    // An operator's message is parsed only if a device is there to be routed to, or a cluster
    // must know which nodes it goes to.
    let parsed: ParsedMessage | undefined;
    const parse = () => parsed ??= parseMessage(data, this.#options.maxMessageBytes);
    this.#options.bus?.publish(sender, data, parse);
    this.#fanOut(sender, parse, data, bytes, true);
    if (sender.role === "device") this.#options.presence?.seen(sender, data, bytes, parse().retain);
  }

  /**
   * {@linkcode BusSink.deliver}: fans out a message a client of another node
   * sent, routed by that client's id and role as its own node did; `bytes` is
   * its payload size.
   */
  deliver(sender: Party, data: string | ArrayBuffer, bytes: number): void {
    let parsed: ParsedMessage | undefined;
    const parse = () => parsed ??= parseMessage(data, this.#options.maxMessageBytes);
    this.#fanOut(sender, parse, data, bytes, false);
  }

  /**
   * {@linkcode BusSink.replaced}: closes a client whose id a newer connection
   * elsewhere took with 4001. The registry forgot its claim already, so
   * releasing it frees nothing there.
   */
  replaced(client: Client, reason: string): void {
    this.drop(client, { code: CLOSE_REPLACED, reason, why: "replaced" });
  }

  /**
   * Sends one of the relay's own events (presence; an object, or its JSON
   * text) to the operators that asked for them with `?events=1`. Events are
   * not kept for away clients. A client with an event mark gets it as the
   * event's last member.
   */
  notify(event: Record<string, unknown> | string): void {
    const text = typeof event === "string" ? event : JSON.stringify(event);
    const bytes = utf8Length(text);
    const now = Date.now();
    // Only operators get events: a fleet's event never walks its devices.
    for (const target of this.#operators) {
      if (!target.events || !target.receiving) continue;
      if (target.eventMark === undefined) this.#send(target, text, bytes, now);
      else {
        const marked = markEvent(text, target.eventMark);
        this.#send(target, marked, utf8Length(marked), now);
      }
    }
  }

  #fanOut(
    sender: { id: string; role: Role },
    parse: () => ParsedMessage,
    data: string | ArrayBuffer,
    bytes: number,
    local: boolean,
  ): void {
    const now = Date.now();
    let address: Address | undefined;
    const accepts = (id: string, role: Role) =>
      role === "operator" ? id !== sender.id : receives(sender, address ??= parse().address, {
        id,
        role,
      });
    // With devices connected, a device's chatter and a message to named ids go to the operators
    // and the named devices, found by id: a fleet's relay never walks every device per message.
    if (this.#holders.size > this.#operators.size) {
      address = parse().address;
      if (address.kind === "ids" || (address.kind === "none" && sender.role === "device")) {
        for (const target of this.#operators) {
          if (target.receiving && target.id !== sender.id) this.#send(target, data, bytes, now);
        }
        if (address.kind === "ids") {
          for (const id of address.ids) {
            const target = this.#holders.get(id);
            if (target?.role !== "device" || !target.receiving || id === sender.id) continue;
            this.#send(target, data, bytes, now);
          }
        }
        this.#options.resume?.keep(data, bytes, sender.id, local, accepts);
        return;
      }
    }
    for (const target of this.#holders.values()) {
      if (!target.receiving || !accepts(target.id, target.role)) continue;
      this.#send(target, data, bytes, now);
    }
    this.#options.resume?.keep(data, bytes, sender.id, local, accepts);
  }

  #send(target: Client, data: string | ArrayBuffer, bytes: number, now: number): void {
    // What was still unsent before this message is what the client failed to take so far.
    if (target.socket.bufferedAmount <= this.#options.maxBacklogBytes) {
      target.backlogSince = undefined;
    }
    this.#deliver(target, data, bytes);
    this.#judgeBacklog(target, now);
  }

  #deliver(target: Client, data: string | ArrayBuffer, bytes = messageBytes(data)): void {
    target.socket.send(data);
    target.messagesOut++;
    this.#options.metrics.messagesOut++;
    this.#options.metrics.bytesOut += bytes;
  }

  /**
   * Drops a client whose unsent bytes passed the hard ceiling, or stayed over
   * the limit for the whole grace period. Right after `send()` Deno has not
   * had its turn to write yet, so a burst that a healthy reader absorbs at
   * once shows as backlog for a moment: only what stays unsent counts.
   */
  #judgeBacklog(client: Client, now: number): void {
    const { maxBacklogBytes: limit, backlogGraceMs: grace } = this.#options;
    const queued = client.socket.bufferedAmount;
    if (queued <= limit) {
      client.backlogSince = undefined;
      this.#behind.delete(client);
    } else if (queued > limit * BACKLOG_CEILING_FACTOR) {
      this.#dropBehind(client, `over ${limit * BACKLOG_CEILING_FACTOR} bytes queued`);
    } else if (client.backlogSince === undefined) {
      client.backlogSince = now;
      this.#behind.add(client);
      this.#sweep ??= setInterval(() => this.#sweepBehind(), Math.max(10, grace / 4));
    } else if (now - client.backlogSince >= grace) {
      this.#dropBehind(client, `over ${limit} bytes queued for ${grace} ms`);
    }
    if (this.#behind.size === 0) this.#stopSweep();
  }

  /** Judges clients that are behind even when no new message comes to look at them. */
  #sweepBehind(): void {
    const now = Date.now();
    for (const client of [...this.#behind]) this.#judgeBacklog(client, now);
  }

  #dropBehind(client: Client, why: string): void {
    this.drop(client, { code: CLOSE_POLICY, reason: `not reading: ${why}`, why: "backlog" });
  }

  #stopSweep(): void {
    if (this.#sweep !== undefined) clearInterval(this.#sweep);
    this.#sweep = undefined;
  }

  /**
   * Closes a client on the relay's initiative and releases its id at once, so
   * that it gets no more messages and the id can be taken again even while a
   * stalled peer keeps the socket half-open.
   */
  drop(client: Client, options: CloseInfo & { why: DropReason }): void {
    if (client.dropReason !== undefined || client.gone) return;
    client.dropReason = options.why;
    // Told before the id is released: a cluster's record names the connection's claim.
    if (this.#holders.get(client.id) === client && client.open && client.role === "device") {
      this.#options.presence?.offline(client, { code: options.code, reason: options.reason });
    }
    this.#release(client);
    this.#options.metrics.drop(options.why);
    const log = options.why === "backlog" || options.why === "message_too_big" ? "warn" : "info";
    this.#options.logger[log]("drop", {
      id: client.id,
      remote: client.remote,
      code: options.code,
      reason: options.reason,
    });
    try {
      client.socket.close(options.code, options.reason);
    } catch {
      // Already closing: the id is released all the same.
    }
  }

  /** Handles a socket's close event; Deno may fire it twice, so only the first counts. */
  closed(client: Client, info: CloseInfo): void {
    if (client.gone) return;
    client.gone = true;
    this.#live.delete(client);
    const keepalive = client.dropReason === undefined && info.reason.startsWith(KEEPALIVE_REASON);
    if (keepalive) this.#options.metrics.keepaliveTimeouts++;
    const held = this.#holders.get(client.id) === client;
    const reason = keepalive ? "keepalive timeout" : info.reason || undefined;
    // Told before the id is released: a cluster's record names the connection's claim.
    if (held && client.open && client.role === "device") {
      this.#options.presence?.offline(client, { code: info.code, reason: reason ?? "" });
    }
    this.#release(client);
    if (!held) return; // a drop already logged why it ended
    this.#options.logger.info("disconnect", {
      id: client.id,
      remote: client.remote,
      code: info.code,
      reason,
    });
  }

  /**
   * Closes every connection (shutdown). A single relay keeps nothing for
   * after its restart; a cluster node leaves its clients' windows in Redis,
   * so they get what they missed from whichever node they reach next.
   */
  closeAll(info: CloseInfo): void {
    this.#shuttingDown = !this.#options.resume?.survivesRestart;
    // drop() skips clients already dropped (still draining) or gone.
    for (const client of [...this.#live]) this.drop(client, { ...info, why: "shutdown" });
    this.#shuttingDown = true;
    this.#options.resume?.clear();
  }

  /** A snapshot of the clients holding an id, oldest first. */
  clients(): ClientSummary[] {
    return [...this.#holders.values()].map((client) => ({
      id: client.id,
      remote: client.remote,
      role: client.role,
      connectedSince: new Date(client.connectedAt).toISOString(),
      messagesIn: client.messagesIn,
      messagesOut: client.messagesOut,
    }));
  }

  #release(client: Client): void {
    // Only an id that was really connected starts a resume window; one that never opened keeps
    // whatever window its id already had.
    if (client.open && client.resume && !this.#shuttingDown) {
      this.#options.resume?.leave(client);
    }
    client.receiving = false;
    client.open = false;
    this.#behind.delete(client);
    if (this.#behind.size === 0) this.#stopSweep();
    if (this.#holders.get(client.id) !== client) return;
    this.#holders.delete(client.id);
    this.#operators.delete(client);
    this.#options.registry?.released(client);
  }
}

/**
 * An event's JSON text (an object) with `"mark": mark` added as its last member; the mark is
 * base64url, so it needs no escaping.
 */
export function markEvent(text: string, mark: string): string {
  return `${text.slice(0, text.lastIndexOf("}"))},"mark":"${mark}"}`;
}
