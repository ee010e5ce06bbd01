/**
 * The fleet across the nodes of a cluster, on a real redis-server: addressed
 * messages reach only the nodes that hold their addressees (or an operator),
 * an addressee away or connected nowhere costs no node anything, per-client
 * tokens hold on every node, and presence and retained messages live in
 * Redis, through a node's clean restart and a node's crash. The role table,
 * order and presence on two nodes are in the fleet's contract
 * (tests/fleet_contract.ts, run by tests/cluster_contract_test.ts).
 */

import assert from "node:assert/strict";
import { startClusterNode } from "../relay/cluster.ts";
import { mintToken } from "../relay/credentials.ts";
import { Client } from "../relay/hub.ts";
import { createLogger } from "../relay/logger.ts";
import { RelayMetrics } from "../relay/metrics.ts";
import { closeAll, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { clusterTest, LEASE_SECONDS, live, startNode, type TestNode } from "./cluster_nodes.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { redisCli, type RedisServer } from "../testing/redis_server.ts";

/** A counter or gauge of a node's `/metrics`. */
async function metric(node: { httpUrl: string }, name: string, token?: string): Promise<number> {
  const response = await fetch(`${node.httpUrl}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  const line = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  assert.ok(line, `${name} in /metrics of ${node.httpUrl}`);
  return Number(line[1]);
}

/** Client messages a node got from the bus: every frame published to it counts, delivered or not. */
function received(node: TestNode): Promise<number> {
  return metric(node, "relay_cluster_received_total");
}

interface Listed {
  id: string;
  online: boolean;
  lastSeen: string;
  lastDisconnect: { code: number; reason: string; at: string } | null;
  retained: { at: string; message: unknown } | null;
}

async function devices(node: { httpUrl: string }, token?: string): Promise<Listed[]> {
  const response = await fetch(`${node.httpUrl}/devices`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  assert.equal(response.status, 200);
  return await response.json();
}

function markedAway(redis: RedisServer, id: string): Promise<void> {
  return waitFor(`${id} marked away`, async () => {
    return (await redisCli(redis.port, "ZSCORE", "test:resume:away", id)) !== "";
  });
}

/** The next presence event an operator that asked for them gets, skipping relayed messages. */
async function nextEvent(client: TestClient): Promise<Record<string, unknown>> {
  while (true) {
    const parsed = JSON.parse(await client.next(10_000) as string);
    if (typeof parsed.event === "string") return parsed;
  }
}

/** The next relayed message an operator that asked for events gets, skipping events. */
async function nextMessage(client: TestClient): Promise<string> {
  while (true) {
    const text = await client.next(10_000) as string;
    if (!text.startsWith('{"event":')) return text;
  }
}

clusterTest(
  "an addressed message is published only to the nodes holding its addressee or an operator",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using c = await startNode(redis, "node-c");
    const op = await TestClient.open(`${a.url}op`);
    const dA = await TestClient.open(`${a.url}d-a?role=device`);
    const dB = await TestClient.open(`${b.url}d-b?role=device`);
    const dC = await TestClient.open(`${c.url}d-c?role=device`);
    const clients = [op, dA, dB, dC];
    try {
      await live(a, ["op", "d-a"]);
      await live(b, ["d-b"]);
      await live(c, ["d-c"]);
      // Each node reads the shared bus and its own channel, and no other node's.
      const channels = (await redisCli(redis.port, "PUBSUB", "CHANNELS", "test:bus*")).split("\n");
      assert.deepEqual(channels.sort(), [
        "test:bus",
        "test:bus:node-a",
        "test:bus:node-b",
        "test:bus:node-c",
      ]);
      assert.equal(
        await redisCli(redis.port, "PUBSUB", "NUMSUB", "test:bus:node-b"),
        "test:bus:node-b\n1",
      );
      const before = { b: await received(b), c: await received(c) };
      const routedBefore = await metric(a, "relay_cluster_routed_total");
      const addressed: string[] = [];
      for (let n = 0; n < 5; n++) {
        addressed.push(JSON.stringify({ to: "d-b", from: "d-a", n }));
        dA.socket.send(addressed.at(-1)!);
        dA.socket.send(JSON.stringify({ from: "d-a", chatter: n })); // for the operators only
      }
      addressed.push(JSON.stringify({ to: "d-b", from: "op" }));
      addressed.push(JSON.stringify({ to: ["ghost", "d-b"], from: "op" }));
      for (const message of addressed.slice(5)) op.socket.send(message);
      // Broadcast last: a node reads its channels in the order Redis published, so once d-c has
      // it, anything published to node C before it has arrived there too.
      const barrier = JSON.stringify({ to: "*", from: "op", barrier: true });
      op.socket.send(barrier);
      const got: string[] = [];
      for (const _ of [...addressed, barrier]) got.push(await dB.next(5000) as string);
      // Each sender's in its order (two senders may interleave).
      const from = (who: string, list: string[]) => list.filter((m) => m.includes(`"${who}"`));
      const want = [...addressed, barrier];
      for (const who of ["d-a", "op"]) assert.deepEqual(from(who, got), from(who, want));
      for (const device of [dA, dC]) assert.equal(await device.next(5000), barrier);
      // Once the operator on the sender's node saw every message of the device, all were published.
      await waitFor("the operator got the device's messages", () => op.pending === 10);
      assert.equal((await received(c)) - before.c, 1, "node C got the broadcast only");
      assert.equal((await received(b)) - before.b, addressed.length + 1, "node B: d-b's and *");
      assert.equal(await metric(a, "relay_cluster_routed_total") - routedBefore, 12);
      assert.ok(await dC.silentFor(100), "d-c got nothing else");
      assert.equal(dB.pending, 0);
    } finally {
      await closeAll(clients);
    }
  },
);

clusterTest(
  "operators on any node see every device message; a device's message without to goes only there",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using c = await startNode(redis, "node-c");
    const dA = await TestClient.open(`${a.url}d-a?role=device`);
    const dB = await TestClient.open(`${b.url}d-b?role=device`);
    const op = await TestClient.open(`${c.url}op`);
    try {
      await live(a, ["d-a"]);
      await live(b, ["d-b"]);
      await live(c, ["op"]);
      const before = { b: await received(b), c: await received(c) };
      const sent = [
        "SOS!",
        JSON.stringify({ from: "d-a", retain: true, status: {} }),
        JSON.stringify({ to: "d-b", from: "d-a" }),
        JSON.stringify({ to: [], from: "d-a" }),
      ];
      for (const message of sent) dA.socket.send(message);
      dA.socket.send(new Uint8Array([1, 2, 3]));
      for (const message of sent) assert.equal(await op.next(5000), message);
      assert.deepEqual(await op.next(5000), new Uint8Array([1, 2, 3]));
      assert.equal(await dB.next(5000), sent[2]);
      const barrier = JSON.stringify({ to: "*", from: "op" });
      op.socket.send(barrier);
      assert.equal(await dB.next(5000), barrier);
      assert.equal(await dA.next(5000), barrier);
      assert.equal((await received(b)) - before.b, 2, "node B: the one addressed to d-b, and *");
      assert.equal((await received(c)) - before.c, sent.length + 1, "node C: every message");
      assert.ok(await dB.silentFor(100), "a device never gets another's unaddressed message");
    } finally {
      await closeAll([dA, dB, op]);
    }
  },
);

clusterTest(
  "an addressee away in its window is published to no node and gets the message where it returns",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using c = await startNode(redis, "node-c");
    const op = await TestClient.open(`${a.url}op`);
    const dB = await TestClient.open(`${b.url}d-b?role=device`);
    const away = await TestClient.open(`${c.url}away?role=device`);
    try {
      await live(a, ["op"]);
      await live(b, ["d-b"]);
      await live(c, ["away"]);
      await away[Symbol.asyncDispose]();
      await markedAway(redis, "away");
      const before = { b: await received(b), c: await received(c) };
      const forAway = JSON.stringify({ to: "away", n: 1 });
      op.socket.send(forAway);
      op.socket.send(JSON.stringify({ to: "nobody", n: 2 })); // connected nowhere, never was
      const barrier = JSON.stringify({ to: "*", n: 3 });
      op.socket.send(barrier);
      assert.equal(await dB.next(5000), barrier);
      await waitFor("node C got the broadcast", async () => (await received(c)) > before.c);
      assert.equal((await received(b)) - before.b, 1, "node B got only the broadcast");
      assert.equal((await received(c)) - before.c, 1, "node C, where away was, too");
      await using back = await TestClient.open(`${b.url}away?role=device`);
      assert.equal(await back.next(5000), forAway);
      assert.equal(await back.next(5000), barrier);
      assert.ok(await back.silentFor(100));
    } finally {
      await closeAll([op, dB]);
    }
  },
);

clusterTest(
  "per-client tokens hold on every node: roles from the claims, operators only for /devices",
  async (redis) => {
    const secret = "a-cluster-wide-secret-of-32-chars-or-more";
    const options = { jwtSecret: secret };
    await using a = await startNode(redis, "node-a", options);
    await using b = await startNode(redis, "node-b", options);
    const token = (sub: string, role: "device" | "operator") => mintToken({ secret, sub, role });
    const consoleToken = await token("console", "operator");
    const operator = await TestClient.open(`${b.url}console?events=1&token=${consoleToken}`);
    await live(b, ["console"]);
    const device = await TestClient.open(
      `${a.url}esp32-1?token=${await token("esp32-1", "device")}`,
    );
    const peer = await TestClient.open(`${b.url}esp32-2?token=${await token("esp32-2", "device")}`);
    try {
      await live(a, ["esp32-1"]);
      await live(b, ["esp32-2"]);
      await assert.rejects(
        TestClient.open(`${b.url}esp32-3?role=operator&token=${await token("esp32-3", "device")}`),
        /403/,
      );
      const status = JSON.stringify({ from: "esp32-1", retain: true, status: { sos: 3 } });
      device.socket.send(status);
      assert.equal(await nextMessage(operator), status, "the operator on the other node sees it");
      let event = await nextEvent(operator);
      while (event.event === "online") event = await nextEvent(operator);
      assert.deepEqual([event.event, event.id], ["retained", "esp32-1"]);
      operator.socket.send(JSON.stringify({ to: "esp32-1", cmd: "status" }));
      assert.equal(await device.next(5000), JSON.stringify({ to: "esp32-1", cmd: "status" }));
      assert.ok(await peer.silentFor(200), "the other device got neither");
      const denied = await fetch(`${a.httpUrl}/devices?token=${await token("esp32-2", "device")}`);
      assert.equal(denied.status, 403);
      await denied.body?.cancel();
      const listed = await devices(a, consoleToken);
      assert.deepEqual(listed.map((d) => [d.id, d.online]), [["esp32-1", true], ["esp32-2", true]]);
      assert.deepEqual(listed[0].retained?.message, JSON.parse(status));
      const clients = await (await fetch(`${a.httpUrl}/clients`, {
        headers: { authorization: `Bearer ${consoleToken}` },
      })).json() as { id: string; role: string; node: string }[];
      assert.deepEqual(
        clients.map((c) => [c.id, c.role, c.node]).sort(),
        [["console", "operator", "node-b"], ["esp32-1", "device", "node-a"], [
          "esp32-2",
          "device",
          "node-b",
        ]],
      );
    } finally {
      await closeAll([device, peer, operator]);
    }
  },
);

clusterTest(
  "retained state survives a node's restart: listed by every node meanwhile, still there after",
  async (redis) => {
    const a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const watcher = await TestClient.open(`${b.url}watcher?events=1`);
    await live(b, ["watcher"]);
    const device = await TestClient.open(`${a.url}esp32-1?role=device`);
    let restarted: TestNode | undefined;
    try {
      assert.equal((await nextEvent(watcher)).event, "online");
      const status = JSON.stringify({ from: "esp32-1", retain: true, status: { n: 1 } });
      device.socket.send(status);
      assert.equal((await nextEvent(watcher)).event, "retained");
      await a[Symbol.asyncDispose](); // a clean shutdown: close 1001
      assert.equal((await device.closed).code, 1001);
      const offline = await nextEvent(watcher);
      assert.deepEqual([offline.event, offline.code], ["offline", 1001]);
      const [whileDown] = await devices(b);
      assert.equal(whileDown.online, false);
      assert.equal(whileDown.lastDisconnect?.code, 1001);
      assert.deepEqual(whileDown.retained?.message, JSON.parse(status));

      restarted = await startNode(redis, "node-a");
      assert.deepEqual(await devices(restarted), [whileDown], "the restarted node lists it too");
      await using _back = await TestClient.open(`${restarted.url}esp32-1?role=device`);
      assert.equal((await nextEvent(watcher)).event, "online");
      for (const node of [restarted, b]) {
        const [record] = await devices(node);
        assert.equal(record.online, true);
        assert.equal(record.lastDisconnect?.code, 1001);
        assert.deepEqual(record.retained, whileDown.retained, "the retained message is kept");
      }
    } finally {
      await closeAll([watcher, device]);
      await restarted?.[Symbol.asyncDispose]();
    }
  },
);

clusterTest(
  "a node killed with SIGKILL: its devices are listed offline once its lease lapses, retained kept",
  async (redis) => {
    await using b = await startNode(redis, "node-b");
    const args = ["--redis", redis.url, "--cluster", "test", "--lease", String(LEASE_SECONDS)];
    await using killed = await startRelayProcess(args);
    const device = await TestClient.open(`${killed.url}esp32-1?role=device`);
    try {
      const status = JSON.stringify({ from: "esp32-1", retain: true, status: { n: 7 } });
      device.socket.send(status);
      await waitFor("the retained status listed", async () => {
        const [record] = await devices(b);
        return record?.online === true && record.retained !== null;
      });
      await killed.stop("SIGKILL");
      await device.closed;
      await waitFor("the device offline", async () => {
        const [record] = await devices(b);
        return record.online === false;
      }, (LEASE_SECONDS + 3) * 1000);
      const [record] = await devices(b);
      assert.deepEqual(record.retained?.message, JSON.parse(status));
      assert.equal(record.lastDisconnect, null, "nobody saw it go: no disconnect to tell");

      await using again = await startRelayProcess(args);
      await using back = await TestClient.open(`${again.url}esp32-1?role=device`);
      await waitFor("online again", async () => (await devices(b))[0].online);
      assert.deepEqual((await devices(again))[0].retained, record.retained);
      await back[Symbol.asyncDispose]();
    } finally {
      await device[Symbol.asyncDispose]();
    }
  },
);

clusterTest(
  "Redis restarted empty: /devices says 503 meanwhile, then lists the connected devices again",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    const device = await TestClient.open(`${a.url}esp32-1?role=device`);
    try {
      await live(a, ["esp32-1"]);
      device.socket.send(JSON.stringify({ from: "esp32-1", retain: true, n: 1 }));
      await waitFor("the retained status listed", async () => !!(await devices(a))[0]?.retained);
      await redis.stop("SIGKILL");
      await waitFor("/devices refused", async () => {
        const response = await fetch(`${a.httpUrl}/devices`);
        const body = await response.text();
        return response.status === 503 && /Redis is unreachable/.test(body);
      });
      assert.ok(Number.isNaN(await metric(a, "relay_devices_online")), "unknown, not 0");
      await redis.start();
      await waitFor("the device listed again", async () => {
        const response = await fetch(`${a.httpUrl}/devices`);
        if (response.status !== 200) return (await response.body?.cancel(), false);
        const [record] = await response.json() as Listed[];
        return record?.id === "esp32-1" && record.online;
      }, 10_000);
      // What Redis lost is lost (its persistence is off here); what comes next is kept again.
      assert.equal((await devices(a))[0].retained, null);
      const next = { from: "esp32-1", retain: true, n: 2 };
      device.socket.send(JSON.stringify(next));
      await waitFor("the new status listed", async () => (await devices(a))[0].retained !== null);
      assert.deepEqual((await devices(a))[0].retained?.message, next);
    } finally {
      await device[Symbol.asyncDispose]();
    }
  },
);

clusterTest(
  "cluster presence records follow --retain-ttl by the node's clock; a replaced connection's late writes change nothing",
  async (redis) => {
    const node = await startClusterNode({
      url: redis.url,
      cluster: "test",
      leaseSeconds: LEASE_SECONDS,
      logger: createLogger({ level: "silent", format: "text" }),
      nodeId: "node-a",
    });
    try {
      const clock = { t: 1_000_000 };
      const metrics = new RelayMetrics();
      const presence = node.presenceStore({
        ttlMs: 10_000,
        maxRetainedBytes: 40,
        metrics,
        now: () => clock.t,
      });
      const connect = async (id: string, remote: string, replace = false) => {
        const claim = await node.claim({ id, remote, replace, role: "device" });
        assert.ok(claim.ok, `claim of ${id}`);
        const socket = { bufferedAmount: 0, send() {}, close() {} };
        const client = new Client({ id, remote, socket, role: "device" });
        node.bind(client, claim.token);
        presence.online(client);
        return client;
      };
      const d1 = await connect("d1", "10.0.0.1:5");
      const d2 = await connect("d2", "10.0.0.2:5");
      presence.seen(d1, '{"retain":true,"n":1}', 21, true);
      presence.seen(d1, `{"retain":true,"pad":"${"x".repeat(40)}"}`, 56, true);
      assert.equal(metrics.retainedTooBig, 1, "over --retain-max-bytes: counted, not kept");
      clock.t += 1000;
      presence.seen(d2, '{"retain":true,"n":2}', 21, true);
      presence.offline(d2, { code: 1000, reason: "bye" });
      // A plain message's lastSeen waits for the node's next flush, which a read does first.
      presence.seen(d1, '{"n":3}', 7, false);
      let [r1, r2] = await presence.list();
      assert.equal(r1.lastSeen, new Date(1_001_000).toISOString(), "lastSeen of a plain message");
      assert.deepEqual(r1.retained, {
        at: new Date(1_000_000).toISOString(),
        message: { retain: true, n: 1 },
      });
      assert.deepEqual([r2.online, r2.lastDisconnect?.code, r2.lastSeen], [
        false,
        1000,
        new Date(1_001_000).toISOString(),
      ]);
      assert.ok(
        Number(await redisCli(redis.port, "PTTL", "test:device:d2")) > 0,
        "offline: expires",
      );
      assert.equal(await redisCli(redis.port, "PTTL", "test:device:d1"), "-1", "online: stays");

      clock.t += 9_999; // d2 last seen 9.999 s ago, d1's retained message 10.999 s old
      [r1, r2] = await presence.list();
      assert.deepEqual([r1.id, r1.online, r1.retained, r2.id], ["d1", true, null, "d2"]);
      clock.t += 1;
      assert.deepEqual((await presence.list()).map((r) => r.id), ["d1"], "d2 forgotten");
      assert.deepEqual(await presence.counts(), { online: 1, known: 1 });

      // d1 taken over by a newer connection: the old one's late close and message change nothing.
      const newer = await connect("d1", "10.0.0.9:7", true);
      presence.offline(d1, { code: 4001, reason: "replaced by a newer connection" });
      presence.seen(d1, '{"retain":true,"n":9}', 21, true);
      presence.seen(newer, '{"retain":true,"n":10}', 22, true);
      [r1] = await presence.list();
      assert.deepEqual([r1.online, r1.remote, r1.retained?.message], [
        true,
        "10.0.0.9:7",
        { retain: true, n: 10 },
      ]);
    } finally {
      await node.close();
    }
  },
);
