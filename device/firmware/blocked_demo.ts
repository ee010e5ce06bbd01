/**
 * The SOS blinker alone, with its JavaScript blocked for 2.5 s in the second
 * cycle's callback (longer than the edges queued ahead), as a slow connect
 * would block it. Not part of the firmware: for the test
 * (tests/firmware_test.ts) that the pattern then shifts
 * but is never garbled. `FAST_PATTERN` is defined when the test bundles it.
 *
 * @module
 */

import type { SosPattern } from "./config.ts";
import { startBlinker } from "./sos.ts";

declare const FAST_PATTERN: SosPattern;

startBlinker({
  pin: LED1,
  activeLow: false,
  pattern: FAST_PATTERN,
  onCycle: (cycles) => {
    if (cycles === 2) {
      const start = getTime();
      while (getTime() - start < 2.5) { /* blocked */ }
      print("unblocked");
    }
    if (cycles === 6) print("cycle 6");
  },
  onError: (error) => print("error " + error),
});
