/**
 * An engine board's Storage: the flash partition, kept across reboots and power cycles in
 * memory, and in a file when one is given (so a later run boots what was saved, as a board does).
 *
 * @module
 */

/** The flash partition of a board. */
export class BoardStorage {
  #bytes: Uint8Array | undefined;
  #view: Uint8Array | undefined;
  #file: Deno.FsFile | undefined;
  #path: string | undefined;

  /** Storage kept in `path` when given, else in memory only. */
  constructor(path?: string) {
    this.#path = path;
  }

  /** A copy of the partition's bytes. */
  snapshot(): Uint8Array {
    return new Uint8Array(this.#bytes ?? []);
  }

  /** Called at each boot with the partition inside the interpreter's memory: fills it. */
  attach(view: Uint8Array): void {
    this.#view = view;
    if (!this.#bytes) this.#bytes = this.#load(view.length);
    view.set(this.#bytes);
  }

  #load(size: number): Uint8Array {
    const bytes = new Uint8Array(size).fill(0xff);
    if (!this.#path) return bytes;
    let existing: Uint8Array | undefined;
    try {
      existing = Deno.readFileSync(this.#path);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    if (existing && existing.length !== size) {
      throw new Error(
        `${this.#path} holds ${existing.length} bytes, but this board's Storage is ${size}: ` +
          "it belongs to another board; delete it or pick another file",
      );
    }
    if (existing) bytes.set(existing);
    this.#file = Deno.openSync(this.#path, { create: true, write: true, read: true });
    if (!existing) this.#file.writeSync(bytes);
    return bytes;
  }

  /** Called by the board when flash bytes changed: keeps them. */
  changed(offset: number, length: number): void {
    if (!this.#view || !this.#bytes) return;
    const part = this.#view.subarray(offset, offset + length);
    this.#bytes.set(part, offset);
    if (this.#file) {
      this.#file.seekSync(offset, Deno.SeekMode.Start);
      let written = 0;
      while (written < part.length) written += this.#file.writeSync(part.subarray(written));
    }
  }

  /** Closes the file. */
  close(): void {
    this.#file?.close();
    this.#file = undefined;
  }
}
