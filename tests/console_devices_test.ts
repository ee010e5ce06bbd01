/**
 * The console's Devices table, in headless Chromium against a relay on an
 * ephemeral port, with Deno WebSockets connecting as devices (`?role=device`)
 * and sending retained status as the SOS firmware does.
 *
 * Without /usr/bin/chromium these tests are skipped with a warning, except in
 * CI (`CI=true`), where they fail.
 */

import assert from "node:assert/strict";
import type { Locator, Page } from "npm:playwright-core@1.65.1";
import { mintToken } from "../relay/credentials.ts";
import type { DeviceRecord } from "../relay/presence.ts";
import { startTestRelay, TestClient, type TestRelay } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import {
  ARTIFACTS,
  connect,
  openConsole,
  skipBrowser,
  waitForState,
} from "../testing/console_browser.ts";

const TOKEN = "console-s3cret";
/** A time as the table shows it: the time of day, after the date when not today. */
const CLOCK = /^(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d$/;
const SECRET = "a-secret-for-the-console-devices-test-0123";

/** The SOS firmware's retained status (device/firmware/main.ts), with chosen figures. */
function firmwareStatus(
  id: string,
  facts: { uptime: number; usage: number; blinking: boolean; ip?: string },
): string {
  return JSON.stringify({
    from: id,
    retain: true,
    status: {
      uptime: facts.uptime,
      memory: { free: 2500 - facts.usage, usage: facts.usage, total: 2500 },
      wifi: facts.ip ? { state: "up", ip: facts.ip } : { state: "joining", ip: "" },
      connection: "open",
      counters: { sent: 3, received: 1 },
      queued: 0,
      cycles: 3,
      sent: 3,
      blinking: facts.blinking,
    },
  });
}

/** What the relay's `/devices` holds now. */
async function listed(relay: TestRelay): Promise<DeviceRecord[]> {
  return await relay.running.relay.presence.list();
}

/** Connects a device; resolves once the relay lists it online. */
async function device(relay: TestRelay, id: string, query = ""): Promise<TestClient> {
  const client = await TestClient.open(`${relay.url}${id}?role=device${query}`);
  await waitFor(
    `${id} online`,
    async () => (await listed(relay)).some((d) => d.id === id && d.online),
  );
  return client;
}

/** Waits until the relay holds `count` retained messages. */
function retained(relay: TestRelay, count: number): Promise<void> {
  return waitFor(
    `${count} retained messages`,
    async () => (await listed(relay)).filter((d) => d.retained).length === count,
  );
}

/** The table row of a device. */
function row(page: Page, id: string): Locator {
  return page.locator(`#device-rows tr[data-id="${id}"]`);
}

/** The text of a row's cells, by column header. */
async function cells(page: Page, id: string): Promise<Record<string, string>> {
  const headers = await page.locator("#device-table thead th").allInnerTexts();
  const texts = await row(page, id).locator("th, td").allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[ ↕▲▼]+$/, ""), texts[i]]));
}

/** Ids of the rows shown, top to bottom. */
function shownIds(page: Page): Promise<string[]> {
  // A row's Device cell must name the device the row is for: rows are reused as the order changes.
  return page.locator("#device-rows tr[data-id]").evaluateAll((rows) =>
    rows.map((r) => {
      const id = r.getAttribute("data-id") ?? "";
      const shown = r.querySelector("th")?.textContent ?? "";
      return shown === id ? id : `${id} (showing ${shown})`;
    })
  );
}

/** Waits until the rows shown are `ids`, in that order. */
async function waitForIds(page: Page, ids: string[]): Promise<void> {
  await waitFor(`rows ${ids.join(", ")}`, async () => {
    return JSON.stringify(await shownIds(page)) === JSON.stringify(ids);
  });
}

/** `GET /devices` requests the page made (the WebSocket excluded). */
function deviceFetches(requests: string[]): string[] {
  return requests.filter((url) => new URL(url).pathname === "/devices");
}

Deno.test({
  name: "the Devices table fills in from /devices, then follows events: offline and back online",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    await using early = await device(relay, "esp32-early");
    early.socket.send(
      firmwareStatus("esp32-early", { uptime: 61, usage: 812, blinking: true, ip: "10.0.0.7" }),
    );
    await retained(relay, 1);
    await using session = await openConsole(relay);
    const { page } = session;
    await connect(page, "console-dev");
    await waitForState(page, "Open");

    await row(page, "esp32-early").waitFor();
    const { "Last seen": seen, "Connected since": since, ...rest } = await cells(
      page,
      "esp32-early",
    );
    assert.deepEqual(rest, {
      "": "",
      Device: "esp32-early",
      State: "online",
      Uptime: "1m 1s",
      "Memory (JsVars)": "812 / 2500",
      "Wi-Fi": "up 10.0.0.7",
      LED: "blinking",
      Firmware: "—",
      Update: "",
      "Last disconnect": "",
      "Last reply": "",
    });
    assert.match(seen, CLOCK);
    assert.match(since, CLOCK);
    const fetchesAfterOpen = deviceFetches(session.requests).length;

    // A device that comes while the page is open arrives by event, with its status.
    await using late = await device(relay, "esp32-late");
    await row(page, "esp32-late").waitFor();
    late.socket.send(firmwareStatus("esp32-late", { uptime: 5, usage: 900, blinking: false }));
    await row(page, "esp32-late").locator("td", { hasText: "900 / 2500" }).waitFor();
    const lateCells = await cells(page, "esp32-late");
    assert.equal(lateCells.LED, "off");
    assert.equal(lateCells["Wi-Fi"], "joining");
    assert.match(await page.locator("#device-count").innerText(), /2 · 2 online/);

    // Going offline: the state, the reason and an announcement; the status stays.
    early.socket.close(1000, "going to sleep");
    await early.closed;
    await row(page, "esp32-early").locator("td.state-offline").waitFor();
    let earlyCells = await cells(page, "esp32-early");
    assert.match(
      earlyCells["Last disconnect"],
      new RegExp(`^1000 going to sleep · ${CLOCK.source.slice(1)}`),
    );
    assert.equal(earlyCells["Connected since"], "");
    assert.equal(earlyCells.Uptime, "1m 1s", "the last known status stays");
    await page.locator("#device-announce", { hasText: "esp32-early went offline." }).waitFor();
    assert.match(await page.locator("#device-count").innerText(), /2 · 1 online/);

    // Back online.
    await using _again = await device(relay, "esp32-early");
    await row(page, "esp32-early").locator("td.state-online").waitFor();
    earlyCells = await cells(page, "esp32-early");
    assert.match(earlyCells["Connected since"], CLOCK);
    await page.locator("#device-announce", { hasText: "esp32-early came online." }).waitFor();

    // All of that came by events on the page's own connection: no polling of /devices.
    assert.equal(deviceFetches(session.requests).length, fetchesAfterOpen);
    assert.ok(
      session.requests.some((url) => url.endsWith("/console-dev?events=1&mark=1")),
      "the page asks for events on its own connection",
    );
    // Events feed the table, not the message log; the devices' own messages are logged.
    assert.equal(await page.getByRole("log").locator("li", { hasText: '"event"' }).count(), 0);
    await page.getByRole("log").locator("li", { hasText: '"uptime":5' }).waitFor();
  },
});

Deno.test({
  name: "the Devices table sorts by any column, filters by text and state, and selects rows",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay();
    const facts: [string, number][] = [
      ["kitchen-2", 300],
      ["kitchen-1", 20],
      ["garage", 4000],
      ["attic", 7],
    ];
    const online: TestClient[] = [];
    for (const [id, uptime] of facts) {
      const client = await device(relay, id);
      client.socket.send(firmwareStatus(id, { uptime, usage: 100 + uptime, blinking: true }));
      online.push(client);
    }
    // Two devices that have left, one of them without any status.
    for (const id of ["porch", "shed"]) {
      const client = await device(relay, id);
      if (id === "porch") {
        client.socket.send(firmwareStatus(id, { uptime: 50, usage: 150, blinking: false }));
      }
      client.socket.close(1000, "bye");
      await client.closed;
    }
    await retained(relay, 5);
    try {
      await using session = await openConsole(relay);
      const { page } = session;
      await connect(page, "console-sort");
      await waitForState(page, "Open");
      const all = ["attic", "garage", "kitchen-1", "kitchen-2", "porch", "shed"];
      await waitForIds(page, all);
      const header = (name: string) => page.locator("#device-table thead th", { hasText: name });
      assert.equal(await header("Device").getAttribute("aria-sort"), "ascending");

      // A click reverses; another column sorts ascending, blanks last either way.
      await header("Device").getByRole("button").click();
      await waitForIds(page, [...all].reverse());
      assert.equal(await header("Device").getAttribute("aria-sort"), "descending");
      await header("Uptime").getByRole("button").click();
      await waitForIds(page, ["attic", "kitchen-1", "porch", "kitchen-2", "garage", "shed"]);
      assert.equal(await header("Uptime").getAttribute("aria-sort"), "ascending");
      assert.equal(await header("Device").getAttribute("aria-sort"), null);
      // From the keyboard.
      await header("Uptime").getByRole("button").press("Enter");
      await waitForIds(page, ["garage", "kitchen-2", "porch", "kitchen-1", "attic", "shed"]);
      assert.equal(await header("Uptime").getAttribute("aria-sort"), "descending");
      await header("State").getByRole("button").click();
      await waitForIds(page, ["attic", "garage", "kitchen-1", "kitchen-2", "porch", "shed"]);

      // Filters.
      await page.getByLabel("Filter").fill("KITCHEN");
      await waitForIds(page, ["kitchen-1", "kitchen-2"]);
      assert.match(await page.locator("#device-shown").innerText(), /2 of 6 shown/);
      await page.getByLabel("Filter").fill("");
      await page.getByLabel("State").selectOption("offline");
      await waitForIds(page, ["porch", "shed"]);
      await page.getByLabel("Filter").fill("bye");
      await waitForIds(page, ["porch", "shed"]);
      await page.getByLabel("Filter").fill("porch");
      await waitForIds(page, ["porch"]);
      await page.getByLabel("Filter").fill("");
      await page.getByLabel("State").selectOption("online");
      await waitForIds(page, ["attic", "garage", "kitchen-1", "kitchen-2"]);

      // Select all of the rows shown, then one less; the count follows.
      const selectAll = page.getByLabel("Select every device shown");
      await selectAll.check();
      await page.locator("#device-selected", { hasText: /^4 selected$/ }).waitFor();
      await row(page, "garage").getByLabel("Select garage").uncheck();
      await page.locator("#device-selected", { hasText: /^3 selected$/ }).waitFor();
      assert.equal(
        await selectAll.evaluate((box) =>
          (box as unknown as { indeterminate: boolean }).indeterminate
        ),
        true,
      );
      await page.getByLabel("State").selectOption("offline");
      await page.locator("#device-selected", { hasText: "3 selected (3 not shown)" }).waitFor();
      await selectAll.check();
      await page.getByLabel("State").selectOption("all");
      await page.locator("#device-selected", { hasText: /^5 selected$/ }).waitFor();
      assert.equal(await row(page, "porch").getAttribute("class"), "selected");

      // A device of the filtered-out kind going offline leaves the shown rows.
      await page.getByLabel("State").selectOption("online");
      await waitForIds(page, ["attic", "garage", "kitchen-1", "kitchen-2"]);
      online[0].socket.close(1000, "bye");
      await waitForIds(page, ["attic", "garage", "kitchen-1"]);
    } finally {
      for (const client of online) await client[Symbol.asyncDispose]();
    }
  },
});

Deno.test({
  name: "Devices with a token: fetched with it in a header, and a wrong or device token explained",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ token: TOKEN });
    await using _device = await device(relay, "esp32-tok", `&token=${TOKEN}`);
    await using session = await openConsole(relay);
    const { page } = session;
    const note = page.locator("#devices-note");
    await note.filter({ hasText: "requires a token to list devices" }).waitFor();

    const headers: (string | undefined)[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/devices") {
        headers.push(request.headers()["authorization"]);
      }
    });
    await connect(page, "console-tok", "wrong");
    await page.locator("#status-detail", { hasText: "refused the token" }).waitFor();
    await page.locator("#refresh-devices").click();
    await note.filter({ hasText: "The relay refused the token (401" }).waitFor();
    assert.equal(await row(page, "esp32-tok").count(), 0);

    await connect(page, "console-tok", TOKEN);
    await waitForState(page, "Open");
    await row(page, "esp32-tok").waitFor();
    assert.equal(await note.innerText(), "");
    assert.deepEqual(headers.filter((h) => h !== undefined), ["Bearer wrong", `Bearer ${TOKEN}`]);
    for (const url of deviceFetches(session.requests)) {
      assert.equal(new URL(url).search, "", "the token never goes in the URL of /devices");
    }
  },
});

Deno.test({
  name: "Devices with per-client tokens: a device's token is told it needs an operator's",
  ignore: skipBrowser,
  async fn() {
    await using relay = startTestRelay({ jwtSecret: SECRET });
    const deviceToken = await mintToken({ secret: SECRET, sub: "esp32-jwt", role: "device" });
    await using _device = await TestClient.open(
      `${relay.url}esp32-jwt?token=${deviceToken}`,
    );
    await using session = await openConsole(relay);
    const { page } = session;
    const note = page.locator("#devices-note");

    const consoleAsDevice = await mintToken({ secret: SECRET, sub: "console-jwt", role: "device" });
    await connect(page, "console-jwt", consoleAsDevice);
    await waitForState(page, "Open");
    await note.filter({ hasText: "needs an operator's token" }).waitFor();
    assert.match(await note.innerText(), /403: only operators may read this/);
    assert.equal(await page.locator("#device-rows tr[data-id]").count(), 0);

    await page.getByRole("button", { name: "Disconnect", exact: true }).click();
    await waitForState(page, "Closed");
    const operator = await mintToken({ secret: SECRET, sub: "console-jwt", role: "operator" });
    await connect(page, "console-jwt", operator);
    await waitForState(page, "Open");
    await row(page, "esp32-jwt").waitFor();
    await waitFor("the note to clear", async () => (await note.innerText()) === "");
  },
});

Deno.test({
  name: "screenshot: the Devices table, wide, with nothing wider than the screen",
  ignore: skipBrowser,
  async fn() {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await using relay = startTestRelay();
    const clients: TestClient[] = [];
    try {
      const boards = [
        ["esp32-kitchen", 86_400 + 3_723, 812, true, "192.168.1.50"],
        ["esp32-garage", 4_000, 1_204, false, "192.168.1.51"],
        ["esp32-attic", 12, 640, true, "192.168.1.52"],
        ["esp32-porch", 731, 990, true, ""],
      ] as const;
      for (const [id, uptime, usage, blinking, ip] of boards) {
        const client = await device(relay, id);
        client.socket.send(firmwareStatus(id, { uptime, usage, blinking, ip }));
        clients.push(client);
      }
      const gone = await device(relay, "esp32-shed");
      gone.socket.send(firmwareStatus("esp32-shed", { uptime: 52, usage: 700, blinking: true }));
      gone.socket.close(1000, "powering down");
      await gone.closed;
      await using session = await openConsole(relay, { viewport: { width: 1280, height: 900 } });
      const { page } = session;
      await connect(page, "console-shot");
      await waitForState(page, "Open");
      await waitForIds(page, [
        "esp32-attic",
        "esp32-garage",
        "esp32-kitchen",
        "esp32-porch",
        "esp32-shed",
      ]);
      await row(page, "esp32-shed").locator("td", { hasText: "700 / 2500" }).waitFor();
      await row(page, "esp32-garage").getByLabel("Select esp32-garage").check();
      await row(page, "esp32-kitchen").getByLabel("Select esp32-kitchen").check();
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      assert.equal(overflow, 0, "the page must not scroll sideways");
      await page.locator("section.devices").screenshot({
        path: new URL("console-devices.png", ARTIFACTS).pathname,
      });
    } finally {
      for (const client of clients) await client[Symbol.asyncDispose]();
    }
  },
});
