/**
 * Command-line flags and environment variables for the relay, parsed into
 * one validated {@linkcode RelayOptions} object.
 *
 * Every option has a flag (`--ping-interval 5` or `--ping-interval=5`) and an
 * environment variable (`RELAY_PING_INTERVAL=5`); a flag wins over the
 * environment. A bad value throws {@linkcode OptionsError} naming the option.
 *
 * @example
 * ```ts
 * import { parseOptions } from "./options.ts";
 * const options = parseOptions({ args: ["--port", "9000"], env: {} });
 * console.log(options.port); // 9000
 * ```
 * @module
 */

import {
  custom,
  decimal,
  defaults,
  defineCommand,
  type Flag,
  flag,
  type FlagRow,
  flagRows,
  helpText as cliHelpText,
  integer,
  oneOf,
  parseArgs,
  text,
  toggle,
  UsageError,
} from "./cli_args.ts";

/** What the relay does when a client connects with an id that is already connected. */
export type DuplicatePolicy = "reject" | "replace";

/** How much the relay logs. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/** Log line format. */
export type LogFormat = "text" | "json";

/** Every setting of the relay, validated. */
export interface RelayOptions {
  /** Interface to listen on. */
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Serve `wss://` with {@linkcode RelayOptions.certFile} and {@linkcode RelayOptions.keyFile}. */
  tls: boolean;
  /** PEM certificate chain for TLS. */
  certFile: string;
  /** PEM private key for TLS. */
  keyFile: string;
  /** Seconds of silence from a client before the relay pings it. */
  pingIntervalSeconds: number;
  /** Seconds the relay then waits for any frame before it drops the client. */
  pingTimeoutSeconds: number;
  /** Largest message a client may send; bigger ones close the sender with 1009. */
  maxMessageBytes: number;
  /** Unsent bytes a client may keep queued past the grace period before it is dropped with 1008. */
  maxBacklogBytes: number;
  /** Seconds a client's backlog may stay over `maxBacklogBytes` while it catches up. */
  backlogGraceSeconds: number;
  /** Most simultaneous connections; more are refused with 503. */
  maxClients: number;
  /** Seconds after a client leaves during which its messages are kept for it; 0 turns it off. */
  resumeWindowSeconds: number;
  /** Most messages kept for one away id. */
  resumeMaxMessages: number;
  /** Most payload bytes kept for one away id. */
  resumeMaxBytes: number;
  /** Most payload bytes kept for all away ids together. */
  resumeMaxTotalBytes: number;
  /** Shared secret clients must present; `undefined` means no authentication. */
  token: string | undefined;
  /** HS256 secret of per-client tokens (JWT); `undefined` when not used. */
  jwtSecret: string | undefined;
  /** PEM public key (ES256 or EdDSA) of per-client tokens (JWT); `undefined` when not used. */
  jwtPublicKeyFile: string | undefined;
  /** Seconds a device's presence record and retained message are kept after it was last seen. */
  retainTtlSeconds: number;
  /** Largest retained message kept per device; bigger ones are relayed but not kept. */
  retainMaxBytes: number;
  /** What to do with a second connection for an id already connected. */
  onDuplicate: DuplicatePolicy;
  /** Least severe log level printed. */
  logLevel: LogLevel;
  /** Log line format. */
  logFormat: LogFormat;
  /** Redis URL that makes this relay a node of a cluster; `undefined` runs alone. */
  redis: string | undefined;
  /** Cluster name: prefix of its Redis keys and channel, so clusters can share a Redis. */
  cluster: string;
  /** Seconds a crashed node's ids stay taken before other nodes may claim them. */
  leaseSeconds: number;
  /** Share the port with other processes on this host (`SO_REUSEPORT`). */
  reusePort: boolean;
}

/** A bad flag, environment variable or combination; the message says what to fix. */
export const OptionsError = UsageError;
/** A bad flag, environment variable or combination; the message says what to fix. */
export type OptionsError = UsageError;

/** Result of {@linkcode parseCommandLine}: either options to run with, or help to print. */
export type CommandLine = { help: true } | { help: false; options: RelayOptions };

/** The port `--tls` moves the default to. */
export const TLS_PORT = 8443;

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

/** Up to a day, for the keepalive, backlog and resume timings. */
const seconds = decimal(0, 86_400, "seconds");

const redisUrl = custom<string>("redis:// or rediss:// URL", (raw) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `expects a URL like redis://HOST:6379, got "${raw}"` };
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    return { error: `expects a redis:// or rediss:// URL, got "${url.protocol}//…"` };
  }
  if (url.hostname === "") return { error: "needs a host: redis://HOST:6379" };
  if (!/^(\/\d*)?$/.test(url.pathname)) {
    return { error: "may only have a database number like /0 as its path" };
  }
  return { value: raw };
});

const clusterName = custom<string>(
  "1-64 characters of A-Z a-z 0-9 _ . -",
  (raw) =>
    /^[A-Za-z0-9_.-]{1,64}$/.test(raw)
      ? { value: raw }
      : { error: `expects 1-64 characters of A-Z a-z 0-9 _ . -, got "${raw}"` },
);

/** Each option's flag, environment variable, type with its range, default and help. */
const RELAY_FLAGS = {
  host: flag(text(), {
    env: "RELAY_HOST",
    value: "ADDR",
    default: "0.0.0.0",
    help: "interface to listen on",
  }),
  port: flag(integer(0, 65535), {
    env: "RELAY_PORT",
    value: "N",
    default: 8000,
    defaultNote: `, or ${TLS_PORT} with --tls`,
    help: "TCP port (0 picks a free one)",
  }),
  tls: toggle({
    env: "RELAY_TLS",
    help: "serve wss:// (creates a local CA and certificate when missing)",
  }),
  certFile: flag(text(), {
    name: "cert",
    env: "RELAY_CERT",
    value: "FILE",
    default: "tls/server.crt",
    help: "PEM certificate for --tls",
  }),
  keyFile: flag(text(), {
    name: "key",
    env: "RELAY_KEY",
    value: "FILE",
    default: "tls/server.key",
    help: "PEM private key for --tls",
  }),
  pingIntervalSeconds: flag(seconds, {
    name: "ping-interval",
    env: "RELAY_PING_INTERVAL",
    value: "S",
    default: 10,
    help: "silence before the relay pings a client; 0 with --ping-timeout 0 disables",
  }),
  pingTimeoutSeconds: flag(seconds, {
    name: "ping-timeout",
    env: "RELAY_PING_TIMEOUT",
    value: "S",
    default: 10,
    help: "wait for an answer before dropping the client",
  }),
  maxMessageBytes: flag(integer(1, 64 * 1024 * 1024 - 1), {
    env: "RELAY_MAX_MESSAGE_BYTES",
    value: "N",
    default: 64 * 1024,
    help: "largest message; bigger closes the sender with 1009",
  }),
  maxBacklogBytes: flag(integer(1, 2 ** 31), {
    env: "RELAY_MAX_BACKLOG_BYTES",
    value: "N",
    default: 1024 * 1024,
    help: "unsent bytes a client may keep queued past the grace period (8× drops at once)",
  }),
  backlogGraceSeconds: flag(seconds, {
    name: "backlog-grace",
    env: "RELAY_BACKLOG_GRACE",
    value: "S",
    default: 5,
    help: "how long a backlog may stay over the limit before the client is dropped",
  }),
  maxClients: flag(integer(1, 1_000_000), {
    env: "RELAY_MAX_CLIENTS",
    value: "N",
    default: 10_000,
    help: "most simultaneous connections; more get 503",
  }),
  resumeWindowSeconds: flag(seconds, {
    name: "resume-window",
    env: "RELAY_RESUME_WINDOW",
    value: "S",
    default: 30,
    help: "a client back within S seconds first gets what it missed; 0 turns it off",
  }),
  resumeMaxMessages: flag(integer(1, 1_000_000), {
    env: "RELAY_RESUME_MAX_MESSAGES",
    value: "N",
    default: 100,
    help: "most messages kept for one away client (the oldest go first)",
  }),
  resumeMaxBytes: flag(integer(1, 2 ** 31), {
    env: "RELAY_RESUME_MAX_BYTES",
    value: "N",
    default: 256 * 1024,
    help: "most payload bytes kept for one away client (the oldest go first)",
  }),
  resumeMaxTotalBytes: flag(integer(1, 2 ** 40), {
    env: "RELAY_RESUME_MAX_TOTAL_BYTES",
    value: "N",
    default: 64 * 1024 * 1024,
    help: "most payload bytes kept for all away clients together",
  }),
  token: flag(text(), {
    env: "RELAY_TOKEN",
    value: "SECRET",
    help: "require ?token= or Authorization: Bearer (401 otherwise)",
  }),
  jwtSecret: flag(text(), {
    env: "RELAY_JWT_SECRET",
    value: "SECRET",
    help: "per-client tokens (JWT, HS256) with this secret of 32+ characters",
  }),
  jwtPublicKeyFile: flag(text(), {
    name: "jwt-public-key",
    env: "RELAY_JWT_PUBLIC_KEY",
    value: "FILE",
    help: "per-client tokens (JWT) signed by this PEM key's owner (ES256 or EdDSA)",
  }),
  retainTtlSeconds: flag(decimal(1, 30 * 86_400, "seconds"), {
    name: "retain-ttl",
    env: "RELAY_RETAIN_TTL",
    value: "S",
    default: 86_400,
    help: "keep a device's presence and retained message this long after last seen",
  }),
  retainMaxBytes: flag(integer(1, 1024 * 1024), {
    env: "RELAY_RETAIN_MAX_BYTES",
    value: "N",
    default: 4096,
    help: "largest retained message kept per device (bigger ones are only relayed)",
  }),
  onDuplicate: flag(oneOf<DuplicatePolicy>(["reject", "replace"]), {
    env: "RELAY_ON_DUPLICATE",
    value: "reject|replace",
    default: "reject",
    help: "id already connected: refuse with 409, or replace the old connection",
  }),
  logLevel: flag(oneOf(LOG_LEVELS), {
    env: "RELAY_LOG_LEVEL",
    value: LOG_LEVELS.join("|"),
    default: "info",
    help: "least severe level printed",
  }),
  logFormat: flag(oneOf<LogFormat>(["text", "json"]), {
    env: "RELAY_LOG_FORMAT",
    value: "text|json",
    default: "text",
    help: "log line format",
  }),
  redis: flag(redisUrl, {
    env: "RELAY_REDIS",
    value: "URL",
    defaultNote: " (one process)",
    help: "join the cluster on that Redis: redis://[user:pass@]HOST:PORT[/DB], rediss:// for TLS",
  }),
  cluster: flag(clusterName, {
    env: "RELAY_CLUSTER",
    value: "NAME",
    default: "relay",
    help: "prefix of every Redis key and channel, so clusters can share a Redis (with --redis)",
  }),
  leaseSeconds: flag(decimal(1, 3600, "seconds"), {
    name: "lease",
    env: "RELAY_LEASE",
    value: "S",
    default: 15,
    help: "a node that stops without saying so keeps its ids at most this long (with --redis)",
  }),
  reusePort: toggle({
    env: "RELAY_REUSE_PORT",
    help: "share the port with other relay processes (needs deno run --unstable-net)",
  }),
} satisfies { [K in keyof RelayOptions]: Flag<RelayOptions[K]> };

/** The relay's command line: the one source of `--help` and of the flags table in README.md. */
export const RELAY_COMMAND = defineCommand({
  usage: [
    `deno task serve [-- FLAGS]      (ws://HOST:${RELAY_FLAGS.port.default}/<clientId>)`,
    `deno task serve:tls [-- FLAGS]  (wss://HOST:${TLS_PORT}/<clientId>)`,
  ],
  summary: "A flag wins over its environment variable.",
  flags: RELAY_FLAGS,
});

/** Default for every option, before flags and environment are applied: the flag table's. */
export const DEFAULT_OPTIONS: Readonly<RelayOptions> = defaults(RELAY_COMMAND);

/** One flag as the flags table in README.md shows it. */
export type OptionRow = FlagRow;

/** Every option as a row: the one source of `--help` and of the flags table in README.md. */
export function optionRows(): OptionRow[] {
  return flagRows(RELAY_COMMAND);
}

/** Help text listing every flag, its environment variable, default and range. */
export function helpText(): string {
  return cliHelpText(RELAY_COMMAND);
}

/** Inputs of {@linkcode parseCommandLine}. */
export interface ParseInput {
  /** Command-line arguments, without the program name. */
  args: readonly string[];
  /** Environment variables to read `RELAY_*` settings from. */
  env: Readonly<Record<string, string | undefined>>;
}

/** Parses flags and environment, or reports that help was asked for. */
export function parseCommandLine(input: ParseInput): CommandLine {
  const parsed = parseArgs(RELAY_COMMAND, input);
  if (parsed.help) return { help: true };
  const options: RelayOptions = { ...parsed.values };
  if (options.tls && !parsed.given.has("port")) options.port = TLS_PORT;
  validate(options);
  for (const key of ["cluster", "leaseSeconds"] as const) {
    if (parsed.given.has(key) && options.redis === undefined) {
      const spec = RELAY_COMMAND.flags[key];
      throw new OptionsError(`--${spec.name} (${spec.env}) only means something with --redis URL`);
    }
  }
  return { help: false, options };
}

/** Parses flags and environment into options; throws {@linkcode OptionsError} on help or bad input. */
export function parseOptions(input: ParseInput): RelayOptions {
  const result = parseCommandLine(input);
  if (result.help) throw new OptionsError(helpText());
  return result.options;
}

function validate(options: RelayOptions): void {
  const interval = options.pingIntervalSeconds;
  const timeout = options.pingTimeoutSeconds;
  if ((interval === 0) !== (timeout === 0)) {
    throw new OptionsError(
      "--ping-interval and --ping-timeout must both be 0 (keepalive off) or both above 0",
    );
  }
  const jwt = options.jwtSecret !== undefined || options.jwtPublicKeyFile !== undefined;
  if (options.jwtSecret !== undefined && options.jwtPublicKeyFile !== undefined) {
    throw new OptionsError("give --jwt-secret or --jwt-public-key, not both");
  }
  if (options.jwtSecret !== undefined && options.jwtSecret.length < 32) {
    throw new OptionsError("--jwt-secret needs at least 32 characters (256 bits for HS256)");
  }
  if (jwt && options.token !== undefined) {
    throw new OptionsError(
      "--token is the shared secret of simple setups: with per-client tokens (--jwt-…) leave it out",
    );
  }
  if (options.onDuplicate === "replace" && options.token === undefined && !jwt) {
    throw new OptionsError(
      "--on-duplicate replace needs --token or --jwt-…: without one, anybody could take over a device's id",
    );
  }
}
