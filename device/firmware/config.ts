/**
 * The firmware's settings: their shape, defaults, limits and the Storage file that holds them.
 * `deno task flash` validates `config/device.json` (tools/device_config.ts) and writes it to the
 * board as {@linkcode SETTINGS_FILE}; the firmware reads that file at boot
 * (device/firmware/settings.ts) and falls back to {@linkcode deviceDefaults} field by field.
 *
 * No Espruino globals, so host-side code shares it. Defaults and limits are functions, so that
 * the board holds them only while it reads its settings.
 *
 * @module
 */

/** The Storage file that holds a board's settings, as JSON. */
export const SETTINGS_FILE = "settings.json";

/**
 * The Storage file of a trial of settings sent by the `settings` command
 * (device/firmware/remote_settings.ts), as JSON: `s` the settings text tried, `c` the fields
 * changed, `r` set once a boot has run it, `w` why it was undone (until that is reported).
 */
export const TRIAL_FILE = "settings.trial";

/** SOS timings in milliseconds. */
export interface SosPattern {
  /** A dot's on time. */
  dotOnMs: number;
  /** A dash's on time. */
  dashOnMs: number;
  /** Off time between symbols. */
  offMs: number;
  /** Off time between cycles. */
  pauseMs: number;
}

/** Length of one cycle in milliseconds: nine symbols, eight gaps and the pause. */
export function cycleMs(pattern: SosPattern): number {
  return 3 * (2 * pattern.dotOnMs + pattern.dashOnMs) + 8 * pattern.offMs + pattern.pauseMs;
}

/** Wi-Fi credentials and join policy. */
export interface WifiConfig {
  /** Network name. */
  ssid: string;
  /** Network password ("" for an open network). */
  password: string;
  /** Tries per join before waiting and starting over. */
  attempts: number;
  /** Pause between tries. */
  delayMs: number;
}

/** A validated device configuration with every default filled in. */
export interface DeviceConfig {
  /** `null` on a board without Wi-Fi. */
  wifi: WifiConfig | null;
  /** Relay base URL, `ws://HOST:PORT/` or `wss://HOST:PORT/`; the client id is appended. */
  server: string;
  /** `null` derives `esp32-<serial>` from `getSerial()`. */
  clientId: string | null;
  /** Relay token, or `null`. */
  token: string | null;
  /** How the device connects: `device` (the default) or `operator`, sent as `?role=`. */
  role: string;
  /** The LED that plays the SOS. */
  led: { pin: string; activeLow: boolean };
  /** SOS timings. */
  pattern: SosPattern;
  /** Re-handshake every N cycles; 0 never. */
  rehandshakeEvery: number;
  /** Send the retained status on each connect and every N cycles; 0 only on connect. */
  statusEvery: number;
  /** Link liveness checks. */
  heartbeat: { pingIntervalMs: number; pongTimeoutMs: number };
  /** Reconnect backoff bounds. */
  reconnect: { minDelayMs: number; maxDelayMs: number };
  /** Bounds of the queue of messages sent while the link is down. */
  outbox: { maxMessages: number; maxBytes: number };
  /** Largest message accepted from the relay. */
  maxMessageBytes: number;
  /** How long a remote change of wifi, server or credentials has to reach the relay, or is undone. */
  confirmMs: number;
}

/**
 * A field's default, or a section of them; a whole number's is `[default, min, max]`, its bounds
 * inclusive.
 */
// deno-lint-ignore no-explicit-any
export type SettingsRules = { [name: string]: any };

/**
 * Every field's default and every whole number's bounds, in one table: the board reads its
 * settings against it (device/firmware/settings.ts), without a second list of the fields' names.
 * No two fields share a name, so a field's bounds are found by its name alone
 * ({@linkcode integerLimits}).
 */
export function settingsRules(): SettingsRules {
  return {
    wifi: null,
    server: "",
    clientId: null,
    token: null,
    role: "device",
    led: { pin: "LED1", activeLow: false },
    pattern: {
      dotOnMs: [200, 1, 10000],
      dashOnMs: [400, 1, 10000],
      offMs: [50, 1, 10000],
      pauseMs: [400, 1, 10000],
    },
    rehandshakeEvery: [10, 0, 10000],
    statusEvery: [12, 0, 10000],
    heartbeat: { pingIntervalMs: [10000, 1000, 600000], pongTimeoutMs: [10000, 500, 600000] },
    reconnect: { minDelayMs: [500, 100, 600000], maxDelayMs: [30000, 100, 3600000] },
    outbox: { maxMessages: [20, 0, 1000], maxBytes: [2048, 0, 65536] },
    maxMessageBytes: [4096, 126, 65536],
    confirmMs: [60000, 10000, 3600000],
  };
}

/** The rules of a `wifi` section, as {@linkcode settingsRules} (`ssid` has none: "" never joins). */
export function wifiRules(): SettingsRules {
  return { ssid: "", password: "", attempts: [3, 1, 100], delayMs: [200, 0, 60000] };
}

/** The defaults of `rules`: each whole number's first value. */
function defaultsOf(rules: SettingsRules): SettingsRules {
  const out: SettingsRules = {};
  for (const name in rules) {
    const rule = rules[name];
    out[name] = rule instanceof Array
      ? rule[0]
      : rule && typeof rule === "object"
      ? defaultsOf(rule)
      : rule;
  }
  return out;
}

/** Every field's default: a board without a settings file runs with these (and no server). */
export function deviceDefaults(): DeviceConfig {
  return defaultsOf(settingsRules()) as DeviceConfig;
}

/** The defaults of a `wifi` section (`ssid` has none: "" never joins). */
export function wifiDefaults(): WifiConfig {
  return defaultsOf(wifiRules()) as WifiConfig;
}

/** Inclusive bounds of every whole-number field, by its name. */
export function integerLimits(): { [name: string]: number[] } {
  const limits: { [name: string]: number[] } = {};
  const walk = (rules: SettingsRules) => {
    for (const name in rules) {
      const rule = rules[name];
      if (rule instanceof Array) limits[name] = [rule[1], rule[2]];
      else if (rule && typeof rule === "object") walk(rule);
    }
  };
  walk({ ...settingsRules(), wifi: wifiRules() });
  return limits;
}
