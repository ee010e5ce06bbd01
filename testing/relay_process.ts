import { delay } from "./wait.ts";
/**
 * Runs `server.ts` in a child process, as `deno task serve` does, for tests
 * that need the real entry point: signals, exit codes, the process's memory.
 *
 * @module
 */

const ROOT = new URL("..", import.meta.url).pathname;

/** A relay running in a child process. */
export interface RelayProcess extends AsyncDisposable {
  /** The child process. */
  child: Deno.ChildProcess;
  /** The port it listens on. */
  port: number;
  /** `ws://127.0.0.1:PORT/` (or `wss://localhost:PORT/` with `--tls`). */
  url: string;
  /** `http://127.0.0.1:PORT` (or `https://localhost:PORT`). */
  httpUrl: string;
  /** Every line it wrote to standard error so far. */
  stderr: string[];
  /** Resident memory of the process now, from /proc. */
  rssBytes(): number;
  /** Sends a signal and resolves with the exit status. */
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

async function collectLines(stream: ReadableStream<Uint8Array>, into: string[]): Promise<void> {
  const decoder = new TextDecoder();
  let partial = "";
  for await (const chunk of stream) {
    partial += decoder.decode(chunk, { stream: true });
    const lines = partial.split("\n");
    partial = lines.pop()!;
    into.push(...lines);
  }
  if (partial) into.push(partial);
}

/**
 * The V8 flags `deno task serve` gives the relay (deno.json), so that a relay here runs, and
 * is measured, as served.
 */
export const SERVE_V8_FLAGS: string[] = (() => {
  const config = Deno.readTextFileSync(`${ROOT}deno.json`);
  const serve = /"serve":\s*"([^"]*)"/.exec(config)?.[1] ?? "";
  return serve.split(/\s+/).filter((arg) => arg.startsWith("--v8-flags="));
})();

/** Runs `deno run server.ts` with the given flags, standard output discarded. */
export function runServer(args: string[], env: Record<string, string> = {}): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", ...SERVE_V8_FLAGS, "--unstable-net", "server.ts", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
}

/**
 * Starts the relay on 127.0.0.1 and a free port and waits for its
 * `listening` line; extra flags are appended.
 */
export async function startRelayProcess(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RelayProcess> {
  const child = runServer(["--host", "127.0.0.1", "--port", "0", ...args], env).spawn();
  const stderr: string[] = [];
  const stdout: string[] = [];
  const reading = Promise.all([
    collectLines(child.stderr, stderr),
    collectLines(child.stdout, stdout),
  ]);
  const deadline = Date.now() + 15_000;
  let port = 0;
  let tls = false;
  while (port === 0) {
    const line = stderr.find((l) => l.includes("listening"));
    const match = line && /url"?[=:]"?(wss?):\/\/[^:]+:(\d+)\//.exec(line);
    if (match) {
      tls = match[1] === "wss";
      port = Number(match[2]);
      break;
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await child.status;
      await reading;
      throw new Error(`the relay did not start:\n${stderr.join("\n")}`);
    }
    await delay(20);
  }
  let status: Promise<Deno.CommandStatus> | undefined;
  const stop = async (signal: Deno.Signal = "SIGTERM") => {
    if (!status) {
      try {
        child.kill(signal);
      } catch {
        // it has already exited
      }
      status = child.status;
    }
    const result = await status;
    await reading;
    return result;
  };
  const host = tls ? "localhost" : "127.0.0.1";
  return {
    child,
    port,
    url: `${tls ? "wss" : "ws"}://${host}:${port}/`,
    httpUrl: `${tls ? "https" : "http"}://${host}:${port}`,
    stderr,
    rssBytes() {
      const status = Deno.readTextFileSync(`/proc/${child.pid}/status`);
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    stop,
    async [Symbol.asyncDispose]() {
      await stop("SIGKILL");
    },
  };
}
