/**
 * The one interface the relay keeps its ids, presence and resume window
 * behind, with the {@linkcode Bus} its hub publishes on:
 * {@linkcode LocalRegistry} in this process (a relay on its own, on a
 * `LocalBus` of its own), or a node of a cluster on Redis (`ClusterNode` in
 * relay/cluster.ts, `--redis`, on its `ClusterBus`). relay/relay.ts calls the
 * same methods either way, so it has no branch for the cluster;
 * relay/serve.ts is given the one to use.
 *
 * @example
 * ```ts
 * import { LocalRegistry } from "./registry.ts";
 *
 * const registry = new LocalRegistry();
 * const claim = registry.claim({ id: "a", remote: "local", replace: false, role: "device" });
 * // claim is { ok: true, token: "" }: on its own, the hub's holders are the whole truth.
 * ```
 * @module
 */

import type { Bus, Client, ClientSummary, HubRegistry, ResumeKeeper } from "./hub.ts";
import { LocalBus } from "./local_bus.ts";
import type { ResumeDiscardReason } from "./metrics.ts";
import { Presence, type PresenceOptions, type PresenceStore } from "./presence.ts";
import { type ResumeLimits, ResumeStore } from "./resume.ts";
import type { Role } from "./routing.ts";

/** Outcome of {@linkcode Registry.claim}. */
export type ClaimResult =
  | { ok: true; token: string }
  | { ok: false; status: 409; node: string }
  | { ok: false; status: 503; reason: string };

/** What asks for an id: a new connection. */
export interface ClaimRequest {
  /** The id asked for. */
  id: string;
  /** Remote address and port. */
  remote: string;
  /** Whether a holder elsewhere is to be closed with 4001 (`--on-duplicate replace`). */
  replace: boolean;
  /** `device` or `operator`. */
  role: Role;
}

/** A client as listed by `GET /clients` in a cluster. */
export interface ClusterClientSummary {
  /** The client's id. */
  id: string;
  /** The node it is connected to. */
  node: string;
  /** Remote address and port. */
  remote: string;
  /** When the connection was accepted (ISO 8601). */
  connectedSince: string;
  /** `device` or `operator`. */
  role: Role;
  /** Messages received from this client; only known for this node's clients. */
  messagesIn?: number;
  /** Messages delivered to this client; only known for this node's clients. */
  messagesOut?: number;
}

/** How a node reads the state of the cluster, for `/healthz`. */
export interface ClusterHealth {
  /** Redis reachable and this node's ids registered. */
  redis: "up" | "down";
  /** This node. */
  node: string;
  /** Cluster name. */
  cluster: string;
  /** Live nodes at the last heartbeat. */
  nodes: number;
}

/** What a registry adds to `GET /healthz`. */
export interface RegistryHealth {
  /** True while the relay refuses new clients (a cluster node without Redis): answered with 503. */
  degraded: boolean;
  /** Fields added to the answer; none on its own. */
  fields?: ClusterHealth;
}

/** Settings of {@linkcode Registry.resumeKeeper}. */
export interface ResumeKeeperOptions extends ResumeLimits {
  /** Largest message a client may send. */
  maxMessageBytes: number;
  /** Counts what the window let go, by reason. */
  onDiscard(reason: ResumeDiscardReason, count: number): void;
}

/**
 * Where a relay's ids, presence records and resume window live, with the
 * {@linkcode Bus} that carries its messages to the other relays sharing them.
 */
export interface Registry extends HubRegistry {
  /** This node's name in a cluster; none on its own. */
  readonly nodeId?: string;
  /** What carries the hub's messages to the other relays and theirs to it. */
  readonly bus: Bus;
  /** The resume window's store. */
  resumeKeeper(options: ResumeKeeperOptions): ResumeKeeper;
  /** The devices' presence records. */
  presenceStore(options: PresenceOptions): PresenceStore;
  /**
   * Takes `id` for a new connection: at once when only this process decides
   * (the hub's holders were checked before), else later, once the others agreed.
   */
  claim(request: ClaimRequest): ClaimResult | Promise<ClaimResult>;
  /** Links a claim to the client that got the connection. */
  bind(client: Client, token: string): void;
  /** Gives back a claim whose connection never opened (the upgrade failed). */
  unclaim(id: string, token: string): void;
  /** `GET /clients`: every client, given this process's own; rejects when they cannot be known. */
  clients(local: ClientSummary[]): Promise<ClientSummary[] | ClusterClientSummary[]>;
  /** Whether `/healthz` reports the relay degraded, and its extra fields. */
  health(): RegistryHealth;
  /** Extra `/metrics` lines (Prometheus text); empty on its own. */
  metricsText(): string;
  /** Lets go of what it holds (shutdown, after the clients were closed). */
  close(): Promise<void>;
}

/** A relay on its own: the hub's holders are the ids, presence and resume live in this process. */
export class LocalRegistry implements Registry {
  /** {@linkcode Registry.bus}: a network of its own, so no other relay gets its messages. */
  readonly bus: LocalBus = new LocalBus();

  /** {@linkcode Registry.resumeKeeper}: in memory (relay/resume.ts). */
  resumeKeeper(options: ResumeKeeperOptions): ResumeKeeper {
    const { maxMessageBytes: _unused, ...limits } = options;
    return new ResumeStore(limits);
  }

  /** {@linkcode Registry.presenceStore}: in memory (relay/presence.ts). */
  presenceStore(options: PresenceOptions): PresenceStore {
    return new Presence(options);
  }

  /** Always granted: the relay checked the hub's holders already. */
  claim(_request: ClaimRequest): ClaimResult {
    return { ok: true, token: "" };
  }

  /** Nothing to link. */
  bind(_client: Client, _token: string): void {}

  /** Nothing to give back. */
  unclaim(_id: string, _token: string): void {}

  /** {@linkcode HubRegistry.released}: nothing to free, the hub's holders were the truth. */
  released(_client: Client): void {}

  /** This process's clients are all of them. */
  clients(local: ClientSummary[]): Promise<ClientSummary[]> {
    return Promise.resolve(local);
  }

  /** Never degraded, no fields to add. */
  health(): RegistryHealth {
    return { degraded: false };
  }

  /** No lines to add. */
  metricsText(): string {
    return "";
  }

  /** Leaves the bus's network. */
  close(): Promise<void> {
    this.bus.leave();
    return Promise.resolve();
  }
}
