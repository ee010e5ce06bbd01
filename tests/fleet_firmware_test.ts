/**
 * The SOS firmware as one device of a fleet: while 20 other devices and an
 * operator chatter through the relay, the board receives the commands
 * addressed to it (its id, or an array holding it) and nothing else, the
 * other devices never see the board's messages, and its retained status is
 * listed at `GET /devices`. On the WebAssembly engine (the real Espruino
 * interpreter of an ESP32-C3), flashed with `deno task flash`.
 */

import assert from "node:assert/strict";
import { closeAll, type Received, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { startFirmwareBoard } from "../testing/firmware_board.ts";
import { type RelayProcess, startRelayProcess } from "../testing/relay_process.ts";

const BOARD = "board-1";
const DEVICES = 20;

function deviceFields(server: string) {
  return {
    server,
    clientId: BOARD,
    rehandshakeEvery: 0,
    statusEvery: 2,
    pattern: { dotOnMs: 60, dashOnMs: 120, offMs: 30, pauseMs: 120 },
    heartbeat: { pingIntervalMs: 2000, pongTimeoutMs: 2000 },
    reconnect: { minDelayMs: 100, maxDelayMs: 300 },
  };
}

/** A board running the firmware: its console lines so far, and how to stop it. */
interface Board {
  console(): string[];
  stop(): Promise<void>;
}

interface DeviceRecord {
  id: string;
  online: boolean;
  retained: {
    at: string;
    message: { from?: string; retain?: boolean; status?: Record<string, unknown> };
  } | null;
}

/**
 * Chatter from 20 devices and the operator, none of it for the board: each
 * device sends to the next one, to an array of two others, and unaddressed
 * (operators only); the operator commands the devices one by one.
 */
function startChatter(devices: TestClient[], operator: TestClient) {
  let round = 0;
  const timer = setInterval(() => {
    devices.forEach((device, i) => {
      const next = `dev${(i + 1) % DEVICES}`;
      device.socket.send(JSON.stringify({ to: next, cmd: "status", from: `dev${i}`, round }));
      device.socket.send(
        JSON.stringify({ to: [next, `dev${(i + 2) % DEVICES}`], from: `dev${i}`, round }),
      );
      device.socket.send(`plain from dev${i} ${round}`);
    });
    operator.socket.send(JSON.stringify({ to: `dev${round % DEVICES}`, cmd: "status", round }));
    round++;
  }, 50);
  return {
    stop: () => clearInterval(timer),
    get rounds() {
      return round;
    },
  };
}

/** The board's next reply to `cmd`, skipping the chatter the operator also sees. */
async function replyFrom(operator: TestClient, cmd: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no reply to ${cmd} from ${BOARD}`);
    const text = String(await operator.next(left));
    if (!text.startsWith(`{"from":"${BOARD}"`)) continue;
    const reply = JSON.parse(text);
    if (reply.re === cmd) return reply;
  }
}

/** The messages the board printed as received (`[sos] < …`). */
function received(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const at = line.indexOf("[sos] < ");
    return at === -1 ? [] : [line.slice(at + 8).trim()];
  });
}

async function fleetTest(relay: RelayProcess, boot: () => Promise<Board>) {
  const operator = await TestClient.open(`${relay.url}console`);
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, (_, i) => TestClient.open(`${relay.url}dev${i}?role=device`)),
  );
  const chatter = startChatter(devices, operator);
  let board: Board | undefined;
  try {
    board = await boot();
    const listed = async () =>
      (await (await fetch(`${relay.httpUrl}/devices`)).json() as DeviceRecord[])
        .find((d) => d.id === BOARD);
    await waitFor("the board's retained status in /devices", async () => {
      return (await listed())?.retained?.message.status !== undefined;
    }, 60_000);
    const record = (await listed())!;
    assert.equal(record.online, true);
    assert.equal(record.retained?.message.from, BOARD);
    assert.equal(record.retained?.message.retain, true);
    assert.equal(typeof record.retained?.message.status?.cycles, "number");
    assert.equal(record.retained?.message.status?.connection, "open");

    // Commands for the board, among the chatter: by id and in an array with another id.
    const sent = [
      { to: BOARD, cmd: "say", text: "marker-1" },
      { to: ["dev3", BOARD], cmd: "say", text: "marker-2" },
      { to: BOARD, cmd: "status" },
    ];
    for (const message of sent) {
      operator.socket.send(JSON.stringify(message));
      const reply = await replyFrom(operator, message.cmd);
      assert.equal(reply.ok, true, JSON.stringify(reply));
    }
    // A later status proves the retained message is refreshed every statusEvery cycles.
    const before = record.retained!.at;
    await waitFor("a newer retained status", async () => {
      const at = (await listed())?.retained?.at;
      return at !== undefined && at > before;
    }, 60_000);
    chatter.stop();
    assert.ok(chatter.rounds > 10, `only ${chatter.rounds} rounds of chatter`);
    // Everything the devices were sent has been relayed once the last marker comes back to them:
    // dev0 gets a last message from the operator after the chatter, in order behind the rest.
    operator.socket.send(JSON.stringify({ to: "dev0", end: true }));
    const dev0: Received[] = [];
    for (;;) {
      const message = await devices[0].next(10_000);
      dev0.push(message);
      if (message === JSON.stringify({ to: "dev0", end: true })) break;
    }

    const got = received(board.console());
    assert.deepEqual(got, sent.map((m) => JSON.stringify(m)), "the board got its commands only");
    // No device saw the board's messages (SOS!, replies, status): they went to operators only.
    for (const [i, device] of devices.entries()) {
      const messages = i === 0 ? dev0 : [];
      while (device.pending > 0) messages.push(await device.next());
      for (const message of messages) {
        const text = String(message);
        const fromBoard = text === "SOS!" || text.startsWith(`{"from":"${BOARD}"`) ||
          text.startsWith("marker-");
        assert.ok(!fromBoard, `dev${i} got the board's ${text}`);
        assert.ok(text.includes(`"dev${i}"`), `dev${i} got a message not addressed to it: ${text}`);
      }
    }
  } finally {
    chatter.stop();
    await board?.stop();
    await closeAll([operator, ...devices]);
  }
}

Deno.test("the SOS firmware among 20 chattering devices gets its commands only, and its status is retained", async () => {
  await using relay = await startRelayProcess();
  await fleetTest(relay, async () => {
    const fw = await startFirmwareBoard({ fields: deviceFields(relay.url), upload: "tcp" });
    return {
      console: () => fw.board.console.text.slice(fw.bootConsoleAt).split("\n"),
      stop: () => fw.stop(),
    };
  });
});
