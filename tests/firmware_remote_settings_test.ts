/**
 * The `settings` command on the WebAssembly engine (the real Espruino 2v29 interpreter of an
 * ESP32-C3, engine/), on the virtual clock, against the real relay: a change is checked whole,
 * saved to Storage and applied at once, by a restart, or as a trial that is kept only if the
 * board reaches the relay with it within `confirmMs`, and is undone otherwise, also across a power
 * cycle. Replies, events, status and the console name fields, never a secret's value.
 */

import assert from "node:assert/strict";
import { parseDeviceConfig, settingsHash, settingsText } from "../tools/device_config.ts";
import type { EspruinoBoard } from "../engine/board.ts";
import { isRetainedStatus, type Received, TestClient } from "../testing/test_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { cycleMs, TRIAL_FILE } from "../device/firmware/config.ts";
import {
  BLINKING,
  command,
  consoleMemoryUsage,
  FAST,
  showingConsole,
  spanErrors,
  startFirmwareBoard,
  typeLine,
} from "../testing/firmware_board.ts";
import { delay } from "../testing/wait.ts";

const WIFI = { ssid: "lab", password: "wifi-secret-password" };
const WIFI2 = { ssid: "lab-2", password: "second-wifi-secret" };
const TOKEN = "relay-token-never-shown-0123456789";

/** What must never appear on the console. */
const BROKEN =
  /Timeout on Utility Timer|Out of Memory|MEMORY|Uncaught|error in (handler|message|cycle)/i;

/** A loopback port nobody listens on (taken from the system, then let go). */
function unusedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** The hash the board reports for settings with these fields, as the host computes it. */
function hashOf(fields: Record<string, unknown>): string {
  return settingsHash(settingsText(parseDeviceConfig(JSON.stringify(fields))));
}

/** An operator connection that keeps every message it receives (for the secrets check). */
async function openWatcher(
  url: string,
  seen: string[],
): Promise<TestClient> {
  return await TestClient.open(url, {
    ignore: (message: Received) => {
      seen.push(String(message));
      return isRetainedStatus(message);
    },
  });
}

/** The next `event: "settings"` message from `id`. */
async function settingsEvent(
  watcher: TestClient,
  id: string,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no settings event from ${id}`);
    const text = String(await watcher.next(left));
    if (!text.startsWith("{")) continue;
    const message = JSON.parse(text);
    if (message.from === id && message.event === "settings") return message;
  }
}

/** Records the board time (ms) at which each console line matching `pattern` was printed. */
function stampLines(board: EspruinoBoard, pattern: RegExp): { at: number; line: string }[] {
  const stamps: { at: number; line: string }[] = [];
  let partial = "";
  board.console.listen((bytes) => {
    partial += new TextDecoder("latin1").decode(bytes);
    const lines = partial.split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      // (After the prompt's redraw: the line from "[sos]" on.)
      const at = line.indexOf("[sos]");
      if (pattern.test(line)) {
        stamps.push({ at: board.clock.nowUs() / 1000, line: line.slice(at).trimEnd() });
      }
    }
  });
  return stamps;
}

/** Waits until `stamps` holds `count` lines. */
async function stamped(stamps: unknown[], count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (stamps.length < count) {
    if (Date.now() > deadline) throw new Error(`${stamps.length} of ${count} console lines`);
    await delay(20);
  }
}

/** The settings file's hash and whether a trial is saved, read from the board's Storage. */
async function stored(board: EspruinoBoard): Promise<{ hash: string; trial: boolean }> {
  const text = await typeLine(
    board,
    'var s=require("Storage");print("@stored "+("0000000"+(E.CRC32(s.read("settings.json"))>>>0)' +
      `.toString(16)).substr(-8)+" "+(s.read(${JSON.stringify(TRIAL_FILE)})!==undefined))`,
  );
  const match = /@stored ([0-9a-f]{8}) (true|false)/.exec(text)!;
  return { hash: match[1], trial: match[2] === "true" };
}

/** The settings hash the board's `status` reports. */
async function statusHash(watcher: TestClient, id: string): Promise<string> {
  const reply = await command(watcher, { to: id, cmd: "status" });
  return (reply.status as Record<string, unknown>).settings as string;
}

/** Waits until the board, after console position `from`, has booted and connected again. */
async function reconnected(board: EspruinoBoard, from: number): Promise<void> {
  await board.console.waitFor(new RegExp(`${BLINKING.source}[^]*\\[sos\\] connected`), {
    from,
    timeoutMs: 60_000,
  });
}

Deno.test("a settings change is applied at once or by a restart, saved, and replied to by field name", async () => {
  await using relay = await startRelayProcess();
  await using watcher = await openWatcher(`${relay.url}watcher`, []);
  const fields = { server: relay.url, clientId: "rs-1", pattern: FAST, rehandshakeEvery: 0 };
  await using fw = await startFirmwareBoard({ fields });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const live = { statusEvery: 5, pattern: { ...FAST, offMs: 40 } };
    const from = fw.board.console.text.length;
    assert.deepEqual(await command(watcher, { to: "rs-1", cmd: "settings", set: live }), {
      from: "rs-1",
      re: "settings",
      ok: true,
      changed: ["pattern.offMs", "statusEvery"],
      apply: "live",
    });
    // Saved as the host would write it, and reported, without a restart.
    const liveHash = hashOf({ ...fields, ...live });
    assert.equal(await statusHash(watcher, "rs-1"), liveHash);
    assert.deepEqual(await stored(fw.board), { hash: liveHash, trial: false });
    assert.doesNotMatch(fw.board.console.text.slice(from), BLINKING);
    // The LED plays the new pattern exactly from the next cycle on: from the second pause after
    // the reply (the only off span over 100 ms), every span is the new one's.
    const changedAt = fw.board.clock.nowUs() / 1000;
    await fw.board.runFor(5 * cycleMs(live.pattern));
    const edges = fw.led().filter((edge) => edge.time > changedAt);
    const starts = edges.flatMap((edge, i) =>
      i > 0 && edge.value === 1 && edge.time - edges[i - 1].time > 100 ? [i] : []
    );
    assert.ok(starts.length >= 3, `${starts.length} cycles`);
    const played = edges.slice(starts[1]);
    assert.ok(played.length >= 3 * 18, "three cycles played");
    assert.deepEqual(spanErrors(played, live.pattern, 0.01), []);
    // The same again changes nothing.
    const same = await command(watcher, { to: "rs-1", cmd: "settings", set: live });
    assert.deepEqual([same.changed, same.apply], [[], "none"]);

    // The heartbeat is the client's: a restart applies it.
    const restart = { heartbeat: { pingIntervalMs: 20000 } };
    const before = fw.board.console.text.length;
    const reply = await command(watcher, { to: "rs-1", cmd: "settings", set: restart });
    assert.deepEqual([reply.ok, reply.changed, reply.apply], [
      true,
      ["heartbeat.pingIntervalMs"],
      "restart",
    ]);
    await reconnected(fw.board, before);
    const restartHash = hashOf({ ...fields, ...live, heartbeat: { pingIntervalMs: 20000 } });
    assert.equal(await statusHash(watcher, "rs-1"), restartHash);
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});

Deno.test("a bad value is refused by field name and nothing is changed", async () => {
  await using relay = await startRelayProcess();
  await using watcher = await openWatcher(`${relay.url}watcher`, []);
  const fields = { server: relay.url, clientId: "rs-2", pattern: FAST, rehandshakeEvery: 0 };
  await using fw = await startFirmwareBoard({ fields });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const hash = hashOf(fields);
    const from = fw.board.console.text.length;
    const refused = async (set: unknown, names: string[]) => {
      const reply = await command(watcher, { to: "rs-2", cmd: "settings", set });
      assert.equal(reply.ok, false, JSON.stringify(set));
      assert.equal(reply.error, `bad ${names.join(", ")}: nothing changed`, JSON.stringify(set));
    };
    // Good fields beside bad ones are not applied either.
    await refused({
      pattern: { dotOnMs: 0, offMs: 40 },
      server: "wsss://127.0.0.1/",
      led: { pin: 5 },
      statusEvery: 3,
      colour: "red",
    }, ["colour", "server", "led.pin", "pattern.dotOnMs"]);
    for (
      const server of [
        "wsss://127.0.0.1/",
        "http://127.0.0.1:8000/",
        "ws://127.0.0.1:8000",
        "ws://127.0.0.1:8000/x",
        "ws://127.0.0.1:0/",
        "ws://127.0.0.1:70000/",
        "ws://127.0.0.1:80a/",
        "ws:///",
        "ws://:8000/",
        "ws://user@127.0.0.1/",
        "ws://127.0.0.1/?a=/",
        "ws://127.0.0.1/#x/",
        "ws://127.0.0.1 /",
        "",
      ]
    ) await refused({ server }, ["server"]);
    await refused({ server: null }, ["server"]);
    await refused({ wifi: "lab" }, ["wifi"]);
    await refused({ wifi: { ssid: "lab", password: 12345678 } }, ["wifi.password"]);
    await refused({ clientId: "has space" }, ["clientId"]);
    await refused({ reconnect: { minDelayMs: 5000, maxDelayMs: 1000 } }, [
      "reconnect.maxDelayMs (below minDelayMs)",
    ]);
    await refused({ confirmMs: 500 }, ["confirmMs"]);
    await refused(5, ["(top level)"]);
    await refused(undefined, ["(top level)"]);
    assert.equal(await statusHash(watcher, "rs-2"), hash);
    assert.deepEqual(await stored(fw.board), { hash, trial: false });
    assert.doesNotMatch(fw.board.console.text.slice(from), BLINKING, "no restart");
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});

Deno.test("a trial of an unreachable relay is undone after confirmMs; back on its relay, the board says why", async () => {
  await using relay = await startRelayProcess();
  await using watcher = await openWatcher(`${relay.url}watcher`, []);
  const fields = { server: relay.url, clientId: "rs-3", pattern: FAST, rehandshakeEvery: 0 };
  await using fw = await startFirmwareBoard({ fields });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const trials = stampLines(fw.board, /settings trial of/);
    const from = fw.board.console.text.length;
    const set = { server: `ws://127.0.0.1:${unusedPort()}/` };
    assert.deepEqual(await command(watcher, { to: "rs-3", cmd: "settings", set }), {
      from: "rs-3",
      re: "settings",
      ok: true,
      changed: ["server"],
      apply: "trial",
    });
    assert.deepEqual(await settingsEvent(watcher, "rs-3"), {
      from: "rs-3",
      event: "settings",
      trial: "undone",
      changed: ["server"],
      reason: "no connection within 60000 ms",
    });
    await stamped(trials, 2);
    assert.equal(trials[0].line, "[sos] settings trial of server: running");
    assert.equal(
      trials[1].line,
      "[sos] settings trial of server: undone, no connection within 60000 ms",
    );
    // Undone at confirmMs of board time from the trial's boot; then a restart (0.5 s) and a boot.
    const tookMs = trials[1].at - trials[0].at;
    console.log(`trial undone ${tookMs.toFixed(1)} ms of board time after its boot`);
    assert.ok(tookMs >= 60000 && tookMs < 61000, `undone after ${tookMs} ms`);
    assert.match(fw.board.console.text.slice(from), /error in connection: connect to .* failed/);
    assert.equal(await statusHash(watcher, "rs-3"), hashOf(fields));
    assert.deepEqual(await stored(fw.board), { hash: hashOf(fields), trial: false });
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});

Deno.test("a trial that reaches the relay is kept, and stays across a power cycle", async () => {
  await using first = await startRelayProcess();
  await using second = await startRelayProcess();
  await using watcher = await openWatcher(`${first.url}watcher`, []);
  await using watcher2 = await openWatcher(`${second.url}watcher`, []);
  const fields = {
    wifi: WIFI,
    server: first.url,
    clientId: "rs-4",
    pattern: FAST,
    rehandshakeEvery: 0,
  };
  await using fw = await startFirmwareBoard({ fields, networks: [WIFI, WIFI2] });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const set = { wifi: WIFI2, server: second.url, confirmMs: 30000 };
    const reply = await command(watcher, { to: "rs-4", cmd: "settings", set });
    assert.deepEqual([reply.ok, reply.changed, reply.apply], [
      true,
      ["wifi.ssid", "wifi.password", "server", "confirmMs"],
      "trial",
    ]);
    assert.deepEqual(await settingsEvent(watcher2, "rs-4"), {
      from: "rs-4",
      event: "settings",
      trial: "kept",
      changed: ["wifi.ssid", "wifi.password", "server", "confirmMs"],
    });
    const hash = hashOf({ ...fields, ...set });
    assert.equal(await statusHash(watcher2, "rs-4"), hash);
    assert.deepEqual(await stored(fw.board), { hash, trial: false });
    // Past the trial's confirmMs nothing is undone.
    await fw.board.runFor(40_000);
    assert.equal(await statusHash(watcher2, "rs-4"), hash);

    const from = fw.board.console.text.length;
    fw.board.powerCycle();
    await reconnected(fw.board, from);
    assert.match(fw.board.console.text.slice(from), /Wi-Fi up/);
    assert.doesNotMatch(fw.board.console.text.slice(from), /settings trial/);
    assert.equal(await statusHash(watcher2, "rs-4"), hash);
    assert.deepEqual(await stored(fw.board), { hash, trial: false });
    const usage = await consoleMemoryUsage(fw.board);
    console.log(
      `JsVars after GC, connected with Wi-Fi, after a kept trial and a power cycle: ${usage}`,
    );
    assert.ok(usage <= 1500, `${usage} JsVars`);
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});

Deno.test("a power cycle during an unconfirmed trial ends on the previous settings", async () => {
  await using relay = await startRelayProcess();
  await using watcher = await openWatcher(`${relay.url}watcher`, []);
  const fields = { server: relay.url, clientId: "rs-5", pattern: FAST, rehandshakeEvery: 0 };
  await using fw = await startFirmwareBoard({ fields });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const set = { server: `ws://127.0.0.1:${unusedPort()}/`, statusEvery: 4 };
    const from = fw.board.console.text.length;
    const reply = await command(watcher, { to: "rs-5", cmd: "settings", set });
    assert.deepEqual([reply.changed, reply.apply], [["server", "statusEvery"], "trial"]);
    await fw.board.console.waitFor("settings trial of server,statusEvery: running", { from });
    const cut = fw.board.console.text.length;
    fw.board.powerCycle();
    await reconnected(fw.board, cut);
    assert.match(
      fw.board.console.text.slice(cut),
      /settings trial of server,statusEvery: undone, restarted before connecting/,
    );
    assert.deepEqual(await settingsEvent(watcher, "rs-5"), {
      from: "rs-5",
      event: "settings",
      trial: "undone",
      changed: ["server", "statusEvery"],
      reason: "restarted before connecting",
    });
    assert.equal(await statusHash(watcher, "rs-5"), hashOf(fields));
    assert.deepEqual(await stored(fw.board), { hash: hashOf(fields), trial: false });
    // And the next boot is an ordinary one.
    const again = fw.board.console.text.length;
    fw.board.powerCycle();
    await reconnected(fw.board, again);
    assert.doesNotMatch(fw.board.console.text.slice(again), /settings trial/);
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});

Deno.test("secrets never appear in replies, events, status, the console or the relay's log; a wrong Wi-Fi password and token are undone", async () => {
  const wrongWifi = "wrong-wifi-password-secret";
  const wrongToken = "wrong-token-never-shown-9876543210";
  await using relay = await startRelayProcess(["--token", TOKEN]);
  const seen: string[] = [];
  await using watcher = await openWatcher(`${relay.url}watcher?token=${TOKEN}`, seen);
  const fields = {
    wifi: WIFI,
    server: relay.url,
    clientId: "rs-6",
    token: TOKEN,
    pattern: FAST,
    rehandshakeEvery: 0,
    confirmMs: 20000,
  };
  await using fw = await startFirmwareBoard({ fields, networks: [WIFI] });
  await showingConsole(fw.board, async () => {
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    const replies: Record<string, unknown>[] = [];
    const send = async (set: unknown) => {
      const reply = await command(watcher, { to: "rs-6", cmd: "settings", set });
      replies.push(reply);
      return reply;
    };
    // Refused: the field is named, not its value.
    assert.equal((await send({ token: `${wrongToken} x` })).error, "bad token: nothing changed");
    // The same secrets again: nothing changes.
    assert.equal((await send({ token: TOKEN, wifi: { password: WIFI.password } })).apply, "none");
    const reply = await send({ wifi: { password: wrongWifi }, token: wrongToken });
    assert.deepEqual([reply.changed, reply.apply], [["wifi.password", "token"], "trial"]);
    assert.deepEqual(await settingsEvent(watcher, "rs-6"), {
      from: "rs-6",
      event: "settings",
      trial: "undone",
      changed: ["wifi.password", "token"],
      reason: "no connection within 20000 ms",
    });
    const status = await command(watcher, { to: "rs-6", cmd: "status" });
    assert.equal((status.status as Record<string, unknown>).settings, hashOf(fields));
    const devices = await (await fetch(`${relay.httpUrl}/devices`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })).text();
    for (const secret of [TOKEN, WIFI.password, wrongWifi, wrongToken]) {
      for (
        const [where, text] of [
          ["a reply", JSON.stringify(replies)],
          ["status", JSON.stringify(status)],
          ["a message to the operators", seen.join("\n")],
          ["GET /devices", devices],
          ["the console", fw.board.console.text],
          ["the relay's log", relay.stderr.join("\n")],
        ]
      ) {
        assert.ok(!text.includes(secret), `a secret in ${where}`);
      }
    }
    assert.doesNotMatch(fw.board.console.text, BROKEN);
  });
});
