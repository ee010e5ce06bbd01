/**
 * Helpers for tests that put a {@linkcode VirtualBoard} against real servers: a TCP or TLS
 * server on 127.0.0.1 that records what each connection receives, and a polling wait.
 *
 * @module
 */

/** Polls `check` every 5 ms until it returns true; rejects with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** One accepted connection of a {@linkcode TestServer}. */
export class TestPeer {
  #conn: Deno.Conn;
  #chunks: Uint8Array[] = [];
  #ended = false;
  #closed = false;
  /** Resolves when the board closed its side (or the connection failed). */
  readonly ended: Promise<void>;
  #loop: Promise<void>;

  /** Starts recording what `conn` receives. */
  constructor(conn: Deno.Conn) {
    this.#conn = conn;
    let markEnded!: () => void;
    this.ended = new Promise((resolve) => markEnded = resolve);
    this.#loop = (async () => {
      const buffer = new Uint8Array(64 * 1024);
      try {
        for (;;) {
          const n = await conn.read(buffer);
          if (n === null) break;
          this.#chunks.push(buffer.slice(0, n));
        }
      } catch {
        // Closed locally or reset: either way nothing more arrives.
      }
      this.#ended = true;
      markEnded();
    })();
  }

  /** Everything received so far. */
  bytes(): Uint8Array {
    const total = this.#chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  /** Everything received so far, one char per byte. */
  text(): string {
    let out = "";
    for (const byte of this.bytes()) out += String.fromCharCode(byte);
    return out;
  }

  /** The board has closed its side. */
  get isEnded(): boolean {
    return this.#ended;
  }

  /** Sends bytes (a string is sent one byte per char, chars must be ≤ 255). */
  async write(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === "string" ? Uint8Array.from(data, (ch) => ch.charCodeAt(0)) : data;
    let offset = 0;
    while (offset < bytes.length) offset += await this.#conn.write(bytes.subarray(offset));
  }

  /** Closes the connection (a FIN, or a TLS close_notify first). */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      try {
        this.#conn.close();
      } catch {
        // Already closed.
      }
    }
    await this.#loop;
  }
}

/** A TCP (or TLS) server on 127.0.0.1 and a free port. */
export class TestServer implements AsyncDisposable {
  #listener: Deno.Listener;
  #accepting: Promise<void>;
  #waiters: ((peer: TestPeer) => void)[] = [];
  #taken = 0;
  /** Every accepted connection, in order. */
  readonly peers: TestPeer[] = [];
  /** The port it listens on. */
  readonly port: number;

  /**
   * Starts listening at once.
   *
   * @param options `tls` makes it a TLS server with that certificate and key (PEM).
   */
  constructor(options: { tls?: { cert: string; key: string } } = {}) {
    const listener = options.tls
      ? Deno.listenTls({ hostname: "127.0.0.1", port: 0, ...options.tls })
      : Deno.listen({ hostname: "127.0.0.1", port: 0 });
    this.#listener = listener;
    this.port = (listener.addr as Deno.NetAddr).port;
    this.#accepting = (async () => {
      try {
        for await (const conn of listener) {
          const peer = new TestPeer(conn);
          this.peers.push(peer);
          const waiter = this.#waiters.shift();
          if (waiter) {
            this.#taken++;
            waiter(peer);
          }
        }
      } catch {
        // Listener closed.
      }
    })();
  }

  /** The first connection not yet returned by this method, waiting for it if needed. */
  nextPeer(timeoutMs = 5000): Promise<TestPeer> {
    if (this.#taken < this.peers.length) return Promise.resolve(this.peers[this.#taken++]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no connection arrived")), timeoutMs);
      this.#waiters.push((peer) => {
        clearTimeout(timer);
        resolve(peer);
      });
    });
  }

  /** Closes the listener and every connection. */
  async close(): Promise<void> {
    try {
      this.#listener.close();
    } catch {
      // Already closed.
    }
    await this.#accepting;
    await Promise.all(this.peers.map((peer) => peer.close()));
  }

  /** Same as {@linkcode close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
