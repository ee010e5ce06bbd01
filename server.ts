/**
 * The relay's command-line entry point: `deno task serve` (ws on :8000) and
 * `deno task serve:tls` (wss on :8443). Run with `--help` for every flag.
 *
 * @module
 */

import { ensureCertificates, trustHint } from "./relay/certs.ts";
import { startClusterNode } from "./relay/cluster.ts";
import { createLogger } from "./relay/logger.ts";
import { helpText, OptionsError, parseCommandLine } from "./relay/options.ts";
import { startRelay } from "./relay/serve.ts";

async function main(): Promise<number> {
  let command;
  try {
    command = parseCommandLine({ args: Deno.args, env: Deno.env.toObject() });
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    console.error(`relay: ${error.message}`);
    return 2;
  }
  if (command.help) {
    console.log(helpText());
    return 0;
  }
  const options = command.options;
  const logger = createLogger({ level: options.logLevel, format: options.logFormat });

  let tls: { cert: string; key: string } | undefined;
  if (options.tls) {
    try {
      const made = await ensureCertificates({
        certPath: options.certFile,
        keyPath: options.keyFile,
      });
      if (made.created && made.caCert) {
        console.error(`relay: created a local CA and a certificate for ${options.certFile}`);
        console.error(trustHint(made.caCert));
      }
      tls = {
        cert: await Deno.readTextFile(options.certFile),
        key: await Deno.readTextFile(options.keyFile),
      };
    } catch (error) {
      console.error(`relay: cannot use the TLS certificate: ${(error as Error).message}`);
      return 2;
    }
  }

  // Redis down at start-up is not fatal: the node waits for it, refusing clients with 503.
  let cluster;
  try {
    cluster = options.redis === undefined ? undefined : await startClusterNode({
      url: options.redis,
      cluster: options.cluster,
      leaseSeconds: options.leaseSeconds,
      logger,
    });
  } catch (error) {
    console.error(`relay: ${(error as Error).message}`);
    return 2;
  }
  let running;
  try {
    running = startRelay({ options, logger, tls, registry: cluster });
  } catch (error) {
    await cluster?.close();
    const message = error instanceof Deno.errors.AddrInUse
      ? `port ${options.port} on ${options.host} is already in use; pick another with --port`
      : (error as Error).message;
    console.error(`relay: cannot start: ${message}`);
    return 1;
  }
  const stop = () => void running.shutdown();
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  await running.finished;
  // The listener stops before shutdown ends (a cluster node frees its ids last): let it finish.
  await running.shutdown();
  return 0;
}

if (import.meta.main) Deno.exit(await main());
