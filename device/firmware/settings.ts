/**
 * Reads the board's settings from Storage ({@linkcode SETTINGS_FILE}, written by
 * `deno task flash` or by the `settings` command, ./remote_settings.ts) at boot. Every field
 * missing or bad takes its compiled-in default ({@linkcode settingsRules}); a bad one is named on
 * the console, never with its value (it may be the token or the Wi-Fi password). The host
 * validates the same file fully before writing it (tools/device_config.ts); these checks keep a
 * hand-edited or damaged file from stopping the board, and refuse a bad `settings` command:
 * types, whole numbers within their bounds ({@linkcode settingsRules}), and the strings' shapes.
 *
 * @module
 */

import { type DeviceConfig, SETTINGS_FILE, settingsRules, wifiRules } from "./config.ts";
import { parseWsUrl } from "../ws/url.ts";

/** The settings a board runs with. */
export interface Settings {
  /** Every field, from the file or its default. */
  config: DeviceConfig;
  /** CRC32 of the file's text as 8 hex digits, or `"none"` without a file. */
  hash: string;
  /** The trial of settings this boot runs or reports (./remote_settings.ts). */
  // deno-lint-ignore no-explicit-any
  trial?: any;
}

// deno-lint-ignore no-explicit-any
type Json = any;

/** CRC32 of a settings text as 8 hex digits, as `status` reports it. */
export function hashOf(text: string): string {
  return ("0000000" + (E.CRC32(text) >>> 0).toString(16)).substr(-8);
}

/**
 * `given` over `base` (a complete configuration; the defaults when undefined), field by field: a
 * field `given` leaves out keeps `base`'s value; a bad or unknown one is passed to `bad` by name
 * and keeps `base`'s value too.
 */
export function mergeSettings(
  given: Json,
  base: Json | undefined,
  bad: (field: string) => void,
): Json {
  const rules = settingsRules();
  const wifiSection = wifiRules();
  // The strings whose shape matters (Espruino's RegExp has no {n,m}, ? or grouped |); the rest
  // need only be strings. By name, as the bounds: no two fields share one.
  const shapes: Json = {
    // What the client connects to (ws:// or wss://, a host, a port if any) and a path ending in
    // "/", without query or fragment: the client id is appended.
    server: {
      test: (v: string) => {
        try {
          return parseWsUrl(v) && /^[^?#\s]*\/$/.test(v);
        } catch {
          return false;
        }
      },
    },
    clientId: /^[A-Za-z0-9_.~-]+$/,
    token: /^[\x21-\x7e]+$/,
    role: /^device$|^operator$/,
    pin: /^[A-Z]+[0-9]+$/,
  };
  // Written as one loop, not helpers: each function alive costs the board JsVars.
  // `base` is the rules themselves when it is the defaults: a whole number's default comes first.
  const merge = (value: Json, base: Json, rules: Json, path: string): Json => {
    const out: Json = {};
    if (typeof value !== "object" || value === null || value instanceof Array) {
      bad(path.slice(0, -1) || "(top level)");
      if (path === "wifi.") return null;
      value = {};
    }
    for (const key in value) if (!(key in rules)) bad(path + key);
    for (const key in rules) {
      const field = path + key;
      const rule = rules[key];
      let fallback = base[key];
      if (fallback instanceof Array) fallback = fallback[0];
      const section = typeof fallback === "object" && fallback !== null;
      let v = value[key];
      // A section left out: its fields' values, each from the base.
      if (v === undefined && section) v = {};
      // A nullable field (wifi, clientId, token: null by default) takes null, or a value of its
      // kind.
      if (v === undefined || (v === null && rule === null)) {
        v = v === undefined ? fallback : null;
      } // (A wifi section that is not an object is reported by merge, and joins nothing.)
      else if (key === "wifi") v = merge(v, fallback || wifiSection, wifiSection, "wifi.");
      else if (section) v = merge(v, fallback, rule, field + ".");
      else {
        if (
          typeof v !== (fallback === null ? "string" : typeof fallback) ||
          (rule instanceof Array && !(v >= rule[1] && v <= rule[2] && Math.floor(v) === v)) ||
          (shapes[key] && !shapes[key].test(v))
        ) {
          bad(field);
          v = fallback;
        }
      }
      out[key] = v;
    }
    return out;
  };
  const config = merge(given, base || rules, rules, "");
  if (config.reconnect.maxDelayMs < config.reconnect.minDelayMs) {
    bad("reconnect.maxDelayMs (below minDelayMs)");
    config.reconnect.maxDelayMs = config.reconnect.minDelayMs;
  }
  return config;
}

/**
 * Reads, checks and completes the settings of `text` (a settings file's, `undefined` without
 * one); `say` gets one line per problem.
 */
export function readSettings(say: (text: string) => void, text: string | undefined): Settings {
  let given: Json = {};
  if (text === undefined) say(`no ${SETTINGS_FILE}: defaults`);
  else {
    try {
      given = JSON.parse(text);
    } catch {
      say(`${SETTINGS_FILE} is not JSON: defaults`);
    }
  }
  return {
    config: mergeSettings(given, undefined, (field) => {
      say(`settings: bad ${field}: default used`);
    }),
    hash: text === undefined ? "none" : hashOf(text),
  };
}
