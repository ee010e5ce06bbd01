/**
 * The flags of `deno task ota`: the one source of its parser, its `--help` and its table in
 * docs/ota.md (`deno task docs:flags`). No side effects: importing it connects to nothing.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { DEFAULT_CONFIRM_MS } from "../device/firmware/ota_layout.ts";
import { DEFAULT_CHUNK_BYTES, DEFAULT_WINDOW } from "../relay/console/ota_transfer.js";
import { DEFAULT_FIRMWARE_FILE } from "./firmware_paths.ts";

/** Environment variable read for the operator credential when `--token` is not given. */
export const TOKEN_ENV = "OPERATOR_TOKEN";

/** `deno task ota`'s command line. */
export const OTA_COMMAND = cli.defineCommand({
  usage: ["deno task ota -- --relay URL (--to ID[,ID…] | --all) [options]"],
  summary: "Sends a firmware bundle to boards through the relay (docs/ota.md).",
  flags: {
    relay: cli.flag(cli.text(), {
      value: "URL",
      defaultNote: " (required)",
      help: "the relay, ws://HOST:PORT/ or wss://HOST:PORT/",
    }),
    to: cli.flag(cli.text(), { value: "IDS", help: "the boards, comma-separated" }),
    all: cli.toggle({ help: "every device the relay lists at /devices" }),
    file: cli.flag(cli.text(), {
      value: "PATH",
      default: DEFAULT_FIRMWARE_FILE,
      help: "the bundle (deno task build makes it)",
    }),
    token: cli.flag(cli.text({ allowEmpty: true }), {
      value: "TOKEN",
      defaultText: `$${TOKEN_ENV}`,
      help: "an operator's token (deno task token -- --role operator), or the relay's --token; " +
        "never printed, sent as Authorization: Bearer",
    }),
    id: cli.flag(cli.text(), {
      value: "ID",
      defaultText: "the token's sub, else ota-<random>",
      help: "this tool's client id",
    }),
    confirmSeconds: cli.flag(cli.integer(1, 3600), {
      name: "confirm",
      value: "SECONDS",
      default: DEFAULT_CONFIRM_MS / 1000,
      help: "how long the new firmware has to reach the relay",
    }),
    window: cli.flag(cli.integer(1, 16), {
      value: "N",
      default: DEFAULT_WINDOW,
      help: "chunks in flight per board",
    }),
    chunk: cli.flag(cli.integer(64, 2048), {
      value: "BYTES",
      default: DEFAULT_CHUNK_BYTES,
      help: "bytes per chunk",
    }),
  },
  epilogue: "Exit code 0 when every board runs the new firmware, 1 otherwise, 2 on bad usage.",
});
