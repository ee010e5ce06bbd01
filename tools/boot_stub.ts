/**
 * Builds the boot stub that `deno task flash` saves as `.bootcde` (docs/ota.md): the bundle of
 * device/firmware/boot_stub.ts between the line that compacts Storage and the line that runs the
 * slot, checked for Espruino's dialect.
 *
 * @module
 */

import { bundleDevice } from "./bundle.ts";
import { checkEspruinoDialect, EspruinoDialectError } from "./espruino_dialect.ts";
import { BOOT_COMPACT, BOOT_RUN } from "../device/firmware/ota_layout.ts";

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
