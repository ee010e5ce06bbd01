/**
 * Reconnection delays: exponential growth with full jitter between bounds.
 *
 * Attempt n (from 0) waits a uniformly random time between `minMs` and
 * min(`maxMs`, `minMs`·`factor`^(n+1)). The randomness spreads a fleet of
 * boards that lost the same relay at the same moment, so they do not all
 * come back in the same millisecond; the floor keeps a board from hammering
 * a relay that refuses it. {@linkcode Backoff.reset} starts again from the
 * shortest delays, which the client does after a connection that stayed up.
 *
 * Pure logic with no Espruino globals (the random source is injected).
 *
 * @example
 * ```ts
 * import { createBackoff } from "./backoff.ts";
 * const backoff = createBackoff({ minMs: 1000, maxMs: 30000, random: Math.random });
 * setTimeout(reconnect, backoff.next()); // between 1 and 2 s
 * ```
 * @module
 */

/** Settings of {@linkcode createBackoff}. */
export interface BackoffOptions {
  /** Shortest delay, in milliseconds. */
  minMs: number;
  /** Longest delay, in milliseconds. */
  maxMs: number;
  /** Growth of the ceiling per attempt (default 2). */
  factor?: number;
  /** A uniform random number in [0, 1). */
  random(): number;
}

/** A sequence of delays. */
export interface Backoff {
  /** The delay before the next attempt; each call counts one attempt. */
  next(): number;
  /** Back to the shortest delays. */
  reset(): void;
  /** Attempts counted since the last reset. */
  attempts(): number;
}

/** Creates a backoff sequence. */
export function createBackoff(options: BackoffOptions): Backoff {
  const min = options.minMs;
  const max = options.maxMs > min ? options.maxMs : min;
  const factor = options.factor || 2;
  let attempts = 0;
  let ceiling = min;
  return {
    next() {
      attempts++;
      // Kept as a running product so it stops growing at max instead of overflowing.
      ceiling = Math.min(max, (ceiling || 1) * factor);
      return Math.floor(min + options.random() * (ceiling - min));
    },
    reset() {
      attempts = 0;
      ceiling = min;
    },
    attempts: () => attempts,
  };
}
