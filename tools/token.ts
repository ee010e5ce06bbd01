/**
 * `deno task token`: mints a per-client token (JWT) for the relay's
 * `--jwt-secret`, or, for a relay started with `--jwt-public-key`, with the
 * matching private key. Prints the token on standard output.
 *
 * ```sh
 * RELAY_JWT_SECRET=… deno task token -- --id esp32-1 --role device --expires 365d
 * deno task token -- --id console --role operator --jwt-private-key ops.key
 * ```
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";
import { mintToken } from "../relay/credentials.ts";

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

const TOKEN_COMMAND = cli.defineCommand({
  usage: [
    "deno task token -- --id ID [--role device|operator] [--expires 365d]",
    "                   [--jwt-secret SECRET | --jwt-private-key FILE]",
  ],
  flags: {
    id: cli.flag(cli.text(), {
      value: "ID",
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

/** Runs the command; returns the exit code. */
export async function main(
  args: string[],
  env: Record<string, string | undefined> = Deno.env.toObject(),
): Promise<number> {
  try {
    const parsed = cli.parseArgs(TOKEN_COMMAND, { args, env });
    if (parsed.help) {
      console.log(cli.helpText(TOKEN_COMMAND));
      return 0;
    }
    const values = parsed.values;
    if (!values.id) throw new cli.UsageError("--id is required");
    const keyFile = values.jwtPrivateKey;
    if (keyFile === undefined && values.jwtSecret === undefined) {
      throw new cli.UsageError("give --jwt-secret (or RELAY_JWT_SECRET) or --jwt-private-key FILE");
    }
    const token = await mintToken({
      sub: values.id,
      role: values.role,
      expiresInSeconds: values.expires,
      ...(keyFile !== undefined
        ? { privateKeyPem: await Deno.readTextFile(keyFile) }
        : { secret: values.jwtSecret }),
    });
    console.log(token);
    return 0;
  } catch (error) {
    console.error(`token: ${(error as Error).message}`);
    return 2;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
