/**
 * The worker that owns an engine board's TCP connections (see `net.ts`). Not part of the public
 * API.
 *
 * @module
 */

import net from "node:net";
import { ConnectStatus, type FromWorker, type ToWorker } from "./net_protocol.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const sockets = new Map<number, net.Socket>();

function connect(message: Extract<ToWorker, { op: "connect" }>): void {
  const status = new Int32Array(message.status);
  let settled = false;
  const settle = (code: ConnectStatus) => {
    if (settled) return;
    settled = true;
    Atomics.store(status, 0, code);
    Atomics.notify(status, 0);
  };
  const socket = net.connect({ host: message.host, port: message.port });
  socket.setNoDelay(true);
  socket.on("error", (error: NodeJS.ErrnoException) => {
    const dns = error.code === "ENOTFOUND" || error.code === "EAI_AGAIN";
    settle(dns ? ConnectStatus.UnknownHost : ConnectStatus.Refused);
  });
  socket.on("close", () => {
    settle(ConnectStatus.Refused);
    if (sockets.get(message.id) === socket) {
      sockets.delete(message.id);
      scope.postMessage({ ev: "closed", id: message.id });
    }
  });
  socket.once("connect", () => {
    sockets.set(message.id, socket);
    socket.on("data", (data: Uint8Array) => {
      // A copy: a Buffer may be a view into a pool that must not be transferred.
      const bytes = new Uint8Array(data);
      scope.postMessage({ ev: "data", id: message.id, bytes }, [bytes.buffer]);
    });
    settle(ConnectStatus.Connected);
  });
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.op === "connect") return connect(message);
  const socket = sockets.get(message.id);
  if (!socket) return;
  switch (message.op) {
    case "write":
      socket.write(message.bytes, () => {
        scope.postMessage({ ev: "written", id: message.id, count: message.bytes.length });
      });
      return;
    case "close":
      // Espruino closes a socket outright once its data is sent (no half-open state).
      socket.end(() => socket.destroy());
      return;
    case "reset":
      socket.resetAndDestroy();
      return;
  }
};
