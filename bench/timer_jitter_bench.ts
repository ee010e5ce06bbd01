/**
 * The real interpreter's own LED timing noise, as the baseline for the
 * firmware's figures (docs/firmware.md): on `espruino-esp32c3`, for N minutes
 * each,
 * - trains of 13 `digitalPulse` pulses of 50 ms queued in ONE call, which
 *   jstimer.c plays exactly (no JavaScript between the edges);
 * - the SOS blinker alone (`device/firmware/sos.ts`, no network).
 *
 * Both with a little JavaScript work every 200 ms. Whatever error the first
 * shows is the emulation's (its timer thread is an ordinary Linux thread
 * standing in for the hardware timer), not any schedule's.
 *
 * Run: `deno task bench:timer [-- --minutes 3]` (prints the figures). Needs the
 * interpreter (`ESPRUINO_BIN`; see tools/espruino_linux/README.md).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { bundleDevice } from "../tools/bundle.ts";
import { parseDeviceConfig } from "../tools/device_config.ts";
import { EspruinoProcess, findEspruino, type PinEdge } from "../tools/espruino_process.ts";
import { sosTimingError } from "../tools/sos_timing.ts";

/** The firmware's default pattern: what a configuration without one plays. */
const PATTERN = parseDeviceConfig(JSON.stringify({ server: "ws://127.0.0.1:8000/" })).pattern;
const BUSY = "setInterval(function () { var s = ''; for (var i = 0; i < 300; i++) s += i; }, 200);";

/** Runs `script` for `seconds` and returns the LED's edges. */
async function ledEdges(binary: string, script: string, seconds: number): Promise<PinEdge[]> {
  await using board = EspruinoProcess.start({ binary, script: `${script}\n${BUSY}` });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return await board.pinEdges("D2");
}

/** Worst error of 50 ms pulses queued in one call, and how many spans were over 1 ms. */
async function pulseTrains(binary: string, seconds: number) {
  const times = new Array(13).fill(50).join(",");
  const edges = await ledEdges(
    binary,
    `setInterval(function () { digitalPulse(D2, 1, [${times}]); }, 2000);`,
    seconds,
  );
  let worstMs = 0;
  let spans = 0;
  let overOneMs = 0;
  for (let i = 1; i < edges.length; i++) {
    const span = edges[i].atMs - edges[i - 1].atMs;
    if (span > 500) continue; // the gap between two trains
    const error = Math.abs(span - 50);
    worstMs = Math.max(worstMs, error);
    if (error > 1) overOneMs++;
    spans++;
  }
  return { worstMs, spans, overOneMs };
}

/** Worst error of the SOS blinker alone, from its second cycle. */
async function blinkerAlone(binary: string, seconds: number) {
  const code = await bundleDevice({
    entry: new URL("../device/firmware/blinker_demo.ts", import.meta.url),
    define: { DEMO_PATTERN: JSON.stringify(PATTERN) },
  });
  const edges = await ledEdges(binary, code, seconds);
  const first = edges.findIndex((edge) => edge.level === 1);
  const timing = sosTimingError(
    edges.slice(first + 18).map((edge) => ({ value: edge.level, time: edge.atMs })),
    PATTERN,
  );
  return { worstMs: timing.worstMs, spans: timing.spans };
}

if (import.meta.main) {
  const args = Deno.args[0] === "--" ? Deno.args.slice(1) : Deno.args;
  const { values } = parseArgs({ args, options: { minutes: { type: "string" } } });
  const minutes = Number(values.minutes ?? 3);
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${values.minutes}`);
  const binary = findEspruino("esp32c3");
  if (!binary) {
    throw new Error(
      "the real Espruino interpreter was not found: set ESPRUINO_BIN (see tools/espruino_linux/README.md)",
    );
  }
  const [load1] = Deno.loadavg();
  const pulses = await pulseTrains(binary, minutes * 60);
  const blinker = await blinkerAlone(binary, minutes * 60);
  console.log(
    `espruino-esp32c3, ${minutes} min each, load average ${load1.toFixed(2)} at the start:\n` +
      `  digitalPulse trains (one call each): worst ${pulses.worstMs.toFixed(2)} ms over ` +
      `${pulses.spans} spans, ${pulses.overOneMs} over 1 ms\n` +
      `  SOS blinker alone: worst ${blinker.worstMs.toFixed(2)} ms over ${blinker.spans} spans`,
  );
}
