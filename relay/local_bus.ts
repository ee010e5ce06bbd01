/**
 * The bus of relays in one process: what a hub's client sends is delivered
 * at once to the hubs of the other buses on the same network. A relay on its
 * own is the only bus of its network, so it publishes to no one; several
 * hubs on one network behave as the nodes of a cluster, without Redis.
 *
 * @example
 * ```ts
 * import { LocalBus } from "./local_bus.ts";
 *
 * const a = new LocalBus();
 * const b = new LocalBus({ network: a });
 * const got: string[] = [];
 * b.connect({ deliver: (_sender, data) => got.push(String(data)), notify() {}, replaced() {} });
 * a.publish({ id: "x", role: "operator" }, "hi", () => ({ address: { kind: "none" }, retain: false }));
 * // got is now ["hi"]
 * ```
 * @module
 */

import { type Bus, type BusSink, utf8Length } from "./hub.ts";
import type { ParsedMessage, Party } from "./routing.ts";

/** Settings of a {@linkcode LocalBus}. */
export interface LocalBusOptions {
  /** A bus whose network this one joins; none starts a network of its own. */
  network?: LocalBus;
}

/** One hub's end of an in-process bus. */
export class LocalBus implements Bus {
  #members: Set<LocalBus>;
  #sink: BusSink | undefined;

  /** Joins `options.network`'s network, or starts one. */
  constructor(options: LocalBusOptions = {}) {
    this.#members = options.network ? options.network.#members : new Set();
    this.#members.add(this);
  }

  /** {@linkcode Bus.connect}: what the other buses of the network publish goes to `sink`. */
  connect(sink: BusSink): void {
    this.#sink = sink;
  }

  /** {@linkcode Bus.publish}: delivers the message to the hub of every other bus of the network. */
  publish(sender: Party, data: string | ArrayBuffer, _parse: () => ParsedMessage): void {
    if (this.#members.size === 1) return;
    const bytes = typeof data === "string" ? utf8Length(data) : data.byteLength;
    for (const member of this.#members) {
      if (member !== this) member.#sink?.deliver(sender, data, bytes);
    }
  }

  /** Leaves the network: nothing more is delivered to or from this bus. */
  leave(): void {
    this.#members.delete(this);
  }
}
