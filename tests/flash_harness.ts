/**
 * What the flash tests share: `tools/flash.ts` run as `deno task flash` runs it, a TCP sink for
 * uploaded programs to report to, and an engine board with its console served as `deno task sim`
 * serves it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { delay } from "../testing/wait.ts";

const FLASH = new URL("../tools/flash.ts", import.meta.url).pathname;
/** The permissions of the `flash` task (device files need --allow-all in Deno). */
const FLASH_RUN = ["run", "--allow-all", FLASH];
const CI = Deno.env.get("CI") === "true";

async function commandExists(name: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("sh", {
      args: ["-c", `command -v ${name}`],
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

/** Whether socat (for pseudo-terminals) is installed. */
export const HAVE_SOCAT = await commandExists("socat");
/** Without socat the pseudo-terminal tests skip locally but fail in CI. */
export const SKIP_PTY = !HAVE_SOCAT && !CI;

/** What a run of the flash tool did. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Settings of {@linkcode runFlash}. */
export interface RunOptions {
  /** Extra environment (ESPRUINO_PORT is removed unless given here). */
  env?: Record<string, string>;
  /** Called with each piece of standard error as it arrives. */
  onStderr?: (textSoFar: string) => void;
  /** Wrap the command (for dropping privileges). */
  prefix?: string[];
  /**
   * Called with the standard output so far as it arrives; `interrupt` sends the tool SIGINT, as
   * Ctrl-C does.
   */
  onStdout?: (textSoFar: string, interrupt: () => void) => void;
}

/** Runs `tools/flash.ts` as `deno task flash` would, in a child process. */
export async function runFlash(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = { NO_COLOR: "1", ...options.env };
  const [command, ...prefixArgs] = options.prefix ?? [];
  const child = new Deno.Command(command ?? Deno.execPath(), {
    args: [...prefixArgs, ...(command ? [Deno.execPath()] : []), ...FLASH_RUN, ...args],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (!options.env?.ESPRUINO_PORT) {
    // Deno.Command inherits the environment; the variable must not leak in.
    assert.equal(Deno.env.get("ESPRUINO_PORT"), undefined, "unset ESPRUINO_PORT to run the tests");
  }
  const decoder = new TextDecoder();
  let stderr = "";
  const readStderr = (async () => {
    for await (const chunk of child.stderr) {
      stderr += decoder.decode(chunk, { stream: true });
      options.onStderr?.(stderr);
    }
  })();
  const stdoutDecoder = new TextDecoder();
  let stdout = "";
  let interrupted = false;
  const interrupt = () => {
    if (interrupted) return;
    interrupted = true;
    child.kill("SIGINT");
  };
  const readStdout = (async () => {
    for await (const chunk of child.stdout) {
      stdout += stdoutDecoder.decode(chunk, { stream: true });
      options.onStdout?.(stdout, interrupt);
    }
  })();
  const [status] = await Promise.all([child.status, readStdout, readStderr]);
  return { code: status.code, stdout, stderr };
}

/** A TCP server that records each connection's text, for the uploaded program to reach. */
export class Sink implements AsyncDisposable {
  readonly listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  readonly messages: string[] = [];
  #tasks: Promise<void>[] = [];
  #accepting: Promise<void>;

  constructor() {
    this.#accepting = this.#accept();
  }

  get port(): number {
    return this.listener.addr.port;
  }

  async #accept(): Promise<void> {
    for await (const connection of this.listener) {
      this.#tasks.push((async () => {
        const text = await new Response(connection.readable).text();
        this.messages.push(text);
      })());
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.listener.close();
    await this.#accepting;
    await Promise.all(this.#tasks);
  }
}

/** Waits (in real time, up to `timeoutMs`) until `check()` holds. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

/** A small program in Espruino's dialect: prints a line, then reports to the sink over TCP. */
export function testProgram(token: string, sinkPort: number, padding = 0): string {
  return [
    `var token = ${JSON.stringify(token)};`,
    padding ? `var padding = ${JSON.stringify("x".repeat(padding))};` : "",
    'print("flash-test " + token + " running");',
    `var socket = require("net").connect({ host: "127.0.0.1", port: ${sinkPort} }, function () {`,
    '  socket.write("hello from " + token + "\\n");',
    "  socket.end();",
    "});",
    "",
  ].join("\n");
}

/** Writes `code` to a temporary file and returns its path. */
export async function writeProgram(code: string): Promise<string> {
  const file = await Deno.makeTempFile({ prefix: "flash_test_", suffix: ".js" });
  await Deno.writeTextFile(file, code);
  return file;
}

/** A board on the virtual clock with its console served, as `deno task sim` serves it. */
export interface ServedBoard extends AsyncDisposable {
  /** The board. */
  board: EspruinoBoard;
  /** `tcp://127.0.0.1:PORT`, when served on TCP. */
  url: string | undefined;
  /** The TCP address, when served on TCP. */
  addr: Deno.NetAddr | undefined;
  /** How many times the board printed `text`. */
  count(text: string): number;
  /** Runs `code` on the console (no echo) and resolves with what it printed. */
  run(code: string): Promise<string>;
  /** A Storage file (default `fw.a`, the flashed code's slot) as the board holds it, or undefined. */
  bootCode(file?: string): Promise<string | undefined>;
  /** Powers the board off and on: RAM is lost (sockets reset), Storage kept. */
  powerCycle(): void;
  /** Stops serving the console, once what the board printed has gone out: its clients see it end. */
  closeConsole(): Promise<void>;
}

/** Starts a board and serves its console on TCP (unless `tcp` is false) and `tty`. */
export async function startConsoleServer(
  options: { tcp?: boolean; tty?: string } = {},
): Promise<ServedBoard> {
  const board = await EspruinoBoard.start({ clock: "virtual" });
  await board.console.waitFor(/\n>/);
  const server = await serveConsole(board, options).catch(async (error) => {
    await board.stop();
    throw error;
  });
  const run = async (code: string) => {
    const marker = `@done${Math.floor(Math.random() * 1e9)}`;
    const from = board.console.text.length;
    board.console.write(`\x10${code};print(${JSON.stringify(marker)});\n`);
    const text = await board.console.waitFor(marker, { from });
    return text.slice(0, text.indexOf(marker));
  };
  return {
    board,
    url: server.url,
    addr: server.addr,
    count: (text) => board.console.text.split(text).length - 1,
    run,
    async bootCode(file = SLOTS[0]) {
      // In slices of 512 bytes, as JSON: the whole file at once would not fit a C3's memory.
      const name = JSON.stringify(file);
      const length = Number(
        (await run(`print((require("Storage").read(${name}) || "").length)`)).trim(),
      );
      if (length === 0) return undefined;
      let code = "";
      for (let at = 0; at < length; at += 512) {
        const slice = await run(
          `print(JSON.stringify(require("Storage").read(${name}, ${at}, ${
            Math.min(512, length - at)
          })))`,
        );
        code += JSON.parse(slice.trim());
      }
      return code;
    },
    powerCycle: () => board.powerCycle(),
    closeConsole: () => server.close(),
    async [Symbol.asyncDispose]() {
      await server.close();
      await board.stop();
    },
  };
}
