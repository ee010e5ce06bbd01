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

/** A command-line mistake: reported with exit code 2. */
class UsageError extends Error {}

interface CliOptions {
  hosts: string[];
  dir: string;
  days: number;
  force: boolean;
  help: boolean;
}

const USAGE = `Usage: deno task certs -- [--host HOST]... [--dir DIR] [--days N] [--force]

Creates a local CA (once) and a server certificate signed by it.

  --host HOST  IP address or DNS name for the certificate; repeat for more. localhost,
               127.0.0.1 and ::1 are always included. Without --host: this machine's
               host name and network addresses.
  --dir DIR    output directory (default ${DEFAULT_CERTS_DIR}; the task may only write to ${DEFAULT_CERTS_DIR})
  --days N     server certificate lifetime in days, 1 to ${MAX_VALID_DAYS} (default ${DEFAULT_VALID_DAYS})
  --force      replace the existing CA too; clients must then trust the new ca.crt
  --help       show this text`;

function parseCliArgs(args: string[]): CliOptions {
  const options: CliOptions = {
    hosts: [],
    dir: DEFAULT_CERTS_DIR,
    days: DEFAULT_VALID_DAYS,
    force: false,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") continue; // Left over from `deno task certs -- …`.
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq !== -1 ? arg.slice(0, eq) : arg;
    const inline = flag === arg ? undefined : arg.slice(eq + 1);
    const takeValue = (expects: string): string => {
      const value = inline ?? args[++i];
      if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`${flag} expects ${expects}`);
      }
      return value;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case "--host": {
        const value = takeValue("an IP address or DNS name");
        if (!isCertificateHost(value)) {
          throw new UsageError(`--host expects an IP address or DNS name, got "${value}"`);
        }
        options.hosts.push(value);
        break;
      }
      case "--dir":
        options.dir = takeValue("a directory path");
        break;
      case "--days": {
        const value = takeValue(`a whole number of days from 1 to ${MAX_VALID_DAYS}`);
        const days = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!(days >= 1 && days <= MAX_VALID_DAYS)) {
          throw new UsageError(
            `--days expects a whole number of days from 1 to ${MAX_VALID_DAYS}, got "${value}"`,
          );
        }
        options.days = days;
        break;
      }
      case "--force":
        noValue();
        options.force = true;
        break;
      case "--help":
      case "-h":
        noValue();
        options.help = true;
        break;
      default:
        throw new UsageError(
          arg.startsWith("-")
            ? `unknown flag ${flag} (expected --host, --dir, --days, --force or --help)`
            : `unexpected argument "${arg}" (hosts go after --host)`,
        );
    }
  }
  return options;
}

/** Runs the command line and returns the exit code. */
async function main(args: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`certs: ${error.message}\nRun with --help for usage.`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
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
