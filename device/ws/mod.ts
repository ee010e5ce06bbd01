/**
 * The device's WebSocket client, as the bundle exposes it.
 *
 * @example
 * ```ts
 * import { createWebSocketClient } from "./mod.ts";
 * const ws = createWebSocketClient({ url: "ws://192.168.1.10:8000/board-1" });
 * ws.on("message", (data) => console.log(data));
 * ```
 * @module
 */

export {
  createWebSocketClient,
  type WebSocketClient,
  type WebSocketClientCounters,
  type WebSocketClientError,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
  type WebSocketClientState,
} from "./client.ts";
