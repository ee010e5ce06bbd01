/**
 * Board time. On the wall clock it is real time since power-on. On the virtual clock it is made
 * of what the board does, never of the host's load: time the board waits for the outside world
 * (a peer's answer, typed input) passes as real time; idle time with nothing in flight is skipped
 * to the next thing the board waits for, so a ten-minute run takes seconds; and JavaScript's own
 * running costs it {@linkcode CLOCK_READ_US} each time it looks at the clock, so a busy loop on
 * `getTime()` ends, and a stall of the host between two looks never moves an LED edge.
 *
 * @module
 */

/** On the virtual clock: what one look at the clock by the interpreter costs it, in µs. */
export const CLOCK_READ_US = 1;

/** How board time passes: `wall` (real time) or `virtual` (idle time skipped). */
export type ClockMode = "wall" | "virtual";

/** A board's clock, in microseconds since power-on. */
export class BoardClock {
  /** How this clock passes time. */
  readonly mode: ClockMode;
  #realStart = performance.now();
  #virtualUs = 0;
  /** `setTime()`: what the board's system time adds to time since power-on. */
  #systemOffsetUs = 0;

  /** A clock starting at 0 now. */
  constructor(mode: ClockMode) {
    this.mode = mode;
  }

  /** Microseconds since power-on. */
  nowUs(): number {
    if (this.mode === "wall") return (performance.now() - this.#realStart) * 1000;
    return this.#virtualUs;
  }

  /** The interpreter looks at the clock (on the virtual clock that costs {@linkcode CLOCK_READ_US}). */
  read(): number {
    if (this.mode === "virtual") this.#virtualUs += CLOCK_READ_US;
    return this.nowUs();
  }

  /** The board waited `ms` of real time for the outside world: on the virtual clock too. */
  waited(ms: number): void {
    if (this.mode === "virtual" && ms > 0) this.#virtualUs += ms * 1000;
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
    if (this.mode === "virtual" && boardUs > this.#virtualUs) this.#virtualUs = boardUs;
  }
}
