/**
 * A scriptable WebSocket server over bare TCP, for what the relay never does
 * to a client: fragmented messages, pings with payloads, frames in the same
 * write as the 101, protocol violations, refusals and wrong accept values.
 * Frames are binary strings, as in `device_frames.ts`.
 *
 * @module
 */

import { type ClientFrame, fromBytes, sha1, takeFrame, toBytes } from "./device_frames.ts";
import { delay } from "../testing/wait.ts";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** What the server answers to a handshake request. */
export interface HandshakeAnswer {
  /** HTTP status (default 101). */
  status?: number;
  /** Headers instead of the correct upgrade headers. */
  headers?: string[];
  /** Bytes written right after the head, in the same write (frames, or a body). */
  after?: string;
  /** Write the head one line at a time (each ending in "\r\n"), 30 ms apart. */
  lineByLine?: boolean;
}

/** Settings of {@linkcode startWsServer}. */
export interface WsServerOptions {
  /** Decides the answer to each request (default: a correct 101). */
  answer?: (request: WsRequest) => HandshakeAnswer;
  /** Port to listen on (default: a free one), e.g. the port of a server that was stopped. */
  port?: number;
}

/** A handshake request as received. */
export interface WsRequest {
  /** Request line. */
  line: string;
  /** Header names in lower case. */
  headers: Map<string, string>;
}

/** One accepted connection. */
export interface WsConnection {
  /** The request it started with. */
  request: WsRequest;
  /** Writes raw bytes (a binary string). */
  send(bytes: string): Promise<void>;
  /** The next frame from the client, or null when the connection ended first. */
  nextFrame(timeoutMs?: number): Promise<ClientFrame | null>;
  /** Resolves when the client closed the TCP connection (or it was closed here). */
  ended: Promise<void>;
  /** Closes the TCP connection. */
  close(): void;
}

/** A running server. */
export interface WsServer extends AsyncDisposable {
  /** `ws://127.0.0.1:PORT/`. */
  url: string;
  /** The next connection whose handshake was answered. */
  accept(timeoutMs?: number): Promise<WsConnection>;
  /** Connections answered so far. */
  count(): number;
  /** TCP connections open on the server's side now. */
  open(): number;
}

/** The correct `Sec-WebSocket-Accept` for a key. */
export function acceptOf(key: string): string {
  return btoa(sha1(key + GUID));
}

/** Starts a server on 127.0.0.1 and a free port. */
export function startWsServer(options: WsServerOptions = {}): WsServer {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: options.port ?? 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const ready: WsConnection[] = [];
  const waiting: ((c: WsConnection) => void)[] = [];
  const conns = new Set<Deno.TcpConn>();
  const tasks = new Set<Promise<void>>();
  let answered = 0;

  const serve = async (conn: Deno.TcpConn) => {
    let buffer = "";
    let ended = false;
    let wake: (() => void) | undefined;
    const chunk = new Uint8Array(65536);
    const reading = (async () => {
      try {
        while (true) {
          const n = await conn.read(chunk);
          if (n === null) break;
          buffer += fromBytes(chunk.subarray(0, n));
          wake?.();
        }
      } catch {
        // reset or closed here
      }
      ended = true;
      wake?.();
    })();
    const more = () => new Promise<void>((resolve) => (wake = resolve));
    while (!buffer.includes("\r\n\r\n") && !ended) await more();
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
      // The client left before its request was complete (a slow interpreter killed at the end
      // of a test): close our side too.
      await reading;
      if (conns.delete(conn)) conn.close();
      return;
    }
    const [line, ...lines] = buffer.slice(0, end).split("\r\n");
    buffer = buffer.slice(end + 4);
    const headers = new Map<string, string>();
    for (const l of lines) {
      const colon = l.indexOf(":");
      headers.set(l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim());
    }
    const request = { line, headers };
    const answer = options.answer?.(request) ?? {};
    const status = answer.status ?? 101;
    const head = answer.headers ?? [
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Accept: ${acceptOf(headers.get("sec-websocket-key") ?? "")}`,
    ];
    const text = `HTTP/1.1 ${status} ${status === 101 ? "Switching Protocols" : "Refused"}\r\n` +
      head.map((h) => h + "\r\n").join("") + "\r\n" + (answer.after ?? "");
    const write = async (bytes: string) => {
      const data = toBytes(bytes);
      for (let at = 0; at < data.length;) at += await conn.write(data.subarray(at));
    };
    try {
      if (answer.lineByLine) {
        for (const line of text.split(/(?<=\r\n)/)) {
          await write(line);
          await delay(30);
        }
      } else await write(text);
    } catch {
      // the client went away
    }
    answered++;
    const close = () => {
      if (!conns.delete(conn)) return;
      try {
        conn.close();
      } catch {
        // already closed
      }
    };
    const connection: WsConnection = {
      request,
      send: write,
      async nextFrame(timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        while (true) {
          const taken = takeFrame(buffer);
          if (taken) {
            buffer = buffer.slice(taken.size);
            return taken.frame;
          }
          if (ended) return null;
          const left = deadline - Date.now();
          if (left <= 0) throw new Error(`no frame within ${timeoutMs} ms`);
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            more(),
            new Promise<void>((resolve) => (timer = setTimeout(resolve, left))),
          ]);
          clearTimeout(timer);
        }
      },
      ended: reading,
      close,
    };
    const waiter = waiting.shift();
    if (waiter) waiter(connection);
    else ready.push(connection);
    await reading;
    close();
  };

  const accepting = (async () => {
    try {
      for await (const conn of listener) {
        conns.add(conn);
        const task = serve(conn);
        tasks.add(task);
        task.finally(() => tasks.delete(task));
      }
    } catch {
      // listener closed
    }
  })();

  return {
    url: `ws://127.0.0.1:${port}/`,
    accept(timeoutMs = 5000) {
      const queued = ready.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(onConnection), 1);
          reject(new Error(`no connection within ${timeoutMs} ms`));
        }, timeoutMs);
        const onConnection = (c: WsConnection) => {
          clearTimeout(timer);
          resolve(c);
        };
        waiting.push(onConnection);
      });
    },
    count: () => answered,
    open: () => conns.size,
    async [Symbol.asyncDispose]() {
      listener.close();
      await accepting;
      for (const conn of conns) {
        try {
          conn.close();
        } catch {
          // already closed
        }
      }
      conns.clear();
      await Promise.all([...tasks]);
    },
  };
}
