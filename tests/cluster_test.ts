/**
 * Relays as nodes of a cluster on a real redis-server (`--redis`): messages
 * cross nodes unchanged and in order, ids stay unique cluster-wide, a killed
 * node's ids come free within the lease, and a Redis outage degrades the
 * cluster to local delivery until it comes back.
 */

import assert from "node:assert/strict";
import { closeAll, openClients, TestClient } from "../testing/test_client.ts";
import { delay, waitFor } from "../testing/wait.ts";
import {
  clusterTest,
  LEASE_SECONDS,
  live,
  REDIS,
  settled,
  startNode,
  type TestNode,
} from "./cluster_nodes.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { freePort } from "../testing/ports.ts";
import { redisCli, startRedisServer } from "../testing/redis_server.ts";

clusterTest(
  "text and binary cross nodes unchanged, once, and not back to the sender",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const sender = await TestClient.open(`${a.url}sender`);
    const local = await TestClient.open(`${a.url}local`);
    const remote = await TestClient.open(`${b.url}remote`);
    try {
      // Each node has taken its clients' windows from Redis: from then on nothing for them is lost.
      await live(a, ["sender", "local"]);
      await live(b, ["remote"]);
      const bytes = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);
      sender.socket.send("héllo ✓ 😀");
      sender.socket.send(bytes);
      sender.socket.send(new Uint8Array(0));
      sender.socket.send("");
      for (const receiver of [local, remote]) {
        assert.equal(await receiver.next(), "héllo ✓ 😀");
        assert.deepEqual(await receiver.next(), bytes);
        assert.deepEqual(await receiver.next(), new Uint8Array(0));
        assert.equal(await receiver.next(), "");
      }
      remote.socket.send("from b");
      assert.equal(await sender.next(), "from b");
      assert.equal(await local.next(), "from b");
      assert.ok(await sender.silentFor(200), "the sender must not get its own messages back");
      assert.ok(await remote.silentFor(0), "each message arrives once");
      assert.ok(await local.silentFor(0), "each message arrives once");
    } finally {
      await closeAll([sender, local, remote]);
    }
  },
);

clusterTest(
  "three nodes: each sender's 1500 messages arrive complete and in order everywhere",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    await using c = await startNode(redis, "node-c");
    const senderA = await TestClient.open(`${a.url}sender-a`);
    const senderB = await TestClient.open(`${b.url}sender-b`);
    const receivers = [
      await TestClient.open(`${a.url}rx-a`),
      await TestClient.open(`${b.url}rx-b`),
      await TestClient.open(`${c.url}rx-c`),
    ];
    try {
      await settled(senderA, [senderB, ...receivers]);
      await settled(senderB, [senderA, ...receivers]);
      const count = 1500;
      for (let i = 0; i < count; i++) {
        senderA.socket.send(`a${i}`);
        senderB.socket.send(new TextEncoder().encode(`b${i}`));
      }
      for (const receiver of receivers) {
        const next = { a: 0, b: 0 };
        for (let n = 0; n < 2 * count; n++) {
          const message = await receiver.next(5000);
          const text = typeof message === "string" ? message : new TextDecoder().decode(message);
          const from = text[0] as "a" | "b";
          assert.equal(typeof message === "string", from === "a", "the type must not change");
          assert.equal(text, `${from}${next[from]++}`);
        }
        assert.deepEqual(next, { a: count, b: count });
      }
      assert.ok(await receivers[2].silentFor(100), "nothing arrives twice");
    } finally {
      await closeAll([senderA, senderB, ...receivers]);
    }
  },
);

clusterTest(
  "an id held on one node gets 409 on another; a clean shutdown frees it at once",
  async (redis) => {
    await using b = await startNode(redis, "node-b");
    const a = await startNode(redis, "node-a");
    const holder = await TestClient.open(`${a.url}device-1`);
    let closed = false;
    try {
      await assert.rejects(TestClient.open(`${b.url}device-1`), /409/);
      const refused = await fetch(`${b.url.replace("ws", "http")}device-1`, {
        headers: {
          upgrade: "websocket",
          connection: "Upgrade",
          "sec-websocket-version": "13",
          "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
      });
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /already connected \(node node-a\)/);
      await a.running.shutdown();
      closed = true;
      await holder.closed;
      const taken = await TestClient.open(`${b.url}device-1`);
      await taken[Symbol.asyncDispose]();
    } finally {
      await holder[Symbol.asyncDispose]();
      if (!closed) await a.running.shutdown();
    }
  },
);

clusterTest(
  "--on-duplicate replace closes the holder on the other node with 4001",
  async (redis) => {
    await using a = await startNode(redis, "node-a", { onDuplicate: "replace", token: "t0k" });
    await using b = await startNode(redis, "node-b", { onDuplicate: "replace", token: "t0k" });
    const old = await TestClient.open(`${a.url}device-1?token=t0k`);
    const watcher = await TestClient.open(`${a.url}watcher?token=t0k`);
    const newer = await TestClient.open(`${b.url}device-1?token=t0k`);
    try {
      const event = await old.closed;
      assert.equal(event.code, 4001);
      assert.match(event.reason, /another node/);
      // The id now belongs to the newer connection: messages reach it, and node A may not take it.
      watcher.socket.send("to the new one");
      assert.equal(await newer.next(), "to the new one");
      await waitFor(
        "node A to forget the old holder",
        () => a.running.relay.hub.holder("device-1") === undefined,
      );
      const clients = await (await fetch(`${a.httpUrl}/clients?token=t0k`)).json();
      assert.deepEqual(
        clients.filter((c: { id: string }) => c.id === "device-1").map((c: { node: string }) =>
          c.node
        ),
        ["node-b"],
      );
    } finally {
      await closeAll([old, watcher, newer]);
    }
  },
);

clusterTest(
  "/clients lists the whole cluster with nodes; /healthz and /metrics tell about Redis",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const clients = [
      await TestClient.open(`${a.url}x1`),
      await TestClient.open(`${a.url}x2`),
      await TestClient.open(`${b.url}y1`),
    ];
    try {
      await settled(clients[0], clients.slice(1));
      for (const node of [a, b]) {
        const list = await (await fetch(`${node.httpUrl}/clients`)).json();
        const seen = list.map((c: { id: string; node: string }) => `${c.id}@${c.node}`).sort();
        assert.deepEqual(seen, ["x1@node-a", "x2@node-a", "y1@node-b"]);
        for (const entry of list) assert.match(entry.remote, /^127\.0\.0\.1:\d+$/);
        const local = list.find((c: { node: string }) => c.node === node.node);
        assert.equal(typeof local.messagesIn, "number", "a node knows its own clients' counters");
      }
      const health = await fetch(`${a.httpUrl}/healthz`);
      assert.equal(health.status, 200);
      const body = await health.json();
      assert.equal(body.redis, "up");
      assert.equal(body.node, "node-a");
      await waitFor("a probe round-trip", async () => {
        const text = await (await fetch(`${a.httpUrl}/metrics`)).text();
        return /relay_cluster_bus_roundtrips_total [1-9]/.test(text);
      });
      const metrics = await (await fetch(`${a.httpUrl}/metrics`)).text();
      assert.match(metrics, /relay_cluster_up 1/);
      assert.match(metrics, /relay_cluster_published_total 1\b/);
      assert.match(metrics, /relay_cluster_nodes 2/);
      const other = await (await fetch(`${b.httpUrl}/metrics`)).text();
      assert.match(other, /relay_cluster_received_total 1\b/);
      assert.match(metrics, /relay_cluster_bus_roundtrip_seconds \d\.\d+/);
    } finally {
      await closeAll(clients);
    }
  },
);

clusterTest("a node killed with SIGKILL: its ids are free within the lease", async (redis) => {
  await using b = await startNode(redis, "node-b");
  await using killed = await startRelayProcess([
    "--redis",
    redis.url,
    "--cluster",
    "test",
    "--lease",
    String(LEASE_SECONDS),
  ]);
  const device = await TestClient.open(`${killed.url}device-1`);
  try {
    await assert.rejects(TestClient.open(`${b.url}device-1`), /409/);
    await killed.stop("SIGKILL");
    await device.closed;
    const killedAt = Date.now();
    let taken: TestClient | undefined;
    await waitFor("the id to come free", async () => {
      taken = await TestClient.open(`${b.url}device-1`).catch(() => undefined);
      return taken !== undefined;
    }, (LEASE_SECONDS + 3) * 1000);
    const freedAfterMs = Date.now() - killedAt;
    assert.ok(freedAfterMs <= LEASE_SECONDS * 1000 + 500, `freed after ${freedAfterMs} ms`);
    const list = await (await fetch(`${b.httpUrl}/clients`)).json();
    assert.deepEqual(
      list.map((c: { node: string }) => c.node),
      ["node-b"],
      "the dead node is swept",
    );
    await taken![Symbol.asyncDispose]();
  } finally {
    await device[Symbol.asyncDispose]();
  }
});

async function healthStatus(node: TestNode): Promise<number> {
  const response = await fetch(`${node.httpUrl}/healthz`);
  await response.body?.cancel();
  return response.status;
}

clusterTest(
  "Redis restarted mid-traffic: local delivery goes on, cross-node comes back, ids again unique",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    await using b = await startNode(redis, "node-b");
    const sender = await TestClient.open(`${a.url}sender`);
    const localRx = await TestClient.open(`${a.url}local-rx`);
    const remoteRx = await TestClient.open(`${b.url}remote-rx`);
    const heldOnB = await TestClient.open(`${b.url}held-on-b`);
    const clients = [sender, localRx, remoteRx, heldOnB];
    await live(a, ["sender", "local-rx"]);
    await live(b, ["remote-rx", "held-on-b"]);
    let sent = 0;
    const timer = setInterval(() => sender.socket.send(`m${sent++}`), 5);
    try {
      await redis.stop("SIGKILL");
      await waitFor("node A to see Redis gone", async () => (await healthStatus(a)) === 503);
      const refused = await fetch(`${a.url.replace("ws", "http")}newcomer`, {
        headers: {
          upgrade: "websocket",
          connection: "Upgrade",
          "sec-websocket-version": "13",
          "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
      });
      assert.equal(refused.status, 503, "no new connection while ids cannot be checked");
      assert.match(await refused.text(), /cluster unavailable/);
      const outageFrom = sent;
      await delay(300);
      assert.ok(sent > outageFrom + 10, "the sender kept sending during the outage");
      await redis.start();
      const restartedAt = Date.now();
      await waitFor(
        "both nodes back",
        async () => (await healthStatus(a)) === 200 && (await healthStatus(b)) === 200,
        10_000,
      );
      const backAfterMs = Date.now() - restartedAt;
      assert.ok(backAfterMs < 5000, `back after ${backAfterMs} ms`);
      // Ids were registered again: B's client still owns its id cluster-wide.
      await assert.rejects(TestClient.open(`${a.url}held-on-b`), /409/);
      const list = await (await fetch(`${a.httpUrl}/clients`)).json();
      assert.deepEqual(
        list.map((c: { id: string; node: string }) => `${c.id}@${c.node}`).sort(),
        ["held-on-b@node-b", "local-rx@node-a", "remote-rx@node-b", "sender@node-a"],
      );
      const resumeFrom = sent;
      await waitFor("traffic after the restart", () => sent > resumeFrom + 20);
      clearInterval(timer);
      const total = sent;
      // Local delivery never stopped: every message, in order.
      for (let i = 0; i < total; i++) assert.equal(await localRx.next(), `m${i}`);
      // Across nodes: in order, nothing twice, every message sent once Redis was back.
      let last = -1;
      const seen: number[] = [];
      while (last < total - 1) {
        const index = Number(String(await remoteRx.next(5000)).slice(1));
        assert.ok(index > last, `m${index} after m${last}`);
        seen.push(index);
        last = index;
      }
      for (let i = resumeFrom; i < total; i++) assert.ok(seen.includes(i), `m${i} crossed`);
      const metrics = await (await fetch(`${a.httpUrl}/metrics`)).text();
      assert.match(metrics, /relay_cluster_unpublished_total [1-9]/);
      assert.match(metrics, /relay_cluster_rejoins_total [2-9]/);
    } finally {
      clearInterval(timer);
      await closeAll(clients);
    }
  },
);

clusterTest(
  "Redis down at start-up: the node starts, refuses clients with 503, and joins once Redis is up",
  async (redis) => {
    await redis.stop();
    await using a = await startNode(redis, "node-a");
    assert.equal(await healthStatus(a), 503);
    const health = await (await fetch(`${a.httpUrl}/healthz`)).json();
    assert.equal(health.redis, "down");
    assert.equal(health.status, "degraded");
    await assert.rejects(TestClient.open(`${a.url}early`), /503/);
    assert.ok(a.logs.some((line) => line.includes('"redis unreachable"')), "the log says why");
    await redis.start();
    await waitFor("node A to join", async () => (await healthStatus(a)) === 200, 10_000);
    await using b = await startNode(redis, "node-b");
    const onA = await TestClient.open(`${a.url}on-a`);
    const onB = await TestClient.open(`${b.url}on-b`);
    try {
      await settled(onA, [onB]);
      await settled(onB, [onA]);
    } finally {
      await closeAll([onA, onB]);
    }
  },
);

clusterTest(
  "--reuse-port: two node processes share one port and act as one relay",
  async (redis) => {
    const port = freePort();
    const args = [
      "--redis",
      redis.url,
      "--cluster",
      "test",
      "--reuse-port",
      "--port",
      String(port),
    ];
    await using first = await startRelayProcess(args);
    await using second = await startRelayProcess(args);
    assert.equal(first.port, port);
    assert.equal(second.port, port);
    const clients = await openClients(first.url, "shared", 16);
    try {
      const list = await (await fetch(`${first.httpUrl}/clients`)).json();
      const nodes = new Set(list.map((c: { node: string }) => c.node));
      assert.equal(list.length, 16);
      assert.equal(nodes.size, 2, "the kernel spreads connections over both processes");
      clients[0].socket.send("to everyone");
      for (const client of clients.slice(1)) assert.equal(await client.next(), "to everyone");
      assert.ok(await clients[0].silentFor(100));
    } finally {
      await closeAll(clients);
    }
  },
);

clusterTest("a node shuts down promptly while Redis is down", async (redis) => {
  const a = await startNode(redis, "node-a");
  const client = await TestClient.open(`${a.url}c1`);
  await live(a, ["c1"]);
  await redis.stop("SIGKILL");
  await waitFor("node A to see Redis gone", async () => (await healthStatus(a)) === 503);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    a.running.shutdown().then(() => "stopped"),
    new Promise((resolve) => timer = setTimeout(() => resolve("hung"), 5000)),
  ]);
  clearTimeout(timer);
  assert.equal(outcome, "stopped");
  assert.equal((await client.closed).code, 1001);
});

clusterTest(
  "deno task serve with --redis runs a node",
  async (redis) => {
    const root = new URL("..", import.meta.url);
    const task = (name: string, port: number) =>
      new Deno.Command(Deno.execPath(), {
        args: [
          "task",
          name,
          "--",
          "--host",
          "127.0.0.1",
          "--port",
          String(port),
          "--redis",
          redis.url,
        ],
        cwd: root,
        env: { NO_COLOR: "1", RELAY_CLUSTER: "test" },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      });
    await using b = await startNode(redis, "node-b");
    const port = freePort();
    const child = task("serve", port).spawn();
    const output = child.output();
    try {
      await waitFor("the serve node to join", async () => {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        await response?.body?.cancel();
        return response?.status === 200;
      }, 30_000);
      const onTask = await TestClient.open(`ws://127.0.0.1:${port}/on-task`);
      const onB = await TestClient.open(`${b.url}on-b`);
      try {
        await settled(onTask, [onB]);
        await settled(onB, [onTask]);
      } finally {
        await closeAll([onTask, onB]);
      }
    } finally {
      child.kill("SIGTERM");
      assert.equal((await output).code, 0);
    }
  },
);

clusterTest(
  "SIGTERM: a node process frees its ids at once, long before its lease",
  async (redis) => {
    await using b = await startNode(redis, "node-b");
    const node = await startRelayProcess([
      "--redis",
      redis.url,
      "--cluster",
      "test",
      "--lease",
      "60",
    ]);
    const device = await TestClient.open(`${node.url}device-1`);
    try {
      await assert.rejects(TestClient.open(`${b.url}device-1`), /409/);
      const status = await node.stop("SIGTERM");
      assert.equal(status.code, 0);
      assert.ok(node.stderr.some((line) => line.includes("stopped")), node.stderr.join("\n"));
      const taken = await TestClient.open(`${b.url}device-1`);
      await taken[Symbol.asyncDispose]();
    } finally {
      await device[Symbol.asyncDispose]();
    }
  },
);

Deno.test({
  name:
    "a password-protected Redis: the URL's password gets a node in, a wrong one keeps it degraded",
  ignore: REDIS === undefined,
  async fn() {
    await using redis = await startRedisServer({
      binary: REDIS!,
      extraArgs: ["--requirepass", "s3cret"],
    });
    const withPassword = { url: `redis://:s3cret@127.0.0.1:${redis.port}` };
    await using a = await startNode(withPassword, "node-a");
    assert.equal(await healthStatus(a), 200);
    const wrong = { url: `redis://:wrong@127.0.0.1:${redis.port}` };
    await using b = await startNode(wrong, "node-b");
    assert.equal(await healthStatus(b), 503);
    const logged = b.logs.join("\n");
    assert.match(logged, /"redis error"/);
    assert.match(logged, /WRONGPASS|invalid username-password/i, "the log says why");
    assert.doesNotMatch(logged, /wrong@/, "the password is not logged");
  },
});

clusterTest("a node whose bus connection is cut subscribes again by itself", async (redis) => {
  await using a = await startNode(redis, "node-a");
  await using b = await startNode(redis, "node-b");
  const onA = await TestClient.open(`${a.url}on-a`);
  const onB = await TestClient.open(`${b.url}on-b`);
  try {
    await settled(onA, [onB]);
    const killed = await redisCli(redis.port, "CLIENT", "KILL", "TYPE", "pubsub");
    assert.equal(killed, "2", "both nodes' bus connections");
    await waitFor("node B to hear node A again", async () => {
      onA.socket.send("again?");
      const heard = await onB.next(200).catch(() => undefined);
      return heard === "again?";
    }, 10_000);
    await settled(onB, [onA]);
    assert.ok(await a.running.relay.hub.holder("on-a"), "clients stay connected");
  } finally {
    await closeAll([onA, onB]);
  }
});

clusterTest(
  "a Redis that stops answering: a new connection gets 503 after the command timeout, never hangs",
  async (redis) => {
    await using a = await startNode(redis, "node-a");
    const onA = await TestClient.open(`${a.url}on-a`);
    try {
      await live(a, ["on-a"]);
      Deno.kill(redis.pid(), "SIGSTOP");
      try {
        const started = Date.now();
        await assert.rejects(TestClient.open(`${a.url}while-frozen`), /503/);
        assert.ok(Date.now() - started < 10_000);
      } finally {
        Deno.kill(redis.pid(), "SIGCONT");
      }
      // Frozen longer than the lease, the node registers again (its ids included) and admits.
      let after: TestClient | undefined;
      await waitFor("a connection after the thaw", async () => {
        after = await TestClient.open(`${a.url}after-thaw`).catch(() => undefined);
        return after !== undefined;
      }, 10_000);
      await after![Symbol.asyncDispose]();
      const list = await (await fetch(`${a.httpUrl}/clients`)).json();
      assert.deepEqual(list.map((c: { id: string }) => c.id), ["on-a"]);
    } finally {
      await onA[Symbol.asyncDispose]();
    }
  },
);
