/**
 * `deno task bench:engine`: the SOS firmware on the WebAssembly engine, on the virtual clock,
 * for `--minutes` of board time (default 10) against a real relay, with a re-handshake every 3
 * cycles, the Wi-Fi network lost for 20 s every 2 minutes and the relay restarted every 3. It
 * reports the worst LED error over the whole run, JsVars after GC at boot and at the end, and the
 * real time the run took. Figures go in docs/engine.md.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { EspruinoBoard } from "../engine/board.ts";
import { saveBootCode } from "../engine/upload.ts";
import { sosTimingError } from "../tools/sos_timing.ts";
import { startRelayProcess } from "../tests/relay_process.ts";
import { stablePort } from "../tests/redis_server.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const PATTERN = { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 };
const WIFI = { ssid: "lab", password: "password1" };

const { values } = parseArgs({
  args: Deno.args.filter((arg) => arg !== "--"),
  options: { minutes: { type: "string", default: "10" } },
});
const minutes = Number(values.minutes);

async function jsvarsAfterGc(board: EspruinoBoard): Promise<number> {
  const from = board.console.text.length;
  board.console.write('\x10process.memory(); print("@mem "+process.memory().usage);\n');
  const text = await board.console.waitFor(/@mem \d+/, { from });
  return Number(text.match(/@mem (\d+)/)![1]);
}

const dir = await Deno.makeTempDir();
const port = stablePort();
let relay = await startRelayProcess(["--port", String(port)]);
await Deno.writeTextFile(
  `${dir}/device.json`,
  JSON.stringify({
    wifi: { ...WIFI, attempts: 3, delayMs: 200 },
    server: relay.url,
    clientId: "bench-1",
    pattern: PATTERN,
    rehandshakeEvery: 3,
  }),
);
const built = await new Deno.Command(Deno.execPath(), {
  args: ["task", "build", "--", "--config", `${dir}/device.json`, "--out", `${dir}/firmware.js`],
  cwd: ROOT,
  stdout: "null",
  stderr: "inherit",
}).output();
if (!built.success) Deno.exit(1);
const code = await Deno.readTextFile(`${dir}/firmware.js`);

const board = await EspruinoBoard.start({ clock: "virtual", networks: [WIFI] });
await board.console.waitFor(/\n>/);
await saveBootCode(board, code);
board.powerCycle();
await board.console.waitFor(/\[sos\] connected/, { timeoutMs: 30_000 });
const atBoot = await jsvarsAfterGc(board);
const started = performance.now();
for (let minute = 1; minute <= minutes; minute++) {
  if (minute % 2 === 0) board.radio.lose(20_000);
  if (minute % 3 === 0) {
    await relay.stop();
    await board.runFor(5_000);
    relay = await startRelayProcess(["--port", String(port)]);
  }
  await board.runFor(60_000);
}
const realSeconds = (performance.now() - started) / 1000;
const atEnd = await jsvarsAfterGc(board);
const edges = board.pins.of("D2").map((e) => ({ value: e.level, time: e.ms }));
const start = edges.findIndex((e, i) =>
  i > 0 && e.value === 1 && e.time - edges[i - 1].time >= PATTERN.pauseMs - 1
);
const timing = sosTimingError(edges.slice(start), PATTERN);
const problems = board.console.text.match(/Uncaught|Timeout on Utility Timer|OUT OF MEMORY/g) ?? [];
const connects = relay.stderr.length;
await board.stop();
await relay.stop();
await Deno.remove(dir, { recursive: true });

console.log(JSON.stringify(
  {
    boardMinutes: minutes,
    realSeconds: Number(realSeconds.toFixed(1)),
    ledSpans: timing.spans,
    worstLedErrorMs: Number(timing.worstMs.toFixed(4)),
    jsvarsAfterGc: { atBoot, atEnd },
    problems: problems.length,
    relayLogLinesSinceLastRestart: connects,
    firmwareBytes: code.length,
  },
  null,
  2,
));
