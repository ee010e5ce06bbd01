/**
 * Starts a relay on a real socket and stops it gracefully.
 *
 * @example
 * ```ts
 * import { startRelay } from "./serve.ts";
 * import { DEFAULT_OPTIONS } from "./options.ts";
 * import { createLogger } from "./logger.ts";
 *
 * const running = startRelay({
 *   options: { ...DEFAULT_OPTIONS, host: "127.0.0.1", port: 0 },
 *   logger: createLogger({ level: "warn", format: "text" }),
 * });
 * console.log(running.url); // ws://127.0.0.1:PORT/
 * await running.shutdown();
 * ```
 * @module
 */

import type { Logger } from "./logger.ts";
import type { RelayOptions } from "./options.ts";
import type { Registry } from "./registry.ts";
import { createRelay, idleTimeoutSeconds, type Relay } from "./relay.ts";

/** Settings of {@linkcode startRelay}. */
export interface StartRelayOptions {
  /** Validated relay settings. */
  options: RelayOptions;
  /** Where log lines go. */
  logger: Logger;
  /** PEM certificate and key, required when `options.tls` is set. */
  tls?: { cert: string; key: string };
  /**
   * Where ids, presence and the resume window live: this process by default, a cluster node
   * (`--redis`, from `startClusterNode`) otherwise; closed on shutdown.
   */
  registry?: Registry;
}

/** A listening relay. */
export interface RunningRelay {
  /** The relay's state and handler. */
  relay: Relay;
  /** The address actually bound (port 0 resolved). */
  addr: Deno.NetAddr;
  /** Base URL for clients, like `ws://127.0.0.1:8000/`. */
  url: string;
  /** Closes every client with 1001 and stops listening; resolves within about 1 s. */
  shutdown(): Promise<void>;
  /** Resolves when the server has stopped. */
  finished: Promise<void>;
}

/**
 * How long shutdown waits for clients to finish the closing handshake: a second, so that the
 * process exits within the 2 s docs/relay.md promises even on a busy machine.
 */
const SHUTDOWN_GRACE_MS = 1000;

/** Starts listening and returns once the socket is bound. */
export function startRelay(config: StartRelayOptions): RunningRelay {
  const { options, logger } = config;
  if (options.tls && !config.tls) {
    throw new Error("options.tls is set but no certificate was given");
  }
  const { registry } = config;
  const relay = createRelay({ options, logger, registry });
  const abort = new AbortController();
  const server = Deno.serve({
    hostname: options.host,
    port: options.port,
    signal: abort.signal,
    // Several processes on one port, one core each; the kernel spreads the connections.
    ...(options.reusePort ? { reusePort: true } : {}),
    ...(options.tls ? config.tls : {}),
    onListen() {},
    onError(error) {
      logger.error("handler failed", { error: String(error) });
      return new Response("internal error\n", { status: 500 });
    },
  }, relay.handler);
  const addr = server.addr;
  const scheme = options.tls ? "wss" : "ws";
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `${scheme}://${host}:${addr.port}/`;
  logger.info("listening", {
    url: `${url}<clientId>`,
    pingInterval: options.pingIntervalSeconds,
    pingTimeout: options.pingTimeoutSeconds,
    idleTimeout: idleTimeoutSeconds(options),
    maxMessageBytes: options.maxMessageBytes,
    maxBacklogBytes: options.maxBacklogBytes,
    backlogGraceSeconds: options.backlogGraceSeconds,
    maxClients: options.maxClients,
    resumeWindow: options.resumeWindowSeconds,
    auth: options.jwtSecret !== undefined
      ? "jwt HS256"
      : options.jwtPublicKeyFile !== undefined
      ? "jwt public key"
      : options.token === undefined
      ? "none"
      : "token",
    onDuplicate: options.onDuplicate,
    node: registry?.nodeId,
    reusePort: options.reusePort || undefined,
  });

  let stopping: Promise<void> | undefined;
  const shutdown = () => {
    stopping ??= (async () => {
      logger.info("shutting down", { clients: relay.hub.connectedCount });
      relay.closeAll();
      // Give peers a moment to answer the close frames, then stop whatever remains.
      const deadline = Date.now() + SHUTDOWN_GRACE_MS;
      while (relay.hub.liveCount > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      abort.abort();
      await server.finished;
      await registry?.close();
      logger.info("stopped", {});
    })();
    return stopping;
  };
  return { relay, addr, url, shutdown, finished: server.finished };
}
