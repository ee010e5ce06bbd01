/**
 * Firmware updates over the air, the board's side (docs/ota.md). It is the boot stub's code
 * (./boot_stub.ts, saved as `.bootcde` by `deno task flash`), not the firmware's: the part that
 * chooses a slot, rolls back and receives the next image is never replaced by an update, and
 * owns the Storage layout (./ota_layout.ts) alone.
 *
 * At boot {@linkcode startOta} runs the confirmed slot, or once the slot an update left in
 * `fw.try`, with a timer that restarts the board unless the firmware confirms in time. A trial
 * that throws while starting, never confirms, or is cut by a power cycle leaves `fw.tried`
 * behind, so the next boot runs the confirmed slot again and says why in `fw.why`.
 *
 * The `ota` command writes the free slot chunk by chunk, checks the length and SHA-256, names it
 * the slot to try, and restarts. Its errors are short codes, which tools/ota.ts explains: the
 * board keeps this code in flash, but every function alive costs it JsVars. (`"bytes"` and
 * `"data"` are quoted: tools/bundle.ts shortens those property names elsewhere.)
 *
 * @module
 */

import {
  COMPACT_FILE,
  DEFAULT_CONFIRM_MS,
  NEW_FILE,
  RUN_FILE,
  SLOTS,
  TRIED_FILE,
  TRY_FILE,
  WHY_FILE,
} from "./ota_layout.ts";

/** The running firmware, as `status` reports it. */
export interface FirmwareInfo {
  /** SHA-256 of the running bundle, as hex. */
  sha256: string;
  /** Its length in bytes. */
  bytes: number;
  /** SHA-256 of the other slot's bundle, or null (none, or incomplete). */
  previous: string | null;
  /** Why the last update was rolled back, until the next one begins. */
  rollback?: string;
}

/** A reply's fields. */
type Fields = { [key: string]: unknown };

/** What the boot stub leaves as the global `OTA`, for the firmware. */
export interface Ota {
  /** The slot that runs. */
  run: string;
  /** The running firmware. */
  firmware: FirmwareInfo;
  /** Handles one `ota` command; returns the reply's fields. */
  handle(message: Fields): Fields;
  /** The firmware reached the relay: a slot on trial becomes the confirmed one. */
  confirm(): void;
  /** The firmware threw while starting: a slot on trial is rolled back at once. */
  failed(error: unknown): void;
}

/** SHA-256 of a string's bytes as 64 hex digits. */
function sha256Hex(data: string): string {
  const bytes = new Uint8Array(require("crypto").SHA256(data));
  let hex = "";
  for (let i = 0; i < 32; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return hex;
}

/**
 * Chooses the slot to run (see the module's description) and returns the update handler.
 * (Compaction, when an update asked for it, runs before: `BOOT_COMPACT` in ./ota_layout.ts.)
 */
export function startOta(): Ota {
  const storage = require("Storage");
  let run = storage.read(RUN_FILE) || SLOTS[0];
  let trial: number | undefined;
  const next = storage.readJSON(TRY_FILE, true) as { slot: string; ms: number } | undefined;
  const tried = storage.read(TRIED_FILE);
  const rollBack = (why: string) => {
    storage.write(WHY_FILE, why);
    E.reboot();
  };
  if (tried) {
    // The last boot tried a slot and never confirmed it.
    storage.erase(TRIED_FILE);
    storage.erase(TRY_FILE);
    if (tried !== run && !storage.read(WHY_FILE)) {
      storage.write(WHY_FILE, "restarted before confirming");
    }
  } else if (next) {
    // Written before TRY_FILE is erased: a power cut between the two rolls back.
    storage.write(TRIED_FILE, next.slot);
    storage.erase(TRY_FILE);
    run = next.slot;
    trial = setTimeout(
      () => rollBack(`not confirmed within ${next.ms / 1000} s`),
      next.ms,
    ) as unknown as number;
  }
  // Erased flash reads 0xFF, a byte UTF-8 text never holds: the mark of a slot not fully written.
  const erased = E.toString(255);
  let code = storage.read(run);
  if (!code || code.indexOf(erased) >= 0) {
    print(`[boot] no whole firmware in ${run}: flash it with deno task flash`);
    // The other slot, if it holds a whole one; else nothing runs.
    run = run === SLOTS[0] ? SLOTS[1] : SLOTS[0];
    code = storage.read(run);
    if (code && code.indexOf(erased) >= 0) code = undefined;
    if (!code) run = "";
  }
  const free = run === SLOTS[0] ? SLOTS[1] : SLOTS[0];
  const other = storage.read(free);
  const firmware: FirmwareInfo = {
    sha256: sha256Hex(code || ""),
    "bytes": (code || "").length,
    previous: other && other.indexOf(erased) < 0 ? sha256Hex(other) : null,
  };
  const why = storage.read(WHY_FILE);
  if (why) firmware.rollback = why;
  // The image being received: [length, hash, confirm window, bytes held so far].
  let job: [number, string, number, number] | undefined;
  // Lets the reply leave first.
  const restart = () => setTimeout(() => E.reboot(), 500);

  const handle = (m: Fields): Fields => {
    const sha = m.sha256 as string;
    if (m.op === "begin") {
      const bytes = m["bytes"] as number;
      const ms = (m.confirmMs || DEFAULT_CONFIRM_MS) as number;
      if (
        !(bytes > 0 && Math.floor(bytes) === bytes && ms >= 1000 && ms <= 3600000) ||
        typeof sha !== "string" || sha.length !== 64
      ) return { ok: false, error: "bad begin" };
      if (sha === firmware.sha256) return { ok: false, error: "running" };
      const stats = storage.getStats();
      const need = bytes + 4096;
      // Two slots and the settings, with room to spare, must fit the partition.
      if (2 * bytes + 16384 > stats.totalBytes || stats.freeBytes + stats.trashBytes < need) {
        return { ok: false, error: "too big", total: stats.totalBytes };
      }
      const same = storage.read(NEW_FILE) === sha + " " + bytes;
      if (!same && stats.freeBytes < need) {
        storage.write(COMPACT_FILE, "1");
        restart();
        return { ok: false, retry: true, error: "compacting" };
      }
      const held = same && storage.read(free);
      let have = held ? held.indexOf(erased) : 0;
      storage.erase(WHY_FILE);
      // An earlier rollback is history now: a status sent before the restart must not show it.
      delete firmware.rollback;
      if (!held) {
        storage.erase(free);
        storage.write(NEW_FILE, sha + " " + bytes);
      } else if (have < 0) have = bytes;
      job = [bytes, sha, ms, have];
      if (have < bytes) return { ok: true, have: have, begun: true };
    } else if (m.op === "chunk") {
      if (!job) return { ok: false, retry: true, error: "not begun" };
      const at = m.at as number;
      let data = "";
      try {
        data = atob(m["data"] as string);
      } catch {
        // refused below, as an empty chunk
      }
      // A duplicate is acknowledged again; a gap asks for a resend from what is held.
      if (at !== job[3]) return { ok: at < job[3], retry: at > job[3], have: job[3] };
      if (!data.length || (E.CRC32(data) >>> 0) !== m.crc || at + data.length > job[0]) {
        storage.erase(free);
        storage.erase(NEW_FILE);
        job = undefined;
        return { ok: false, error: "corrupt", at: at };
      }
      storage.write(free, data, at, job[0]);
      job[3] += data.length;
    } else return { ok: false, error: "bad op" };
    if (job[3] < job[0]) return { ok: true, have: job[3] };
    // Complete: the file's length is the image's; the hash is checked over all of it.
    const done = job;
    job = undefined;
    storage.erase(NEW_FILE);
    const got = sha256Hex(storage.read(free) || "");
    if (got !== done[1]) {
      storage.erase(free);
      return { ok: false, error: "sha256", sha256: got };
    }
    storage.write(TRY_FILE, JSON.stringify({ slot: free, ms: done[2] }));
    restart();
    return { ok: true, have: done[0], restarting: true };
  };

  return {
    run: run,
    firmware: firmware,
    handle: handle,
    confirm: () => {
      if (trial === undefined) return;
      clearTimeout(trial);
      trial = undefined;
      // The slot first: a power cut before the second write still boots the confirmed one.
      storage.write(RUN_FILE, run);
      storage.erase(TRIED_FILE);
    },
    failed: (error) => {
      print(`[boot] ${run} failed to start: ${error}`);
      if (trial !== undefined) rollBack(`threw at start: ${(error as Error).message || error}`);
    },
  };
}
