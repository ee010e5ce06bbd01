/**
 * The `server.ts` entry point as users run it: flags, TLS set-up, signals.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
// @ts-types="npm:@types/ws@8.18.1"
import NodeWebSocket from "npm:ws@8.23.0";
import { closeAll, TestClient } from "../testing/test_client.ts";
import { RawClient } from "./raw_client.ts";
import { runServer, startRelayProcess } from "../testing/relay_process.ts";

const decoder = new TextDecoder();

Deno.test("--help prints every flag and exits 0", async () => {
  const { code, stdout } = await runServer(["--help"]).output();
  assert.equal(code, 0);
  const help = decoder.decode(stdout);
  assert.match(help, /--ping-interval S/);
  assert.match(help, /RELAY_MAX_BACKLOG_BYTES/);
});

Deno.test("deno task serve -- FLAGS: the flags after -- reach the relay", async () => {
  const { code, stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["task", "serve", "--", "--help"],
    cwd: new URL("..", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0);
  assert.match(decoder.decode(stdout), /--max-backlog-bytes N/);
});

Deno.test("a bad flag stops start-up with exit code 2 and names the option", async () => {
  const { code, stderr } = await runServer(["--max-clients", "lots"]).output();
  assert.equal(code, 2);
  assert.match(decoder.decode(stderr), /--max-clients expects a whole number, got "lots"/);
  const fromEnv = await runServer([], { RELAY_LOG_FORMAT: "xml" }).output();
  assert.equal(fromEnv.code, 2);
  assert.match(decoder.decode(fromEnv.stderr), /RELAY_LOG_FORMAT expects one of text, json/);
});

Deno.test("a port already in use is reported with what to do", async () => {
  await using first = await startRelayProcess();
  const { code, stderr } = await runServer(["--host", "127.0.0.1", "--port", String(first.port)])
    .output();
  assert.equal(code, 1);
  assert.match(decoder.decode(stderr), /already in use; pick another with --port/);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.test(`${signal}: every client gets close 1001 and the process exits 0 within 2 s`, async () => {
    await using relay = await startRelayProcess();
    const clients = await Promise.all(["a", "b"].map((id) => TestClient.open(`${relay.url}${id}`)));
    // A client that never reads must not hold the shutdown up.
    const { client: stalled } = await RawClient.connect({ port: relay.port, path: "/stuck" });
    try {
      const started = Date.now();
      const status = await relay.stop(signal);
      const elapsed = Date.now() - started;
      assert.equal(status.code, 0);
      assert.ok(elapsed < 2000, `exited after ${elapsed} ms`);
      for (const client of clients) {
        const closed = await client.closed;
        assert.equal(closed.code, 1001);
        assert.equal(closed.reason, "relay shutting down");
      }
      assert.ok(relay.stderr.some((line) => line.includes("shutting down")));
    } finally {
      stalled.close();
      await closeAll(clients);
    }
  });
}

Deno.test("--tls creates a local CA and certificate when missing, and serves wss", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const cert = join(dir, "server.crt");
    const key = join(dir, "server.key");
    await using relay = await startRelayProcess([
      "--tls",
      "--cert",
      cert,
      "--key",
      key,
      "--log-format",
      "json",
    ]);
    assert.ok(relay.url.startsWith("wss://localhost:"));
    const caPath = join(dir, "ca.crt");
    assert.ok(relay.stderr.some((line) => line.includes(caPath)), "it says where the CA is");
    assert.equal((await Deno.stat(key)).mode! & 0o777, 0o600);
    const ca = await Deno.readTextFile(caPath);

    using httpClient = Deno.createHttpClient({ caCerts: [ca] });
    const denoClient = await TestClient.open(`${relay.url}deno`, { client: httpClient });
    const received = new Promise<string>((resolve, reject) => {
      const node = new NodeWebSocket(`${relay.url}node`, { ca });
      node.on("open", () => node.send("over wss"));
      node.on("error", reject);
      node.on("close", () => resolve("closed early"));
      denoClient.next().then((message) => {
        node.close();
        resolve(String(message));
      }, reject);
    });
    assert.equal(await received, "over wss");

    const health = await fetch(`${relay.httpUrl}/healthz`, { client: httpClient });
    assert.equal((await health.json()).status, "ok");
    // Without the CA the certificate is not trusted.
    await assert.rejects(fetch(`${relay.httpUrl}/healthz`), (error: Error) => {
      assert.match(String(error.cause ?? error), /UnknownIssuer|certificate/i);
      return true;
    });
    await denoClient[Symbol.asyncDispose]();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--tls with a certificate but no key says which file is missing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(join(dir, "server.crt"), "not really");
    const { code, stderr } = await runServer([
      "--tls",
      "--port",
      "0",
      "--cert",
      join(dir, "server.crt"),
      "--key",
      join(dir, "server.key"),
    ]).output();
    assert.equal(code, 2);
    assert.match(decoder.decode(stderr), /server\.key is missing/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
