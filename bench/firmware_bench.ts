/**
 * Firmware benchmark: the minified size of `dist/firmware.js` as
 * `deno task build` makes it, and on the virtual board against the real
 * relay, the worst LED timing error under each fault.
 *
 * Run: `deno run -A bench/firmware_bench.ts` (writes docs/firmware.md).
 *
 * @module
 */

import { buildFirmware } from "../tools/build.ts";
import { parseDeviceConfig } from "../tools/device_config.ts";
import { sosTimingError } from "../tools/sos_timing.ts";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { type RelayProcess, startRelayProcess } from "../tests/relay_process.ts";
import { formatMarkdown } from "./markdown.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** The relay as `deno task serve` runs it, in a child process (the tests' launcher). */
async function startRelay(port = 0): Promise<RelayProcess> {
  return await startRelayProcess(["--port", String(port)]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scenario {
  name: string;
  /** Runs the fault against the board; returns the relay in use afterwards. */
  run(board: VirtualBoard, relay: RelayProcess): Promise<RelayProcess>;
}

/**
 * Kills the relay and restarts it on the same port; with `blockMs`, the
 * board's next connect attempt blocks its JavaScript that long meanwhile.
 */
function relayOutage(blockMs: number): Scenario["run"] {
  return async (board, relay) => {
    await sleep(1500);
    await relay.stop("SIGKILL");
    if (blockMs > 0) board.faults.blockConnect(blockMs);
    await sleep(Math.max(3000, blockMs + 1000));
    const again = await startRelay(relay.port);
    await sleep(3000);
    return again;
  };
}

const SCENARIOS: Scenario[] = [
  { name: "steady (no fault)", run: async (_b, relay) => (await sleep(7000), relay) },
  {
    name: "Wi-Fi lost for 3 s",
    run: async (board, relay) => {
      await sleep(1500);
      board.wifi.down("BEACON_TIMEOUT");
      await sleep(3000);
      board.wifi.up();
      await sleep(3000);
      return relay;
    },
  },
  { name: "relay killed, back after 3 s", run: relayOutage(0) },
  { name: "connect blocks the JavaScript for 1.5 s", run: relayOutage(1500) },
  // Past the roughly 2.5 s of pulses queued ahead, the LED has to wait for the JavaScript.
  {
    name: "connect blocks the JavaScript for 4 s (beyond the queued pulses)",
    run: relayOutage(4000),
  },
  {
    name: "flood of 2000 messages",
    run: async (_board, relay) => {
      await sleep(1500);
      const socket = new WebSocket(`ws://127.0.0.1:${relay.port}/flooder`);
      await new Promise((resolve) => socket.onopen = resolve);
      for (let i = 0; i < 2000; i++) socket.send(`flood ${i} ${"x".repeat(200)}`);
      await sleep(5000);
      const closed = new Promise((resolve) => socket.onclose = resolve);
      socket.close();
      await closed;
      return relay;
    },
  },
];

async function main(): Promise<void> {
  const results: { name: string; worstMs: number; spans: number }[] = [];
  let size = 0;
  for (const scenario of SCENARIOS) {
    let relay = await startRelay();
    const config = parseDeviceConfig(JSON.stringify({
      server: `ws://127.0.0.1:${relay.port}/`,
      clientId: "bench-board",
      wifi: { ssid: "bench", password: "password1", attempts: 3, delayMs: 200 },
      rehandshakeEvery: 0,
    }));
    const { code, bytes } = await buildFirmware({ config });
    size = bytes;
    const board = await VirtualBoard.boot({ code, wifi: { ssid: "bench", password: "password1" } });
    try {
      relay = await scenario.run(board, relay);
      const timing = sosTimingError(board.pinLog("LED1"), config.pattern);
      results.push({ name: scenario.name, worstMs: timing.worstMs, spans: timing.spans });
      console.error(`firmware_bench: ${scenario.name}: worst ${timing.worstMs.toFixed(2)} ms`);
    } finally {
      await board.stop();
      await relay.stop("SIGKILL");
    }
  }
  const example = parseDeviceConfig(await Deno.readTextFile(`${ROOT}config/device.example.json`));
  const exampleSize = (await buildFirmware({ config: example })).bytes;
  const lines = [
    "# Firmware figures",
    "",
    `Measured on ${
      new Date().toISOString().slice(0, 10)
    } with \`deno run -A bench/firmware_bench.ts\`` +
    ` (Deno ${Deno.version.deno}).`,
    "",
    "## Size",
    "",
    `- \`dist/firmware.js\` from \`config/device.example.json\`: **${exampleSize} bytes** minified ` +
    `(goal: under 12 KB, ${exampleSize < 12 * 1024 ? "met" : "not met"}).`,
    `- With the benchmark's configuration: ${size} bytes.`,
    "",
    "## LED timing under faults",
    "",
    "The firmware runs on the virtual board (`virtual_board/`) against `server.ts`; the LED's",
    "recorded transitions are compared span by span with the default SOS (200/400 ms on, 50 ms",
    "off, 400 ms pause). The board logs each transition at the time the hardware timer would make",
    "it, so a stall of the JavaScript shows up only if the pulse queue runs dry.",
    "",
    "| fault | spans checked | worst error (ms) |",
    "|---|--:|--:|",
    ...results.map((r) => `| ${r.name} | ${r.spans} | ${r.worstMs.toFixed(2)} |`),
    "",
  ];
  const report = await formatMarkdown(lines.join("\n"));
  console.log(report);
  await Deno.writeTextFile(`${ROOT}docs/firmware.md`, report);
}

if (import.meta.main) await main();
