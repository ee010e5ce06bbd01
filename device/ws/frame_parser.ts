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
 * Everything it reads goes to one callback, and the whole machine is one loop:
 * on Espruino every function alive costs about six variables, so a parser is
 * two functions, not one per step.
 *
 * Pure logic with no Espruino globals, so Deno tests can import it directly.
 *
 * @example
 * ```ts
 * import { createFrameParser, FRAME_ERROR } from "./frame_parser.ts";
 * const parser = createFrameParser(1024, (kind, data, code) => {
 *   if (kind === FRAME_ERROR) console.log("fail with", code, data);
 *   else console.log(kind, data);
 * });
 * parser.push("\x81\x02hi"); // logs: 1 hi
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
  OP_PONG,
  wordAt,
} from "./protocol.ts";

/** The `kind` of a protocol error: the server broke the protocol; close with `code`. */
export const FRAME_ERROR = -1;

/**
 * What the parser read, by `kind`:
 * - `OP_TEXT` (1) or `OP_BINARY` (2): a complete message `data` (a binary string);
 * - `OP_PING` (9) or `OP_PONG` (10): a ping (to echo in a pong) or a pong, with its payload;
 * - `OP_CLOSE` (8): a close frame with `code` (1005 when it had none) and reason `data`;
 * - {@linkcode FRAME_ERROR}: the server broke the protocol; close with `code` (1002 or 1009),
 *   `data` says why.
 *
 * The parser stops after a close or an error.
 */
export type FrameHandler = (kind: number, data: string, code: number) => void;

/** A running parser. */
export interface FrameParser {
  /** Feeds the next bytes received, a binary string of any length. */
  push(chunk: string): void;
  /** Stops the parser: later input is ignored and the handler is not called again. */
  stop(): void;
  /** Bytes held right now (partial header, partial message, partial control frame). */
  buffered(): number;
}

/** Close codes a frame may carry (RFC 6455 section 7.4). */
const validCloseCode = (code: number) =>
  code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;

/** Creates a parser that hands what it reads to `onFrame`. */
export function createFrameParser(maxMessageBytes: number, onFrame: FrameHandler): FrameParser {
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
    onFrame(FRAME_ERROR, reason, code);
  };

  return {
    push(chunk) {
      if (!stopped) buffer += chunk;
      while (!stopped) {
        if (left) {
          // Payload of the current data frame.
          const piece = buffer.substr(0, left);
          message += piece;
          left -= piece.length;
          buffer = buffer.substr(piece.length);
          if (left) break;
        } else {
          // A header, and a whole control frame.
          if (buffer.length < 2) break;
          const b0 = byteAt(buffer, 0);
          const b1 = byteAt(buffer, 1);
          const opcode = b0 & 15;
          const length7 = b1 & 127;
          const problem = b0 & 0x70
            ? "reserved bits"
            : b1 & 0x80
            ? "masked frame"
            : opcode > OP_PONG || (opcode > OP_BINARY && opcode < OP_CLOSE)
            ? "bad opcode " + opcode
            : opcode >= OP_CLOSE
            ? (b0 & 0x80) && length7 < 126 ? "" : "bad control frame"
            : !opcode == !messageOpcode
            ? (opcode ? "unfinished message" : "unexpected continuation")
            : "";
          if (problem) return fail(CLOSE_PROTOCOL_ERROR, problem);
          const headSize = length7 < 126 ? 2 : length7 < 127 ? 4 : 10;
          if (buffer.length < headSize) break;
          if (length7 > 126 && byteAt(buffer, 2) & 0x80) {
            return fail(CLOSE_PROTOCOL_ERROR, "bad length");
          }
          // A length of 2^32 bytes or more is over every maximum; the top bit must be 0.
          const length = length7 < 126
            ? length7
            : length7 < 127
            ? wordAt(buffer, 2)
            : wordAt(buffer, 2) | wordAt(buffer, 4)
            ? Infinity
            : wordAt(buffer, 6) * 65536 + wordAt(buffer, 8);
          if (opcode >= OP_CLOSE) {
            if (buffer.length < headSize + length) break;
            const payload = buffer.substr(headSize, length);
            buffer = buffer.substr(headSize + length);
            const code = payload ? wordAt(payload, 0) : CLOSE_NO_STATUS;
            if (opcode > OP_CLOSE) onFrame(opcode, payload, 0);
            else if (payload.length === 1) return fail(CLOSE_PROTOCOL_ERROR, "bad close frame");
            else if (payload && !validCloseCode(code)) {
              return fail(CLOSE_PROTOCOL_ERROR, "bad close code " + code);
            } else {
              stopped = true;
              onFrame(OP_CLOSE, payload.substr(2), code);
            }
            continue;
          }
          if (message.length + length > maxMessageBytes) {
            return fail(CLOSE_TOO_BIG, "over " + maxMessageBytes + " bytes");
          }
          if (opcode) messageOpcode = opcode;
          fin = (b0 & 0x80) > 0;
          left = length;
          buffer = buffer.substr(headSize);
          if (left) continue;
        }
        // A data frame's payload is complete: deliver the message if the frame was its last.
        if (fin) {
          const data = message;
          const kind = messageOpcode;
          message = "";
          messageOpcode = 0;
          onFrame(kind, data, 0);
        }
      }
    },
    stop,
    buffered: () => buffer.length + message.length,
  };
}
