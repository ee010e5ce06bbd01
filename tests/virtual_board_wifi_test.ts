import assert from "node:assert/strict";
import { VirtualBoard } from "../virtual_board/mod.ts";
import { TestServer, waitUntil } from "../virtual_board/testing.ts";

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Firmware that records Wi-Fi events and connect results in `wifiLog`. */
const WIFI_RECORDER = `
var wifi = require("Wifi");
var wifiLog = [];
wifi.on("connected", function (d) { wifiLog.push("connected " + d.ip + " " + d.gw); });
wifi.on("disconnected", function (d) { wifiLog.push("disconnected " + d.reason); });
wifi.on("dhcp_timeout", function () { wifiLog.push("dhcp_timeout"); });
function join(ssid, password) {
  wifi.connect(ssid, { password: password }, function (err) { wifiLog.push("cb " + err); });
}
`;

function wifiLog(board: VirtualBoard): string[] {
  return Array.from(board.eval("wifiLog") as string[]);
}

Deno.test("Wi-Fi: down gives 'disconnected', connect fails after three tries, up does not reconnect by itself", async () => {
  await using board = await VirtualBoard.boot({
    code: WIFI_RECORDER,
    wifi: { ssid: "lab", password: "secret", attemptMs: 10 },
  });
  assert.equal(board.wifi.connected, true);
  assert.equal(board.eval("wifi.getIP().ip"), "192.168.4.2");
  board.wifi.down("BEACON_TIMEOUT");
  await waitUntil("disconnected", () => wifiLog(board).length === 1);
  assert.deepEqual(wifiLog(board), ["disconnected BEACON_TIMEOUT"]);
  assert.equal(board.wifi.connected, false);
  assert.equal(board.eval("wifi.getIP().ip"), "0.0.0.0");

  board.eval("join('lab', 'secret')");
  await waitUntil("cb", () => wifiLog(board).some((e) => e.startsWith("cb")));
  assert.deepEqual(wifiLog(board).slice(1), ["disconnected NO_AP_FOUND", "cb NO_AP_FOUND"]);

  board.wifi.up();
  await delay(60);
  assert.equal(board.wifi.connected, false, "the board must not reconnect by itself");

  board.eval("wifiLog = []; join('lab', 'secret')");
  await waitUntil("cb", () => wifiLog(board).some((e) => e.startsWith("cb")));
  assert.deepEqual(wifiLog(board), ["connected 192.168.4.2 192.168.4.1", "cb null"]);
  assert.equal(board.wifi.connected, true);
});

Deno.test("Wi-Fi: a wrong password gives AUTH_FAIL, a silent DHCP gives dhcp_timeout", async () => {
  await using board = await VirtualBoard.boot({
    code: WIFI_RECORDER + "wifi.disconnect();",
    wifi: { ssid: "lab", password: "secret", attemptMs: 5 },
  });
  await waitUntil("disconnected", () => wifiLog(board).length === 1);
  assert.deepEqual(wifiLog(board), ["disconnected ASSOC_LEAVE"]);
  board.eval("wifiLog = []; join('lab', 'wrong')");
  await waitUntil("cb", () => wifiLog(board).some((e) => e.startsWith("cb")));
  assert.deepEqual(wifiLog(board), ["disconnected AUTH_FAIL", "cb AUTH_FAIL"]);
  board.wifi.dhcpTimeout(true);
  board.eval("wifiLog = []; join('lab', 'secret')");
  await waitUntil("cb", () => wifiLog(board).some((e) => e.startsWith("cb")));
  assert.deepEqual(wifiLog(board), ["dhcp_timeout", "cb DHCP_TIMEOUT"]);
});

Deno.test("Wi-Fi: when the network dies, open sockets go silent both ways and connects throw", async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({
    code: `var log = [];
      var got = "";
      var sock = require("net").connect({ host: "127.0.0.1", port: ${server.port} });
      sock.on("data", function (d) { got += d; });
      sock.on("error", function () { log.push("error"); });
      sock.on("end", function () { log.push("end"); });
      sock.on("close", function () { log.push("close"); });`,
  });
  const peer = await server.nextPeer();
  await peer.write("before");
  await waitUntil("before", () => board.eval("got") === "before");

  board.wifi.down();
  await peer.write("after");
  board.eval('sock.write("lost");');
  await delay(150);
  assert.equal(board.eval("got"), "before");
  assert.equal(peer.text(), "");
  assert.deepEqual(Array.from(board.eval("log") as string[]), []);
  assert.equal(peer.isEnded, false, "the server is not told");

  const attempt = (host: string) =>
    board.eval(
      `(function () {
        try { require("net").connect({ host: "${host}", port: ${server.port} }); return "ok"; }
        catch (e) { return e.message; }
      })()`,
    );
  assert.equal(attempt("127.0.0.1"), "Unable to create socket");
  assert.equal(attempt("localhost"), "Unable to locate host");

  // Ending the dead socket closes it on the board; the server still hears nothing.
  board.eval("sock.end();");
  await waitUntil("close", () => (board.eval("log") as string[]).includes("close"));
  assert.deepEqual(Array.from(board.eval("log") as string[]), ["end", "close"]);
  await delay(50);
  assert.equal(peer.isEnded, false);
});

Deno.test('Wi-Fi: a board without Wi-Fi throws Module "Wifi" not found and still has sockets', async () => {
  await using server = new TestServer();
  await using board = await VirtualBoard.boot({ code: "var ok = 1;", hasWifi: false });
  assert.throws(() => board.eval('require("Wifi")'), /^Error: Module "Wifi" not found$/);
  board.eval(`require("net").connect({ host: "127.0.0.1", port: ${server.port} });`);
  await server.nextPeer();
});
