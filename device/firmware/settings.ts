/**
 * Reads the board's settings from Storage ({@linkcode SETTINGS_FILE}, written by
 * `deno task flash`) at boot. Every field missing or bad takes its compiled-in default
 * ({@linkcode deviceDefaults}); a bad one is named on the console, never with its value (it may
 * be the token or the Wi-Fi password). The host validates the same file fully before writing it
 * (tools/device_config.ts); these checks only keep a hand-edited or damaged file from stopping
 * the board: types, whole numbers within {@linkcode integerLimits}, and the strings' shapes.
 *
 * @module
 */

import {
  type DeviceConfig,
  deviceDefaults,
  integerLimits,
  SETTINGS_FILE,
  wifiDefaults,
} from "./config.ts";

/** The settings a board runs with. */
export interface Settings {
  /** Every field, from the file or its default. */
  config: DeviceConfig;
  /** CRC32 of the file's text as 8 hex digits, or `"none"` without a file. */
  hash: string;
}

// deno-lint-ignore no-explicit-any
type Json = any;

/** Reads, checks and completes the settings; `say` gets one line per problem. */
export function readSettings(say: (text: string) => void): Settings {
  const text = require("Storage").read(SETTINGS_FILE);
  let given: Json = {};
  if (text === undefined) say(`no ${SETTINGS_FILE}: defaults`);
  else {
    try {
      given = JSON.parse(text);
    } catch {
      say(`${SETTINGS_FILE} is not JSON: defaults`);
    }
  }
  const limits = integerLimits();
  // The strings whose shape matters, roughly (Espruino's RegExp has no {n,m}, ? or grouped |);
  // the rest need only be strings.
  const shapes: Json = {
    server: /^wss*:\/\/[^\/?#@\s]+[^?#@\s]*\/$/,
    clientId: /^[A-Za-z0-9_.~-]+$/,
    token: /^[\x21-\x7e]+$/,
    role: /^device$|^operator$/,
    "led.pin": /^[A-Z]+[0-9]+$/,
  };
  // Written as one loop, not helpers: each function alive costs the board JsVars.
  const merge = (value: Json, defaults: Json, path: string): Json => {
    const out: Json = {};
    if (typeof value !== "object" || value === null || value instanceof Array) {
      say(`settings: ${path ? path.slice(0, -1) : SETTINGS_FILE} must be an object: defaults used`);
      if (path === "wifi.") return null;
      value = {};
    }
    for (const key in defaults) {
      const field = path + key;
      const fallback = defaults[key];
      let v = value[key];
      // A nullable field (wifi, clientId, token) takes null, or a value of its kind.
      if (v === undefined || (v === null && fallback === null)) v = fallback;
      // (A wifi section that is not an object is reported by merge, and joins nothing.)
      else if (key === "wifi") v = merge(v, wifiDefaults(), "wifi.");
      else if (typeof fallback === "object" && fallback !== null) {
        v = merge(v, fallback, field + ".");
      } else {
        const range = limits[field];
        if (
          typeof v !== (fallback === null ? "string" : typeof fallback) ||
          (range && !(v >= range[0] && v <= range[1] && Math.floor(v) === v)) ||
          (shapes[field] && !shapes[field].test(v))
        ) {
          say(`settings: bad ${field}: default used`);
          v = fallback;
        }
      }
      out[key] = v;
    }
    return out;
  };
  const config = merge(given, deviceDefaults(), "");
  if (config.reconnect.maxDelayMs < config.reconnect.minDelayMs) {
    say("settings: bad reconnect.maxDelayMs (below minDelayMs): minDelayMs used");
    config.reconnect.maxDelayMs = config.reconnect.minDelayMs;
  }
  return {
    config: config,
    hash: text === undefined ? "none" : ("0000000" + (E.CRC32(text) >>> 0).toString(16)).substr(-8),
  };
}
