/**
 * The SOS firmware: blinks SOS on the LED from the first moment, joins Wi-Fi,
 * holds a WebSocket to the relay, sends `SOS!` after each pattern, prints
 * and obeys the relay's commands, and re-handshakes every
 * `rehandshakeEvery` cycles. Nothing the network does can stop the blinking.
 *
 * `deno task build` bundles this file with the validated configuration
 * embedded as `FIRMWARE_CONFIG` and the LED's pin as `FIRMWARE_LED`.
 *
 * @module
 */

import { createWebSocketClient, type WebSocketClient } from "../ws/mod.ts";
import { handleCommand } from "./commands.ts";
import type { DeviceConfig, SosPattern } from "./config.ts";
import { startBlinker } from "./sos.ts";
import { startWifi } from "./wifi.ts";

declare const FIRMWARE_CONFIG: DeviceConfig;
declare const FIRMWARE_LED: Pin;
declare const ESP32: { reboot(): void } | undefined;

const config = FIRMWARE_CONFIG;
const bootedAt = getTime();

function log(text: string): void {
  console.log("[sos] " + text);
}

let client: WebSocketClient | undefined;

/** Prints an error; a crash in a handler is also told to the relay, when connected. */
function report(where: string, error: unknown): void {
  const message = error && (error as Error).message ? (error as Error).message : String(error);
  log(`error in ${where}: ${message}`);
  if (where !== "connection" && client && client.state() === "open") {
    client.send(JSON.stringify({ from: id, error: `${where}: ${message}` }));
  }
}

/** A stable id from the chip's serial number when the config gives none. */
function deviceId(): string {
  if (config.clientId) return config.clientId;
  const serial = String(getSerial()).replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return ("esp32-" + serial).substr(0, 64);
}

const id = deviceId();
let pattern: SosPattern = config.pattern;
let sent = 0;

function sendJson(value: unknown): void {
  if (client) client.send(JSON.stringify(value));
}

const blinker = startBlinker({
  pin: FIRMWARE_LED,
  activeLow: config.led.activeLow,
  pattern: pattern,
  onCycle: (cycles) => {
    if (client) {
      client.send("SOS!");
      sent++;
    }
    if (config.rehandshakeEvery > 0 && cycles % config.rehandshakeEvery === 0) rehandshake();
  },
  onError: (error) => report("cycle", error),
});

log(`${id} blinking; relay ${config.server}`);

function rehandshake(): void {
  if (!client) return;
  log("re-handshaking");
  client.rehandshake();
}

function openClient(): void {
  const ws = createWebSocketClient({
    url: config.server + id,
    token: config.token || undefined,
    pingIntervalMs: config.heartbeat.pingIntervalMs,
    pongTimeoutMs: config.heartbeat.pongTimeoutMs,
    minBackoffMs: config.reconnect.minDelayMs,
    maxBackoffMs: config.reconnect.maxDelayMs,
    outboxMessages: config.outbox.maxMessages,
    outboxBytes: config.outbox.maxBytes,
    maxMessageBytes: config.maxMessageBytes,
  });
  ws.on("open", () => log("connected"));
  ws.on("close", (code, reason) => log(`closed ${code} ${reason}`));
  ws.on("error", (error) => report("connection", error));
  ws.on("message", (data, binary) => {
    try {
      if (binary) {
        log(`< binary ${data.length} bytes`);
        return;
      }
      log(`< ${data}`);
      const reply = handleCommand(data, commands);
      if (reply) sendJson(reply);
    } catch (error) {
      report("message", error);
    }
  });
  client = ws;
}

const commands = {
  id: id,
  status: () => {
    const memory = process.memory(false);
    return {
      uptime: Math.round(getTime() - bootedAt),
      memory: { free: memory.free, usage: memory.usage, total: memory.total },
      wifi: { state: wifi.state(), ip: wifi.ip() },
      connection: client ? client.state() : "none",
      counters: client ? client.counters : {},
      queued: client ? client.queued() : 0,
      cycles: blinker.cycles(),
      sent: sent,
      blinking: blinker.enabled(),
    };
  },
  setBlinking: (on: boolean) => blinker.setEnabled(on),
  pattern: () => pattern,
  setPattern: (next: SosPattern) => {
    pattern = next;
    blinker.setPattern(next);
  },
  say: (text: string) => {
    if (client) client.send(text);
  },
  rehandshake: rehandshake,
  reboot: () => {
    // Let the reply leave first.
    setTimeout(() => {
      if (typeof ESP32 !== "undefined" && ESP32) ESP32.reboot();
      else load();
    }, 500);
  },
};

const wifi = startWifi(config.wifi, {
  onUp: (ip) => {
    log(`Wi-Fi up: ${ip}`);
    if (client) client.reconnect();
  },
  onDown: (reason) => log(`Wi-Fi down: ${reason}`),
});

process.on("uncaughtException", (error) => report("handler", error));
openClient();
