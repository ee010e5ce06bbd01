import assert from "node:assert/strict";
import {
  ESPRUINO_BOARDS,
  espruinoCommand,
  espruinoForTests,
  EspruinoProcess,
  findEspruino,
  parsePinLog,
} from "../tools/espruino_process.ts";

Deno.test("ESPRUINO_BIN names one binary for every board, or a folder of espruino-<board> files", () => {
  const folder = Deno.makeTempDirSync();
  try {
    const c3 = `${folder}/espruino-esp32c3`;
    Deno.writeTextFileSync(c3, "");
    assert.equal(findEspruino("esp32c3", { ESPRUINO_BIN: folder }), c3);
    assert.equal(findEspruino("esp32", { ESPRUINO_BIN: folder }), undefined);
    assert.equal(findEspruino("esp32", { ESPRUINO_BIN: c3 }), c3);
    assert.equal(findEspruino("esp32", { ESPRUINO_BIN: `${folder}/none` }), undefined);
  } finally {
    Deno.removeSync(folder, { recursive: true });
  }
});

Deno.test("a file that is no interpreter is refused with what to build", () => {
  const folder = Deno.makeTempDirSync();
  try {
    const fake = `${folder}/espruino-esp32c3`;
    Deno.writeTextFileSync(fake, "#!/bin/sh\nexit 0\n");
    Deno.chmodSync(fake, 0o755);
    assert.throws(
      () => espruinoCommand(fake),
      /does not run here as an Espruino interpreter.*build\.sh/,
    );
  } finally {
    Deno.removeSync(folder, { recursive: true });
  }
});

const c3 = espruinoForTests("esp32c3");
Deno.test({
  name:
    "a 32-bit binary this machine cannot run goes through qemu-i386, or is refused naming qemu-user",
  ignore: c3 === undefined,
  fn() {
    const command = espruinoCommand(c3!);
    assert.equal(command.at(-1), c3);
    // Where the kernel runs it, nothing stands in front; where not, qemu does.
    if (command.length === 2) {
      assert.match(command[0], /qemu-i386/);
      assert.throws(
        () => espruinoCommand(c3!, { PATH: "" }),
        /32-bit x86 program.*apt-get install qemu-user/,
      );
    }
  },
});

Deno.test("pin log lines parse into edges; other lines are skipped", () => {
  assert.deepEqual(parsePinLog("3694716.467 D2 1\nnoise\n3694716.967 D2 0\n"), [
    { atMs: 3694716.467, pin: "D2", level: 1 },
    { atMs: 3694716.967, pin: "D2", level: 0 },
  ]);
});

for (const board of ESPRUINO_BOARDS) {
  const binary = espruinoForTests(board);
  Deno.test({
    name: `real interpreter (${board}): runs a script, logs LED1's edges, reports its memory`,
    ignore: binary === undefined,
    async fn() {
      await using espruino = EspruinoProcess.start({
        binary: binary!,
        // Played 300 ms in, past the interpreter's start, when its timer thread was seen late.
        script: "setTimeout(function () { digitalPulse(LED1, 1, [20, 30, 20]); }, 300);\n" +
          'setTimeout(function () { print("mem " + process.memory().total); }, 450);',
      });
      const [, total] = await espruino.waitForOutput(/mem (\d+)/);
      assert.equal(Number(total), board === "esp32" ? 16383 : 4095);
      await espruino.exited;
      const edges = (await espruino.pinEdges("D2")).filter((e, i, all) =>
        i === 0 || e.level !== all[i - 1].level
      );
      const pulse = edges.slice(-4);
      assert.deepEqual(pulse.map((edge) => edge.level), [1, 0, 1, 0], JSON.stringify(edges));
      // Loose on purpose: this checks the log, not the timer (the firmware tests judge timing,
      // beside the machine's stalls, which reached 26 ms here on an idle machine).
      [20, 30, 20].forEach((due, i) => {
        const span = pulse[i + 1].atMs - pulse[i].atMs;
        assert.ok(Math.abs(span - due) < 40, `span ${span} ms where ${due} ms is due`);
      });
    },
  });
}
