import assert from "node:assert/strict";
import { espruinoForTests } from "../tools/espruino_process.ts";
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
  assert.equal(probeTolerance("// lint\n// tolerance-ms: 12 (timers)\nprint(1);"), 12);
  assert.equal(probeTolerance("print(1);"), 5);
});

const binary = espruinoForTests("esp32c3");
const ATTEMPTS = 3;
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
      let report = "";
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const virtual = await runProbeOnVirtualBoard(code);
        const real = await runProbeOnEspruino(code, { binary: binary! });
        assert.ok(real.console.includes("probe done"), real.console.join("\n"));
        const differences = compareProbeRuns(virtual, real, {
          toleranceMs: probeTolerance(code),
        });
        if (differences.length === 0) return;
        report += `attempt ${attempt}:\n${differences.join("\n")}\nvirtual:\n` +
          `${virtual.console.join("\n")}\nreal:\n${real.console.join("\n")}\n`;
      }
      assert.fail(report);
    },
  });
}
