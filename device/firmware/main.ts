/**
 * The SOS firmware: blinks SOS on the LED from the first moment, joins Wi-Fi,
 * holds a WebSocket to the relay, sends `SOS!` after each pattern, prints
 * and obeys the commands addressed to it, re-handshakes every
 * `rehandshakeEvery` cycles, and sends its status as its retained message
 * (`GET /devices`) on each connect and every `statusEvery` cycles. It
 * connects with its `role` (`?role=device` by default). Nothing the network
 * does, and no missing or bad setting, can stop the blinking.
 *
 * Its settings come from Storage at boot (./settings.ts); without a server
 * it blinks and says how to set one.
 *
 * @module
 */

import { createWebSocketClient, type WebSocketClient } from "../ws/mod.ts";
import { type CommandTarget, describeError, handleCommand } from "./commands.ts";
import { SETTINGS_FILE } from "./config.ts";
import { bootSettings, changeSettings, settingsConnected } from "./remote_settings.ts";
import type { Ota } from "./ota.ts";
import { startBlinker } from "./sos.ts";
import { startWifi } from "./wifi.ts";

declare const ESP32: { reboot(): void } | undefined;

const bootedAt = getTime();
// Assigned last: the LED starts before the first connect, which can block.
let client: WebSocketClient | undefined;
let sent = 0;

function log(text: string): void {
  console.log("[sos] " + text);
}

/** Restarts the board, after a moment: a reply sent just before has time to leave. */
function restart(): void {
  setTimeout(() => {
    if (typeof ESP32 !== "undefined" && ESP32) ESP32.reboot();
    else load();
  }, 500);
}

const settings = bootSettings(log, restart);
// Left by the boot stub (./ota.ts); absent when this code is `.bootcde` itself.
// deno-lint-ignore no-explicit-any
const ota: Ota | undefined = (global as any).OTA;
const config = settings.config;

/** Prints an error; a crash in a handler is also told to the relay, when connected. */
function report(where: string, error: unknown): void {
  const message = describeError(error);
  log(`error in ${where}: ${message}`);
  if (where !== "connection" && client && client.state() === "open") {
    client.send(JSON.stringify({ from: id, error: `${where}: ${message}` }));
  }
}

/** The config's id, else a stable one from the chip's serial number. */
const id = config.clientId ||
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

// A pin is a global of the board (LED1, D2, …), named by the settings.
// deno-lint-ignore no-explicit-any
const pin: Pin = (global as any)[config.led.pin] || LED1;

const blinker = startBlinker({
  pin: pin,
  activeLow: config.led.activeLow,
  pattern: config.pattern,
  onCycle: (cycles) => {
    if (client) {
      client.send("SOS!");
      sent++;
    }
    const every = config.rehandshakeEvery;
    if (every > 0 && cycles % every === 0) rehandshake();
    const statusEvery = config.statusEvery;
    if (statusEvery > 0 && cycles % statusEvery === 0) sendStatus();
  },
  onError: (error) => report("cycle", error),
});

log(`${id} blinking; relay ${config.server || "not set"}; settings ${settings.hash}`);
if (!config.server) {
  log(`server not set: write ${SETTINGS_FILE} with deno task flash -- --settings-only`);
}

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
      settings: settings.hash,
      firmware: ota && ota.firmware,
    };
  },
  blinker: blinker,
  say: (text) => {
    if (client) client.send(text);
  },
  rehandshake: rehandshake,
  reboot: restart,
  settings: (set) => changeSettings(set, settings, commands),
  ota: ota && ota.handle,
};

const wifi = startWifi(config.wifi, {
  onUp: (ip) => {
    log(`Wi-Fi up: ${ip}`);
    if (client) client.reconnect();
  },
  onDown: (reason) => log(`Wi-Fi down: ${reason}`),
});

process.on("uncaughtException", (error) => report("handler", error));

if (config.server) {
  // With `heartbeat`'s two fields, pingIntervalMs and pongTimeoutMs, named as the client's options.
  client = createWebSocketClient(Object.assign({
    url: config.server + id + "?role=" + config.role,
    token: config.token || undefined,
    minBackoffMs: config.reconnect.minDelayMs,
    maxBackoffMs: config.reconnect.maxDelayMs,
    outboxMessages: config.outbox.maxMessages,
    outboxBytes: config.outbox.maxBytes,
    maxMessageBytes: config.maxMessageBytes,
  }, config.heartbeat));
  client.on("open", () => {
    log("connected");
    if (ota) ota.confirm();
    const trial = settingsConnected(settings, id);
    if (trial && client) client.send(trial);
    sendStatus();
  });
  client.on("close", (code, reason) => log(`closed ${code} ${reason}`));
  client.on("error", (error) => report("connection", error));
  client.on("message", (data, binary) => {
    try {
      if (binary) return log(`< binary ${data.length} bytes`);
      // Settings may hold a password or a token: a message that may carry them is not shown.
      // An update's chunks are not echoed: a console line each would only slow the board.
      if (data.indexOf('"cmd":"ota"') < 0) {
        log(data.indexOf('"set"') < 0 ? `< ${data}` : "< (not shown)");
      }
      const reply = handleCommand(data, commands);
      if (reply && client) client.send(JSON.stringify(reply));
    } catch (error) {
      report("message", error);
    }
  });
}
