/**
 * Shared-token authentication: the token comes as `?token=` or as
 * `Authorization: Bearer <token>`, and is compared in constant time.
 *
 * @module
 */

import { createHash, timingSafeEqual } from "node:crypto";

/** The token a request presents, from `Authorization: Bearer` or the `token` query parameter. */
export function presentedToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (match) return match[1];
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
