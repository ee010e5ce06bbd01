/**
 * The pin log of an engine board: every change of a pin's output level, at the board time it
 * happened (for a utility-timer task: the time it was due, as the hardware timer fires it).
 *
 * @module
 */

/** One output change. */
export interface PinEdge {
  /** Board time, ms since power-on. */
  ms: number;
  /** The pin, e.g. `D2`. */
  pin: string;
  /** The new level. */
  level: 0 | 1;
}

/** Every pin change of a board, in memory and optionally appended to a file. */
export class PinLog {
  /** The changes so far, oldest first. */
  readonly edges: PinEdge[] = [];
  #file: Deno.FsFile | undefined;

  /** A log that also appends `<ms> <pin> <level>` lines to `file` when given. */
  constructor(file?: string) {
    if (file) this.#file = Deno.openSync(file, { create: true, append: true });
  }

  /** Records a change at board time `us`. */
  record(us: number, pin: number, level: number): void {
    const edge: PinEdge = { ms: us / 1000, pin: `D${pin}`, level: level ? 1 : 0 };
    this.edges.push(edge);
    this.#file?.writeSync(
      new TextEncoder().encode(`${edge.ms.toFixed(3)} ${edge.pin} ${edge.level}\n`),
    );
  }

  /** The changes of one pin. */
  of(pin: string): PinEdge[] {
    return this.edges.filter((edge) => edge.pin === pin);
  }

  /** Closes the file, if any. */
  close(): void {
    this.#file?.close();
    this.#file = undefined;
  }
}
