/**
 * The SOS blinker alone on LED1, with no network. Not part of the firmware:
 * `bench/timer_jitter_bench.ts` runs it on the real interpreter as the
 * baseline of the firmware's LED timing. `DEMO_PATTERN` is defined when the
 * bench bundles it (the firmware's default pattern).
 *
 * @module
 */

import type { SosPattern } from "./config.ts";
import { startBlinker } from "./sos.ts";

declare const DEMO_PATTERN: SosPattern;

startBlinker({
  pin: LED1,
  activeLow: false,
  pattern: DEMO_PATTERN,
  onCycle: () => {},
  onError: (error) => print("error " + error),
});
