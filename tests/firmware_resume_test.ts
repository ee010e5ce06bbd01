/**
 * End to end through the resume window: the SOS firmware, on the WebAssembly engine (the real
 * Espruino interpreter of an ESP32-C3), answers a command sent while it was away re-handshaking:
 * a TCP gate in front of the relay refuses its reconnects for a while.
 */

import assert from "node:assert/strict";
import { isRetainedStatus, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { startFirmwareBoard } from "../testing/firmware_board.ts";
import { type RelayProcess, startRelayProcess } from "../testing/relay_process.ts";
import { startTcpGate } from "./tcp_gate.ts";

const BOARD_ID = "board-1";

/** The device settings, for a relay at `server`. */
function deviceFields(server: string) {
  return {
    server,
    clientId: BOARD_ID,
    rehandshakeEvery: 0,
    heartbeat: { pingIntervalMs: 2000, pongTimeoutMs: 2000 },
    reconnect: { minDelayMs: 100, maxDelayMs: 300 },
  };
}

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

/**
 * With the board connected: keeps it away after a re-handshake (`keepAway`),
 * sends it a status while it is away, lets it back, and checks the answer.
 */
async function statusWhileAway(
  relay: RelayProcess,
  operator: TestClient,
  keepAway: (away: boolean) => void,
): Promise<void> {
  const send = (value: unknown) => operator.socket.send(JSON.stringify(value));
  const held = async () =>
    (await (await fetch(`${relay.httpUrl}/clients`)).json() as { id: string }[])
      .some((client) => client.id === BOARD_ID);
  let sos = "";
  while (sos !== "SOS!") sos = String(await operator.next(15_000));
  keepAway(true);
  send({ to: BOARD_ID, cmd: "rehandshake" }); // its reply waits in the board's outbox
  await waitFor(`${BOARD_ID} to be away`, async () => !(await held()), 10_000);
  send({ to: BOARD_ID, cmd: "status" });
  // Let it back only once the relay keeps the status for it: read later, it would be no replay.
  const keptBytes = async () =>
    Number(
      /^relay_resume_kept_bytes (\d+)/m.exec(
        await (await fetch(`${relay.httpUrl}/metrics`)).text(),
      )?.[1] ?? 0,
    );
  await waitFor(
    "the relay to keep the status for the away board",
    async () => (await keptBytes()) > 0,
    10_000,
  );
  keepAway(false);
  const reply = await replyTo(operator, "status");
  assert.equal(reply.from, BOARD_ID);
  assert.equal(reply.ok, true);
  const resumed = () =>
    relay.stderr.filter((line) =>
      line.includes('"connect"') && line.includes(`"${BOARD_ID}"`) && line.includes('"resumed":1')
    ).length;
  // The relay's log line may be read after the reply it led to has arrived: wait for it.
  await waitFor("the relay to log the status replayed on reconnect", () => resumed() > 0);
  assert.equal(resumed(), 1, "the relay replayed the status on reconnect, once");
}

Deno.test("a status sent while the board re-handshakes is answered once it is back", async () => {
  await using relay = await startRelayProcess(["--log-format", "json"]);
  await using gate = startTcpGate(relay.port);
  await using operator = await TestClient.open(`${relay.url}operator`, {
    ignore: isRetainedStatus,
  });
  await using _board = await startFirmwareBoard({
    fields: deviceFields(`ws://127.0.0.1:${gate.port}/`),
  });
  await statusWhileAway(relay, operator, (away) => gate.refuse(away));
});
