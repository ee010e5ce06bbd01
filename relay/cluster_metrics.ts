/**
 * Counters of a relay node's traffic with the Redis bus, rendered after the
 * relay's own metrics at `GET /metrics` when the relay runs with `--redis`.
 *
 * @example
 * ```ts
 * import { ClusterMetrics } from "./cluster_metrics.ts";
 * const metrics = new ClusterMetrics();
 * metrics.published++;
 * console.log(metrics.render({ up: true, nodes: 2 }));
 * ```
 * @module
 */

/** Values read at render time. */
export interface ClusterSnapshot {
  /** Whether Redis is reachable and this node is registered. */
  up: boolean;
  /** Live nodes seen at the last heartbeat. */
  nodes: number;
}

/** Counters of the bus traffic of one node. */
export class ClusterMetrics {
  /** Client messages published to the bus. */
  published = 0;
  /** Of those, messages published only to the nodes holding their receivers (not to every node). */
  routed = 0;
  /**
   * Script calls that published frames: a batch of one event-loop turn's frames, or a frame alone
   * (relay/cluster_batch.ts). Fewer than the frames published when batching pays.
   */
  publishCalls = 0;
  /** Client messages from other nodes received from the bus. */
  received = 0;
  /** Client messages not published because Redis was unreachable (lost for other nodes). */
  unpublished = 0;
  /** Failed Redis commands, connection errors and undecodable frames. */
  busErrors = 0;
  /** Times the node registered its ids again after Redis came back or its lease lapsed. */
  rejoins = 0;
  /** Last bus round-trip (publish to own receipt), seconds; NaN before the first. */
  roundTripSeconds = NaN;
  /** Sum of every bus round-trip measured, seconds. */
  roundTripSum = 0;
  /** Bus round-trips measured. */
  roundTripCount = 0;

  /** Records one bus round-trip. */
  roundTrip(seconds: number): void {
    this.roundTripSeconds = seconds;
    this.roundTripSum += seconds;
    this.roundTripCount++;
  }

  /** Renders the cluster metrics in the Prometheus text format (version 0.0.4). */
  render(snapshot: ClusterSnapshot): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric(
      "relay_cluster_up",
      "gauge",
      "1 while Redis is reachable and ids are registered.",
      snapshot.up ? 1 : 0,
    );
    metric(
      "relay_cluster_nodes",
      "gauge",
      "Live nodes of the cluster at the last heartbeat.",
      snapshot.nodes,
    );
    metric(
      "relay_cluster_published_total",
      "counter",
      "Client messages published to the bus.",
      this.published,
    );
    metric(
      "relay_cluster_routed_total",
      "counter",
      "Client messages published only to the nodes holding an addressee or an operator.",
      this.routed,
    );
    metric(
      "relay_cluster_publish_calls_total",
      "counter",
      "Redis script calls that published bus frames (a batch of one turn's frames, or one frame).",
      this.publishCalls,
    );
    metric(
      "relay_cluster_received_total",
      "counter",
      "Client messages received from other nodes.",
      this.received,
    );
    metric(
      "relay_cluster_unpublished_total",
      "counter",
      "Client messages other nodes missed because Redis was unreachable.",
      this.unpublished,
    );
    metric(
      "relay_cluster_bus_errors_total",
      "counter",
      "Failed Redis commands and connection errors.",
      this.busErrors,
    );
    metric(
      "relay_cluster_rejoins_total",
      "counter",
      "Registrations of every local id after Redis came back.",
      this.rejoins,
    );
    metric(
      "relay_cluster_bus_roundtrip_seconds",
      "gauge",
      "Last round-trip of a probe through the bus (publish to own receipt).",
      this.roundTripSeconds,
    );
    lines.push(
      "# HELP relay_cluster_bus_roundtrip_seconds_total Sum of every probe round-trip.",
      "# TYPE relay_cluster_bus_roundtrip_seconds_total counter",
      `relay_cluster_bus_roundtrip_seconds_total ${this.roundTripSum}`,
      "# HELP relay_cluster_bus_roundtrips_total Probe round-trips measured.",
      "# TYPE relay_cluster_bus_roundtrips_total counter",
      `relay_cluster_bus_roundtrips_total ${this.roundTripCount}`,
    );
    return lines.join("\n") + "\n";
  }
}
