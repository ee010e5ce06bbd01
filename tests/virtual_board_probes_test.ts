import assert from "node:assert/strict";
import { espruinoCommand, espruinoForTests } from "../tools/espruino_process.ts";
import { Retryable, retryWhileRetryable } from "./attempts.ts";
import {
  compareProbeRuns,
  normalizeEdges,
  normalizeEspruinoOutput,
  probeTolerance,
  runProbeOnEspruino,
  runProbeOnVirtualBoard,
} from "../virtual_board/probe.ts";

const PROBES = new URL("./probes/", import.meta.url);

Deno.test("the real interpreter's console is read without banner, prompts and stack traces", () => {
  const text = "\r\n ____ \r\n|_| espruino.com\r\n 2v29.277\r\nhttp://espruino.com/Donate\r\n" +
    '\r\nhello\r\n>\r\x1b[JUncaught Error: boom\r\n    at :1:23\r\nthrow new Error("boom");\r\n' +
    "                      ^\r\n>";
  assert.deepEqual(normalizeEspruinoOutput(text), ["hello", "Uncaught Error: boom"]);
});

Deno.test("pin edges: level changes only, from the first change", () => {
  const edges = normalizeEdges([
    { atMs: 100, pin: "D5", level: 0 },
    { atMs: 101, pin: "D2", level: 1 },
    { atMs: 111, pin: "D2", level: 1 },
    { atMs: 151, pin: "D2", level: 0 },
  ]);
  assert.deepEqual(edges, [
    { atMs: 0, pin: "D2", level: 1 },
    { atMs: 50, pin: "D2", level: 0 },
  ]);
  const differences = compareProbeRuns(
    { console: ["a"], edges },
    {
      console: ["b"],
      edges: [{ atMs: 0, pin: "D2", level: 1 }, { atMs: 57, pin: "D2", level: 0 }],
    },
  );
  assert.equal(differences.length, 2, differences.join("\n"));
});

Deno.test("pin edges are compared pin by pin: close edges of two pins may swap, a lost one may not", () => {
  const virtual = {
    console: [],
    edges: [
      { atMs: 0, pin: "D5", level: 1 as const },
      { atMs: 0.1, pin: "D6", level: 1 as const },
      { atMs: 20, pin: "D5", level: 0 as const },
    ],
  };
  const swapped = [virtual.edges[1], virtual.edges[0], virtual.edges[2]];
  assert.deepEqual(compareProbeRuns(virtual, { console: [], edges: swapped }), []);
  assert.deepEqual(compareProbeRuns(virtual, { console: [], edges: swapped.slice(0, 2) }), [
    "D5 edge 2: virtual 0 at 20.0 ms, real none",
  ]);
  const late = [...swapped.slice(0, 2), { atMs: 26, pin: "D5", level: 0 as const }];
  assert.deepEqual(compareProbeRuns(virtual, { console: [], edges: late }), [
    "D5 edge 2: virtual 0 at 20.0 ms, real 0 at 26.0 ms (more than 5 ms apart)",
  ]);
  assert.equal(probeTolerance("// lint\n// tolerance-ms: 12 (timers)\nprint(1);"), 12);
  assert.equal(probeTolerance("print(1);"), 5);
});

const binary = espruinoForTests("esp32c3");
const ATTEMPTS = 3;
// Emulated (qemu-i386, where the kernel runs no 32-bit programs), the real interpreter runs its
// JavaScript far slower than natively, while the virtual board runs it at once: edges that follow
// JavaScript come up to 46 ms later on the real one (measured). They are then compared in order
// and level as ever, but in time only within this.
const EMULATED_TOLERANCE_MS = 100;
const launcher = binary === undefined ? [] : espruinoCommand(binary);
const emulated = launcher.length > 1;
if (emulated) {
  console.warn(
    `warning: the real interpreter runs under ${launcher[0]}: probe edges are ` +
      `compared in time within ${EMULATED_TOLERANCE_MS} ms`,
  );
}
const probes = [...Deno.readDirSync(PROBES)]
  .filter((entry) => entry.name.endsWith(".js"))
  .map((entry) => entry.name)
  .sort();

for (const name of probes) {
  Deno.test({
    name: `probe ${name}: the virtual board prints and pulses as the real interpreter does`,
    ignore: binary === undefined,
    async fn() {
      const code = await Deno.readTextFile(new URL(name, PROBES));
      // A loaded machine can deschedule the real interpreter's JavaScript thread for a while
      // (its pulses are then appended late): a difference must show in every attempt.
      await retryWhileRetryable({ attempts: ATTEMPTS }, async () => {
        const virtual = await runProbeOnVirtualBoard(code);
        const real = await runProbeOnEspruino(code, { binary: binary! });
        assert.ok(real.console.includes("probe done"), real.console.join("\n"));
        const tolerance = probeTolerance(code);
        const differences = compareProbeRuns(virtual, real, {
          toleranceMs: emulated ? Math.max(tolerance, EMULATED_TOLERANCE_MS) : tolerance,
        });
        if (differences.length > 0) {
          throw new Retryable(
            `${differences.join("\n")}\nvirtual:\n${virtual.console.join("\n")}\n` +
              `real:\n${real.console.join("\n")}`,
          );
        }
      });
    },
  });
}
