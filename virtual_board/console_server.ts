/**
 * The virtual board's console, served like a real board's: on
 * `tcp://127.0.0.1:PORT` (like the ESP32's telnet console) and on a
 * terminal device (one end of a pseudo-terminal pair, standing in for the
 * USB serial port). It speaks Espruino's REPL as the `espruino` tool expects
 * it: echo, the `>` prompt, `\x10` lines run without echo, `=value` results,
 * `Uncaught …` errors, Ctrl-C, Alt-Enter continuation lines, `echo(0|1)`;
 * `reset()`, `load()`, `E.setBootCode()` and Storage are the board's own.
 *
 * Uses only the VirtualBoard's public API.
 *
 * @example
 * ```ts
 * await using server = await startConsoleServer({ boot: { code: 'print("hi")' } });
 * // deno task flash -- --port ${server.url} --file app.js
 * ```
 *
 * @module
 */

import { VirtualBoard, type VirtualBoardOptions } from "./mod.ts";
import {
  ConsoleLinks as EngineLinks,
  type ConsoleLinksOptions as EngineLinksOptions,
} from "../engine/console_server.ts";

/** Options for {@link EspruinoRepl}. */
export interface EspruinoReplOptions {
  /** Evaluates one input line; returns its value or throws. */
  evaluate: (code: string) => unknown;
  /** Sends bytes (as a one-char-per-byte string) to every console client. */
  write: (text: string) => void;
}

/** Counts open brackets the way Espruino decides whether an input line is complete. */
export function countBrackets(code: string): number {
  let depth = 0;
  let i = 0;
  let previous = "";
  while (i < code.length) {
    const ch = code[i];
    const next = code[i + 1];
    if (ch === "/" && next === "/") {
      const end = code.indexOf("\n", i);
      if (end < 0) return depth;
      i = end;
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = code.indexOf("*/", i + 2);
      if (end < 0) return 1000; // unfinished comment: wait for the rest
      i = end + 2;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== ch && (ch === "`" || code[j] !== "\n")) {
        j += code[j] === "\\" ? 2 : 1;
      }
      if (j >= code.length || code[j] !== ch) {
        // Espruino runs an unfinished string at once (so it errors) but waits
        // for the end of a template literal.
        return ch === "`" ? 1000 : 0;
      }
      i = j + 1;
      previous = "a";
      continue;
    }
    if (ch === "/" && (previous === "" || /[(,=:[!&|?{};+\-*%<>~^]/.test(previous))) {
      // A regular expression literal: its brackets do not count.
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== "\n") {
        if (code[j] === "\\") j++;
        else if (code[j] === "[") inClass = true;
        else if (code[j] === "]") inClass = false;
        else if (code[j] === "/" && !inClass) break;
        j++;
      }
      i = j + 1;
      previous = "a";
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth < 0) return depth; // a closing bracket first: run it so it errors
    }
    if (!/\s/.test(ch)) previous = /[\w$)\]]/.test(ch) ? "a" : ch;
    i++;
  }
  return depth;
}

/** Formats a result the way Espruino prints `=value` after a line. */
export function formatValue(value: unknown, depth = 0): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return depth === 0 ? JSON.stringify(value) : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "function") return `function ${value.name ?? ""}() { [native code] }`;
  if (depth > 3) return "...";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[ ]";
    return `[ ${value.map((item) => formatValue(item, depth + 1)).join(", ")} ]`;
  }
  if (typeof value === "object") {
    let entries: [string, unknown][];
    try {
      entries = Object.entries(value as Record<string, unknown>);
    } catch {
      return "{ }";
    }
    if (entries.length === 0) return "{ }";
    const body = entries
      .map(([key, item]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${
          formatValue(item, depth + 1)
        }`
      )
      .join(", ");
    return `{ ${body} }`;
  }
  return String(value);
}

/** How Espruino reports an uncaught error. */
export function formatError(error: unknown): string {
  // The board's errors come from another realm: `instanceof Error` is false.
  if (typeof error === "object" && error !== null && "message" in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `Uncaught ${typeof name === "string" && name ? name : "Error"}: ${message}`;
  }
  if (typeof error === "string") return `Uncaught ${JSON.stringify(error)}`;
  return `Uncaught ${formatValue(error)}`;
}

/**
 * Espruino's line editor and REPL, as a state machine from console input
 * bytes to console output bytes. Mirrors `jsinteractive.c`: the prompt is
 * taken off the line before any output and put back after it.
 */
export class EspruinoRepl {
  #input = "";
  #echo = true;
  #echoOffForLine = false;
  #lineRemoved = false; // the board printed its prompt at boot, before any client
  #escape: "" | "esc" | "csi" | "csi-number" | "ss3" = "";
  #hadCR = false;
  readonly #evaluate: (code: string) => unknown;
  readonly #write: (text: string) => void;

  /** Creates a REPL over an evaluator and an output. */
  constructor(options: EspruinoReplOptions) {
    this.#evaluate = options.evaluate;
    this.#write = options.write;
  }

  /** Whether results and typed characters are echoed (`echo(0)` turns it off). */
  get echo(): boolean {
    return this.#echo;
  }

  /** `echo(on)` from the board's code. */
  setEcho(on: boolean): void {
    this.#echo = on;
  }

  /** The current, not yet executed, input. */
  get inputLine(): string {
    return this.#input;
  }

  #echoOn(): boolean {
    return this.#echo && !this.#echoOffForLine;
  }

  #showInputLine(): boolean {
    return this.#echoOn() && !this.#lineRemoved;
  }

  /** Takes the prompt and input line off the screen before other output. */
  removeInputLine(): void {
    if (this.#lineRemoved) return;
    this.#lineRemoved = true;
    if (this.#echoOn()) this.#write("\r\x1b[J");
  }

  /** Puts the prompt and input line back (Espruino does it once per idle loop). */
  returnInputLine(): void {
    if (!this.#lineRemoved) return;
    this.#lineRemoved = false;
    if (this.#echoOn()) this.#write(">" + this.#input.replace(/\n/g, "\r\n:"));
  }

  /** Prints text from the board's program (`print`, `console.log`, errors). */
  print(text: string): void {
    this.removeInputLine();
    this.#write(text.replace(/\r?\n/g, "\r\n"));
  }

  /** Feeds console input bytes (a one-char-per-byte string). */
  input(text: string): void {
    for (const ch of text) this.#handleChar(ch);
    this.returnInputLine();
  }

  #handleChar(ch: string): void {
    const code = ch.charCodeAt(0);
    if (this.#escape === "esc") {
      this.#escape = ch === "[" ? "csi" : ch === "O" ? "ss3" : "";
      if (ch === "\n") this.#newLine(false); // Alt-Enter: new line, do not run
      return;
    }
    if (this.#escape === "csi") {
      // Cursor keys and `ESC [ n d` (line numbers) carry no meaning here.
      this.#escape = /[0-9]/.test(ch) ? "csi-number" : "";
      return;
    }
    if (this.#escape === "csi-number") {
      if (!/[0-9]/.test(ch)) this.#escape = "";
      return;
    }
    if (this.#escape === "ss3") {
      this.#escape = "";
      return;
    }
    if (code === 0) return;
    if (code === 3) {
      // Ctrl-C: drop the line being typed.
      if (this.#input !== "") {
        this.removeInputLine();
        this.#input = "";
      }
      this.#echoOffForLine = false;
      return;
    }
    if (code === 21 || code === 23) { // Ctrl-U, Ctrl-W
      if (this.#input !== "") {
        this.removeInputLine();
        this.#input = "";
      }
      return;
    }
    if (code === 27) {
      this.#escape = "esc";
      return;
    }
    if (code === 16 && this.#input === "") {
      // DLE at the start of a line: run this line without echo.
      this.#echoOffForLine = true;
      return;
    }
    if (code === 8 || code === 127) {
      if (this.#input === "" || this.#input.endsWith("\n")) return;
      this.#input = this.#input.slice(0, -1);
      if (this.#showInputLine()) this.#write("\x08 \x08");
      return;
    }
    if (ch === "\n" && this.#hadCR) {
      this.#hadCR = false; // CR LF: already handled at the CR
      return;
    }
    this.#hadCR = ch === "\r";
    if (ch === "\r" || ch === "\n") {
      this.#newLine(true);
      return;
    }
    if (code >= 32 || ch === "\t") {
      const add = ch === "\t" ? "    " : ch;
      this.#input += add;
      if (this.#showInputLine()) this.#write(add);
    }
  }

  #newLine(execute: boolean): void {
    if (!execute || countBrackets(this.#input) > 0) {
      if (this.#showInputLine()) this.#write("\r\n:");
      this.#input += "\n";
      return;
    }
    if (this.#showInputLine()) this.#write("\r\n");
    if (!this.#echoOffForLine) this.#lineRemoved = true;
    const line = this.#input.trimEnd();
    this.#input = "";
    let value: unknown;
    let failed = false;
    let error: unknown;
    try {
      // Echo is the console's own state (jsiStatus on the device).
      const echo = /^echo\(\s*(1|true|0|false)?\s*\);?$/.exec(line);
      if (echo) this.#echo = echo[1] === "1" || echo[1] === "true";
      else value = line === "" ? undefined : this.#evaluate(line);
    } catch (caught) {
      failed = true;
      error = caught;
    }
    if (failed) {
      this.removeInputLine();
      this.#write(formatError(error).replace(/\n/g, "\r\n") + "\r\n");
    } else if (this.#echoOn() && line !== "") {
      this.#write("=" + formatValue(value).replace(/\n/g, "\r\n") + "\r\n");
    }
    this.#echoOffForLine = false;
  }
}

/** Options for {@link ConsoleLinks}. */
export interface ConsoleLinksOptions extends Omit<EngineLinksOptions, "onInput"> {
  /** Receives input bytes from any client (one char per byte). */
  onInput: (text: string) => void;
}

const encoder = new TextEncoder();

/**
 * Console text to bytes: Espruino strings are bytes, so chars up to 255 are
 * sent as they are; anything above (an em dash in an error message) as UTF-8.
 */
function toBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else bytes.push(...encoder.encode(ch));
  }
  return Uint8Array.from(bytes);
}

function toText(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * The wires of a console (a TCP listener and/or a terminal device, see the engine's
 * {@link EngineLinks}), speaking text of one char per byte as the REPL here does.
 */
export class ConsoleLinks implements AsyncDisposable {
  readonly #links: EngineLinks;

  private constructor(links: EngineLinks) {
    this.#links = links;
  }

  /** Opens the links named in `options`. */
  static async open(options: ConsoleLinksOptions): Promise<ConsoleLinks> {
    return new ConsoleLinks(
      await EngineLinks.open({ ...options, onInput: (bytes) => options.onInput(toText(bytes)) }),
    );
  }

  /** The TCP address, if serving TCP. */
  get addr(): Deno.NetAddr | undefined {
    return this.#links.addr;
  }

  /** `tcp://HOST:PORT` for `deno task flash --port`, if serving TCP. */
  get url(): string | undefined {
    return this.#links.url;
  }

  /** Sends console output to every connected client, in order. */
  write(text: string): void {
    if (text !== "") this.#links.write(toBytes(text));
  }

  /** Closes the listener, every client and the terminal device. */
  close(): Promise<void> {
    return this.#links.close();
  }

  /** Same as {@link close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/** Options for {@link startConsoleServer}. */
export interface ConsoleServerOptions {
  /** How to boot the board; its `onConsole` is still called. */
  boot: VirtualBoardOptions;
  /** Serve on TCP. Default true. */
  tcp?: boolean;
  /** TCP address. Default 127.0.0.1. */
  hostname?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** A terminal device to serve, such as one end of a socat pseudo-terminal pair. */
  tty?: string;
  /** Called when a console client connects or goes away. */
  onClient?: (event: "connect" | "disconnect", where: string) => void;
}

/** A running virtual board with its console served. */
export interface ConsoleServer extends AsyncDisposable {
  /** The board behind the console. */
  readonly board: VirtualBoard;
  /** The REPL (for its echo state and current input line). */
  readonly repl: EspruinoRepl;
  /** `tcp://HOST:PORT` to flash to, when serving TCP. */
  readonly url: string | undefined;
  /** The TCP address, when serving TCP. */
  readonly addr: Deno.NetAddr | undefined;
  /** Closes the console links, then stops the board. */
  close(): Promise<void>;
}

/**
 * Boots a virtual board and serves its console on TCP and/or a terminal
 * device. What the board prints goes to every console client, as it
 * would on the device.
 */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  // The REPL and the links refer to each other, and the board comes last.
  let board: VirtualBoard | undefined;
  const wires: { links?: ConsoleLinks } = {};
  const repl = new EspruinoRepl({
    evaluate: (code) => {
      if (!board) throw new Error("the board is not running");
      return board.eval(code);
    },
    write: (text) => wires.links?.write(text),
  });
  let returnQueued = false;
  const userOnConsole = options.boot.onConsole;
  const onConsole = (line: string) => {
    userOnConsole?.(line);
    repl.print(line + "\n");
    // The device puts the prompt back once per idle loop, not after every line.
    if (!returnQueued) {
      returnQueued = true;
      queueMicrotask(() => {
        returnQueued = false;
        repl.returnInputLine();
      });
    }
  };
  const openLinks = await ConsoleLinks.open({
    onInput: (text) => repl.input(text),
    tcp: options.tcp,
    hostname: options.hostname,
    port: options.port,
    tty: options.tty,
    onClient: options.onClient,
  });
  wires.links = openLinks;
  try {
    board = await VirtualBoard.boot({ ...options.boot, onConsole });
  } catch (error) {
    await openLinks.close();
    throw error;
  }
  const running = board;
  const server: ConsoleServer = {
    board: running,
    repl,
    url: openLinks.url,
    addr: openLinks.addr,
    async close() {
      await openLinks.close();
      await running.stop();
    },
    [Symbol.asyncDispose]() {
      return server.close();
    },
  };
  return server;
}
