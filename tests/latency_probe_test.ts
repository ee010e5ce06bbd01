/**
 * The machine-latency probe of the firmware benchmark: cyclictest's output
 * read, and late LED edges matched with the machine's stalls.
 */

import assert from "node:assert/strict";
import { parseCyclictest, stallNear } from "../bench/latency_probe.ts";

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
