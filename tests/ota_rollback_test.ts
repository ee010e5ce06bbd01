/**
 * Firmware updates over the air (docs/ota.md) that do not take: a firmware that throws at start
 * or never connects is rolled back; a corrupted chunk or a wrong hash is refused.
 * Boards, flash and relay as in tests/ota_test.ts.
 */

import assert from "node:assert/strict";
import { crc32 } from "node:zlib";
import { BLINKING } from "../testing/firmware_board.ts";
import { BROKEN, firmwareOf, sha256, startUpdateBench, update } from "./ota_board.ts";

Deno.test("ota: a firmware that throws at start is rolled back to version 1 at once", async () => {
  await using bench = await startUpdateBench("ota-2");
  const { images, relay, fw, operator } = bench;
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
  await using bench = await startUpdateBench("ota-3");
  const { images, relay, fw, operator } = bench;
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

Deno.test("ota: a corrupted chunk or a wrong hash is refused, and version 1 keeps running", async () => {
  await using bench = await startUpdateBench("ota-5");
  const { images, fw, operator } = bench;
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
