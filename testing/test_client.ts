/**
 * Shared pieces of the relay tests: an in-process relay on an ephemeral
 * port, and WebSocket clients with a message
 * queue that can be awaited.
 *
 * @module
 */

import { createLogger } from "../relay/logger.ts";
import { DEFAULT_OPTIONS, type RelayOptions } from "../relay/options.ts";
import { type RunningRelay, startRelay } from "../relay/serve.ts";
import type { ClusterNode } from "../relay/cluster.ts";
import { delay } from "./wait.ts";

/** A relay started for one test, with the log lines it wrote. */
export interface TestRelay extends AsyncDisposable {
  /** The running relay. */
  running: RunningRelay;
  /** Base URL, like `ws://127.0.0.1:PORT/`. */
  url: string;
  /** `http://127.0.0.1:PORT` for plain requests. */
  httpUrl: string;
  /** Every log line, as JSON text. */
  logs: string[];
}

/**
 * Starts an in-process relay on 127.0.0.1 and a free port; with `cluster`, as
 * that node of a cluster, its log lines going to the node's `logs`.
 */
export function startTestRelay(
  overrides: Partial<RelayOptions> = {},
  tls?: { cert: string; key: string },
  cluster?: { node: ClusterNode; logs: string[] },
): TestRelay {
  const logs = cluster?.logs ?? [];
  const options: RelayOptions = {
    ...DEFAULT_OPTIONS,
    host: "127.0.0.1",
    port: 0,
    logLevel: "debug",
    logFormat: "json",
    ...overrides,
  };
  const logger = createLogger({
    level: options.logLevel,
    format: options.logFormat,
    write: (line) => logs.push(line),
  });
  const running = startRelay({ options, logger, tls, registry: cluster?.node });
  const scheme = options.tls ? "https" : "http";
  return {
    running,
    url: running.url,
    httpUrl: `${scheme}://127.0.0.1:${running.addr.port}`,
    logs,
    async [Symbol.asyncDispose]() {
      await running.shutdown();
    },
  };
}

/** A message as received: text, or binary bytes. */
export type Received = string | Uint8Array;

/**
 * Whether a message is the SOS firmware's retained status (sent on every
 * connect and every `statusEvery` cycles): tests that count `SOS!` lines skip it.
 */
export function isRetainedStatus(message: Received): boolean {
  return typeof message === "string" && message.startsWith('{"from":') &&
    message.includes('"retain":true,"status":');
}

/** Options of {@linkcode TestClient.open}. */
export interface TestClientOptions {
  /** An HTTP client (a private CA, for wss). */
  client?: Deno.HttpClient;
  /** Messages for which this returns true are dropped, never queued. */
  ignore?: (message: Received) => boolean;
}

/** A Deno `WebSocket` whose messages and close can be awaited. */
export class TestClient implements AsyncDisposable {
  /** The underlying socket. */
  readonly socket: WebSocket;
  /** Resolves with the close event, whoever closed. */
  readonly closed: Promise<CloseEvent>;
  #queue: Received[] = [];
  #waiters: ((message: Received) => void)[] = [];

  private constructor(socket: WebSocket, ignore?: (message: Received) => boolean) {
    this.socket = socket;
    socket.binaryType = "arraybuffer";
    socket.onmessage = (event) => {
      const message = typeof event.data === "string" ? event.data : new Uint8Array(event.data);
      if (ignore?.(message)) return;
      const waiter = this.#waiters.shift();
      if (waiter) waiter(message);
      else this.#queue.push(message);
    };
    this.closed = new Promise((resolve) => socket.addEventListener("close", resolve));
  }

  /** Opens a connection and waits until it is open; rejects with the error text on refusal. */
  static async open(url: string, options?: TestClientOptions): Promise<TestClient> {
    const socket = options?.client
      ? new WebSocket(url, { client: options.client } as unknown as string[])
      : new WebSocket(url);
    const client = new TestClient(socket, options?.ignore);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", (event) => {
        reject(new Error((event as ErrorEvent).message ?? "websocket error"));
      }, { once: true });
    }).catch(async (error) => {
      await client.closed;
      throw error;
    });
    return client;
  }

  /** Messages received and not yet taken. */
  get pending(): number {
    return this.#queue.length;
  }

  /** The next message, or a rejection after `timeoutMs`. */
  next(timeoutMs = 3000): Promise<Received> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(onMessage), 1);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: Received) => {
        clearTimeout(timer);
        resolve(message);
      };
      this.#waiters.push(onMessage);
    });
  }

  /** Resolves true if no message arrives within `ms`. */
  async silentFor(ms: number): Promise<boolean> {
    await delay(ms);
    return this.#queue.length === 0;
  }

  /** Closes (if still open) and waits for the close event. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.socket.readyState < WebSocket.CLOSING) this.socket.close();
    await this.closed;
  }
}

/** Opens several clients named `prefix0`, `prefix1`, … */
export function openClients(base: string, prefix: string, count: number): Promise<TestClient[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => TestClient.open(`${base}${prefix}${i}`)),
  );
}

/** Closes clients and waits for each close event. */
export async function closeAll(clients: TestClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client[Symbol.asyncDispose]()));
}

/** The log lines whose event is `event`, parsed. */
export function logEvents(logs: string[], event: string): Record<string, unknown>[] {
  return logs.map((line) => JSON.parse(line)).filter((entry) => entry.event === event);
}

/** Numbers a sender is publishing as fast as the relay takes them: "0", "1", "2", … */
export interface NumberStream {
  /** How many were sent so far (the last one is `sent - 1`). */
  readonly sent: number;
  /** Stops sending and resolves once the last batch went out. */
  stop(): Promise<void>;
}

/** Starts sending consecutive numbers from `sender`, `batch` at a time, 1 ms apart. */
export function startNumberStream(sender: TestClient, batch = 20): NumberStream {
  let sent = 0;
  let streaming = true;
  const done = (async () => {
    while (streaming) {
      for (let i = 0; i < batch; i++) sender.socket.send(String(sent++));
      await delay(1);
    }
  })();
  return {
    get sent() {
      return sent;
    },
    stop() {
      streaming = false;
      return done;
    },
  };
}
