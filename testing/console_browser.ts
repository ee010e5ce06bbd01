/**
 * The browser side of the console tests and benchmark: Debian's `chromium`
 * driven through `npm:playwright-core`, opening a relay's console page.
 *
 * Without /usr/bin/chromium the browser tests are skipped with a warning,
 * except in CI (`CI=true`), where they fail: CI must install it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { type Browser, chromium, type Locator, type Page } from "npm:playwright-core@1.65.1";

/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";
/** Flags that let Chromium run headless in a container with no network beyond the relay. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Where tests put screenshots. */
export const ARTIFACTS = new URL("../test-artifacts/", import.meta.url);

function chromiumInstalled(): boolean {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
}

const inCI = Deno.env.get("CI") === "true";
/** Whether Chromium is missing. */
export const chromiumMissing = !chromiumInstalled();
/** Browser tests are skipped only outside CI; in CI they run and fail with a clear message. */
export const skipBrowser = chromiumMissing && !inCI;
if (skipBrowser) {
  console.warn(
    `${CHROMIUM} not found, skipping the console's browser tests ` +
      "(install it with: apt-get install -y chromium)",
  );
}

/** A console page in its own browser; disposing closes the browser. */
export interface ConsolePage extends AsyncDisposable {
  page: Page;
  /** Every URL the page requested, WebSockets included. */
  requests: string[];
}

/** Launches Chromium, opens the relay's `/` and waits for the page's script to be running. */
export async function openConsole(
  relay: { httpUrl: string },
  options: {
    viewport?: { width: number; height: number };
    /** Accept the relay's certificate from a test CA the browser does not know. */
    ignoreHTTPSErrors?: boolean;
    /**
     * Open the page as `http://<hostName>:<port>/`, the name resolved to the relay's loopback
     * address by the browser alone (`--host-resolver-rules`): a name that is not localhost, as
     * a relay's LAN address is, so the page is not a secure context (no `crypto.subtle`).
     */
    hostName?: string;
  } = {},
): Promise<ConsolePage> {
  if (chromiumMissing) {
    throw new Error(
      `${CHROMIUM} is missing: CI must install Debian's Chromium (apt-get install -y chromium)`,
    );
  }
  const pageUrl = new URL(relay.httpUrl);
  const args = [...CHROMIUM_ARGS];
  if (options.hostName !== undefined) {
    args.push(
      `--host-resolver-rules=MAP ${options.hostName} ${pageUrl.hostname}`,
      // Else Chromium first tries https:// for a name that is not localhost.
      "--disable-features=HttpsUpgrades",
    );
    pageUrl.hostname = options.hostName;
  }
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args });
  const requests: string[] = [];
  const problems: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("request", (request) => requests.push(request.url()));
    page.on("websocket", (socket) => requests.push(socket.url()));
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) problems.push(message.text());
    });
    const response = await page.goto(new URL("/", pageUrl).href);
    assert.equal(response?.status(), 200);
    assert.match(
      (await response?.headerValue("content-security-policy")) ?? "",
      /default-src 'none'/,
    );
    // The script fills in a random id once it runs.
    await page.waitForFunction("document.getElementById('client-id').value.startsWith('console-')");
    return {
      page,
      requests,
      async [Symbol.asyncDispose]() {
        await browser.close();
        assert.deepEqual(problems, [], "the page must run without errors or CSP violations");
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Fills in the connection form and connects. */
export async function connect(page: Page, id: string, token?: string): Promise<void> {
  await page.getByLabel("Client id").fill(id);
  if (token !== undefined) await page.getByLabel("Token").fill(token);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
}

/** Waits until the status bar shows `state` (e.g. "Open"); returns the status element. */
export async function waitForState(page: Page, state: string): Promise<Locator> {
  const status = page.getByRole("status");
  await status.locator(".status-state", { hasText: state }).waitFor();
  return status;
}

/** The Devices table's row of a board. */
export function row(page: Page, id: string): Locator {
  return page.locator(`#device-rows tr[data-id="${id}"]`);
}

/** Selects exactly these boards in the Devices table. */
export async function select(page: Page, ids: string[]): Promise<void> {
  const all = page.getByLabel("Select every device shown");
  await all.check();
  await all.uncheck();
  // The rows are drawn once a frame: until the count says none, a row may still show the box
  // checked, and check() would leave it be.
  await page.locator("#device-selected", { hasText: /^0 selected$/ }).waitFor();
  for (const id of ids) await page.getByLabel(`Select ${id}`, { exact: true }).check();
  await page.locator("#device-selected", { hasText: `${ids.length} selected` }).waitFor();
}
