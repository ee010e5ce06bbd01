/**
 * RESP as a node's own connections speak it (relay/resp.ts): replies parsed
 * whole whatever the reads cut, and commands written as arrays of bulk
 * strings, text and bytes alike.
 */

import assert from "node:assert/strict";
import { encodeCommand, RespError, RespReader, type RespValue, RespWriter } from "../relay/resp.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bulk strings as text and errors as `ERR:…`, so that values compare after the next feed. */
function plain(value: RespValue): unknown {
  if (value instanceof Uint8Array) return decoder.decode(value);
  if (value instanceof RespError) return `ERR:${value.message}`;
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

const REPLIES = [
  ["+OK\r\n", "OK"],
  ["-NOSCRIPT No matching script\r\n", "ERR:NOSCRIPT No matching script"],
  [":0\r\n", 0],
  [":-17\r\n", -17],
  [":1234567890\r\n", 1234567890],
  ["$0\r\n\r\n", ""],
  ["$-1\r\n", null],
  ["*-1\r\n", null],
  ["*0\r\n", []],
  ["$5\r\nh\u00e9\r\n\r\n", "h\u00e9\r\n"],
  [
    "*4\r\n:1\r\n*2\r\n$1\r\na\r\n*1\r\n$-1\r\n-ERR inside\r\n$3\r\nend\r\n",
    [1, ["a", [null]], "ERR:ERR inside", "end"],
  ],
] as const;

Deno.test("RESP replies cut at every byte boundary come out whole and in order", () => {
  const bytes = encoder.encode(REPLIES.map(([wire]) => wire).join(""));
  const expected = REPLIES.map(([, value]) => value);
  for (let cut = 0; cut <= bytes.length; cut++) {
    for (const size of [1, 3]) {
      const reader = new RespReader();
      const seen: unknown[] = [];
      const pieces = [bytes.subarray(0, cut)];
      for (let at = cut; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      for (const piece of pieces) {
        reader.feed(piece);
        for (let value = reader.next(); value !== undefined; value = reader.next()) {
          seen.push(plain(value));
        }
      }
      assert.deepEqual(seen, expected, `cut at ${cut}, then reads of ${size}`);
    }
  }
});

Deno.test("a RESP reader refuses bytes that are not a reply", () => {
  const reader = new RespReader();
  reader.feed(encoder.encode("hello\r\n"));
  assert.throws(() => reader.next(), /not a RESP reply/);
});

Deno.test("RESP commands: text as UTF-8, bytes as they are, several in one buffer", () => {
  assert.equal(
    decoder.decode(encodeCommand(["SUBSCRIBE", "bus"])),
    "*2\r\n$9\r\nSUBSCRIBE\r\n$3\r\nbus\r\n",
  );
  const writer = new RespWriter(8);
  const bytes = new Uint8Array([0, 13, 10, 255]);
  const long = "\u00e9\u2713\ud83d\ude00".repeat(5000);
  writer.command(["EVALSHA", "", "h\u00e9", bytes]);
  writer.command([long]);
  const written = writer.take();
  assert.equal(writer.length, 0);
  const head = encoder.encode("*4\r\n$7\r\nEVALSHA\r\n$0\r\n\r\n$3\r\nh\u00e9\r\n$4\r\n");
  const longBytes = encoder.encode(long);
  const expected = new Uint8Array([
    ...head,
    ...bytes,
    13,
    10,
    ...encoder.encode(`*1\r\n$${longBytes.length}\r\n`),
    ...longBytes,
    13,
    10,
  ]);
  assert.deepEqual(written, expected);
  // What Redis would read back as the same arguments.
  const reader = new RespReader();
  reader.feed(written);
  assert.deepEqual(plain(reader.next()!), ["EVALSHA", "", "h\u00e9", decoder.decode(bytes)]);
  assert.deepEqual(plain(reader.next()!), [long]);
});
