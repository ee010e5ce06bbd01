/**
 * End to end through the resume window: the SOS firmware (the built bundle on
 * the virtual board) answers a command sent while it was away re-handshaking.
 */

import assert from "node:assert/strict";
import { buildFirmware } from "../tools/build.ts";
import { parseDeviceConfig } from "../tools/device_config.ts";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { TestClient, waitFor } from "./helpers.ts";
import { startRelayProcess } from "./relay_process.ts";

/** The next reply to `command`, skipping SOS! and other replies. */
async function replyTo(client: TestClient, command: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no reply to ${command} within 10 s`);
    const message = String(await client.next(8000));
    const reply = message.startsWith("{") ? JSON.parse(message) : undefined;
    if (reply?.re === command) return reply;
  }
}

Deno.test("a status sent while the board re-handshakes is answered once it is back", async () => {
  await using relay = await startRelayProcess(["--log-format", "json"]);
  const config = parseDeviceConfig(JSON.stringify({
    server: relay.url,
    clientId: "board-1",
    rehandshakeEvery: 0,
    reconnect: { minDelayMs: 100, maxDelayMs: 300 },
  }));
  const { code } = await buildFirmware({ config });
  const operator = await TestClient.open(`${relay.url}operator`);
  await using board = await VirtualBoard.boot({ code, hasWifi: false });
  const send = (value: unknown) => operator.socket.send(JSON.stringify(value));
  const held = async () =>
    (await (await fetch(`${relay.httpUrl}/clients`)).json() as { id: string }[])
      .some((client) => client.id === "board-1");
  try {
    assert.equal(await operator.next(8000), "SOS!");
    // Keep the board away after its re-handshake: its reconnects fail until the fault clears.
    board.faults.unreachable(true);
    send({ to: "board-1", cmd: "rehandshake" }); // its reply waits in the board's outbox
    await waitFor("board-1 to be away", async () => !(await held()), 5000);
    send({ to: "board-1", cmd: "status" });
    board.faults.unreachable(false);
    const reply = await replyTo(operator, "status");
    assert.equal(reply.from, "board-1");
    assert.equal(reply.re, "status");
    assert.equal(reply.ok, true);
    const resumed = relay.stderr.filter((line) =>
      line.includes('"connect"') && line.includes('"board-1"') && line.includes('"resumed":1')
    );
    assert.equal(resumed.length, 1, "the relay replayed the status on reconnect");
  } finally {
    await operator[Symbol.asyncDispose]();
  }
});
