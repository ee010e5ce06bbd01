/**
 * Firmware updates over the air (docs/ota.md), on the WebAssembly engine's ESP32-C3 (the real
 * Espruino interpreter) on the virtual clock: each board flashed with `deno task flash` (which
 * saves the boot stub), each update sent by tools/ota.ts through a relay in its own process.
 */

import assert from "node:assert/strict";
import { crc32 } from "node:zlib";
import {
  BLINKING,
  consoleMemoryUsage,
  FAST,
  memoryUsage,
  spanErrors,
  typeLine,
} from "../testing/firmware_board.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { startTcpGate } from "./tcp_gate.ts";
import {
  firmwareOf,
  flashBoard,
  openWatcher,
  RELAY_FLAGS,
  sha256,
  update,
  VERSION_2,
  writeImages,
} from "./ota_board.ts";

/** Nothing the interpreter should ever print. */
const BROKEN = /Uncaught|OUT OF MEMORY|Timeout on Utility Timer|Guru Meditation/;

Deno.test("ota: an update to version 2 is checked, restarted into and confirmed; status shows its hash", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-1");
  await using operator = await openWatcher(relay.url);
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

Deno.test("ota: a firmware that throws at start is rolled back to version 1 at once", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-2");
  await using operator = await openWatcher(relay.url);
  const startMs = fw.board.clock.nowUs() / 1000;
  const boots = fw.board.boots;
  const { outcomes, output } = await update(relay.url, ["ota-2"], images.throws);
  assert.deepEqual(
    outcomes.map((o) => [o.result, o.reason]),
    [["rolled back", "threw at start: boom at start"]],
    output,
  );
  assert.match(output, /ota-2 \[#+\] 100% .* rolled back: threw at start: boom at start\n/);
  // Well within the confirm window (60 s of board time): the stub saw the exception.
  assert.ok(fw.board.clock.nowUs() / 1000 - startMs < 60_000);
  const now = await firmwareOf(operator, "ota-2");
  assert.equal(now.sha256, sha256(images.v1));
  assert.equal(now.rollback, "threw at start: boom at start");
  // Two restarts: into the new slot, and back at once (the console output of that short boot is
  // lost with the restart, as on a chip).
  assert.equal(fw.board.boots - boots, 2);
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});

Deno.test("ota: a firmware that never reaches the relay is rolled back after confirmMs", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-3");
  await using operator = await openWatcher(relay.url);
  const { outcomes, output } = await update(relay.url, ["ota-3"], images.silent, {
    confirmMs: 20_000,
  });
  assert.deepEqual(
    outcomes.map((o) => [o.result, o.reason]),
    [["rolled back", "not confirmed within 20 s"]],
    output,
  );
  const text = fw.board.console.text;
  const trial = text.lastIndexOf("[v4] running");
  assert.ok(trial > 0, "the new firmware ran");
  // Version 1 booted again after it, and connected.
  assert.match(text.slice(trial), new RegExp(`${BLINKING.source}[^]*\\[sos\\] connected`));
  assert.equal((await firmwareOf(operator, "ota-3")).sha256, sha256(images.v1));
});

Deno.test("ota: a power cycle halfway through the write: version 1 starts, the transfer resumes and completes", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-4");
  await using operator = await openWatcher(relay.url);
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
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-7");
  await using operator = await openWatcher(relay.url);
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

Deno.test("ota: a board whose Storage must be compacted first restarts to compact it, then takes the update", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-8");
  await using operator = await openWatcher(relay.url);
  // A big file written and erased: its trash leaves too little free space for the image.
  const stats = JSON.parse(
    await typeLine(
      fw.board,
      'var S=require("Storage");S.write("junk","x",0,S.getFree()-12000);S.erase("junk");' +
        "print(JSON.stringify(S.getStats()))",
    ),
  );
  assert.ok(stats.freeBytes < images.v2.bytes.length + 4096, JSON.stringify(stats));
  const boots = fw.board.boots;
  const { outcomes, output } = await update(relay.url, ["ota-8"], images.v2);
  assert.deepEqual(outcomes.map((o) => o.result), ["updated"], output);
  assert.match(output, /compacting its Storage/);
  // Restarted to compact, compacted and restarted, then restarted into version 2.
  assert.equal(fw.board.boots - boots, 3);
  assert.equal((await firmwareOf(operator, "ota-8")).sha256, images.v2.sha256);
  const after = JSON.parse(
    await typeLine(fw.board, 'print(JSON.stringify(require("Storage").getStats()))'),
  );
  assert.ok(after.freeBytes > 800_000, JSON.stringify(after));
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});

Deno.test("ota: a corrupted chunk or a wrong hash is refused, and version 1 keeps running", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-5");
  await using operator = await openWatcher(relay.url);
  const bytes = images.v2.bytes;
  const send = async (message: Record<string, unknown>) => {
    operator.socket.send(JSON.stringify({ to: "ota-5", cmd: "ota", ...message }));
    for (;;) {
      const text = String(await operator.next(30_000));
      if (!text.startsWith("{")) continue;
      const reply = JSON.parse(text);
      if (reply.from === "ota-5" && reply.re === "ota") return reply;
    }
  };
  const chunk = (at: number, corrupt = false) => {
    const data = bytes.slice(at, at + 512);
    const crc = crc32(data) >>> 0;
    if (corrupt) data[7] ^= 0x20;
    return { op: "chunk", at, crc, data: btoa(String.fromCharCode(...data)) };
  };
  const begin = (sha: string) => ({ op: "begin", bytes: bytes.length, sha256: sha });

  // A chunk whose bytes do not match its CRC32.
  assert.deepEqual(await send(begin(images.v2.sha256)), {
    from: "ota-5",
    re: "ota",
    ok: true,
    have: 0,
    begun: true,
  });
  assert.equal((await send(chunk(0))).have, 512);
  assert.deepEqual(await send(chunk(512, true)), {
    from: "ota-5",
    re: "ota",
    ok: false,
    error: "corrupt",
    at: 512,
  });
  // The transfer is over: a next chunk is not written.
  assert.equal((await send(chunk(1024))).error, "not begun");

  // Every chunk right, but the image is not the one announced.
  const wrong = "0".repeat(64);
  assert.equal((await send(begin(wrong))).have, 0, "the refused image was not kept");
  let reply: Record<string, unknown> = {};
  for (let at = 0; at < bytes.length; at += 512) reply = await send(chunk(at));
  assert.deepEqual(reply, {
    from: "ota-5",
    re: "ota",
    ok: false,
    error: "sha256",
    sha256: images.v2.sha256,
  });

  // Still version 1, never restarted, the other slot empty.
  await fw.board.runFor(3000);
  assert.deepEqual(await firmwareOf(operator, "ota-5"), {
    sha256: sha256(images.v1),
    bytes: new TextEncoder().encode(images.v1).length,
    previous: null,
  });
  const text = fw.board.console.text.slice(fw.bootConsoleAt);
  assert.equal(text.split(BLINKING).length - 1, 1, "one boot only");
  assert.doesNotMatch(text, BROKEN);
});

Deno.test("ota: an image that does not fit the board's Storage is refused before a byte is sent", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  await using fw = await flashBoard(relay.url, "ota-6");
  // Half the partition (896 KiB) cannot hold two slots and the settings.
  const big = `${images.dir}/big.js`;
  await Deno.writeTextFile(big, `// ${"x".repeat(460_000)}\n${images.v1}`);
  const { loadImage } = await import("../tools/ota.ts");
  const { outcomes, output } = await update(relay.url, ["ota-6"], await loadImage(big));
  assert.equal(outcomes[0].result, "refused", output);
  assert.match(
    outcomes[0].reason!,
    /does not fit: the image is \d+ bytes, and the board's Storage \(917504 bytes\)/,
  );
  assert.equal(outcomes[0].sentBytes, 0);
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});
