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

import { parseArgs } from "node:util";
import { mintToken } from "../relay/credentials.ts";

const USAGE = `Usage: deno task token -- --id ID [--role device|operator] [--expires 365d]
                        [--jwt-secret SECRET | --jwt-private-key FILE]

  --id ID                 the client id the token connects as (its sub)
  --role ROLE             device (default) or operator
  --expires DURATION      like 3600s, 90m, 12h or 365d; default: never
  --jwt-secret SECRET     the relay's --jwt-secret (env RELAY_JWT_SECRET)
  --jwt-private-key FILE  PEM private key of the relay's --jwt-public-key (env RELAY_JWT_PRIVATE_KEY)`;

/** Seconds in a duration like `3600s`, `90m`, `12h` or `365d` (a bare number is seconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  if (!match || Number(match[1]) === 0) {
    throw new Error(`--expires expects a duration like 3600s, 90m, 12h or 365d, got "${text}"`);
  }
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2]]!;
  return Number(match[1]) * unit;
}

/** Runs the command; returns the exit code. */
export async function main(
  args: string[],
  env: Record<string, string | undefined> = Deno.env.toObject(),
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: args[0] === "--" ? args.slice(1) : args,
      options: {
        id: { type: "string" },
        role: { type: "string", default: "device" },
        expires: { type: "string" },
        "jwt-secret": { type: "string" },
        "jwt-private-key": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`token: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (!values.id) throw new Error("--id is required");
    if (values.role !== "device" && values.role !== "operator") {
      throw new Error(`--role must be device or operator, got "${values.role}"`);
    }
    const keyFile = values["jwt-private-key"] ?? env.RELAY_JWT_PRIVATE_KEY;
    const secret = values["jwt-secret"] ?? env.RELAY_JWT_SECRET;
    if (keyFile === undefined && secret === undefined) {
      throw new Error("give --jwt-secret (or RELAY_JWT_SECRET) or --jwt-private-key FILE");
    }
    const token = await mintToken({
      sub: values.id,
      role: values.role,
      expiresInSeconds: values.expires === undefined ? undefined : parseDuration(values.expires),
      ...(keyFile !== undefined ? { privateKeyPem: await Deno.readTextFile(keyFile) } : { secret }),
    });
    console.log(token);
    return 0;
  } catch (error) {
    console.error(`token: ${(error as Error).message}`);
    return 2;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
