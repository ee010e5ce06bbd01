/**
 * Firmware updates over the air (docs/ota.md) and the room in Storage: a board compacts it before
 * it takes an update; an image that cannot fit is refused before a byte is sent.
 * Boards, flash and relay as in tests/ota_test.ts.
 */

import assert from "node:assert/strict";
import { typeLine } from "../testing/firmware_board.ts";
import { loadImage } from "../tools/ota.ts";
import { BROKEN, firmwareOf, startUpdateBench, update } from "./ota_board.ts";

Deno.test("ota: a board whose Storage must be compacted first restarts to compact it, then takes the update", async () => {
  await using bench = await startUpdateBench("ota-8");
  const { images, relay, fw, operator } = bench;
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

Deno.test("ota: an image that does not fit the board's Storage is refused before a byte is sent", async () => {
  await using bench = await startUpdateBench("ota-6");
  const { images, relay, fw } = bench;
  // Half the partition (896 KiB) cannot hold two slots and the settings.
  const big = `${images.dir}/big.js`;
  await Deno.writeTextFile(big, `// ${"x".repeat(460_000)}\n${images.v1}`);
  const { outcomes, output } = await update(relay.url, ["ota-6"], await loadImage(big));
  assert.equal(outcomes[0].result, "refused", output);
  assert.match(
    outcomes[0].reason!,
    /does not fit: the image is \d+ bytes, and the board's Storage \(917504 bytes\)/,
  );
  assert.equal(outcomes[0].sentBytes, 0);
  assert.doesNotMatch(fw.board.console.text, BROKEN);
});
