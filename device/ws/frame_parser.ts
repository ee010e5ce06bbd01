/**
 * An incremental parser of server-to-client WebSocket frames (RFC 6455).
 *
 * It is a small state machine fed binary strings (one character per byte,
 * as Espruino's sockets deliver them) of any size, down to one byte at a time.
 * It reassembles fragmented messages, lets control frames arrive between
 * fragments, and reports protocol errors as the close code the client must
 * send: 1002 for a broken frame, 1009 for a message over the maximum. Its
 * memory is bounded by the maximum message size plus one control frame: a
 * frame that would exceed it is refused from its header, before any of its
 * payload is kept.
 *
 * Pure logic with no Espruino globals, so Deno tests can import it directly.
 *
 * @example
 * ```ts
 * import { createFrameParser } from "./frame_parser.ts";
 * const parser = createFrameParser({
 *   maxMessageBytes: 1024,
 *   onMessage: (data, binary) => console.log(binary ? "binary" : "text", data),
 *   onPing: () => {},
 *   onPong: () => {},
 *   onClose: (code) => console.log("close", code),
 *   onError: (code, reason) => console.log("fail with", code, reason),
 * });
 * parser.push("\x81\x02hi"); // logs: text hi
 * ```
 * @module
 */

import {
  byteAt,
  CLOSE_NO_STATUS,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_TOO_BIG,
  OP_BINARY,
  OP_CLOSE,
  OP_PING,
  OP_PONG,
  wordAt,
} from "./protocol.ts";

/** Settings and callbacks of {@linkcode createFrameParser}. */
export interface FrameParserOptions {
  /** Largest message accepted, in bytes, after reassembly; a bigger one fails with 1009. */
  maxMessageBytes: number;
  /** A complete message: a binary string, with `binary` false for a text message. */
  onMessage(data: string, binary: boolean): void;
  /** A ping with its payload (at most 125 bytes), to be echoed in a pong. */
  onPing(payload: string): void;
  /** A pong with its payload. */
  onPong(payload: string): void;
  /** A close frame: its code (1005 when it had none) and reason. Parsing stops after it. */
  onClose(code: number, reason: string): void;
  /** The server broke the protocol: close with `code` (1002 or 1009). Parsing stops. */
  onError(code: number, reason: string): void;
}

/** A running parser. */
export interface FrameParser {
  /** Feeds the next bytes received, a binary string of any length. */
  push(chunk: string): void;
  /** Stops the parser: later input is ignored and no callback fires again. */
  stop(): void;
  /** Bytes held right now (partial header, partial message, partial control frame). */
  buffered(): number;
}

/** Creates a parser that reports what it reads through the callbacks in `options`. */
export function createFrameParser(options: FrameParserOptions): FrameParser {
  const max = options.maxMessageBytes;
  let stopped = false;
  // Bytes not yet taken: an incomplete header or control frame, or payload on its way to `message`.
  // Always cut with substr, never charAt: on Unicode builds charAt(i) of a byte over 127 is a
  // two-byte UTF-8 string, and appending it would corrupt the binary string.
  let buffer = "";
  // Payload bytes of the current data frame still to come, and whether it ends its message.
  let left = 0;
  let fin = false;
  // The message being reassembled, and its opcode (0 when none is in progress).
  let message = "";
  let messageOpcode = 0;

  const stop = () => {
    stopped = true;
    message = buffer = "";
  };

  const fail = (code: number, reason: string) => {
    stop();
    options.onError(code, reason);
  };

  // A data frame's payload is complete: deliver the message if the frame was its last.
  const endData = () => {
    if (!fin) return;
    const data = message;
    message = "";
    options.onMessage(data, messageOpcode === OP_BINARY);
    messageOpcode = 0;
  };

  const control = (opcode: number, payload: string) => {
    const code = payload ? wordAt(payload, 0) : CLOSE_NO_STATUS;
    if (opcode === OP_PING) options.onPing(payload);
    else if (opcode === OP_PONG) options.onPong(payload);
    else if (payload.length === 1) fail(CLOSE_PROTOCOL_ERROR, "bad close frame");
    // Close codes a frame may carry (RFC 6455 section 7.4).
    else if (
      payload && !(code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 ||
        code >= 3000 && code <= 4999)
    ) fail(CLOSE_PROTOCOL_ERROR, "bad close code " + code);
    else {
      stopped = true;
      options.onClose(code, payload.substr(2));
    }
  };

  // Takes one header (and a whole control frame) from the buffer; false when more bytes are needed.
  const frame = (): boolean => {
    const byte = (i: number) => byteAt(buffer, i);
    const b0 = byte(0);
    const opcode = b0 & 15;
    const length7 = byte(1) & 127;
    const problem = b0 & 0x70
      ? "reserved bits"
      : byte(1) & 0x80
      ? "masked frame"
      : opcode > OP_PONG || (opcode > OP_BINARY && opcode < OP_CLOSE)
      ? "bad opcode " + opcode
      : opcode >= OP_CLOSE
      ? (b0 & 0x80) && length7 < 126 ? "" : "bad control frame"
      : !opcode == !messageOpcode
      ? (opcode ? "unfinished message" : "unexpected continuation")
      : "";
    if (problem) return fail(CLOSE_PROTOCOL_ERROR, problem), false;
    const headSize = length7 < 126 ? 2 : length7 < 127 ? 4 : 10;
    if (buffer.length < headSize) return false;
    if (length7 > 126 && byte(2) & 0x80) return fail(CLOSE_PROTOCOL_ERROR, "bad length"), false;
    // A length of 2^32 bytes or more is over every maximum; the top bit must be 0.
    const length = length7 < 126
      ? length7
      : length7 < 127
      ? wordAt(buffer, 2)
      : byte(2) | byte(3) | byte(4) | byte(5)
      ? Infinity
      : wordAt(buffer, 6) * 65536 + wordAt(buffer, 8);
    if (opcode >= OP_CLOSE) {
      if (buffer.length < headSize + length) return false;
      const payload = buffer.substr(headSize, length);
      buffer = buffer.substr(headSize + length);
      control(opcode, payload);
      return true;
    }
    if (message.length + length > max) return fail(CLOSE_TOO_BIG, "over " + max + " bytes"), false;
    if (opcode) messageOpcode = opcode;
    fin = (b0 & 0x80) > 0;
    left = length;
    buffer = buffer.substr(headSize);
    if (!left) endData();
    return true;
  };

  // Moves payload of the current data frame into the message; false when more bytes are needed.
  const take = (): boolean => {
    const piece = buffer.substr(0, left);
    message += piece;
    left -= piece.length;
    buffer = buffer.substr(piece.length);
    if (!left) endData();
    return !left;
  };

  const push = (chunk: string) => {
    if (!stopped) buffer += chunk;
    // (No bare `return` before a closing brace: Espruino 2v29 reads that as a syntax error.)
    while (!stopped && (left ? take() : buffer.length > 1 && frame()));
  };

  return {
    push,
    stop,
    buffered: () => buffer.length + message.length,
  };
}
