/**
 * Commands from the relay: JSON objects `{"to": "<id>" | ["<id>", …] | "*", "cmd": …}`.
 * A command for this device is acted on and answered with a JSON reply
 * carrying `from`; anything not addressed to it is ignored; a malformed
 * command gets an error reply, never an exception.
 *
 * Pure logic with no Espruino globals: the firmware passes in what the
 * commands act on, and Deno tests can import it directly.
 *
 * @module
 */

import type { SosPattern } from "./config.ts";

/** What the commands act on. */
export interface CommandTarget {
  /** This device's id. */
  id: string;
  /** Facts for `status`. */
  status(): { [key: string]: unknown };
  /** The LED: `blink` turns it on or off, `pattern` reads and sets its timings. */
  blinker: {
    /** The timings of the next cycle. */
    pattern: SosPattern;
    /** Blinking on or off. */
    setEnabled(on: boolean): void;
    /** New timings from the next cycle on. */
    setPattern(pattern: SosPattern): void;
  };
  /** `say`: sends text to the relay. */
  say(text: string): void;
  /** `rehandshake`: drops the connection and opens a new one. */
  rehandshake(): void;
  /** `reboot`: restarts the board (after the reply has gone out). */
  reboot(): void;
  /** `settings`: checks, saves and applies `set`; returns the reply's fields (./remote_settings.ts). */
  settings?(set: unknown): Reply;
  /** `ota`: one step of a firmware update (device/firmware/ota.ts); returns the reply's fields. */
  ota?(message: { [key: string]: unknown }): Reply;
}

/** A reply to send back, as an object to serialise. */
export type Reply = { [key: string]: unknown };

const COMMANDS = "status, blink, pattern, say, rehandshake, reboot, settings, ota";
const PATTERN_KEYS = ["dotOnMs", "dashOnMs", "offMs", "pauseMs"];

/**
 * Handles one text message. Returns the reply to send, or `null` when the
 * message is not a command for this device (not JSON, no `to`, another id).
 */
export function handleCommand(text: string, target: CommandTarget): Reply | null {
  if (text.charAt(0) !== "{") return null;
  // (Checks are written out, not helper functions: each function costs the board 7 variables.)
  let message: { [key: string]: unknown };
  try {
    message = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null || message instanceof Array) return null;
  const to = message.to;
  if (to !== target.id && to !== "*" && !(to instanceof Array && to.indexOf(target.id) >= 0)) {
    return null;
  }
  const cmd = message.cmd;
  const reply = (fields: Reply): Reply => {
    const out: Reply = { from: target.id, re: cmd };
    for (const key in fields) out[key] = fields[key];
    return out;
  };
  const fail = (error: string) => reply({ ok: false, error: error });
  if (typeof cmd !== "string") return fail(`"cmd" must be a string: one of ${COMMANDS}`);

  if (cmd === "status") return reply({ ok: true, status: target.status() });
  if (cmd === "blink") {
    if (typeof message.on !== "boolean") return fail('"on" must be true or false');
    target.blinker.setEnabled(message.on);
    return reply({ ok: true, on: message.on });
  }
  if (cmd === "pattern") {
    const current = target.blinker.pattern as unknown as { [key: string]: number };
    const next: { [key: string]: number } = {};
    let given = 0;
    for (let i = 0; i < PATTERN_KEYS.length; i++) {
      const key = PATTERN_KEYS[i];
      const value = message[key];
      next[key] = current[key];
      if (value === undefined) continue;
      // A whole number of milliseconds the LED can play.
      if (
        typeof value !== "number" || value < 1 || value > 10000 || Math.floor(value) !== value
      ) return fail(`"${key}" must be a whole number from 1 to 10000`);
      next[key] = value as number;
      given++;
    }
    if (given === 0) return fail(`give at least one of ${PATTERN_KEYS.join(", ")}`);
    target.blinker.setPattern(next as unknown as SosPattern);
    return reply({ ok: true, pattern: next });
  }
  if (cmd === "say") {
    if (typeof message.text !== "string") return fail('"text" must be a string');
    target.say(message.text);
    return reply({ ok: true });
  }
  if (cmd === "settings" && target.settings) return reply(target.settings(message.set));
  if (cmd === "rehandshake" || cmd === "reboot") {
    target[cmd]();
    return reply({ ok: true });
  }
  if (cmd === "ota" && target.ota) return reply(target.ota(message));
  return fail(`unknown command "${cmd}": one of ${COMMANDS}`);
}

/** What an error says, whatever was thrown: never a bare "undefined". */
export function describeError(error: unknown): string {
  const message = error != null && (error as Error).message;
  if (message) return message;
  if (error instanceof Error) return error.name + " without a message";
  // A non-empty string is its own message; anything else is shown as JSON ("" or null too).
  // (Espruino's JSON.stringify(undefined) is "null".)
  return typeof error === "string" && error ||
    (error === undefined ? "undefined" : JSON.stringify(error)) + " was thrown";
}
