/**
 * The flags of `deno task build`: the one source of its parser, its `--help` and its table in
 * docs/flashing.md (`deno task docs:flags`). No side effects: importing it builds nothing.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { SETTINGS_FILE } from "../device/firmware/config.ts";
import {
  DEFAULT_CONFIG,
  DEFAULT_FIRMWARE_FILE,
  EXAMPLE_CONFIG,
  FIRMWARE_ENTRY_PATH,
} from "./firmware_paths.ts";

/** Environment variable `deno task build` and `flash` read a board's token from. */
export const DEVICE_TOKEN_ENV = "DEVICE_TOKEN";

/** `deno task build`'s command line. */
export const BUILD_COMMAND = cli.defineCommand({
  usage: ["deno task build [-- --config PATH] [--out PATH] [--token TOKEN] [--no-minify]"],
  flags: {
    config: cli.flag(cli.text(), {
      value: "PATH",
      defaultText: `${DEFAULT_CONFIG}, else ${EXAMPLE_CONFIG} (the local relay, for the sim)`,
      help: "device configuration, validated and written beside the bundle as the board's settings",
    }),
    out: cli.flag(cli.text(), {
      value: "PATH",
      default: DEFAULT_FIRMWARE_FILE,
      help: `where to write the bundle; the settings go to ${SETTINGS_FILE} in the same folder`,
    }),
    entry: cli.flag(cli.text(), {
      value: "PATH",
      defaultText: FIRMWARE_ENTRY_PATH,
      help: "firmware entry module",
    }),
    // An empty variable counts as none, as an unset one.
    token: cli.flag(cli.text({ allowEmpty: true }), {
      value: "TOKEN",
      env: DEVICE_TOKEN_ENV,
      help: "this board's token (deno task token), in place of the configuration's in the " +
        "settings; a token for one id sets clientId when it is null",
    }),
    noMinify: cli.toggle({ help: "readable output, for debugging on the board's console" }),
  },
});
