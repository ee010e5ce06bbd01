/**
 * `tools/flash.ts` end to end with device code that talks to a relay: the device WebSocket client
 * and the SOS firmware built from a configuration, uploaded over real TCP and a real
 * pseudo-terminal to the WebAssembly engine's console (engine/), running, and running again after
 * a power cycle; and a serial port refused for a loopback server. The tool's other uploads and
 * errors are in `flash_test.ts`.
 */

import assert from "node:assert/strict";
import { createPtyPair } from "../tools/pty_pair.ts";
import { buildDeviceBundle } from "../testing/device_build.ts";
import {
  HAVE_SOCAT,
  runFlash,
  SKIP_PTY,
  startConsoleServer,
  waitFor,
  writeProgram,
} from "./flash_harness.ts";
import { isRetainedStatus, startTestRelay, TestClient } from "../testing/test_client.ts";

Deno.test("flash: a program with the device WebSocket client reaches the relay, again after a reboot", async () => {
  await using relay = startTestRelay();
  await using peer = await TestClient.open(`${relay.url}peer`, { ignore: isRetainedStatus });
  const library = await buildDeviceBundle({ entry: "device/ws/mod.ts", globalName: "WS" });
  const token = `w${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(
    library + `
var ws = WS.createWebSocketClient({ url: ${JSON.stringify(`${relay.url}board-1`)} });
ws.on("open", function () {
  print("flash-test ${token} connected");
  ws.send("hello from ${token}");
});
`,
  );
  try {
    await using server = await startConsoleServer();
    const result = await runFlash(["--port", server.url!, "--file", file, "--watch", "1"]);
    assert.equal(result.code, 0, result.stderr);
    // net, tls and crypto are in the ESP32 firmware: nothing to fetch, nothing to warn about.
    assert.doesNotMatch(result.stderr, /warning/);
    assert.equal(await peer.next(10_000), `hello from ${token}`);

    // A power cycle resets the old connection (the relay frees the id) and runs the program again.
    server.powerCycle();
    assert.equal(await peer.next(10_000), `hello from ${token}`);
    assert.equal(server.count(`flash-test ${token} connected`), 2);
    await server.run("ws.close()");
  } finally {
    await Deno.remove(file);
  }
});

Deno.test({
  name: "error: flashing over a serial port refuses a loopback server before building",
  ignore: SKIP_PTY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "flash_loopback_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      const config = `${dir}/device.json`;
      const out = `${dir}/firmware.js`;
      for (const server of ["ws://127.0.0.1:8000/", "wss://localhost:8443/", "ws://[::1]:8000/"]) {
        await Deno.writeTextFile(config, JSON.stringify({ server }));
        const result = await runFlash(["--port", pty.userPath, "--config", config, "--out", out]);
        assert.equal(result.code, 1, result.stderr);
        assert.match(
          result.stderr,
          new RegExp(
            `The server in ${config}, ${server.replace(/[.[\]]/g, "\\$&")}, is a loopback`,
          ),
        );
        assert.match(result.stderr, /would connect to itself, not to the relay on this computer/);
        assert.match(
          result.stderr,
          /Set "server" in .* to the relay's LAN address, such as ws:\/\//,
        );
        assert.match(result.stderr, /Nothing was built or uploaded/);
        assert.doesNotMatch(result.stderr, /build: /);
        await assert.rejects(Deno.stat(out), "nothing was built");
      }
      // A LAN address passes the check (and the silent pty then does not answer).
      await Deno.writeTextFile(config, JSON.stringify({ server: "ws://192.168.1.100:8000/" }));
      const lan = await runFlash(["--port", pty.userPath, "--config", config, "--out", out]);
      assert.doesNotMatch(lan.stderr, /is a loopback address/);
      assert.match(lan.stderr, /build: .*firmware\.js: \d+ bytes/);
      // --allow-loopback builds from a configuration only.
      const usage = await runFlash(["--port", pty.userPath, "--file", out, "--allow-loopback"]);
      assert.equal(usage.code, 1);
      assert.match(
        usage.stderr,
        /--allow-loopback build a firmware; --file uploads a file as it is/,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

/** Builds the SOS firmware from a configuration, flashes it over `port`, checks SOS! and a reboot. */
async function flashFirmware(
  transport: "tcp" | "pty",
): Promise<void> {
  await using relay = startTestRelay({ onDuplicate: "replace", token: "t0ken" });
  await using peer = await TestClient.open(`${relay.url}peer?token=t0ken`, {
    ignore: isRetainedStatus,
  });
  const dir = await Deno.makeTempDir({ prefix: "flash_firmware_" });
  try {
    const config = `${dir}/device.json`;
    await Deno.writeTextFile(
      config,
      JSON.stringify({
        server: relay.url,
        clientId: "flashed-1",
        token: "t0ken",
        pattern: { dotOnMs: 20, dashOnMs: 40, offMs: 10, pauseMs: 40 },
        // No re-handshakes: a power cycle or the end of the test in the middle of one would reset
        // the connection while the relay upgrades it, and Deno's upgrade then never completes.
        rehandshakeEvery: 0,
      }),
    );
    await using pty = transport === "pty"
      ? await createPtyPair({ userPath: `${dir}/host` })
      : undefined;
    await using server = await startConsoleServer({
      tcp: transport === "tcp",
      tty: pty?.boardPath,
    });
    const out = `${dir}/firmware.js`;
    const port = pty ? pty.userPath : server.url!;
    if (pty) {
      // A serial port is a physical board to flash: it cannot reach the relay at 127.0.0.1.
      const stored = await server.bootCode();
      const refused = await runFlash(["--port", port, "--config", config, "--out", out]);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /is a loopback address/);
      assert.equal(await server.bootCode(), stored, "nothing was uploaded");
      await assert.rejects(Deno.stat(out), "nothing was built");
    }
    const result = await runFlash([
      "--port",
      port,
      "--config",
      config,
      "--out",
      out,
      "--watch",
      "1",
      // This "board" runs on this computer: over its pty too, 127.0.0.1 is the relay.
      ...(pty ? ["--allow-loopback"] : []),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /build: .*firmware\.js: \d+ bytes/);
    assert.equal(await server.bootCode(), await Deno.readTextFile(out));
    assert.equal(await peer.next(10_000), "SOS!", "the flashed firmware talks to the relay");

    // After a power cycle (Storage kept) it runs again and connects again under the same id.
    const connections = relay.running.relay.metrics.connections;
    const links = () => connections.accepted + connections.replaced;
    const before = links();
    server.powerCycle();
    await waitFor("the firmware's second boot", () => server.count("flashed-1 blinking") === 2);
    await waitFor("the second connection", () => links() > before, 10_000);
    assert.equal(await peer.next(10_000), "SOS!");
    await server.run("clearTimeout()"); // quiet the board before it is stopped

    // A broken configuration stops before anything is uploaded.
    await Deno.writeTextFile(config, JSON.stringify({ server: "http://nowhere/" }));
    const broken = await runFlash(["--port", port, "--config", config, "--out", out]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /server: expected a ws:\/\/ or wss:\/\/ URL/);
    assert.match(broken.stderr, /nothing was uploaded/);
    // Power off: the relay must see the board's connection end before it shuts down itself.
    await server[Symbol.asyncDispose]();
    await waitFor(
      "the relay to drop the board",
      () => !relay.running.relay.hub.clients().some((client) => client.id === "flashed-1"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("flash builds the SOS firmware from --config, uploads it over tcp://, it runs and runs again after a reboot", async () => {
  await flashFirmware("tcp");
});

Deno.test({
  name:
    "flash builds the SOS firmware, uploads it over a pseudo-terminal, it runs and runs again after a reboot",
  ignore: SKIP_PTY,
  async fn() {
    assert.ok(HAVE_SOCAT, "socat is required (apt-get install socat)");
    await flashFirmware("pty");
  },
});
