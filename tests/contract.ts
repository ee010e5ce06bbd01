/**
 * The relay's contract as black-box cases, written once and run against any
 * topology: one relay on its own (tests/contract_test.ts) and two nodes of a
 * cluster on Redis (tests/cluster_contract_test.ts). Client `i` of a case
 * connects to node `i mod nodes`, so in a cluster every exchange crosses
 * nodes; a case only speaks WebSocket and plain HTTP to the nodes, and reads
 * a node's state only to wait for something the client cannot see.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { RelayOptions } from "../relay/options.ts";
import type { Relay } from "../relay/relay.ts";
import { closeAll, type Received, TestClient } from "../testing/test_client.ts";
import { delay, waitFor } from "../testing/wait.ts";
import { closePayload, RawClient, rawRequest } from "./raw_client.ts";

/** One node of a topology. */
export interface ContractNode {
  /** `ws://127.0.0.1:PORT/`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  httpUrl: string;
  /** Its port on 127.0.0.1. */
  port: number;
  /** The relay's state, for waits only. */
  relay: Relay;
}

/** The relay under test: one or more nodes. */
export interface Topology {
  /** Every node. */
  nodes: ContractNode[];
}

/** One black-box case. */
export interface ContractCase {
  /** What the relay promises. */
  name: string;
  /** Settings every node of the case starts with. */
  options?: Partial<RelayOptions>;
  /** Runs the case. */
  run(topology: Topology): Promise<void>;
}

/** The node client `i` connects to. */
export function at(topology: Topology, i: number): ContractNode {
  return topology.nodes[i % topology.nodes.length];
}

/**
 * Opens clients `prefix0`, `prefix1`, … each on its node (`first` offsets the spread), and waits
 * until each is live: a cluster node hands a new client what was published while its socket
 * opened a Redis round trip later, within the resume window's caps (256 KiB), which a 1 MiB
 * message sent at once would pass (tests/cluster_stream_test.ts covers that moment).
 */
async function openSpread(
  topology: Topology,
  prefix: string,
  count: number,
  first = 0,
): Promise<TestClient[]> {
  const clients = await Promise.all(
    Array.from(
      { length: count },
      (_, i) => TestClient.open(`${at(topology, first + i).url}${prefix}${i}`),
    ),
  );
  await allLive(topology, clients.map((_, i) => `${prefix}${i}`));
  return clients;
}

/** Waits until each id is live on some node: open, and what was kept for it delivered. */
export function allLive(topology: Topology, ids: string[]): Promise<void> {
  return waitFor(
    `${ids.length > 3 ? `${ids[0]}…` : ids.join(", ")} live`,
    () =>
      ids.every((id) =>
        topology.nodes.some((node) => node.relay.hub.holder(id)?.receiving === true)
      ),
  );
}

/** Whether any node holds `id`. */
export function held(topology: Topology, id: string): boolean {
  return topology.nodes.some((node) => node.relay.hub.holder(id) !== undefined);
}

/** Waits until no node holds `id`, then checks that every node admits it again. */
async function freeEverywhere(topology: Topology, id: string): Promise<void> {
  await waitFor(`${id} released`, () => !held(topology, id));
  for (const node of topology.nodes) {
    let again: TestClient | undefined;
    // A node frees an id in Redis a round trip after its socket closed.
    await waitFor(`${id} free on ${node.url}`, async () => {
      again = await TestClient.open(`${node.url}${id}?resume=0`).catch(() => undefined);
      return again !== undefined;
    });
    await again![Symbol.asyncDispose]();
    await waitFor(`${id} released again`, () => !held(topology, id));
  }
}

async function expectMessages(client: TestClient, expected: Received[], who: string) {
  for (const [i, message] of expected.entries()) {
    const got = await client.next(10_000);
    if (typeof message === "string") {
      assert.equal(typeof got, "string", `${who}: message ${i} stays text`);
      assert.ok(got === message, `${who}: text message ${i} (${message.length} chars) unchanged`);
    } else {
      assert.ok(got instanceof Uint8Array, `${who}: message ${i} stays binary`);
      assert.equal(got.length, message.length, `${who}: message ${i} length`);
      assert.ok(got.every((byte, j) => byte === message[j]), `${who}: message ${i} bytes`);
    }
  }
}

const TEXTS = [
  "",
  "héllo ✓ 😀",
  "\u0000 nul inside",
  "שלום עולם",
  "𝄞".repeat(1000),
  "\ufeff\u200d",
];

function patterned(size: number): Uint8Array {
  return new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff);
}

/** Every case of the contract. */
export const CONTRACT: ContractCase[] = [
  {
    name: "text stays text and binary stays binary, unchanged, at every size up to the limit",
    options: { maxMessageBytes: 1 << 20 },
    async run(topology) {
      const [sender, ...receivers] = await openSpread(topology, "sizes", 4);
      try {
        const sizes = [0, 1, 125, 126, 127, 65535, 65536, 65537, 500_000, 1 << 20];
        const messages: Received[] = [...TEXTS];
        for (const size of sizes) messages.push(patterned(size), "a".repeat(size));
        for (const message of messages) sender.socket.send(message);
        for (const [r, receiver] of receivers.entries()) {
          await expectMessages(receiver, messages, `receiver ${r}`);
        }
        assert.ok(await sender.silentFor(100), "the sender does not get its own messages");
        for (const receiver of receivers) assert.ok(await receiver.silentFor(0), "each once");
      } finally {
        await closeAll([sender, ...receivers]);
      }
    },
  },
  {
    name: "two senders' 1000 messages each arrive complete and in each sender's order",
    async run(topology) {
      const clients = await openSpread(topology, "order", 4);
      const [s0, s1, ...receivers] = clients;
      try {
        for (let i = 0; i < 1000; i++) {
          s0.socket.send(`a${i}`);
          s1.socket.send(new TextEncoder().encode(`b${i}`));
        }
        for (const receiver of receivers) {
          const next = { a: 0, b: 0 };
          for (let n = 0; n < 2000; n++) {
            const message = await receiver.next(10_000);
            const text = typeof message === "string" ? message : new TextDecoder().decode(message);
            const from = text[0] as "a" | "b";
            assert.equal(typeof message === "string", from === "a", "the type does not change");
            assert.equal(text, `${from}${next[from]++}`);
          }
        }
        assert.deepEqual(await s0.next(10_000), new TextEncoder().encode("b0"), "senders hear");
        assert.equal(await s1.next(10_000), "a0", "each other");
      } finally {
        await closeAll(clients);
      }
    },
  },
  {
    name:
      "bad ids and dot segments get 400 with a reason on every node; the longest valid id opens",
    async run(topology) {
      const cases: [string, RegExp][] = [
        ["/", /missing client id/],
        ["/a/b", /only A-Z/],
        ["/a/../b", /only A-Z/],
        ["/..", /dot segment/],
        ["/.", /dot segment/],
        ["/%41", /only A-Z/],
        ["/%2e%2e", /only A-Z/],
        ["/sp%20ace", /only A-Z/],
        ["/" + "x".repeat(65), /65 characters/],
        ["/emoji😀", /only A-Z/],
      ];
      for (const node of topology.nodes) {
        for (const [path, reason] of cases) {
          const { status, body } = await rawRequest({ port: node.port, path });
          assert.equal(status, 400, `status for ${path}`);
          assert.match(body, reason, `reason for ${path}`);
        }
      }
      const longest = await TestClient.open(`${at(topology, 1).url}${"A-z_0.9~".repeat(8)}`);
      await longest[Symbol.asyncDispose]();
    },
  },
  {
    name: "an id held anywhere gets 409 on every node; free again after a close or a TCP loss",
    async run(topology) {
      const holder = await TestClient.open(`${at(topology, 0).url}dup`);
      try {
        for (const node of topology.nodes) {
          const { status, body } = await rawRequest({ port: node.port, path: "/dup" });
          assert.equal(status, 409);
          assert.match(body, /already connected/);
        }
        const other = await TestClient.open(`${at(topology, 1).url}other`);
        other.socket.send("still there?");
        assert.equal(await holder.next(), "still there?", "the holder is untouched");
        await other[Symbol.asyncDispose]();
      } finally {
        await holder[Symbol.asyncDispose]();
      }
      await freeEverywhere(topology, "dup");
      const { client, response } = await RawClient.connect({
        port: at(topology, 1).port,
        path: "/abrupt",
      });
      assert.equal(response.status, 101);
      await waitFor("abrupt to open", () => held(topology, "abrupt"));
      client.close(); // no close frame: the TCP connection just goes away
      await freeEverywhere(topology, "abrupt");
    },
  },
  {
    name: "a fragmented message is relayed whole; one over the limit in total gets 1009",
    options: { maxMessageBytes: 1000 },
    async run(topology) {
      const listener = await TestClient.open(`${at(topology, 1).url}listener`);
      const { client } = await RawClient.connect({ port: at(topology, 0).port, path: "/frag" });
      try {
        await waitFor("frag to open", () => held(topology, "frag"));
        await client.send({ opcode: 0x1, payload: "frag", fin: false });
        await client.send({ opcode: 0x0, payload: "men", fin: false });
        await client.send({ opcode: 0x0, payload: "ted ✓", fin: true });
        await client.send({ opcode: 0x2, payload: new Uint8Array([1, 2]), fin: false });
        await client.send({ opcode: 0x0, payload: new Uint8Array([3]), fin: true });
        assert.equal(await listener.next(5000), "fragmented ✓");
        assert.deepEqual(await listener.next(5000), new Uint8Array([1, 2, 3]));
        await client.send({ opcode: 0x2, payload: new Uint8Array(600), fin: false });
        await client.send({ opcode: 0x0, payload: new Uint8Array(600), fin: true });
        let frame = await client.readFrame();
        while (frame && frame.opcode !== 0x8) frame = await client.readFrame();
        assert.equal(frame?.opcode, 0x8);
        assert.equal(closePayload(frame!.payload).code, 1009);
        assert.ok(await listener.silentFor(100), "the oversized message is not relayed");
      } finally {
        client.close();
        await listener[Symbol.asyncDispose]();
      }
    },
  },
  {
    name: "a message over the limit closes only its sender, with 1009, and is not relayed",
    options: { maxMessageBytes: 1000 },
    async run(topology) {
      const [big, other] = await openSpread(topology, "limit", 2);
      try {
        big.socket.send("x".repeat(1000)); // exactly the limit passes
        assert.equal((await other.next(5000) as string).length, 1000);
        big.socket.send("é".repeat(501)); // 1002 bytes in UTF-8, though 501 characters
        const closed = await big.closed;
        assert.equal(closed.code, 1009);
        assert.match(closed.reason, /1002 bytes is over the 1000-byte limit/);
        assert.ok(await other.silentFor(100), "the oversized message is not relayed");
        assert.equal(other.socket.readyState, WebSocket.OPEN);
        await freeEverywhere(topology, "limit0");
      } finally {
        await closeAll([big, other]);
      }
    },
  },
  {
    name:
      "a client that never answers pings is closed with 1001 and its id freed; one that does stays",
    options: { pingIntervalSeconds: 1, pingTimeoutSeconds: 1 },
    async run(topology) {
      const connect = (i: number, path: string) =>
        RawClient.connect({ port: at(topology, i).port, path });
      const { client: mute } = await connect(0, "/mute");
      const { client: polite } = await connect(1, "/polite");
      try {
        const answering = (async () => {
          while (true) {
            const frame = await polite.readFrame(4000);
            assert.equal(frame?.opcode, 0x9, "only pings reach the polite client");
            await polite.send({ opcode: 0xa, payload: frame!.payload });
          }
        })();
        answering.catch(() => {});
        assert.equal((await mute.readFrame(4000))?.opcode, 0x9);
        const close = await mute.readFrame(4000);
        assert.equal(close?.opcode, 0x8);
        assert.equal(closePayload(close!.payload).code, 1001);
        await freeEverywhere(topology, "mute");
        assert.ok(held(topology, "polite"), "the client that answers stays");
      } finally {
        mute.close();
        polite.close();
        await delay(0);
      }
    },
  },
  {
    name: "a client that never reads is dropped with 1008 and its id freed; readers get everything",
    options: { maxBacklogBytes: 256 * 1024 },
    async run(topology) {
      const { client: stalled } = await RawClient.connect({
        port: at(topology, 0).port,
        path: "/stalled",
      });
      const [sender, ...readers] = await openSpread(topology, "flow", 3, 1);
      try {
        await waitFor("stalled to open", () => held(topology, "stalled"));
        const chunk = "y".repeat(30_000);
        const window = 8; // 240 KB in flight: readers that keep up stay under the limit
        for (let i = 0; i < 800; i += window) {
          for (let j = i; j < i + window; j++) sender.socket.send(`${j}:${chunk}`);
          for (const reader of readers) {
            for (let j = i; j < i + window; j++) {
              const message = await reader.next(10_000) as string;
              assert.ok(message.startsWith(`${j}:`), `message ${j} in order`);
            }
          }
        }
        await freeEverywhere(topology, "stalled");
        for (const reader of readers) assert.equal(reader.socket.readyState, WebSocket.OPEN);
      } finally {
        stalled.close();
        await closeAll([sender, ...readers]);
      }
    },
  },
  {
    name: "a reconnect storm: 40 ids reconnect at once 4 times, each ends up held once and hears",
    async run(topology) {
      const count = 40;
      let refusals = 0;
      let clients: TestClient[] = [];
      for (let round = 0; round < 4; round++) {
        await closeAll(clients);
        clients = await Promise.all(Array.from({ length: count }, async (_, i) => {
          // Every round moves each id to the next node.
          const url = `${at(topology, i + round).url}storm${i}`;
          for (let attempt = 0;; attempt++) {
            try {
              return await TestClient.open(url);
            } catch (error) {
              // A cluster frees an id a Redis round trip after its socket closed (scaling.md).
              if (!/409/.test(String(error)) || attempt >= 50) throw error;
              refusals++;
              await delay(10);
            }
          }
        }));
      }
      try {
        if (topology.nodes.length === 1) assert.equal(refusals, 0, "no 409 on one node");
        for (let i = 0; i < count; i++) {
          assert.equal(topology.nodes.filter((n) => n.relay.hub.holder(`storm${i}`)).length, 1);
        }
        clients[0].socket.send("after the storm");
        for (const client of clients.slice(1)) {
          assert.equal(await client.next(5000), "after the storm");
        }
        for (const client of clients) assert.ok(await client.silentFor(0), "once each");
      } finally {
        await closeAll(clients);
      }
    },
  },
  {
    name: "fan-out to 200: every message reaches the 199 others once, in order",
    async run(topology) {
      const clients: TestClient[] = [];
      // In batches of 50, so that the upgrades do not all queue at once.
      for (let i = 0; i < 200; i += 50) {
        clients.push(...await openSpread(topology, `fan${i / 50}-`, 50, i));
      }
      try {
        const [sender, ...others] = clients;
        for (let m = 0; m < 5; m++) sender.socket.send(`to all ${m}`);
        for (const other of others) {
          for (let m = 0; m < 5; m++) assert.equal(await other.next(10_000), `to all ${m}`);
        }
        for (const other of others) assert.ok(await other.silentFor(0), "once each");
        assert.ok(await sender.silentFor(100), "not back to the sender");
      } finally {
        await closeAll(clients);
      }
    },
  },
];
