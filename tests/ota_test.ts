/**
 * Firmware updates over the air (docs/ota.md) that complete: an update to version 2, one through
 * a power cycle halfway, one through a cut of the tool's connection halfway.
 * Each board is the WebAssembly engine's ESP32-C3 (the real Espruino interpreter) on the virtual
 * clock, flashed with `deno task flash` (which saves the boot stub); each update is sent by
 * tools/ota.ts through a relay in its own process. The scenarios are split over ota_test.ts,
 * ota_rollback_test.ts and ota_storage_test.ts so that `deno test --parallel` runs them side by
 * side: most of a test's wall time is the flash's pacing, which costs no processor.
 */

import assert from "node:assert/strict";
import {
  BLINKING,
  consoleMemoryUsage,
  FAST,
  memoryUsage,
  spanErrors,
} from "../testing/firmware_board.ts";
import { startTcpGate } from "./tcp_gate.ts";
import { BROKEN, firmwareOf, sha256, startUpdateBench, update, VERSION_2 } from "./ota_board.ts";

Deno.test("ota: an update to version 2 is checked, restarted into and confirmed; status shows its hash", async () => {
  await using bench = await startUpdateBench("ota-1");
  const { images, relay, fw, operator } = bench;
  const before = await firmwareOf(operator, "ota-1");
  assert.deepEqual(before, {
    sha256: sha256(images.v1),
    bytes: new TextEncoder().encode(images.v1).length,
    previous: null,
  });

  const from = fw.board.console.text.length;
  // Board time when the update began, and when version 2 first printed (after the restart).
  const startMs = fw.board.clock.nowUs() / 1000;
  let v2Ms = Infinity;
  const stop = fw.board.console.listen(() => {
    if (v2Ms === Infinity && fw.board.console.text.includes(VERSION_2, from)) {
      v2Ms = fw.board.clock.nowUs() / 1000;
    }
  });
  let during: Promise<number> | undefined;
  const { outcomes, output } = await update(relay.url, ["ota-1"], images.v2, {
    // Memory after GC in the middle of the transfer, typed on the console.
    onLine: (line) => {
      if (!during && /ota-1 \[[#.]+\]\s+(5\d|6\d|7\d)% /.test(line)) {
        during = consoleMemoryUsage(fw.board);
      }
    },
  });
  stop();
  assert.deepEqual(
    outcomes.map((o) => [o.id, o.result, o.reason]),
    [["ota-1", "updated", undefined]],
    output,
  );
  assert.equal(outcomes[0].sentBytes, images.v2.bytes.length, "each byte sent once");
  assert.match(output, /ota-1 \[#+\] 100% /, "a progress line reached 100%");
  const after = await firmwareOf(operator, "ota-1");
  assert.deepEqual(after, {
    sha256: images.v2.sha256,
    bytes: images.v2.bytes.length,
    previous: before.sha256,
  });
  // The LED kept its timing through the transfer, to its last edge before the restart (the
  // restart itself may cut a span short).
  const edges = fw.led().filter((edge) => edge.time < v2Ms).slice(0, -1);
  assert.deepEqual(spanErrors(edges, FAST, 0.01), [], "LED spans off the pattern");
  const spans = edges.filter((edge) => edge.time >= startMs).length;
  assert.ok(spans >= 9, `only ${spans} LED edges during the update`);
  // JsVars after GC, during the update and after it.
  assert.ok(during, "memory was read during the transfer");
  const usage = [
    await during!,
    await consoleMemoryUsage(fw.board),
    await memoryUsage(operator, "ota-1"),
  ];
  console.log(
    `JsVars after GC: during ${usage[0]}, after ${usage[1]} (console) / ${usage[2]} (status); ` +
      `${spans} LED edges during ${Math.round(v2Ms - startMs)} ms of board time`,
  );
  assert.ok(usage.every((n) => n <= 1500), `JsVars: ${usage}`);
  const shown = fw.board.console.text.slice(from);
  assert.match(shown, new RegExp(`${VERSION_2.replace(/[[\]]/g, "\\$&")}[^]*${BLINKING.source}`));
  assert.doesNotMatch(shown, BROKEN);

  // A power cycle keeps it: the trial was confirmed.
  const cycled = fw.board.console.text.length;
  fw.board.powerCycle();
  await fw.board.console.waitFor(/\[sos\] connected/, { from: cycled, timeoutMs: 30_000 });
  assert.equal((await firmwareOf(operator, "ota-1")).sha256, images.v2.sha256);
  assert.match(
    fw.board.console.text.slice(cycled),
    new RegExp(VERSION_2.replace(/[[\]]/g, "\\$&")),
  );
});

Deno.test("ota: a power cycle halfway through the write: version 1 starts, the transfer resumes and completes", async () => {
  await using bench = await startUpdateBench("ota-4");
  const { images, relay, fw, operator } = bench;
  let cycledAt = -1;
  const { outcomes, output } = await update(relay.url, ["ota-4"], images.v2, {
    onLine: (line) => {
      // Progress lines come at each quarter: cut the power at the first past half.
      if (cycledAt < 0 && /ota-4 \[[#.]+\]\s+(5\d|6\d|7\d)% /.test(line)) {
        cycledAt = fw.board.console.text.length;
        fw.board.powerCycle();
      }
    },
  });
  assert.ok(cycledAt >= 0, "the power was cut");
  assert.deepEqual(outcomes.map((o) => o.result), ["updated"], output);
  assert.ok(outcomes[0].resumes >= 1, "the transfer began again");
  // It resumed from what the board held: far less than the image was sent twice.
  assert.ok(
    outcomes[0].sentBytes < images.v2.bytes.length * 1.5,
    `${outcomes[0].sentBytes} bytes sent for ${images.v2.bytes.length}`,
  );
  const after = fw.board.console.text.slice(cycledAt);
  // Version 1 (no version 2 line) booted and connected before version 2 ran.
  const v2At = after.indexOf(VERSION_2);
  assert.ok(v2At > 0);
  assert.match(after.slice(0, v2At), new RegExp(`${BLINKING.source}[^]*\\[sos\\] connected`));
  assert.equal((await firmwareOf(operator, "ota-4")).sha256, images.v2.sha256);
});

Deno.test("ota: the tool's connection drops halfway: it reconnects and the transfer resumes", async () => {
  await using bench = await startUpdateBench("ota-7");
  const { images, relay, fw, operator } = bench;
  // The tool reaches the relay through a forwarder that the test cuts.
  await using gate = startTcpGate(relay.port);
  let cut = false;
  const { outcomes, output } = await update(`ws://127.0.0.1:${gate.port}/`, ["ota-7"], images.v2, {
    onLine: (line) => {
      if (!cut && /ota-7 \[[#.]+\]\s+(5\d|6\d|7\d)% /.test(line)) {
        cut = true;
        gate.cut();
      }
    },
  });
  assert.ok(cut, "the connection was cut");
  assert.deepEqual(outcomes.map((o) => o.result), ["updated"], output);
  assert.ok(outcomes[0].resumes >= 1, "the transfer began again");
  assert.ok(
    outcomes[0].sentBytes < images.v2.bytes.length * 1.5,
    `${outcomes[0].sentBytes} bytes sent for ${images.v2.bytes.length}`,
  );
  assert.equal((await firmwareOf(operator, "ota-7")).sha256, images.v2.sha256);
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});
