/**
 * Closes a load generator's WebSockets and waits until each has closed, or 5 s for one whose
 * close is never answered (a relay that was killed).
 *
 * @module
 */

/** Closes every socket and resolves once each is closed or has waited `timeoutMs`. */
export async function closeSockets(sockets: WebSocket[], timeoutMs = 5000): Promise<void> {
  await Promise.all(sockets.map((ws) =>
    new Promise<void>((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      ws.onclose = () => {
        clearTimeout(timer);
        resolve();
      };
      ws.close();
    })
  ));
}
