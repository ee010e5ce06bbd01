/**
 * The device's outbox: order, both bounds, oldest dropped and counted.
 */

import assert from "node:assert/strict";
import { createOutbox, type OutboxMessage } from "../device/ws/outbox.ts";

const text = (data: string): OutboxMessage => ({ data, opcode: 1 });

function drain(outbox: ReturnType<typeof createOutbox>): string[] {
  const out: string[] = [];
  for (let m = outbox.shift(); m; m = outbox.shift()) out.push(m.data);
  return out;
}

Deno.test("messages come out in the order they went in, nothing lost within the bounds", () => {
  const outbox = createOutbox({ maxMessages: 100, maxBytes: 10_000 });
  for (let i = 0; i < 100; i++) assert.ok(outbox.push(text(`m${i}`)));
  assert.equal(outbox.size(), 100);
  assert.equal(outbox.bytes(), 10 * 2 + 90 * 3);
  assert.deepEqual(drain(outbox), Array.from({ length: 100 }, (_, i) => `m${i}`));
  assert.equal(outbox.dropped(), 0);
  assert.equal(outbox.bytes(), 0);
  assert.equal(outbox.shift(), undefined);
});

Deno.test("over the message bound, the oldest are dropped and counted", () => {
  const outbox = createOutbox({ maxMessages: 3, maxBytes: 10_000 });
  for (const m of ["a", "b", "c", "d", "e"]) outbox.push(text(m));
  assert.equal(outbox.dropped(), 2);
  assert.deepEqual(drain(outbox), ["c", "d", "e"]);
});

Deno.test("over the byte bound, the oldest are dropped until the new one fits", () => {
  const outbox = createOutbox({ maxMessages: 100, maxBytes: 10 });
  outbox.push(text("1234"));
  outbox.push(text("5678"));
  outbox.push(text("90"));
  assert.equal(outbox.bytes(), 10);
  outbox.push(text("abcde"));
  assert.equal(outbox.dropped(), 2);
  assert.deepEqual(drain(outbox), ["90", "abcde"]);
  assert.equal(outbox.push(text("x".repeat(11))), false, "bigger than the whole bound");
  assert.equal(outbox.dropped(), 3);
  assert.equal(outbox.size(), 0);
  assert.equal(outbox.push({ data: "\x00\xff", opcode: 2 }), true);
  assert.deepEqual(outbox.shift(), { data: "\x00\xff", opcode: 2 });
});

Deno.test("a message put back goes first, or is the one dropped when the outbox is full", () => {
  const outbox = createOutbox({ maxMessages: 3, maxBytes: 100 });
  outbox.push(text("b"));
  outbox.push(text("c"));
  assert.ok(outbox.unshift(text("a")));
  assert.deepEqual(drain(outbox), ["a", "b", "c"]);
  for (const m of ["x", "y", "z"]) outbox.push(text(m));
  assert.equal(outbox.unshift(text("old")), false);
  assert.equal(outbox.dropped(), 1);
  assert.deepEqual(drain(outbox), ["x", "y", "z"]);
  const bytes = createOutbox({ maxMessages: 10, maxBytes: 5 });
  bytes.push(text("abcd"));
  assert.equal(bytes.unshift(text("xy")), false);
  assert.equal(bytes.bytes(), 4);
});

Deno.test("clear drops everything and counts it", () => {
  const outbox = createOutbox({ maxMessages: 10, maxBytes: 100 });
  outbox.push(text("a"));
  outbox.push(text("b"));
  outbox.clear();
  assert.equal(outbox.size(), 0);
  assert.equal(outbox.bytes(), 0);
  assert.equal(outbox.dropped(), 2);
});
