/**
 * Builds the boot stub that `deno task flash` saves as `.bootcde` (docs/ota.md): the bundle of
 * device/firmware/boot_stub.ts between the line that compacts Storage and the line that runs the
 * slot, checked for Espruino's dialect.
 *
 * @module
 */

import { bundleDevice } from "./bundle.ts";
import { checkEspruinoDialect, EspruinoDialectError } from "./espruino_dialect.ts";
import {
  BOOT_COMPACT,
  BOOT_RUN,
  RECORD_FILES,
  RUN_FILE,
  SLOTS,
} from "../device/firmware/ota_layout.ts";

/** The stub's entry module. */
export const BOOT_STUB_ENTRY = new URL("../device/firmware/boot_stub.ts", import.meta.url);

let built: Promise<string> | undefined;

/** The boot stub's JavaScript (built once per process). */
export function buildBootStub(): Promise<string> {
  return built ??= (async () => {
    const code = BOOT_COMPACT + (await bundleDevice({ entry: BOOT_STUB_ENTRY })) + BOOT_RUN;
    const problems = checkEspruinoDialect(code);
    if (problems.length > 0) throw new EspruinoDialectError("boot stub", problems);
    return code;
  })();
}

/** A text file in a board's Storage. */
export interface SlotFile {
  /** Its name in Storage. */
  name: string;
  /** Its text (written as UTF-8). */
  text: string;
}

/**
 * Storage as `deno task flash` leaves it around the code it saves in the first slot
 * (docs/ota.md): the files erased before it (the other slot, the update records), and the
 * files written after it, the boot stub among them, last: until the code is whole, the board
 * boots what it booted before.
 */
export async function flashedLayout(): Promise<
  { stub: string; erase: string[]; after: SlotFile[] }
> {
  const stub = await buildBootStub();
  return {
    stub,
    erase: [SLOTS[1], ...RECORD_FILES],
    after: [{ name: ".bootcde", text: stub }, { name: RUN_FILE, text: SLOTS[0] }],
  };
}
