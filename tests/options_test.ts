/**
 * Flags, environment variables and their error messages.
 */

import assert from "node:assert/strict";
import {
  DEFAULT_OPTIONS,
  helpText,
  optionRows,
  OptionsError,
  parseCommandLine,
  parseOptions,
} from "../relay/options.ts";

Deno.test("defaults: port 8000, ping 10 s + 10 s, 64 KiB, 1 MiB", () => {
  const options = parseOptions({ args: [], env: {} });
  assert.deepEqual(options, DEFAULT_OPTIONS);
  assert.equal(options.port, 8000);
  assert.equal(options.pingIntervalSeconds, 10);
  assert.equal(options.pingTimeoutSeconds, 10);
  assert.equal(options.maxMessageBytes, 65536);
  assert.equal(options.maxBacklogBytes, 1048576);
  assert.equal(options.onDuplicate, "reject");
});

Deno.test("the -- that deno task passes through is ignored", () => {
  assert.equal(parseOptions({ args: ["--", "--port", "9000"], env: {} }).port, 9000);
});

Deno.test("--tls moves the default port to 8443 unless a port is given", () => {
  assert.equal(parseOptions({ args: ["--tls"], env: {} }).port, 8443);
  assert.equal(parseOptions({ args: ["--tls", "--port", "9443"], env: {} }).port, 9443);
  assert.equal(parseOptions({ args: [], env: { RELAY_TLS: "true" } }).port, 8443);
});

Deno.test("every option has a flag and an environment variable; the flag wins", () => {
  const env = {
    RELAY_HOST: "127.0.0.1",
    RELAY_PORT: "9000",
    RELAY_CERT: "a.crt",
    RELAY_KEY: "a.key",
    RELAY_PING_INTERVAL: "3",
    RELAY_PING_TIMEOUT: "4.5",
    RELAY_MAX_MESSAGE_BYTES: "100",
    RELAY_MAX_BACKLOG_BYTES: "200",
    RELAY_BACKLOG_GRACE: "0.5",
    RELAY_MAX_CLIENTS: "5",
    RELAY_RESUME_WINDOW: "2.5",
    RELAY_RESUME_MAX_MESSAGES: "7",
    RELAY_RESUME_MAX_BYTES: "700",
    RELAY_RESUME_MAX_TOTAL_BYTES: "7000",
    RELAY_TOKEN: "t",
    RELAY_RETAIN_TTL: "600",
    RELAY_RETAIN_MAX_BYTES: "512",
    RELAY_ON_DUPLICATE: "replace",
    RELAY_LOG_LEVEL: "debug",
    RELAY_LOG_FORMAT: "json",
    RELAY_REDIS: "redis://127.0.0.1:6379",
    RELAY_CLUSTER: "c1",
    RELAY_LEASE: "20",
    RELAY_REUSE_PORT: "1",
  };
  const fromEnv = parseOptions({ args: [], env });
  assert.deepEqual(fromEnv, {
    host: "127.0.0.1",
    port: 9000,
    tls: false,
    certFile: "a.crt",
    keyFile: "a.key",
    pingIntervalSeconds: 3,
    pingTimeoutSeconds: 4.5,
    maxMessageBytes: 100,
    maxBacklogBytes: 200,
    backlogGraceSeconds: 0.5,
    maxClients: 5,
    resumeWindowSeconds: 2.5,
    resumeMaxMessages: 7,
    resumeMaxBytes: 700,
    resumeMaxTotalBytes: 7000,
    token: "t",
    jwtSecret: undefined,
    jwtPublicKeyFile: undefined,
    retainTtlSeconds: 600,
    retainMaxBytes: 512,
    onDuplicate: "replace",
    logLevel: "debug",
    logFormat: "json",
    redis: "redis://127.0.0.1:6379",
    cluster: "c1",
    leaseSeconds: 20,
    reusePort: true,
  });
  const flags = parseOptions({
    args: ["--port=9001", "--max-clients", "6", "--log-format", "text", "--host", "::1"],
    env,
  });
  assert.equal(flags.port, 9001);
  assert.equal(flags.maxClients, 6);
  assert.equal(flags.logFormat, "text");
  assert.equal(flags.host, "::1");
  assert.equal(flags.maxMessageBytes, 100, "unset flags keep the environment's value");
});

Deno.test("a bad value stops start-up with a message that names the option", () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [["--port", "http"], {}, /--port expects a whole number, got "http"/],
    [["--port", "70000"], {}, /--port expects a number from 0 to 65535, got 70000/],
    [[], { RELAY_PORT: "-1" }, /RELAY_PORT expects a whole number/],
    [["--ping-interval", "soon"], {}, /--ping-interval expects seconds/],
    [["--max-message-bytes", "0"], {}, /--max-message-bytes expects a number from 1/],
    [["--on-duplicate", "kick"], {}, /--on-duplicate expects one of reject, replace, got "kick"/],
    [["--log-level", "loud"], {}, /--log-level expects one of debug, info, warn, error, silent/],
    [["--token", ""], {}, /--token expects a value/],
    [["--token"], {}, /--token expects a value \(SECRET\)/],
    [["--verbose"], {}, /unknown flag --verbose/],
    [["8000"], {}, /unexpected argument "8000"/],
    [["--ping-interval", "0"], {}, /must both be 0/],
    [["--on-duplicate", "replace"], {}, /replace needs --token/],
    [["--tls=maybe"], {}, /--tls expects true or false/],
  ];
  for (const [args, env, message] of cases) {
    assert.throws(() => parseOptions({ args, env }), (error: unknown) => {
      assert.ok(error instanceof OptionsError, `an OptionsError for ${args.join(" ")}`);
      assert.match(error.message, message);
      return true;
    });
  }
});

Deno.test("--help lists every flag with its environment variable and default", () => {
  assert.deepEqual(parseCommandLine({ args: ["--port", "1", "--help"], env: {} }), { help: true });
  const help = helpText();
  for (
    const flag of [
      "host",
      "port",
      "tls",
      "cert",
      "key",
      "ping-interval",
      "ping-timeout",
      "max-message-bytes",
      "max-backlog-bytes",
      "max-clients",
      "token",
      "jwt-secret",
      "jwt-public-key",
      "retain-ttl",
      "retain-max-bytes",
      "on-duplicate",
      "log-level",
      "log-format",
      "redis",
      "cluster",
      "lease",
      "reuse-port",
    ]
  ) {
    assert.match(help, new RegExp(`--${flag}\\b`));
    assert.match(help, new RegExp(`RELAY_${flag.toUpperCase().replaceAll("-", "_")}\\b`));
  }
});

Deno.test("--help shows each default as DEFAULT_OPTIONS holds it, not a copy of it", () => {
  // Each flag's notes as one line, however help wrapped them.
  const help = helpText().replace(/\n {36}(?=[^ ])/g, " ").replaceAll(
    /(?<=[^ ]) (env RELAY_)/g,
    "\n$1",
  );
  for (const row of optionRows()) {
    assert.ok(
      help.includes(`env ${row.env}; default ${row.defaultValue}${row.defaultNote}`),
      row.flag,
    );
  }
  assert.ok(help.includes(`env RELAY_MAX_MESSAGE_BYTES; default ${64 * 1024}; allowed 1 to `));
  assert.ok(
    help.includes(`env RELAY_MAX_MESSAGE_BYTES; default ${DEFAULT_OPTIONS.maxMessageBytes};`),
  );
  assert.ok(help.includes("env RELAY_TOKEN; default none\n"));
  assert.ok(help.includes("env RELAY_TLS; default off\n"));
  assert.ok(
    help.includes("env RELAY_PORT; default 8000, or 8443 with --tls; allowed 0 to 65535\n"),
  );
  // Every flag starts a line, and its description never runs into it.
  for (const row of optionRows()) assert.match(help, new RegExp(`\n  ${escape(row.flag)}( |\n)`));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
