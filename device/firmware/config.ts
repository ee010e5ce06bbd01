/**
 * The shape of the firmware's configuration. The build validates
 * `config/device.json` against it (tools/device_config.ts) and embeds the
 * result in the bundle as {@linkcode FIRMWARE_CONFIG}.
 *
 * Types only, with no Espruino globals, so host-side code can share them.
 *
 * @module
 */

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
}
