/**
 * The device's outbox: order, both bounds, oldest dropped and counted.
 */

import assert from "node:assert/strict";
import { Outbox, type OutboxMessage } from "../device/ws/outbox.ts";

const text = (data: string): OutboxMessage => ({ data, opcode: 1 });

function drain(outbox: Outbox): string[] {
  const out: string[] = [];
  for (let m = outbox.take(); m; m = outbox.take()) out.push(m.data);
  return out;
}

Deno.test("messages come out in the order they went in, nothing lost within the bounds", () => {
  const outbox = new Outbox({ messageLimit: 100, byteLimit: 10_000 });
  for (let i = 0; i < 100; i++) assert.ok(outbox.put(text(`m${i}`)));
  assert.equal(outbox.messages.length, 100);
  assert.equal(outbox.bytes, 10 * 2 + 90 * 3);
  assert.deepEqual(drain(outbox), Array.from({ length: 100 }, (_, i) => `m${i}`));
  assert.equal(outbox.dropped, 0);
  assert.equal(outbox.bytes, 0);
  assert.equal(outbox.take(), undefined);
});

Deno.test("over the message bound, the oldest are dropped and counted", () => {
  const outbox = new Outbox({ messageLimit: 3, byteLimit: 10_000 });
  for (const m of ["a", "b", "c", "d", "e"]) outbox.put(text(m));
  assert.equal(outbox.dropped, 2);
  assert.deepEqual(drain(outbox), ["c", "d", "e"]);
});

Deno.test("over the byte bound, the oldest are dropped until the new one fits", () => {
  const outbox = new Outbox({ messageLimit: 100, byteLimit: 10 });
  outbox.put(text("1234"));
  outbox.put(text("5678"));
  outbox.put(text("90"));
  assert.equal(outbox.bytes, 10);
  outbox.put(text("abcde"));
  assert.equal(outbox.dropped, 2);
  assert.deepEqual(drain(outbox), ["90", "abcde"]);
  assert.equal(outbox.put(text("x".repeat(11))), false, "bigger than the whole bound");
  assert.equal(outbox.dropped, 3);
  assert.equal(outbox.messages.length, 0);
  assert.equal(outbox.put({ data: "\x00\xff", opcode: 2 }), true);
  assert.deepEqual(outbox.take(), { data: "\x00\xff", opcode: 2 });
});

Deno.test("a message put back goes first, or is the one dropped when the outbox is full", () => {
  const outbox = new Outbox({ messageLimit: 3, byteLimit: 100 });
  outbox.put(text("b"));
  outbox.put(text("c"));
  assert.ok(outbox.put(text("a"), true));
  assert.deepEqual(drain(outbox), ["a", "b", "c"]);
  for (const m of ["x", "y", "z"]) outbox.put(text(m));
  assert.equal(outbox.put(text("old"), true), false);
  assert.equal(outbox.dropped, 1);
  assert.deepEqual(drain(outbox), ["x", "y", "z"]);
  const bytes = new Outbox({ messageLimit: 10, byteLimit: 5 });
  bytes.put(text("abcd"));
  assert.equal(bytes.put(text("xy"), true), false);
  assert.equal(bytes.bytes, 4);
});

Deno.test("discard drops everything and counts it", () => {
  const outbox = new Outbox({ messageLimit: 10, byteLimit: 100 });
  outbox.put(text("a"));
  outbox.put(text("b"));
  outbox.discard();
  assert.equal(outbox.messages.length, 0);
  assert.equal(outbox.bytes, 0);
  assert.equal(outbox.dropped, 2);
});
