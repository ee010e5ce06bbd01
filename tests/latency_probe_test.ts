/**
 * The machine-latency probe of the firmware benchmark: cyclictest's output
 * read, and late LED edges matched with the machine's stalls.
 */

import assert from "node:assert/strict";
import { edgeCauses, parseCyclictest, stallNear } from "../tools/latency_probe.ts";
import { edgeDeviations, sosSpans, type Transition } from "../tools/sos_timing.ts";

const OUTPUT = `# /dev/cpu_dma_latency set to 0us
T: 0 ( 6741) P: 1 I:1000 C: 599766 Min:      7 Act:   15 Avg:   24 Max:    6277
T: 1 ( 6742) P: 1 I:1000 C: 599760 Min:      6 Act:   12 Avg:   20 Max:    3100
T: 1 Spike:    3100: TS:  38000000500
T: 0 Spike:    6277: TS:  37999999000
`;

Deno.test("parseCyclictest reads every thread's wake-ups and worst, and the stalls in time order", () => {
  const result = parseCyclictest(OUTPUT);
  assert.equal(result.samples, 599766 + 599760);
  assert.equal(result.worstMs, 6.277);
  assert.deepEqual(result.stalls, [
    { thread: 0, lateMs: 6.277, atMs: 37999999 },
    { thread: 1, lateMs: 3.1, atMs: 38000000.5 },
  ]);
  assert.deepEqual(parseCyclictest(""), { stalls: [], worstMs: 0, samples: 0 });
});

Deno.test("stallNear finds a stall that held up a moment, from its start to just after its end", () => {
  const stalls = parseCyclictest(OUTPUT).stalls;
  // Thread 0 could not run from 37999992.723 to 37999999.
  assert.equal(stallNear(stalls, 37999995)?.thread, 0);
  assert.equal(stallNear(stalls, 37999999.9)?.thread, 0);
  assert.equal(stallNear(stalls, 37999991.8)?.thread, 0, "1 ms of slack before");
  assert.equal(stallNear(stalls, 37999990), undefined);
  assert.equal(stallNear(stalls, 38000001.4)?.thread, 1);
  assert.equal(stallNear(stalls, 38000002), undefined);
  assert.equal(stallNear([], 1), undefined);
});

const PATTERN = { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 };

/** The LED's edges for `count` edges of the pattern from `startMs`, moved by `shifts` (ms). */
function ledLog(startMs: number, count: number, shifts: Record<number, number>): Transition[] {
  const spans = sosSpans(PATTERN);
  const log: Transition[] = [{ value: 0, time: startMs - 50 }];
  let at = startMs;
  for (let i = 0; i < count; i++) {
    log.push({ value: i % 2 ? 0 : 1, time: at + (shifts[i] ?? 0) });
    at += spans[i % spans.length];
  }
  return log;
}

Deno.test("edgeDeviations measures each edge against the pattern, not against a shift of it", () => {
  const deviations = edgeDeviations(ledLog(1000, 60, { 5: 4.5, 12: -3 }), PATTERN);
  assert.equal(deviations.length, 60, "from the first on");
  assert.equal(deviations[5].deviationMs, 4.5);
  assert.equal(deviations[12].deviationMs, -3);
  assert.ok(deviations.every((d, i) => i === 5 || i === 12 || d.deviationMs === 0));
  // The pattern resumed 700 ms later (the JavaScript was blocked): only the jump itself counts.
  const shifted = ledLog(
    1000,
    60,
    Object.fromEntries(
      Array.from({ length: 30 }, (_, k) => [30 + k, 700]),
    ),
  );
  const after = edgeDeviations(shifted, PATTERN).slice(31);
  assert.ok(after.slice(16).every((d) => d.deviationMs === 0), "settled on the new grid");
});

Deno.test("edgeCauses: late at a stall, early by as much soon after it, else unexplained", () => {
  const log = ledLog(1000, 60, { 5: 4.5, 12: -4.3, 20: -3, 40: 4 });
  const deviations = edgeDeviations(log, PATTERN);
  // One stall, when edge 5 fired; none at edge 40.
  const stalls = [{ thread: 1, atMs: log[6].time + 0.2, lateMs: 4.7 }];
  const causes = edgeCauses(deviations, stalls);
  assert.equal(causes[5], "stall");
  assert.equal(causes[12], "carried", "early by what edge 5 was late, within the queue's horizon");
  assert.equal(causes[20], undefined, "early by another amount");
  assert.equal(causes[40], undefined, "late with no stall");
  assert.equal(causes.filter(Boolean).length, 2);
  assert.deepEqual(edgeCauses(deviations, []).filter(Boolean), []);
});
