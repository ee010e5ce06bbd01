/**
 * The flags of `deno task flash`: the one source of its parser, its `--help` and its table in
 * docs/flashing.md (`deno task docs:flags`). No side effects: importing it opens no port.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { SETTINGS_FILE } from "../device/firmware/config.ts";
import { DEVICE_TOKEN_ENV } from "./build_command.ts";
import { DEFAULT_CONFIG, DEFAULT_FIRMWARE_FILE } from "./firmware_paths.ts";
import { DEFAULT_BAUD, DEFAULT_NETWORK_PORT } from "./flash_transport.ts";

/** Environment variable read for the port when `--port` is not given. */
export const PORT_ENV = "ESPRUINO_PORT";

/** Seconds of console shown after the upload unless `--watch` says otherwise. */
export const DEFAULT_WATCH_SECONDS = 5;

/** Offline board description handed to EspruinoTools, relative to the repository. */
export const BOARD_FILE_PATH = "config/espruino_board_esp32.json";

/** `deno task flash`'s command line. */
export const FLASH_COMMAND = cli.defineCommand({
  usage: ["deno task flash -- [options]"],
  summary: "Build the firmware and upload it to an Espruino board (ESP32), saved to Storage\n" +
    `with the board's settings (${SETTINGS_FILE}) beside it.`,
  flags: {
    port: cli.flag(cli.text(), {
      short: "p",
      value: "PORT",
      defaultText: `$${PORT_ENV}, else the only /dev/ttyUSB* or /dev/ttyACM* device present`,
      help: "serial device (/dev/ttyUSB0) or network console (tcp://HOST[:PORT], port " +
        `${DEFAULT_NETWORK_PORT} by default)`,
    }),
    baud: cli.flag(cli.integer(1, 10_000_000), {
      short: "b",
      value: "N",
      default: DEFAULT_BAUD,
      defaultNote: ", Espruino's ESP32 console speed",
      help: "serial speed",
    }),
    config: cli.flag(cli.text(), {
      short: "c",
      value: "PATH",
      default: DEFAULT_CONFIG,
      help: "device configuration, validated and written to the board as its settings",
    }),
    out: cli.flag(cli.text(), {
      value: "PATH",
      default: DEFAULT_FIRMWARE_FILE,
      help: "where the build goes",
    }),
    token: cli.flag(cli.text(), {
      value: "TOKEN",
      defaultText: `$${DEVICE_TOKEN_ENV}`,
      help: "this board's token (deno task token) in place of the configuration's; " +
        "a token for one id sets a null clientId",
    }),
    file: cli.flag(cli.text(), {
      short: "f",
      value: "PATH",
      help: "upload this file as it is, without building (and without settings)",
    }),
    settingsOnly: cli.toggle({
      help: `write only the settings (${SETTINGS_FILE}, from --config and --token) and restart ` +
        "the board with them; the code on the board stays",
    }),
    allowLoopback: cli.toggle({
      help: "build for a server at 127.0.0.1, localhost or ::1 over a serial port too " +
        "(a board cannot reach it: only for the sim's --pty pseudo-terminal)",
    }),
    noSave: cli.toggle({ help: "upload to RAM only (gone after the next reboot)" }),
    watch: cli.flag(cli.decimal(0, 3600, "seconds"), {
      value: "SECONDS",
      default: DEFAULT_WATCH_SECONDS,
      help: "how long to show the board's console after the upload (0: not at all; Ctrl-C ends it)",
    }),
    verbose: cli.toggle({ short: "v", help: "show EspruinoTools' own log" }),
  },
  epilogue: `Works offline: the board description comes from ${BOARD_FILE_PATH} ` +
    "and\nrequired modules must be built into the firmware or bundled.",
});
