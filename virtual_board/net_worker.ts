/**
 * Worker that owns the virtual board's real TCP/TLS sockets, so the board's JavaScript thread
 * can block on a connect (with `Atomics.wait`) exactly like Espruino's `connect` does while
 * this worker's own event loop performs it. Not part of the public API.
 *
 * @module
 */

import net from "node:net";
import tls from "node:tls";
import type { CloseCause, FromWorker, ToWorker } from "./net_protocol.ts";
import { CHUNK_SIZE, ConnectStatus } from "./net_protocol.ts";

interface Conn {
  socket: net.Socket;
  pendingWrites: number;
  localEnd: boolean;
  tls: boolean;
  /** TLS handshake completed. */
  secured: boolean;
  /** The board holds a socket object for it, so it must hear about the close. */
  reported: boolean;
  error?: NodeJS.ErrnoException;
}

const conns = new Map<number, Conn>();

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function closeCause(conn: Conn): CloseCause {
  if (conn.tls && !conn.secured) return "handshake";
  if (conn.localEnd) return "local";
  const code = conn.error?.code;
  if (code === "ECONNRESET" || code === "EPIPE") return "reset";
  if (conn.error) return "error";
  return "peer";
}

function connect(message: Extract<ToWorker, { op: "connect" }>): void {
  const status = new Int32Array(message.status);
  let settled = false;
  const settle = (code: ConnectStatus) => {
    if (settled) return;
    settled = true;
    conn.reported = code === ConnectStatus.Connected;
    Atomics.store(status, 0, code);
    Atomics.notify(status, 0);
  };
  // Plain TCP first: a refusal must be told apart from a failed TLS handshake.
  const raw = net.connect({ host: message.host, port: message.port });
  raw.setNoDelay(true);
  const conn: Conn = {
    socket: raw,
    pendingWrites: 0,
    localEnd: false,
    tls: message.tls,
    secured: false,
    reported: false,
  };
  conns.set(message.id, conn);
  const timer = setTimeout(() => {
    settle(ConnectStatus.Timeout);
    conn.error ??= Object.assign(new Error("TLS handshake timed out"), { code: "ETIMEDOUT" });
    conn.socket.destroy();
  }, message.timeoutMs);

  const onError = (error: NodeJS.ErrnoException) => {
    conn.error ??= error;
    if (settled) return;
    const dns = error.code === "ENOTFOUND" || error.code === "EAI_AGAIN" ||
      error.code === "EAI_NONAME";
    settle(dns ? ConnectStatus.UnknownHost : ConnectStatus.Refused);
  };
  const onClose = () => {
    clearTimeout(timer);
    if (!settled) settle(ConnectStatus.Refused);
    if (conn.reported && conns.get(message.id) === conn) {
      post({
        ev: "closed",
        id: message.id,
        cause: closeCause(conn),
        message: conn.error?.message ?? "",
      });
    }
    conns.delete(message.id);
  };
  const attach = (s: net.Socket) => {
    s.on("data", (data: Uint8Array) => {
      for (let offset = 0; offset < data.length; offset += CHUNK_SIZE) {
        // A copy: Node's Buffer#slice is a view into a shared pool that must not be detached.
        const bytes = new Uint8Array(data.subarray(offset, offset + CHUNK_SIZE));
        post({ ev: "data", id: message.id, bytes }, [bytes.buffer]);
      }
    });
    s.on("error", onError);
    s.on("close", onClose);
  };

  raw.on("error", onError);
  raw.on("close", onClose);
  raw.once("connect", () => {
    raw.off("error", onError);
    raw.off("close", onClose);
    if (!message.tls) {
      clearTimeout(timer);
      attach(raw);
      settle(ConnectStatus.Connected);
      return;
    }
    // Espruino's mbedTLS never verifies the server certificate.
    const secure = tls.connect({
      socket: raw,
      rejectUnauthorized: false,
      ...(net.isIP(message.host) === 0 ? { servername: message.host } : {}),
    });
    conn.socket = secure;
    attach(secure);
    // Only the TCP connect blocks the board: a TLS handshake needs the server to run, and a
    // test's server may share the board's (then blocked) thread.
    settle(ConnectStatus.Connected);
    secure.once("secureConnect", () => {
      clearTimeout(timer);
      conn.secured = true;
      post({ ev: "secure", id: message.id });
    });
  });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.op) {
    case "connect":
      connect(message);
      return;
    case "write": {
      const conn = conns.get(message.id);
      if (!conn || conn.socket.destroyed) return;
      conn.pendingWrites++;
      conn.socket.write(message.bytes, () => {
        conn.pendingWrites--;
        if (conn.pendingWrites === 0) post({ ev: "drained", id: message.id });
      });
      return;
    }
    case "end": {
      const conn = conns.get(message.id);
      if (!conn) return;
      conn.localEnd = true;
      // Espruino closes the socket outright once everything is sent (no half-open state).
      conn.socket.end(() => conn.socket.destroy());
      return;
    }
    case "destroy": {
      const conn = conns.get(message.id);
      if (!conn) return;
      conns.delete(message.id);
      conn.socket.destroy();
      return;
    }
  }
};

post({ ev: "ready" });
