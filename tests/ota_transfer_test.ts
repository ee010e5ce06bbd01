/**
 * The update protocol's module shared by `deno task ota` and the browser console
 * (relay/console/ota_transfer.js): its CRC32 is the one the board checks (zlib's, as Espruino's
 * `E.CRC32`), its SHA-256 (crypto.subtle) is node:crypto's, and a transfer keeps at most a
 * window of chunks in flight and resumes from what the board says it holds.
 */

import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { crc32 as zlibCrc32 } from "node:zlib";
import { crc32, imageProblem, otaImage, OtaRun } from "../relay/console/ota_transfer.js";

Deno.test("ota_transfer: crc32 agrees with zlib's on random chunks of every size up to 2 KB", () => {
  for (let size = 0; size <= 2048; size += 61) {
    const bytes = new Uint8Array(randomBytes(size));
    assert.equal(crc32(bytes), zlibCrc32(bytes) >>> 0, `size ${size}`);
  }
});

Deno.test("ota_transfer: an image's SHA-256 is node:crypto's; empty or non-UTF-8 files are named", async () => {
  const bytes = new TextEncoder().encode("print('hi');\n");
  assert.equal((await otaImage(bytes)).sha256, createHash("sha256").update(bytes).digest("hex"));
  assert.equal(imageProblem(bytes), undefined);
  assert.equal(imageProblem(new Uint8Array()), "is empty");
  assert.match(imageProblem(new Uint8Array([0x41, 0xff, 0x42])) ?? "", /not UTF-8/);
});

Deno.test("ota_transfer: a window of chunks in flight, each acknowledged; a gap resumes from what the board holds", async () => {
  const image = await otaImage(new TextEncoder().encode("x".repeat(1000)));
  const sent: Record<string, unknown>[] = [];
  const run = new OtaRun({
    ids: ["b"],
    image,
    send: (m) => sent.push(m),
    window: 2,
    chunkBytes: 100,
  });
  run.start();
  assert.deepEqual(sent.map((m) => m.op), ["begin"]);
  assert.equal(sent[0].confirmMs, undefined, "the board's own default when none is given");
  run.message({ from: "b", re: "ota", ok: true, have: 300, begun: true });
  // It held 300 bytes already: two chunks from there, and no more until one is acknowledged.
  assert.deepEqual(sent.slice(1).map((m) => m.at), [300, 400]);
  const chunk = sent[1];
  const data = Uint8Array.from(atob(chunk.data as string), (c: string) => c.charCodeAt(0));
  assert.equal(chunk.crc, zlibCrc32(data) >>> 0);
  run.message({ from: "b", re: "ota", ok: true, have: 400 });
  assert.deepEqual(sent.slice(3).map((m) => m.at), [500]);
  // A chunk lost: the board answers with what it holds, and the transfer goes on from there.
  run.message({ from: "b", re: "ota", ok: false, retry: true, have: 400 });
  assert.deepEqual(sent.slice(4).map((m) => m.at), [400, 500]);
  assert.equal(run.transfers[0].acked, 400);
  // Refused: an outcome, with the board's reason explained.
  run.message({ from: "b", re: "ota", ok: false, error: "too big", total: 917504 });
  assert.ok(run.done);
  assert.equal(run.outcomes()[0].result, "refused");
  assert.match(run.outcomes()[0].reason ?? "", /does not fit: the image is 1000 bytes/);
  assert.equal(run.message({ from: "other", re: "ota", ok: true }), false, "not one of its boards");
});
