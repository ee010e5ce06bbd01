/**
 * The least a Deno WebSocket server can be: `Deno.serve` + `Deno.upgradeWebSocket`
 * and nothing else. The benchmark measures its memory per idle connection as
 * the floor under the relay's own figure.
 *
 * Run: `deno run -A bench/bare_deno_server.ts --port 0` (prints `url=ws://…/` on stderr).
 *
 * @module
 */

const portFlag = Deno.args.indexOf("--port");
const port = portFlag === -1 ? 0 : Number(Deno.args[portFlag + 1]);
Deno.serve({
  hostname: "127.0.0.1",
  port,
  onListen(addr) {
    console.error(`listening url=ws://127.0.0.1:${addr.port}/`);
  },
}, (request) => {
  const { socket, response } = Deno.upgradeWebSocket(request, { idleTimeout: 0 });
  socket.onmessage = () => {};
  return response;
});
