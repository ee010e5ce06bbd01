/**
 * The client side of the WebSocket opening handshake (RFC 6455 section 4):
 * the request text, the expected `Sec-WebSocket-Accept`, and an incremental
 * reader of the server's response head.
 *
 * The reader is fed the socket's chunks until the head is complete. It
 * requires status 101, `Upgrade: websocket`, `Connection: Upgrade` and the
 * right accept value, refuses extensions and subprotocols that were not asked
 * for, reports the status of a refusal (409, 401, 503…), and returns the bytes
 * that came after the head in the same chunk: the server may send its first
 * frames right behind the 101.
 *
 * Pure logic with no Espruino globals (SHA-1 is injected), so Deno tests can
 * import it directly.
 *
 * @example
 * ```ts
 * import { acceptFor, createHandshakeReader, handshakeRequest } from "./handshake.ts";
 * const key = btoa(entropy.bytes(16));
 * socket.write(handshakeRequest({ host: "relay.lan", port: 8000, path: "/dev1", key }));
 * const reader = createHandshakeReader({ accept: acceptFor(key, sha1) });
 * socket.on("data", (chunk) => {
 *   const result = reader.push(chunk);
 *   if (result && result.ok) startFrames(result.rest);
 * });
 * ```
 * @module
 */

/** The GUID every server appends to the key (RFC 6455 section 1.3). */
export const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** The prefix of the handshake's own header names, lower-cased. */
const SEC = "sec-websocket-";

/** What goes into the request of {@linkcode handshakeRequest}. */
export interface HandshakeRequestOptions {
  /** Host name or address, as in the URL (IPv6 in brackets). */
  host: string;
  /** TCP port; always sent in the Host header. */
  port: number;
  /** Request target: path and query. */
  path: string;
  /** `Sec-WebSocket-Key`: base64 of 16 random bytes. */
  key: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string;
  /** Subprotocols offered in `Sec-WebSocket-Protocol`, most wanted first. */
  protocols?: string[];
  /** More request headers, name to value. */
  headers?: { [name: string]: string };
}

/** The opening request: request line, headers and the empty line. */
export function handshakeRequest(options: HandshakeRequestOptions): string {
  let text = "GET " + options.path + " HTTP/1.1\r\nHost: " + options.host + ":" + options.port +
    "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + options.key +
    "\r\nSec-WebSocket-Version: 13\r\n";
  if (options.token) text += "Authorization: Bearer " + options.token + "\r\n";
  if (options.protocols && options.protocols.length) {
    text += "Sec-WebSocket-Protocol: " + options.protocols.join(", ") + "\r\n";
  }
  const extra = options.headers || {};
  for (const name in extra) text += name + ": " + extra[name] + "\r\n";
  return text + "\r\n";
}

/** The `Sec-WebSocket-Accept` a server must answer to `key`: base64(SHA-1(key + GUID)). */
export function acceptFor(key: string, sha1: (data: string) => string): string {
  return btoa(sha1(key + WEBSOCKET_GUID));
}

/** Settings of {@linkcode createHandshakeReader}. */
export interface HandshakeReaderOptions {
  /** The accept value expected, from {@linkcode acceptFor}. */
  accept: string;
  /** Subprotocols that were offered; the server may pick one of them or none. */
  protocols?: string[];
  /** Longest response head accepted (default 4096 bytes). */
  maxHeadBytes?: number;
}

/** The outcome of the handshake. */
export interface HandshakeResult {
  /** True when the connection is now a WebSocket. */
  ok: boolean;
  /** HTTP status (101 when accepted; 0 when the response was not HTTP at all). */
  status: number;
  /** Why it failed (the status line's reason for a refusal), "" on success. */
  reason: string;
  /** The subprotocol the server chose, "" for none. */
  protocol: string;
  /** Bytes received after the head: the start of the frame stream. */
  rest: string;
}

/** A reader of one response head. */
export interface HandshakeReader {
  /** Feeds a chunk; returns the result once the head is complete, else undefined. */
  push(chunk: string): HandshakeResult | undefined;
}

/** Creates a reader that checks the server's response against `options`. */
export function createHandshakeReader(options: HandshakeReaderOptions): HandshakeReader {
  const maxHead = options.maxHeadBytes || 4096;
  let buffer = "";
  const result = (status: number, reason: string, protocol?: string, rest?: string) => ({
    ok: !reason,
    status,
    reason,
    protocol: protocol || "",
    rest: rest || "",
  });

  const check = (head: string, rest: string): HandshakeResult => {
    const lower = head.toLowerCase();
    // A header's value, "" when absent; names are matched case-insensitively, values kept as sent.
    const header = (name: string) => {
      const at = lower.indexOf("\r\n" + name + ":");
      if (at < 0) return "";
      const end = lower.indexOf("\r\n", at + 2);
      return head.substring(at + name.length + 3, end < 0 ? head.length : end).trim();
    };
    const space = head.indexOf(" ");
    const status = parseInt(head.substr(space + 1, 3), 10);
    if (lower.substr(0, 7) !== "http/1." || space < 0 || !(status >= 100)) {
      return result(0, "not HTTP");
    }
    if (status !== 101) {
      const lineEnd = head.indexOf("\r\n");
      return result(
        status,
        head.substring(space + 5, lineEnd < 0 ? head.length : lineEnd) || "refused",
      );
    }
    const protocol = header(SEC + "protocol");
    let reason = "";
    if (header("upgrade").toLowerCase() !== "websocket") reason = "bad Upgrade";
    else if (header("connection").toLowerCase().indexOf("upgrade") < 0) reason = "bad Connection";
    else if (header(SEC + "accept") !== options.accept) reason = "bad Accept";
    else if (header(SEC + "extensions")) reason = "unrequested extension";
    else if (protocol && (options.protocols || []).indexOf(protocol) < 0) {
      reason = "unrequested subprotocol " + protocol;
    }
    return result(101, reason, protocol, rest);
  };

  return {
    push(chunk) {
      // Search only the new bytes (and the 3 before them, where a split "\r\n\r\n" can start).
      const from = buffer.length > 3 ? buffer.length - 3 : 0;
      buffer += chunk;
      const end = buffer.indexOf("\r\n\r\n", from);
      if (end < 0) {
        return buffer.length > maxHead
          ? result(0, "response head over " + maxHead + " bytes")
          : undefined;
      }
      return check(buffer.substr(0, end), buffer.substr(end + 4));
    },
  };
}
