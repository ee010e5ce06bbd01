/**
 * The SOS firmware, built as `deno task build` builds it, saved to Storage and booted on the
 * WebAssembly engine (the real Espruino interpreter) against the real relay, on the virtual
 * clock: minutes of board time with re-handshakes, a lost Wi-Fi network and a relay restart, and
 * the LED judged exactly, edge by edge, on the board's own clock.
 */

import assert from "node:assert/strict";
import { EspruinoBoard } from "../engine/board.ts";
import { saveBootCode, saveStorageFile } from "../engine/upload.ts";
import { settingsPathFor } from "../tools/build.ts";
import { SETTINGS_FILE } from "../tools/device_config.ts";
import { sosSpans, sosTimingError } from "../tools/sos_timing.ts";
import { TestClient } from "../testing/test_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { stablePort } from "../testing/ports.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** A quick pattern, so that minutes hold many cycles: one cycle is 1080 ms. */
const FAST = { dotOnMs: 60, dashOnMs: 120, offMs: 30, pauseMs: 120 };
const WIFI = { ssid: "lab", password: "password1" };

async function buildFirmware(dir: string, fields: Record<string, unknown>): Promise<string> {
  await Deno.writeTextFile(`${dir}/device.json`, JSON.stringify(fields));
  const out = `${dir}/firmware.js`;
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build", "--", "--config", `${dir}/device.json`, "--out", out],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(result.success, new TextDecoder().decode(result.stderr));
  return await Deno.readTextFile(out);
}

/** The settings the build wrote beside the bundle. */
function builtSettings(dir: string): Promise<string> {
  return Deno.readTextFile(settingsPathFor(`${dir}/firmware.js`));
}

Deno.test("engine firmware: minutes of SOS through re-handshakes, Wi-Fi loss and a relay restart, every LED edge on time", async () => {
  const dir = await Deno.makeTempDir();
  const port = stablePort();
  let relay = await startRelayProcess(["--port", String(port)]);
  try {
    const code = await buildFirmware(dir, {
      wifi: { ...WIFI, attempts: 3, delayMs: 200 },
      server: relay.url,
      clientId: "engine-1",
      pattern: FAST,
      rehandshakeEvery: 5,
      heartbeat: { pingIntervalMs: 4000, pongTimeoutMs: 4000 },
      reconnect: { minDelayMs: 200, maxDelayMs: 2000 },
    });
    await using board = await EspruinoBoard.start({ clock: "virtual", networks: [WIFI] });
    await board.console.waitFor(/\n>/);
    await saveBootCode(board, code);
    await saveStorageFile(board, SETTINGS_FILE, await builtSettings(dir));
    let sos = 0;
    const watch = async (name: string) => {
      const client = await TestClient.open(`${relay.url}${name}`);
      client.socket.addEventListener("message", (event) => {
        if (event.data === "SOS!") sos++;
      });
      return client;
    };
    let watcher = await watch("watcher");
    board.powerCycle();
    await board.console.waitFor(/blinking; relay/);
    const connects = () => relay.stderr.filter((l) => /connect id=engine-1 /.test(l)).length;

    await board.runFor(60_000);
    assert.ok(sos >= 40, `${sos} SOS! in the first minute`);
    assert.ok(connects() >= 8, `re-handshakes every 5 cycles: ${connects()} connects`);

    // The network goes away for 20 s of board time; the firmware must rejoin and reconnect.
    const lossAt = board.clock.nowUs() / 1000;
    board.radio.lose(20_000);
    await board.runFor(60_000);
    assert.equal(board.radio.linkUp(), true, "the firmware joined the network again");

    // The relay restarts on its port; the board reconnects by itself.
    const restartAt = board.clock.nowUs() / 1000;
    await relay.stop();
    await board.runFor(5_000);
    relay = await startRelayProcess(["--port", String(port)]);
    await watcher[Symbol.asyncDispose]();
    watcher = await watch("watcher2");
    const beforeRestart = sos;
    await board.runFor(60_000);
    assert.ok(sos - beforeRestart >= 30, `${sos - beforeRestart} SOS! after the relay restarted`);
    await watcher[Symbol.asyncDispose]();

    // Every edge after the first cycle, through all of it, at its scheduled time.
    const edges = board.pins.of("D2").map((e) => ({ value: e.level, time: e.ms }));
    // From the start of the second cycle: a rising edge after a pause.
    const start = edges.findIndex((e, i) =>
      i > 0 && e.value === 1 && e.time > edges[0].time + 1000 &&
      e.time - edges[i - 1].time >= FAST.pauseMs - 1
    );
    const timing = sosTimingError(edges.slice(start), FAST);
    const spans = sosSpans(FAST);
    const late = edges.slice(start, -1).map((e, i) => ({
      atMs: e.time,
      offMs: edges[start + i + 1].time - e.time - spans[i % spans.length],
    })).filter((span) => Math.abs(span.offMs) >= 0.05);
    assert.ok(timing.spans > 2000, `${timing.spans} spans`);
    assert.ok(
      timing.worstMs < 0.05,
      `worst LED error ${timing.worstMs} ms; Wi-Fi lost at ${lossAt} ms, relay restarted at ` +
        `${restartAt} ms; spans off: ${JSON.stringify(late.slice(0, 10))}`,
    );
    const from = board.console.text.length;
    board.console.write('\x10process.memory(); print("@mem "+process.memory().usage);\n');
    const usage = await board.console.waitFor(/@mem \d+/, { from });
    const jsvars = Number(usage.match(/@mem (\d+)/)![1]);
    assert.ok(jsvars <= 1500, `${jsvars} JsVars in use after GC`);
    assert.doesNotMatch(board.console.text, /Uncaught|Timeout on Utility Timer|OUT OF MEMORY/);
  } finally {
    await relay.stop().catch(() => {});
    await Deno.remove(dir, { recursive: true });
  }
});
