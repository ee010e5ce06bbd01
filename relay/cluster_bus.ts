/**
 * The bus of a cluster on Redis: carries every client message of this node
 * to the other nodes that may have to deliver it, and theirs to the hub,
 * with presence events, bus round-trip probes and the frames that close a
 * replaced connection. It is apart from the id registry
 * (relay/cluster_registry.ts); relay/cluster.ts wires the two to one Redis
 * connection and describes the key layout.
 *
 * Messages are published through one Lua script per frame, or per batch of
 * an event-loop turn's frames (relay/cluster_batch.ts), to the `bus` channel
 * or to the channels of the nodes holding their receivers
 * (relay/cluster_route.ts); they come back on the subscriber
 * (relay/redis_subscriber.ts), this node's own skipped undecoded.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { type BusEntry, PublishBatcher } from "./cluster_batch.ts";
import {
  batchFrames,
  decodeFrame,
  encodeEvent,
  encodeMessage,
  encodeProbe,
  isBatchFrame,
  isFromNode,
  isMessageFrame,
} from "./cluster_frame.ts";
import type { ClusterMetrics } from "./cluster_metrics.ts";
import type { ClusterResume } from "./cluster_resume.ts";
import { PUBLISH_ROUTED, type Route, routeArgs, routeOf } from "./cluster_route.ts";
import type { Bus, BusSink, Client } from "./hub.ts";
import type { Logger } from "./logger.ts";
import { type RedisConnection, type ScriptCall, scriptsOf } from "./redis_connection.ts";
import type { ParsedMessage, Party } from "./routing.ts";

// KEYS[1] ids; ARGV prefix, node, frame, then the route (relay/cluster_route.ts).
const ROUTE = PUBLISH_ROUTED + `
return publishRouted(ARGV[1], ARGV[2], ARGV[3], 4)
`;

/** Settings of a {@linkcode ClusterBus}. */
export interface ClusterBusOptions {
  /** The node's command connection, that publishes. */
  commands: RedisConnection;
  /** The node's subscriber connection, that receives. */
  subscriber: RedisConnection;
  /** This node's name (ASCII, as written into frames). */
  nodeId: string;
  /** Prefix of every key and channel (`<cluster>:`). */
  prefix: string;
  /** Counts what goes through. */
  metrics: ClusterMetrics;
  /** Where an undecodable frame is reported. */
  logger: Logger;
  /** The resume window kept in Redis, if there is one: kept messages are published through it. */
  resume(): ClusterResume | undefined;
  /** Forgets the claim `token` (a newer connection elsewhere took its id) and returns its client. */
  forget(token: string): Client | undefined;
}

/** One node's end of the Redis bus. */
export class ClusterBus implements Bus {
  #options: ClusterBusOptions;
  #commands: RedisConnection;
  #scripts: Record<"relayRoute", ScriptCall>;
  #channel: string;
  #idsKey: string;
  #nodeBytes: Uint8Array;
  #batcher: PublishBatcher;
  #sink: BusSink | undefined;

  /** Defines the publishing script on the command connection. */
  constructor(options: ClusterBusOptions) {
    this.#options = options;
    this.#commands = options.commands;
    this.#channel = `${options.prefix}bus`;
    this.#idsKey = `${options.prefix}ids`;
    this.#nodeBytes = Buffer.from(options.nodeId, "latin1");
    this.#commands.defineCommand("relayRoute", { numberOfKeys: 1, lua: ROUTE });
    this.#scripts = scriptsOf<"relayRoute">(this.#commands);
    const metrics = options.metrics;
    this.#batcher = new PublishBatcher({
      commands: this.#commands,
      prefix: options.prefix,
      nodeId: options.nodeId,
      keepLimits: () => options.resume()?.limits,
      publishOne: (entry) => this.#publishOne(entry),
      onKept: (counts) => options.resume()?.counted(counts),
      onCall: () => metrics.publishCalls++,
      onError: () => metrics.busErrors++,
    });
  }

  /** The channels this node subscribes to: every node's, then its own. */
  get channels(): string[] {
    return [this.#channel, `${this.#channel}:${this.#options.nodeId}`];
  }

  /** {@linkcode Bus.connect}: what comes from the other nodes goes to `sink`. */
  connect(sink: BusSink): void {
    this.#sink = sink;
  }

  /** Starts reading the subscriber's messages. */
  listen(): void {
    this.#options.subscriber.on("messageBuffer", (_channel: Uint8Array, message: Uint8Array) => {
      // A throw here would unwind into the Redis client's reply parser: keep it in.
      try {
        this.#onFrame(message);
      } catch (error) {
        this.#options.metrics.busErrors++;
        this.#options.logger.error("bus frame failed", { error: String(error) });
      }
    });
  }

  /**
   * {@linkcode Bus.publish}: hands a local client's message to the other
   * nodes that may have to deliver it (relay/cluster_route.ts).
   */
  publish(sender: Party, data: string | ArrayBuffer, parse: () => ParsedMessage): void {
    const metrics = this.#options.metrics;
    if (this.#commands.status !== "ready") {
      metrics.unpublished++;
      return;
    }
    metrics.published++;
    const route: Route = routeOf(sender, parse().address);
    if (route.kind === "nodes") metrics.routed++;
    const frame = encodeMessage(this.#options.nodeId, sender.id, data, sender.role);
    this.#batcher.add({ frame, sender: sender.id, route, keep: true });
  }

  /** A presence event for the operators of the other nodes (those holding an operator). */
  publishEvent(text: string): void {
    if (this.#commands.status !== "ready") return;
    // Through the batch, so that it keeps its place among the node's client messages.
    this.#batcher.add({
      frame: encodeEvent(this.#options.nodeId, text),
      sender: "",
      route: { kind: "nodes", ids: [] },
      keep: false,
    });
  }

  /** Sends what was published so far in this event-loop turn. */
  flush(): void {
    this.#batcher.flush();
  }

  /** At shutdown: sends what is pending, or counts it lost when Redis is unreachable. */
  drain(): void {
    if (this.#commands.status === "ready") this.#batcher.flush();
    else this.#options.metrics.unpublished += this.#batcher.clear();
  }

  /** Publishes a probe that measures the bus round-trip when it comes back. */
  probe(): void {
    if (this.#commands.status !== "ready") return;
    this.#commands.publish(this.#channel, encodeProbe(this.#options.nodeId, performance.now()))
      .catch(() => this.#options.metrics.busErrors++);
  }

  /** Closes a local client whose id another node took (its claim is forgotten already). */
  replaced(client: Client, reason: string): void {
    this.#sink?.replaced(client, reason);
  }

  /**
   * One frame alone. Every frame goes through a script (never a plain PUBLISH beside them):
   * should Redis have lost its script cache, the retries keep their order.
   */
  #publishOne({ frame, sender, route, keep }: BusEntry): Promise<unknown> {
    const resume = keep ? this.#options.resume() : undefined;
    if (resume) return resume.publish(frame, sender, route);
    return this.#scripts.relayRoute(
      this.#idsKey,
      this.#options.prefix,
      this.#options.nodeId,
      frame,
      ...routeArgs(route),
    );
  }

  #onFrame(bytes: Uint8Array): void {
    const metrics = this.#options.metrics;
    // Own messages and batches come back from Redis: skip them before decoding the payload.
    if ((isMessageFrame(bytes) || isBatchFrame(bytes)) && isFromNode(bytes, this.#nodeBytes)) {
      return;
    }
    if (isBatchFrame(bytes)) {
      const frames = batchFrames(bytes);
      if (!frames) metrics.busErrors++;
      else for (const frame of frames) this.#onFrame(frame);
      return;
    }
    const frame = decodeFrame(bytes);
    if (!frame) {
      metrics.busErrors++;
      return;
    }
    const nodeId = this.#options.nodeId;
    switch (frame.kind) {
      case "text":
      case "binary":
        metrics.received++;
        this.#sink?.deliver({ id: frame.sender, role: frame.role }, frame.data, frame.bytes);
        return;
      case "event":
        if (frame.node !== nodeId) this.#sink?.notify(frame.text);
        return;
      case "probe":
        if (frame.node === nodeId) metrics.roundTrip((performance.now() - frame.sentAt) / 1000);
        return;
      case "replace": {
        const client = this.#options.forget(frame.token);
        if (client) this.replaced(client, "replaced by a newer connection on another node");
        return;
      }
      case "resumed":
        if (frame.node === nodeId) this.#options.resume()?.marked(frame.ticket);
        return;
    }
  }
}
