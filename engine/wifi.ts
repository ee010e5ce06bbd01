/**
 * The radio of an engine board, behind Espruino's `Wifi` module: joining takes time, a wrong
 * network or password fails after the ESP32's three tries, a lost network drops the link (and
 * every connection) and is not rejoined by itself, as on the ESP32.
 *
 * @module
 */

/** A network the board can join. */
export interface AccessPoint {
  /** Its name. */
  ssid: string;
  /** Its password. */
  password: string;
}

/** What the radio needs from its board. */
export interface RadioHooks {
  /** Runs `task` at board time `atUs` (µs since power-on). */
  at(atUs: number, task: () => void): void;
  /** Board time now (µs since power-on). */
  nowUs(): number;
  /** Emits a `Wifi` event: 0 associated, 1 connected, 2 disconnected, 3 dhcp_timeout, 4 failed. */
  event(kind: number, details: Record<string, unknown>): void;
  /** The link went down or came back: held traffic may flow. */
  linkChanged(): void;
}

/** How long a join takes (board time), as measured on ESP32 boards: about a second. */
const JOIN_US = 1_200_000;
/** The ESP32 port tries three times before it reports a failure. */
const FAILED_JOIN_US = 3 * 2_000_000;
/** The address the board reports once joined (traffic still goes to this machine only). */
const BOARD_IP = "127.0.0.1";

/** Station state of the radio. */
export type StationState = "off" | "connecting" | "connected" | "no_ap_found" | "wrong_password";

/** An engine board's radio. */
export class Radio {
  #hooks: RadioHooks;
  #networks: AccessPoint[] | undefined;
  #state: StationState = "off";
  #ssid = "";
  #used = false;
  #lostUntilUs = 0;
  #attempt = 0;

  /** A radio that can join `networks` (any name and password when undefined). */
  constructor(hooks: RadioHooks, networks?: AccessPoint[]) {
    this.#hooks = hooks;
    this.#networks = networks;
  }

  /** Whether the board can reach the network: joined, or never using Wi-Fi (a wired board). */
  linkUp(): boolean {
    if (this.#lost()) return false;
    return this.#state === "connected" || !this.#used;
  }

  #lost(): boolean {
    return this.#hooks.nowUs() < this.#lostUntilUs;
  }

  /** `Wifi.connect(ssid, {password}, cb)`. */
  connect(ssid: string, password: string): void {
    this.#used = true;
    this.#ssid = ssid;
    this.#state = "connecting";
    const attempt = ++this.#attempt;
    const network = this.#networks?.find((n) => n.ssid === ssid);
    const refusal = this.#lost() || (this.#networks && !network)
      ? "no_ap_found"
      : network && network.password !== password
      ? "wrong_password"
      : undefined;
    const now = this.#hooks.nowUs();
    this.#hooks.at(now + (refusal ? FAILED_JOIN_US : JOIN_US), () => {
      if (attempt !== this.#attempt) return;
      if (refusal || this.#lost()) {
        this.#state = refusal === "wrong_password" ? "wrong_password" : "no_ap_found";
        this.#hooks.event(4, {
          reason: refusal === "wrong_password" ? "AUTH_FAIL" : "NO_AP_FOUND",
        });
        return;
      }
      this.#state = "connected";
      this.#hooks.linkChanged();
      this.#hooks.event(0, { ssid, mac: "24:0a:c4:00:00:02", channel: 6 });
      this.#hooks.event(1, { ip: BOARD_IP, netmask: "255.255.255.0", gw: BOARD_IP });
    });
  }

  /** `Wifi.disconnect()`. */
  disconnect(): void {
    this.#attempt++;
    const was = this.#state;
    this.#state = "off";
    if (was === "connected") {
      this.#hooks.linkChanged();
      this.#hooks.event(2, { ssid: this.#ssid, reason: "assoc_leave" });
    }
  }

  /** `Wifi.getStatus()`, as JSON. */
  statusJson(): string {
    const connected = this.#state === "connected";
    return JSON.stringify({
      station: this.#state,
      ssid: this.#ssid,
      ...(connected ? { ip: BOARD_IP } : {}),
    });
  }

  /**
   * Fault: the network is gone for `ms` of board time (for ever by default, until
   * {@linkcode restore}); the board must rejoin afterwards.
   */
  lose(ms = Infinity): void {
    this.#lostUntilUs = this.#hooks.nowUs() + ms * 1000;
    this.#hooks.linkChanged();
    if (this.#state === "connected" || this.#state === "connecting") {
      this.#attempt++;
      this.#state = "off";
      this.#hooks.event(2, { ssid: this.#ssid, reason: "beacon_timeout" });
    }
  }

  /** Ends a {@linkcode lose}: the network is back, for the board to join again. */
  restore(): void {
    this.#lostUntilUs = 0;
    this.#hooks.linkChanged();
  }
}
