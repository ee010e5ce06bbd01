/**
 * The device's configuration (`config/device.json`): reading, validation with
 * messages that name the field, what it expects and what it got, and the
 * defaults for every optional field.
 *
 * @example
 * ```ts
 * import { parseDeviceConfig } from "./device_config.ts";
 * const config = parseDeviceConfig('{"server": "ws://192.168.1.100:8000/"}');
 * console.log(config.pattern.dotOnMs); // 200
 * ```
 * @module
 */

import { crc32 } from "node:zlib";
import {
  type DeviceConfig,
  deviceDefaults,
  integerLimits,
  SETTINGS_FILE,
  type WifiConfig,
  wifiDefaults,
} from "../device/firmware/config.ts";

export { SETTINGS_FILE };
export type { DeviceConfig, WifiConfig };

/** Every problem found in a configuration, one per line. */
export class DeviceConfigError extends Error {
  /** The individual problems, each naming its field. */
  readonly problems: string[];

  /** Creates the error from its problems. */
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid device configuration:\n  ${problems.join("\n  ")}`);
    this.name = "DeviceConfigError";
    this.problems = problems;
  }
}

const PIN_NAME = /^(LED[1-8]|BTN[1-4]|D([0-9]|[1-3][0-9]))$/;
const CLIENT_ID = /^[A-Za-z0-9_.~-]{1,64}$/;
const ROLE = /^(device|operator)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  }
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

class Reader {
  problems: string[] = [];

  object(value: unknown, path: string): Record<string, Json> | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as Record<string, Json>;
    }
    this.problems.push(`${path}: expected an object, got ${describe(value)}`);
    return undefined;
  }

  /** Flags keys that are neither known nor comments (`//…`): typos must not pass silently. */
  known(object: Record<string, Json>, path: string, keys: string[]): void {
    for (const key of Object.keys(object)) {
      if (key.startsWith("//") || keys.includes(key)) continue;
      const where = path ? `${path}.${key}` : key;
      this.problems.push(`${where}: unknown field (expected one of ${keys.join(", ")})`);
    }
  }

  /** A whole number within its field's {@linkcode integerLimits}, else `fallback`. */
  integer(object: Record<string, Json>, key: string, path: string, fallback: number): number {
    const [min, max] = integerLimits()[key];
    const range = { min, max, fallback };
    const value = object[key];
    if (value === undefined) return range.fallback;
    if (
      typeof value !== "number" || !Number.isInteger(value) || value < range.min ||
      value > range.max
    ) {
      this.problems.push(
        `${path}${key}: expected a whole number from ${range.min} to ${range.max}, got ${
          describe(value)
        }`,
      );
      return range.fallback;
    }
    return value;
  }

  string(
    object: Record<string, Json>,
    key: string,
    path: string,
    rule: { fallback?: string; pattern?: RegExp; expects: string; nullable?: boolean },
  ): string | null {
    const value = object[key];
    if (value === undefined && rule.fallback !== undefined) return rule.fallback;
    if (value === undefined && rule.nullable) return null;
    if (value === null && rule.nullable) return null;
    if (typeof value !== "string" || (rule.pattern && !rule.pattern.test(value))) {
      this.problems.push(`${path}${key}: expected ${rule.expects}, got ${describe(value)}`);
      return rule.fallback ?? null;
    }
    return value;
  }

  boolean(object: Record<string, Json>, key: string, path: string, fallback: boolean): boolean {
    const value = object[key];
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") {
      this.problems.push(`${path}${key}: expected true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  section(root: Record<string, Json>, key: string): Record<string, Json> {
    const value = root[key];
    if (value === undefined) return {};
    return this.object(value, key) ?? {};
  }
}

function checkServer(reader: Reader, value: string | null): string {
  if (value === null) return "";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    reader.problems.push(`server: expected a ws:// or wss:// URL, got ${describe(value)}`);
    return value;
  }
  if (url.protocol !== "ws:" && url.protocol !== "wss:") {
    reader.problems.push(`server: expected a ws:// or wss:// URL, got ${describe(value)}`);
  } else if (url.search || url.hash || url.username) {
    reader.problems.push(
      `server: expected no query, fragment or user in the URL (the token has its own field), got ${
        describe(value)
      }`,
    );
  } else if (!url.pathname.endsWith("/")) {
    reader.problems.push(
      `server: expected a URL ending in / (the client id is appended), got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * The configuration with `token` replaced by a board's own (`deno task build
 * -- --token`, e.g. minted by `deno task token`). A per-client token (JWT)
 * whose `sub` is not the configured `clientId` is refused: the relay would.
 */
export function withToken(config: DeviceConfig, token: string, file = "--token"): DeviceConfig {
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new DeviceConfigError(file, ["token: expected printable characters without spaces"]);
  }
  const parts = token.split(".");
  if (parts.length === 3) {
    let sub: unknown;
    try {
      const json = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
      sub = JSON.parse(json).sub;
    } catch {
      sub = undefined; // not a JWT: a shared token that happens to hold dots
    }
    if (typeof sub === "string" && config.clientId !== null && sub !== config.clientId) {
      throw new DeviceConfigError(file, [
        `token: it is for client id "${sub}", but clientId is "${config.clientId}"`,
      ]);
    }
    if (typeof sub === "string" && config.clientId === null) {
      return { ...config, clientId: sub, token };
    }
  }
  return { ...config, token };
}

/** Parses and validates configuration text; throws {@linkcode DeviceConfigError} listing every problem. */
export function parseDeviceConfig(text: string, options: { file?: string } = {}): DeviceConfig {
  const file = options.file ?? "device configuration";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DeviceConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const reader = new Reader();
  const root = reader.object(parsed, "(top level)");
  if (!root) throw new DeviceConfigError(file, reader.problems);
  reader.known(root, "", [
    "wifi",
    "server",
    "clientId",
    "token",
    "role",
    "led",
    "pattern",
    "rehandshakeEvery",
    "statusEvery",
    "heartbeat",
    "reconnect",
    "outbox",
    "maxMessageBytes",
    "confirmMs",
  ]);

  const defaults = deviceDefaults();
  const wifiDefault = wifiDefaults();
  let wifi: WifiConfig | null = null;
  if (root.wifi !== undefined && root.wifi !== null) {
    const section = reader.object(root.wifi, "wifi") ?? {};
    reader.known(section, "wifi", ["ssid", "password", "attempts", "delayMs"]);
    wifi = {
      ssid: reader.string(section, "ssid", "wifi.", {
        pattern: /^.{1,32}$/,
        expects: "the network name (1-32 characters)",
      }) ?? "",
      password: reader.string(section, "password", "wifi.", {
        fallback: "",
        pattern: /^(|.{8,63})$/,
        expects: 'a password of 8-63 characters, or "" for an open network',
      }) ?? "",
      attempts: reader.integer(section, "attempts", "wifi.", wifiDefault.attempts),
      delayMs: reader.integer(section, "delayMs", "wifi.", wifiDefault.delayMs),
    };
  }

  const server = checkServer(
    reader,
    reader.string(root, "server", "", {
      expects: "a ws:// or wss:// URL such as ws://192.168.1.100:8000/",
    }),
  );
  const clientId = reader.string(root, "clientId", "", {
    nullable: true,
    pattern: CLIENT_ID,
    expects: "null or 1-64 characters of A-Z a-z 0-9 _ . ~ -",
  });
  const token = reader.string(root, "token", "", {
    nullable: true,
    pattern: /^[\x21-\x7e]+$/,
    expects: "null or a token of printable characters without spaces",
  });

  const role = reader.string(root, "role", "", {
    fallback: defaults.role,
    pattern: ROLE,
    expects: '"device" or "operator"',
  }) ?? defaults.role;

  const led = reader.section(root, "led");
  reader.known(led, "led", ["pin", "activeLow"]);
  const pattern = reader.section(root, "pattern");
  reader.known(pattern, "pattern", ["dotOnMs", "dashOnMs", "offMs", "pauseMs"]);
  const heartbeat = reader.section(root, "heartbeat");
  reader.known(heartbeat, "heartbeat", ["pingIntervalMs", "pongTimeoutMs"]);
  const reconnect = reader.section(root, "reconnect");
  reader.known(reconnect, "reconnect", ["minDelayMs", "maxDelayMs"]);
  const outbox = reader.section(root, "outbox");
  reader.known(outbox, "outbox", ["maxMessages", "maxBytes"]);
  const timing = (key: keyof DeviceConfig["pattern"]) =>
    reader.integer(pattern, key, "pattern.", defaults.pattern[key]);

  const config: DeviceConfig = {
    wifi,
    server,
    clientId,
    token,
    role,
    led: {
      pin: reader.string(led, "pin", "led.", {
        fallback: defaults.led.pin,
        pattern: PIN_NAME,
        expects: "a pin name such as LED1, D2 or D13",
      }) ?? defaults.led.pin,
      activeLow: reader.boolean(led, "activeLow", "led.", defaults.led.activeLow),
    },
    pattern: {
      dotOnMs: timing("dotOnMs"),
      dashOnMs: timing("dashOnMs"),
      offMs: timing("offMs"),
      pauseMs: timing("pauseMs"),
    },
    rehandshakeEvery: reader.integer(root, "rehandshakeEvery", "", defaults.rehandshakeEvery),
    statusEvery: reader.integer(root, "statusEvery", "", defaults.statusEvery),
    heartbeat: {
      pingIntervalMs: reader.integer(
        heartbeat,
        "pingIntervalMs",
        "heartbeat.",
        defaults.heartbeat.pingIntervalMs,
      ),
      pongTimeoutMs: reader.integer(
        heartbeat,
        "pongTimeoutMs",
        "heartbeat.",
        defaults.heartbeat.pongTimeoutMs,
      ),
    },
    reconnect: {
      minDelayMs: reader.integer(
        reconnect,
        "minDelayMs",
        "reconnect.",
        defaults.reconnect.minDelayMs,
      ),
      maxDelayMs: reader.integer(
        reconnect,
        "maxDelayMs",
        "reconnect.",
        defaults.reconnect.maxDelayMs,
      ),
    },
    outbox: {
      maxMessages: reader.integer(outbox, "maxMessages", "outbox.", defaults.outbox.maxMessages),
      maxBytes: reader.integer(outbox, "maxBytes", "outbox.", defaults.outbox.maxBytes),
    },
    maxMessageBytes: reader.integer(root, "maxMessageBytes", "", defaults.maxMessageBytes),
    confirmMs: reader.integer(root, "confirmMs", "", defaults.confirmMs),
  };
  if (config.reconnect.maxDelayMs < config.reconnect.minDelayMs) {
    reader.problems.push(
      `reconnect.maxDelayMs: expected at least reconnect.minDelayMs (${config.reconnect.minDelayMs}), got ${config.reconnect.maxDelayMs}`,
    );
  }
  if (reader.problems.length > 0) throw new DeviceConfigError(file, reader.problems);
  return config;
}

/**
 * The text of a board's settings file ({@linkcode SETTINGS_FILE}) for a validated configuration:
 * every field, defaults filled in. The board hashes this text for its `status`
 * ({@linkcode settingsHash}).
 */
export function settingsText(config: DeviceConfig): string {
  return JSON.stringify(config);
}

/** The 8 hex digits of CRC32 the board reports as `"settings"` in its status, for `text`. */
export function settingsHash(text: string): string {
  return (crc32(new TextEncoder().encode(text)) >>> 0).toString(16).padStart(8, "0");
}

/** Reads and validates a configuration file, with a hint when it does not exist. */
export async function loadDeviceConfig(path: string): Promise<DeviceConfig> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new DeviceConfigError(path, [
        "the file does not exist: copy config/device.example.json to config/device.json and edit it, or pass --config PATH",
      ]);
    }
    throw error;
  }
  return parseDeviceConfig(text, { file: path });
}
