/**
 * The Storage layout of firmware updates over the air (docs/ota.md): two slots for the firmware's
 * bundle, a few small record files, and the boot stub that `deno task flash` saves as `.bootcde`.
 * No Espruino globals: the host (tools/flash.ts, tools/ota.ts) and the firmware share it.
 *
 * @module
 */

/** The two firmware slots: each holds one bundle, as `deno task build` makes it. */
export const SLOTS: readonly string[] = ["fw.a", "fw.b"];

/** The confirmed slot's name (`fw.a` when absent). */
export const RUN_FILE = "fw.run";

/** `{"slot": …, "ms": …}`: the slot to try at the next boot, and its confirm window. */
export const TRY_FILE = "fw.try";

/** The slot being tried: present from the trial's boot until the firmware confirms it. */
export const TRIED_FILE = "fw.tried";

/** Why the last trial was rolled back, as `status` reports it; erased by the next update. */
export const WHY_FILE = "fw.why";

/** `"<sha256> <bytes>"` of the image being received into the free slot (to resume it). */
export const NEW_FILE = "fw.new";

/** Present when Storage must be compacted at the next boot, before any code runs from it. */
export const COMPACT_FILE = "fw.cpt";

/** Every record file, which a flash by cable removes. */
export const RECORD_FILES: readonly string[] = [
  TRY_FILE,
  TRIED_FILE,
  WHY_FILE,
  NEW_FILE,
  COMPACT_FILE,
];

/** How long a new firmware has to reach the relay, by default. */
export const DEFAULT_CONFIRM_MS = 60_000;

/**
 * The boot stub's first line: compacts Storage when an update asked for it, then restarts at once.
 * Compaction moves files, the running code's among them: it runs from a string in RAM, and only
 * here, before anything runs from a slot.
 */
export const BOOT_COMPACT =
  `if(require("Storage").read("${COMPACT_FILE}")){require("Storage").erase("${COMPACT_FILE}");` +
  `eval('require("Storage").compact();E.reboot()')}\n`;

/**
 * The boot stub's last line, after its bundle (./boot_stub.ts): runs the slot at the top level,
 * so the firmware keeps none of the stub's scope alive.
 */
export const BOOT_RUN = 'try{eval(require("Storage").read(OTA.run))}catch(e){OTA.failed(e)}\n';
