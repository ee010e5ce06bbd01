/**
 * Where the firmware's files are unless a flag says otherwise: one place for the defaults that
 * `deno task build`, `flash`, `ota` and `sim` share, and that their `--help` and the flags tables
 * of the docs show.
 *
 * No imports and no side effects: the commands' flag definitions import it.
 *
 * @module
 */

/** The bundle `deno task build` writes, `deno task flash` uploads, `ota` sends and `sim` boots. */
export const DEFAULT_FIRMWARE_FILE = "dist/firmware.js";

/** The device configuration `deno task build` and `deno task flash` read. */
export const DEFAULT_CONFIG = "config/device.json";

/**
 * What `deno task build` builds from when it is given no `--config` and {@linkcode DEFAULT_CONFIG}
 * does not exist: the example, whose server is the local relay (for the sim).
 */
export const EXAMPLE_CONFIG = "config/device.example.json";

/** The firmware's entry module, relative to the repository. */
export const FIRMWARE_ENTRY_PATH = "device/firmware/main.ts";
