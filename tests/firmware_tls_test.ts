/**
 * The SOS firmware over `wss://` on the WebAssembly engine (the real Espruino interpreter of an
 * ESP32-C3, with its own mbedtls), through the TLS front (`deno task tls-front`, stunnel) in front
 * of the relay, with the server name sent (Espruino's default) and without it
 * (`ESPRUINO_TLS_SNI=0`): flashed with `deno task flash`, booted from Storage, SOS!, commands,
 * re-handshakes and the token. stunnel4 is required: the front cannot be tested without it.
 */

import assert from "node:assert/strict";
import { generateCertificates } from "../relay/certs.ts";
import { startTlsFront } from "../tools/tls_front.ts";
import { isRetainedStatus, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { command, startFirmwareBoard } from "../testing/firmware_board.ts";
import { startRelayProcess } from "../testing/relay_process.ts";

const TOKEN = "s3cret";

for (const sni of ["sent", "not sent"] as const) {
  Deno.test({
    name: `the firmware over wss:// through the TLS front (server name ${sni}): ` +
      "SOS!, commands, re-handshakes, token",
    async fn() {
      const dir = await Deno.makeTempDir({ prefix: "fw-tls-" });
      try {
        await generateCertificates({ dir, hosts: ["127.0.0.1", "localhost"] });
        await using relay = await startRelayProcess(["--token", TOKEN, "--log-format", "json"]);
        await using front = await startTlsFront({
          hostname: "127.0.0.1",
          port: 0,
          relayPort: relay.port,
          certFile: `${dir}/server.crt`,
          keyFile: `${dir}/server.key`,
        });
        await using operator = await TestClient.open(`${relay.url}operator?token=${TOKEN}`, {
          ignore: isRetainedStatus,
        });
        await using fw = await startFirmwareBoard({
          fields: {
            server: `wss://127.0.0.1:${front.port}/`,
            clientId: "tls-1",
            token: TOKEN,
            pattern: { dotOnMs: 60, dashOnMs: 120, offMs: 30, pauseMs: 120 },
            // Re-handshakes on command, each after the last reply: a command that reaches a
            // connection as it closes for a timed re-handshake would be lost, and the test with it.
            rehandshakeEvery: 0,
            reconnect: { minDelayMs: 200, maxDelayMs: 1000 },
          },
          upload: "tcp",
          env: sni === "sent" ? {} : { ESPRUINO_TLS_SNI: "0" },
        });
        let sos = "";
        while (sos !== "SOS!") sos = String(await operator.next(20_000));
        const status = await command(operator, { to: "tls-1", cmd: "status" }, 10_000);
        assert.equal(status.ok, true);
        const malformed = await command(operator, { to: "tls-1", cmd: "fly" }, 10_000);
        assert.equal(malformed.ok, false);
        const connects = () =>
          relay.stderr.filter((line) => line.includes('"connect"') && line.includes('"tls-1"'))
            .length;
        const before = connects();
        for (let n = 1; n <= 2; n++) {
          const reply = await command(operator, { to: "tls-1", cmd: "rehandshake" }, 10_000);
          assert.equal(reply.ok, true);
          await waitFor(`re-handshake ${n} over TLS`, () => connects() >= before + n, 30_000);
        }
        assert.doesNotMatch(
          fw.board.console.text,
          /(error|failed)[^\n]*undefined/i,
          "errors say what failed",
        );
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    },
  });
}
