/**
 * A minimal Node.js + npm `ws` relay with the same contract as `server.ts`,
 * used only as the baseline in `deno task bench`:
 *
 * - clients connect to `ws://HOST:PORT/<clientId>` (1–64 of `A-Za-z0-9_.~-`);
 * - a second connection for an id already connected gets HTTP 409 before the upgrade;
 * - every message goes to every OTHER connected client, text as text, binary as binary;
 * - a client whose unsent backlog passes `--max-backlog-bytes` is closed with 1008.
 *
 * Flags: `--host ADDR --port N --max-message-bytes N --max-backlog-bytes N --max-clients N`.
 * It logs `listening url=ws://HOST:PORT/<clientId>` to stderr, like the Deno relay, and
 * stops on SIGTERM or SIGINT.
 *
 * Where `ws` comes from: there is deliberately no package.json in this repository (one in a
 * parent folder of Deno code switches Deno to manual node_modules mode), so
 * `bench/relay_bench.ts` installs ws@8.23.0 into a cache folder outside the repository
 * (`~/.cache/relay_bench/node_ws_8.23.0`) and starts node with `NODE_PATH` pointing at its
 * `node_modules`; `createRequire` honours `NODE_PATH`, an ESM `import` would not.
 *
 * @module
 */

import { createServer } from "node:http";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { WebSocket, WebSocketServer } = require("ws");

const { values: flags } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "0" },
    "max-message-bytes": { type: "string", default: "65536" },
    "max-backlog-bytes": { type: "string", default: "1048576" },
    "max-clients": { type: "string", default: "10000" },
  },
});
const maxMessageBytes = Number(flags["max-message-bytes"]);
const maxBacklogBytes = Number(flags["max-backlog-bytes"]);
const maxClients = Number(flags["max-clients"]);

const ID_PATH = /^\/([A-Za-z0-9_.~-]{1,64})$/;

/** @type {Map<string, import("ws").WebSocket>} */
const clients = new Map();

// noServer: the upgrade is ours, so the 409 goes out before any handshake work.
const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

/** Answers an upgrade request with a plain HTTP error and drops the socket. */
function refuse(socket, status, text) {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

function broadcast(sender, data, isBinary) {
  for (const target of clients.values()) {
    if (!target || target === sender || target.readyState !== WebSocket.OPEN) continue;
    target.send(data, { binary: isBinary });
    if (target.bufferedAmount > maxBacklogBytes) target.close(1008, "not reading");
  }
}

const server = createServer((_req, res) => {
  res.writeHead(426, { "Content-Type": "text/plain" }).end("WebSocket only");
});

server.on("upgrade", (req, socket, head) => {
  const path = (req.url ?? "").split("?")[0];
  const match = ID_PATH.exec(path);
  if (!match) return refuse(socket, 400, "Bad Request");
  const id = match[1];
  if (clients.has(id)) return refuse(socket, 409, "Conflict");
  if (clients.size >= maxClients) return refuse(socket, 503, "Service Unavailable");
  // Reserve the id now: handleUpgrade only calls back after the handshake is written.
  clients.set(id, null);
  wss.handleUpgrade(req, socket, head, (ws) => {
    clients.set(id, ws);
    ws.on("message", (data, isBinary) => broadcast(ws, data, isBinary));
    ws.on("close", () => {
      if (clients.get(id) === ws) clients.delete(id);
    });
    ws.on("error", () => {});
  });
  // A handshake that failed never calls back; free its id.
  socket.once("close", () => {
    if (clients.get(id) === null) clients.delete(id);
  });
});

server.listen(Number(flags.port), flags.host, () => {
  const { port } = server.address();
  console.error(`node-relay listening url=ws://${flags.host}:${port}/<clientId>`);
});

function stop() {
  for (const ws of clients.values()) ws?.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
