/**
 * Repeats a check that a busy machine can fail by itself, and only for that reason: a failure of
 * any other kind ends it at once, and the check fails when every attempt did, with each attempt's
 * message. The tests that use it compare against something deterministic (the virtual board's
 * model), so a real fault shows in every attempt while a stall of the shared machine does not.
 *
 * @example
 * ```ts
 * import { Retryable, retryWhileRetryable } from "./attempts.ts";
 * await retryWhileRetryable({ attempts: 3 }, async () => {
 *   const worstMs = await measure();
 *   if (worstMs > 5) throw new Retryable(`worst timing error ${worstMs} ms`);
 * });
 * ```
 * @module
 */

import assert from "node:assert/strict";

/** A failure the machine can cause by itself (a stall moved an edge): worth another attempt. */
export class Retryable extends Error {}

/** Settings of {@linkcode retryWhileRetryable}. */
export interface AttemptOptions {
  /** Most attempts in all (at least 1). */
  attempts: number;
}

/**
 * Runs `check` until it returns, at most `options.attempts` times, while it throws
 * {@linkcode Retryable}. Any other error is thrown at once; when every attempt failed, an
 * assertion error lists them all.
 */
export async function retryWhileRetryable(
  options: AttemptOptions,
  check: (attempt: number) => Promise<void>,
): Promise<void> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      return await check(attempt);
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      failures.push(`attempt ${attempt}: ${error.message}`);
    }
  }
  assert.fail(failures.join("\n"));
}
