/**
 * What @types/espruino 1.95.0 leaves out but Espruino 2v29 on ESP32 has
 * (see docs/espruino.md): the built-in modules behind `require`, timers,
 * `console`, `process`, a few `E.*` functions and socket events. Only what the
 * device code uses or is likely to; each shape follows the firmware's
 * behaviour, not Node's.
 */

/** The on-board LED (D2 on the ESP32 boards). */
declare const LED1: Pin;
/** The on-board button (D0). */
declare const BTN1: Pin;

declare function setTimeout(callback: () => void, ms?: number): number;
declare function setInterval(callback: () => void, ms?: number): number;

declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

/** Memory report of `process.memory()`; one variable is 14 bytes on ESP32 (13 on the C3). */
interface EspruinoMemory {
  /** Variables free. */
  free: number;
  /** Variables in use. */
  usage: number;
  /** Variables in all. */
  total: number;
  /** Variables used by the command history. */
  history: number;
}

declare const process: {
  /** Memory in variables; `gc` false skips the garbage collection it otherwise runs first. */
  memory(gc?: boolean): EspruinoMemory;
  env: { VERSION: string; BOARD: string; [key: string]: unknown };
  version: string;
  on(event: "uncaughtException", callback: (error: unknown) => void): void;
};

declare namespace E {
  /** Bytes of strings, arrays, ArrayBuffers and typed arrays as one binary string. */
  function toString(...args: unknown[]): string;
  /** The CRC32 of a string's bytes, as `zlib.crc32` computes it (may come back negative). */
  function CRC32(data: string): number;
  /**
   * The bytes behind a string on Unicode builds: a UTF-8 string (a literal with non-ASCII
   * characters) becomes the binary string of its UTF-8 encoding. Other builds return undefined.
   */
  const fromUTF8: ((str: string) => string | undefined) | undefined;
  /** Reports `LOW_MEMORY`, `MEMORY` and other error flags as they are raised. */
  function on(event: "errorFlag", callback: (flags: string[]) => void): void;
  function on(event: "init" | "kill", callback: () => void): void;
  /** A hard restart, as the reset pin would make. */
  function reboot(): void;
}

/** What `require("Storage").getStats()` reports, in bytes. */
interface StorageStats {
  /** The partition's size. */
  totalBytes: number;
  /** Free after the last file (what a new file can take without compaction). */
  freeBytes: number;
  /** Held by erased or replaced files: freed by compaction. */
  trashBytes: number;
}

interface StorageModule {
  /** Sizes of the partition, its free space and its trash. */
  getStats(): StorageStats;
}

/** Socket events and methods the typings lack; data are binary strings of at most 536 bytes. */
interface Socket {
  on(event: "data", callback: (data: string) => void): void;
  on(event: "end" | "close" | "drain", callback: () => void): void;
  on(event: "error", callback: (error: { code?: number; message?: string }) => void): void;
  /** Sends a string exactly (a Uint8Array would be sent as its text: convert with E.toString). */
  write(data: string): void;
  end(): void;
}

/** Options of `require("net").connect`. */
interface NetConnectOptions {
  host: string;
  port: number;
}

/** Options of `require("tls").connect`: DER keys and certificates as binary strings. */
interface TlsConnectOptions extends NetConnectOptions {
  /** Ignored for verification: the firmware never verifies the server certificate. */
  ca?: string;
  key?: string;
  cert?: string;
}

/** `require("net")`. */
interface NetModule {
  /** Connects; THROWS at once on a refused connection or an unknown host. Pass a callback OR on('connect'). */
  connect(options: NetConnectOptions, callback: () => void): Socket;
}

/** `require("tls")`: TLS 1.2, no SNI, the server certificate is not verified. */
interface TlsModule {
  /** As `net.connect`. */
  connect(options: TlsConnectOptions, callback: () => void): Socket;
}

/** `require("crypto")`: digests return ArrayBuffers. */
interface CryptoModule {
  SHA1(message: string | ArrayBuffer | Uint8Array): ArrayBuffer;
  SHA256(message: string | ArrayBuffer | Uint8Array): ArrayBuffer;
  SHA512(message: string | ArrayBuffer | Uint8Array): ArrayBuffer;
}

/** `require("Wifi")` on ESP32 (it does not reconnect by itself after a drop). */
interface WifiModule {
  connect(
    ssid: string,
    options: { password?: string },
    callback: (error: string | null) => void,
  ): void;
  disconnect(callback?: () => void): void;
  on(
    event: "connected",
    callback: (details: { ip: string; netmask: string; gw: string }) => void,
  ): void;
  on(event: "disconnected", callback: (details: { reason?: string }) => void): void;
  on(event: "dhcp_timeout", callback: () => void): void;
  getIP(
    callback?: (
      error: unknown,
      info: { ip: string; netmask: string; gw: string; mac: string },
    ) => void,
  ): {
    ip: string;
    netmask: string;
    gw: string;
    mac: string;
  };
  getStatus(): { station: string; [key: string]: unknown };
  setHostname(hostname: string, callback?: () => void): void;
}

/** `require("Storage")`: files in flash. */
interface StorageModule {
  read(name: string, offset?: number, length?: number): string | undefined;
  readJSON(name: string, noExceptions: boolean): unknown;
  write(name: string, data: string, offset?: number, size?: number): boolean;
  writeJSON(name: string, data: unknown): boolean;
  erase(name: string): void;
  list(pattern?: RegExp | string): string[];
  getFree(): number;
}

declare function require(module: "net"): NetModule;
declare function require(module: "tls"): TlsModule;
declare function require(module: "crypto"): CryptoModule;
declare function require(module: "Wifi"): WifiModule;
declare function require(module: "Storage"): StorageModule;
