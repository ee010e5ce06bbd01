/**
 * The relay's request handler: routes plain HTTP (the browser console at `/`,
 * `/clients`, `/healthz`, `/metrics`), admits or refuses WebSocket upgrades
 * before they happen, and wires each accepted socket to the {@linkcode Hub}.
 *
 * @example
 * ```ts
 * import { createRelay } from "./relay.ts";
 * import { DEFAULT_OPTIONS } from "./options.ts";
 * import { createLogger } from "./logger.ts";
 *
 * const relay = createRelay({
 *   options: { ...DEFAULT_OPTIONS, port: 0 },
 *   logger: createLogger({ level: "info", format: "text" }),
 * });
 * const server = Deno.serve({ port: 0 }, relay.handler);
 * ```
 * @module
 */

import { presentedToken, TOKEN_PROTOCOL_PREFIX, tokenMatches } from "./auth.ts";
import { clientIdFromUrl, rawPath } from "./client_id.ts";
import { consoleResponse, loadConsoleAssets } from "./console_assets.ts";
import { Credentials, type Verdict } from "./credentials.ts";
import { Client, CLOSE_GOING_AWAY, CLOSE_REPLACED, Hub, type ResumeKeeper } from "./hub.ts";
import type { Logger } from "./logger.ts";
import { type ConnectionOutcome, RelayMetrics, type ResumeDiscardReason } from "./metrics.ts";
import type { RelayOptions } from "./options.ts";
import type { PresenceOptions, PresenceStore } from "./presence.ts";
import { type ClaimResult, LocalRegistry, type Registry } from "./registry.ts";
import { ResumeStore } from "./resume.ts";
import { type Role, ROLES } from "./routing.ts";

// Read once at start-up: a missing file stops the relay here rather than at a user's first visit.
const consoleAssets = await loadConsoleAssets();

/** Settings of {@linkcode createRelay}. */
export interface CreateRelayOptions {
  /** Validated relay settings. */
  options: RelayOptions;
  /** Where log lines go. */
  logger: Logger;
  /**
   * Where ids, presence and the resume window live: by default this process
   * ({@linkcode LocalRegistry}); a cluster node on Redis with `--redis`.
   */
  registry?: Registry;
}

/** A relay's handler and the state behind it. */
export interface Relay {
  /** The `Deno.serve` handler. */
  handler: (
    request: Request,
    info: Deno.ServeHandlerInfo<Deno.Addr>,
  ) => Response | Promise<Response>;
  /** Connections and fan-out. */
  hub: Hub;
  /** Counters served at `/metrics`. */
  metrics: RelayMetrics;
  /** Messages kept for clients that went away. */
  resume: ResumeKeeper;
  /** Devices' presence and retained messages (`GET /devices`). */
  presence: PresenceStore;
  /** Sends close 1001 to every client. */
  closeAll(): void;
}

/**
 * Deno's `idleTimeout` for the given keepalive settings, in seconds.
 *
 * Deno pings after idleTimeout/2 without an incoming frame and closes with
 * 1001 after another idleTimeout/2 without one; any frame (a pong included)
 * restarts the clock. With idleTimeout = interval + timeout, a silent client
 * is pinged after (interval + timeout)/2 and gone by interval + timeout,
 * while one that answers stays forever. For the default 10 + 10 that is a
 * ping after 10 s and a drop after 20 s, exactly as uvicorn's
 * `--ws-ping-interval 10 --ws-ping-timeout 10`.
 */
export function idleTimeoutSeconds(options: RelayOptions): number {
  return options.pingIntervalSeconds + options.pingTimeoutSeconds;
}

function remoteOf(info: Deno.ServeHandlerInfo<Deno.Addr>): string {
  const addr = info.remoteAddr;
  if (addr.transport !== "tcp" && addr.transport !== "udp") return addr.transport;
  return addr.hostname.includes(":")
    ? `[${addr.hostname}]:${addr.port}`
    : `${addr.hostname}:${addr.port}`;
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body + "\n", {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  });
}

const WRONG_TOKEN = "missing or wrong token";

/** A query parameter of a request URL, if present. */
function queryParam(url: string, name: string): string | undefined {
  const query = url.indexOf("?");
  if (query === -1) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get(name) ?? undefined;
}

/** False when the client opted out of the resume window with `?resume=0`. */
function wantsResume(url: string): boolean {
  return queryParam(url, "resume") !== "0";
}

/** The role asked for with `?role=`: none is an operator; anything but the two roles is an error. */
function requestedRole(url: string): Role | { error: string } {
  const role = queryParam(url, "role") ?? "operator";
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  return { error: `role must be device or operator, got "${role.slice(0, 32)}"` };
}

function unauthorized(): Response {
  return text(401, WRONG_TOKEN, { "www-authenticate": "Bearer" });
}

/** The per-client credentials the options ask for, if any; throws when the key is unusable. */
export function credentialsFor(options: RelayOptions): Credentials | undefined {
  if (options.jwtSecret !== undefined) return Credentials.fromSecret(options.jwtSecret);
  if (options.jwtPublicKeyFile === undefined) return undefined;
  let pem: string;
  try {
    pem = Deno.readTextFileSync(options.jwtPublicKeyFile);
  } catch (error) {
    throw new Error(
      `cannot read --jwt-public-key ${options.jwtPublicKeyFile}: ${(error as Error).message}`,
    );
  }
  return Credentials.fromPublicKey(pem);
}

/** A fresh secret for one connection's events: 128 random bits, base64url. */
export function newEventMark(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The `hello` event that tells a client (`?events=1&mark=1`) the mark of its events. */
export function helloEvent(mark: string): string {
  return JSON.stringify({ event: "hello", mark });
}

/** Creates a relay with empty state. */
export function createRelay(config: CreateRelayOptions): Relay {
  const { options, logger } = config;
  const registry: Registry = config.registry ?? new LocalRegistry();
  const credentials = credentialsFor(options);
  const metrics = new RelayMetrics();
  const limits = {
    windowMs: options.resumeWindowSeconds * 1000,
    maxMessages: options.resumeMaxMessages,
    maxBytes: options.resumeMaxBytes,
    maxTotalBytes: options.resumeMaxTotalBytes,
    onDiscard: (reason: ResumeDiscardReason, count: number) =>
      metrics.resumeDiscarded[reason] += count,
  };
  // The registry's window: in Redis with --redis, so a client may come back on any node.
  const resume: ResumeKeeper = limits.windowMs > 0
    ? registry.resumeKeeper({ ...limits, maxMessageBytes: options.maxMessageBytes })
    : new ResumeStore(limits);
  // Presence events go to the hub's operators (the hub is created right below, before any event).
  const presenceOptions: PresenceOptions = {
    ttlMs: options.retainTtlSeconds * 1000,
    maxRetainedBytes: options.retainMaxBytes,
    metrics,
    onEvent: (event) => hub.notify({ ...event }),
  };
  // The registry's records: in Redis with --redis, so every node lists the whole fleet.
  const presence: PresenceStore = registry.presenceStore(presenceOptions);
  const hub = new Hub({
    maxMessageBytes: options.maxMessageBytes,
    maxBacklogBytes: options.maxBacklogBytes,
    backlogGraceMs: options.backlogGraceSeconds * 1000,
    metrics,
    logger,
    resume,
    bus: registry.bus,
    registry,
    presence,
  });
  // Ids whose claim waits on other relays: a second attempt meanwhile is a duplicate.
  const claiming = new Set<string>();
  const startedAt = Date.now();
  const idleTimeout = idleTimeoutSeconds(options);
  // How long a socket may take to open before its id is let go: the keepalive's time, or its
  // default's when keepalive is off.
  const handshakeMs = (idleTimeout > 0 ? idleTimeout : 20) * 1000;
  /** Clients whose socket has neither opened nor closed yet. */
  const handshaking = new Set<SocketClient>();

  /**
   * A client that takes its own socket's events (an event listener object): one object per
   * connection, where `socket.onmessage = …` and the like cost a closure and Deno's wrapper
   * for each handler, about 0.7 KB of heap per connection (docs/fleet_benchmarks.md).
   */
  class SocketClient extends Client {
    /** Frees the id of a socket that never opens (see the handler). */
    handshakeTimer: ReturnType<typeof setTimeout> | undefined;

    /** The socket opened or closed, or never will: no timer waits for it any more. */
    handshakeOver(): void {
      clearTimeout(this.handshakeTimer);
      handshaking.delete(this);
    }

    handleEvent(event: Event): void {
      switch (event.type) {
        case "open":
          this.handshakeOver();
          // The first frame the client gets, before anything another client sent: how it learns
          // the mark that tells the relay's events from look-alikes.
          if (this.eventMark !== undefined) this.socket.send(helloEvent(this.eventMark));
          return hub.opened(this);
        case "message":
          return hub.receive(this, (event as MessageEvent).data);
        case "close": {
          this.handshakeOver();
          const { code, reason } = event as CloseEvent;
          return hub.closed(this, { code, reason });
        }
        case "error":
          return logger.debug("socket error", { id: this.id, remote: this.remote });
      }
    }
  }

  const refuse = (
    outcome: ConnectionOutcome,
    response: Response,
    fields: { id?: string; remote: string; reason: string },
  ): Response => {
    metrics.connection(outcome);
    logger.warn("refuse", { ...fields, status: response.status });
    return response;
  };

  const authorized = (request: Request) =>
    options.token === undefined || tokenMatches(options.token, presentedToken(request));

  /**
   * A refused credential's response; counted by reason, and logged with it
   * (never the token). `path` marks a plain request to an operator endpoint,
   * which is no connection attempt.
   */
  const credentialRefused = (
    verdict: Verdict & { ok: false },
    fields: { id?: string; remote: string; path?: string },
  ): Response => {
    metrics.credentialRefusals[verdict.refusal]++;
    const response = verdict.status === 401
      ? text(401, verdict.reason, { "www-authenticate": "Bearer" })
      : text(403, verdict.reason);
    if (fields.path !== undefined) {
      logger.warn("refuse", { ...fields, reason: verdict.reason, status: response.status });
      return response;
    }
    return refuse(verdict.status === 401 ? "unauthorized" : "forbidden", response, {
      ...fields,
      reason: verdict.reason,
    });
  };

  /**
   * Whether a request may read an operator endpoint (/clients, /devices,
   * /metrics): with per-client credentials, an operator's token; with the
   * shared token, that token; else anybody. Returns the refusal otherwise.
   */
  const operatorOnly = async (
    request: Request,
    path: string,
    info: Deno.ServeHandlerInfo<Deno.Addr>,
  ): Promise<Response | undefined> => {
    if (!credentials) return authorized(request) ? undefined : unauthorized();
    const verdict = await credentials.verify(presentedToken(request));
    const remote = remoteOf(info);
    if (!verdict.ok) return credentialRefused(verdict, { remote, path });
    if (verdict.role === "operator") return undefined;
    return credentialRefused({
      ok: false,
      refusal: "not_operator",
      status: 403,
      reason: "only operators may read this",
    }, { id: verdict.sub, remote, path });
  };

  const plainHttp = async (
    request: Request,
    path: string,
    info: Deno.ServeHandlerInfo<Deno.Addr>,
  ): Promise<Response> => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return text(405, "only GET is served here", { allow: "GET, HEAD" });
    }
    if (path === "/healthz") {
      const { degraded, fields } = registry.health();
      return Response.json({
        status: degraded ? "degraded" : "ok",
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        clients: hub.connectedCount,
        ...fields,
      }, { status: degraded ? 503 : 200 });
    }
    if (path === "/metrics") {
      const denied = await operatorOnly(request, path, info);
      if (denied) return denied;
      // Unknown while the records cannot be read (Redis unreachable): NaN rather than a false 0.
      const devices = await Promise.resolve(presence.counts()).catch(() => ({
        online: NaN,
        known: NaN,
      }));
      const snapshot = {
        clientsConnected: hub.connectedCount,
        clientsAway: resume.awayCount,
        resumeKeptBytes: resume.keptBytes,
        devicesOnline: devices.online,
        devicesKnown: devices.known,
      };
      return new Response(metrics.render(snapshot) + registry.metricsText(), {
        headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" },
      });
    }
    if (path === "/clients") {
      const denied = await operatorOnly(request, path, info);
      if (denied) return denied;
      try {
        const clients = await registry.clients(hub.clients());
        return Response.json(clients, { headers: { "cache-control": "no-store" } });
      } catch (error) {
        return text(503, (error as Error).message);
      }
    }
    if (path === "/devices") {
      const denied = await operatorOnly(request, path, info);
      if (denied) return denied;
      try {
        const devices = await presence.list();
        return Response.json(devices, { headers: { "cache-control": "no-store" } });
      } catch (error) {
        return text(503, (error as Error).message);
      }
    }
    const page = consoleResponse(consoleAssets, path);
    if (page) return page;
    if (clientIdFromUrl(request.url).ok) {
      metrics.connection("not_websocket");
      return text(426, "this path is a WebSocket endpoint: connect with a WebSocket client", {
        upgrade: "websocket",
        connection: "Upgrade",
      });
    }
    return text(404, "not found");
  };

  const handler = async (
    request: Request,
    info: Deno.ServeHandlerInfo<Deno.Addr>,
  ): Promise<Response> => {
    const path = rawPath(request.url);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return plainHttp(request, path, info);
    }
    const remote = remoteOf(info);
    const parsed = clientIdFromUrl(request.url);
    if (!parsed.ok) {
      return refuse("bad_request", text(400, parsed.reason), { remote, reason: parsed.reason });
    }
    const id = parsed.id;
    const asked = requestedRole(request.url);
    if (typeof asked !== "string") {
      return refuse("bad_request", text(400, asked.error), { id, remote, reason: asked.error });
    }
    let role: Role = asked;
    if (!authorized(request)) {
      return refuse(
        "unauthorized",
        unauthorized(),
        { id, remote, reason: WRONG_TOKEN },
      );
    }
    if (credentials) {
      const verdict = await credentials.verify(presentedToken(request), id);
      if (!verdict.ok) return credentialRefused(verdict, { id, remote });
      // Only the credential makes an operator; an operator's may still connect as a device.
      if (verdict.role === "device" && queryParam(request.url, "role") === "operator") {
        return credentialRefused({
          ok: false,
          refusal: "not_operator",
          status: 403,
          reason: "the token is a device's: it cannot connect as an operator",
        }, { id, remote });
      }
      role = queryParam(request.url, "role") === "device" ? "device" : verdict.role;
    }
    // With per-client credentials only an operator may take an id over.
    const replace = options.onDuplicate === "replace" && (!credentials || role === "operator");
    let holder = hub.holder(id);
    if ((holder || claiming.has(id)) && !replace) {
      const reason = `client id "${id}" is already connected`;
      return refuse("duplicate", text(409, reason), { id, remote, reason });
    }
    if (hub.liveCount >= options.maxClients) {
      const reason = `relay is full (${options.maxClients} connections)`;
      return refuse("full", text(503, reason, { "retry-after": "5" }), { id, remote, reason });
    }
    if (claiming.has(id)) {
      const reason = `client id "${id}" is being connected by another request`;
      return refuse("duplicate", text(409, reason), { id, remote, reason });
    }
    const asking = registry.claim({ id, remote, replace, role });
    let claim: ClaimResult;
    if (asking instanceof Promise) {
      // Only a claim that waits on others leaves room for a second attempt meanwhile.
      claiming.add(id);
      claim = await asking.finally(() => claiming.delete(id));
      holder = hub.holder(id); // it may have gone while the claim was in flight
    } else {
      claim = asking;
    }
    if (!claim.ok && claim.status === 409) {
      const reason = `client id "${id}" is already connected (node ${claim.node})`;
      return refuse("duplicate", text(409, reason), { id, remote, reason });
    }
    if (!claim.ok) {
      const reason = `cluster unavailable: ${claim.reason}`;
      return refuse("unavailable", text(503, reason, { "retry-after": "2" }), {
        id,
        remote,
        reason,
      });
    }
    const { token } = claim;
    let upgrade: { socket: WebSocket; response: Response };
    try {
      const requested = request.headers.get("sec-websocket-protocol");
      upgrade = Deno.upgradeWebSocket(request, {
        idleTimeout,
        // The relay is protocol-agnostic: agreeing to the first subprotocol asked for keeps
        // browsers, which fail a handshake whose answer names none, happy; never one carrying
        // a token, which would echo it.
        protocol: requested?.split(",").map((p) => p.trim())
          .find((p) => !p.startsWith(TOKEN_PROTOCOL_PREFIX)) || undefined,
      });
    } catch (error) {
      registry.unclaim(id, token);
      const reason = `bad WebSocket handshake: ${(error as Error).message}`;
      return refuse("bad_request", text(400, reason), { id, remote, reason });
    }
    if (holder) {
      hub.drop(holder, {
        code: CLOSE_REPLACED,
        reason: "replaced by a newer connection",
        why: "replaced",
      });
      metrics.connection("replaced");
    } else {
      metrics.connection("accepted");
    }
    const socket = upgrade.socket;
    socket.binaryType = "arraybuffer";
    const client = new SocketClient({
      id,
      remote,
      socket,
      resume: wantsResume(request.url),
      role,
      events: queryParam(request.url, "events") === "1",
      eventMark: queryParam(request.url, "mark") === "1" ? newEventMark() : undefined,
    });
    hub.add(client);
    registry.bind(client, token);
    socket.addEventListener("open", client, { once: true });
    socket.addEventListener("message", client);
    socket.addEventListener("error", client);
    socket.addEventListener("close", client);
    // A client gone before the 101 went out (reset during its handshake: a board restarted, a
    // tab closed) fires no event at all, so neither the close nor the keepalive would free its
    // id: every later connect with it would get 409 for as long as the relay runs.
    handshaking.add(client);
    client.handshakeTimer = setTimeout(() => goneDuringHandshake(client), handshakeMs);
    return upgrade.response;
  };

  const goneDuringHandshake = (client: SocketClient) => {
    client.handshakeOver();
    if (client.open || client.gone) return;
    hub.closed(client, { code: 1006, reason: "gone during the handshake" });
    try {
      client.socket.close();
    } catch {
      // It never opened: nothing to close.
    }
  };

  return {
    handler,
    hub,
    metrics,
    resume,
    presence,
    closeAll: () => {
      hub.closeAll({ code: CLOSE_GOING_AWAY, reason: "relay shutting down" });
      // One still in its handshake now never opens: nor will its timer outlive the relay.
      for (const client of [...handshaking]) goneDuringHandshake(client);
    },
  };
}
