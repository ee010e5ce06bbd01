/**
 * A writer of client-to-server WebSocket frames (RFC 6455), paced by the
 * socket's `drain` event.
 *
 * Every frame gets a fresh 4-byte mask from the injected random source. A
 * frame is masked lazily, one piece of at most `pieceBytes` at a time, and the
 * next piece is written only after {@linkcode FrameWriter.drained} reports
 * that the socket flushed the previous one: a 64 KB message never sits in
 * memory twice, and the board's socket buffer never holds more than a piece.
 * Control frames (pong, ping, close) go out before data frames that have not
 * started yet, but never inside a frame already being written.
 *
 * Pure logic with no Espruino globals, so Deno tests can import it directly.
 *
 * @example
 * ```ts
 * import { createFrameWriter } from "./frame_writer.ts";
 * const writer = createFrameWriter({
 *   write: (piece) => socket.write(piece),
 *   randomBytes: (n) => entropy.bytes(n),
 *   pieceBytes: 512,
 * });
 * socket.on("drain", () => writer.drained());
 * writer.send(1, "hello");
 * ```
 * @module
 */

import { byteAt, chars } from "./protocol.ts";

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
  /** Queues a data frame; `done` runs once its last byte has been handed to the socket. */
  send(opcode: number, payload: string, done?: () => void): void;
  /** Queues a control frame ahead of every data frame not yet started. */
  control(opcode: number, payload: string): void;
  /** The socket flushed the last piece: write the next one. */
  drained(): void;
  /** Payload bytes queued and not yet handed to the socket. */
  pending(): number;
}

interface Frame {
  /** Header and mask, not yet written ("" once written). */
  head: string;
  /** The 4 mask bytes. */
  mask: string;
  payload: string;
  /** Payload bytes already written. */
  pos: number;
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
  let pending = 0;

  const frame = (opcode: number, payload: string, done?: () => void): Frame => {
    const key = options.randomBytes(4);
    pending += payload.length;
    return {
      head: frameHeader(opcode, payload.length) + key,
      mask: key,
      payload,
      pos: 0,
      done,
    };
  };

  const pump = () => {
    if (waiting) return;
    let piece = "";
    const finished: (() => void)[] = [];
    while (piece.length < size) {
      if (!current) current = controls.shift() || data.shift();
      if (!current) break;
      piece += current.head;
      current.head = "";
      const payload = current.payload;
      const mask = current.mask;
      let pos = current.pos;
      const end = Math.min(payload.length, pos + size - piece.length);
      for (; pos < end; pos++) {
        piece += chars(byteAt(payload, pos) ^ byteAt(mask, pos & 3));
      }
      pending -= pos - current.pos;
      current.pos = pos;
      if (pos === payload.length) {
        if (current.done) finished.push(current.done);
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
      data.push(frame(opcode, payload, done));
      pump();
    },
    control(opcode, payload) {
      controls.push(frame(opcode, payload));
      pump();
    },
    drained() {
      waiting = false;
      pump();
    },
    pending: () => pending,
  };
}
