/**
 * Compares an LED's recorded transitions with the SOS pattern the firmware
 * plays, for tests and the firmware benchmark.
 *
 * @example
 * ```ts
 * import { sosTimingError } from "./sos_timing.ts";
 * const pattern = { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 };
 * const log = [{ value: 1 as const, time: 400 }, { value: 0 as const, time: 601 }];
 * sosTimingError(log, pattern); // { worstMs: 1, spans: 1, firstOnMs: 400 }
 * ```
 * @module
 */

import type { SosPattern } from "../device/firmware/config.ts";

/** One level change of a pin, as a board's pin log records it. */
export interface Transition {
  /** The new level. */
  value: 0 | 1;
  /** When, in milliseconds. */
  time: number;
}

/** Result of {@linkcode sosTimingError}. */
export interface SosTiming {
  /** Largest difference between a span and its expected length, in ms. */
  worstMs: number;
  /** Complete on and off spans compared. */
  spans: number;
  /** When the LED first lit. */
  firstOnMs: number;
}

/** The expected on/off lengths of one cycle, starting with the first dot's "on". */
export function sosSpans(pattern: SosPattern): number[] {
  const spans: number[] = [];
  const symbols = "...---...";
  for (let i = 0; i < symbols.length; i++) {
    spans.push(symbols[i] === "." ? pattern.dotOnMs : pattern.dashOnMs);
    spans.push(i === symbols.length - 1 ? pattern.pauseMs : pattern.offMs);
  }
  return spans;
}

/**
 * From the LED's first "on", checks that every span alternates on and off
 * and has its expected length; throws if the LED never lit or a span is of
 * the wrong kind.
 */
export function sosTimingError(
  log: readonly Transition[],
  pattern: SosPattern,
  options: { activeLow?: boolean } = {},
): SosTiming {
  const onLevel = options.activeLow ? 0 : 1;
  const expected = sosSpans(pattern);
  const first = log.findIndex((t) => t.value === onLevel);
  if (first === -1) throw new Error("the LED never lit");
  let worstMs = 0;
  let spans = 0;
  for (let i = first; i + 1 < log.length; i++) {
    const index = i - first;
    if ((log[i].value === onLevel) !== (index % 2 === 0)) {
      throw new Error(`span ${index} at ${log[i].time} ms is ${log[i].value ? "high" : "low"}`);
    }
    const span = log[i + 1].time - log[i].time;
    worstMs = Math.max(worstMs, Math.abs(span - expected[index % expected.length]));
    spans++;
  }
  return { worstMs, spans, firstOnMs: log[first].time };
}
