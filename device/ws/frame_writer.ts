/**
 * A writer of client-to-server WebSocket frames (RFC 6455), paced by the
 * socket's `drain` event.
 *
 * Every frame gets a fresh 4-byte mask from the injected random source. A
 * frame is masked lazily, one piece of at most `pieceBytes` at a time, and the
 * next piece is written only after {@linkcode FrameWriter.drained} reports
 * that the socket flushed the previous one: a 64 KB message never sits in
 * memory twice, and the board's socket buffer never holds more than a piece.
 * Control frames (close, ping, pong) go out before data frames that have not
 * started yet, but never inside a frame already being written.
 *
 * Pure logic with no Espruino globals, so Deno tests can import it directly.
 *
 * @example
 * ```ts
 * import { createFrameWriter } from "./frame_writer.ts";
 * const writer = createFrameWriter({
 *   write: (piece) => socket.write(piece),
 *   randomBytes: (n) => entropy(n),
 *   pieceBytes: 512,
 * });
 * socket.on("drain", () => writer.drained());
 * writer.send(1, "hello");
 * ```
 * @module
 */

import { byteAt, chars, OP_CLOSE } from "./protocol.ts";

/** Settings of {@linkcode createFrameWriter}. */
export interface FrameWriterOptions {
  /** Hands a piece (a binary string) to the socket. */
  write(piece: string): void;
  /** `n` unpredictable bytes as a binary string; called once per frame for its mask. */
  randomBytes(n: number): string;
  /** Largest piece written at once (a frame header may add up to 14 bytes to the first). */
  pieceBytes: number;
}

/** A running writer. */
export interface FrameWriter {
  /**
   * Queues a frame: a data frame after those queued, a control frame (opcode 8 and up) ahead of
   * every data frame not yet started. `done` runs once its last byte has been handed to the socket.
   */
  send(opcode: number, payload: string, done?: () => void): void;
  /** The socket flushed the last piece: write the next one. */
  drained(): void;
}

interface Frame {
  /** Header and mask, not yet written ("" once written). */
  head: string;
  /** The 4 mask bytes. */
  mask: string;
  payload: string;
  /** Payload bytes already written. */
  written: number;
  done?: () => void;
}

/** The header of a final, masked frame carrying `length` bytes, without the mask. */
function frameHeader(opcode: number, length: number): string {
  const first = chars(0x80 | opcode);
  if (length < 126) return first + chars(0x80 | length);
  if (length < 65536) return first + chars(0x80 | 126, length >> 8, length & 0xff);
  return first +
    chars(
      0x80 | 127,
      0,
      0,
      0,
      0,
      length >>> 24,
      (length >> 16) & 0xff,
      (length >> 8) & 0xff,
      length & 0xff,
    );
}

/** Creates a writer that hands pieces to `options.write`, one per `drained()` call. */
export function createFrameWriter(options: FrameWriterOptions): FrameWriter {
  const size = options.pieceBytes;
  const controls: Frame[] = [];
  const data: Frame[] = [];
  let current: Frame | undefined;
  let waiting = false;

  const pump = () => {
    if (waiting) return;
    let piece = "";
    const finished: (() => void)[] = [];
    while (piece.length < size) {
      const frame = current = current || controls.shift() || data.shift();
      if (!frame) break;
      piece += frame.head;
      frame.head = "";
      const payload = frame.payload;
      let at = frame.written;
      const end = Math.min(payload.length, at + size - piece.length);
      for (; at < end; at++) piece += chars(byteAt(payload, at) ^ byteAt(frame.mask, at & 3));
      frame.written = at;
      if (at === payload.length) {
        if (frame.done) finished.push(frame.done);
        current = undefined;
      }
    }
    if (!piece) return;
    waiting = true;
    options.write(piece);
    for (let i = 0; i < finished.length; i++) finished[i]();
  };

  return {
    send(opcode, payload, done) {
      const mask = options.randomBytes(4);
      (opcode >= OP_CLOSE ? controls : data).push({
        head: frameHeader(opcode, payload.length) + mask,
        mask,
        payload,
        written: 0,
        done,
      });
      pump();
    },
    drained() {
      waiting = false;
      pump();
    },
  };
}
