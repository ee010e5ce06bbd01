/**
 * The flags of `deno task token`: the one source of its parser, its `--help` and its table in
 * docs/fleet.md (`deno task docs:flags`). No side effects: importing it mints nothing.
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";

/** Seconds in a duration like `3600s`, `90m`, `12h` or `365d` (a bare number is seconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match || Number(match[1]) === 0) {
    throw new Error(`--expires expects a duration like 3600s, 90m, 12h or 365d, got "${text}"`);
  }
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2]]!;
  return Number(match[1]) * unit;
}

const duration = cli.custom<number>("3600s, 90m, 12h, 365d…", (raw) => {
  try {
    return { value: parseDuration(raw) };
  } catch {
    return { error: `expects a duration like 3600s, 90m, 12h or 365d, got "${raw}"` };
  }
});

/** `deno task token`'s command line. */
export const TOKEN_COMMAND = cli.defineCommand({
  usage: [
    "deno task token -- --id ID [--role device|operator] [--expires 365d]",
    "                   [--jwt-secret SECRET | --jwt-private-key FILE]",
  ],
  flags: {
    id: cli.flag(cli.text(), {
      value: "ID",
      defaultNote: " (required)",
      help: "the client id the token connects as (its sub)",
    }),
    role: cli.flag(cli.oneOf(["device", "operator"]), {
      value: "device|operator",
      default: "device",
      help: "a device gets only what is addressed to it; an operator gets everything",
    }),
    expires: cli.flag(duration, { value: "DURATION", defaultText: "never", help: "lifetime" }),
    jwtSecret: cli.flag(cli.text(), {
      value: "SECRET",
      env: "RELAY_JWT_SECRET",
      help: "the relay's --jwt-secret",
    }),
    jwtPrivateKey: cli.flag(cli.text(), {
      value: "FILE",
      env: "RELAY_JWT_PRIVATE_KEY",
      help: "PEM private key of the relay's --jwt-public-key",
    }),
  },
});
