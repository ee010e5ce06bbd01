/**
 * `deno task certs`: makes a local CA (once) and a server certificate signed by it, in `tls/`
 * or `--dir`, and prints how clients trust the CA. The work is relay/certs.ts's.
 *
 * ```sh
 * deno task certs -- --host 192.168.1.10 --host relay.lan
 * ```
 *
 * @module
 */

import { defaultHosts, issueCertificates, LOOPBACK_HOSTS, trustHint } from "../relay/certs.ts";
import * as cli from "../relay/cli_args.ts";
import { CERTS_COMMAND } from "./certs_command.ts";

/** Runs the command line and returns the exit code. */
async function main(args: string[]): Promise<number> {
  const options = cli.parseOrExit(CERTS_COMMAND, { program: "certs", args }).values;
  const hosts = options.hosts.length > 0 ? [...LOOPBACK_HOSTS, ...options.hosts] : defaultHosts();
  try {
    const { paths, caCreated, subjectAltNames, notAfter } = await issueCertificates({
      dir: options.dir,
      hosts,
      validDays: options.days,
      force: options.force,
    });
    console.log(
      [
        `CA certificate:     ${paths.caCert} (${caCreated ? "new" : "existing CA reused"})`,
        `CA private key:     ${paths.caKey}`,
        `Server certificate: ${paths.serverCert} (valid until ${notAfter.toISOString()})`,
        `Server private key: ${paths.serverKey}`,
        `Subject alternative names: ${subjectAltNames.join(", ")}`,
        "",
        trustHint(paths.caCert),
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    console.error(`certs: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
