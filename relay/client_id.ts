/**
 * Client ids as they appear in the request path: `ws://HOST:PORT/<clientId>`.
 *
 * The id is read from the raw request target, not from a parsed URL, because
 * URL parsing folds dot segments and decodes nothing consistently: `/a/../b`
 * must be refused, not silently become `b`.
 *
 * @example
 * ```ts
 * import { clientIdFromUrl } from "./client_id.ts";
 * clientIdFromUrl("http://relay:8000/esp32-7?token=x"); // { ok: true, id: "esp32-7" }
 * clientIdFromUrl("http://relay:8000/a/b"); // { ok: false, reason: "…" }
 * ```
 * @module
 */

/** Longest accepted client id. */
export const MAX_CLIENT_ID_LENGTH = 64;

/** A valid id, or the reason the path is not one. */
export type ClientIdResult = { ok: true; id: string } | { ok: false; reason: string };

const ID_CHARS = /^[A-Za-z0-9_.~-]+$/;

/** The path of a request target, exactly as sent (no dot-segment folding, no decoding). */
export function rawPath(url: string): string {
  const scheme = url.indexOf("://");
  let start = 0;
  if (scheme !== -1) {
    start = url.indexOf("/", scheme + 3);
    if (start === -1) return "/";
  }
  let end = url.length;
  for (const stop of ["?", "#"]) {
    const at = url.indexOf(stop, start);
    if (at !== -1 && at < end) end = at;
  }
  return url.slice(start, end);
}

/** Checks that a request's path is `/` followed by one valid client id. */
export function clientIdFromUrl(url: string): ClientIdResult {
  const path = rawPath(url);
  if (!path.startsWith("/")) return { ok: false, reason: "the path must start with /" };
  return checkClientId(path.slice(1));
}

/** Checks one client id: 1–64 characters of `A-Z a-z 0-9 _ . ~ -`, and not `.` or `..`. */
export function checkClientId(id: string): ClientIdResult {
  if (id.length === 0) {
    return { ok: false, reason: "missing client id: connect to /<clientId>" };
  }
  if (id.length > MAX_CLIENT_ID_LENGTH) {
    return {
      ok: false,
      reason:
        `client id is ${id.length} characters long; at most ${MAX_CLIENT_ID_LENGTH} are allowed`,
    };
  }
  if (!ID_CHARS.test(id)) {
    return {
      ok: false,
      reason: "client id may contain only A-Z a-z 0-9 _ . ~ - (no slashes, spaces or % escapes)",
    };
  }
  if (id === "." || id === "..") {
    return { ok: false, reason: `"${id}" is a dot segment, not a client id` };
  }
  return { ok: true, id };
}
