/**
 * The seam between the hub and the relays around it: two real hubs, each
 * given a {@linkcode Bus} and a {@linkcode HubRegistry}, in this process
 * (relay/local_bus.ts, relay/registry.ts) and on a real redis-server
 * (relay/cluster.ts: relay/cluster_bus.ts and relay/cluster_registry.ts).
 * The same cases run on both: what one hub's client sends reaches the other
 * hub's clients as routed, and an id given up on one hub can be taken on the
 * other.
 */

import assert from "node:assert/strict";
import { startClusterNode } from "../relay/cluster.ts";
import { type Bus, Client, CLOSE_REPLACED, Hub, type HubSocket } from "../relay/hub.ts";
import { LocalBus } from "../relay/local_bus.ts";
import { createLogger } from "../relay/logger.ts";
import { RelayMetrics } from "../relay/metrics.ts";
import { type ClaimRequest, LocalRegistry, type Registry } from "../relay/registry.ts";
import type { Role } from "../relay/routing.ts";
import { clusterTest } from "./cluster_nodes.ts";
import type { RedisServer } from "../testing/redis_server.ts";
import { delay, waitFor } from "../testing/wait.ts";

class FakeSocket implements HubSocket {
  bufferedAmount = 0;
  sent: (string | ArrayBuffer)[] = [];
  closes: (number | undefined)[] = [];
  send(data: string | ArrayBuffer): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closes.push(code);
  }
}

/** One side of the seam: a hub on its bus, with the registry that claims its ids. */
interface Side {
  hub: Hub;
  claim(request: ClaimRequest): Promise<{ ok: boolean; token?: string }>;
  registry: Pick<Registry, "bind" | "released">;
  /** Ids the hub told the registry it gave up, in order. */
  released: string[];
}

/** Two sides that share a bus and a registry of ids; `close` lets them go. */
interface Pair extends AsyncDisposable {
  a: Side;
  b: Side;
}

function side(bus: Bus, registry: Pick<Registry, "claim" | "bind" | "released">): Side {
  const released: string[] = [];
  const hub = new Hub({
    maxMessageBytes: 1000,
    maxBacklogBytes: 1 << 20,
    backlogGraceMs: 5000,
    metrics: new RelayMetrics(),
    logger: createLogger({ level: "silent", format: "text" }),
    bus,
    registry: {
      released: (client) => {
        released.push(client.id);
        registry.released(client);
      },
    },
  });
  return {
    hub,
    claim: async (request) => {
      const result = await registry.claim(request);
      return result.ok ? { ok: true, token: result.token } : { ok: false };
    },
    registry,
    released,
  };
}

/** Two hubs on two {@linkcode LocalBus}es of one network, each with a local registry. */
function localPair(): Pair {
  const busA = new LocalBus();
  const busB = new LocalBus({ network: busA });
  return {
    a: side(busA, new LocalRegistry()),
    b: side(busB, new LocalRegistry()),
    [Symbol.asyncDispose]: () => {
      busA.leave();
      busB.leave();
      return Promise.resolve();
    },
  };
}

/** Two hubs on two cluster nodes of one redis-server: each node is both bus and registry. */
async function redisPair(redis: RedisServer): Promise<Pair> {
  const logger = createLogger({ level: "silent", format: "text" });
  const start = (nodeId: string) =>
    startClusterNode({ url: redis.url, cluster: "seam", leaseSeconds: 15, logger, nodeId });
  const [nodeA, nodeB] = await Promise.all([start("seam-a"), start("seam-b")]);
  return {
    a: side(nodeA.bus, nodeA),
    b: side(nodeB.bus, nodeB),
    [Symbol.asyncDispose]: async () => {
      await Promise.all([nodeA.close(), nodeB.close()]);
    },
  };
}

/** A client of one side, with the socket that records what it got. */
interface Joined {
  client: Client;
  socket: FakeSocket;
}

/**
 * Claims `id` for a new client of `side`'s hub and opens it, as relay/relay.ts does; undefined
 * when the claim is refused.
 */
async function tryJoin(
  side: Side,
  id: string,
  role: Role,
  replace = false,
): Promise<Joined | undefined> {
  const claim = await side.claim({ id, remote: "test", replace, role });
  if (!claim.ok) return undefined;
  const socket = new FakeSocket();
  const client = new Client({ id, remote: "test", socket, role, resume: false });
  side.registry.bind(client, claim.token!);
  side.hub.add(client);
  side.hub.opened(client);
  return { client, socket };
}

async function join(side: Side, id: string, role: Role, replace = false): Promise<Joined> {
  const joined = await tryJoin(side, id, role, replace);
  assert.ok(joined, `claim of ${id}`);
  return joined;
}

async function routedAcrossTheSeam(pair: Pair): Promise<void> {
  const operatorA = await join(pair.a, "operator-a", "operator");
  const operatorB = await join(pair.b, "operator-b", "operator");
  const deviceB1 = await join(pair.b, "device-1", "device");
  const deviceB2 = await join(pair.b, "device-2", "device");
  // Whatever the bus, a message from one side reaches the other side's receivers only.
  pair.a.hub.receive(operatorA.client, '{"to":"device-1","cmd":"status"}');
  pair.b.hub.receive(deviceB2.client, "report from device-2");
  pair.a.hub.receive(operatorA.client, "to every device");
  await waitFor(
    "the messages across the seam",
    () => deviceB1.socket.sent.length === 2 && operatorA.socket.sent.length === 1,
  );
  await delay(50); // anything that would arrive twice, or where it must not, arrives meanwhile
  assert.deepEqual(deviceB1.socket.sent, ['{"to":"device-1","cmd":"status"}', "to every device"]);
  assert.deepEqual(deviceB2.socket.sent, ["to every device"], "device-2 was not named");
  assert.deepEqual(operatorA.socket.sent, ["report from device-2"], "nothing comes back to a");
  // Its own hub's message is not on the bus: it may come before or after a's two, which keep
  // their order.
  assert.deepEqual(operatorB.socket.sent.filter((data) => data !== "report from device-2"), [
    '{"to":"device-1","cmd":"status"}',
    "to every device",
  ]);
  assert.equal(operatorB.socket.sent.length, 3);
  const binary = new Uint8Array([1, 2, 3]).buffer;
  pair.b.hub.receive(operatorB.client, binary);
  await waitFor("the binary message", () => operatorA.socket.sent.length === 2);
  assert.deepEqual(
    new Uint8Array((operatorA.socket.sent as unknown[])[1] as ArrayBuffer),
    new Uint8Array([1, 2, 3]),
  );
}

async function releasedAcrossTheSeam(pair: Pair): Promise<void> {
  const first = await join(pair.a, "device-x", "device");
  pair.a.hub.closed(first.client, { code: 1000, reason: "" });
  pair.a.hub.closed(first.client, { code: 1005, reason: "" }); // Deno may report a close twice
  assert.equal(pair.a.hub.holder("device-x"), undefined);
  assert.deepEqual(pair.a.released, ["device-x"], "the registry is told once");
  // Released through the registry: the other side may take the id (Redis frees it a little later).
  let second: Joined | undefined;
  await waitFor("device-x free on b", async () => {
    second = await tryJoin(pair.b, "device-x", "device");
    return second !== undefined;
  });
  const operatorA = await join(pair.a, "operator-a", "operator");
  pair.b.hub.receive(second!.client, "device-x is back");
  await waitFor("device-x's message on a", () => operatorA.socket.sent.length === 1);
  assert.deepEqual(operatorA.socket.sent, ["device-x is back"]);
}

Deno.test("seam, in this process: messages cross the local bus as routed", async () => {
  await using pair = localPair();
  await routedAcrossTheSeam(pair);
});

Deno.test("seam, in this process: an id released on one hub is taken on the other", async () => {
  await using pair = localPair();
  await releasedAcrossTheSeam(pair);
});

Deno.test("seam, in this process: a lone bus delivers to no one, a bus that left its network gets nothing", () => {
  const lone = side(new LocalRegistry().bus, new LocalRegistry());
  const busA = new LocalBus();
  const busB = new LocalBus({ network: busA });
  const a = side(busA, new LocalRegistry());
  const b = side(busB, new LocalRegistry());
  const open = (hub: Hub, id: string) => {
    const socket = new FakeSocket();
    const client = new Client({ id, remote: "test", socket });
    hub.add(client);
    hub.opened(client);
    return { client, socket };
  };
  const loneSender = open(lone.hub, "s");
  const receiverA = open(a.hub, "r");
  const receiverB = open(b.hub, "r");
  lone.hub.receive(loneSender.client, "alone");
  assert.deepEqual([receiverA.socket.sent, receiverB.socket.sent], [[], []]);
  const senderA = open(a.hub, "s");
  a.hub.receive(senderA.client, "one");
  busB.leave();
  a.hub.receive(senderA.client, "two");
  assert.deepEqual(receiverB.socket.sent, ["one"]);
  assert.deepEqual(receiverA.socket.sent, ["one", "two"]);
});

clusterTest("seam, on Redis: messages cross the cluster bus as routed", async (redis) => {
  await using pair = await redisPair(redis);
  await routedAcrossTheSeam(pair);
});

clusterTest("seam, on Redis: an id released on one hub is taken on the other", async (redis) => {
  await using pair = await redisPair(redis);
  await releasedAcrossTheSeam(pair);
});

clusterTest(
  "seam, on Redis: a claim with replace closes the holder on the other hub with 4001 through its bus",
  async (redis) => {
    await using pair = await redisPair(redis);
    const deviceR = { id: "device-r", remote: "test", replace: false, role: "device" } as const;
    const held = await join(pair.a, "device-r", "device");
    const operatorA = await join(pair.a, "operator-a", "operator");
    const refused = await pair.b.claim(deviceR);
    assert.equal(refused.ok, false, "held on a: refused without replace");
    const taken = await join(pair.b, "device-r", "device", true);
    await waitFor("the holder on a closed", () => held.socket.closes.length === 1);
    assert.deepEqual(held.socket.closes, [CLOSE_REPLACED]);
    assert.equal(pair.a.hub.holder("device-r"), undefined);
    assert.deepEqual(pair.a.released, ["device-r"], "the hub let the id go");
    // The replaced holder's release did not free the id: b's client keeps it and is heard on a.
    const again = await pair.a.claim(deviceR);
    assert.equal(again.ok, false, "still held, on b");
    pair.b.hub.receive(taken.client, "from the new holder");
    await waitFor("the new holder heard on a", () => operatorA.socket.sent.length === 1);
    assert.deepEqual(operatorA.socket.sent, ["from the new holder"]);
  },
);
