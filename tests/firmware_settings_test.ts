/**
 * The firmware's settings in Storage (`settings.json`) on the WebAssembly engine (the real
 * Espruino 2v29 interpreter of an ESP32-C3, engine/), on the virtual clock: `deno task flash`
 * writes them beside the code and the board runs with them; `--settings-only` changes them
 * without re-sending the code; a board without them, or with a bad field, blinks and says what is
 * wrong; the status carries their hash and never a secret.
 */

import assert from "node:assert/strict";
import { sosTimingError } from "../tools/sos_timing.ts";
import { SETTINGS_FILE, settingsHash, settingsText } from "../tools/device_config.ts";
import { cycleMs, deviceDefaults } from "../device/firmware/config.ts";
import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
import { saveBootCode, saveStorageFile } from "../engine/upload.ts";
import { buildFirmwareBundle } from "../testing/device_build.ts";
import { isRetainedStatus, TestClient } from "../testing/test_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import {
  BLINKING,
  command,
  consoleMemoryUsage,
  FAST,
  LED_PIN,
  runFlash,
  showingConsole,
  spanErrors,
  startFirmwareBoard,
  transitions,
  typeLine,
  writeConfig,
} from "../testing/firmware_board.ts";

const WIFI = { ssid: "lab", password: "wifi-secret-password" };
const TOKEN = "relay-token-never-shown-0123456789";

/** What must never appear on the console. */
const BROKEN = /Timeout on Utility Timer|Out of Memory|MEMORY|Uncaught/i;

/** `.bootcde`'s CRC32 as the board computes it. */
async function bootCodeCrc(board: EspruinoBoard): Promise<string> {
  const text = await typeLine(
    board,
    'print("@crc " + (E.CRC32(require("Storage").read(".bootcde")) >>> 0))',
  );
  return /@crc (\d+)/.exec(text)![1];
}

/** Boots the bundle alone, or with `settings` as the raw text of the settings file. */
async function bootWith(
  settings: string | undefined,
): Promise<{ board: EspruinoBoard; bootedAtMs: number }> {
  const board = await EspruinoBoard.start({ clock: "virtual", networks: [WIFI] });
  try {
    await board.console.waitFor(/\n>/);
    await saveBootCode(board, await buildFirmwareBundle());
    if (settings !== undefined) await saveStorageFile(board, SETTINGS_FILE, settings);
    const from = board.console.text.length;
    const bootedAtMs = board.clock.nowUs() / 1000;
    board.powerCycle();
    await board.console.waitFor(BLINKING, { from, timeoutMs: 30_000 });
    return { board, bootedAtMs };
  } catch (error) {
    await board.stop();
    throw error;
  }
}

/**
 * Runs the board until `cycles` cycles of `pattern` have passed since board time `bootedAtMs`
 * (a power-on) and asserts the LED played every one of them exactly.
 */
async function assertPlays(
  board: EspruinoBoard,
  bootedAtMs: number,
  pattern: typeof FAST,
  cycles: number,
): Promise<void> {
  const left = bootedAtMs + (cycles + 1) * cycleMs(pattern) - board.clock.nowUs() / 1000;
  if (left > 0) await board.runFor(left);
  const edges = transitions(board, bootedAtMs);
  assert.ok(sosTimingError(edges, pattern).spans >= cycles * 18, "the LED blinks");
  assert.deepEqual(spanErrors(edges, pattern, 0.01), [], "on the pattern");
}

/** Asserts the LED is still blinking: it changes within the next 400 ms of board time. */
async function assertBlinking(board: EspruinoBoard): Promise<void> {
  const before = board.pins.of(LED_PIN).length;
  await board.runFor(400);
  assert.ok(board.pins.of(LED_PIN).length > before, "the LED stopped");
}

Deno.test("flashed with settings, the board runs with them; its status carries their hash and no secret", async () => {
  await using relay = await startRelayProcess(["--token", TOKEN]);
  await using watcher = await TestClient.open(`${relay.url}watcher?token=${TOKEN}`, {
    ignore: isRetainedStatus,
  });
  const fields = {
    wifi: WIFI,
    server: relay.url,
    clientId: "set-1",
    token: TOKEN,
    pattern: FAST,
    rehandshakeEvery: 0,
  };
  await using fw = await startFirmwareBoard({ fields, upload: "tcp", networks: [WIFI] });
  const hash = settingsHash(settingsText(fw.config));
  assert.match(
    fw.flashOutput,
    new RegExp(`Saved \\d+ bytes to Storage ${SETTINGS_FILE} on .*\\(settings ${hash}\\)`),
  );
  assert.match(fw.flashOutput, /Saved \d+ bytes to Storage \.bootcde/);
  // The relay takes the token from the settings and the id they name.
  await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
  const reply = await command(watcher, { to: "set-1", cmd: "status" });
  const status = reply.status as Record<string, unknown>;
  assert.equal(status.settings, hash);
  assert.match(fw.board.console.text, new RegExp(`set-1 blinking; relay .*; settings ${hash}`));
  await assertPlays(fw.board, fw.bootedAtMs, FAST, 3);
  // The retained status, as GET /devices serves it.
  const devices = await (await fetch(`${relay.httpUrl}/devices`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  })).text();
  assert.match(devices, new RegExp(`"settings":"${hash}"`));
  for (const secret of [TOKEN, WIFI.password]) {
    for (
      const [where, text] of [
        ["status", JSON.stringify(reply)],
        ["GET /devices", devices],
        ["the console", fw.board.console.text],
        ["flash's output", fw.flashOutput],
      ]
    ) {
      assert.ok(!text.includes(secret), `a secret in ${where}`);
    }
  }
  const usage = await consoleMemoryUsage(fw.board);
  console.log(`JsVars after GC, connected, settings from Storage: ${usage}`);
  assert.ok(usage < 1500, `${usage} JsVars`);
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});

Deno.test("flash --settings-only moves the board to another relay and id without re-sending the code", async () => {
  await using first = await startRelayProcess();
  await using second = await startRelayProcess();
  await using watcher = await TestClient.open(`${second.url}watcher`, {
    ignore: isRetainedStatus,
  });
  await using fw = await startFirmwareBoard({
    fields: { server: first.url, clientId: "old-id", pattern: FAST, rehandshakeEvery: 0 },
    networks: [WIFI],
  });
  await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
  const codeBefore = await bootCodeCrc(fw.board);
  const dir = await Deno.makeTempDir();
  await showingConsole(fw.board, async () => {
    const { path, config } = await writeConfig(dir, {
      server: second.url,
      clientId: "new-id",
      pattern: FAST,
      rehandshakeEvery: 0,
    });
    await using server = await serveConsole(fw.board, { tcp: true });
    const from = fw.board.console.text.length;
    const run = await runFlash([
      "--settings-only",
      "--config",
      path,
      "--port",
      server.url!,
      "--watch",
      "0",
    ]);
    assert.equal(run.code, 0, run.output);
    const hash = settingsHash(settingsText(config));
    assert.match(run.output, new RegExp(`Storage ${SETTINGS_FILE} .*\\(settings ${hash}\\)`));
    assert.match(run.output, /The code was not sent/);
    assert.doesNotMatch(run.output, /Uploading|\.bootcde|build:/);
    // The board restarts with the new settings and reaches the other relay as the new id.
    // (A command sent before it is connected would be lost.)
    await fw.board.console.waitFor(/new-id blinking; relay [^]*\[sos\] connected/, {
      from,
      timeoutMs: 30_000,
    });
    const reply = await command(watcher, { to: "new-id", cmd: "status" });
    assert.equal((reply.status as Record<string, unknown>).settings, hash);
    assert.equal(await bootCodeCrc(fw.board), codeBefore, ".bootcde is unchanged");
    await assertBlinking(fw.board);
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  }).finally(() => Deno.remove(dir, { recursive: true }));
});

Deno.test("no settings file: the board blinks the default SOS and says the server is not set and how to set it", async () => {
  const { board, bootedAtMs } = await bootWith(undefined);
  try {
    const text = board.console.text;
    assert.match(text, new RegExp(`\\[sos\\] no ${SETTINGS_FILE.replace(".", "\\.")}: defaults`));
    assert.match(text, /blinking; relay not set; settings none/);
    assert.match(
      text,
      /server not set: write settings\.json with deno task flash -- --settings-only/,
    );
    await assertPlays(board, bootedAtMs, deviceDefaults().pattern, 2);
    assert.doesNotMatch(board.console.text, BROKEN);
  } finally {
    await board.stop();
  }
});

Deno.test("a bad field is named on the console without its value; the board uses its default and blinks", async () => {
  const secret = "bad token with spaces";
  const { board, bootedAtMs } = await bootWith(JSON.stringify({
    server: "ws://127.0.0.1:1/",
    clientId: "ok-id",
    token: secret,
    pattern: { ...FAST, dotOnMs: -5 },
    heartbeat: "often",
    statusEvery: 2.5,
    wifi: "lab",
  }));
  try {
    const text = board.console.text;
    for (const field of ["token", "pattern.dotOnMs", "heartbeat", "statusEvery", "wifi"]) {
      assert.match(text, new RegExp(`\\[sos\\] settings: (bad )?${field.replace(".", "\\.")}[ :]`));
    }
    assert.match(text, /ok-id blinking; relay ws:\/\/127\.0\.0\.1:1\/; settings [0-9a-f]{8}/);
    // The other timings are the file's; the bad one takes its default.
    await assertPlays(board, bootedAtMs, { ...FAST, dotOnMs: deviceDefaults().pattern.dotOnMs }, 2);
    assert.ok(!board.console.text.includes(secret), "the bad token is not shown");
    assert.doesNotMatch(board.console.text, BROKEN);
  } finally {
    await board.stop();
  }
});
