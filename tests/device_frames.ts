/**
 * Test helpers for the device's WebSocket modules, which work on binary
 * strings (one character per byte) as Espruino's sockets do: server frames
 * to feed the parser, a decoder for what the writer produced, a seeded random
 * source and SHA-1.
 *
 * @module
 */

import { createHash } from "node:crypto";

/** A frame as a server would send it. */
export interface ServerFrameOptions {
  /** Opcode (0–15). */
  opcode: number;
  /** Payload, a binary string. */
  payload?: string;
  /** FIN bit (default true). */
  fin?: boolean;
  /** RSV1–3 bits, 0–7. */
  rsv?: number;
  /** Set the mask bit (servers must not) with this 4-byte key. */
  mask?: string;
  /** Encode the length in this form even when a shorter one would do. */
  lengthBits?: 7 | 16 | 64;
  /** Claim this length instead of the payload's. */
  claimedLength?: number;
}

/** Encodes a frame as a binary string. */
export function serverFrame(options: ServerFrameOptions): string {
  const payload = options.payload ?? "";
  const length = options.claimedLength ?? payload.length;
  const bits = options.lengthBits ?? (length < 126 ? 7 : length < 65536 ? 16 : 64);
  const maskBit = options.mask ? 0x80 : 0;
  let head = String.fromCharCode(
    (options.fin === false ? 0 : 0x80) | ((options.rsv ?? 0) << 4) | options.opcode,
  );
  if (bits === 7) head += String.fromCharCode(maskBit | length);
  else if (bits === 16) head += String.fromCharCode(maskBit | 126, length >> 8, length & 0xff);
  else {
    const high = Math.floor(length / 2 ** 32);
    head += String.fromCharCode(maskBit | 127);
    for (const word of [high, length >>> 0]) {
      head += String.fromCharCode(
        word >>> 24,
        (word >>> 16) & 0xff,
        (word >>> 8) & 0xff,
        word & 0xff,
      );
    }
  }
  if (!options.mask) return head + payload;
  let body = "";
  for (let i = 0; i < payload.length; i++) {
    body += String.fromCharCode(payload.charCodeAt(i) ^ options.mask.charCodeAt(i & 3));
  }
  return head + options.mask + body;
}

/** A close frame's payload: code and reason. */
export function closeBody(code: number, reason = ""): string {
  return String.fromCharCode(code >> 8, code & 0xff) + reason;
}

/** A frame decoded from the client's output. */
export interface ClientFrame {
  /** FIN bit. */
  fin: boolean;
  /** Opcode. */
  opcode: number;
  /** The 4-byte mask key ("" if the frame was not masked). */
  mask: string;
  /** Unmasked payload. */
  payload: string;
}

/** Decodes the frame at the front of `buffer`, or returns undefined while it is incomplete. */
export function takeFrame(buffer: string): { frame: ClientFrame; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const byte = (i: number) => buffer.charCodeAt(i);
  let length = byte(1) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = byte(2) * 256 + byte(3);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = 0;
    for (let i = 2; i < 10; i++) length = length * 256 + byte(i);
    offset = 10;
  }
  const masked = (byte(1) & 0x80) !== 0;
  const mask = masked ? buffer.slice(offset, offset + 4) : "";
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  let payload = "";
  for (let i = 0; i < length; i++) {
    const c = byte(offset + i);
    payload += String.fromCharCode(masked ? c ^ mask.charCodeAt(i & 3) : c);
  }
  return {
    frame: { fin: (byte(0) & 0x80) !== 0, opcode: byte(0) & 0x0f, mask, payload },
    size: offset + length,
  };
}

/** Decodes complete frames from `bytes`; throws if bytes are left over. */
export function decodeFrames(bytes: string): ClientFrame[] {
  const frames: ClientFrame[] = [];
  for (let rest = bytes; rest;) {
    const taken = takeFrame(rest);
    if (!taken) throw new Error(`truncated frame at byte ${bytes.length - rest.length}`);
    frames.push(taken.frame);
    rest = rest.slice(taken.size);
  }
  return frames;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` bytes from `random` as a binary string. */
export function randomBytes(random: () => number, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += String.fromCharCode(Math.floor(random() * 256));
  return out;
}

/** SHA-1 of a binary string, as a binary string (what Espruino's crypto gives after E.toString). */
export function sha1(data: string): string {
  return fromBytes(createHash("sha1").update(toBytes(data)).digest());
}

/** A binary string as bytes. */
export function toBytes(data: string): Uint8Array {
  return Uint8Array.from(data, (c) => c.charCodeAt(0));
}

/** Bytes as a binary string. */
export function fromBytes(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
