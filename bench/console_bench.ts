/**
 * `deno task bench:console`: the browser console's Devices table with a
 * fleet. A relay (`server.ts` in its own process) holds 2,000 devices
 * (`?role=device`, each sending the SOS firmware's retained status); the
 * console runs in headless Chromium (testing/console_browser.ts) and:
 *
 * - renders the 2,000: the page's own `devices-render` measure, from the
 *   answer of `GET /devices` to the frame after the table is drawn, on
 *   fresh page loads;
 * - stays responsive while the relay sends it about 600 events a second
 *   (devices sending status, going offline and coming back): the gaps
 *   between the page's animation frames, its long tasks, and the time from
 *   a keystroke in the filter to the table drawn.
 *
 * At the end the table must agree with the relay's `/devices` (the run
 * fails otherwise): the figures are of a page that kept up.
 *
 * Flags and their defaults: `deno task bench:console -- --help`. Writes its
 * section of docs/console.md.
 *
 * @module
 */

import type { Page } from "npm:playwright-core@1.65.1";
import { connect, openConsole, waitForState } from "../testing/console_browser.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { formatMarkdown } from "./markdown.ts";
import * as cli from "../relay/cli_args.ts";

const { values: flags } = cli.parseOrExit(
  cli.defineCommand({
    usage: ["deno task bench:console [-- FLAGS]"],
    flags: {
      devices: cli.flag(cli.integer(1, 100_000), {
        value: "N",
        default: 2000,
        help: "devices connected",
      }),
      rate: cli.flag(cli.integer(1, 100_000), {
        value: "N",
        default: 600,
        help: "events a second the console gets",
      }),
      seconds: cli.flag(cli.decimal(1, 3600, "seconds"), {
        value: "S",
        default: 10,
        help: "how long the events go on",
      }),
      loads: cli.flag(cli.integer(1, 100), { value: "N", default: 7, help: "page loads timed" }),
      noWrite: cli.toggle({ help: "print the figures only, without writing docs/console.md" }),
    },
  }),
  { program: "bench:console" },
);
const DEVICES = flags.devices;
const RATE = flags.rate;
const SECONDS = flags.seconds;
const LOADS = flags.loads;
const TICK_MS = 100;
const DOC = new URL("../docs/console.md", import.meta.url);
const START = "<!-- bench:console:start -->";
const END = "<!-- bench:console:end -->";

/** The SOS firmware's retained status, as device/firmware/main.ts sends it. */
function status(id: string, uptime: number): string {
  const usage = 600 + (uptime * 7) % 900;
  return JSON.stringify({
    from: id,
    retain: true,
    status: {
      uptime,
      memory: { free: 2500 - usage, usage, total: 2500 },
      wifi: { state: "up", ip: `10.0.${(uptime >> 8) & 255}.${uptime & 255}` },
      connection: "open",
      counters: { sent: uptime, received: 1 },
      queued: 0,
      cycles: uptime,
      sent: uptime,
      blinking: uptime % 2 === 0,
    },
  });
}

/** Opens a device that sends its status once open, as the firmware does on each connect. */
function openDevice(base: string, id: string, uptime: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base}${id}?role=device`);
    socket.onopen = () => {
      socket.send(status(id, uptime));
      resolve(socket);
    };
    socket.onerror = (event) => reject(new Error(`${id}: ${(event as ErrorEvent).message}`));
  });
}

function closed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.addEventListener("close", () => resolve()));
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * Waits for the page's `devices-render` measure (polled from here: the page's
 * policy forbids the string evaluation Playwright's waitForFunction polls with).
 */
async function measured(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!await page.evaluate(`performance.getEntriesByName("devices-render").length > 0`)) {
    if (Date.now() > deadline) throw new Error("the page measured no devices-render");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  await using relay = await startRelayProcess();
  const sockets: WebSocket[] = [];
  const ids = Array.from({ length: DEVICES }, (_, i) => `esp32-${String(i).padStart(4, "0")}`);
  for (let i = 0; i < DEVICES; i += 100) {
    sockets.push(
      ...await Promise.all(ids.slice(i, i + 100).map((id, j) => openDevice(relay.url, id, i + j))),
    );
  }
  const online = async () =>
    (await (await fetch(`${relay.httpUrl}/devices`)).json() as { online: boolean }[])
      .filter((d) => d.online).length;
  while (await online() !== DEVICES) await new Promise((r) => setTimeout(r, 100));
  console.log(`${DEVICES} devices online`);

  await using session = await openConsole(relay, { viewport: { width: 1280, height: 900 } });
  const { page } = session;
  const countText = `(${DEVICES} · ${DEVICES} online)`;

  // Rendering: fresh page loads, each fetching /devices once.
  const renders: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    if (i > 0) await page.reload();
    await page.locator("#device-count", { hasText: countText }).waitFor({ timeout: 30_000 });
    await measured(page);
    renders.push(
      await page.evaluate(`performance.getEntriesByName("devices-render")[0].duration`) as number,
    );
  }
  // The same on a page already loaded: Refresh fetches /devices again.
  const refreshes: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.evaluate(`performance.clearMeasures("devices-render")`);
    await page.locator("#refresh-devices").click();
    await measured(page);
    refreshes.push(
      await page.evaluate(`performance.getEntriesByName("devices-render")[0].duration`) as number,
    );
  }
  const refreshSorted = [...refreshes].sort((a, b) => a - b);
  console.log(`refresh ${DEVICES}: ${refreshes.map((r) => r.toFixed(0)).join(", ")} ms`);
  const renderSorted = [...renders].sort((a, b) => a - b);
  console.log(`render ${DEVICES}: ${renders.map((r) => r.toFixed(0)).join(", ")} ms`);

  // Live: the page's own connection with events.
  await connect(page, "console-bench");
  await waitForState(page, "Open");
  await page.locator("#device-count", { hasText: countText }).waitFor({ timeout: 30_000 });

  // An operator of our own counts the events the relay sends.
  let events = 0;
  const counter = new WebSocket(`${relay.url}bench-counter?events=1`);
  counter.onmessage = (event) => {
    if (typeof event.data === "string" && event.data.startsWith('{"event":')) events++;
  };
  await new Promise((resolve) => counter.onopen = resolve);

  await page.evaluate(`(() => {
    const frames = [];
    const longTasks = [];
    window.__bench = { frames, longTasks, inputs: [], running: true };
    const tick = (t) => { frames.push(t); if (window.__bench.running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
  })()`);

  // Each tick: a fifth of the events are devices leaving and coming back (an
  // offline, then an online and the status sent on connect), the rest status updates.
  // Ticks start on a fixed schedule (tick k at k × TICK_MS), whatever the one before took:
  // devices reconnect in the background, and a late tick does not push the others back.
  const perTick = (RATE * TICK_MS) / 1000;
  const churn = Math.max(1, Math.round(perTick / 15));
  const updates = Math.max(0, Math.round(perTick - churn * 3));
  const returning: Promise<void>[] = [];
  let away: number[] = [];
  let next = 0;
  let uptime = DEVICES;
  const eventsBefore = events;
  const started = performance.now();
  const ticks = Math.round((SECONDS * 1000) / TICK_MS);
  for (let tick = 0; tick < ticks; tick++) {
    const wait = started + tick * TICK_MS - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const back = away;
    away = [];
    for (let k = 0; k < churn; k++) {
      const i = next++ % DEVICES;
      // Not one still coming back from the tick before.
      if (sockets[i].readyState !== WebSocket.OPEN) continue;
      sockets[i].close(1000, "bench");
      away.push(i);
    }
    for (let k = 0; k < updates; k++) {
      const i = next++ % DEVICES;
      if (sockets[i].readyState === WebSocket.OPEN) sockets[i].send(status(ids[i], uptime++));
    }
    for (const i of back) {
      returning.push((async () => {
        await closed(sockets[i]);
        sockets[i] = await openDevice(relay.url, ids[i], uptime++);
      })());
    }
    // Once a second, a keystroke in the filter, timed until the table is drawn.
    if (tick % (1000 / TICK_MS) === 0) {
      await page.evaluate(`(() => {
        const input = document.getElementById("device-filter");
        const t0 = performance.now();
        input.value = input.value ? "" : "esp32-01";
        input.dispatchEvent(new Event("input"));
        requestAnimationFrame(() => setTimeout(() => window.__bench.inputs.push(performance.now() - t0)));
      })()`);
    }
  }
  const wait = started + ticks * TICK_MS - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const elapsed = (performance.now() - started) / 1000;
  const eventRate = (events - eventsBefore) / elapsed;
  await Promise.all(returning);
  const result = await page.evaluate(`(() => {
    window.__bench.running = false;
    return window.__bench;
  })()`) as { frames: number[]; longTasks: number[]; inputs: number[] };
  await page.evaluate(`(() => {
    const input = document.getElementById("device-filter");
    input.value = "";
    input.dispatchEvent(new Event("input"));
  })()`);

  // The table must agree with the relay once the load stops.
  const want = await online();
  const agreed = `(${DEVICES} · ${want} online)`;
  await page.locator("#device-count", { hasText: agreed }).waitFor({ timeout: 30_000 });
  counter.close();
  await closed(counter);

  const gaps = result.frames.slice(1).map((t, i) => t - result.frames[i]).sort((a, b) => a - b);
  const inputs = [...result.inputs].sort((a, b) => a - b);
  const fps = result.frames.length / elapsed;
  const longTotal = result.longTasks.reduce((a, b) => a + b, 0);
  const cores = navigator.hardwareConcurrency;
  const load = (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3).join(" ");

  const report = `${START}

Measured by \`deno task bench:console\` (bench/console_bench.ts) on ${cores} cores shared with
other work (load average ${load} at the end): a relay process holding ${DEVICES} devices, the
console in headless Chromium.

| what                                                       | figure                                                  |
| ---------------------------------------------------------- | ------------------------------------------------------- |
| ${DEVICES} devices: \`/devices\` answered → table drawn (${LOADS} page loads) | median ${
    ms(quantile(renderSorted, 0.5))
  }, slowest ${ms(renderSorted[renderSorted.length - 1])} |
| the same, on Refresh (${LOADS} times)  | median ${ms(quantile(refreshSorted, 0.5))}, slowest ${
    ms(refreshSorted[refreshSorted.length - 1])
  } |
| events the relay sent the page                             | ${
    eventRate.toFixed(0)
  } a second for ${elapsed.toFixed(0)} s (status, offline, online) |
| animation frames meanwhile                                 | ${
    fps.toFixed(0)
  } a second; gap median ${ms(quantile(gaps, 0.5))}, p99 ${ms(quantile(gaps, 0.99))}, longest ${
    ms(gaps[gaps.length - 1] ?? NaN)
  } |
| long tasks (over 50 ms) meanwhile                          | ${result.longTasks.length}, ${
    ms(longTotal)
  } in all |
| a keystroke in the filter → table drawn, meanwhile         | median ${
    ms(quantile(inputs, 0.5))
  }, slowest ${ms(inputs[inputs.length - 1] ?? NaN)} (${inputs.length} keystrokes) |

At the end the table agreed with the relay's \`/devices\` (${want} of ${DEVICES} online).

${END}`;
  for (const socket of sockets) socket.close();
  await Promise.all(sockets.map(closed));
  console.log(report);
  if (flags.noWrite) return;
  const doc = await Deno.readTextFile(DOC);
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from === -1 || to === -1) throw new Error(`docs/console.md has no ${START} … ${END} section`);
  await Deno.writeTextFile(
    DOC,
    await formatMarkdown(doc.slice(0, from) + report + doc.slice(to + END.length)),
  );
  console.log("wrote docs/console.md");
}

if (import.meta.main) await main();
