/**
 * Splits a `ws://` or `wss://` URL into what the socket and the handshake
 * need, by hand: Espruino's regular expressions are too limited to do it.
 *
 * Pure logic with no Espruino globals.
 *
 * @example
 * ```ts
 * import { parseWsUrl } from "./url.ts";
 * parseWsUrl("wss://relay.lan/dev1?x=1");
 * // { secure: true, host: "relay.lan", hostname: "relay.lan", port: 443, path: "/dev1?x=1" }
 * ```
 * @module
 */

/** The parts of a WebSocket URL. */
export interface WsUrl {
  /** True for `wss://`. */
  secure: boolean;
  /** Host as written in the URL, brackets kept around IPv6: what the Host header carries. */
  host: string;
  /** Host to connect to, without brackets. */
  hostname: string;
  /** Port, 80 or 443 when the URL has none. */
  port: number;
  /** Path and query, "/" when empty. */
  path: string;
}

/** Parses `url`; throws an Error when it is not a usable ws/wss URL. */
export function parseWsUrl(url: string): WsUrl {
  const lower = url.toLowerCase();
  const secure = lower.substr(0, 6) === "wss://";
  const rest = url.substr(secure ? 6 : 5);
  let slash = rest.indexOf("/");
  const query = rest.indexOf("?");
  if (slash < 0 || (query >= 0 && query < slash)) slash = query;
  const authority = slash < 0 ? rest : rest.substr(0, slash);
  const path = slash < 0 ? "/" : (rest.charAt(slash) === "?" ? "/" : "") + rest.substr(slash);
  // Only a colon after the closing bracket of an IPv6 literal starts the port.
  const colon = authority.lastIndexOf(":");
  const hasPort = colon > authority.lastIndexOf("]");
  const host = hasPort ? authority.substr(0, colon) : authority;
  const portText = hasPort ? authority.substr(colon + 1) : secure ? "443" : "80";
  const port = parseInt(portText, 10);
  if (
    (!secure && lower.substr(0, 5) !== "ws://") || !host || authority.indexOf("@") >= 0 ||
    String(port) !== portText || port < 1 || port > 65535
  ) {
    throw new Error("bad WebSocket URL: " + url);
  }
  return {
    secure,
    host,
    hostname: host.charAt(0) === "[" ? host.substr(1, host.length - 2) : host,
    port,
    path,
  };
}
