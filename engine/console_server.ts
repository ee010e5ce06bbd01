/**
 * An engine board's console served like a real board's: on `tcp://127.0.0.1:PORT` (like the
 * ESP32's telnet console) and optionally on a terminal device (one end of a socat pseudo-terminal
 * pair, standing in for the USB serial port). Bytes from any client are typed into the console;
 * everything the board prints goes to every client. The REPL is the interpreter's own.
 *
 * @example
 * ```ts
 * import { EspruinoBoard } from "./board.ts";
 * import { serveConsole } from "./console_server.ts";
 * await using board = await EspruinoBoard.start({ board: "esp32c3" });
 * await using server = await serveConsole(board, { port: 2323 });
 * // deno task flash -- --port tcp://127.0.0.1:2323 --file app.js
 * ```
 *
 * @module
 */

import type { BoardConsole } from "./console.ts";

/** Called when a console client connects or goes away (for logs). */
export type ClientListener = (event: "connect" | "disconnect", where: string) => void;

/** Options of {@linkcode ConsoleLinks.open}. */
export interface ConsoleLinksOptions {
  /** Receives the bytes any client sends. */
  onInput: (bytes: Uint8Array) => void;
  /** Serve on TCP (default true). */
  tcp?: boolean;
  /** TCP address (default 127.0.0.1). */
  hostname?: string;
  /** TCP port; 0 picks a free one (the default). */
  port?: number;
  /** A terminal device to serve too, such as the board's end of a socat pseudo-terminal pair. */
  tty?: string;
  /** Called when a client connects or goes away. */
  onClient?: ClientListener;
}

interface Resource {
  read(buffer: Uint8Array): Promise<number | null>;
  write(bytes: Uint8Array): Promise<number>;
  close(): void;
}

/**
 * The wires of a console: a TCP listener and/or a terminal device. Input from any of them goes to
 * one place; output goes to all of them, like a real board's console that moves to whichever link
 * is in use.
 */
export class ConsoleLinks implements AsyncDisposable {
  #listener: Deno.TcpListener | undefined;
  #links = new Set<Resource>();
  #tasks: Promise<void>[] = [];
  #closing = false;
  #queue = Promise.resolve();
  readonly #options: ConsoleLinksOptions;

  private constructor(options: ConsoleLinksOptions) {
    this.#options = options;
  }

  /** Opens the links named in `options`. */
  static async open(options: ConsoleLinksOptions): Promise<ConsoleLinks> {
    const links = new ConsoleLinks(options);
    if (options.tty) await links.#openTty(options.tty);
    if (options.tcp ?? true) {
      try {
        links.#listener = Deno.listen({
          hostname: options.hostname ?? "127.0.0.1",
          port: options.port ?? 0,
        });
      } catch (error) {
        await links.close();
        throw error;
      }
      links.#tasks.push(links.#acceptLoop(links.#listener));
    }
    return links;
  }

  /** The TCP address, if serving TCP. */
  get addr(): Deno.NetAddr | undefined {
    return this.#listener?.addr;
  }

  /** `tcp://HOST:PORT` for `deno task flash --port`, if serving TCP. */
  get url(): string | undefined {
    const addr = this.addr;
    return addr ? `tcp://${addr.hostname}:${addr.port}` : undefined;
  }

  /** Sends bytes to every connected client, in order. */
  write(bytes: Uint8Array): void {
    if (this.#closing || bytes.length === 0) return;
    const links = [...this.#links];
    this.#queue = this.#queue.then(async () => {
      for (const link of links) {
        try {
          let offset = 0;
          while (offset < bytes.length) offset += await link.write(bytes.subarray(offset));
        } catch {
          // A client that went away is dropped by its read loop.
        }
      }
    });
  }

  /** Closes the listener, every client and the terminal device. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    this.#listener?.close();
    await this.#queue;
    for (const link of this.#links) link.close();
    await Promise.all(this.#tasks);
  }

  /** Same as {@linkcode close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  async #acceptLoop(listener: Deno.TcpListener): Promise<void> {
    while (!this.#closing) {
      let connection: Deno.TcpConn;
      try {
        connection = await listener.accept();
      } catch {
        break; // listener closed
      }
      connection.setNoDelay(true);
      const remote = connection.remoteAddr as Deno.NetAddr;
      this.#tasks.push(this.#serve(connection, `tcp ${remote.hostname}:${remote.port}`));
    }
  }

  async #openTty(path: string): Promise<void> {
    // Raw: the console sees every byte (Ctrl-C, DLE) and adds no CR or echo.
    const stty = await new Deno.Command("stty", {
      args: ["-F", path, "115200", "raw", "-echo", "-hupcl", "clocal"],
      stdout: "null",
      stderr: "piped",
    }).output();
    if (!stty.success) {
      throw new Error(
        `cannot set up ${path} as a console: ${new TextDecoder().decode(stty.stderr).trim()}`,
      );
    }
    // Two handles: Deno serialises operations on one handle, so a pending read would hold every
    // write back.
    const reader = await Deno.open(path, { read: true });
    const writer = await Deno.open(path, { write: true });
    this.#tasks.push(this.#serve({
      read: (buffer) => reader.read(buffer),
      write: (bytes) => writer.write(bytes),
      close: () => {
        reader.close();
        writer.close();
      },
    }, `tty ${path}`));
  }

  async #serve(resource: Resource, where: string): Promise<void> {
    let closed = false;
    const link: Resource = {
      read: (buffer) => resource.read(buffer),
      write: (bytes) => resource.write(bytes),
      close: () => {
        if (closed) return;
        closed = true;
        try {
          resource.close();
        } catch {
          // already closed
        }
      },
    };
    this.#links.add(link);
    this.#options.onClient?.("connect", where);
    const buffer = new Uint8Array(4096);
    try {
      while (!this.#closing) {
        const n = await resource.read(buffer);
        if (n === null) break;
        if (n === 0) {
          // A terminal whose other side is not open reads as empty: wait.
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        this.#options.onInput(buffer.slice(0, n));
      }
    } catch {
      // EIO when the terminal's other side goes away; a reset socket.
    }
    this.#links.delete(link);
    link.close();
    this.#options.onClient?.("disconnect", where);
  }
}

/** Options of {@linkcode serveConsole}. */
export interface ConsoleServerOptions {
  /** Serve on TCP (default true). */
  tcp?: boolean;
  /** TCP address (default 127.0.0.1). */
  hostname?: string;
  /** TCP port; 0 picks a free one (the default). */
  port?: number;
  /** A terminal device to serve too, such as the board's end of a socat pseudo-terminal pair. */
  tty?: string;
  /** Called when a client connects or goes away. */
  onClient?: ClientListener;
}

/** A board's console being served. Closing it leaves the board running. */
export interface ConsoleServer extends AsyncDisposable {
  /** `tcp://HOST:PORT` to connect or flash to, when serving TCP. */
  readonly url: string | undefined;
  /** The TCP address, when serving TCP. */
  readonly addr: Deno.NetAddr | undefined;
  /** Stops serving: the listener and every client are closed. */
  close(): Promise<void>;
}

/**
 * Serves a board's console (anything with an engine {@linkcode BoardConsole}, such as an
 * `EspruinoBoard`): client bytes are typed into it, its output from now on goes to every client.
 */
export async function serveConsole(
  board: { readonly console: BoardConsole },
  options: ConsoleServerOptions = {},
): Promise<ConsoleServer> {
  const links = await ConsoleLinks.open({
    ...options,
    onInput: (bytes) => board.console.write(bytes),
  });
  const unlisten = board.console.listen((bytes) => links.write(bytes.slice()));
  const close = async () => {
    unlisten();
    await links.close();
  };
  return {
    url: links.url,
    addr: links.addr,
    close,
    [Symbol.asyncDispose]: close,
  };
}
