/**
 * Board time. On the wall clock it is real time since power-on. On the virtual clock it is the
 * same, plus every stretch of idle time that was skipped: when the board sleeps and nothing is in
 * flight, its time jumps to the next thing it waits for, so a ten-minute run takes seconds, while
 * time spent running JavaScript still counts.
 *
 * @module
 */

/** How board time passes: `wall` (real time) or `virtual` (idle time skipped). */
export type ClockMode = "wall" | "virtual";

/** A board's clock, in microseconds since power-on. */
export class BoardClock {
  /** How this clock passes time. */
  readonly mode: ClockMode;
  #realStart = performance.now();
  #skippedUs = 0;
  /** `setTime()`: what the board's system time adds to time since power-on. */
  #systemOffsetUs = 0;

  /** A clock starting at 0 now. */
  constructor(mode: ClockMode) {
    this.mode = mode;
  }

  /** Microseconds since power-on. */
  nowUs(): number {
    return (performance.now() - this.#realStart) * 1000 + this.#skippedUs;
  }

  /** The board's system time (`getTime()` × 10⁶): time since power-on, moved by `setTime`. */
  systemUs(): number {
    return this.nowUs() + this.#systemOffsetUs;
  }

  /** Converts a system time to time since power-on. */
  toBoardUs(systemUs: number): number {
    return systemUs - this.#systemOffsetUs;
  }

  /** `setTime()`: from now, the system time reads `systemUs`. Returns how far it moved. */
  setSystemUs(systemUs: number): number {
    const delta = systemUs - this.systemUs();
    this.#systemOffsetUs += delta;
    return delta;
  }

  /** Skips idle time up to `boardUs` (virtual clock only; a no-op when that is not ahead). */
  skipTo(boardUs: number): void {
    if (this.mode !== "virtual") return;
    const ahead = boardUs - this.nowUs();
    if (ahead > 0) this.#skippedUs += ahead;
  }
}
