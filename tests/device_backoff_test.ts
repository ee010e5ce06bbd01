/**
 * The device's reconnection backoff: bounds, growth, jitter, reset.
 */

import assert from "node:assert/strict";
import { createBackoff } from "../device/ws/backoff.ts";
import { seededRandom } from "./device_frames.ts";

Deno.test("each delay lies between the floor and a ceiling that doubles up to the maximum", () => {
  const ceilings = [2000, 4000, 8000, 16000, 30000, 30000, 30000];
  for (const r of [0, 0.5, 0.999999]) {
    const backoff = createBackoff({ minMs: 1000, maxMs: 30000, random: () => r });
    ceilings.forEach((ceiling, attempt) => {
      const delay = backoff.next();
      assert.equal(
        delay,
        Math.floor(1000 + r * (ceiling - 1000)),
        `attempt ${attempt}, random ${r}`,
      );
    });
    assert.equal(backoff.attempts(), ceilings.length);
  }
});

Deno.test("delays are spread over the whole allowed range (full jitter), never outside it", () => {
  const random = seededRandom(42);
  const backoff = createBackoff({ minMs: 500, maxMs: 8000, random });
  const byAttempt: number[][] = [[], [], [], [], [], []];
  for (let run = 0; run < 2000; run++) {
    backoff.reset();
    for (const delays of byAttempt) delays.push(backoff.next());
  }
  const ceilings = [1000, 2000, 4000, 8000, 8000, 8000];
  byAttempt.forEach((delays, attempt) => {
    const low = Math.min(...delays);
    const high = Math.max(...delays);
    const span = ceilings[attempt] - 500;
    assert.ok(low >= 500 && high <= ceilings[attempt], `attempt ${attempt}: ${low}..${high}`);
    // 2000 uniform draws cover the range: both ends within 1% of it, and many distinct values.
    assert.ok(low - 500 < span * 0.01 && ceilings[attempt] - high < span * 0.01);
    assert.ok(
      new Set(delays).size > Math.min(span, 2000) / 2,
      `attempt ${attempt} is not jittered`,
    );
  });
});

Deno.test("reset goes back to the shortest delays; bad bounds are made sane", () => {
  const backoff = createBackoff({ minMs: 100, maxMs: 1000, factor: 3, random: () => 0.999 });
  assert.equal(backoff.next(), 299);
  assert.equal(backoff.next(), 899);
  assert.equal(backoff.next(), 999);
  backoff.reset();
  assert.equal(backoff.attempts(), 0);
  assert.equal(backoff.next(), 299);

  const inverted = createBackoff({ minMs: 500, maxMs: 100, random: () => 0.9 });
  assert.equal(inverted.next(), 500, "a maximum below the minimum means a fixed delay");
  const zero = createBackoff({ minMs: 0, maxMs: 1000, random: () => 0.999 });
  const grown = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(() => zero.next());
  assert.equal(grown.at(-1), 999, "a zero floor still grows to the maximum");
});
