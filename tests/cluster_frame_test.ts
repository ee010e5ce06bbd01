/**
 * The pieces of clustering that need no Redis: bus framing, the hub's
 * delivery of messages from other nodes, and the cluster flags.
 */

import assert from "node:assert/strict";
import {
  decodeFrame,
  encodeEvent,
  encodeMessage,
  encodeProbe,
  encodeReplace,
  frameNode,
  isFromNode,
} from "../relay/cluster_frame.ts";
import { type Bus, Client, Hub, type HubRegistry } from "../relay/hub.ts";
import { redactRedisUrl } from "../relay/redis_connection.ts";
import { createLogger } from "../relay/logger.ts";
import { RelayMetrics } from "../relay/metrics.ts";
import { OptionsError, parseOptions } from "../relay/options.ts";

Deno.test("a text message crosses the bus as the same text, with its node and sender", () => {
  const frame = encodeMessage("host-1-ab12", "esp32-7", "héllo ✓ 😀");
  assert.equal(frameNode(frame), "host-1-ab12");
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  assert.ok(isFromNode(frame, bytesOf("host-1-ab12")));
  assert.ok(!isFromNode(frame, bytesOf("host-1-ab13")));
  assert.ok(!isFromNode(frame, bytesOf("host-1-ab1")), "a prefix is another node");
  assert.deepEqual(decodeFrame(frame), {
    kind: "text",
    node: "host-1-ab12",
    sender: "esp32-7",
    role: "operator",
    data: "héllo ✓ 😀",
    bytes: new TextEncoder().encode("héllo ✓ 😀").length,
  });
  assert.deepEqual(decodeFrame(encodeMessage("n", "s", "")), {
    kind: "text",
    node: "n",
    sender: "s",
    role: "operator",
    data: "",
    bytes: 0,
  });
});

Deno.test("a device's message carries its role in the kind byte; an event frame carries JSON", () => {
  const text = encodeMessage("n", "esp32-1", '{"retain":true}', "device");
  assert.equal(text[0], 0x80);
  assert.ok(isFromNode(text, new TextEncoder().encode("n")));
  assert.deepEqual(decodeFrame(text), {
    kind: "text",
    node: "n",
    sender: "esp32-1",
    role: "device",
    data: '{"retain":true}',
    bytes: 15,
  });
  const binary = decodeFrame(encodeMessage("n", "esp32-1", new Uint8Array([7]).buffer, "device"));
  assert.equal(binary?.kind, "binary");
  assert.equal(binary?.kind === "binary" && binary.role, "device");
  // The payload's size and sender sit where the resume scripts read them, whatever the role.
  assert.equal(text.length, 2 + 1 + 1 + 7 + 15);
  const event = '{"event":"online","id":"é"}';
  assert.deepEqual(decodeFrame(encodeEvent("n2", event)), {
    kind: "event",
    node: "n2",
    text: event,
  });
  assert.equal(decodeFrame(new Uint8Array([0x82, 1, 65, 0, 0, 0, 0, 0, 0, 0, 0])), undefined);
  assert.equal(decodeFrame(new Uint8Array([0x85, 1, 65])), undefined, "only messages have roles");
});

Deno.test("a binary message crosses as the same bytes, never as text", () => {
  const bytes = new Uint8Array(1000).map((_, i) => (i * 31) & 0xff);
  const frame = encodeMessage("node", "dev", bytes.buffer);
  // A frame inside a larger buffer, as a Redis client hands it over.
  const padded = new Uint8Array(frame.length + 10);
  padded.set(frame, 5);
  const decoded = decodeFrame(padded.subarray(5, 5 + frame.length));
  assert.equal(decoded?.kind, "binary");
  if (decoded?.kind !== "binary") return;
  assert.ok(decoded.data instanceof ArrayBuffer);
  assert.deepEqual(new Uint8Array(decoded.data), bytes);
  assert.equal(decoded.bytes, 1000);
  assert.equal(decoded.sender, "dev");
});

Deno.test("probe and replace frames; the replace layout is the one the Lua claim script writes", () => {
  assert.deepEqual(decodeFrame(encodeProbe("n1", 1234.5)), {
    kind: "probe",
    node: "n1",
    sentAt: 1234.5,
  });
  // replaceFrame() of LUA_FRAMES, as the claim script writes it (run in Redis by
  // tests/cluster_batch_test.ts)
  const lua = new Uint8Array([3, 2, ..."n2".split("").map((c) => c.charCodeAt(0))]);
  const token = new TextEncoder().encode("n1#42");
  const fromLua = new Uint8Array([...lua, ...token]);
  assert.deepEqual(decodeFrame(fromLua), { kind: "replace", node: "n2", token: "n1#42" });
  assert.deepEqual(new Uint8Array(encodeReplace("n2", "n1#42")), fromLua);
});

Deno.test("bytes that are not a frame decode to undefined", () => {
  assert.equal(decodeFrame(new Uint8Array([])), undefined);
  assert.equal(decodeFrame(new Uint8Array([0, 10, 65])), undefined, "node id cut short");
  assert.equal(decodeFrame(new Uint8Array([0, 1, 65])), undefined, "no sender length");
  assert.equal(decodeFrame(new Uint8Array([0, 1, 65, 9, 66])), undefined, "sender cut short");
  assert.equal(decodeFrame(new Uint8Array([2, 1, 65, 0])), undefined, "probe without a time");
  assert.equal(decodeFrame(new Uint8Array([9, 1, 65])), undefined, "unknown kind");
  assert.equal(decodeFrame(new TextEncoder().encode("hello")), undefined);
});

function fakeSocket(sent: unknown[]) {
  return { bufferedAmount: 0, send: (data: unknown) => sent.push(data), close() {} };
}

Deno.test("the hub publishes local messages, delivers remote ones to everyone but the sender's id, and reports releases", () => {
  const published: [string, unknown][] = [];
  const released: string[] = [];
  const bus: Bus = {
    publish: (sender, data) => published.push([sender.id, data]),
    connect() {},
  };
  const registry: HubRegistry = { released: (client) => released.push(client.id) };
  const metrics = new RelayMetrics();
  const hub = new Hub({
    maxMessageBytes: 100,
    maxBacklogBytes: 1 << 20,
    backlogGraceMs: 5000,
    metrics,
    logger: createLogger({ level: "silent", format: "text" }),
    bus,
    registry,
  });
  const sent = { a: [] as unknown[], b: [] as unknown[] };
  const a = new Client({ id: "a", remote: "local", socket: fakeSocket(sent.a) });
  const b = new Client({ id: "b", remote: "local", socket: fakeSocket(sent.b) });
  for (const client of [a, b]) {
    hub.add(client);
    hub.opened(client);
  }
  hub.receive(a, "local");
  assert.deepEqual(published, [["a", "local"]]);
  assert.deepEqual(sent, { a: [], b: ["local"] });
  hub.deliver({ id: "b", role: "operator" }, "remote from a client named b elsewhere", 39);
  assert.deepEqual(sent.a, ["remote from a client named b elsewhere"]);
  assert.deepEqual(sent.b, ["local"], "no message goes to a client with the sender's id");
  assert.equal(metrics.messagesOut, 2);
  assert.equal(metrics.messagesIn, 1, "remote messages are counted by the cluster metrics");
  hub.receive(a, "x".repeat(101));
  assert.equal(published.length, 1, "a refused message is not published");
  hub.closed(b, { code: 1000, reason: "" });
  hub.closed(b, { code: 1005, reason: "" });
  assert.deepEqual(released, ["a", "b"], "each release is reported once");
});

Deno.test("--redis, --cluster, --lease and --reuse-port are parsed and checked", () => {
  const parse = (args: string[], env: Record<string, string> = {}) => parseOptions({ args, env });
  const defaults = parse([]);
  assert.equal(defaults.redis, undefined);
  assert.equal(defaults.cluster, "relay");
  assert.equal(defaults.leaseSeconds, 15);
  assert.equal(defaults.reusePort, false);
  const options = parse(
    [
      "--redis",
      "redis://user:pw@127.0.0.1:6380/2",
      "--cluster",
      "lab-1",
      "--lease",
      "2.5",
      "--reuse-port",
    ],
  );
  assert.equal(options.redis, "redis://user:pw@127.0.0.1:6380/2");
  assert.equal(options.cluster, "lab-1");
  assert.equal(options.leaseSeconds, 2.5);
  assert.equal(options.reusePort, true);
  assert.equal(parse([], { RELAY_REDIS: "rediss://cache:6379" }).redis, "rediss://cache:6379");
  const bad: [string[], RegExp][] = [
    [["--redis", "http://127.0.0.1:6379"], /redis:\/\/ or rediss:\/\//],
    [["--redis", "127.0.0.1:6379"], /expects a URL like redis:\/\/HOST:6379/],
    [["--redis", "not a url"], /expects a URL like redis:\/\/HOST:6379/],
    [["--redis", "redis://host:6379/db"], /database number/],
    [["--redis", "redis://h", "--cluster", "a b"], /--cluster expects 1-64 characters/],
    [["--redis", "redis://h", "--lease", "0.5"], /--lease expects 1 to 3600 seconds/],
    [["--lease", "5"], /--lease \(RELAY_LEASE\) only means something with --redis/],
    [["--cluster", "x"], /--cluster \(RELAY_CLUSTER\) only means something with --redis/],
  ];
  for (const [args, message] of bad) {
    assert.throws(() => parse(args), (error: Error) => {
      assert.ok(error instanceof OptionsError);
      assert.match(error.message, message);
      return true;
    }, args.join(" "));
  }
});

Deno.test("the Redis password never reaches a log line", () => {
  assert.equal(redactRedisUrl("redis://user:s3cret@cache:6379/1"), "redis://user:***@cache:6379/1");
  assert.equal(redactRedisUrl("redis://cache:6379"), "redis://cache:6379");
});

interface Lockfile {
  npm: Record<string, { integrity: string }>;
}

const ROOT = new URL("..", import.meta.url);

function readLock(path: string): Lockfile {
  return JSON.parse(Deno.readTextFileSync(new URL(path, ROOT)));
}

/** npm packages (`name@version`) a module's graph reaches, resolved with `lock` (frozen). */
async function npmPackagesOf(entry: string, lock: string): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", `--lock=${lock}`, "--frozen", entry],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
  return Object.keys(JSON.parse(new TextDecoder().decode(output.stdout)).npmPackages ?? {});
}

let relayGraph: Promise<string[]> | undefined;

/**
 * npm packages the relay's graph reaches, its cluster modules included, with relay/deno.lock:
 * read once for the tests that need them.
 */
function relayPackages(): Promise<string[]> {
  relayGraph ??= Promise.all([
    npmPackagesOf("server.ts", "relay/deno.lock"),
    npmPackagesOf("relay/cluster_redis.ts", "relay/deno.lock"),
  ]).then((graphs) => graphs.flat());
  return relayGraph;
}

Deno.test("a relay, cluster node included, loads no Redis client package", async () => {
  const reached = await relayPackages();
  assert.ok(reached.length > 0);
  assert.deepEqual(reached.filter((pkg) => /redis/.test(pkg)), []);
  assert.deepEqual(Object.keys(readLock("relay/deno.lock").npm).filter((p) => /redis/.test(p)), []);
});

Deno.test("relay/deno.lock (deno task serve) holds what the relay and its cluster modules import, as deno.lock pins them", async () => {
  const relay = readLock("relay/deno.lock");
  for (const pkg of await relayPackages()) {
    assert.ok(pkg in relay.npm, `${pkg} is missing from relay/deno.lock`);
  }
  const full = readLock("deno.lock");
  for (const [pkg, entry] of Object.entries(relay.npm)) {
    assert.equal(entry.integrity, full.npm[pkg]?.integrity, pkg);
  }
});
