/**
 * Shared-token authentication: the token comes as `?token=`, as
 * `Authorization: Bearer <token>`, or (from a browser, which can set no header
 * on a WebSocket) as a WebSocket subprotocol `bearer.<base64url of the token>`;
 * it is compared in constant time.
 *
 * @module
 */

import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Prefix of the WebSocket subprotocol that carries a token: a browser's WebSocket can set no
 * header, and a token in the URL would end up in whatever logs URLs (a proxy's access log).
 */
export const TOKEN_PROTOCOL_PREFIX = "bearer.";

/** The subprotocol that carries `token` ({@linkcode TOKEN_PROTOCOL_PREFIX}). */
export function tokenProtocol(token: string): string {
  const bytes = new TextEncoder().encode(token);
  const base64 = btoa(String.fromCharCode(...bytes));
  return TOKEN_PROTOCOL_PREFIX + base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function tokenFromProtocols(header: string): string | undefined {
  for (const entry of header.split(",")) {
    const protocol = entry.trim();
    if (!protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) continue;
    try {
      const base64 = protocol.slice(TOKEN_PROTOCOL_PREFIX.length).replace(/-/g, "+")
        .replace(/_/g, "/");
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return ""; // not base64url of UTF-8: a token that matches nothing
    }
  }
  return undefined;
}

/**
 * The token a request presents, from `Authorization: Bearer`, a `bearer.…` WebSocket
 * subprotocol or the `token` query parameter.
 */
export function presentedToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match) return match[1];
  }
  const protocols = request.headers.get("sec-websocket-protocol");
  if (protocols) {
    const token = tokenFromProtocols(protocols);
    if (token !== undefined) return token;
  }
  const query = request.url.indexOf("?");
  if (query === -1) return undefined;
  return new URLSearchParams(request.url.slice(query + 1)).get("token") ?? undefined;
}

function digest(text: string): Uint8Array {
  return createHash("sha256").update(text).digest();
}

/**
 * Compares tokens without leaking, through timing, how much of a guess was right.
 * Both sides are hashed first so that their lengths match and stay secret too.
 */
export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}
