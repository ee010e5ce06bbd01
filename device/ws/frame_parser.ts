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
  OP_CONTINUATION,
  OP_PING,
  OP_PONG,
  OP_TEXT,
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

/** Largest payload of a control frame (RFC 6455 section 5.5). */
const MAX_CONTROL_PAYLOAD = 125;

/** Whether a close frame may carry `code` (RFC 6455 section 7.4). */
function validCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
    (code >= 3000 && code <= 4999);
}

/** Creates a parser that reports what it reads through the callbacks in `options`. */
export function createFrameParser(options: FrameParserOptions): FrameParser {
  const max = options.maxMessageBytes;
  let stopped = false;
  // Header bytes gathered so far, and how many the current header needs (2, 4 or 10).
  let head = "";
  let headSize = 2;
  // Payload bytes still to come for the current frame; -1 while reading a header.
  let left = -1;
  let fin = false;
  let opcode = 0;
  // Payload of the current control frame.
  let control = "";
  // The message being reassembled, and its opcode (0 when none is in progress).
  let message = "";
  let messageOpcode = 0;

  const stop = () => {
    stopped = true;
    message = control = head = "";
  };

  const fail = (code: number, reason: string) => {
    stop();
    options.onError(code, reason);
  };

  // Checks the first two header bytes; returns false after failing.
  const startHeader = (): boolean => {
    const b0 = byteAt(head, 0);
    const b1 = byteAt(head, 1);
    fin = (b0 & 0x80) !== 0;
    opcode = b0 & 0x0f;
    const length7 = b1 & 0x7f;
    let problem = "";
    if (b0 & 0x70) problem = "reserved bits";
    else if (b1 & 0x80) problem = "masked frame";
    else if (opcode >= OP_CLOSE) {
      if (opcode > OP_PONG) problem = "bad opcode " + opcode;
      else if (!fin || length7 > MAX_CONTROL_PAYLOAD) problem = "bad control frame";
    } else if (opcode > OP_BINARY) problem = "bad opcode " + opcode;
    else if (opcode === OP_CONTINUATION && !messageOpcode) problem = "unexpected continuation";
    else if (opcode !== OP_CONTINUATION && messageOpcode) problem = "unfinished message";
    if (problem) {
      fail(CLOSE_PROTOCOL_ERROR, problem);
      return false;
    }
    headSize = length7 === 126 ? 4 : length7 === 127 ? 10 : 2;
    return true;
  };

  const byte = (i: number) => byteAt(head, i);

  // Reads the payload length once the whole header is in; returns false after failing.
  const endHeader = (): boolean => {
    const length7 = byte(1) & 0x7f;
    let length = length7;
    if (length7 === 126) length = wordAt(head, 2);
    else if (length7 === 127) {
      if (byte(2) & 0x80) {
        fail(CLOSE_PROTOCOL_ERROR, "bad length");
        return false;
      }
      // Anything of 2^32 bytes or more is over every maximum, so the high half only needs a test.
      length = byte(2) | byte(3) | byte(4) | byte(5)
        ? Infinity
        : wordAt(head, 6) * 65536 + wordAt(head, 8);
    }
    if (opcode < OP_CLOSE && message.length + length > max) {
      fail(CLOSE_TOO_BIG, "over " + max + " bytes");
      return false;
    }
    if (opcode === OP_TEXT || opcode === OP_BINARY) messageOpcode = opcode;
    head = "";
    headSize = 2;
    left = length;
    return true;
  };

  const endFrame = () => {
    left = -1;
    if (opcode >= OP_CLOSE) {
      const payload = control;
      control = "";
      if (opcode === OP_PING) options.onPing(payload);
      else if (opcode === OP_PONG) options.onPong(payload);
      else if (payload.length === 1) fail(CLOSE_PROTOCOL_ERROR, "bad close frame");
      else {
        const code = payload ? wordAt(payload, 0) : CLOSE_NO_STATUS;
        if (payload && !validCloseCode(code)) {
          fail(CLOSE_PROTOCOL_ERROR, "bad close code " + code);
        } else {
          stopped = true;
          options.onClose(code, payload.substr(2));
        }
      }
    } else if (fin) {
      const data = message;
      const binary = messageOpcode === OP_BINARY;
      message = "";
      messageOpcode = 0;
      options.onMessage(data, binary);
    }
  };

  const push = (chunk: string) => {
    let i = 0;
    const n = chunk.length;
    while (!stopped && (i < n || left === 0)) {
      if (left < 0) {
        head += chunk.charAt(i++);
        if (head.length === 2 && !startHeader()) return;
        if (head.length === headSize && !endHeader()) return;
      } else {
        const take = left < n - i ? left : n - i;
        if (take) {
          const piece = chunk.substr(i, take);
          if (opcode >= OP_CLOSE) control += piece;
          else message += piece;
          i += take;
          left -= take;
        }
        if (left === 0) endFrame();
      }
    }
  };

  return {
    push,
    stop,
    buffered: () => head.length + control.length + message.length,
  };
}
