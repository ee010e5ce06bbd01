/**
 * The device's WebSocket client under the faults of a field network, injected at the board's
 * network on the C3 build of `device_engines.ts` (the real Espruino interpreter in WebAssembly):
 * connections dropped at once, a server or relay gone and back, a link that silently stops, an
 * unresolvable host, Wi-Fi lost. The client's protocol and messages on every build are in
 * `device_client_test.ts`.
 */

import assert from "node:assert/strict";
import { waitFor } from "../testing/wait.ts";
import { startTestRelay, TestClient } from "../testing/test_client.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { stablePort } from "../testing/ports.ts";
import { startWsServer } from "./device_ws_server.ts";
import { bootDevice, C3, ENGINES, testOnEngines } from "../testing/device_engines.ts";
import { ANSWER_LEAD_MS } from "../engine/net.ts";

/**
 * The heartbeat of the tests that kill the link. The board notices a dead link at no cost in real
 * time, however long its timeout: while the link is silent, board time skips. While the link is
 * up, a pong is on time only if its timeout outlasts the lead board time may take over an
 * unanswered ping, and the relay's real time to answer.
 */
const HEARTBEAT = { pingIntervalMs: 1000, pongTimeoutMs: 2 * ANSWER_LEAD_MS };

testOnEngines(
  C3,
  "the backoff grows while connections drop at once, and starts again after one that stayed up",
  async (engine) => {
    await using server = startWsServer();
    await using device = await bootDevice(engine, {
      client: {
        url: `${server.url}board-1`,
        minBackoffMs: 20,
        maxBackoffMs: 60000,
        // Far longer than a dropped connection lives, even when a busy machine is slow to drop it.
        stableMs: 3000,
      },
      // The gaps are timed on the board, from the close it saw to its next open.
      firmware: `ws.on("close", function () { print("@t close " + Math.round(getTime() * 1000)); });
ws.on("open", function () { print("@t open " + Math.round(getTime() * 1000)); });`,
    });
    const times = (kind: string) =>
      device.lines().flatMap((line) => {
        const match = line.match(/@t (\w+) (\d+)/);
        return match?.[1] === kind ? [Number(match[2])] : [];
      });
    /** Board ms from the close before open #`n` to that open. */
    const gapBefore = async (n: number) => {
      await waitFor(`the board's open #${n} timed`, () => times("open").length >= n);
      return times("open")[n - 1] - times("close")[n - 2];
    };
    // Nine connections closed as soon as they open: each wait is drawn from a window twice as
    // long as the one before (up to 40, 80, …, 10240 ms).
    let conn = await server.accept();
    const gaps: number[] = [];
    for (let i = 1; i <= 9; i++) {
      await device.opened(i);
      conn.close();
      conn = await server.accept(15_000);
      gaps.push(await gapBefore(i + 1));
    }
    // Under 400 ms four times in windows of 1280 to 10240 ms: about 1 in 7000.
    assert.ok(Math.max(...gaps.slice(5)) > 400, `the backoff did not grow: ${gaps} ms`);
    // This one stays up longer than stableMs: the next wait is in the first window again.
    await device.opened(10);
    await device.board.runFor(3500);
    conn.close();
    conn = await server.accept(5000);
    const gap = await gapBefore(11);
    // Drawn from 20–40 ms, and the rest is noticing the close and connecting; not reset, it
    // would be drawn from up to 20 s.
    assert.ok(gap < 1000, `${gap} ms after a stable connection (the ones before: ${gaps} ms)`);
    conn.close();
  },
);

testOnEngines(
  ENGINES,
  "server gone and back on its port: refused attempts by the backoff, the outbox bounded and flushed in order",
  async (engine) => {
    // Below the ephemeral range: no other test's port-0 listener takes it while it is free.
    const port = stablePort();
    const first = startWsServer({ port });
    await using device = await bootDevice(engine, {
      client: {
        url: `${first.url}board-1`,
        minBackoffMs: 100,
        maxBackoffMs: 400,
        outboxMessages: 20,
      },
    });
    const conn = await first.accept();
    await device.opened();
    conn.close();
    await first[Symbol.asyncDispose]();
    await waitFor("the loss noticed", () => device.of("close").length === 1);
    // Nothing listens now: each attempt is refused, and the backoff spaces them.
    await waitFor("refused attempts", () => device.of("error").length >= 4, 10_000);
    await device.run(`for (var i = 0; i < 25; i++) ws.send("m" + i);`);
    assert.equal(await device.run("ws.queued()"), 20);
    assert.equal((await device.counters()).outboxDrops, 5);
    await using second = startWsServer({ port });
    const again = await second.accept(10_000);
    for (let i = 5; i < 25; i++) {
      const frame = await again.nextFrame(10_000);
      assert.equal(frame?.payload, `m${i}`);
    }
    await device.opened(2);
    const counters = await device.counters();
    assert.equal(counters.connects, 2);
    assert.equal(counters.reconnects, 1);
    assert.equal(counters.drops, 1);
    assert.equal(counters.failures, device.of("error").length - 1, "every refusal, not the loss");
    assert.deepEqual(device.of("close")[0].slice(0, 2), ["close", 1006]);
    for (const [, message] of device.of("error").slice(1)) {
      assert.match(
        String(message),
        /^connect to 127\.0\.0\.1:\d+ failed: Unable to create socket$/,
      );
    }
    again.close();
  },
);

testOnEngines(
  C3,
  "relay killed and restarted: the client reconnects and flushes its outbox in order, dropping only beyond its bound",
  async (engine) => {
    const first = await startRelayProcess();
    const port = first.port;
    await using device = await bootDevice(engine, {
      client: {
        url: `ws://127.0.0.1:${port}/board-1`,
        minBackoffMs: 50,
        maxBackoffMs: 200,
        outboxMessages: 50,
      },
    });
    let second: Awaited<ReturnType<typeof startRelayProcess>> | undefined;
    try {
      await device.opened();
      await first.stop("SIGKILL");
      await waitFor("the loss noticed", () => device.of("close").length === 1);
      // Refused attempts now throw inside the client, and must not escape.
      await waitFor("refused attempts", async () => (await device.counters()).failures >= 2);
      await device.run(`for (var i = 0; i < 55; i++) ws.send("m" + i);`);
      assert.equal(await device.run("ws.queued()"), 50);
      assert.equal((await device.counters()).outboxDrops, 5);
      // Keep the board away until a listener is on the new relay, so nothing is sent to nobody.
      device.board.network.blockConnects(100);
      second = await startRelayProcess(["--port", String(port)]);
      await using listener = await TestClient.open(`${second.url}listener`);
      device.board.network.unblockConnects();
      await device.opened(2);
      for (let i = 5; i < 55; i++) assert.equal(await listener.next(), `m${i}`);
      assert.ok(await listener.silentFor(100));
      const counters = await device.counters();
      assert.equal(counters.connects, 2);
      assert.equal(counters.reconnects, 1);
      assert.equal(counters.drops, 1);
      assert.deepEqual(device.of("close")[0].slice(0, 2), ["close", 1006]);
    } finally {
      await first.stop("SIGKILL");
      await second?.stop("SIGKILL");
    }
  },
);

testOnEngines(
  C3,
  "a link that silently stops is detected within ping interval + pong timeout, then rebuilt",
  async (engine) => {
    await using relay = startTestRelay();
    const { pingIntervalMs, pongTimeoutMs } = HEARTBEAT;
    await using device = await bootDevice(engine, {
      client: { url: `${relay.url}board-1`, pingIntervalMs, pongTimeoutMs, minBackoffMs: 50 },
    });
    await device.opened();
    const stalledAt = device.board.clock.nowUs() / 1000;
    device.board.network.stall();
    await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
    const detectedAfter = device.board.clock.nowUs() / 1000 - stalledAt;
    assert.ok(
      detectedAfter >= pongTimeoutMs && detectedAfter <= pingIntervalMs + pongTimeoutMs + 250,
      `detected after ${detectedAfter} ms`,
    );
    assert.match(
      String(device.of("error")[0][1]),
      /^connection to 127\.0\.0\.1:\d+ lost: no answer to ping$/,
    );
    assert.deepEqual(device.of("close")[0].slice(0, 2), ["close", 1006]);
    device.board.network.endStall();
    await device.opened(2);
    await using peer = await TestClient.open(`${relay.url}peer`);
    await device.run(`ws.send("alive again")`);
    assert.equal(await peer.next(), "alive again");
  },
);

testOnEngines(
  C3,
  "a message cut off by a dead link is sent again in full after the reconnection, and arrives once",
  async (engine) => {
    await using relay = startTestRelay();
    await using peer = await TestClient.open(`${relay.url}peer`);
    await using device = await bootDevice(engine, {
      client: {
        url: `${relay.url}board-1`,
        ...HEARTBEAT,
        minBackoffMs: 50,
        writeBytes: 256,
        outboxBytes: 100000,
      },
    });
    await device.opened();
    device.board.network.stall();
    // The socket takes what fits its send buffer, then waits for a drain that never comes. Made on
    // the board: typed, 10 KB would be in its memory twice.
    await device.run(`ws.send(E.toString({ data: "0123456789", count: 1000 }))`);
    await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
    assert.equal(await device.run("ws.queued()"), 1, "the cut-off message is back in the outbox");
    device.board.network.endStall();
    await device.opened(2);
    assert.equal(await peer.next(), "0123456789".repeat(1000));
    assert.ok(await peer.silentFor(300), "no second copy, no fragment of the first");
    // The relay has let the cut-off connection go (its half-read frame's read has ended) before
    // the test ends, so no read of it is left running.
    await waitFor(
      "the relay's disconnect of the cut-off connection",
      () => relay.logs.some((line) => line.includes('"disconnect"') && line.includes('"board-1"')),
      5000,
    );
  },
);

testOnEngines(
  C3,
  "an unresolvable host throws inside connect; the client reports it and keeps trying",
  async (engine) => {
    await using relay = startTestRelay();
    // By name: an address, or localhost, is never looked up.
    const url = `${relay.url.replace("127.0.0.1", "relay.localhost")}board-2`;
    await using device = await bootDevice(engine, {
      client: { url, minBackoffMs: 50, maxBackoffMs: 100 },
    });
    await device.opened();
    device.board.network.failLookups(true);
    // The relay sends 1001 to everyone; reconnecting then meets an unknown host.
    relay.running.relay.closeAll();
    await waitFor(
      "unknown host",
      () =>
        device.of("error").filter((e) => /failed: Unable to locate host$/.test(String(e[1])))
          .length >= 2,
    );
    assert.deepEqual(device.of("close")[0], ["close", 1001, "relay shutting down"]);
    device.board.network.failLookups(false);
    await device.opened(2);
  },
);

testOnEngines(
  C3,
  "Wi-Fi loss: the dead link is noticed, the firmware brings Wi-Fi back, reconnect() goes at once, queued messages arrive",
  async (engine) => {
    await using relay = startTestRelay({ pingIntervalSeconds: 1, pingTimeoutSeconds: 1 });
    await using device = await bootDevice(engine, {
      client: {
        url: `${relay.url}board-1`,
        ...HEARTBEAT,
        // Waits far longer than the test: only reconnect() can explain a prompt return.
        minBackoffMs: 30000,
        maxBackoffMs: 30000,
      },
      // The board joins Wi-Fi at boot: the client's first attempt finds no network, and joining
      // calls reconnect().
      before: `
var wifi = require("Wifi");
var wifiEvents = [];
var joining = true;
var joinWifi = function () {
  wifi.connect("lab", { password: "pw" }, function (err) {
    if (err) setTimeout(joinWifi, 100);
    else joining = false;
  });
};
wifi.on("disconnected", function () {
  wifiEvents.push("down");
  if (!joining) {
    joining = true;
    setTimeout(joinWifi, 100);
  }
});
wifi.on("connected", function () { wifiEvents.push("up"); ws.reconnect(); });
joinWifi();`,
    });
    await device.opened();
    const errorsBefore = device.of("error").length;
    device.board.radio.lose();
    await waitFor("the dead link noticed", () => device.of("close").length === 1, 3000);
    assert.match(
      String(device.of("error")[errorsBefore][1]),
      /^connection to 127\.0\.0\.1:\d+ lost: no answer to ping$/,
    );
    await device.run(`ws.send("while down 1"); ws.send("while down 2");`);
    assert.equal(await device.state(), "waiting");
    // The relay lets the silent connection go within its keepalive (1 + 1 s).
    await waitFor("the relay freed the id", () => !relay.running.relay.hub.holder("board-1"), 4000);
    // The peer connects only now: a board booting on a loaded machine can hold this process past
    // the relay's short keepalive, which would drop a peer connected all along.
    await using peer = await TestClient.open(`${relay.url}peer`);
    device.board.radio.restore();
    // A join that began while the network was gone fails after the ESP32's three 2 s scans; the
    // next one takes 1.2 s.
    await device.opened(2, 10_000);
    assert.equal(await peer.next(), "while down 1");
    assert.equal(await peer.next(), "while down 2");
    const wifiEvents = JSON.parse(await device.run("JSON.stringify(wifiEvents)") as string);
    assert.deepEqual(wifiEvents.slice(0, 2), ["up", "down"]);
    assert.equal(wifiEvents.at(-1), "up");
  },
);
