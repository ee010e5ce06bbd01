/**
 * Presence and last state of devices: for each device seen within the TTL,
 * whether it is online, since when, when it was last seen, from where, how
 * its last connection ended, and its latest retained message (a message it
 * sent with `"retain": true`). Served at `GET /devices`; changes are told as
 * events to operators that asked for them (`?events=1`).
 *
 * It knows nothing about sockets: the hub tells it who came, sent and went.
 * {@linkcode Presence} keeps the records in this process; a cluster keeps
 * them in Redis (relay/cluster_presence.ts), behind the same
 * {@linkcode PresenceStore} interface.
 *
 * @example
 * ```ts
 * import { Presence } from "./presence.ts";
 * import { RelayMetrics } from "./metrics.ts";
 *
 * const presence = new Presence({
 *   ttlMs: 86_400_000,
 *   maxRetainedBytes: 4096,
 *   metrics: new RelayMetrics(),
 *   onEvent: (event) => console.log(event),
 * });
 * const device = { id: "esp32-1", remote: "10.0.0.7:5000" };
 * presence.online(device); // { event: "online", id: "esp32-1", at: "…" }
 * presence.seen(device, '{"retain":true,"status":"ok"}', 29, true);
 * console.log(presence.list()[0].retained?.message); // { retain: true, status: "ok" }
 * ```
 * @module
 */

import type { CloseInfo, HubPresence, RelayMessage } from "./hub.ts";
import type { RelayMetrics } from "./metrics.ts";

/** A presence event sent to operators that connected with `?events=1`. */
export interface PresenceEvent {
  /** What happened. */
  event: "online" | "offline" | "retained";
  /** The device's id. */
  id: string;
  /** When (ISO 8601). */
  at: string;
  /** For `offline`: the close code. */
  code?: number;
  /** For `offline`: the close reason, if any. */
  reason?: string;
}

/** One device as `GET /devices` lists it. */
export interface DeviceRecord {
  /** The device's id. */
  id: string;
  /** Whether it is connected now. */
  online: boolean;
  /** When its current (or last) connection opened (ISO 8601). */
  connectedSince: string;
  /** When it last connected, sent or left (ISO 8601). */
  lastSeen: string;
  /** Remote address and port of its current (or last) connection. */
  remote: string;
  /** How its last connection ended; `null` while it has not ended once. */
  lastDisconnect: { code: number; reason: string; at: string } | null;
  /** Its latest retained message, within the TTL; `null` when none. */
  retained: { at: string; message: unknown } | null;
}

/** What presence needs to know of a connection. */
export interface PresenceClient {
  /** The device's id. */
  readonly id: string;
  /** Remote address and port. */
  readonly remote: string;
}

/** Devices online and known, for `/metrics`. */
export interface PresenceCounts {
  /** Devices connected now. */
  online: number;
  /** Devices remembered (online, or seen within the TTL). */
  known: number;
}

/**
 * Where presence records live: in this process ({@linkcode Presence}) or, for
 * a cluster, in Redis (relay/cluster_presence.ts).
 */
export interface PresenceStore extends HubPresence {
  /** Every device online or seen within the TTL, by id, with its retained message. */
  list(): DeviceRecord[] | Promise<DeviceRecord[]>;
  /** Devices online and known. */
  counts(): PresenceCounts | Promise<PresenceCounts>;
  /** Forgets what this process holds (shutdown). */
  clear(): void;
}

/** Settings of a {@linkcode Presence} (and of a cluster's store). */
export interface PresenceOptions {
  /** How long a device is remembered after it was last seen, and a retained message kept. */
  ttlMs: number;
  /** Largest retained message kept; bigger ones are counted and not kept. */
  maxRetainedBytes: number;
  /** Counters to update. */
  metrics: RelayMetrics;
  /** Called with each event, for the operators that asked for them. */
  onEvent?: (event: PresenceEvent) => void;
  /** The clock (milliseconds since the epoch); `Date.now` unless a test drives it. */
  now?: () => number;
}

interface Entry {
  connection: PresenceClient | undefined;
  connectedSince: number;
  lastSeen: number;
  remote: string;
  lastDisconnect: { code: number; reason: string; at: number } | null;
  retained: { text: string; at: number } | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The `offline` event of a device whose connection ended at `atMs` (the reason only if given). */
export function offlineEvent(id: string, atMs: number, info: CloseInfo): PresenceEvent {
  return {
    event: "offline",
    id,
    at: iso(atMs),
    code: info.code,
    ...(info.reason ? { reason: info.reason } : {}),
  };
}

/** Presence records of devices, kept in this process. */
export class Presence implements PresenceStore {
  #entries = new Map<string, Entry>();
  #options: PresenceOptions;
  #now: () => number;
  #prunedAt = 0;

  /** Creates an empty record. */
  constructor(options: PresenceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Devices connected now. */
  get onlineCount(): number {
    let count = 0;
    for (const entry of this.#entries.values()) if (entry.connection) count++;
    return count;
  }

  /** Devices remembered (online, or seen within the TTL). */
  get knownCount(): number {
    this.#prune(this.#now(), true);
    return this.#entries.size;
  }

  /** {@linkcode PresenceStore.counts}. */
  counts(): PresenceCounts {
    return { online: this.onlineCount, known: this.knownCount };
  }

  /** A device's connection opened. */
  online(client: PresenceClient): void {
    const now = this.#now();
    this.#prune(now);
    const entry = this.#entries.get(client.id);
    if (entry) {
      entry.connection = client;
      entry.connectedSince = now;
      entry.lastSeen = now;
      entry.remote = client.remote;
    } else {
      this.#entries.set(client.id, {
        connection: client,
        connectedSince: now,
        lastSeen: now,
        remote: client.remote,
        lastDisconnect: null,
        retained: null,
      });
    }
    this.#emit({ event: "online", id: client.id, at: iso(now) });
  }

  /** A device sent a message; a retained one within the size cap becomes its last state. */
  seen(client: PresenceClient, data: RelayMessage, bytes: number, retain: boolean): void {
    const entry = this.#entries.get(client.id);
    if (!entry || entry.connection !== client) return;
    const now = this.#now();
    entry.lastSeen = now;
    if (!retain || typeof data !== "string") return;
    if (bytes > this.#options.maxRetainedBytes) {
      this.#options.metrics.retainedTooBig++;
      return;
    }
    entry.retained = { text: data, at: now };
    this.#emit({ event: "retained", id: client.id, at: iso(now) });
  }

  /** A device's connection ended; a stale connection (already replaced) changes nothing. */
  offline(client: PresenceClient, info: CloseInfo): void {
    const entry = this.#entries.get(client.id);
    if (!entry || entry.connection !== client) return;
    const now = this.#now();
    entry.connection = undefined;
    entry.lastSeen = now;
    entry.lastDisconnect = { code: info.code, reason: info.reason, at: now };
    this.#emit(offlineEvent(client.id, now, info));
  }

  /** Every device online or seen within the TTL, by id, with its retained message. */
  list(): DeviceRecord[] {
    const now = this.#now();
    this.#prune(now, true);
    return [...this.#entries.entries()]
      .sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
      .map(([id, entry]) => ({
        id,
        online: entry.connection !== undefined,
        connectedSince: iso(entry.connectedSince),
        lastSeen: iso(entry.lastSeen),
        remote: entry.remote,
        lastDisconnect: entry.lastDisconnect && {
          ...entry.lastDisconnect,
          at: iso(entry.lastDisconnect.at),
        },
        retained: entry.retained &&
          { at: iso(entry.retained.at), message: parse(entry.retained.text) },
      }));
  }

  /** Forgets everything (shutdown). */
  clear(): void {
    this.#entries.clear();
  }

  /**
   * Forgets offline devices not seen within the TTL and retained messages
   * older than it; without `force`, at most once a second (it walks them all).
   */
  #prune(now: number, force = false): void {
    if (!force && now - this.#prunedAt < 1000) return;
    this.#prunedAt = now;
    const ttl = this.#options.ttlMs;
    for (const [id, entry] of this.#entries) {
      if (entry.retained && now - entry.retained.at >= ttl) entry.retained = null;
      if (!entry.connection && now - entry.lastSeen >= ttl) this.#entries.delete(id);
    }
  }

  #emit(event: PresenceEvent): void {
    this.#options.onEvent?.(event);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // only parsed messages are retained; kept as text should one not be
  }
}
