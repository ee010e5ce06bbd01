/**
 * The console's fleet view in headless Chromium against a relay on an ephemeral port: actions
 * on selected boards and their replies by board, confirmations, the Settings form, the Firmware
 * column, the message log's filter, pause, clear and export, credentials, and the relay's event
 * mark. The boards are Deno WebSockets (`?role=device`) answering with the firmware's own
 * command handler (testing/command_board.ts).
 *
 * Without /usr/bin/chromium these tests are skipped with a warning, except in CI (`CI=true`),
 * where they fail.
 */

import assert from "node:assert/strict";
import type { Page } from "npm:playwright-core@1.65.1";
import { integerLimits } from "../device/firmware/config.ts";
import { mintToken } from "../relay/credentials.ts";
import { startTestRelay, type TestRelay } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { CommandBoard as Board } from "../testing/command_board.ts";
import { FAST, startFirmwareBoard } from "../testing/firmware_board.ts";
import {
  ARTIFACTS,
  connect,
  openConsole,
  row,
  select,
  skipBrowser,
  waitForState,
} from "../testing/console_browser.ts";

const SECRET = "a-secret-for-the-console-fleet-test-0123456";

/** Waits until a board's Last reply cell reads `text`. */
async function replyIs(page: Page, id: string, text: string): Promise<void> {
  await row(page, id).locator("td:last-child", { hasText: text }).waitFor();
}

/** Clicks one of the actions on the selected boards. */
function action(page: Page, name: string): Promise<void> {
  return page.locator(".device-actions").getByRole("button", { name, exact: true }).click();
}

/** Opens the page connected to the relay, with the boards' rows shown. */
async function openFleet(relay: TestRelay, ids: string[], width = 1400) {
  const session = await openConsole(relay, { viewport: { width, height: 900 } });
  await connect(session.page, "console-fleet");
  await waitForState(session.page, "Open");
  for (const id of ids) await row(session.page, id).waitFor();
  return session;
}

Deno.test({
  name:
    "actions reach the selected boards, one message for all, and each reply shows in its own row",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using b1 = await Board.connect(relay, "esp32-a1");
    await using b2 = await Board.connect(relay, "esp32-b22");
    await using b3 = await Board.connect(relay, "esp32-c333");
    await using session = await openFleet(relay, ["esp32-a1", "esp32-b22", "esp32-c333"]);
    const { page } = session;

    // Before any status the firmware is unknown: a dash.
    assert.equal(await row(page, "esp32-a1").locator("td").nth(8).innerText(), "—");

    await select(page, ["esp32-a1", "esp32-b22"]);
    await action(page, "Status");
    await replyIs(page, "esp32-a1", "status: ok");
    await replyIs(page, "esp32-b22", "status: ok");
    // The status reply fills the Firmware column with the short hash, the whole one in the tooltip.
    const firmware = row(page, "esp32-a1").locator("td").nth(8);
    assert.equal(await firmware.innerText(), "8f3a9c1b2d4e");
    assert.match((await firmware.getAttribute("title")) ?? "", /sha256 8f3a9c1b2d4e.* 51234 bytes/);
    assert.equal(await row(page, "esp32-b22").locator("td").nth(8).innerText(), "9f3a9c1b2d4e");
    assert.deepEqual(b1.commands(), [{ to: ["esp32-a1", "esp32-b22"], cmd: "status" }]);
    assert.deepEqual(b3.commands(), [], "a board not selected gets nothing");
    assert.equal(await row(page, "esp32-c333").locator("td:last-child").innerText(), "");
    await page.locator("#action-status", { hasText: "Status: 2 of 2 boards answered ok." })
      .waitFor();

    await action(page, "Blink off");
    await replyIs(page, "esp32-a1", "blink: off");
    await replyIs(page, "esp32-b22", "blink: off");
    assert.deepEqual([b1.blinking, b2.blinking, b3.blinking], [false, false, true]);
    // The LED column follows the boards' answers.
    assert.equal(await row(page, "esp32-a1").locator("td").nth(7).innerText(), "off");

    // Pattern: a form whose bounds are the firmware's; a bad value is not sent.
    await action(page, "Pattern…");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("dotOnMs").fill("0");
    await dialog.getByRole("button", { name: "Send to 2 boards" }).click();
    const [low, high] = integerLimits().dotOnMs;
    await dialog.getByText(`pattern.dotOnMs must be a whole number from ${low} to ${high}.`)
      .waitFor();
    assert.equal(await dialog.getByLabel("dotOnMs").getAttribute("aria-invalid"), "true");
    await dialog.getByLabel("dotOnMs").fill("300");
    await dialog.getByRole("button", { name: "Send to 2 boards" }).click();
    await dialog.waitFor({ state: "hidden" });
    await replyIs(page, "esp32-a1", "pattern: 300/400/50/400 ms");
    await replyIs(page, "esp32-b22", "pattern: 300/400/50/400 ms");
    assert.equal(b2.pattern.dotOnMs, 300);

    // One board: addressed by its id alone.
    await select(page, ["esp32-c333"]);
    await action(page, "Say…");
    await dialog.getByLabel("Text").fill("hello from the console");
    await dialog.getByRole("button", { name: "Send to 1 board" }).click();
    await replyIs(page, "esp32-c333", "say: ok");
    assert.deepEqual(b3.commands(), [{
      to: "esp32-c333",
      cmd: "say",
      text: "hello from the console",
    }]);
    await page.getByRole("log").locator("li", { hasText: "hello from the console" }).first()
      .waitFor();

    await action(page, "Blink on");
    await replyIs(page, "esp32-c333", "blink: blinking");
    await action(page, "Rehandshake");
    await replyIs(page, "esp32-c333", "rehandshake: ok");
    assert.deepEqual(b3.did, ["say hello from the console", "blink true", "rehandshake"]);
    assert.deepEqual(b1.did, [
      "blink false",
      'pattern {"dotOnMs":300,"dashOnMs":400,"offMs":50,"pauseMs":400}',
    ]);
    await page.locator("#action-status", { hasText: "Rehandshake: 1 of 1 board answered ok." })
      .waitFor();
  },
});

Deno.test({
  name:
    "reboot and settings ask to confirm, naming the boards; Cancel sends nothing; settings are checked as the board checks them",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using b1 = await Board.connect(relay, "esp32-r1");
    await using b2 = await Board.connect(relay, "esp32-r2");
    await using session = await openFleet(relay, ["esp32-r1", "esp32-r2"]);
    const { page } = session;
    const dialog = page.getByRole("dialog");
    await select(page, ["esp32-r1", "esp32-r2"]);

    await action(page, "Reboot…");
    await dialog.getByRole("heading", { name: "Reboot 2 boards?" }).waitFor();
    assert.match(await dialog.innerText(), /Reboots esp32-r1, esp32-r2\./);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.locator("#action-status", { hasText: "Reboot: cancelled, nothing sent." }).waitFor();
    // Focus goes back to the button that opened the dialog.
    assert.equal(await page.evaluate("document.activeElement.textContent"), "Reboot…");

    await action(page, "Reboot…");
    await dialog.getByRole("button", { name: "Reboot 2 boards" }).click();
    await replyIs(page, "esp32-r1", "reboot: ok");
    await replyIs(page, "esp32-r2", "reboot: ok");
    assert.deepEqual([b1.did, b2.did], [["reboot"], ["reboot"]]);
    assert.deepEqual(b1.commands(), [{ to: ["esp32-r1", "esp32-r2"], cmd: "reboot" }]);

    // Settings: every whole-number setting of device/firmware/config.ts, with its bounds.
    await action(page, "Settings…");
    const limits = integerLimits();
    // The form is drawn once /console/settings_rules.json has arrived: wait for its last field.
    await dialog.locator("input").nth(Object.keys(limits).length - 1).waitFor();
    assert.equal(await dialog.locator("input").count(), Object.keys(limits).length);
    await dialog.getByLabel("heartbeat.pingIntervalMs").fill("999");
    await dialog.getByLabel("reconnect.minDelayMs").fill("5000");
    await dialog.getByLabel("reconnect.maxDelayMs").fill("1000");
    await dialog.getByRole("button", { name: "Review…" }).click();
    const [pingLow, pingHigh] = limits.pingIntervalMs;
    await dialog.getByText(
      `heartbeat.pingIntervalMs must be a whole number from ${pingLow} to ${pingHigh}.`,
    ).waitFor();
    await dialog.getByText("reconnect.maxDelayMs must not be below reconnect.minDelayMs.")
      .waitFor();
    await dialog.getByText("Not sent: correct the fields marked.").waitFor();
    assert.equal(
      await page.evaluate("document.activeElement.id"),
      "action-field-heartbeat-pingIntervalMs",
      "focus goes to the first field to correct",
    );
    await dialog.getByLabel("heartbeat.pingIntervalMs").fill("15000");
    await dialog.getByLabel("reconnect.maxDelayMs").fill("");
    await dialog.getByRole("button", { name: "Review…" }).click();
    await dialog.getByRole("heading", { name: "Apply settings to 2 boards?" }).waitFor();
    assert.match(
      await dialog.innerText(),
      /Sets heartbeat\.pingIntervalMs = 15000, reconnect\.minDelayMs = 5000 on esp32-r1, esp32-r2\./,
    );
    await dialog.getByRole("button", { name: "Apply to 2 boards" }).click();
    await dialog.waitFor({ state: "hidden" });
    await waitFor("the settings command", () => b2.commands().length === 2);
    assert.deepEqual(b2.commands()[1], {
      to: ["esp32-r1", "esp32-r2"],
      cmd: "settings",
      set: { heartbeat: { pingIntervalMs: 15000 }, reconnect: { minDelayMs: 5000 } },
    });
    // These boards give handleCommand no settings handler, so it answers with an error, which
    // shows by each board.
    await replyIs(page, "esp32-r1", 'settings failed: unknown command "settings"');
    await replyIs(page, "esp32-r2", 'settings failed: unknown command "settings"');
    await page.locator("#action-status", { hasText: "2 failed: esp32-r1, esp32-r2." }).waitFor();
  },
});

Deno.test({
  name:
    "the log filters by board and direction, pauses, exports what it shows and clears; binary stays hex",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using b1 = await Board.connect(relay, "esp32-l1");
    await using b2 = await Board.connect(relay, "esp32-l2");
    await using session = await openFleet(relay, ["esp32-l1", "esp32-l2"]);
    const { page } = session;
    const log = page.getByRole("log");
    b1.socket.send(JSON.stringify({ from: "esp32-l1", note: "one" }));
    b2.socket.send(JSON.stringify({ from: "esp32-l2", note: "two" }));
    b1.socket.send(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    await log.locator("li", { hasText: "de ad be ef" }).waitFor();
    await select(page, ["esp32-l2"]);
    await action(page, "Status");
    await replyIs(page, "esp32-l2", "status: ok");

    await page.getByLabel("Board", { exact: true }).fill("esp32-l2");
    await waitFor("only esp32-l2's entries", async () => {
      const texts = await log.locator("li").allInnerTexts();
      return texts.length === 3 && texts.every((t) => t.includes("esp32-l2"));
    });
    await page.getByLabel("Direction").selectOption("out");
    await waitFor("only what was sent to esp32-l2", async () => {
      const texts = await log.locator("li").allInnerTexts();
      return texts.length === 1 && texts[0].includes('"cmd":"status"');
    });
    await page.locator("#log-note", { hasText: /^1 of \d+ shown\.$/ }).waitFor();

    // Export: the entries shown, one JSON object a line.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export" }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^relay-log-\d{8}-\d{6}\.jsonl$/);
    const lines = (await Deno.readTextFile(await file.path())).trim().split("\n").map((line) =>
      JSON.parse(line)
    );
    assert.equal(lines.length, 1);
    assert.deepEqual([lines[0].direction, lines[0].boards], ["out", ["esp32-l2"]]);
    assert.deepEqual(JSON.parse(lines[0].body), { to: "esp32-l2", cmd: "status" });

    // Pause: what arrives meanwhile is kept, not shown, until Resume.
    await page.getByLabel("Board", { exact: true }).fill("");
    await page.getByLabel("Direction").selectOption("in");
    const shownBefore = await log.locator("li").count();
    await page.getByRole("button", { name: "Pause" }).click();
    assert.equal(
      await page.getByRole("button", { name: "Resume" }).getAttribute("aria-pressed"),
      "true",
    );
    b1.socket.send(JSON.stringify({ from: "esp32-l1", note: "while paused" }));
    await page.locator("#log-note", { hasText: "Paused: 1 new message not shown." }).waitFor();
    assert.equal(await log.locator("li").count(), shownBefore);
    await page.getByRole("button", { name: "Resume" }).click();
    await log.locator("li", { hasText: "while paused" }).waitFor();

    // The binary message is still a hex dump after all that redrawing.
    assert.match(await log.locator("li", { hasText: "binary" }).innerText(), /de ad be ef/);
    await page.getByRole("button", { name: "Clear" }).click();
    await waitFor("an empty log", async () => (await log.locator("li").count()) === 0);
  },
});

Deno.test({
  name: "a device's text shaped like an event is shown as a message, never taken as one",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using liar = await Board.connect(relay, "esp32-liar");
    await using victim = await Board.connect(relay, "esp32-victim");
    await using session = await openFleet(relay, ["esp32-liar", "esp32-victim"]);
    const { page } = session;
    assert.ok(session.requests.some((url) => url.endsWith("/console-fleet?events=1&mark=1")));
    const at = new Date(Date.now() + 60_000).toISOString();
    for (const mark of [undefined, "AAAAAAAAAAAAAAAAAAAAAA"]) {
      liar.socket.send(
        JSON.stringify({ event: "offline", id: "esp32-victim", at, code: 1000, mark }),
      );
    }
    const log = page.getByRole("log");
    await waitFor("both forgeries in the log", async () => {
      return (await log.locator("li", { hasText: '"event":"offline"' }).count()) === 2;
    });
    // The relay's own events never reach the log, and the victim is still online.
    assert.equal(await log.locator("li", { hasText: '"event":"online"' }).count(), 0);
    assert.equal(await row(page, "esp32-victim").locator("td.state-online").count(), 1);
    assert.match(await page.locator("#device-count").innerText(), /2 · 2 online/);
    // A real offline still is one.
    await victim[Symbol.asyncDispose]();
    await row(page, "esp32-victim").locator("td.state-offline").waitFor();
  },
});

Deno.test({
  name:
    "credentials: asked for, kept in sessionStorage only, a wrong one refused with the relay's reason, a device's told what it cannot show",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ jwtSecret: SECRET });
    const deviceToken = await mintToken({ secret: SECRET, sub: "esp32-j", role: "device" });
    await using _board = await Board.connect(relay, "esp32-j", {
      query: `&token=${deviceToken}`,
    });
    await using session = await openConsole(relay);
    const { page } = session;
    const hint = page.locator("#token-hint");
    await hint.filter({ hasText: "This relay needs a credential" }).waitFor();

    const forged = await mintToken({
      secret: "another-secret-that-the-relay-does-not-know-00",
      sub: "ops-1",
      role: "operator",
    });
    await page.getByLabel("Token").fill(forged);
    // The id follows the credential's sub.
    assert.equal(await page.getByLabel("Client id").inputValue(), "ops-1");
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await waitForState(page, "Refused");
    assert.match(
      await page.locator("#status-detail").innerText(),
      /The relay refused the token \(401: the token's signature does not verify\)/,
    );

    const asDevice = await mintToken({ secret: SECRET, sub: "ops-1", role: "device" });
    await page.getByLabel("Token").fill(asDevice);
    await hint.filter({ hasText: "This credential is a device's, not an operator's" }).waitFor();
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await waitForState(page, "Open");
    await page.locator("#devices-note", { hasText: "needs an operator's token" }).waitFor();
    await page.locator("#clients-note", { hasText: "needs an operator's credential" }).waitFor();
    await page.getByRole("button", { name: "Disconnect", exact: true }).click();
    await waitForState(page, "Closed");

    const operator = await mintToken({ secret: SECRET, sub: "ops-1", role: "operator" });
    await page.getByLabel("Token").fill(operator);
    await page.getByRole("button", { name: "Connect", exact: true }).click();
    await waitForState(page, "Open");
    await row(page, "esp32-j").waitFor();
    const stored = await page.evaluate(
      "({ session: sessionStorage.getItem('relay-console-token'), local: localStorage.length })",
    );
    assert.deepEqual(stored, { session: operator, local: 0 });
    // Another load of the page in this tab has it back.
    await page.reload();
    assert.equal(await page.getByLabel("Token").inputValue(), operator);
    // No URL the page asked for, its WebSocket's included, and no log line holds a credential.
    assert.ok(session.requests.some((url) => url.startsWith("ws://")));
    for (const text of [...session.requests, ...relay.logs]) {
      for (const token of [forged, asDevice, operator]) assert.ok(!text.includes(token), text);
    }
  },
});

Deno.test({
  name: "screenshot: the fleet view with replies by board",
  ignore: skipBrowser,
  async fn() {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await using relay = startTestRelay();
    await using _a = await Board.connect(relay, "esp32-kitchen");
    await using _b = await Board.connect(relay, "esp32-garage");
    await using _c = await Board.connect(relay, "esp32-attic");
    // Wide enough for every column, the replies included.
    await using session = await openFleet(
      relay,
      ["esp32-kitchen", "esp32-garage", "esp32-attic"],
      1760,
    );
    const { page } = session;
    await select(page, ["esp32-kitchen", "esp32-garage", "esp32-attic"]);
    await action(page, "Status");
    await replyIs(page, "esp32-attic", "status: ok");
    await select(page, ["esp32-garage"]);
    await action(page, "Blink off");
    await replyIs(page, "esp32-garage", "blink: off");
    // A failure, in its colour: these boards have no settings handler, so the command is refused.
    await select(page, ["esp32-kitchen"]);
    await action(page, "Settings…");
    await page.getByRole("dialog").getByLabel("statusEvery").fill("6");
    await page.getByRole("button", { name: "Review…" }).click();
    await page.getByRole("button", { name: "Apply to 1 board" }).click();
    await replyIs(page, "esp32-kitchen", "settings failed");
    await select(page, ["esp32-kitchen", "esp32-garage"]);
    await page.locator("section.devices").screenshot({
      path: new URL("console-fleet.png", ARTIFACTS).pathname,
    });
  },
});

Deno.test({
  name:
    "the real firmware on the engine takes the Settings action: its reply names the fields changed, in its row",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using fw = await startFirmwareBoard({
      fields: { server: relay.url, clientId: "esp32-real", pattern: FAST, rehandshakeEvery: 0 },
    });
    await fw.board.console.waitFor("[sos] connected", { from: fw.bootConsoleAt });
    await using session = await openFleet(relay, ["esp32-real"]);
    const { page } = session;
    await select(page, ["esp32-real"]);
    await action(page, "Status");
    await replyIs(page, "esp32-real", "status: ok");

    await action(page, "Settings…");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("statusEvery", { exact: true }).fill("5");
    await dialog.getByLabel("pattern.offMs").fill("40");
    await dialog.getByRole("button", { name: "Review…" }).click();
    await dialog.getByRole("button", { name: "Apply to 1 board" }).click();
    await replyIs(page, "esp32-real", "settings: applied (pattern.offMs, statusEvery)");
    await page.locator("#action-status", { hasText: "Settings: 1 of 1 board answered ok." })
      .waitFor();
  },
});
