/**
 * The ESP32 `Wifi` module of the virtual board. The access point is part of the board's
 * environment (a test turns it off and on); the station connection belongs to one boot.
 *
 * As on the device: `connect(ssid, {password}, cb)` calls `cb(null)` once an IP address is
 * obtained, or a reason string after three tries; events `connected`, `disconnected` and
 * `dhcp_timeout` go to `Wifi.on` listeners; nothing reconnects by itself after a drop.
 *
 * @module
 */

import type { EventRegistry, Listener } from "./events.ts";
import type { Realm } from "./realm.ts";

/** The simulated Wi-Fi network (options of the board). */
export interface WifiConfig {
  /** Only this SSID is found (default: any SSID). */
  ssid?: string;
  /** Only this password is accepted (default: any password). */
  password?: string;
  /**
   * Whether the board is already connected when its code starts, like a board that saved its
   * Wi-Fi settings (default true).
   */
  connectedAtBoot?: boolean;
  /** Duration of one connection attempt in ms (default 20). */
  attemptMs?: number;
  /** Station address (default `"192.168.4.2"`). */
  ip?: string;
}

/** Attempts before `connect` gives up, as on the ESP32 port. */
const ATTEMPTS = 3;
const NETMASK = "255.255.255.0";
const MAC = "24:0a:c4:00:00:01";

/** State of the radio environment; survives reboots. */
export class WifiEnvironment {
  /** The access point can be reached. */
  apUp = true;
  /** DHCP never answers (the association succeeds but no IP address comes). */
  dhcpFails = false;
  /** The network's settings, defaults filled in. */
  readonly config: Required<Omit<WifiConfig, "ssid" | "password">> & {
    ssid?: string;
    password?: string;
  };

  /** An access point that is up. */
  constructor(config: WifiConfig = {}) {
    this.config = {
      ssid: config.ssid,
      password: config.password,
      connectedAtBoot: config.connectedAtBoot ?? true,
      attemptMs: config.attemptMs ?? 20,
      ip: config.ip ?? "192.168.4.2",
    };
  }

  /** The router's address: the station's network, host 1. */
  get gateway(): string {
    return this.config.ip.replace(/\.\d+$/, ".1");
  }
}

/** What a Wi-Fi session needs from the board. */
export interface WifiHooks {
  /** The boot's context. */
  realm: Realm;
  /** Listener lists of the boot. */
  events: EventRegistry;
  /** Calls firmware code, reporting what it throws as uncaught. */
  invoke(fn: Listener, thisArg: unknown, args: unknown[]): void;
  /** The link went down: sockets must die like on a dead network. */
  linkDown(): void;
}

/** The station connection of one boot and its `require("Wifi")` object. */
export class WifiSession {
  #env: WifiEnvironment;
  #hooks: WifiHooks;
  #connected: boolean;
  #ssid: string | undefined;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  #module: object | undefined;
  #hostname = "espruino";

  /** Connected at boot when the access point is up and `connectedAtBoot` says so. */
  constructor(env: WifiEnvironment, hooks: WifiHooks) {
    this.#env = env;
    this.#hooks = hooks;
    this.#connected = env.apUp && env.config.connectedAtBoot;
    this.#ssid = this.#connected ? env.config.ssid ?? "virtual-ap" : undefined;
  }

  /** The station has an IP address. */
  get connected(): boolean {
    return this.#connected;
  }

  #later(ms: number, task: () => void): void {
    const handle = setTimeout(() => {
      this.#timers.delete(handle);
      task();
    }, ms);
    this.#timers.add(handle);
  }

  /** Emits on `Wifi`: at once from the radio's own (asynchronous) tasks, else queued. */
  #emit(event: string, details?: Record<string, unknown>, now = false): void {
    const module = this.module();
    const args = details ? [this.#hooks.realm.clone(details)] : [];
    if (now) this.#hooks.events.emitNow(module, event, args);
    else this.#hooks.events.emitQueued(module, event, args);
  }

  #callback(callback: unknown, args: unknown[]): void {
    if (typeof callback === "function") this.#hooks.invoke(callback as Listener, undefined, args);
  }

  #drop(reason: string): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#hooks.linkDown();
    this.#emit("disconnected", { ssid: this.#ssid, mac: MAC, reason });
  }

  /** The access point disappeared (test control). */
  apDown(reason: string): void {
    this.#drop(reason);
  }

  /** Ends this boot's timers. */
  stop(): void {
    for (const handle of this.#timers) clearTimeout(handle);
    this.#timers.clear();
  }

  #ipInfo(): Record<string, string> {
    return this.#connected
      ? { ip: this.#env.config.ip, netmask: NETMASK, gw: this.#env.gateway, mac: MAC }
      : { ip: "0.0.0.0", netmask: "0.0.0.0", gw: "0.0.0.0", mac: MAC };
  }

  #connect(ssid: unknown, options: unknown, callback: unknown): void {
    const env = this.#env;
    const name = String(ssid);
    const password = typeof options === "object" && options !== null
      ? (options as { password?: unknown }).password
      : undefined;
    if (this.#connected && this.#ssid === name) {
      this.#later(env.config.attemptMs, () => this.#callback(callback, [null]));
      return;
    }
    this.#drop("ASSOC_LEAVE");
    let attempt = 0;
    const tryOnce = () => {
      attempt++;
      let failure: string | undefined;
      if (!env.apUp || (env.config.ssid !== undefined && env.config.ssid !== name)) {
        failure = "NO_AP_FOUND";
      } else if (env.config.password !== undefined && env.config.password !== password) {
        failure = "AUTH_FAIL";
      } else if (env.dhcpFails) {
        failure = "DHCP_TIMEOUT";
      }
      if (!failure) {
        this.#connected = true;
        this.#ssid = name;
        this.#emit("connected", { ip: env.config.ip, netmask: NETMASK, gw: env.gateway }, true);
        this.#callback(callback, [null]);
        return;
      }
      if (attempt < ATTEMPTS) {
        this.#later(env.config.attemptMs, tryOnce);
        return;
      }
      if (failure === "DHCP_TIMEOUT") this.#emit("dhcp_timeout", undefined, true);
      else this.#emit("disconnected", { ssid: name, mac: MAC, reason: failure }, true);
      this.#callback(callback, [failure]);
    };
    this.#later(env.config.attemptMs, tryOnce);
  }

  /** The object `require("Wifi")` returns (created once per boot). */
  module(): object {
    if (this.#module) return this.#module;
    const realm = this.#hooks.realm;
    this.#module = realm.object({
      connect: (ssid: unknown, options: unknown, callback: unknown) => {
        this.#connect(ssid, options, callback);
      },
      disconnect: (callback?: unknown) => {
        this.#drop("ASSOC_LEAVE");
        this.#later(0, () => this.#callback(callback, []));
      },
      getIP: (callback?: unknown) => {
        const info = realm.clone(this.#ipInfo());
        if (typeof callback === "function") {
          this.#later(0, () => this.#callback(callback, [null, info]));
        }
        return info;
      },
      getStatus: (callback?: unknown) => {
        const status = realm.clone({
          station: this.#connected ? "connected" : "off",
          ap: "disabled",
          mode: "Station",
          powersave: "none",
          savedMode: "Station",
        });
        if (typeof callback === "function") {
          this.#later(0, () => this.#callback(callback, [status]));
        }
        return status;
      },
      getDetails: (callback?: unknown) => {
        const details = realm.clone({
          status: this.#connected ? "connected" : "off",
          rssi: this.#connected ? -55 : 0,
          ssid: this.#connected ? this.#ssid : "",
        });
        if (typeof callback === "function") {
          this.#later(0, () => this.#callback(callback, [details]));
        }
        return details;
      },
      scan: (callback: unknown) => {
        const found = this.#env.apUp
          ? [{
            ssid: this.#env.config.ssid ?? "virtual-ap",
            authMode: "wpa2",
            rssi: -55,
            channel: 6,
          }]
          : [];
        this.#later(
          this.#env.config.attemptMs,
          () => this.#callback(callback, [realm.clone(found)]),
        );
      },
      setHostname: (name: unknown, callback?: unknown) => {
        this.#hostname = String(name);
        this.#later(0, () => this.#callback(callback, []));
      },
      getHostname: (callback?: unknown) => {
        if (typeof callback === "function") {
          this.#later(0, () => this.#callback(callback, [this.#hostname]));
        }
        return this.#hostname;
      },
      setSNTP: () => {},
      save: () => {},
      restore: () => {},
    });
    return this.#module;
  }
}
