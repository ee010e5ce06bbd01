/**
 * The console's fleet view with 50 boards, in headless Chromium against a relay in its own
 * process (`server.ts`, with `--token`): 2 boards on the engine running the real firmware bundle
 * (testing/firmware_board.ts) and 48 lightweight WebSocket boards answering with the firmware's
 * own command handler (testing/command_board.ts). The table fills in with all 50, tracks boards
 * going offline and coming back from the relay's events alone (one `/devices` fetch, no reload),
 * and one action on a selection mixing both kinds shows each board's reply in its own row.
 *
 * A wrong credential refused with a clear message is tested against the same page in
 * tests/console_test.ts (shared token), tests/console_devices_test.ts (its Devices note) and
 * tests/console_fleet_test.ts (an operator's JWT signed with another secret).
 *
 * Without /usr/bin/chromium this test is skipped with a warning, except in CI (`CI=true`), where
 * it fails.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { Page } from "npm:playwright-core@1.65.1";
import { startRelayProcess } from "../testing/relay_process.ts";
import { type FirmwareBoard, startFirmwareBoard } from "../testing/firmware_board.ts";
import { CommandBoard } from "../testing/command_board.ts";
import {
  connect,
  openConsole,
  row,
  select,
  skipBrowser,
  waitForState,
} from "../testing/console_browser.ts";
import { waitFor } from "../testing/wait.ts";
import { boardFields, RELAY_FLAGS, TOKEN } from "./ota_board.ts";

// Ids that sort first, so the engine boards are among the rows the table draws.
const ENGINE_IDS = ["a-engine-1", "a-engine-2"];
const LIGHT_IDS = Array.from({ length: 48 }, (_, i) => `esp32-${String(i + 1).padStart(2, "0")}`);
/** The lightweight boards that go offline and come back. */
const GOING = LIGHT_IDS.slice(5, 15);

/** SHA-256 of a text's UTF-8 bytes, as hex: the lightweight boards report their id's. */
function sha256(text: string): string {
  return createHash("sha256").update(new TextEncoder().encode(text)).digest("hex");
}

/** A lightweight board with the tests' token, sending its retained status as the firmware does. */
function lightBoard(relay: { url: string; httpUrl: string }, id: string): Promise<CommandBoard> {
  return CommandBoard.connect(relay, id, {
    query: `&token=${TOKEN}`,
    token: TOKEN,
    retainStatus: true,
    firmwareSha256: sha256(id),
  });
}

/** The text of each cell (`td`s: select, state, last seen, … last reply) of a drawn row. */
function cells(page: Page, id: string): Promise<string[]> {
  return row(page, id).locator("td").allInnerTexts();
}

/**
 * The text of each cell (`td`s: select, state, last seen, … last reply) of every row, by board id.
 * The table draws only the rows in view (and a few), so this scrolls it from the top to the end,
 * a view at a time, and reads the rows drawn at each stop once a frame has drawn them.
 */
async function allCells(page: Page): Promise<Map<string, string[]>> {
  // A string: this runs in the page, whose DOM types Deno's checker does not have.
  const cells = await page.evaluate(`(async () => {
    const element = document.querySelector(".device-scroll");
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const found = {};
    element.scrollTop = 0;
    for (;;) {
      // The scroll's event asks for a frame, which draws the rows: the second frame has them.
      await frame();
      await frame();
      for (const tr of element.querySelectorAll("#device-rows tr[data-id]")) {
        found[tr.dataset.id] = [...tr.querySelectorAll("td")].map((td) => td.innerText);
      }
      if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) break;
      element.scrollTop += element.clientHeight;
    }
    element.scrollTop = 0;
    await frame();
    await frame();
    return found;
  })()`) as Record<string, string[]>;
  return new Map(Object.entries(cells));
}

/**
 * {@linkcode allCells} once it has a row for every one of `ids` and `ready` holds for them, read
 * again until then.
 */
async function cellsOnce(
  page: Page,
  ids: string[],
  ready: (cells: Map<string, string[]>) => boolean = () => true,
): Promise<Map<string, string[]>> {
  let cells = new Map<string, string[]>();
  await waitFor(
    `the rows of ${ids.length} boards`,
    async () => {
      cells = await allCells(page);
      return ids.every((id) => cells.has(id)) && ready(cells);
    },
    20_000,
  );
  return cells;
}

/** How many times the page has fetched `/devices`. */
function devicesFetches(requests: string[]): number {
  return requests.filter((url) => new URL(url).pathname === "/devices").length;
}

Deno.test({
  name:
    "console with 50 boards (2 on the engine): fills in, tracks offline and back live, one action's replies by board",
  ignore: skipBrowser,
  async fn() {
    await using relay = await startRelayProcess(RELAY_FLAGS);
    await using stack = new AsyncDisposableStack();
    const engines: FirmwareBoard[] = await Promise.all(ENGINE_IDS.map(async (id) => {
      const fw = stack.use(
        await startFirmwareBoard({ fields: boardFields(relay.url, id, { statusEvery: 0 }) }),
      );
      await fw.board.console.waitFor(/\[sos\] connected/, {
        from: fw.bootConsoleAt,
        timeoutMs: 30_000,
      });
      return fw;
    }));
    const light = new Map<string, CommandBoard>();
    for (const board of await Promise.all(LIGHT_IDS.map((id) => lightBoard(relay, id)))) {
      light.set(board.id, stack.use(board));
    }

    await using session = await openConsole(relay, { viewport: { width: 1700, height: 3000 } });
    const { page, requests } = session;
    page.setDefaultTimeout(20_000);
    await connect(page, "console-fifty", TOKEN);
    await waitForState(page, "Open");
    await page.locator("#device-count", { hasText: "(50 · 50 online)" }).waitFor();
    // Every board has its row, online, with its own firmware from its retained status.
    const shown = await cellsOnce(
      page,
      [...ENGINE_IDS, ...LIGHT_IDS],
      (cells) =>
        LIGHT_IDS.every((id) =>
          cells.get(id)?.some((text) => text.includes(sha256(id).slice(0, 12)))
        ),
    );
    for (const id of [...ENGINE_IDS, ...LIGHT_IDS]) {
      const [, state, lastSeen, since] = shown.get(id)!;
      assert.equal(state, "online", id);
      assert.ok(lastSeen !== "" && since !== "", `${id}: last seen and connected since shown`);
    }
    const fetched = devicesFetches(requests);

    // Ten go offline: each row says so with a last seen, and the count follows.
    for (const id of GOING) await light.get(id)![Symbol.asyncDispose]();
    await page.locator("#device-count", { hasText: "(50 · 40 online)" }).waitFor();
    for (const id of GOING) {
      await row(page, id).locator("td.state-offline").waitFor();
      const [, state, lastSeen, since] = await cells(page, id);
      assert.equal(state, "offline", id);
      assert.notEqual(lastSeen, "", `${id}: last seen shown`);
      assert.equal(since, "", `${id}: no connected since while offline`);
    }
    assert.equal(await row(page, LIGHT_IDS[0]).locator("td.state-online").count(), 1);

    // They come back, new connections on the same ids.
    for (const board of await Promise.all(GOING.map((id) => lightBoard(relay, id)))) {
      light.set(board.id, stack.use(board));
    }
    await page.locator("#device-count", { hasText: "(50 · 50 online)" }).waitFor();
    for (const id of GOING) await row(page, id).locator("td.state-online").waitFor();
    assert.equal(devicesFetches(requests), fetched, "tracked from events, /devices not fetched");

    // One action on both engine boards and three lightweight ones (one of them back from offline).
    const chosen = [...ENGINE_IDS, LIGHT_IDS[0], GOING[0], LIGHT_IDS[1]];
    await select(page, chosen);
    await page.locator(".device-actions").getByRole("button", { name: "Blink off", exact: true })
      .click();
    for (const id of chosen) {
      await row(page, id).locator("td:last-child", { hasText: "blink: off" }).waitFor();
      await row(page, id).locator("td", { hasText: /^off$/ }).waitFor();
    }
    await page.locator("#action-status", { hasText: "Blink off: 5 of 5 boards answered ok." })
      .waitFor();
    // Every row drawn, read at once: the table draws the rows in view, and a few.
    const replies = await cellsOnce(page, LIGHT_IDS);
    for (const id of LIGHT_IDS) {
      const board = light.get(id)!;
      const picked = chosen.includes(id);
      assert.equal(board.blinking, !picked, `${id} blinking`);
      assert.equal(board.commands().length, picked ? 1 : 0, `${id}: commands received`);
      if (!picked) assert.equal(replies.get(id)?.at(-1), "", `${id}: no reply shown`);
    }
    // The engine boards answered from the firmware itself.
    for (const fw of engines) {
      assert.doesNotMatch(fw.board.console.text, /Uncaught|OUT OF MEMORY/);
    }
  },
});
