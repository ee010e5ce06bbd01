/**
 * WebSocket constants from RFC 6455 shared by the parser, the writer and the
 * client: opcodes and the close codes this client sends.
 *
 * @module
 */

/** `s.charCodeAt(i)`: one byte of a binary string (a call is shorter than the method in the bundle). */
export const byteAt = (s: string, i: number): number => s.charCodeAt(i);
/** The big-endian 16-bit number at byte `i` of a binary string. */
export const wordAt = (s: string, i: number): number => byteAt(s, i) * 256 + byteAt(s, i + 1);
/** `String.fromCharCode`: a binary string of the given bytes. */
export const chars: (...codes: number[]) => string = String.fromCharCode;

/** Text frame (UTF-8 payload). */
export const OP_TEXT = 1;
/** Binary frame. */
export const OP_BINARY = 2;
/** Close frame. */
export const OP_CLOSE = 8;
/** Ping frame. */
export const OP_PING = 9;
/** Pong frame. */
export const OP_PONG = 10;

/** Normal closure. */
export const CLOSE_NORMAL = 1000;
/** The peer broke the protocol. */
export const CLOSE_PROTOCOL_ERROR = 1002;
/** Reported when a close frame carried no code. */
export const CLOSE_NO_STATUS = 1005;
/** Reported when the connection ended without a close frame. */
export const CLOSE_ABNORMAL = 1006;
/** A message was larger than the configured maximum. */
export const CLOSE_TOO_BIG = 1009;
