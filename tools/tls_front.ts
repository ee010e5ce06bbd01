/**
 * A TLS front for devices: Debian's `stunnel4` terminates `wss://` with the
 * certificate of `deno task certs` and forwards the plain bytes to the
 * relay's `ws://` port.
 *
 * Why: Espruino 2v29 names every TLS server "mbed TLS Server 1", and with
 * server name indication on (as ESP-IDF's mbedtls builds are believed to be)
 * that name goes on the wire. Deno's TLS (rustls) refuses a handshake whose
 * server name is not a DNS name it can match (alert 47), and cannot be told
 * otherwise, so an ESP32 cannot reach `deno task serve:tls`. OpenSSL, under
 * stunnel, accepts any server name: devices connect to the front whether
 * they send a name or not. See docs/tls_devices.md.
 *
 * Command line (`deno task tls-front`):
 *
 * ```sh
 * deno task serve                      # the relay, plain ws:// on 8000
 * deno task tls-front                  # wss:// on 8443 → 127.0.0.1:8000
 * deno task tls-front -- --port 9443 --relay 127.0.0.1:9000 --host 127.0.0.1
 * ```
 *
 * @example
 * ```ts
 * import { startTlsFront } from "./tls_front.ts";
 * await using front = await startTlsFront({
 *   port: 0,
 *   relayPort: 8000,
 *   certFile: "tls/server.crt",
 *   keyFile: "tls/server.key",
 * });
 * console.log(`devices connect to wss://…:${front.port}/<id>`);
 * ```
 * @module
 */

import { resolve } from "node:path";
import { ensureCertificates, trustHint } from "../relay/certs.ts";
import * as cli from "../relay/cli_args.ts";
import { TLS_FRONT_COMMAND, TLS_FRONT_DEFAULTS } from "./tls_front_command.ts";

export { TLS_FRONT_DEFAULTS };

/** Settings of {@linkcode startTlsFront}. */
export interface TlsFrontOptions {
  /** Address the front listens on (default {@linkcode TLS_FRONT_DEFAULTS}). */
  hostname?: string;
  /** Port the front listens on; 0 picks a free one (default {@linkcode TLS_FRONT_DEFAULTS}). */
  port?: number;
  /** The relay's plain ws:// address (default {@linkcode TLS_FRONT_DEFAULTS}). */
  relayHostname?: string;
  /** The relay's plain ws:// port (default {@linkcode TLS_FRONT_DEFAULTS}). */
  relayPort?: number;
  /** Server certificate (PEM), e.g. `tls/server.crt` from `deno task certs`. */
  certFile: string;
  /** Its private key (PEM). */
  keyFile: string;
  /** The stunnel binary (default {@linkcode TLS_FRONT_DEFAULTS}). */
  stunnel?: string;
  /** Longest wait for stunnel to listen, ms (default 10000). */
  startTimeoutMs?: number;
}

/** A running front. */
export interface TlsFront extends AsyncDisposable {
  /** The port devices connect to with `wss://`. */
  port: number;
  /** The stunnel process. */
  child: Deno.ChildProcess;
  /** What stunnel logged so far. */
  log(): string;
  /** Stops stunnel and removes its configuration. */
  stop(): Promise<void>;
}

/** stunnel's configuration for one front (exported for the tests and the docs). */
export function stunnelConfig(options: {
  hostname: string;
  port: number;
  relayHostname: string;
  relayPort: number;
  certFile: string;
  keyFile: string;
}): string {
  const host = options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname;
  const relay = options.relayHostname.includes(":")
    ? `[${options.relayHostname}]`
    : options.relayHostname;
  return [
    "; Written by tools/tls_front.ts: TLS for devices in front of the relay's ws:// port.",
    "foreground = yes",
    "pid =",
    "debug = notice",
    "[relay]",
    `accept = ${host}:${options.port}`,
    `connect = ${relay}:${options.relayPort}`,
    `cert = ${resolve(options.certFile)}`,
    `key = ${resolve(options.keyFile)}`,
    // Espruino speaks TLS 1.2; nothing older is needed by anyone.
    "sslVersionMin = TLSv1.2",
    // No `sni =` line: any server name (or none) reaches this service.
    "",
  ].join("\n");
}

function freePort(hostname: string): number {
  const probe = Deno.listen({ hostname, port: 0 });
  const port = (probe.addr as Deno.NetAddr).port;
  probe.close();
  return port;
}

async function canConnect(hostname: string, port: number): Promise<boolean> {
  try {
    const conn = await Deno.connect({
      hostname: hostname === "0.0.0.0" ? "127.0.0.1" : hostname === "::" ? "::1" : hostname,
      port,
    });
    conn.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts stunnel as a TLS front and resolves once it accepts connections. Throws with what to
 * do when stunnel is not installed, the certificate files are missing, or stunnel gives up.
 */
export async function startTlsFront(options: TlsFrontOptions): Promise<TlsFront> {
  const hostname = options.hostname ?? TLS_FRONT_DEFAULTS.hostname;
  const port = options.port === 0 ? freePort(hostname) : options.port ?? TLS_FRONT_DEFAULTS.port;
  const binary = options.stunnel ?? TLS_FRONT_DEFAULTS.stunnel;
  for (const file of [options.certFile, options.keyFile]) {
    try {
      Deno.statSync(file);
    } catch {
      throw new Error(`TLS front: ${file} not found; run \`deno task certs\` to create it`);
    }
  }
  const dir = await Deno.makeTempDir({ prefix: "tls-front-" });
  const configFile = `${dir}/stunnel.conf`;
  await Deno.writeTextFile(
    configFile,
    stunnelConfig({
      hostname,
      port,
      relayHostname: options.relayHostname ?? TLS_FRONT_DEFAULTS.relayHostname,
      relayPort: options.relayPort ?? TLS_FRONT_DEFAULTS.relayPort,
      certFile: options.certFile,
      keyFile: options.keyFile,
    }),
  );
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(binary, {
      args: [configFile],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (error) {
    await Deno.remove(dir, { recursive: true });
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        `TLS front: ${binary} not found; install it (Debian: apt-get install stunnel4) ` +
          `or pass the path of the stunnel binary`,
      );
    }
    throw error;
  }
  let log = "";
  const decoder = new TextDecoder();
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream) log += decoder.decode(chunk, { stream: true });
  };
  const reading = Promise.all([collect(child.stdout), collect(child.stderr)]);
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  const stop = async () => {
    if (!exited) {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone
      }
    }
    await status;
    await reading;
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (!(await canConnect(hostname, port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`TLS front: stunnel did not start listening on port ${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    child,
    log: () => log,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

if (import.meta.main) {
  const { port, host, relay, cert: certFile, key: keyFile, stunnel } =
    cli.parseOrExit(TLS_FRONT_COMMAND, { program: "tls-front" }).values;
  const created = await ensureCertificates({ certPath: certFile, keyPath: keyFile });
  if (created.created) {
    console.error(`wrote ${certFile} and ${keyFile}\n${trustHint(created.caCert!)}`);
  }
  const front = await startTlsFront({
    hostname: host,
    port,
    relayHostname: relay.hostname,
    relayPort: relay.port,
    certFile,
    keyFile,
    stunnel,
  });
  console.error(
    `TLS front (stunnel) listening on wss://${host}:${front.port}/<clientId>` +
      ` → ws://${
        relay.hostname.includes(":") ? `[${relay.hostname}]` : relay.hostname
      }:${relay.port}/ ; devices: server "wss://<this host>:${front.port}/"`,
  );
  const stopOnSignal = () => front.stop().then(() => Deno.exit(0));
  Deno.addSignalListener("SIGINT", stopOnSignal);
  Deno.addSignalListener("SIGTERM", stopOnSignal);
  const status = await front.child.status;
  console.error(front.log());
  Deno.exit(status.code);
}
