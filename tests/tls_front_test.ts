/**
 * `wss://` from the real Espruino interpreter (in WebAssembly, its own mbedtls) to the relay through the TLS
 * front of tools/tls_front.ts (stunnel with the certificate of
 * `deno task certs`), with the server name sent (Espruino's default) and
 * without it (`ESPRUINO_TLS_SNI=0`): handshake, SOS!-like traffic both ways,
 * a relay restart behind the front, the token. And why the front exists:
 * Deno's own TLS refuses the name Espruino sends, which the client reports
 * as a failed TLS handshake.
 */

import assert from "node:assert/strict";
import { generateCertificates } from "../relay/certs.ts";
import { startTlsFront, stunnelConfig } from "../tools/tls_front.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { bootDevice, type Engine, ENGINES, testOnEngines } from "../testing/device_engines.ts";

const TOKEN = "s3cret";

/** Certificates from relay/certs.ts in a temporary folder. */
async function certificates(): Promise<{ dir: string; cert: string; key: string; ca: string }> {
  const dir = await Deno.makeTempDir({ prefix: "tls-front-test-" });
  await generateCertificates({ dir, hosts: ["127.0.0.1", "localhost"] });
  return {
    dir,
    cert: `${dir}/server.crt`,
    key: `${dir}/server.key`,
    ca: await Deno.readTextFile(`${dir}/ca.crt`),
  };
}

Deno.test("the stunnel configuration forwards TLS on the front's port to the relay's ws:// port", () => {
  const config = stunnelConfig({
    hostname: "0.0.0.0",
    port: 8443,
    relayHostname: "::1",
    relayPort: 8000,
    certFile: "tls/server.crt",
    keyFile: "tls/server.key",
  });
  assert.match(config, /^accept = 0\.0\.0\.0:8443$/m);
  assert.match(config, /^connect = \[::1\]:8000$/m);
  assert.match(
    config,
    /^cert = \/.*tls\/server\.crt$/m,
    "an absolute path: stunnel runs elsewhere",
  );
  assert.match(config, /^foreground = yes$/m);
  assert.doesNotMatch(config, /^sni/m, "any server name reaches the relay");
});

Deno.test("a missing certificate is refused with what to run", async () => {
  await assert.rejects(
    startTlsFront({ port: 0, certFile: "/nonexistent/server.crt", keyFile: "/nonexistent/k" }),
    /server\.crt not found; run `deno task certs`/,
  );
});

for (const sni of ["default", "0"]) {
  const env: Record<string, string> = sni === "0" ? { ESPRUINO_TLS_SNI: "0" } : {};
  testOnEngines(
    ENGINES,
    `wss through the TLS front, server name ${
      sni === "0" ? "not sent" : "sent"
    }: SOS! both ways, relay restart, token`,
    async (engine: Engine) => {
      const certs = await certificates();
      let relay = await startRelayProcess(["--token", TOKEN]);
      const relayPort = relay.port;
      try {
        await using front = await startTlsFront({
          hostname: "127.0.0.1",
          port: 0,
          relayPort,
          certFile: certs.cert,
          keyFile: certs.key,
        });
        const url = `wss://127.0.0.1:${front.port}/board-1`;
        await using device = await bootDevice(engine, {
          board: { env },
          client: { url, token: TOKEN, minBackoffMs: 100, maxBackoffMs: 300 },
          firmware: `setInterval(function () { ws.send("SOS!"); }, 300);
ws.on("message", function (data) { if (data === "status") ws.send(JSON.stringify({ ok: true, usage: process.memory().usage })); });`,
        });
        await device.opened(1, 15_000);
        // The peer goes through the front too, and checks the certificate against the CA.
        using client = Deno.createHttpClient({ caCerts: [certs.ca] });
        await using peer = await TestClient.open(
          `wss://localhost:${front.port}/peer?token=${TOKEN}`,
          { client },
        );
        assert.equal(await peer.next(5000), "SOS!");
        peer.socket.send("status");
        let reply: unknown;
        await waitFor("the status reply", async () => {
          const next = await peer.next(5000);
          if (next !== "SOS!") reply = JSON.parse(String(next));
          return reply !== undefined;
        }, 10_000);
        assert.equal((reply as { ok: boolean }).ok, true);

        // The relay dies and comes back on its port; the front stays, the device gets back in.
        await relay.stop("SIGKILL");
        await waitFor("the loss noticed", () => device.of("close").length === 1, 10_000);
        relay = await startRelayProcess(["--port", String(relayPort), "--token", TOKEN]);
        await device.opened(2, 15_000);
        await using after = await TestClient.open(
          `ws://127.0.0.1:${relayPort}/peer2?token=${TOKEN}`,
        );
        assert.equal(await after.next(5000), "SOS!");

        // Without the token the relay refuses, through the front as directly.
        await using stranger = await bootDevice(engine, {
          board: { env },
          client: { url: `wss://127.0.0.1:${front.port}/board-2`, minBackoffMs: 100 },
        });
        await waitFor("a refusal", () => stranger.of("error").length >= 1, 15_000);
        assert.deepEqual(stranger.of("error")[0], [
          "error",
          "handshake failed: 401 Unauthorized",
          401,
        ]);
        for (const d of [device, stranger]) {
          for (const [, message] of d.of("error")) {
            assert.doesNotMatch(String(message), /undefined/);
          }
        }
      } finally {
        await relay.stop("SIGKILL");
        await Deno.remove(certs.dir, { recursive: true });
      }
    },
  );
}

testOnEngines(
  ENGINES,
  "straight to Deno's TLS: refused when the server name is sent (said so, never undefined), accepted without it",
  async (engine: Engine) => {
    const certs = await certificates();
    try {
      await using relay = startTestRelay(
        { tls: true },
        { cert: await Deno.readTextFile(certs.cert), key: await Deno.readTextFile(certs.key) },
      );
      const url = `${relay.url.replace("localhost", "127.0.0.1")}board-1`;
      const where = url.slice(6, url.indexOf("/", 6));
      {
        await using refused = await bootDevice(engine, {
          client: { url, minBackoffMs: 100, maxBackoffMs: 200 },
          // Installed before the client exists: its first attempt may fail before the next line.
          before:
            `process.on("uncaughtException", function (e) { print("@ev " + JSON.stringify(["uncaught", e && e.message])); });\n`,
        });
        await waitFor("two refusals", () => refused.of("error").length >= 2, 15_000);
        // Which of the socket's error (its write failed) or close comes first varies.
        for (const [, message] of refused.of("error")) {
          assert.match(
            String(message),
            new RegExp(
              `^TLS handshake with ${where} failed: ` +
                `(closed by the server|socket error unsent data \\(-8\\))$`,
            ),
          );
        }
        assert.deepEqual(refused.of("open"), []);
        // Espruino's own exception keeps its message: no try/catch of the client took it.
        await waitFor("the interpreter's TLS exception", () => refused.of("uncaught").length > 0);
        for (const [, message] of refused.of("uncaught")) {
          assert.match(String(message), /^mbedtls_ssl_handshake returned -0x/);
        }
      }
      await using accepted = await bootDevice(engine, {
        board: { env: { ESPRUINO_TLS_SNI: "0" } },
        client: { url },
      });
      await accepted.opened(1, 15_000);
    } finally {
      await Deno.remove(certs.dir, { recursive: true });
    }
  },
);
