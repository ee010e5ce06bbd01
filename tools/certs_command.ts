/**
 * The flags of `deno task certs`: the one source of its parser, its `--help` and its table in
 * docs/relay.md (`deno task docs:flags`). No side effects: importing it writes no file.
 *
 * @module
 */

import {
  DEFAULT_CERTS_DIR,
  DEFAULT_VALID_DAYS,
  isCertificateHost,
  LOOPBACK_HOSTS,
  MAX_VALID_DAYS,
} from "../relay/certs.ts";
import * as cli from "../relay/cli_args.ts";

const host = cli.custom<string>(
  "an IP address or DNS name",
  (raw) =>
    isCertificateHost(raw)
      ? { value: raw }
      : { error: `expects an IP address or DNS name, got "${raw}"` },
);

/** `deno task certs`'s command line. */
export const CERTS_COMMAND = cli.defineCommand({
  usage: ["deno task certs -- [--host HOST]... [--dir DIR] [--days N] [--force]"],
  summary: "Creates a local CA (once) and a server certificate signed by it.",
  flags: {
    hosts: cli.list(host, {
      name: "host",
      value: "HOST",
      defaultText: "this machine's host name and network addresses",
      help: `a name for the certificate; repeat for more (${LOOPBACK_HOSTS.join(", ")} always)`,
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
