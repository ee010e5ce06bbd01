/**
 * An engine board's console (Espruino's REPL): what it prints, kept and passed to listeners, and
 * what is typed into it, fed to the interpreter as fast as its input queue takes it.
 *
 * @module
 */

/** The console of a board. */
export class BoardConsole {
  #input: Uint8Array[] = [];
  #pending = 0;
  #text = "";
  #listeners = new Set<(bytes: Uint8Array) => void>();
  #waiters = new Set<() => void>();
  #onInput: () => void;

  /** A console that calls `onInput` when something is typed. */
  constructor(onInput: () => void) {
    this.#onInput = onInput;
  }

  /** Everything the board has printed, as text (bytes as Latin-1 characters). */
  get text(): string {
    return this.#text;
  }

  /** Bytes typed and not yet taken by the interpreter. */
  get pendingInput(): number {
    return this.#pending;
  }

  /** Types into the console (a string is sent as UTF-8). */
  write(input: string | Uint8Array): void {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    if (bytes.length === 0) return;
    this.#input.push(bytes);
    this.#pending += bytes.length;
    this.#onInput();
  }

  /** Calls `listener` with every chunk printed from now on; returns a function that stops it. */
  listen(listener: (bytes: Uint8Array) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves once the output since `from` (a {@linkcode text} length) matches `pattern`. */
  async waitFor(
    pattern: RegExp | string,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<string> {
    const from = options.from ?? 0;
    const timeoutMs = options.timeoutMs ?? 10_000;
    const matches = () => {
      const rest = this.#text.slice(from);
      return typeof pattern === "string" ? rest.includes(pattern) : pattern.test(rest);
    };
    if (matches()) return this.#text.slice(from);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let waiter: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        timer = setTimeout(() => {
          reject(
            new Error(
              `console did not show ${pattern} within ${timeoutMs} ms; it showed:\n` +
                this.#text.slice(from).slice(-2000),
            ),
          );
        }, timeoutMs);
        waiter = () => {
          if (matches()) resolve();
        };
        this.#waiters.add(waiter);
      });
    } finally {
      clearTimeout(timer);
      if (waiter) this.#waiters.delete(waiter);
    }
    return this.#text.slice(from);
  }

  /** Called by the board with bytes the interpreter printed. */
  output(bytes: Uint8Array): void {
    this.#text += String.fromCharCode(...bytes);
    for (const listener of this.#listeners) listener(bytes);
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** Called by the board: up to `max` typed bytes. */
  takeInput(max: number): Uint8Array {
    const head = this.#input[0];
    const chunk = head.subarray(0, max);
    if (chunk.length === head.length) this.#input.shift();
    else this.#input[0] = head.subarray(chunk.length);
    this.#pending -= chunk.length;
    return chunk;
  }
}
