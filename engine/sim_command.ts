/**
 * The flags of `deno task sim`: the one source of its parser, its `--help` and its table in
 * docs/flashing.md (`deno task docs:flags`). No side effects: importing it starts no board.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { SETTINGS_FILE } from "../device/firmware/config.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { DEFAULT_FIRMWARE_FILE } from "../tools/firmware_paths.ts";
import type { ClockMode } from "./clock.ts";
import { BOARDS } from "./wasm_module.ts";

/** Default TCP port of the console (not the ESP32's telnet port: no root needed). */
export const DEFAULT_PORT = 2323;
/** Default address of the console: this computer only. */
export const DEFAULT_HOST = "127.0.0.1";

/** `deno task sim`'s command line. */
export const SIM_COMMAND = cli.defineCommand({
  usage: ["deno task sim -- [options]"],
  summary:
    "Run an ESP32 on the real Espruino 2v29 interpreter (WebAssembly) and serve its console.",
  flags: {
    board: cli.flag(cli.oneOf(BOARDS), {
      value: BOARDS.join("|"),
      default: "esp32c3",
      help: "which build of Espruino runs (engine/wasm/)",
    }),
    file: cli.flag(cli.text(), {
      short: "f",
      value: "PATH",
      defaultText: DEFAULT_FIRMWARE_FILE,
      defaultNote: "; with the default missing, the board boots what its Storage holds",
      help: `bundle stored as deno task flash stores it (slot ${SLOTS[0]}, run by the boot stub, ` +
        `so deno task ota can update it), with ${SETTINGS_FILE} beside it as the board's ` +
        "settings when there is one, and booted",
    }),
    host: cli.flag(cli.text(), {
      value: "HOST",
      default: DEFAULT_HOST,
      help: "address of the console",
    }),
    port: cli.flag(cli.integer(0, 65535), {
      short: "p",
      value: "N",
      default: DEFAULT_PORT,
      help: "TCP port of the console (0 picks a free one)",
    }),
    pty: cli.flag(cli.text(), {
      value: "PATH",
      help: "also serve the console on a pseudo-terminal at PATH (needs socat), for " +
        "deno task flash -- --port PATH",
    }),
    storage: cli.flag(cli.text(), {
      value: "FILE",
      defaultText: "in memory",
      help: "keep Storage in FILE across runs; when FILE exists and --file is not given, the " +
        "board boots what FILE holds (the last upload or update, or what an update was rolled " +
        "back to)",
    }),
    pinLog: cli.flag(cli.text(), {
      value: "FILE",
      help: 'append every pin change to FILE as "<ms since power-on> <pin> <0|1>"',
    }),
    clock: cli.flag(cli.oneOf<ClockMode>(["wall", "virtual"]), {
      value: "wall|virtual",
      default: "wall",
      help: "wall: real time; virtual: idle time is skipped",
    }),
    noWifi: cli.toggle({ help: "boot without a Wi-Fi module (like a board on Ethernet)" }),
  },
});
