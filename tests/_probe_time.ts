import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
for (const tool of ["tools/_old_flash.ts", "tools/flash.ts"]) {
  await using board = await EspruinoBoard.start({ clock: "virtual" });
  await board.console.waitFor(/\n>/);
  await using server = await serveConsole(board, { tcp: true });
  const t0 = Date.now();
  const r = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      tool,
      "--port",
      server.url!,
      "--file",
      "/tmp/otaprobe/new/firmware.js",
      "--watch",
      "0",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  console.log(tool, r.code, Date.now() - t0, "ms");
}
