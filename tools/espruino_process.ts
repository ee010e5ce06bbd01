/**
 * Runs the real Espruino interpreter (built for Linux from Espruino's own C
 * source) as a child process: a file evaluated, or its console driven over
 * standard input and output, with its pin-transition log read back.
 *
 * Where the binaries come from: `ESPRUINO_BIN` names a file (used for every
 * board) or a folder holding `espruino-<board>` files; without it, the
 * workspace's `../shared/espruino/bin` when present. See
 * tools/espruino_linux/README.md. Where the machine cannot run those 32-bit
 * x86 programs itself, they are started through `qemu-i386`
 * ({@linkcode espruinoCommand}).
 *
 * @example
 * ```ts
 * import { EspruinoProcess, findEspruino } from "./espruino_process.ts";
 *
 * const binary = findEspruino("esp32c3");
 * if (binary) {
 *   await using board = EspruinoProcess.start({ binary, script: "print(1+1)" });
 *   await board.waitForOutput(/^2$/m);
 * }
 * ```
 * @module
 */

/** The interpreter builds: memory and pins of an ESP32-C3, an ESP32, or a C3 with Unicode strings. */
export type EspruinoBoard = "esp32c3" | "esp32" | "esp32c3-unicode";

/** Every build, smallest memory first. */
export const ESPRUINO_BOARDS: readonly EspruinoBoard[] = ["esp32c3", "esp32", "esp32c3-unicode"];

const REPO_ROOT = new URL("..", import.meta.url).pathname;
const WORKSPACE_BINARIES = `${REPO_ROOT}../shared/espruino/bin`;

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}

/**
 * The interpreter binary for a board, or undefined when there is none:
 * `ESPRUINO_BIN` (a file, or a folder of `espruino-<board>` files) first,
 * then the workspace's shared binaries.
 */
export function findEspruino(
  board: EspruinoBoard,
  env: Record<string, string | undefined> = Deno.env.toObject(),
): string | undefined {
  const configured = env.ESPRUINO_BIN;
  if (configured) {
    if (isFile(configured)) return configured;
    const inFolder = `${configured}/espruino-${board}`;
    return isDirectory(configured) && isFile(inFolder) ? inFolder : undefined;
  }
  const shared = `${WORKSPACE_BINARIES}/espruino-${board}`;
  return isFile(shared) ? shared : undefined;
}

const MARK = "espruino-runs";
const launchers = new Map<string, string[]>();

/** Whether `command` starts an interpreter that evaluates JavaScript. */
function evaluates(command: string[]): boolean {
  try {
    const { stdout } = new Deno.Command(command[0], {
      // Two literals: the mark in the output cannot be an echo of the command line.
      args: [...command.slice(1), "-e", `print("${MARK.slice(0, 4)}"+"${MARK.slice(4)}")`],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).outputSync();
    return new TextDecoder().decode(stdout).includes(MARK);
  } catch {
    return false;
  }
}

/** Whether the file is an ELF program for 32-bit x86 (as the shared binaries are). */
function isI386Program(path: string): boolean {
  try {
    const file = Deno.openSync(path);
    const head = new Uint8Array(20);
    try {
      file.readSync(head);
    } finally {
      file.close();
    }
    const elf = head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
    return elf && head[4] === 1 && head[18] === 3 && head[19] === 0;
  } catch {
    return false;
  }
}

function onPath(names: string[], env: Record<string, string | undefined>): string | undefined {
  for (const folder of (env.PATH ?? "").split(":")) {
    for (const name of names) if (folder && isFile(`${folder}/${name}`)) return `${folder}/${name}`;
  }
  return undefined;
}

/**
 * The command line that starts `binary`: the binary itself, or, where this machine cannot run a
 * 32-bit x86 program (a kernel without IA-32 emulation, an ARM machine), `qemu-i386` from Debian's
 * `qemu-user` followed by the binary. Checked once per binary by evaluating one line. Throws an
 * error that says what to install or build when neither runs.
 */
export function espruinoCommand(
  binary: string,
  env: Record<string, string | undefined> = Deno.env.toObject(),
): string[] {
  const key = `${binary}\n${env.PATH ?? ""}`;
  const known = launchers.get(key);
  if (known) return known;
  let command: string[] | undefined = [binary];
  if (!evaluates(command)) {
    const i386 = isI386Program(binary);
    const qemu = i386 ? onPath(["qemu-i386", "qemu-i386-static"], env) : undefined;
    command = qemu && evaluates([qemu, binary]) ? [qemu, binary] : undefined;
    if (!command) {
      throw new Error(
        i386
          ? `${binary} is a 32-bit x86 program and this machine does not run it` +
            `${
              qemu ? ` (nor does ${qemu})` : ""
            }: install qemu-user (apt-get install qemu-user), ` +
            `through which it then runs, or build the interpreter for this machine ` +
            `(tools/espruino_linux/README.md) and set ESPRUINO_BIN`
          : `${binary} does not run here as an Espruino interpreter (it printed nothing for ` +
            `-e): build one with tools/espruino_linux/build.sh and set ESPRUINO_BIN`,
      );
    }
  }
  launchers.set(key, command);
  return command;
}

/** One change of a pin's output level, from `ESPRUINO_PIN_LOG`. */
export interface PinEdge {
  /** CLOCK_MONOTONIC milliseconds (the interpreter's own clock). */
  atMs: number;
  /** Pin name, like `D2`. */
  pin: string;
  /** The level written. */
  level: 0 | 1;
}

/** Parses the lines of an `ESPRUINO_PIN_LOG` file. */
export function parsePinLog(text: string): PinEdge[] {
  const edges: PinEdge[] = [];
  for (const line of text.split("\n")) {
    const [at, pin, level] = line.trim().split(" ");
    if (!pin || (level !== "0" && level !== "1")) continue;
    edges.push({ atMs: Number(at), pin, level: level === "1" ? 1 : 0 });
  }
  return edges;
}

/** Settings of {@linkcode EspruinoProcess.start}. */
export interface EspruinoStartOptions {
  /** The interpreter binary (see {@linkcode findEspruino}). */
  binary: string;
  /** JavaScript to evaluate as a file; without it the console reads standard input. */
  script?: string;
  /** Working folder, where Storage (`espruino.flash`) lives; a new temporary one by default. */
  cwd?: string;
  /** Extra environment, e.g. `{ ESPRUINO_TLS_SNI: "0" }`. */
  env?: Record<string, string>;
}

const decoder = new TextDecoder();

/** A running interpreter whose console output and pin edges can be awaited. */
export class EspruinoProcess implements AsyncDisposable {
  /** The child process. */
  readonly child: Deno.ChildProcess;
  /** Its working folder (Storage lives here as `espruino.flash`). */
  readonly cwd: string;
  /** The pin-transition log file. */
  readonly pinLogPath: string;
  /** Resolves with the exit status. */
  readonly exited: Promise<Deno.CommandStatus>;
  #output = "";
  #stdin: WritableStreamDefaultWriter<Uint8Array> | undefined;
  #ownsCwd: boolean;
  #reading: Promise<void>;

  private constructor(options: EspruinoStartOptions) {
    this.#ownsCwd = options.cwd === undefined;
    this.cwd = options.cwd ?? Deno.makeTempDirSync({ prefix: "espruino-" });
    this.pinLogPath = `${this.cwd}/pins.log`;
    const args: string[] = [];
    if (options.script !== undefined) {
      Deno.writeTextFileSync(`${this.cwd}/program.js`, options.script);
      args.push("program.js");
    }
    const [command, ...before] = espruinoCommand(options.binary);
    this.child = new Deno.Command(command, {
      args: [...before, ...args],
      cwd: this.cwd,
      env: { ESPRUINO_PIN_LOG: this.pinLogPath, ...options.env },
      stdin: options.script === undefined ? "piped" : "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    if (options.script === undefined) this.#stdin = this.child.stdin.getWriter();
    this.#reading = Promise.all([
      this.#collect(this.child.stdout),
      this.#collect(this.child.stderr),
    ]).then(() => {});
    this.exited = this.child.status;
  }

  /** Starts the interpreter. */
  static start(options: EspruinoStartOptions): EspruinoProcess {
    return new EspruinoProcess(options);
  }

  async #collect(stream: ReadableStream<Uint8Array>): Promise<void> {
    for await (const chunk of stream) this.#output += decoder.decode(chunk, { stream: true });
  }

  /** Everything printed so far (standard output and error, interleaved as read). */
  get output(): string {
    return this.#output;
  }

  /** Types text on the console (only when started without a script). */
  async write(text: string): Promise<void> {
    if (!this.#stdin) throw new Error("this interpreter runs a script: it reads no console input");
    await this.#stdin.write(new TextEncoder().encode(text));
  }

  /** Resolves with the match once the output matches `pattern` (searched from `from`). */
  async waitForOutput(
    pattern: RegExp,
    options: { timeoutMs?: number; from?: number } = {},
  ): Promise<RegExpMatchArray> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      const match = this.#output.slice(options.from ?? 0).match(pattern);
      if (match) return match;
      if (Date.now() > deadline) {
        throw new Error(
          `the interpreter did not print ${pattern} within ${options.timeoutMs ?? 10_000} ms; ` +
            `it printed:\n${this.#output.slice(-2000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The pin edges logged so far, optionally of one pin. */
  async pinEdges(pin?: string): Promise<PinEdge[]> {
    let text = "";
    try {
      text = await Deno.readTextFile(this.pinLogPath);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    const edges = parsePinLog(text);
    return pin === undefined ? edges : edges.filter((edge) => edge.pin === pin);
  }

  /** Kills the interpreter (it ignores SIGTERM and SIGINT) and waits for it. */
  async kill(): Promise<void> {
    // A console's standard input is a resource of its own: close it, or Deno reports a leak.
    await this.#stdin?.close().catch(() => {});
    this.#stdin = undefined;
    try {
      this.child.kill("SIGKILL");
    } catch {
      // Already gone.
    }
    await this.exited;
    await this.#reading;
  }

  /** Kills it and removes its temporary working folder. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.kill();
    if (this.#ownsCwd) await Deno.remove(this.cwd, { recursive: true }).catch(() => {});
  }
}

/**
 * For tests: the binary for a board, or undefined with a warning printed
 * once, so the caller can mark its tests ignored. Under `CI=true` a missing
 * binary, or one that does not run here, is an error instead: CI must never
 * skip the real interpreter.
 */
export function espruinoForTests(board: EspruinoBoard): string | undefined {
  const binary = findEspruino(board);
  let message = `the real Espruino interpreter for ${board} was not found: set ESPRUINO_BIN ` +
    `to a binary (or a folder of espruino-<board> binaries) built from Espruino's source`;
  if (binary) {
    try {
      espruinoCommand(binary);
      return binary;
    } catch (error) {
      message = (error as Error).message;
    }
  }
  if (Deno.env.get("CI") === "true") throw new Error(message);
  if (!warned.has(board)) {
    warned.add(board);
    console.warn(`warning: ${message}; skipping the tests that need it`);
  }
  return undefined;
}

const warned = new Set<EspruinoBoard>();

/** A TCP port that carries an interpreter's console, as a board's telnet console would. */
export interface ConsoleBridge extends AsyncDisposable {
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** Stops listening and closes the connection, if any; the interpreter runs on. */
  close(): Promise<void>;
}

/**
 * Serves the console of `board` (started without a script) on a TCP port of
 * 127.0.0.1, one connection at a time, so that `deno task flash -- --port
 * tcp://127.0.0.1:PORT` (or socat, for a pseudo-terminal) reaches it. Like a
 * real board, the interpreter keeps running when the connection ends.
 */
export function serveConsole(board: EspruinoProcess): ConsoleBridge {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const connections = new Set<Deno.Conn>();
  const encoder = new TextEncoder();
  const latin1 = new TextDecoder("latin1");
  const serve = async (conn: Deno.Conn) => {
    connections.add(conn);
    let sent = board.output.length;
    let open = true;
    const pump = (async () => {
      while (open) {
        const text = board.output.slice(sent);
        sent += text.length;
        if (text) await conn.write(encoder.encode(text)).catch(() => open = false);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      const buffer = new Uint8Array(4096);
      for (;;) {
        const n = await conn.read(buffer);
        if (n === null) break;
        await board.write(latin1.decode(buffer.subarray(0, n)));
      }
    } catch {
      // The peer went away.
    } finally {
      open = false;
      await pump;
      connections.delete(conn);
      try {
        conn.close();
      } catch {
        // Already closed.
      }
    }
  };
  const accepting = (async () => {
    const served: Promise<void>[] = [];
    try {
      for await (const conn of listener) served.push(serve(conn));
    } catch {
      // Closed.
    }
    await Promise.all(served);
  })();
  const close = async () => {
    try {
      listener.close();
    } catch {
      // Already closed.
    }
    for (const conn of connections) {
      try {
        conn.close();
      } catch {
        // Already closed.
      }
    }
    await accepting;
  };
  return {
    port: (listener.addr as Deno.NetAddr).port,
    close,
    [Symbol.asyncDispose]: close,
  };
}
