/**
 * The client side of the WebSocket opening handshake (RFC 6455 section 4):
 * the request text, the expected `Sec-WebSocket-Accept`, and the check of the
 * server's response head.
 *
 * {@linkcode readHandshake} is given everything received so far and answers
 * once the head is complete. It requires status 101, `Upgrade: websocket`,
 * `Connection: Upgrade` and the right accept value, refuses extensions and
 * subprotocols that were not asked for, reports the status of a refusal (409,
 * 401, 503…), and returns the bytes that came after the head: the server may
 * send its first frames right behind the 101.
 *
 * Pure functions with no Espruino globals (SHA-1 is injected), so Deno tests
 * can import them directly, and the client keeps no object per handshake.
 *
 * @example
 * ```ts
 * import { acceptFor, handshakeRequest, readHandshake } from "./handshake.ts";
 * const key = btoa(entropy(16));
 * socket.write(handshakeRequest({ host: "relay.lan", port: 8000, path: "/dev1", key }));
 * const accept = acceptFor(key, sha1);
 * let received = "";
 * socket.on("data", (chunk) => {
 *   const result = readHandshake(received += chunk, { accept });
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
  /** More request headers, name to value, sent after the standard ones. */
  headers?: { [name: string]: string };
}

/** The opening request: request line, headers (the extra ones last) and the empty line. */
export function handshakeRequest(options: HandshakeRequestOptions): string {
  const line = (name: string, value: string) => name + ": " + value + "\r\n";
  let text = `GET ${options.path} HTTP/1.1\r\nHost: ${options.host}:${options.port}\r\n` +
    `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${options.key}\r\n` +
    "Sec-WebSocket-Version: 13\r\n";
  const protocols = (options.protocols || []).join(", ");
  if (options.token) text += line("Authorization", "Bearer " + options.token);
  if (protocols) text += line("Sec-WebSocket-Protocol", protocols);
  for (const name in options.headers) {
    if (options.headers[name]) text += line(name, options.headers[name]);
  }
  return text + "\r\n";
}

/** The `Sec-WebSocket-Accept` a server must answer to `key`: base64(SHA-1(key + GUID)). */
export function acceptFor(key: string, sha1: (data: string) => string): string {
  return btoa(sha1(key + WEBSOCKET_GUID));
}

/** What the response of {@linkcode readHandshake} is checked against. */
export interface HandshakeExpectation {
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

/**
 * Checks the response to the opening request, given every byte `received` so
 * far: the result once the head is complete (or too long), else undefined.
 */
export function readHandshake(
  received: string,
  expected: HandshakeExpectation,
): HandshakeResult | undefined {
  const maxHead = expected.maxHeadBytes || 4096;
  const result = (status: number, reason: string, protocol?: string, rest?: string) => ({
    ok: !reason,
    status,
    reason,
    protocol: protocol || "",
    rest: rest || "",
  });
  const end = received.indexOf("\r\n\r\n");
  // (A match running past the end is Espruino 2v29's indexOf quirk, not the end of the head:
  // "ab\r\n".indexOf("\r\nq") is 2 there.)
  if (end < 0 || end + 4 > received.length) {
    return received.length > maxHead
      ? result(0, "response head over " + maxHead + " bytes")
      : undefined;
  }
  const head = received.substr(0, end);
  const lower = head.toLowerCase();
  // A header's value, "" when absent; names are matched case-insensitively, values kept as sent.
  // Searched without a "\r\n" at its end, for the same indexOf quirk.
  const header = (name: string) => {
    const at = lower.indexOf("\r\n" + name + ":") + 1;
    return at
      ? head.substring(at + name.length + 2, (lower + "\r\n").indexOf("\r\n", at)).trim()
      : "";
  };
  // "HTTP/1.1 101 Switching Protocols": the status at 9, the reason from 13.
  const status = parseInt(head.substr(9, 3), 10);
  if (lower.substr(0, 7) !== "http/1." || !(status >= 100)) return result(0, "not HTTP");
  if (status !== 101) {
    return result(status, head.substring(13, (lower + "\r\n").indexOf("\r\n")) || "refused");
  }
  const protocol = header(SEC + "protocol");
  return result(
    101,
    header("upgrade").toLowerCase() !== "websocket"
      ? "bad Upgrade"
      : header("connection").toLowerCase().indexOf("upgrade") < 0
      ? "bad Connection"
      : header(SEC + "accept") !== expected.accept
      ? "bad Accept"
      : header(SEC + "extensions")
      ? "unrequested extension"
      : protocol && (expected.protocols || []).indexOf(protocol) < 0
      ? "unrequested subprotocol " + protocol
      : "",
    protocol,
    received.substr(end + 4),
  );
}
