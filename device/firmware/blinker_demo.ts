/**
 * The SOS blinker alone on LED1, with no network. Not part of the firmware:
 * `bench/timer_jitter_bench.ts` runs it on the real interpreter as the
 * baseline of the firmware's LED timing.
 *
 * @module
 */

import { startBlinker } from "./sos.ts";

startBlinker({
  pin: LED1,
  activeLow: false,
  pattern: { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 },
  onCycle: () => {},
  onError: (error) => print("error " + error),
});
