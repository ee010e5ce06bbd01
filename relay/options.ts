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
export class OptionsError extends Error {
  /** Creates the error with a message that names the option. */
  constructor(message: string) {
    super(message);
    this.name = "OptionsError";
  }
}

/** Result of {@linkcode parseCommandLine}: either options to run with, or help to print. */
export type CommandLine = { help: true } | { help: false; options: RelayOptions };

interface OptionSpec {
  flag: string;
  env: string;
  key: keyof RelayOptions;
  value: string;
  description: string;
  parse: (raw: string, name: string) => RelayOptions[keyof RelayOptions];
  /** Said after the default from {@linkcode DEFAULT_OPTIONS}, when it needs a word more. */
  defaultNote?: string;
}

/** The port `--tls` moves the default to. */
const TLS_PORT = 8443;

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

function integer(min: number, max: number) {
  return (raw: string, name: string): number => {
    if (!/^\d+$/.test(raw)) {
      throw new OptionsError(`${name} expects a whole number, got "${raw}"`);
    }
    const value = Number(raw);
    if (value < min || value > max) {
      throw new OptionsError(`${name} expects a number from ${min} to ${max}, got ${raw}`);
    }
    return value;
  };
}

function seconds(raw: string, name: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    throw new OptionsError(`${name} expects seconds (like 10 or 2.5), got "${raw}"`);
  }
  const value = Number(raw);
  if (value > 86_400) {
    throw new OptionsError(`${name} expects at most 86400 seconds, got ${raw}`);
  }
  return value;
}

function oneOf<T extends string>(choices: readonly T[]) {
  return (raw: string, name: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new OptionsError(`${name} expects one of ${choices.join(", ")}, got "${raw}"`);
    }
    return raw as T;
  };
}

function nonEmpty(raw: string, name: string): string {
  if (raw === "") throw new OptionsError(`${name} expects a value, got an empty string`);
  return raw;
}

function boolean(raw: string, name: string): boolean {
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off", ""].includes(raw)) return false;
  throw new OptionsError(`${name} expects true or false, got "${raw}"`);
}

function redisUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OptionsError(`${name} expects a URL like redis://HOST:6379, got "${raw}"`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    throw new OptionsError(`${name} expects a redis:// or rediss:// URL, got "${url.protocol}//…"`);
  }
  if (url.hostname === "") throw new OptionsError(`${name} needs a host: redis://HOST:6379`);
  if (!/^(\/\d*)?$/.test(url.pathname)) {
    throw new OptionsError(`${name}: the path may only be a database number like /0`);
  }
  return raw;
}

function clusterName(raw: string, name: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) {
    throw new OptionsError(`${name} expects 1-64 characters of A-Z a-z 0-9 _ . -, got "${raw}"`);
  }
  return raw;
}

function leaseSeconds(raw: string, name: string): number {
  const value = seconds(raw, name);
  if (value < 1 || value > 3600) {
    throw new OptionsError(`${name} expects 1 to 3600 seconds, got ${raw}`);
  }
  return value;
}

function retainTtl(raw: string, name: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) {
    throw new OptionsError(`${name} expects seconds (like 86400), got "${raw}"`);
  }
  const value = Number(raw);
  if (value < 1 || value > 30 * 86_400) {
    throw new OptionsError(`${name} expects 1 to 2592000 seconds (30 days), got ${raw}`);
  }
  return value;
}

const SPECS: OptionSpec[] = [
  {
    flag: "host",
    env: "RELAY_HOST",
    key: "host",
    value: "ADDR",
    description: "interface to listen on",
    parse: nonEmpty,
  },
  {
    flag: "port",
    env: "RELAY_PORT",
    key: "port",
    value: "N",
    description: "TCP port (0 picks a free one)",
    parse: integer(0, 65535),
    defaultNote: `, or ${TLS_PORT} with --tls`,
  },
  {
    flag: "tls",
    env: "RELAY_TLS",
    key: "tls",
    value: "",
    description: "serve wss:// (creates a local CA and certificate when missing)",
    parse: boolean,
  },
  {
    flag: "cert",
    env: "RELAY_CERT",
    key: "certFile",
    value: "FILE",
    description: "PEM certificate for --tls",
    parse: nonEmpty,
  },
  {
    flag: "key",
    env: "RELAY_KEY",
    key: "keyFile",
    value: "FILE",
    description: "PEM private key for --tls",
    parse: nonEmpty,
  },
  {
    flag: "ping-interval",
    env: "RELAY_PING_INTERVAL",
    key: "pingIntervalSeconds",
    value: "S",
    description: "silence before the relay pings a client; 0 with --ping-timeout 0 disables",
    parse: seconds,
  },
  {
    flag: "ping-timeout",
    env: "RELAY_PING_TIMEOUT",
    key: "pingTimeoutSeconds",
    value: "S",
    description: "wait for an answer before dropping the client",
    parse: seconds,
  },
  {
    flag: "max-message-bytes",
    env: "RELAY_MAX_MESSAGE_BYTES",
    key: "maxMessageBytes",
    value: "N",
    description: "largest message; bigger closes the sender with 1009",
    parse: integer(1, 64 * 1024 * 1024 - 1),
  },
  {
    flag: "max-backlog-bytes",
    env: "RELAY_MAX_BACKLOG_BYTES",
    key: "maxBacklogBytes",
    value: "N",
    description: "unsent bytes a client may keep queued past the grace period (8× drops at once)",
    parse: integer(1, 2 ** 31),
  },
  {
    flag: "backlog-grace",
    env: "RELAY_BACKLOG_GRACE",
    key: "backlogGraceSeconds",
    value: "S",
    description: "how long a backlog may stay over the limit before the client is dropped",
    parse: seconds,
  },
  {
    flag: "max-clients",
    env: "RELAY_MAX_CLIENTS",
    key: "maxClients",
    value: "N",
    description: "most simultaneous connections; more get 503",
    parse: integer(1, 1_000_000),
  },
  {
    flag: "resume-window",
    env: "RELAY_RESUME_WINDOW",
    key: "resumeWindowSeconds",
    value: "S",
    description: "a client back within S seconds first gets what it missed; 0 turns it off",
    parse: seconds,
  },
  {
    flag: "resume-max-messages",
    env: "RELAY_RESUME_MAX_MESSAGES",
    key: "resumeMaxMessages",
    value: "N",
    description: "most messages kept for one away client (the oldest go first)",
    parse: integer(1, 1_000_000),
  },
  {
    flag: "resume-max-bytes",
    env: "RELAY_RESUME_MAX_BYTES",
    key: "resumeMaxBytes",
    value: "N",
    description: "most payload bytes kept for one away client (the oldest go first)",
    parse: integer(1, 2 ** 31),
  },
  {
    flag: "resume-max-total-bytes",
    env: "RELAY_RESUME_MAX_TOTAL_BYTES",
    key: "resumeMaxTotalBytes",
    value: "N",
    description: "most payload bytes kept for all away clients together",
    parse: integer(1, 2 ** 40),
  },
  {
    flag: "token",
    env: "RELAY_TOKEN",
    key: "token",
    value: "SECRET",
    description: "require ?token= or Authorization: Bearer (401 otherwise)",
    parse: nonEmpty,
  },
  {
    flag: "jwt-secret",
    env: "RELAY_JWT_SECRET",
    key: "jwtSecret",
    value: "SECRET",
    description: "per-client tokens (JWT, HS256) with this secret of 32+ characters",
    parse: nonEmpty,
  },
  {
    flag: "jwt-public-key",
    env: "RELAY_JWT_PUBLIC_KEY",
    key: "jwtPublicKeyFile",
    value: "FILE",
    description: "per-client tokens (JWT) signed by this PEM key's owner (ES256 or EdDSA)",
    parse: nonEmpty,
  },
  {
    flag: "retain-ttl",
    env: "RELAY_RETAIN_TTL",
    key: "retainTtlSeconds",
    value: "S",
    description: "keep a device's presence and retained message this long after last seen",
    parse: retainTtl,
  },
  {
    flag: "retain-max-bytes",
    env: "RELAY_RETAIN_MAX_BYTES",
    key: "retainMaxBytes",
    value: "N",
    description: "largest retained message kept per device (bigger ones are only relayed)",
    parse: integer(1, 1024 * 1024),
  },
  {
    flag: "on-duplicate",
    env: "RELAY_ON_DUPLICATE",
    key: "onDuplicate",
    value: "reject|replace",
    description: "id already connected: refuse with 409, or replace the old connection",
    parse: oneOf<DuplicatePolicy>(["reject", "replace"]),
  },
  {
    flag: "log-level",
    env: "RELAY_LOG_LEVEL",
    key: "logLevel",
    value: LOG_LEVELS.join("|"),
    description: "least severe level printed",
    parse: oneOf(LOG_LEVELS),
  },
  {
    flag: "log-format",
    env: "RELAY_LOG_FORMAT",
    key: "logFormat",
    value: "text|json",
    description: "log line format",
    parse: oneOf<LogFormat>(["text", "json"]),
  },
  {
    flag: "redis",
    env: "RELAY_REDIS",
    key: "redis",
    value: "URL",
    description:
      "join the cluster on that Redis: redis://[user:pass@]HOST:PORT[/DB], rediss:// for TLS",
    parse: redisUrl,
    defaultNote: " (one process)",
  },
  {
    flag: "cluster",
    env: "RELAY_CLUSTER",
    key: "cluster",
    value: "NAME",
    description:
      "prefix of every Redis key and channel, so clusters can share a Redis (with --redis)",
    parse: clusterName,
  },
  {
    flag: "lease",
    env: "RELAY_LEASE",
    key: "leaseSeconds",
    value: "S",
    description:
      "a node that stops without saying so keeps its ids at most this long (with --redis)",
    parse: leaseSeconds,
  },
  {
    flag: "reuse-port",
    env: "RELAY_REUSE_PORT",
    key: "reusePort",
    value: "",
    description: "share the port with other relay processes (needs deno run --unstable-net)",
    parse: boolean,
  },
];

/** Default for every option, before flags and environment are applied. */
export const DEFAULT_OPTIONS: Readonly<RelayOptions> = {
  host: "0.0.0.0",
  port: 8000,
  tls: false,
  certFile: "tls/server.crt",
  keyFile: "tls/server.key",
  pingIntervalSeconds: 10,
  pingTimeoutSeconds: 10,
  maxMessageBytes: 64 * 1024,
  maxBacklogBytes: 1024 * 1024,
  backlogGraceSeconds: 5,
  maxClients: 10_000,
  resumeWindowSeconds: 30,
  resumeMaxMessages: 100,
  resumeMaxBytes: 256 * 1024,
  resumeMaxTotalBytes: 64 * 1024 * 1024,
  token: undefined,
  jwtSecret: undefined,
  jwtPublicKeyFile: undefined,
  retainTtlSeconds: 86_400,
  retainMaxBytes: 4096,
  onDuplicate: "reject",
  logLevel: "info",
  logFormat: "text",
  redis: undefined,
  cluster: "relay",
  leaseSeconds: 15,
  reusePort: false,
};

/** One flag as `--help` and the flags table in README.md show it. */
export interface OptionRow {
  /** The flag and its value's placeholder, e.g. `--port N`. */
  flag: string;
  /** The environment variable, e.g. `RELAY_PORT`. */
  env: string;
  /** The default, from {@linkcode DEFAULT_OPTIONS}: `none` for unset, `off` for false. */
  defaultValue: string;
  /** A word more on the default, like `, or 8443 with --tls`; empty for most. */
  defaultNote: string;
  /** What the option does. */
  description: string;
}

/** Every option as a row: the one source of `--help` and of the flags table in README.md. */
export function optionRows(): OptionRow[] {
  return SPECS.map((spec) => {
    const value = DEFAULT_OPTIONS[spec.key];

    return {
      flag: `--${spec.flag}${spec.value ? ` ${spec.value}` : ""}`,
      env: spec.env,
      defaultValue: value === undefined ? "none" : value === false ? "off" : String(value),
      defaultNote: spec.defaultNote ?? "",
      description: spec.description,
    };
  });
}

/** Help text listing every flag, its environment variable and its default. */
export function helpText(): string {
  const indent = "".padEnd(36);
  const rows = optionRows().map((row) => {
    const left = `  ${row.flag}`;
    // A flag too long for the column puts its description on the next line.
    const head = left.length < indent.length ? left.padEnd(indent.length) : `${left}\n${indent}`;
    return `${head}${row.description}\n${indent}env ${row.env}, default ${row.defaultValue}${row.defaultNote}`;
  });
  const port = DEFAULT_OPTIONS.port;
  return [
    `Usage: deno task serve [-- FLAGS]      (ws://HOST:${port}/<clientId>)`,
    `       deno task serve:tls [-- FLAGS]  (wss://HOST:${TLS_PORT}/<clientId>)`,
    "",
    "Flags (a flag wins over its environment variable):",
    ...rows,
    `  ${"--help".padEnd(34)}print this help`,
  ].join("\n");
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
  const values: Partial<Record<keyof RelayOptions, unknown>> = {};
  for (const spec of SPECS) {
    const raw = input.env[spec.env];
    if (raw !== undefined) values[spec.key] = spec.parse(raw, spec.env);
  }
  const args = input.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") continue; // `deno task serve -- --port 9000` passes the separator through
    if (arg === "--help" || arg === "-h") return { help: true };
    if (!arg.startsWith("--")) {
      throw new OptionsError(`unexpected argument "${arg}"; flags start with --, see --help`);
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = SPECS.find((s) => s.flag === name);
    if (!spec) throw new OptionsError(`unknown flag --${name}; see --help for the list`);
    let raw: string;
    if (eq !== -1) {
      raw = arg.slice(eq + 1);
    } else if (spec.value === "") {
      raw = "true";
    } else {
      if (i + 1 >= args.length) {
        throw new OptionsError(`--${name} expects a value (${spec.value})`);
      }
      raw = args[++i];
    }
    values[spec.key] = spec.parse(raw, `--${name}`);
  }
  const tls = (values.tls as boolean | undefined) ?? DEFAULT_OPTIONS.tls;
  const options: RelayOptions = {
    ...DEFAULT_OPTIONS,
    port: tls ? TLS_PORT : DEFAULT_OPTIONS.port,
    ...values,
  } as RelayOptions;
  validate(options);
  for (const key of ["cluster", "leaseSeconds"] as const) {
    if (values[key] !== undefined && options.redis === undefined) {
      const spec = SPECS.find((s) => s.key === key)!;
      throw new OptionsError(`--${spec.flag} (${spec.env}) only means something with --redis URL`);
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
