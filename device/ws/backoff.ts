/**
 * Reconnection delays: exponential growth with full jitter between bounds.
 *
 * Attempt n (from 0) waits a uniformly random time between `minMs` and
 * min(`maxMs`, `minMs`·2^(n+1)). The randomness spreads a fleet of boards
 * that lost the same relay at the same moment, so they do not all come back
 * in the same millisecond; the floor keeps a board from hammering a relay that
 * refuses it. The caller counts the attempts, and starts again from 0 after a
 * connection that stayed up.
 *
 * A pure function with no Espruino globals (the random source is injected), so
 * the client keeps one number of state, not an object of closures.
 *
 * @example
 * ```ts
 * import { backoffDelay } from "./backoff.ts";
 * const ms = backoffDelay({ attempt: 0, minMs: 1000, maxMs: 30000, random: Math.random });
 * // between 1000 and 2000
 * ```
 * @module
 */

/** Settings of {@linkcode backoffDelay}. */
export interface BackoffOptions {
  /** Attempts already made since the last good connection (0 for the first retry). */
  attempt: number;
  /** Shortest delay, in milliseconds. */
  minMs: number;
  /** Longest delay, in milliseconds. */
  maxMs: number;
  /** A uniform random number in [0, 1). */
  random(): number;
}

/** The delay before the next attempt, in whole milliseconds. */
export function backoffDelay(options: BackoffOptions): number {
  const min = options.minMs;
  // A floor of 0 still grows (from 1 ms), and 2^n past 1024 is Infinity, which min() caps.
  const ceiling = Math.min(
    Math.max(options.maxMs, min),
    (min || 1) * Math.pow(2, options.attempt + 1),
  );
  return Math.floor(min + options.random() * (ceiling - min));
}
