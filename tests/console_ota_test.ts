/**
 * The console's Update firmware action in headless Chromium, against a relay in its own process
 * and boards flashed with `deno task flash` on the engine (the real Espruino interpreter, with
 * the boot stub): the confirmation names the boards, a bar in the board's row runs to completion
 * and the board then runs the new firmware, and an image too big for the board's Storage is
 * refused in that board's row, before a chunk is sent. The page speaks the same protocol module
 * as `deno task ota` (relay/console/ota_transfer.js).
 *
 * Without /usr/bin/chromium these tests are skipped with a warning, except in CI (`CI=true`),
 * where they fail.
 */

import assert from "node:assert/strict";
import type { Locator, Page } from "npm:playwright-core@1.65.1";
import { waitFor } from "./helpers.ts";
import { startRelayProcess } from "./relay_process.ts";
import {
  firmwareOf,
  flashBoard,
  openWatcher,
  RELAY_FLAGS,
  sha256,
  TOKEN,
  writeImages,
} from "./ota_board.ts";
import { ARTIFACTS, connect, openConsole, skipBrowser, waitForState } from "./console_browser.ts";
import { row, select } from "./console_browser.ts";

/** A board's Update cell (the 11th column: after the checkbox and Firmware), once it reads `text`. */
function updateCell(page: Page, id: string, text: string | RegExp): Locator {
  return row(page, id).locator("td:nth-child(11)", { hasText: text });
}

/** Opens Update firmware… on the selected boards, picks `file` and reviews it. */
async function review(page: Page, file: string): Promise<Locator> {
  await page.locator(".device-actions").getByRole("button", { name: "Update firmware…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Firmware bundle").setInputFiles(file);
  await dialog.getByRole("button", { name: "Review…" }).click();
  return dialog;
}

/**
 * Records, every 20 ms in the page, the value and maximum of a board's bar: what a user would
 * have seen of it.
 */
async function recordBar(page: Page, id: string): Promise<() => Promise<number[][]>> {
  // A string: this runs in the page, whose DOM types Deno's checker does not have.
  await page.evaluate(`(() => {
    const seen = [];
    globalThis.barSeen = seen;
    setInterval(() => {
      const bar = document.querySelector('#device-rows tr[data-id="${id}"] progress');
      if (bar && !bar.hidden) seen.push([bar.value, bar.max]);
    }, 20);
  })()`);
  return () => page.evaluate("globalThis.barSeen") as Promise<number[][]>;
}

Deno.test({
  name:
    "console: Update firmware names the boards, shows a bar per board to completion and each one's outcome in its row",
  ignore: skipBrowser,
  async fn() {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await using images = await writeImages();
    await using relay = await startRelayProcess(RELAY_FLAGS);
    await using _one = await flashBoard(relay.url, "ota-web-1");
    await using two = await flashBoard(relay.url, "ota-web-2");
    await using operator = await openWatcher(relay.url);
    const v1 = sha256(images.v1);
    assert.equal((await firmwareOf(operator, "ota-web-1")).sha256, v1);

    // Wide enough for every column.
    await using session = await openConsole(relay, { viewport: { width: 1700, height: 800 } });
    const { page } = session;
    page.setDefaultTimeout(30_000);
    await connect(page, "console-ota", TOKEN);
    await waitForState(page, "Open");
    await row(page, "ota-web-1").waitFor();
    await row(page, "ota-web-2").waitFor();

    // The confirmation names every board; Cancel sends nothing.
    await select(page, ["ota-web-1", "ota-web-2"]);
    let dialog = await review(page, images.v2Path);
    await dialog.getByRole("heading", { name: "Update the firmware of 2 boards?" }).waitFor();
    const named = await dialog.locator("#action-boards").textContent() ?? "";
    assert.match(
      named,
      /^Sends v2\.js \(\d+ bytes, sha256 [0-9a-f]{12}…\) to ota-web-1, ota-web-2\./,
    );
    assert.ok(named.includes(`${images.v2.bytes.length} bytes`), named);
    assert.ok(named.includes(images.v2.sha256.slice(0, 12)), named);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.locator("#action-status", { hasText: "Update firmware: cancelled, nothing sent." })
      .waitFor();
    assert.equal(await row(page, "ota-web-1").locator("progress").isHidden(), true);

    // One board: its bar runs to completion, then it runs version 2.
    await select(page, ["ota-web-1"]);
    dialog = await review(page, images.v2Path);
    assert.match(await dialog.locator("#action-boards").textContent() ?? "", / to ota-web-1\. /);
    const seen = await recordBar(page, "ota-web-1");
    await dialog.getByRole("button", { name: "Update 1 board" }).click();
    const bar = page.getByRole("progressbar", { name: "Firmware update of ota-web-1" });
    await bar.waitFor();
    await updateCell(page, "ota-web-1", /^updated$/).waitFor({
      timeout: 120_000,
    });
    await page.locator("#update-status", { hasText: "Update firmware: 1 of 1 board updated." })
      .waitFor();
    const values = await seen();
    const total = images.v2.bytes.length;
    assert.ok(values.every(([, max]) => max === total), "the bar's maximum is the image's size");
    assert.ok(
      values.some(([value]) => value > 0 && value < total),
      `the bar was seen part way: ${JSON.stringify(values.slice(0, 5))}…`,
    );
    for (let i = 1; i < values.length; i++) {
      assert.ok(values[i][0] >= values[i - 1][0], "the bar never goes back without a break");
    }
    assert.equal(await bar.getAttribute("value"), String(total), "the bar ends full");
    const after = await firmwareOf(operator, "ota-web-1");
    assert.equal(after.sha256, images.v2.sha256);
    assert.notEqual(after.sha256, v1);
    // The row's Firmware column follows the status the new firmware sent on connecting.
    await row(page, "ota-web-1").locator("td", { hasText: images.v2.sha256.slice(0, 12) })
      .waitFor();
    assert.equal(await row(page, "ota-web-2").locator("progress").isHidden(), true);

    // Too big: refused by the board before a chunk is sent, shown in its own row only.
    const big = `${images.dir}/big.js`;
    await Deno.writeTextFile(big, `// ${"x".repeat(460_000)}\n${images.v1}`);
    const bigBytes = (await Deno.stat(big)).size;
    const chunksBefore = two.board.console.text.length;
    await select(page, ["ota-web-2"]);
    dialog = await review(page, big);
    await dialog.getByRole("button", { name: "Update 1 board" }).click();
    const refused = updateCell(
      page,
      "ota-web-2",
      `refused: does not fit: the image is ${bigBytes} bytes`,
    );
    await refused.waitFor();
    assert.match(await refused.textContent() ?? "", /Storage \(917504 bytes\)/);
    assert.equal(await refused.getAttribute("class"), "reply-failed", "in the error colour");
    await page.locator("#update-status", {
      hasText: "Update firmware: 0 of 1 board updated. ota-web-2 refused: does not fit",
    }).waitFor();
    assert.equal(await row(page, "ota-web-2").locator("progress").isHidden(), true);
    // The other board's row still tells its own update.
    await updateCell(page, "ota-web-1", /^updated$/).waitFor();
    assert.equal((await firmwareOf(operator, "ota-web-2")).sha256, v1, "version 1 runs on");
    assert.doesNotMatch(two.board.console.text.slice(chunksBefore), /Uncaught/);
    // No chunk went out: a chunk the board had not begun would have had an answer of its own.
    const answers = page.locator("#log li").filter({ hasText: "from ota-web-2" })
      .filter({ hasText: '"re":"ota"' });
    assert.equal(await answers.count(), 1, "one answer from the board: its refusal");
    assert.match(await answers.textContent() ?? "", /"error":"too big"/);

    // The docs' picture (docs/console.md): beside those two rows, a transfer under way. A real
    // board takes the image in about a second, so this third one is a WebSocket that answers
    // as the boot stub does, then stops acknowledging past 60%.
    await using _stuck = await stuckBoard(relay.url, "ota-web-3", 0.6);
    await row(page, "ota-web-3").waitFor();
    await select(page, ["ota-web-3"]);
    dialog = await review(page, images.v2Path);
    await dialog.getByRole("button", { name: "Update 1 board" }).click();
    await updateCell(page, "ota-web-3", /^\d+% sending$/).waitFor();
    // Polled from here: the page's policy forbids the evaluated strings waitForFunction polls with.
    const stuckBar = row(page, "ota-web-3").locator("progress");
    await waitFor("ota-web-3's bar past half", async () => {
      return Number(await stuckBar.getAttribute("value")) > images.v2.bytes.length / 2;
    });
    await select(page, ["ota-web-1", "ota-web-3"]);
    await page.locator("section.devices").screenshot({
      path: new URL("console-ota.png", ARTIFACTS).pathname,
    });
  },
});

/**
 * A device that answers `ota` as the boot stub does (device/firmware/ota.ts) but stops
 * acknowledging once it holds `share` of the image: a transfer that stays under way.
 */
async function stuckBoard(relay: string, id: string, share: number): Promise<AsyncDisposable> {
  const socket = new WebSocket(`${relay}${id}?role=device&token=${TOKEN}`);
  const closed = new Promise((resolve) => socket.addEventListener("close", resolve));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let total = 0;
  socket.addEventListener("message", (event) => {
    const m = JSON.parse(String(event.data));
    if (m.cmd !== "ota") return;
    if (m.op === "begin") total = m.bytes;
    const have = m.op === "chunk" ? m.at + atob(m.data).length : 0;
    if (have > total * share) return;
    socket.send(
      JSON.stringify({
        from: id,
        re: "ota",
        ok: true,
        have,
        ...(m.op === "begin" ? { begun: true } : {}),
      }),
    );
  });
  return {
    async [Symbol.asyncDispose]() {
      socket.close();
      await closed;
    },
  };
}
