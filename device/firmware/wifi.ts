/**
 * Joins Wi-Fi and stays joined: Espruino's ESP32 port never rejoins after a
 * drop, so this module does, with `attempts` tries `delayMs` apart and then a
 * longer wait before the next round, for as long as the board runs.
 *
 * @module
 */

import type { WifiConfig } from "./config.ts";

/** What {@linkcode startWifi} reports. */
export interface WifiEvents {
  /** Joined, with an IP address. */
  onUp: (ip: string) => void;
  /** Lost the network, or a join round failed. */
  onDown: (reason: string) => void;
}

/** The Wi-Fi link as the rest of the firmware sees it (fields kept up to date). */
export interface WifiLink {
  /** `none` (no Wi-Fi on this board or in the config), `joining`, `up` or `down`. */
  state: string;
  /** The IP address while up, else "". */
  ip: string;
}

/** Waits before the next round after `attempts` failed tries: doubling from 1 s to 10 s. */
const FIRST_ROUND_PAUSE_MS = 1000;
const MAX_ROUND_PAUSE_MS = 10_000;

/** Starts joining (or reports `none` at once when there is no Wi-Fi to join). */
export function startWifi(config: WifiConfig | null, events: WifiEvents): WifiLink {
  // The `Wifi` module, or undefined on a board without one.
  let wifi: WifiModule | undefined;
  try {
    if (config) wifi = require("Wifi");
  } catch {
    // No Wi-Fi on this board.
  }
  const link: WifiLink = { state: wifi ? "joining" : "none", ip: "" };
  if (!wifi || !config) return link;

  let tries = 0;
  let roundPause = FIRST_ROUND_PAUSE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      attempt();
    }, ms);
  };
  const up = (address: string) => {
    tries = 0;
    roundPause = FIRST_ROUND_PAUSE_MS;
    if (link.state === "up" && address === link.ip) return;
    link.state = "up";
    link.ip = address;
    events.onUp(address);
  };
  const down = (reason: string) => {
    const was = link.state;
    link.state = "down";
    link.ip = "";
    if (was !== "down") events.onDown(reason);
  };
  const attempt = () => {
    if (link.state === "up") return;
    tries++;
    if (link.state !== "down") link.state = "joining";
    wifi.connect(config.ssid, { password: config.password }, (error) => {
      if (!error) {
        up(wifi.getIP().ip);
        return;
      }
      if (tries < config.attempts) {
        later(config.delayMs);
      } else {
        tries = 0;
        down(`join failed: ${error}`);
        later(roundPause);
        roundPause = Math.min(roundPause * 2, MAX_ROUND_PAUSE_MS);
      }
    });
  };
  wifi.on("connected", (details) => up(details.ip));
  wifi.on("disconnected", (details) => {
    if (link.state !== "up") return;
    down(`disconnected: ${details && details.reason ? details.reason : "unknown"}`);
    later(config.delayMs);
  });
  wifi.on("dhcp_timeout", () => {
    down("no address from DHCP");
    later(config.delayMs);
  });
  attempt();
  return link;
}
