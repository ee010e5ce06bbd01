/**
 * The SOS firmware: blinks SOS on the LED from the first moment, joins Wi-Fi,
 * holds a WebSocket to the relay, sends `SOS!` after each pattern, prints
 * and obeys the commands addressed to it, re-handshakes every
 * `rehandshakeEvery` cycles, and sends its status as its retained message
 * (`GET /devices`) on each connect and every `statusEvery` cycles. It
 * connects as a device (`?role=device`). Nothing the network does can stop
 * the blinking.
 *
 * `deno task build` bundles this file with the validated configuration
 * embedded as `FIRMWARE_CONFIG` and the LED's pin as `FIRMWARE_LED`.
 *
 * @module
 */

import { createWebSocketClient, type WebSocketClient } from "../ws/mod.ts";
import { type CommandTarget, describeError, handleCommand } from "./commands.ts";
import type { DeviceConfig } from "./config.ts";
import { startBlinker } from "./sos.ts";
import { startWifi } from "./wifi.ts";

declare const FIRMWARE_CONFIG: DeviceConfig;
declare const FIRMWARE_LED: Pin;
declare const ESP32: { reboot(): void } | undefined;

// Every `FIRMWARE_CONFIG.…` below is replaced by its value at build time
// (tools/build.ts): the configuration never sits in the board's memory as an object.

const bootedAt = getTime();
// Assigned last: the LED starts before the first connect, which can block.
// deno-lint-ignore prefer-const
let client: WebSocketClient | undefined;
let sent = 0;

function log(text: string): void {
  console.log("[sos] " + text);
}

/** Prints an error; a crash in a handler is also told to the relay, when connected. */
function report(where: string, error: unknown): void {
  const message = describeError(error);
  log(`error in ${where}: ${message}`);
  if (where !== "connection" && client && client.state() === "open") {
    client.send(JSON.stringify({ from: id, error: `${where}: ${message}` }));
  }
}

/** The config's id, else a stable one from the chip's serial number. */
const id = FIRMWARE_CONFIG.clientId ||
  ("esp32-" + String(getSerial()).replace(/[^A-Za-z0-9]/g, "").toLowerCase()).substr(0, 64);

/** Sends the status as this device's retained message: the relay keeps the latest for /devices. */
function sendStatus(): void {
  if (client && client.state() === "open") {
    client.send(JSON.stringify({ from: id, retain: true, status: commands.status() }));
  }
}

function rehandshake(): void {
  if (!client) return;
  log("re-handshaking");
  client.rehandshake();
}

const blinker = startBlinker({
  pin: FIRMWARE_LED,
  activeLow: FIRMWARE_CONFIG.led.activeLow,
  pattern: FIRMWARE_CONFIG.pattern,
  onCycle: (cycles) => {
    if (client) {
      client.send("SOS!");
      sent++;
    }
    const every = FIRMWARE_CONFIG.rehandshakeEvery;
    if (every > 0 && cycles % every === 0) rehandshake();
    const statusEvery = FIRMWARE_CONFIG.statusEvery;
    if (statusEvery > 0 && cycles % statusEvery === 0) sendStatus();
  },
  onError: (error) => report("cycle", error),
});

log(`${id} blinking; relay ${FIRMWARE_CONFIG.server}`);

const commands: CommandTarget = {
  id: id,
  status: () => {
    // With no argument Espruino collects garbage first: the figure is what is really held.
    const memory = process.memory();
    return {
      uptime: Math.round(getTime() - bootedAt),
      memory: { free: memory.free, usage: memory.usage, total: memory.total },
      wifi: wifi,
      connection: client ? client.state() : "none",
      counters: client ? client.counters : {},
      queued: client ? client.queued() : 0,
      cycles: blinker.cycles,
      sent: sent,
      blinking: blinker.enabled,
    };
  },
  blinker: blinker,
  say: (text) => {
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

const wifi = startWifi(FIRMWARE_CONFIG.wifi, {
  onUp: (ip) => {
    log(`Wi-Fi up: ${ip}`);
    if (client) client.reconnect();
  },
  onDown: (reason) => log(`Wi-Fi down: ${reason}`),
});

process.on("uncaughtException", (error) => report("handler", error));

client = createWebSocketClient({
  url: FIRMWARE_CONFIG.server + id + "?role=device",
  token: FIRMWARE_CONFIG.token || undefined,
  pingIntervalMs: FIRMWARE_CONFIG.heartbeat.pingIntervalMs,
  pongTimeoutMs: FIRMWARE_CONFIG.heartbeat.pongTimeoutMs,
  minBackoffMs: FIRMWARE_CONFIG.reconnect.minDelayMs,
  maxBackoffMs: FIRMWARE_CONFIG.reconnect.maxDelayMs,
  outboxMessages: FIRMWARE_CONFIG.outbox.maxMessages,
  outboxBytes: FIRMWARE_CONFIG.outbox.maxBytes,
  maxMessageBytes: FIRMWARE_CONFIG.maxMessageBytes,
});
client.on("open", () => {
  log("connected");
  sendStatus();
});
client.on("close", (code, reason) => log(`closed ${code} ${reason}`));
client.on("error", (error) => report("connection", error));
client.on("message", (data, binary) => {
  try {
    if (binary) return log(`< binary ${data.length} bytes`);
    log(`< ${data}`);
    const reply = handleCommand(data, commands);
    if (reply && client) client.send(JSON.stringify(reply));
  } catch (error) {
    report("message", error);
  }
});
