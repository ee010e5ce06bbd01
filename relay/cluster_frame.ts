/**
 * The framing of everything relay nodes say to each other on the Redis bus:
 * one binary pub/sub message per frame, so a client's bytes and its message
 * type (text or binary) cross unchanged, tagged with the node, the sender and
 * the sender's role.
 *
 * ```
 * byte 0        kind: 0 text, 1 binary, 2 probe, 3 replace, 4 resumed, 5 event, 6 batch;
 *               text and binary from a device have the high bit set (0x80, 0x81)
 * byte 1        length N of the origin node's id (ASCII)
 * 2 .. 2+N      origin node id
 * text/binary:  1 byte length M of the sender's client id, the id, then the payload
 * probe:        float64 little-endian send time (performance.now() of the origin)
 * replace:      the claim token of the connection to close (ASCII)
 * resumed:      the ticket of a resume-window take (ASCII), marking where it happened
 * event:        a presence event as JSON text (UTF-8)
 * batch:        frames of that node, in order, each as a 4-byte big-endian length, then the frame
 * ```
 *
 * Lua scripts in Redis write replace and batch frames and read the payload
 * size and sender of message frames: their Lua functions are generated from
 * this module ({@linkcode LUA_FRAMES}), and tests/cluster_frame_test.ts runs
 * them in a real redis-server against the encoders below.
 *
 * @example
 * ```ts
 * import { decodeFrame, encodeMessage } from "./cluster_frame.ts";
 * const bytes = encodeMessage("node-a", "esp32-1", "hello");
 * decodeFrame(bytes); // { kind: "text", node: "node-a", sender: "esp32-1", data: "hello", bytes: 5 }
 * ```
 * @module
 */

import { Buffer } from "node:buffer";
import type { Role } from "./routing.ts";

/** Frame kind byte values. */
export const FRAME_TEXT = 0;
/** A binary client message. */
export const FRAME_BINARY = 1;
/** A round-trip probe a node sends to itself through Redis. */
export const FRAME_PROBE = 2;
/** Asks the node holding a claim token to close that connection with 4001. */
export const FRAME_REPLACE = 3;
/** Marks the point on the bus where a returning client's kept messages were taken. */
export const FRAME_RESUMED = 4;
/** A presence event for the operators that asked for them (`?events=1`). */
export const FRAME_EVENT = 5;
/**
 * Several frames of one node published in one message (relay/cluster_batch.ts); receivers take
 * them in order.
 */
export const FRAME_BATCH = 6;
/** Set in the kind byte of a text or binary frame whose sender is a device. */
export const FROM_DEVICE = 0x80;

/** A decoded bus frame. */
export type BusFrame =
  | { kind: "text"; node: string; sender: string; role: Role; data: string; bytes: number }
  | { kind: "binary"; node: string; sender: string; role: Role; data: ArrayBuffer; bytes: number }
  | { kind: "probe"; node: string; sentAt: number }
  | { kind: "replace"; node: string; token: string }
  | { kind: "resumed"; node: string; ticket: string }
  | { kind: "event"; node: string; text: string };

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Bytes of the length in front of each frame of a batch. */
const BATCH_LENGTH_BYTES = 4;

function header(kind: number, node: string, extra: number): { frame: Buffer; offset: number } {
  if (node.length > 255) throw new Error(`node id "${node}" is longer than 255 characters`);
  const frame = Buffer.allocUnsafe(2 + node.length + extra);
  frame[0] = kind;
  frame[1] = node.length;
  frame.write(node, 2, "latin1");
  return { frame, offset: 2 + node.length };
}

/**
 * Frames one client message: text stays text, binary stays binary; `role` is
 * the sender's (an operator by default), so other nodes route it as this one does.
 */
export function encodeMessage(
  node: string,
  sender: string,
  data: string | ArrayBuffer,
  role: Role = "operator",
): Buffer {
  if (sender.length > 255) throw new Error(`client id "${sender}" is longer than 255 characters`);
  const text = typeof data === "string";
  const payload = text ? Buffer.byteLength(data) : data.byteLength;
  const { frame, offset } = header(
    (text ? FRAME_TEXT : FRAME_BINARY) | (role === "device" ? FROM_DEVICE : 0),
    node,
    1 + sender.length + payload,
  );
  frame[offset] = sender.length;
  frame.write(sender, offset + 1, "latin1");
  const start = offset + 1 + sender.length;
  if (text) frame.write(data, start, "utf8");
  else frame.set(new Uint8Array(data), start);
  return frame;
}

/** Frames a round-trip probe stamped with `sentAt` (milliseconds, origin's own clock). */
export function encodeProbe(node: string, sentAt: number): Buffer {
  const { frame, offset } = header(FRAME_PROBE, node, 8);
  frame.writeDoubleLE(sentAt, offset);
  return frame;
}

/** Frames a request to close the connection holding `token` (what the Lua claim script sends). */
export function encodeReplace(node: string, token: string): Buffer {
  const { frame, offset } = header(FRAME_REPLACE, node, token.length);
  frame.write(token, offset, "latin1");
  return frame;
}

/** Frames the bus mark of a resume-window take (what the Lua take script publishes). */
export function encodeResumed(node: string, ticket: string): Buffer {
  const { frame, offset } = header(FRAME_RESUMED, node, ticket.length);
  frame.write(ticket, offset, "latin1");
  return frame;
}

/** Frames a presence event (JSON text) for the other nodes' operators. */
export function encodeEvent(node: string, text: string): Buffer {
  const { frame, offset } = header(FRAME_EVENT, node, Buffer.byteLength(text));
  frame.write(text, offset, "utf8");
  return frame;
}

/** Frames several frames of `node` (each a whole frame) as one batch, in order. */
export function encodeBatch(node: string, frames: Uint8Array[]): Buffer {
  let size = 0;
  for (const frame of frames) size += BATCH_LENGTH_BYTES + frame.length;
  const { frame: batch, offset } = header(FRAME_BATCH, node, size);
  let at = offset;
  for (const frame of frames) {
    batch.writeUInt32BE(frame.length, at);
    batch.set(frame, at + BATCH_LENGTH_BYTES);
    at += BATCH_LENGTH_BYTES + frame.length;
  }
  return batch;
}

/** Whether a frame is a batch (kind 6). */
export function isBatchFrame(bytes: Uint8Array): boolean {
  return bytes[0] === FRAME_BATCH;
}

/**
 * The frames of a batch, in order, as views into `bytes` (nothing copied);
 * undefined when the lengths do not add up.
 */
export function batchFrames(bytes: Uint8Array): Uint8Array[] | undefined {
  if (!isBatchFrame(bytes) || bytes.length < 2 || bytes.length < 2 + bytes[1]) return undefined;
  const frames: Uint8Array[] = [];
  let at = 2 + bytes[1];
  while (at < bytes.length) {
    if (at + BATCH_LENGTH_BYTES > bytes.length) return undefined;
    const length = ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) +
      bytes[at + 3];
    const start = at + BATCH_LENGTH_BYTES;
    if (start + length > bytes.length) return undefined;
    frames.push(bytes.subarray(start, start + length));
    at = start + length;
  }
  return frames;
}

/**
 * The Lua side of this layout, for the scripts that write or read frames in
 * Redis (relay/cluster.ts, relay/cluster_resume.ts, relay/cluster_batch.ts):
 * - `frameHeader(kind, node)`: the kind byte, the node's length and the node;
 * - `replaceFrame(node, token)`: {@linkcode encodeReplace};
 * - `batchFrame(node, frames)`: {@linkcode encodeBatch} (a table of frames);
 * - `payloadSize(f)`, `senderOf(f)`: of a text or binary frame.
 * Every offset and kind comes from the constants above.
 */
export const LUA_FRAMES = `
local function frameHeader(kind, node) return string.char(kind, #node) .. node end
local function replaceFrame(node, token) return frameHeader(${FRAME_REPLACE}, node) .. token end
local function batchLength(n)
  return string.char(math.floor(n / 16777216) % 256, math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
end
local function batchFrame(node, frames)
  local parts = {frameHeader(${FRAME_BATCH}, node)}
  for _, f in ipairs(frames) do
    parts[#parts + 1] = batchLength(#f)
    parts[#parts + 1] = f
  end
  return table.concat(parts)
end
-- A message frame: kind, node length, node, sender length, sender, payload (1-based offsets).
local function payloadSize(f)
  local nl = string.byte(f, 2)
  return #f - 3 - nl - string.byte(f, 3 + nl)
end
local function senderOf(f)
  local nl = string.byte(f, 2)
  return string.sub(f, 4 + nl, 3 + nl + string.byte(f, 3 + nl))
end
`;

/** Whether a frame is a client message (text or binary, from either role). */
export function isMessageFrame(bytes: Uint8Array): boolean {
  return (bytes[0] & ~(FROM_DEVICE | FRAME_BINARY)) === 0;
}

/** The origin node of a frame, read without decoding the rest; undefined if too short. */
export function frameNode(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2 || bytes.length < 2 + bytes[1]) return undefined;
  return asBuffer(bytes).toString("latin1", 2, 2 + bytes[1]);
}

/** Whether a frame comes from the node whose id, as bytes, is `node`; nothing is decoded. */
export function isFromNode(bytes: Uint8Array, node: Uint8Array): boolean {
  if (bytes.length < 2 + node.length || bytes[1] !== node.length) return false;
  for (let i = 0; i < node.length; i++) {
    if (bytes[2 + i] !== node[i]) return false;
  }
  return true;
}

/** Decodes a frame; undefined when it is not one (a stranger publishing on the channel). */
export function decodeFrame(bytes: Uint8Array): BusFrame | undefined {
  const buffer = asBuffer(bytes);
  const node = frameNode(buffer);
  if (node === undefined) return undefined;
  const offset = 2 + node.length;
  const kind = buffer[0];
  // Only text and binary carry the device bit: any other kind with it set is no frame.
  switch (isMessageFrame(buffer) ? kind & ~FROM_DEVICE : kind) {
    case FRAME_TEXT:
    case FRAME_BINARY: {
      if (buffer.length < offset + 1 || buffer.length < offset + 1 + buffer[offset]) {
        return undefined;
      }
      const start = offset + 1 + buffer[offset];
      const sender = buffer.toString("latin1", offset + 1, start);
      const role: Role = kind & FROM_DEVICE ? "device" : "operator";
      const bytes = buffer.length - start;
      if ((kind & ~FROM_DEVICE) === FRAME_TEXT) {
        return { kind: "text", node, sender, role, data: buffer.toString("utf8", start), bytes };
      }
      const from = buffer.byteOffset + start;
      const data = buffer.buffer.slice(from, from + bytes) as ArrayBuffer;
      return { kind: "binary", node, sender, role, data, bytes };
    }
    case FRAME_PROBE:
      if (buffer.length !== offset + 8) return undefined;
      return { kind: "probe", node, sentAt: buffer.readDoubleLE(offset) };
    case FRAME_REPLACE:
      return { kind: "replace", node, token: buffer.toString("latin1", offset) };
    case FRAME_RESUMED:
      return { kind: "resumed", node, ticket: buffer.toString("latin1", offset) };
    case FRAME_EVENT:
      return { kind: "event", node, text: buffer.toString("utf8", offset) };
    default:
      return undefined;
  }
}
