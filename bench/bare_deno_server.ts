/**
 * The least a Deno WebSocket server can be: `Deno.serve` + `Deno.upgradeWebSocket`
 * and nothing else. The benchmark measures its memory per idle connection as
 * the floor under the relay's own figure.
 *
 * Run: `deno run -A bench/bare_deno_server.ts --port 0` (prints `url=ws://…/` on stderr).
 *
 * @module
 */

import * as cli from "../relay/cli_args.ts";

// relay/cli_args.ts has no imports of its own: the floor stays Deno's WebSocket alone.
const { port } = cli.parseOrExit(
  cli.defineCommand({
    usage: ["deno run -A bench/bare_deno_server.ts [--port N]"],
    flags: {
      port: cli.flag(cli.integer(0, 65535), {
        value: "N",
        default: 0,
        help: "TCP port on 127.0.0.1 (0 picks a free one)",
      }),
    },
  }),
  { program: "bare_deno_server" },
).values;
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
