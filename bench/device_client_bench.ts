/**
 * Benchmark of the device WebSocket client: the size of the minified bundle
 * that would be flashed, and the time from a relay restart to the client's
 * reopened connection, measured with the bundle on the virtual board against
 * the real relay in a child process that is killed and restarted.
 *
 * Each round keeps the connection open `--uptime` ms (default 11000, past the client's
 * `stableMs`, so every outage starts from the shortest backoff), kills the relay with SIGKILL,
 * leaves it down `--downtime` ms and restarts it on the same port.
 *
 * `deno run -A bench/device_client_bench.ts [--rounds N] [--uptime MS] [--downtime MS]`
 *
 * @module
 */

import { bundleDevice } from "../tools/bundle.ts";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { startRelayProcess } from "../tests/relay_process.ts";

interface Settings {
  name: string;
  client: Record<string, number>;
}

const SETTINGS: Settings[] = [
  { name: "defaults (backoff 1–30 s)", client: {} },
  { name: "backoff 100 ms–2 s", client: { minBackoffMs: 100, maxBackoffMs: 2000 } },
];

function flag(name: string, fallback: number): number {
  const i = Deno.args.indexOf(name);
  return i < 0 ? fallback : Number(Deno.args[i + 1]);
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0].toFixed(0)} ms, median ${at(0.5).toFixed(0)} ms, max ${
    sorted.at(-1)!.toFixed(0)
  } ms`;
}

/** How the relay is treated in each round. */
interface Plan {
  rounds: number;
  uptimeMs: number;
  downtimeMs: number;
}

async function restartTimes(library: string, settings: Settings, plan: Plan): Promise<number[]> {
  let relay = await startRelayProcess();
  const port = relay.port;
  const options = { url: `ws://127.0.0.1:${port}/bench-board`, ...settings.client };
  const code = library + `
var opens = 0;
var ws = WS.createWebSocketClient(${JSON.stringify(options)});
ws.on("open", function () { opens++; });
ws.on("error", function () {});`;
  const board = await VirtualBoard.boot({ code, hasWifi: false });
  const opens = () => board.eval("opens") as number;
  const times: number[] = [];
  try {
    await until(() => opens() === 1, 10_000);
    for (let round = 0; round < plan.rounds; round++) {
      await new Promise((resolve) => setTimeout(resolve, plan.uptimeMs));
      await relay.stop("SIGKILL");
      await until(() => board.eval("ws.state()") !== "open", 10_000);
      await new Promise((resolve) => setTimeout(resolve, plan.downtimeMs));
      const before = opens();
      relay = await startRelayProcess(["--port", String(port)]);
      const restarted = performance.now();
      await until(() => opens() > before, 60_000);
      times.push(performance.now() - restarted);
    }
  } finally {
    await board.stop();
    await relay.stop("SIGKILL");
  }
  return times;
}

if (import.meta.main) {
  const plan = {
    rounds: flag("--rounds", 10),
    uptimeMs: flag("--uptime", 11000),
    downtimeMs: flag("--downtime", 2000),
  };
  const library = await bundleDevice({ entry: "device/ws/mod.ts", globalName: "WS" });
  const plain = await bundleDevice({ entry: "device/ws/mod.ts", globalName: "WS", minify: false });
  console.log(
    `device/ws/mod.ts bundle: ${library.length} bytes minified (${plain.length} unminified)`,
  );
  console.log(
    `relay restart → reopened connection, ${plan.rounds} rounds, up ${plan.uptimeMs} ms, ` +
      `down ${plan.downtimeMs} ms:`,
  );
  for (const settings of SETTINGS) {
    const times = await restartTimes(library, settings, plan);
    console.log(`  ${settings.name}: ${stats(times)}`);
  }
}
