/**
 * The relay's counters and their Prometheus text rendering for `GET /metrics`.
 *
 * @example
 * ```ts
 * import { RelayMetrics } from "./metrics.ts";
 * const metrics = new RelayMetrics();
 * metrics.connection("accepted");
 * console.log(metrics.render({ clientsConnected: 1 }));
 * ```
 * @module
 */

/** How a connection attempt ended. */
export type ConnectionOutcome =
  | "accepted"
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "duplicate"
  | "replaced"
  | "full"
  | "unavailable"
  | "not_websocket";

/** Why the relay itself closed a client. */
export type DropReason = "message_too_big" | "backlog" | "replaced" | "shutdown";

/** Why a per-client credential (JWT) was refused. */
export type CredentialRefusal =
  | "missing"
  | "malformed"
  | "bad_algorithm"
  | "bad_signature"
  | "expired"
  | "bad_claims"
  | "wrong_id"
  | "not_operator";

/** Every {@linkcode CredentialRefusal}, in the order `/metrics` lists them. */
export const CREDENTIAL_REFUSALS: readonly CredentialRefusal[] = [
  "missing",
  "malformed",
  "bad_algorithm",
  "bad_signature",
  "expired",
  "bad_claims",
  "wrong_id",
  "not_operator",
];

/** Why messages kept for an away client were discarded before it came back. */
export type ResumeDiscardReason = "max_messages" | "max_bytes" | "max_total_bytes" | "expired";

/** Every {@linkcode ResumeDiscardReason}, in the order `/metrics` lists them. */
export const RESUME_DISCARD_REASONS: readonly ResumeDiscardReason[] = [
  "max_messages",
  "max_bytes",
  "max_total_bytes",
  "expired",
];

/** Values read at render time rather than counted. */
export interface MetricsSnapshot {
  /** Clients currently holding an id. */
  clientsConnected: number;
  /** Ids inside their resume window. */
  clientsAway?: number;
  /** Payload bytes kept for them. */
  resumeKeptBytes?: number;
  /** Devices connected; NaN when unknown (a cluster node without Redis). */
  devicesOnline?: number;
  /** Devices with a presence record (seen within the retain TTL); NaN when unknown. */
  devicesKnown?: number;
}

const OUTCOMES: readonly ConnectionOutcome[] = [
  "accepted",
  "bad_request",
  "unauthorized",
  "forbidden",
  "duplicate",
  "replaced",
  "full",
  "unavailable",
  "not_websocket",
];
const DROP_REASONS: readonly DropReason[] = ["message_too_big", "backlog", "replaced", "shutdown"];

/** Counters the relay updates as it works. */
export class RelayMetrics {
  /** Connection attempts by outcome. */
  readonly connections: Record<ConnectionOutcome, number> = Object.fromEntries(
    OUTCOMES.map((o) => [o, 0]),
  ) as Record<ConnectionOutcome, number>;
  /** Clients the relay closed, by reason. */
  readonly drops: Record<DropReason, number> = Object.fromEntries(
    DROP_REASONS.map((r) => [r, 0]),
  ) as Record<DropReason, number>;
  /** Per-client credentials (JWT) refused, by reason: upgrades and operator-only endpoints. */
  readonly credentialRefusals: Record<CredentialRefusal, number> = Object.fromEntries(
    CREDENTIAL_REFUSALS.map((r) => [r, 0]),
  ) as Record<CredentialRefusal, number>;
  /** Retained messages over `--retain-max-bytes`, relayed but not kept. */
  retainedTooBig = 0;
  /** Messages received from clients. */
  messagesIn = 0;
  /** Bytes of payload received from clients. */
  bytesIn = 0;
  /** Deliveries: one message sent to one client. */
  messagesOut = 0;
  /** Bytes of payload sent to clients. */
  bytesOut = 0;
  /** Clients closed because they did not answer a ping in time. */
  keepaliveTimeouts = 0;
  /** Kept messages handed to clients that came back inside the resume window. */
  resumeReplayed = 0;
  /** Kept messages discarded unread, by reason. */
  readonly resumeDiscarded: Record<ResumeDiscardReason, number> = Object.fromEntries(
    RESUME_DISCARD_REASONS.map((r) => [r, 0]),
  ) as Record<ResumeDiscardReason, number>;

  /** Counts one connection attempt. */
  connection(outcome: ConnectionOutcome): void {
    this.connections[outcome]++;
  }

  /** Counts one client closed by the relay. */
  drop(reason: DropReason): void {
    this.drops[reason]++;
  }

  /** Renders every metric in the Prometheus text exposition format (version 0.0.4). */
  render(snapshot: MetricsSnapshot): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: string[]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
    };
    const counter = (name: string, help: string, value: number) =>
      metric(name, "counter", help, [`${name} ${value}`]);
    metric("relay_clients_connected", "gauge", "Clients currently connected.", [
      `relay_clients_connected ${snapshot.clientsConnected}`,
    ]);
    metric(
      "relay_connections_total",
      "counter",
      "Connection attempts by outcome.",
      OUTCOMES.map((o) => `relay_connections_total{outcome="${o}"} ${this.connections[o]}`),
    );
    metric(
      "relay_credential_refusals_total",
      "counter",
      "Per-client credentials (JWT) refused, by reason.",
      CREDENTIAL_REFUSALS.map((r) =>
        `relay_credential_refusals_total{reason="${r}"} ${this.credentialRefusals[r]}`
      ),
    );
    counter("relay_messages_received_total", "Messages received from clients.", this.messagesIn);
    counter("relay_received_bytes_total", "Payload bytes received from clients.", this.bytesIn);
    counter("relay_messages_sent_total", "Messages delivered to clients.", this.messagesOut);
    counter("relay_sent_bytes_total", "Payload bytes delivered to clients.", this.bytesOut);
    metric(
      "relay_drops_total",
      "counter",
      "Clients closed by the relay, by reason.",
      DROP_REASONS.map((r) => `relay_drops_total{reason="${r}"} ${this.drops[r]}`),
    );
    counter(
      "relay_keepalive_timeouts_total",
      "Clients closed for not answering a ping in time.",
      this.keepaliveTimeouts,
    );
    metric("relay_resume_clients_away", "gauge", "Ids inside their resume window.", [
      `relay_resume_clients_away ${snapshot.clientsAway ?? 0}`,
    ]);
    metric("relay_resume_kept_bytes", "gauge", "Payload bytes kept for away ids.", [
      `relay_resume_kept_bytes ${snapshot.resumeKeptBytes ?? 0}`,
    ]);
    counter(
      "relay_resume_replayed_total",
      "Kept messages delivered to clients that came back.",
      this.resumeReplayed,
    );
    metric(
      "relay_resume_discarded_total",
      "counter",
      "Kept messages discarded unread, by reason.",
      RESUME_DISCARD_REASONS.map((r) =>
        `relay_resume_discarded_total{reason="${r}"} ${this.resumeDiscarded[r]}`
      ),
    );
    metric("relay_devices_online", "gauge", "Devices currently connected.", [
      `relay_devices_online ${snapshot.devicesOnline ?? 0}`,
    ]);
    metric("relay_devices_known", "gauge", "Devices seen within --retain-ttl.", [
      `relay_devices_known ${snapshot.devicesKnown ?? 0}`,
    ]);
    counter(
      "relay_retained_too_big_total",
      "Retained messages over --retain-max-bytes, relayed but not kept.",
      this.retainedTooBig,
    );
    return lines.join("\n") + "\n";
  }
}
