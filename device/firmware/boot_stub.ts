/**
 * The boot stub's entry (`.bootcde`, saved by `deno task flash`; tools/boot_stub.ts builds it):
 * chooses the slot to run and leaves the update handler as the global `OTA` (./ota.ts), for the
 * firmware to use. The stub's last line then runs the slot (`BOOT_RUN` in ./ota_layout.ts).
 *
 * @module
 */

import { startOta } from "./ota.ts";

// deno-lint-ignore no-explicit-any
(global as any).OTA = startOta();
