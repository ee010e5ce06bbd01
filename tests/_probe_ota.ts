import { isRetainedStatus, TestClient } from "./helpers.ts";
import { startRelayProcess } from "./relay_process.ts";
import { command, FAST, startFirmwareBoard } from "./firmware_board.ts";
await using relay = await startRelayProcess();
const t0 = Date.now();
await using fw = await startFirmwareBoard({
  upload: "tcp",
  fields: { server: relay.url, clientId: "b1", pattern: FAST, rehandshakeEvery: 0 },
});
console.log(
  "flashed in",
  Date.now() - t0,
  fw.flashOutput.split("\n").filter((l) => /Saved/.test(l)),
);
await using op = await TestClient.open(`${relay.url}op`, { ignore: isRetainedStatus });
await fw.board.console.waitFor(/connected/, { from: fw.bootConsoleAt, timeoutMs: 20000 });
const r = await command(op, { to: "b1", cmd: "status" });
console.log(JSON.stringify(r.status));
console.log(fw.board.console.text.slice(fw.bootConsoleAt, fw.bootConsoleAt + 600));
