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
import { parseDuration, TOKEN_COMMAND } from "./token_command.ts";
import { mintToken } from "../relay/credentials.ts";

export { parseDuration };

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
