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
  const headers: { [name: string]: string | undefined } = Object.assign({
    Host: options.host + ":" + options.port,
    Upgrade: "websocket",
    Connection: "Upgrade",
    "Sec-WebSocket-Key": options.key,
    "Sec-WebSocket-Version": "13",
    Authorization: options.token && "Bearer " + options.token,
    "Sec-WebSocket-Protocol": options.protocols && options.protocols.join(", "),
  }, options.headers);
  let text = "GET " + options.path + " HTTP/1.1\r\n";
  for (const name in headers) if (headers[name]) text += name + ": " + headers[name] + "\r\n";
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
    // Searched without a "\r\n" at its end: Espruino 2v29's indexOf counts a needle that runs
    // past the end as found when its start matches ("ab\r\n".indexOf("\r\nq") is 2).
    const lower = head.toLowerCase();
    // A header's value, "" when absent; names are matched case-insensitively, values kept as sent.
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
        : header(SEC + "accept") !== options.accept
        ? "bad Accept"
        : header(SEC + "extensions")
        ? "unrequested extension"
        : protocol && (options.protocols || []).indexOf(protocol) < 0
        ? "unrequested subprotocol " + protocol
        : "",
      protocol,
      rest,
    );
  };

  return {
    push(chunk) {
      buffer += chunk;
      const end = buffer.indexOf("\r\n\r\n");
      // (A match running past the end is Espruino's indexOf quirk, not the end of the head.)
      return end >= 0 && end + 4 <= buffer.length
        ? check(buffer.substr(0, end), buffer.substr(end + 4))
        : buffer.length > maxHead
        ? result(0, "response head over " + maxHead + " bytes")
        : undefined;
    },
  };
}
