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

import {
  DEFAULT_CERTS_DIR,
  DEFAULT_VALID_DAYS,
  defaultHosts,
  isCertificateHost,
  issueCertificates,
  MAX_VALID_DAYS,
  trustHint,
} from "../relay/certs.ts";
import * as cli from "../relay/cli_args.ts";

const host = cli.custom<string>(
  "an IP address or DNS name",
  (raw) =>
    isCertificateHost(raw)
      ? { value: raw }
      : { error: `expects an IP address or DNS name, got "${raw}"` },
);

const CERTS_COMMAND = cli.defineCommand({
  usage: ["deno task certs -- [--host HOST]... [--dir DIR] [--days N] [--force]"],
  summary: "Creates a local CA (once) and a server certificate signed by it.",
  flags: {
    hosts: cli.list(host, {
      name: "host",
      value: "HOST",
      defaultText: "this machine's host name and network addresses",
      help: "a name for the certificate; repeat for more (localhost, 127.0.0.1, ::1 always)",
    }),
    dir: cli.flag(cli.text(), {
      value: "DIR",
      default: DEFAULT_CERTS_DIR,
      defaultNote: ` (the task may only write to ${DEFAULT_CERTS_DIR})`,
      help: "output directory",
    }),
    days: cli.flag(cli.integer(1, MAX_VALID_DAYS), {
      value: "N",
      default: DEFAULT_VALID_DAYS,
      help: "server certificate lifetime in days",
    }),
    force: cli.toggle({
      help: "replace the existing CA too; clients must then trust the new ca.crt",
    }),
  },
});

/** Runs the command line and returns the exit code. */
async function main(args: string[]): Promise<number> {
  const options = cli.parseOrExit(CERTS_COMMAND, { program: "certs", args }).values;
  const hosts = options.hosts.length > 0
    ? ["localhost", "127.0.0.1", "::1", ...options.hosts]
    : defaultHosts();
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
