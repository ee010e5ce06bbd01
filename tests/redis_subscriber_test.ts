/**
 * The bus subscriber of a cluster node (relay/redis_subscriber.ts): RESP parsed in
 * place whatever the reads cut, and every message of a real Redis in order,
 * over TLS too.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { Redis } from "npm:ioredis@6.0.0";
import { BusSubscriber } from "../relay/redis_subscriber.ts";
import { encodeCommand, RespReader, type RespValue } from "../relay/resp.ts";
import { generateCertificates } from "../relay/certs.ts";
import { clusterTest, REDIS } from "./cluster_nodes.ts";
import { waitFor } from "../testing/wait.ts";
import { freePort } from "../testing/ports.ts";
import { startRedisServer } from "../testing/redis_server.ts";

function patterned(size: number, seed: number): Uint8Array {
  return new Uint8Array(size).map((_, i) => (i * 31 + seed) & 0xff);
}

function push(channel: string, payload: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(
    `*3\r\n$7\r\nmessage\r\n$${channel.length}\r\n${channel}\r\n$${payload.length}\r\n`,
  );
  const out = new Uint8Array(head.length + payload.length + 2);
  out.set(head);
  out.set(payload, head.length);
  out.set([13, 10], head.length + payload.length);
  return out;
}

/** Connects `subscriber` to `test:bus`; what it receives is copied into the returned list. */
async function subscribeToBus(subscriber: BusSubscriber): Promise<Uint8Array[]> {
  const received: Uint8Array[] = [];
  subscriber.on("messageBuffer", (_channel: Uint8Array, message: Uint8Array) => {
    received.push(message.slice());
  });
  await subscriber.connect();
  await subscriber.subscribe("test:bus");
  return received;
}

Deno.test("RESP: pushes cut anywhere by the reads come out whole, payloads as views", () => {
  const payloads = [0, 1, 13, 65535, 65536, 200_000].map((size, i) => patterned(size, i));
  const bytes = new Uint8Array(
    payloads.reduce((sum, p) => sum + push("bus", p).length, 0) + 5,
  );
  let offset = 0;
  for (const payload of payloads) {
    const one = push("bus", payload);
    bytes.set(one, offset);
    offset += one.length;
  }
  bytes.set(new TextEncoder().encode(":42\r\n"), offset);
  for (const cut of [1, 2, 7, 4096, 65536, 70_000]) {
    const reader = new RespReader();
    const seen: RespValue[] = [];
    for (let at = 0; at < bytes.length; at += cut) {
      reader.feed(bytes.subarray(at, at + cut));
      for (let value = reader.next(); value !== undefined; value = reader.next()) {
        // A view lives until the next feed: keep a copy.
        seen.push(Array.isArray(value) ? (value[2] as Uint8Array).slice() : value);
      }
    }
    assert.equal(seen.length, payloads.length + 1, `reads of ${cut} bytes`);
    payloads.forEach((payload, i) => assert.deepEqual(seen[i], payload, `payload ${i}`));
    assert.equal(seen[payloads.length], 42);
  }
  assert.deepEqual(
    new TextDecoder().decode(encodeCommand(["SUBSCRIBE", "bus"])),
    "*2\r\n$9\r\nSUBSCRIBE\r\n$3\r\nbus\r\n",
  );
});

clusterTest(
  "the bus subscriber gets every message of a real Redis once, in order, 0 B to 1 MiB",
  async (redis) => {
    const subscriber = new BusSubscriber({
      url: redis.url,
      connectionName: "test-bus",
      retryStrategy: () => 100,
    });
    const publisher = new Redis(redis.url, { lazyConnect: true });
    try {
      const received = await subscribeToBus(subscriber);
      assert.equal(subscriber.status, "ready");
      await publisher.connect();
      const sent: Uint8Array[] = [];
      for (const [i, size] of [0, 1, 65535, 65536, 200_000, 1 << 20].entries()) {
        sent.push(patterned(size, i));
      }
      for (let i = 0; i < 1000; i++) sent.push(patterned(i % 300, i));
      await Promise.all(sent.map((message) => publisher.publish("test:bus", Buffer.from(message))));
      await waitFor("every message", () => received.length >= sent.length);
      assert.equal(received.length, sent.length);
      sent.forEach((message, i) => assert.deepEqual(received[i], message, `message ${i}`));
    } finally {
      await publisher.quit().catch(() => publisher.disconnect());
      const ended = new Promise((resolve) => subscriber.once("end", resolve));
      await subscriber.quit();
      await ended;
    }
  },
);

Deno.test({
  name: "the bus subscriber speaks TLS to a rediss:// URL",
  ignore: REDIS === undefined,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "relay-redis-tls-" });
    try {
      const paths = await generateCertificates({ dir, hosts: ["localhost", "127.0.0.1"] });
      const tlsPort = freePort();
      await using redis = await startRedisServer({
        binary: REDIS!,
        extraArgs: [
          "--tls-port",
          String(tlsPort),
          "--tls-cert-file",
          paths.serverCert,
          "--tls-key-file",
          paths.serverKey,
          "--tls-ca-cert-file",
          paths.caCert,
          "--tls-auth-clients",
          "no",
        ],
      });
      const ca = await Deno.readTextFile(paths.caCert);
      const subscriber = new BusSubscriber({
        url: `rediss://localhost:${tlsPort}`,
        connectionName: "test-bus-tls",
        retryStrategy: () => 100,
        caCerts: [ca],
      });
      const publisher = new Redis(redis.url, { lazyConnect: true });
      try {
        const received = await subscribeToBus(subscriber);
        await publisher.connect();
        const big = patterned(200_000, 3);
        await publisher.publish("test:bus", Buffer.from(big));
        await waitFor("the message over TLS", () => received.length === 1);
        assert.deepEqual(received[0], big);
      } finally {
        await publisher.quit().catch(() => publisher.disconnect());
        const ended = new Promise((resolve) => subscriber.once("end", resolve));
        await subscriber.quit();
        await ended;
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
