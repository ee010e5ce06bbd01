/**
 * The console's Update firmware action in headless Chromium, against a relay in its own process
 * and boards flashed with `deno task flash` on the engine (the real Espruino interpreter, with
 * the boot stub): the confirmation names the boards, a bar in each board's row runs to completion
 * and the board then runs the new firmware, and an image too big for the board's Storage is
 * refused in that board's row, before a chunk is sent; the page is loaded from a name that is not
 * localhost, as on a LAN, where a browser offers no `crypto.subtle`. The page speaks the same
 * protocol module as `deno task ota` (relay/console/ota_transfer.js).
 *
 * Without /usr/bin/chromium these tests are skipped with a warning, except in CI (`CI=true`),
 * where they fail.
 */

import assert from "node:assert/strict";
import type { Locator, Page } from "npm:playwright-core@1.65.1";
import { DEFAULT_RESEND_MS } from "../relay/console/ota_transfer.js";
import { startTestRelay } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import {
  firmwareOf,
  flashBoard,
  openWatcher,
  RELAY_FLAGS,
  sha256,
  TOKEN,
  writeImages,
} from "./ota_board.ts";
import { ARTIFACTS, connect, openConsole } from "../testing/console_browser.ts";
import { row, select, skipBrowser, waitForState } from "../testing/console_browser.ts";

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
 * Records in the page every value and maximum a board's bar is drawn with (the table is drawn
 * once a frame): what a user could have seen of it.
 */
async function recordBar(page: Page, id: string): Promise<() => Promise<number[][]>> {
  // A string: this runs in the page, whose DOM types Deno's checker does not have.
  await page.evaluate(`(() => {
    const seen = (globalThis.barSeen ??= {})[${JSON.stringify(id)}] = [];
    const note = () => {
      const bar = document.querySelector('#device-rows tr[data-id="${id}"] progress');
      if (bar && !bar.hidden) seen.push([bar.value, bar.max]);
    };
    new MutationObserver(note).observe(document.getElementById("device-rows"), {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["value", "max", "hidden"],
    });
  })()`);
  return () => page.evaluate(`globalThis.barSeen[${JSON.stringify(id)}]`) as Promise<number[][]>;
}

Deno.test({
  name:
    "console: Update firmware names the boards, shows a bar per board to completion and each one's outcome in its row",
  ignore: skipBrowser,
  async fn() {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await using images = await writeImages();
    await using relay = await startRelayProcess(RELAY_FLAGS);
    await using stack = new AsyncDisposableStack();
    // The boards are flashed and the browser starts side by side: each board is an engine of its
    // own. Wide enough for every column. Loaded as an operator on a LAN does, by a name that is
    // not localhost (http://relay.test:PORT/, the name the browser's alone): no secure context,
    // so no crypto.subtle, and the page hashes the bundle with the SHA-256 the relay serves.
    const [session, , two] = await Promise.all([
      openConsole(relay, { viewport: { width: 1700, height: 800 }, hostName: "relay.test" })
        .then((session) => stack.use(session)),
      ...["ota-web-1", "ota-web-2"].map(async (id) => stack.use(await flashBoard(relay.url, id))),
    ]);
    await using operator = await openWatcher(relay.url);
    const v1 = sha256(images.v1);
    assert.equal((await firmwareOf(operator, "ota-web-1")).sha256, v1);

    const { page } = session;
    page.setDefaultTimeout(30_000);
    assert.equal(new URL(page.url()).hostname, "relay.test");
    assert.deepEqual(
      await page.evaluate(`[window.isSecureContext, typeof crypto.subtle]`),
      [false, "undefined"],
      "the page is not a secure context",
    );
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

    // Both: each one's bar runs to completion, then each runs version 2.
    await select(page, ["ota-web-1", "ota-web-2"]);
    dialog = await review(page, images.v2Path);
    const seen = [await recordBar(page, "ota-web-1"), await recordBar(page, "ota-web-2")];
    await dialog.getByRole("button", { name: "Update 2 boards" }).click();
    const total = images.v2.bytes.length;
    for (const [i, id] of ["ota-web-1", "ota-web-2"].entries()) {
      const bar = page.getByRole("progressbar", { name: `Firmware update of ${id}` });
      await bar.waitFor();
      await updateCell(page, id, /^updated$/).waitFor({ timeout: 120_000 });
      const values = await seen[i]();
      assert.ok(values.every(([, max]) => max === total), "the bar's maximum is the image's size");
      assert.ok(
        values.some(([value]) => value > 0 && value < total),
        `${id}'s bar was seen part way: ${JSON.stringify(values)}`,
      );
      for (let k = 1; k < values.length; k++) {
        assert.ok(values[k][0] >= values[k - 1][0], "the bar never goes back without a break");
      }
      assert.equal(await bar.getAttribute("value"), String(total), "the bar ends full");
      const after = await firmwareOf(operator, id);
      assert.equal(after.sha256, images.v2.sha256);
      assert.notEqual(after.sha256, v1);
      // The row's Firmware column follows the status the new firmware sent on connecting.
      await row(page, id).locator("td", { hasText: images.v2.sha256.slice(0, 12) }).waitFor();
    }
    await page.locator("#update-status", { hasText: "Update firmware: 2 of 2 boards updated." })
      .waitFor();

    // Too big: refused by the board before a chunk is sent, shown in its own row only.
    const big = `${images.dir}/big.js`;
    await Deno.writeTextFile(big, `// ${"x".repeat(460_000)}\n${images.v1}`);
    const bigBytes = (await Deno.stat(big)).size;
    const chunksBefore = two.board.console.text.length;
    await select(page, ["ota-web-2"]);
    dialog = await review(page, big);
    const sentBefore = await messagesIn(relay.httpUrl, "console-ota");
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
    assert.equal(
      (await firmwareOf(operator, "ota-web-2")).sha256,
      images.v2.sha256,
      "version 2 runs on",
    );
    assert.doesNotMatch(two.board.console.text.slice(chunksBefore), /Uncaught/);
    // Nothing went out but the begin: the relay counted one message from the page.
    assert.equal(await messagesIn(relay.httpUrl, "console-ota") - sentBefore, 1);

    // The docs' picture (docs/console.md): beside those two rows, a transfer under way. A real
    // board takes the image in about a second, so this third one is a WebSocket that answers
    // as the boot stub does, then stops acknowledging past 60%.
    await using _stuck = await fakeStub(relay.url, "ota-web-3", {
      share: 0.6,
      stalled: () => true,
      query: `&token=${TOKEN}`,
    });
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

/** How many messages the relay has received from a client (`GET /clients`). */
async function messagesIn(httpUrl: string, id: string): Promise<number> {
  const response = await fetch(`${httpUrl}/clients`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const clients = await response.json() as { id: string; messagesIn: number }[];
  const client = clients.find((c) => c.id === id);
  assert.ok(client, `${id} is connected`);
  return client.messagesIn;
}

/** A board that speaks the boot stub's side of the protocol, in a test's hands. */
interface FakeStub extends AsyncDisposable {
  /** Bytes it holds. */
  held(): number;
  /** What it answered to each `begin`: the bytes it held. */
  begins: number[];
  /** Where each chunk it took started. */
  chunks: number[];
  /** For each `begin`, whether it ended the stall (`stalled()` said no). */
  released: boolean[];
}

/**
 * A device that answers `ota` as the boot stub does (device/firmware/ota.ts: `begin` answered
 * with what it holds, chunks taken in order, a gap answered with `retry`), without flash or a
 * restart: once whole it says `restarting` and sends the status a board sends on connecting, with
 * the new hash. While `stalled()` it takes no chunk past `share` of the image and answers none:
 * a transfer that stays under way.
 */
async function fakeStub(
  relay: string,
  id: string,
  options: { share: number; stalled: () => boolean; query?: string },
): Promise<FakeStub> {
  const socket = new WebSocket(`${relay}${id}?role=device${options.query ?? ""}`);
  const closed = new Promise((resolve) => socket.addEventListener("close", resolve));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let total = 0;
  let sha256 = "";
  let held = 0;
  let stalled = true;
  const begins: number[] = [];
  const chunks: number[] = [];
  const released: boolean[] = [];
  const reply = (fields: Record<string, unknown>) =>
    socket.send(JSON.stringify({ from: id, re: "ota", ok: true, have: held, ...fields }));
  socket.addEventListener("message", (event) => {
    const m = JSON.parse(String(event.data));
    if (m.cmd !== "ota") return;
    if (m.op === "begin") {
      total = m.bytes;
      sha256 = m.sha256;
      stalled = options.stalled();
      released.push(!stalled);
      begins.push(held);
      return reply({ begun: true });
    }
    const length = atob(m.data).length;
    if (stalled && m.at + length > total * options.share) return;
    if (m.at > held) return reply({ ok: false, retry: true });
    if (m.at === held) {
      held += length;
      chunks.push(m.at);
    }
    if (held < total) return reply({});
    reply({ restarting: true });
    socket.send(JSON.stringify({
      from: id,
      retain: true,
      status: { uptime: 1, counters: { connects: 2 }, firmware: { sha256, bytes: total } },
    }));
  });
  return {
    held: () => held,
    begins,
    chunks,
    released,
    async [Symbol.asyncDispose]() {
      socket.close();
      await closed;
    },
  };
}

Deno.test({
  name:
    "console: when the page's connection drops mid-update, the transfer resumes from what the board holds",
  ignore: skipBrowser,
  async fn() {
    // Small messages only: the page's 5 KB one closes its connection (1009); a chunk fits.
    await using relay = startTestRelay({ maxMessageBytes: 4096 });
    const accepted = () => relay.running.relay.metrics.connections.accepted;
    // It stalls at half the image until a begin comes on the page's second connection.
    let firstPage = Infinity;
    await using stub = await fakeStub(relay.url, "esp32-stub", {
      share: 0.5,
      stalled: () => accepted() <= firstPage,
    });
    const dir = await Deno.makeTempDir({ prefix: "console-ota-" });
    try {
      const file = `${dir}/firmware.js`;
      const text = `// ${"x".repeat(12_000)}\nprint("hi");\n`;
      await Deno.writeTextFile(file, text);
      const total = new TextEncoder().encode(text).length;
      await using session = await openConsole(relay);
      const { page } = session;
      await connect(page, "console-resume");
      await waitForState(page, "Open");
      firstPage = accepted();
      await row(page, "esp32-stub").waitFor();
      await select(page, ["esp32-stub"]);
      const seen = await recordBar(page, "esp32-stub");
      const dialog = await review(page, file);
      await dialog.getByRole("button", { name: "Update 1 board" }).click();
      await waitFor("the board to hold half", () => stub.held() >= total / 2 - 512);
      const heldThen = stub.held();

      await page.getByLabel("Message", { exact: true }).fill("x".repeat(5000));
      await page.getByRole("button", { name: "Send", exact: true }).click();
      // The page begins again as soon as it is back (after its 1 s reconnect delay), not when
      // its wait for an unanswered chunk (DEFAULT_RESEND_MS since the last one sent) is over.
      await waitFor(
        "a begin on the page's new connection",
        () => stub.released.includes(true),
        DEFAULT_RESEND_MS * 0.8,
      );
      assert.ok(accepted() > firstPage, "the page reconnected");
      await updateCell(page, "esp32-stub", /^updated$/).waitFor();
      await page.locator("#update-status", { hasText: "Update firmware: 1 of 1 board updated." })
        .waitFor();

      // The begin on the new connection was answered with what the board held, and the chunks
      // went on from there: none sent twice.
      assert.equal(stub.begins.at(-1), heldThen);
      const resumedAt = stub.chunks.indexOf(heldThen);
      assert.ok(resumedAt > 0, `chunks from ${heldThen}: ${stub.chunks}`);
      assert.deepEqual(
        stub.chunks,
        [...stub.chunks].sort((a, b) => a - b),
        "each chunk taken once, in order",
      );
      assert.equal(stub.held(), total);
      const values = await seen();
      for (let k = 1; k < values.length; k++) {
        assert.ok(values[k][0] >= values[k - 1][0], "the bar never went back to the start");
      }
      assert.ok(values.some(([value]) => value === heldThen), "the bar showed the half held");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
