/**
 * The device's reconnection backoff: bounds, growth, jitter.
 */

import assert from "node:assert/strict";
import { backoffDelay } from "../device/ws/backoff.ts";
import { seededRandom } from "./device_frames.ts";

Deno.test("each delay lies between the floor and a ceiling that doubles up to the maximum", () => {
  const ceilings = [2000, 4000, 8000, 16000, 30000, 30000, 30000];
  for (const r of [0, 0.5, 0.999999]) {
    ceilings.forEach((ceiling, attempt) => {
      const delay = backoffDelay({ attempt, minMs: 1000, maxMs: 30000, random: () => r });
      assert.equal(
        delay,
        Math.floor(1000 + r * (ceiling - 1000)),
        `attempt ${attempt}, random ${r}`,
      );
    });
  }
  // Far past the maximum, 2^attempt overflows to Infinity and is still capped.
  assert.equal(
    backoffDelay({ attempt: 5000, minMs: 1000, maxMs: 30000, random: () => 0.5 }),
    15500,
  );
});

Deno.test("delays are spread over the whole allowed range (full jitter), never outside it", () => {
  const random = seededRandom(42);
  const byAttempt: number[][] = [[], [], [], [], [], []];
  for (let run = 0; run < 2000; run++) {
    byAttempt.forEach((delays, attempt) =>
      delays.push(backoffDelay({ attempt, minMs: 500, maxMs: 8000, random }))
    );
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

Deno.test("bad bounds are made sane: a maximum below the minimum, a zero floor", () => {
  const delay = (attempt: number, minMs: number, maxMs: number, r: number) =>
    backoffDelay({ attempt, minMs, maxMs, random: () => r });
  assert.equal(delay(0, 500, 100, 0.9), 500, "a maximum below the minimum means a fixed delay");
  assert.equal(delay(3, 500, 100, 0.9), 500);
  const grown = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempt) => delay(attempt, 0, 1000, 0.999));
  assert.deepEqual(grown.slice(0, 3), [1, 3, 7], "a zero floor grows from 1 ms");
  assert.equal(grown.at(-1), 999, "a zero floor still grows to the maximum");
});
