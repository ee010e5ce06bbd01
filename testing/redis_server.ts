/**
 * A real `redis-server` for tests, on a free loopback port in a temporary
 * directory, with persistence off; it can be stopped and started again on the
 * same port to play an outage.
 *
 * The binary is `REDIS_SERVER` or `redis-server` on the PATH (`.ci/run`
 * installs Debian's). Without it, {@linkcode redisServerBinary} returns
 * undefined after a warning so tests can skip, except under `CI=true`.
 *
 * @module
 */

import { stablePort } from "./ports.ts";
import { delay } from "./wait.ts";

/** A redis-server child process. */
export interface RedisServer extends AsyncDisposable {
  /** Its port on 127.0.0.1. */
  port: number;
  /** `redis://127.0.0.1:PORT`. */
  url: string;
  /** The running process's id (changes on restart). */
  pid(): number;
  /** Stops it (SIGKILL drops everything at once, as a crash would). */
  stop(signal?: Deno.Signal): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/** The redis-server binary, or undefined (with a warning) when it is missing outside CI. */
export function redisServerBinary(): string | undefined {
  const candidates = [
    Deno.env.get("REDIS_SERVER"),
    "/usr/bin/redis-server",
    "/usr/local/bin/redis-server",
  ];
  for (const path of (Deno.env.get("PATH") ?? "").split(":")) {
    candidates.push(`${path}/redis-server`);
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      if (Deno.statSync(candidate).isFile) return candidate;
    } catch {
      // not there
    }
  }
  const message = "redis-server not found (apt-get install redis-server, or set REDIS_SERVER)";
  if (Deno.env.get("CI") === "true") throw new Error(message);
  console.warn(`warning: ${message}: skipping the cluster tests`);
  return undefined;
}

/**
 * Runs one command with `redis-cli` (installed with redis-server) against the server on
 * 127.0.0.1:`port` and returns what it printed, trimmed: `""` for nil.
 */
export async function redisCli(port: number, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command("redis-cli", {
    args: ["-p", String(port), ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  if (code !== 0) throw new Error(`redis-cli ${args.join(" ")}: ${decoder.decode(stderr)}`);
  return decoder.decode(stdout).trim();
}

async function waitForPort(port: number, child: Deno.ChildProcess, exited: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (true) {
    if (exited()) throw new Error(`redis-server exited before listening on ${port}`);
    try {
      const connection = await Deno.connect({ hostname: "127.0.0.1", port });
      connection.close();
      return;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`redis-server did not listen on ${port} within 10 s`);
      }
      await delay(20);
    }
  }
}

/** Starts redis-server on a free stable port (or `port`) in a fresh temporary directory. */
export async function startRedisServer(
  options: { binary: string; port?: number; extraArgs?: string[] },
): Promise<RedisServer> {
  const port = options.port ?? stablePort();
  const dir = await Deno.makeTempDir({ prefix: "relay-redis-" });
  let child: Deno.ChildProcess | undefined;
  let status: Promise<Deno.CommandStatus> | undefined;
  let done = false;
  const start = async () => {
    child = new Deno.Command(options.binary, {
      args: [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
        "--protected-mode",
        "no",
        ...(options.extraArgs ?? []),
      ],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).spawn();
    done = false;
    status = child.status.then((s) => {
      done = true;
      return s;
    });
    await waitForPort(port, child, () => done);
  };
  const stop = async (signal: Deno.Signal = "SIGTERM") => {
    if (!child || done) {
      await status;
      return;
    }
    child.kill(signal);
    await status;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child!.pid,
    stop,
    start,
    async [Symbol.asyncDispose]() {
      await stop("SIGKILL");
      await Deno.remove(dir, { recursive: true });
    },
  };
}
