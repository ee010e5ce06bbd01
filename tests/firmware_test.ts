/**
 * The SOS firmware, built exactly as `deno task build` builds it, on the WebAssembly engine (the
 * real Espruino 2v29 interpreter of an ESP32-C3, engine/) against the real relay (`server.ts` in
 * a child process): uploaded with `deno task flash` over TCP and over a pseudo-terminal, booted
 * again from Storage. The board runs on the virtual clock, so every LED edge is judged exactly on
 * the board's own clock, from the first one, and waits of board time cost little real time.
 */

import assert from "node:assert/strict";
import { bundleDevice } from "../tools/bundle.ts";
import { sosTimingError, type Transition } from "../tools/sos_timing.ts";
import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
import { saveBootCode } from "../engine/upload.ts";
import { isRetainedStatus, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { type RelayProcess, startRelayProcess } from "../testing/relay_process.ts";
import {
  BLINKING,
  command,
  FAST,
  type FirmwareBoard,
  flashConfig,
  memoryUsage,
  spanErrors,
  startFirmwareBoard,
  transitions,
  typeLine,
  type Upload,
  writeConfig,
} from "../testing/firmware_board.ts";

const ID = "board-1";
const WIFI = { ssid: "lab", password: "password1" };

/** On the virtual clock an edge is where it was scheduled, but for µs rounding. */
const EXACT_MS = 0.01;

/** One cycle of {@linkcode FAST}, ms. */
const CYCLE_MS = 1080;

/** What must never appear on the console. */
const BROKEN = /Timeout on Utility Timer|Out of Memory|MEMORY|Uncaught/i;

/** A relay log line of a connection of the board. */
const CONNECT = new RegExp(`INFO\\s+connect id=${ID} `);

/** Settings every test shares, for a relay at `server`; the rest are added per test. */
function fieldsFor(server: string, fields: Record<string, unknown> = {}) {
  return {
    server,
    clientId: ID,
    pattern: FAST,
    heartbeat: { pingIntervalMs: 2000, pongTimeoutMs: 2000 },
    reconnect: { minDelayMs: 200, maxDelayMs: 1000 },
    rehandshakeEvery: 0,
    ...fields,
  };
}

/**
 * Runs `check` against the firmware built from the test settings plus `fields`, uploaded as
 * `upload` says and booted from Storage, with a relay and a watcher connected before it.
 */
async function withFirmware(
  options: {
    fields?: Record<string, unknown>;
    upload?: Upload;
    relayArgs?: string[];
    boot0?: string;
  },
  check: (fw: FirmwareBoard, relay: RelayProcess, watcher: TestClient) => Promise<void>,
): Promise<void> {
  await using relay = await startRelayProcess(options.relayArgs);
  await using watcher = await TestClient.open(`${relay.url}watcher`, { ignore: isRetainedStatus });
  await using fw = await startFirmwareBoard({
    fields: fieldsFor(relay.url, options.fields),
    upload: options.upload,
    networks: [WIFI],
    boot0: options.boot0,
  });
  try {
    await check(fw, relay, watcher);
  } catch (error) {
    // What the board printed says most about why.
    console.error(fw.board.console.text.slice(-3000));
    throw error;
  }
}

/** The next `count` messages that are not JSON (SOS! and said texts). */
async function plainMessages(client: TestClient, count: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < count) {
    const text = String(await client.next(10_000));
    if (!text.startsWith("{")) out.push(text);
  }
  return out;
}

/** The next JSON message. */
async function nextJson(client: TestClient): Promise<Record<string, unknown>> {
  for (;;) {
    const text = String(await client.next(10_000));
    if (text.startsWith("{")) return JSON.parse(text);
  }
}

/** Asserts every LED edge of `edges` is exactly on the pattern, over at least `minSpans` spans. */
function assertExact(edges: Transition[], minSpans: number, what = ""): void {
  const timing = sosTimingError(edges, FAST);
  assert.ok(timing.spans >= minSpans, `only ${timing.spans} LED spans${what}`);
  assert.deepEqual(spanErrors(edges, FAST, EXACT_MS), [], `LED spans off the pattern${what}`);
}

/** Asserts the LED is still blinking: it changes within the next 400 ms of board time. */
async function assertBlinking(fw: FirmwareBoard): Promise<void> {
  const before = fw.led().length;
  await fw.board.runFor(400);
  assert.ok(fw.led().length > before, "the LED stopped");
}

Deno.test("flashed over tcp://, booted from Storage: every LED edge exact from the first, SOS! after each cycle, a re-handshake every 2 cycles", async () => {
  await withFirmware(
    { upload: "tcp", fields: { rehandshakeEvery: 2 } },
    async (fw, relay, watcher) => {
      assert.match(fw.flashOutput, /Saved \d+ bytes to Storage \.bootcde/);
      assert.deepEqual(await plainMessages(watcher, 5), new Array(5).fill("SOS!"));
      // Re-handshakes every 2 cycles: three connections of the booted firmware within 5 cycles.
      await fw.runUntil(5 * CYCLE_MS + 300);
      await fw.board.console.waitFor(/(\[sos\] connected[^]*){3}/, { from: fw.bootConsoleAt });
      assert.ok(relay.stderr.filter((line) => CONNECT.test(line)).length >= 3);
      const edges = fw.led();
      // The LED plays from the first moment of the boot, before any connection.
      const { firstOnMs } = sosTimingError(edges, FAST);
      assert.ok(firstOnMs - fw.bootedAtMs < 100, `first light ${firstOnMs - fw.bootedAtMs} ms`);
      assertExact(edges, 5 * 18);
      // The edges are queued on the utility timer (not a fallback on setTimeout).
      const queued = await typeLine(
        fw.board,
        'print("@queued " + require("timer").list().length)',
      );
      assert.ok(Number(/@queued (\d+)/.exec(queued)![1]) >= 2, queued);
      await assertBlinking(fw);
      assert.match(
        fw.board.console.text,
        /\[sos\] board-1 blinking; relay ws:\/\/127\.0\.0\.1:\d+\//,
      );
      assert.doesNotMatch(fw.board.console.text, BROKEN);
    },
  );
});

Deno.test('flashed over a pseudo-terminal on a board whose require("Wifi") throws: boots from Storage, blinks, connects, reports Wi-Fi none', async () => {
  await withFirmware(
    {
      upload: "pty",
      fields: { wifi: WIFI },
      // Wi-Fi configured, and no Wifi module to join with: the firmware must cope.
      boot0: "var builtInRequire = require; var require = function (m) { if (m === 'Wifi') " +
        "throw new Error('Module Wifi not found'); return builtInRequire(m); };",
    },
    async (fw, _relay, watcher) => {
      assert.deepEqual(await plainMessages(watcher, 2), ["SOS!", "SOS!"]);
      const status = await command(watcher, { to: ID, cmd: "status" });
      assert.deepEqual((status.status as Record<string, unknown>).wifi, { state: "none", ip: "" });
      await fw.runUntil(3 * CYCLE_MS + 300);
      assertExact(fw.led(), 3 * 18);
      await assertBlinking(fw);
      assert.doesNotMatch(fw.board.console.text, BROKEN);
    },
  );
});

Deno.test("every command and malformed ones are answered; memory after GC is flat", async () => {
  await withFirmware({ fields: { wifi: WIFI } }, async (fw, relay, watcher) => {
    const board = fw.board;
    const to = ID;
    assert.equal((await plainMessages(watcher, 1))[0], "SOS!");
    const status = await command(watcher, { to, cmd: "status" });
    assert.equal(status.ok, true);
    const facts = status.status as Record<string, unknown>;
    assert.equal(facts.connection, "open");
    assert.equal(facts.blinking, true);
    assert.deepEqual(facts.wifi, { state: "up", ip: "127.0.0.1" });
    assert.ok((facts.counters as Record<string, number>).connects >= 1);
    const memory = facts.memory as { usage: number; free: number; total: number };
    assert.equal(memory.total, 4095);
    assert.equal(memory.usage + memory.free, memory.total);

    // Malformed and unknown commands get an error reply naming what to fix.
    const fails: [Record<string, unknown>, RegExp][] = [
      [{ to, cmd: "dance" }, /unknown command "dance"/],
      [{ to, cmd: 5 }, /"cmd" must be a string/],
      [{ to }, /"cmd" must be a string/],
      [{ to, cmd: "blink", on: "yes" }, /"on" must be true or false/],
      [{ to, cmd: "pattern", dotOnMs: -3 }, /"dotOnMs" must be a whole number/],
      [{ to, cmd: "pattern", offMs: -1 }, /"offMs" must be a whole number/],
      [{ to, cmd: "pattern" }, /give at least one of/],
      [{ to, cmd: "say" }, /"text" must be a string/],
    ];
    for (const [message, error] of fails) {
      watcher.socket.send(JSON.stringify(message));
      const reply = await nextJson(watcher);
      assert.equal(reply.from, to, JSON.stringify(reply));
      assert.equal(reply.ok, false, JSON.stringify(reply));
      assert.match(String(reply.error), error);
    }
    // Not JSON, binary, or not for this board: printed, ignored, no reply, no crash.
    watcher.socket.send("{not json");
    watcher.socket.send(new Uint8Array([1, 2, 3]));
    watcher.socket.send(JSON.stringify({ to: "someone-else", cmd: "status" }));
    assert.equal((await command(watcher, { to, cmd: "status" })).ok, true);
    assert.match(board.console.text, /\[sos\] < \{not json/, "messages are printed");
    assert.match(board.console.text, /\[sos\] < binary 3 bytes/);

    // say, to this board and to everyone.
    assert.deepEqual(await command(watcher, { to, cmd: "say", text: "hello" }), {
      from: to,
      re: "say",
      ok: true,
    });
    assert.match(board.console.text, /< \{"to":"board-1","cmd":"say"/);
    watcher.socket.send(JSON.stringify({ to: "*", cmd: "say", text: "hello from the board" }));
    const said: string[] = [];
    while (!said.includes("hello from the board") || !said.some((m) => m.includes('"re":"say"'))) {
      said.push(String(await watcher.next(10_000)));
    }

    // A 4 KiB message (the configured maximum) is taken at any moment.
    const big = { to, cmd: "say", text: "x".repeat(4096 - 40) };
    assert.ok(JSON.stringify(big).length <= 4096);
    assert.equal((await command(watcher, big)).ok, true);

    // blink off: the symbol being played ends, then the LED rests off; blink on: it plays again.
    const off = await command(watcher, { to, cmd: "blink", on: false });
    assert.equal(off.on, false);
    await board.runFor(600);
    const stopped = fw.led().length;
    await board.runFor(1500);
    const afterStop = fw.led();
    assert.equal(afterStop.length, stopped, "the LED still changes after blink off");
    assert.equal(afterStop[afterStop.length - 1].value, 0, "the LED rests on");
    assert.match(await typeLine(board, 'print("@led " + digitalRead(LED1))'), /@led 0/);
    assert.equal((await command(watcher, { to, cmd: "blink", on: true })).ok, true);
    await board.runFor(1500);
    const resumed = fw.led().slice(stopped);
    assert.ok(resumed.length >= 10, "the LED did not resume");
    // From where it resumed, every edge exact.
    assertExact(resumed, 10, " after blink on");

    // pattern: one field, then all of them; new timings from the next cycle on, exactly.
    const dotted = await command(watcher, { to, cmd: "pattern", dotOnMs: 80 });
    assert.deepEqual(dotted.pattern, { ...FAST, dotOnMs: 80 });
    const slower = { dotOnMs: 80, dashOnMs: 160, offMs: 40, pauseMs: 200 };
    const changedAt = board.clock.nowUs() / 1000;
    const changed = await command(watcher, { to, cmd: "pattern", ...slower });
    assert.deepEqual(changed.pattern, slower);
    await board.runFor(6000);
    const edges = fw.led();
    // The first pause of the new pattern (it follows the last cycle of the old one), then a
    // whole cycle of the new pattern.
    const pauseEnd = edges.findIndex((e, i) =>
      i > 0 && e.value === 1 && edges[i - 1].time > changedAt &&
      Math.abs(e.time - edges[i - 1].time - slower.pauseMs) < EXACT_MS
    );
    assert.ok(pauseEnd > 0, "no pause of the new pattern");
    const timing = sosTimingError(edges.slice(pauseEnd, pauseEnd + 19), slower);
    assert.equal(timing.spans, 18, "a whole cycle of the new pattern");
    assert.ok(timing.worstMs < EXACT_MS, `new pattern off by ${timing.worstMs} ms`);

    // Memory after GC does not grow from one status to another.
    const first = await memoryUsage(watcher, to);
    await board.runFor(3000);
    const second = await memoryUsage(watcher, to);
    assert.ok(Math.abs(second - first) < 60, `memory ${first} then ${second} JsVars`);

    assert.doesNotMatch(board.console.text, /error in (handler|message|cycle)/);
    // A crash in any handler is caught, printed and told to the relay, saying what failed; the
    // loops go on.
    const crashes: [string, string][] = [
      ['new Error("boom")', "handler: boom"],
      ["undefined", "handler: undefined was thrown"],
      ['"plain"', "handler: plain"],
    ];
    for (const [value, error] of crashes) {
      board.console.write(`\x10setTimeout(function () { throw ${value}; }, 10);\n`);
      let crash: Record<string, unknown> = {};
      while (crash.error === undefined) crash = await nextJson(watcher);
      assert.deepEqual(crash, { from: to, error });
      await board.console.waitFor(`[sos] error in ${error}`);
    }
    assert.equal((await plainMessages(watcher, 1))[0], "SOS!", "the SOS goes on after a crash");

    // rehandshake and reboot: the board comes back on its own.
    const connects = () => relay.stderr.filter((l) => CONNECT.test(l)).length;
    const before = connects();
    assert.equal((await command(watcher, { to, cmd: "rehandshake" })).ok, true);
    await waitFor("the re-handshake", () => connects() > before, 10_000);
    const boots = board.console.text.split("board-1 blinking").length;
    const rebootFrom = board.console.text.length;
    assert.equal((await command(watcher, { to, cmd: "reboot" })).ok, true);
    await board.console.waitFor("board-1 blinking", { from: rebootFrom });
    assert.equal(board.console.text.split("board-1 blinking").length, boots + 1);
    await waitFor("the connection after the reboot", () => connects() > before + 1, 10_000);
    assert.equal((await plainMessages(watcher, 1))[0], "SOS!", "the rebooted board talks again");
    assert.doesNotMatch(board.console.text, BROKEN);
  });
});

Deno.test("Wi-Fi lost and back: the LED never falters, the board rejoins and its messages follow", async () => {
  await withFirmware(
    {
      fields: { wifi: { ...WIFI, attempts: 2, delayMs: 100 } },
      relayArgs: ["--ping-interval", "1", "--ping-timeout", "1"],
    },
    async (fw, _relay, watcher) => {
      assert.equal((await plainMessages(watcher, 1))[0], "SOS!");
      const from = fw.board.console.text.length;
      fw.board.radio.lose(2500);
      await fw.board.console.waitFor("Wi-Fi down", { from });
      await fw.board.console.waitFor("Wi-Fi up", { from, timeoutMs: 30_000 });
      // What the board sent while the link was down comes out of its outbox after the reconnect.
      assert.deepEqual(await plainMessages(watcher, 2), ["SOS!", "SOS!"]);
      await fw.runUntil(6 * CYCLE_MS + 300);
      assertExact(fw.led(), 6 * 18, " through the Wi-Fi loss");
      assert.doesNotMatch(fw.board.console.text, BROKEN);
    },
  );
});

Deno.test("a relay restart, blocked connects, a 2000-message flood and an oversized message never disturb the LED", async () => {
  const relay = await startRelayProcess();
  const port = relay.port;
  let restarted: RelayProcess | undefined;
  try {
    await using fw = await startFirmwareBoard({ fields: fieldsFor(relay.url) });
    const board = fw.board;
    await waitFor("the connection", () => relay.stderr.some((l) => CONNECT.test(l)), 10_000);
    await relay.stop("SIGKILL");
    await board.runFor(2000); // reconnects are refused while the LED goes on
    // Then every connect hangs for 400 ms, blocking the JavaScript, as an unanswered SYN does.
    board.network.blockConnects(400);
    const blockedFrom = board.console.text.length;
    await board.runFor(3000);
    board.network.unblockConnects();
    assert.match(
      board.console.text.slice(blockedFrom),
      /error in connection/,
      "no blocked connect",
    );
    restarted = await startRelayProcess(["--port", String(port)]);
    await using flooder = await TestClient.open(`${restarted.url}flooder`, {
      ignore: isRetainedStatus,
    });
    await waitFor("the reconnection", () => restarted!.stderr.some((l) => CONNECT.test(l)), 30_000);
    for (let i = 0; i < 2000; i++) flooder.socket.send(`flood ${i} ${"x".repeat(100)}`);
    await board.console.waitFor("< flood 1999 ", { timeoutMs: 60_000 });
    // An oversized message: the board closes with 1009 and reconnects.
    flooder.socket.send("y".repeat(5000));
    await board.console.waitFor(/closed 1009/, { timeoutMs: 20_000 });
    await waitFor(
      "the reconnection after 1009",
      () => restarted!.stderr.filter((l) => CONNECT.test(l)).length >= 2,
      30_000,
    );
    assert.equal((await plainMessages(flooder, 1))[0], "SOS!");
    await fw.runUntil(12 * CYCLE_MS + 300);
    assertExact(fw.led(), 12 * 18, " through relay loss, blocked connects, flood and 1009");
    await assertBlinking(fw);
    assert.doesNotMatch(board.console.text, /error in (handler|message|cycle)/);
    assert.doesNotMatch(board.console.text, BROKEN);
  } finally {
    await relay.stop("SIGKILL").catch(() => {});
    await restarted?.stop("SIGKILL");
  }
});

Deno.test("flash --no-save is refused on a C3 before upload, naming the bundle size and free memory; an ESP32 takes it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "fw-nosave-" });
  try {
    const { path } = await writeConfig(dir, { server: "ws://127.0.0.1:9/", clientId: ID });
    await using board = await EspruinoBoard.start({ clock: "virtual" });
    await using server = await serveConsole(board);
    const out = `${dir}/firmware.js`;
    const run = await flashConfig(path, out, server.url!, ["--no-save"]);
    const bytes = (await Deno.stat(out)).size;
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, new RegExp(`The bundle is ${bytes} bytes`));
    assert.match(run.output, /of the board's 4095 variables \(13 bytes each; \d+ free now\)/);
    // Nothing was sent: the board never ran the firmware.
    await board.runFor(1000);
    assert.doesNotMatch(board.console.text, /blinking/);
    assert.match(
      await typeLine(board, 'print(require("Storage").read(".bootcde"))'),
      /^undefined\s*$/,
    );

    // The ESP32's 16383 variables take the same bundle in RAM: it runs.
    await using esp32 = await EspruinoBoard.start({ board: "esp32", clock: "virtual" });
    await using esp32Server = await serveConsole(esp32);
    const ran = await flashConfig(path, out, esp32Server.url!, ["--no-save", "--watch", "0"]);
    assert.equal(ran.code, 0, ran.output);
    assert.match(ran.output, /RAM only/);
    await esp32.console.waitFor(BLINKING);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("JavaScript blocked longer than the queued edges: the SOS shifts, never garbled", async () => {
  // The blinker alone, blocked for 2.5 s of board time in its second cycle's callback (about
  // 0.8 s of FAST edges are queued), as a slow connect would block it.
  const script = await bundleDevice({
    entry: new URL("../device/firmware/blocked_demo.ts", import.meta.url),
    define: { FAST_PATTERN: JSON.stringify(FAST) },
  });
  await using board = await EspruinoBoard.start({ clock: "virtual" });
  await saveBootCode(board, script);
  const bootedAt = board.clock.nowUs() / 1000;
  const from = board.console.text.length;
  board.powerCycle();
  await board.console.waitFor(/cycle 6/, { from, timeoutMs: 120_000 });
  assert.match(board.console.text.slice(from), /unblocked/);
  const edges = transitions(board, bootedAt);
  // Every span is of the right kind (on, off, on, …: it throws otherwise)…
  const { spans } = sosTimingError(edges, FAST);
  assert.ok(spans >= 6 * 18 - 1, `${spans} spans`);
  // …and exactly of the right length but for one pause, where the JavaScript was blocked.
  const late = spanErrors(edges, FAST, EXACT_MS);
  assert.equal(late.length, 1, JSON.stringify(late));
  assert.ok(!late[0].lit && late[0].errorMs > 1000, JSON.stringify(late));
  assert.doesNotMatch(board.console.text, /Timeout on Utility Timer|error /);
});
