/**
 * A WebSocket client over a bare TCP socket, for what real clients refuse to
 * do: send paths they would normalise, skip pongs, stop reading, send
 * malformed frames.
 *
 * @module
 */

/** An HTTP response head read off a raw socket. */
export interface RawResponse {
  /** Status code. */
  status: number;
  /** Header names in lower case. */
  headers: Map<string, string>;
  /** Whatever followed the head in the same reads (the body, or the first frames). */
  rest: Uint8Array;
}

/** Settings of {@linkcode RawClient.connect}. */
export interface RawConnectOptions {
  /** Relay port on 127.0.0.1. */
  port: number;
  /** Request target, sent exactly as given. */
  path: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Send `Upgrade: websocket` and a key (default true). */
  upgrade?: boolean;
}

/** One decoded frame. */
export interface RawFrame {
  /** FIN bit. */
  fin: boolean;
  /** Opcode. */
  opcode: number;
  /** Unmasked payload. */
  payload: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Encodes a client frame (masked unless `mask` is false). */
export function encodeFrame(
  frame: { opcode: number; payload?: Uint8Array | string; fin?: boolean; mask?: boolean },
): Uint8Array {
  const payload = typeof frame.payload === "string"
    ? encoder.encode(frame.payload)
    : frame.payload ?? new Uint8Array();
  const masked = frame.mask !== false;
  const length = payload.length;
  const head: number[] = [(frame.fin === false ? 0 : 0x80) | frame.opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) {
    head.push(maskBit | length);
  } else if (length < 65536) {
    head.push(maskBit | 126, length >> 8, length & 0xff);
  } else {
    head.push(maskBit | 127, 0, 0, 0, 0);
    head.push((length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  }
  const key = masked ? crypto.getRandomValues(new Uint8Array(4)) : new Uint8Array();
  const body = new Uint8Array(length);
  for (let i = 0; i < length; i++) body[i] = masked ? payload[i] ^ key[i & 3] : payload[i];
  return concat(concat(new Uint8Array(head), key), body);
}

/** A raw WebSocket (or plain HTTP) connection to the relay. */
export class RawClient {
  /** The TCP connection. */
  readonly conn: Deno.TcpConn;
  #buffer: Uint8Array;
  #closed = false;

  private constructor(conn: Deno.TcpConn, rest: Uint8Array) {
    this.conn = conn;
    this.#buffer = rest;
  }

  /** Connects, sends the request head and reads the response head. */
  static async connect(
    options: RawConnectOptions,
  ): Promise<{ client: RawClient; response: RawResponse }> {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port: options.port });
    const lines = [`GET ${options.path} HTTP/1.1`, `Host: 127.0.0.1:${options.port}`];
    if (options.upgrade !== false) {
      const key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
      lines.push(
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${key}`,
        "Sec-WebSocket-Version: 13",
      );
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      lines.push(`${name}: ${value}`);
    }
    await conn.write(encoder.encode(lines.join("\r\n") + "\r\n\r\n"));
    let data: Uint8Array = new Uint8Array();
    const chunk = new Uint8Array(4096);
    let end = -1;
    while (end === -1) {
      const n = await conn.read(chunk);
      if (n === null) break;
      data = concat(data, chunk.subarray(0, n));
      end = decoder.decode(data).indexOf("\r\n\r\n");
    }
    if (end === -1) {
      conn.close();
      throw new Error("connection closed before a response head arrived");
    }
    const headText = decoder.decode(data).slice(0, end);
    const headBytes = encoder.encode(headText + "\r\n\r\n").length;
    const [statusLine, ...headerLines] = headText.split("\r\n");
    const headers = new Map<string, string>();
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const rest = data.slice(headBytes);
    const response = { status: Number(statusLine.split(" ")[1]), headers, rest };
    return { client: new RawClient(conn, rest), response };
  }

  /** Sends a frame. */
  async send(frame: Parameters<typeof encodeFrame>[0]): Promise<void> {
    await this.write(encodeFrame(frame));
  }

  /** Writes raw bytes. */
  async write(bytes: Uint8Array): Promise<void> {
    let written = 0;
    while (written < bytes.length) written += await this.conn.write(bytes.subarray(written));
  }

  /** Reads the next frame, or `null` when the connection ends first. */
  async readFrame(timeoutMs = 5000): Promise<RawFrame | null> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const frame = this.#parse();
      if (frame) return frame;
      if (Date.now() > deadline) throw new Error(`no frame within ${timeoutMs} ms`);
      const chunk = new Uint8Array(65536);
      const n = await this.#readWithTimeout(chunk, deadline - Date.now());
      if (n === null) return null;
      this.#buffer = concat(this.#buffer, chunk.subarray(0, n));
    }
  }

  /** Reads until `count` bytes after the head are buffered or the connection ends. */
  async readAtLeast(count: number, timeoutMs = 5000): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    const chunk = new Uint8Array(65536);
    while (this.#buffer.length < count) {
      const n = await this.#readWithTimeout(chunk, deadline - Date.now());
      if (n === null) break;
      this.#buffer = concat(this.#buffer, chunk.subarray(0, n));
    }
    return this.#buffer;
  }

  /** Closes the TCP connection without a closing handshake. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.conn.close();
    } catch {
      // already closed by the peer
    }
  }

  async #readWithTimeout(into: Uint8Array, ms: number): Promise<number | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no data within the time limit`)), Math.max(ms, 1));
    });
    try {
      return await Promise.race([this.conn.read(into).catch(() => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  #parse(): RawFrame | null {
    const b = this.#buffer;
    if (b.length < 2) return null;
    let length = b[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return null;
      length = (b[2] << 8) | b[3];
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return null;
      length = Number(new DataView(b.buffer, b.byteOffset + 2, 8).getBigUint64(0));
      offset = 10;
    }
    if (b.length < offset + length) return null;
    const frame = {
      fin: (b[0] & 0x80) !== 0,
      opcode: b[0] & 0x0f,
      payload: b.slice(offset, offset + length),
    };
    this.#buffer = b.slice(offset + length);
    return frame;
  }
}

/** Sends one request over a raw socket and returns the status and body text. */
export async function rawRequest(
  options: RawConnectOptions,
): Promise<{ status: number; body: string }> {
  const { client, response } = await RawClient.connect(options);
  try {
    const length = Number(response.headers.get("content-length") ?? "0");
    const body = await client.readAtLeast(length);
    return { status: response.status, body: decoder.decode(body.subarray(0, length)) };
  } finally {
    client.close();
  }
}

/** Close code and reason carried by a close frame's payload. */
export function closePayload(payload: Uint8Array): { code: number; reason: string } {
  if (payload.length < 2) return { code: 1005, reason: "" };
  return { code: (payload[0] << 8) | payload[1], reason: decoder.decode(payload.subarray(2)) };
}
