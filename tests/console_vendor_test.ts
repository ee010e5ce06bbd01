/**
 * The console's vendored SHA-256 (relay/console/vendor/sha256.js): the committed file is exactly
 * what `deno task vendor:console` writes from the pinned @noble/hashes, its digests are
 * node:crypto's, and the relay serves it under the console's Content-Security-Policy.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
// @ts-types="../relay/console/vendor/sha256.d.ts"
import { sha256 } from "../relay/console/vendor/sha256.js";
import { otaImage } from "../relay/console/ota_transfer.js";
import { CONSOLE_CSP } from "../relay/console_assets.ts";
import { startTestRelay } from "../testing/test_client.ts";
import { NOBLE_HASHES_VERSION, SHA256_TYPES, VENDOR_DIR } from "../tools/vendor_console.ts";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** Inputs around SHA-256's 64-byte blocks and its 55/56-byte padding edge, and a large one. */
function inputs(): Uint8Array[] {
  const random = (n: number) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
    return bytes;
  };
  return [
    new Uint8Array(0),
    new TextEncoder().encode("abc"),
    ...[55, 56, 63, 64, 65, 127, 128, 1000].map(random),
    random(1_048_576 + 17),
  ];
}

Deno.test("console vendor: sha256.js and its types are what deno task vendor:console writes", async () => {
  // The task's own --check, in a process of its own: esbuild's service process is then that
  // process's to end, never left behind by this test.
  const check = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "vendor:console", "--check"],
    cwd: new URL("..", import.meta.url),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(check.stderr);
  assert.equal(check.code, 0, stderr);
  assert.doesNotMatch(stderr, /is not what/);
  const js = await Deno.readTextFile(new URL("sha256.js", VENDOR_DIR));
  assert.equal(await Deno.readTextFile(new URL("sha256.d.ts", VENDOR_DIR)), SHA256_TYPES);
  assert.match(js, new RegExp(`@noble/hashes ${NOBLE_HASHES_VERSION.replaceAll(".", "\\.")}`));
  assert.match(js, /The MIT License \(MIT\)/, "the license is kept");
  assert.match(js, /Copyright \(c\) 2022 Paul Miller/);
  assert.doesNotMatch(js, /^\s*import\b/m, "one module with no imports");
  // Pinned: deno.lock holds the version the task bundles.
  const lock = JSON.parse(await Deno.readTextFile(new URL("../deno.lock", import.meta.url)));
  assert.ok(lock.npm?.[`@noble/hashes@${NOBLE_HASHES_VERSION}`], "deno.lock pins @noble/hashes");
});

Deno.test("console vendor: sha256 agrees with node:crypto, directly and through otaImage", async () => {
  for (const bytes of inputs()) {
    const want = createHash("sha256").update(bytes).digest("hex");
    assert.equal(hex(sha256(bytes)), want, `${bytes.length} bytes`);
    assert.equal((await otaImage(bytes, { sha256 })).sha256, want, `${bytes.length} bytes`);
  }
  assert.equal(
    hex(sha256(new TextEncoder().encode("abc"))),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "FIPS 180-2's example",
  );
});

Deno.test("console vendor: the relay serves sha256.js as it is, under the console's policy", async () => {
  await using relay = startTestRelay();
  const response = await fetch(`${relay.httpUrl}/console/vendor/sha256.js`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.equal(response.headers.get("content-security-policy"), CONSOLE_CSP);
  assert.equal(
    await response.text(),
    await Deno.readTextFile(new URL("sha256.js", VENDOR_DIR)),
  );
});
