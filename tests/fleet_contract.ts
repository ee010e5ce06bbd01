/**
 * The fleet's contract (roles, addressing, the resume window by role,
 * presence, retained messages and events) as black-box cases over a
 * topology, like tests/contract.ts: tests/contract_test.ts runs them on one
 * relay, tests/cluster_contract_test.ts on two nodes of a cluster, where
 * client `i` connects to node `i mod 2` so that roles and addresses cross
 * nodes. The routing table's kinds are here too, for tests/routing_test.ts.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { DeviceRecord, PresenceEvent } from "../relay/presence.ts";
import type { Role } from "../relay/routing.ts";
import { allLive, at, type ContractCase, held, type Topology } from "./contract.ts";
import { closeAll, type Received, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";

/** What a receiver of each role gets, by message kind, written out by hand (not computed). */
export type Expect = "yes" | "no" | "if-operator-sender";
export interface Kind {
  name: string;
  /** The message; `other` is an id other than the receiver's. */
  build: (receiver: string, other: string, label: string) => string | Uint8Array;
  device: Expect;
}

export const KINDS: Kind[] = [
  {
    name: "to the receiver's id",
    build: (r, _o, l) => JSON.stringify({ to: r, l }),
    device: "yes",
  },
  { name: "to another id", build: (_r, o, l) => JSON.stringify({ to: o, l }), device: "no" },
  {
    name: "to an array holding the receiver",
    build: (r, o, l) => JSON.stringify({ to: [o, r], l }),
    device: "yes",
  },
  {
    name: "to an array without the receiver",
    build: (_r, o, l) => JSON.stringify({ to: [o], l }),
    device: "no",
  },
  { name: 'to "*"', build: (_r, _o, l) => JSON.stringify({ to: "*", l }), device: "yes" },
  { name: "to an empty array", build: (_r, _o, l) => JSON.stringify({ to: [], l }), device: "no" },
  { name: "to a number", build: (_r, _o, l) => JSON.stringify({ to: 5, l }), device: "no" },
  {
    name: 'JSON without "to"',
    build: (_r, _o, l) => JSON.stringify({ l }),
    device: "if-operator-sender",
  },
  {
    name: "a JSON array",
    build: (r, _o, l) => JSON.stringify([{ to: r, l }]),
    device: "if-operator-sender",
  },
  {
    name: "text that is not JSON",
    build: (_r, _o, l) => `plain l=${l}`,
    device: "if-operator-sender",
  },
  {
    name: "text starting with { that is not JSON",
    build: (r, _o, l) => `{"to":"${r}", l=${l}`,
    device: "if-operator-sender",
  },
  {
    name: "JSON with leading space",
    build: (r, _o, l) => ` {"to":"${r}","l":"${l}"}`,
    device: "if-operator-sender",
  },
  {
    name: "binary",
    build: (r, _o, l) => new TextEncoder().encode(JSON.stringify({ to: r, l })),
    device: "if-operator-sender",
  },
];

export function expected(kind: Kind, sender: Role, receiver: Role): boolean {
  if (receiver === "operator") return true;
  if (kind.device === "if-operator-sender") return sender === "operator";
  return kind.device === "yes";
}

/** A received message as text (binary is decoded), for comparison. */
function asText(message: Received): string {
  return typeof message === "string" ? message : `bin:${new TextDecoder().decode(message)}`;
}

/** Collects messages until every sender in `from` has sent its end marker; returns them by sender. */
async function collect(client: TestClient, from: string[]): Promise<Map<string, string[]>> {
  const bySender = new Map<string, string[]>(from.map((id) => [id, []]));
  const ended = new Set<string>();
  while (ended.size < from.length) {
    const text = asText(await client.next(5000));
    const end = /"end":"([^"]+)"/.exec(text);
    if (end) {
      ended.add(end[1]);
      continue;
    }
    const sender = /(?:"l":"|l=)([a-z]+\d)\//.exec(text)?.[1];
    assert.ok(sender && bySender.has(sender), `unexpected message ${text}`);
    bySender.get(sender)!.push(text);
  }
  return bySender;
}

/** What a device gets of a message built for another receiver: it is not named, "*" aside. */
function notNamed(kind: Kind): Expect {
  return kind.name === 'to "*"' ? "yes" : kind.device === "yes" ? "no" : kind.device;
}

/** Opens `id` on node `node` of the topology with `query` (e.g. `?role=device`). */
function openOn(topology: Topology, node: number, id: string, query = ""): Promise<TestClient> {
  return TestClient.open(`${at(topology, node).url}${id}${query}`);
}

/** A device or an operator, by the first letters of its id. */
function roleOf(id: string): Role {
  return id.startsWith("dev") || /^d\d/.test(id) ? "device" : "operator";
}

async function devicesOf(httpUrl: string): Promise<DeviceRecord[]> {
  const response = await fetch(`${httpUrl}/devices`);
  assert.equal(response.status, 200, `/devices on ${httpUrl}`);
  return await response.json();
}

/**
 * Reads `count` items from an operator that asked for events: an event as
 * `event:code?` under its device's id, a message (JSON with "from") as its text under its sender.
 */
async function eventsAndMessages(
  client: TestClient,
  count: number,
): Promise<Map<string, string[]>> {
  const byDevice = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const text = await client.next(10_000) as string;
    const parsed = JSON.parse(text) as Partial<PresenceEvent> & { from?: string };
    const id = parsed.event ? parsed.id! : parsed.from!;
    const item = parsed.event
      ? [parsed.event, parsed.code, parsed.reason].filter((x) => x !== undefined).join(":")
      : text;
    byDevice.set(id, [...byDevice.get(id) ?? [], item]);
  }
  return byDevice;
}

/** The fleet's cases, run on every topology. */
export const FLEET_CONTRACT: ContractCase[] = [
  {
    name: "the role table: every sender role × message kind × receiver role, with real clients",
    async run(topology) {
      // Each role on every node, and the two devices on different nodes.
      const ids = ["op0", "op1", "dev0", "dev1"];
      const clients = await Promise.all(
        ids.map((id, i) => openOn(topology, i, id, roleOf(id) === "device" ? "?role=device" : "")),
      );
      try {
        await allLive(topology, ids);
        const want = new Map<string, Map<string, string[]>>(
          ids.map((rx) => [rx, new Map(ids.filter((tx) => tx !== rx).map((tx) => [tx, []]))]),
        );
        // Every sender sends every kind once per possible receiver (its id in the message).
        ids.forEach((tx, i) => {
          for (const [k, kind] of KINDS.entries()) {
            for (const rx of ids) {
              if (rx === tx) continue;
              const label = `${tx}/${k}/${rx}`;
              const message = kind.build(rx, "ghost", label);
              clients[i].socket.send(message);
              const text = asText(message);
              for (const receiver of ids) {
                if (receiver === tx) continue;
                // Only rx (and "ghost", connected to nobody) can be named by this message.
                const named = receiver === rx ? kind : { ...kind, device: notNamed(kind) };
                if (expected(named, roleOf(tx), roleOf(receiver))) {
                  want.get(receiver)!.get(tx)!.push(text);
                }
              }
            }
          }
          clients[i].socket.send(JSON.stringify({ to: "*", end: tx }));
        });
        const got = await Promise.all(
          clients.map((client, i) => collect(client, ids.filter((id) => id !== ids[i]))),
        );
        ids.forEach((rx, i) => {
          for (const tx of ids) {
            if (tx === rx) continue;
            assert.deepEqual(got[i].get(tx), want.get(rx)!.get(tx), `${tx} → ${rx}`);
          }
        });
        // A device got nothing from the other device but what named it; operators got everything.
        const deviceGot = got[2].get("dev1")!;
        assert.ok(deviceGot.length > 0);
        for (const m of deviceGot) assert.ok(m.includes('"dev0"') || m.includes('"*"'), m);
        assert.equal(got[0].get("dev0")!.length, KINDS.length * 3);
        for (const client of clients) assert.ok(await client.silentFor(0), "nothing more");
      } finally {
        await closeAll(clients);
      }
    },
  },
  {
    name: "each sender's order is kept for every receiver while devices and operators interleave",
    async run(topology) {
      const op = await openOn(topology, 0, "op");
      const devices = await Promise.all(
        [0, 1, 2].map((i) => openOn(topology, i + 1, `d${i}`, "?role=device")),
      );
      const all = [op, ...devices];
      try {
        await allLive(topology, ["op", "d0", "d1", "d2"]);
        const count = 300;
        // Each device sends to the next device, to "*", and unaddressed, interleaved; the
        // operator sends to each device in turn.
        for (let n = 0; n < count; n++) {
          devices.forEach((device, i) => {
            const kinds = [{ to: `d${(i + 1) % 3}` }, { to: "*" }, {}];
            device.socket.send(JSON.stringify({ ...kinds[n % 3], from: `d${i}`, n }));
          });
          op.socket.send(JSON.stringify({ to: `d${n % 3}`, from: "op", n }));
        }
        for (const [i, client] of all.entries()) {
          const me = i === 0 ? "op" : `d${i - 1}`;
          const expect = new Map<string, number[]>();
          for (let n = 0; n < count; n++) {
            for (let s = 0; s < 3; s++) {
              if (`d${s}` === me) continue;
              const to = [`d${(s + 1) % 3}`, "*", undefined][n % 3];
              if (me === "op" || to === "*" || to === me) {
                expect.set(`d${s}`, [...expect.get(`d${s}`) ?? [], n]);
              }
            }
            if (me !== "op" && `d${n % 3}` === me) expect.set("op", [...expect.get("op") ?? [], n]);
          }
          const total = [...expect.values()].reduce((sum, list) => sum + list.length, 0);
          const got = new Map<string, number[]>();
          for (let k = 0; k < total; k++) {
            const { from, n } = JSON.parse(await client.next(10_000) as string);
            got.set(from, [...got.get(from) ?? [], n]);
          }
          assert.deepEqual(got, expect, `what ${me} received, per sender and in order`);
        }
        assert.ok(await op.silentFor(100), "nothing more than expected");
        for (const device of devices) assert.equal(device.pending, 0);
      } finally {
        await closeAll(all);
      }
    },
  },
  {
    name: "a device back within the resume window gets only what it would have received",
    options: { resumeWindowSeconds: 30 },
    async run(topology) {
      // The operator shares the leaving device's node, so its messages follow the device's
      // leaving on that node; the device comes back through the other node.
      const op = await openOn(topology, 0, "op");
      const other = await openOn(topology, 1, "other", "?role=device");
      const away = await openOn(topology, 0, "away", "?role=device");
      await allLive(topology, ["op", "other", "away"]);
      await away[Symbol.asyncDispose]();
      await waitFor("away released", () => !held(topology, "away"));
      const sent = [
        { from: op, message: JSON.stringify({ to: "other", n: 1 }), kept: false },
        { from: op, message: JSON.stringify({ to: "away", n: 2 }), kept: true },
        { from: op, message: JSON.stringify({ to: "*", n: 3 }), kept: true },
        { from: op, message: "op unaddressed 4", kept: true },
        { from: other, message: "device unaddressed 5", kept: false },
        { from: other, message: JSON.stringify({ to: ["away", "op"], n: 6 }), kept: true },
        { from: other, message: JSON.stringify({ to: "op", n: 7 }), kept: false },
      ];
      for (const { from, message } of sent.filter((s) => s.from === op)) from.socket.send(message);
      // The other device gets three of them: once it has, they were kept, in order.
      await waitFor("the other device got the operator's", () => other.pending === 3);
      for (const { from, message } of sent.filter((s) => s.from === other)) {
        from.socket.send(message);
      }
      // The operator sees all the device's messages; once it has the last one, all were kept.
      await waitFor("the operator got the device's messages", () => op.pending === 3);
      const back = await openOn(topology, 1, "away", "?role=device");
      try {
        const want = sent.filter((s) => s.kept).map((s) => s.message);
        for (const message of want) assert.equal(await back.next(5000), message);
        assert.ok(await back.silentFor(100), "nothing it would not have received");
        assert.equal(at(topology, 1).relay.metrics.resumeReplayed, want.length);
      } finally {
        await closeAll([op, other, back]);
      }
    },
  },
  {
    name:
      "presence: every node lists every device and its retained message; operators on every node get the events",
    async run(topology) {
      const watchers = await Promise.all(
        topology.nodes.map((_, i) => openOn(topology, i, `watch${i}`, "?events=1")),
      );
      await allLive(topology, watchers.map((_, i) => `watch${i}`));
      const d0 = await openOn(topology, 0, "d0", "?role=device");
      const d1 = await openOn(topology, 1, "d1", "?role=device");
      try {
        const messages = {
          zero: JSON.stringify({ from: "d0", retain: true, status: "zero" }),
          one: JSON.stringify({ from: "d1", retain: true, status: "one" }),
          two: JSON.stringify({ from: "d1", retain: true, status: "two" }),
          three: JSON.stringify({ from: "d1", n: 3 }),
        };
        d0.socket.send(messages.zero);
        d1.socket.send(messages.one);
        d1.socket.send(messages.two);
        d1.socket.send(messages.three);
        d0.socket.close(1000, "bye");
        await d0.closed;
        const want = new Map([
          ["d0", ["online", messages.zero, "retained", "offline:1000:bye"]],
          ["d1", ["online", messages.one, "retained", messages.two, "retained", messages.three]],
        ]);
        // Each device's events come in order with its messages, on every node.
        for (const [i, watcher] of watchers.entries()) {
          assert.deepEqual(await eventsAndMessages(watcher, 10), want, `what watch${i} got`);
          assert.ok(await watcher.silentFor(0));
        }
        // Every node lists the same fleet: the device that left too, with how it left.
        const lists = await Promise.all(topology.nodes.map((node) => devicesOf(node.httpUrl)));
        for (const list of lists.slice(1)) assert.deepEqual(list, lists[0]);
        const [gone, here] = lists[0];
        assert.deepEqual([gone.id, gone.online, here.id, here.online], ["d0", false, "d1", true]);
        assert.deepEqual(gone.retained?.message, JSON.parse(messages.zero));
        assert.deepEqual(here.retained?.message, JSON.parse(messages.two));
        assert.deepEqual(
          gone.lastDisconnect && [gone.lastDisconnect.code, gone.lastDisconnect.reason],
          [1000, "bye"],
        );
        assert.equal(gone.lastDisconnect?.at, gone.lastSeen);
        assert.equal(here.lastDisconnect, null);
        for (const record of lists[0]) assert.match(record.remote, /^127\.0\.0\.1:\d+$/);
        for (const node of topology.nodes) {
          const metrics = await (await fetch(`${node.httpUrl}/metrics`)).text();
          assert.match(metrics, /^relay_devices_online 1$/m, node.url);
          assert.match(metrics, /^relay_devices_known 2$/m, node.url);
        }
      } finally {
        await closeAll([...watchers, d0, d1]);
      }
    },
  },
];
