/**
 * Settings changed through the relay: `{"to": ID, "cmd": "settings", "set": {…}}`. The board
 * checks the whole of `set` and changes all of it or nothing, saves it to Storage and applies it:
 * at once, by a restart, or as a trial. A change of the fields that decide whether the board
 * reaches the relay ({@linkcode TRIAL_FIELDS}) is a trial: it is kept once the board's WebSocket
 * opens with it within `confirmMs`; otherwise, or if the board restarts first, the board goes back
 * to its previous settings and says why once it is back. Replies, events and console lines name
 * fields, never their values (a Wi-Fi password, a token). How to use it: docs/firmware.md.
 *
 * The state of a trial is in Storage (`TRIAL_FILE`, ./config.ts), so a power cut at any moment ends
 * on the previous settings unless the trial was confirmed: `settings.json` only ever holds
 * confirmed settings.
 *
 * @module
 */

import { SETTINGS_FILE, TRIAL_FILE } from "./config.ts";
import { hashOf, mergeSettings, readSettings, type Settings } from "./settings.ts";

// Field lists as strings searched with indexOf (fewer bytes than arrays): no top-level field's
// name is a part of another's.

/** The fields that decide whether the board reaches the relay: a change to one is a trial. */
export const TRIAL_FIELDS = "wifi server clientId token role";

/** The fields the running firmware reads as it goes: a change applies at once. */
export const LIVE_FIELDS = "pattern rehandshakeEvery statusEvery confirmMs";

// deno-lint-ignore no-explicit-any
type Json = any;

/**
 * The settings this boot runs with: `settings.json`, or the trial it holds if this is the trial's
 * first boot. A trial seen for the second time was cut short by a restart, and is undone. When a
 * trial runs, the board restarts after `confirmMs` unless {@linkcode settingsConnected} came
 * first; `restart` restarts the board.
 */
export function bootSettings(say: (text: string) => void, restart: () => void): Settings {
  const storage = require("Storage");
  const text = storage.read(SETTINGS_FILE);
  let trial: Json = storage.readJSON(TRIAL_FILE, true);
  if (trial && !trial.w) {
    // Confirmed, and the power cut before the record was erased.
    if (trial.s === text) {
      storage.erase(TRIAL_FILE);
      trial = undefined;
    } else {
      if (trial.r) trial.w = "restarted before connecting";
      trial.r = 1;
      storage.writeJSON(TRIAL_FILE, trial);
    }
  }
  const running = trial && !trial.w;
  if (trial) say(`settings trial of ${trial.c}: ${trial.w ? "undone, " + trial.w : "running"}`);
  const settings = readSettings(say, running ? trial.s : text);
  settings.trial = trial;
  if (running) {
    const ms = settings.config.confirmMs;
    setTimeout(() => {
      // Unless confirmed meanwhile; and forgotten at once: a connection opening now must not
      // confirm what is being undone.
      if (settings.trial !== trial) return;
      settings.trial = undefined;
      trial.w = `no connection within ${ms} ms`;
      storage.writeJSON(TRIAL_FILE, trial);
      restart();
    }, ms);
  }
  return settings;
}

/**
 * To call when the WebSocket opens: keeps a running trial. Returns what to tell the operators
 * about a trial (kept, or undone and why) as a message, or "" when there is nothing to tell.
 */
export function settingsConnected(settings: Settings, id: string): string {
  const trial = settings.trial;
  if (!trial) return "";
  const storage = require("Storage");
  if (!trial.w) storage.write(SETTINGS_FILE, trial.s);
  storage.erase(TRIAL_FILE);
  settings.trial = undefined;
  return JSON.stringify({
    from: id,
    event: "settings",
    trial: trial.w ? "undone" : "kept",
    changed: trial.c,
    reason: trial.w,
  });
}

/** What a `settings` command acts on besides the settings: the firmware's command target. */
export interface SettingsTarget {
  /** The LED's blinker: a new pattern applies from its next cycle. */
  blinker: { setPattern(pattern: Json): void };
  /** Restarts the board once the reply has gone out. */
  reboot(): void;
}

/**
 * The `settings` command: checks `set` (a partial configuration, nested as `settings.json`)
 * against `settings` (changed in place when the change applies at once), saves and applies it,
 * and returns the reply's fields: `changed` (field names) and `apply` (`none`, `live`, `restart`
 * or `trial`), or `ok: false` and the bad fields.
 */
export function changeSettings(
  set: Json,
  settings: Settings,
  target: SettingsTarget,
): { [key: string]: unknown } {
  const bad: string[] = [];
  const config: Json = settings.config;
  const next = mergeSettings(set, config, (field) => bad.push(field));
  if (bad.length) return { ok: false, error: `bad ${bad.join(", ")}: nothing changed` };
  const changed: string[] = [];
  let apply = "none";
  for (const key in next) {
    const was = config[key];
    const now = next[key];
    const before = changed.length;
    // A section both before and after is compared field by field (wifi.password, pattern.offMs).
    if (typeof now === "object" && now !== null && was !== null) {
      for (const field in now) if (now[field] !== was[field]) changed.push(key + "." + field);
    } else if (now !== was) changed.push(key);
    if (changed.length === before) continue;
    if (TRIAL_FIELDS.indexOf(key) >= 0) apply = "trial";
    else if (LIVE_FIELDS.indexOf(key) < 0 && apply !== "trial") apply = "restart";
    else if (apply === "none") apply = "live";
  }
  const text = JSON.stringify(next);
  const storage = require("Storage");
  if (apply === "trial") storage.writeJSON(TRIAL_FILE, { s: text, c: changed });
  else if (apply !== "none") {
    storage.write(SETTINGS_FILE, text);
    settings.hash = hashOf(text);
    for (const key in next) config[key] = next[key];
    // The saved pattern from the next cycle on (it replaces one set by the `pattern` command).
    target.blinker.setPattern(config.pattern);
  }
  if (apply === "trial" || apply === "restart") target.reboot();
  return { ok: true, changed: changed, apply: apply };
}
