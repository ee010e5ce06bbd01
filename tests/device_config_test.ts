/**
 * Device configuration: the example is valid, defaults fill gaps, and every
 * mistake is reported with its field, what it expects and what it got.
 */

import assert from "node:assert/strict";
import {
  DeviceConfigError,
  loadDeviceConfig,
  parseDeviceConfig,
  SETTINGS_FILE,
  settingsHash,
  settingsText,
  withToken,
} from "../tools/device_config.ts";
import { deviceDefaults, integerLimits, wifiDefaults } from "../device/firmware/config.ts";
import { mintToken } from "../relay/credentials.ts";

const EXAMPLE = new URL("../config/device.example.json", import.meta.url).pathname;

Deno.test("the example configuration is valid, runs against the local relay and documents the defaults", async () => {
  const config = await loadDeviceConfig(EXAMPLE);
  assert.equal(config.server, "ws://127.0.0.1:8000/", "deno task serve's relay, for the sim");
  assert.equal(config.wifi, null, "the sim needs no Wi-Fi");
  assert.equal(config.clientId, null);
  const minimal = parseDeviceConfig('{"server": "ws://127.0.0.1:8000/"}');
  assert.deepEqual(minimal, config, "the example's values are the defaults");
  // The Wi-Fi section it documents, put in place of null, is valid and holds the defaults.
  const raw = JSON.parse(await Deno.readTextFile(EXAMPLE));
  assert.deepEqual(
    parseDeviceConfig(JSON.stringify({ ...raw, wifi: raw["//wifi example"] })).wifi,
    {
      ssid: "MyNetwork",
      password: "wifi-password",
      attempts: 3,
      delayMs: 200,
    },
  );
  assert.deepEqual(
    parseDeviceConfig(
      '{"server": "ws://h/", "wifi": {"ssid": "MyNetwork", "password": "wifi-password"}}',
    )
      .wifi,
    { ssid: "MyNetwork", password: "wifi-password", attempts: 3, delayMs: 200 },
  );
});

Deno.test("the SOS timings default to 200/400 ms on, 50 ms off, 400 ms pause, every 10th cycle", () => {
  const config = parseDeviceConfig('{"server": "wss://relay.lan:8443/"}');
  assert.deepEqual(config.pattern, { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 });
  assert.equal(config.rehandshakeEvery, 10);
  assert.equal(config.statusEvery, 12);
  assert.deepEqual(config.led, { pin: "LED1", activeLow: false });
});

Deno.test("no two fields share a name: the limits, and the board's checks, find a field by it", () => {
  const names: string[] = [];
  const numbers: string[] = [];
  const walk = (section: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(section)) {
      names.push(name);
      if (value && typeof value === "object") walk(value as Record<string, unknown>);
      else if (typeof value === "number") numbers.push(name);
    }
  };
  walk({ ...deviceDefaults(), wifi: wifiDefaults() });
  assert.deepEqual(names.filter((name, i) => names.indexOf(name) !== i), []);
  assert.deepEqual(Object.keys(integerLimits()).sort(), numbers.sort());
});

Deno.test("every problem is listed with its field, what it expects and what it got", () => {
  const text = JSON.stringify({
    wifi: { ssid: "", password: "short", attempts: 0 },
    server: "http://192.168.1.100:8000/",
    clientId: "has space",
    led: { pin: "GPIO2", activeLow: "yes" },
    pattern: { dotOnMs: -5 },
    rehandshakeEvery: 2.5,
    statusEvery: -1,
    reconnect: { minDelayMs: 5000, maxDelayMs: 1000 },
    role: "admin",
    colour: "red",
  });
  assert.throws(() => parseDeviceConfig(text, { file: "config/device.json" }), (error: unknown) => {
    assert.ok(error instanceof DeviceConfigError);
    const expected = [
      /^config\/device\.json is not a valid device configuration:/,
      /wifi\.ssid: expected the network name \(1-32 characters\), got ""/,
      /wifi\.password: expected a password of 8-63 characters, or "" for an open network, got "short"/,
      /wifi\.attempts: expected a whole number from 1 to 100, got number 0/,
      /server: expected a ws:\/\/ or wss:\/\/ URL, got "http:\/\/192\.168\.1\.100:8000\/"/,
      /clientId: expected null or 1-64 characters of A-Z a-z 0-9 _ \. ~ -, got "has space"/,
      /led\.pin: expected a pin name such as LED1, D2 or D13, got "GPIO2"/,
      /led\.activeLow: expected true or false, got "yes"/,
      /pattern\.dotOnMs: expected a whole number from 1 to 10000, got number -5/,
      /rehandshakeEvery: expected a whole number from 0 to 10000, got number 2\.5/,
      /statusEvery: expected a whole number from 0 to 10000, got number -1/,
      /role: expected "device" or "operator", got "admin"/,
      /reconnect\.maxDelayMs: expected at least reconnect\.minDelayMs \(5000\), got 1000/,
      /colour: unknown field \(expected one of wifi, server,/,
    ];
    for (const pattern of expected) assert.match(error.message, pattern);
    assert.equal(error.problems.length, expected.length - 1);
    return true;
  });
});

Deno.test("the settings file holds every field, defaults filled in, and its hash is its CRC32", () => {
  const config = parseDeviceConfig('{"server": "ws://h:8000/", "role": "operator"}');
  const text = settingsText(config);
  assert.deepEqual(JSON.parse(text), config);
  assert.equal(config.role, "operator");
  assert.equal(parseDeviceConfig('{"server": "ws://h:8000/"}').role, "device");
  assert.deepEqual(
    { ...config, server: "", role: "device" },
    deviceDefaults(),
    "the host fills in the defaults the board has compiled in",
  );
  assert.equal(SETTINGS_FILE, "settings.json");
  // zlib's CRC32 of "hello", as Espruino's E.CRC32 gives it.
  assert.equal(settingsHash("hello"), "3610a686");
  assert.match(settingsHash(text), /^[0-9a-f]{8}$/);
});

Deno.test("a server URL must end in / and carry no query", () => {
  assert.throws(() => parseDeviceConfig('{"server": "ws://h:8000/dev"}'), /ending in \//);
  assert.throws(() => parseDeviceConfig('{"server": "ws://h:8000/?token=x"}'), /no query/);
  assert.throws(() => parseDeviceConfig('{"server": "not a url"}'), /server: expected a ws/);
  assert.throws(
    () => parseDeviceConfig("{}"),
    /server: expected a ws:\/\/ or wss:\/\/ URL .*got nothing/,
  );
});

Deno.test("broken JSON and a missing file say what to do", async () => {
  assert.throws(
    () => parseDeviceConfig('{"server": ', { file: "x.json" }),
    /x\.json .*not valid JSON/s,
  );
  assert.throws(() => parseDeviceConfig("[1]"), /\(top level\): expected an object, got an array/);
  await assert.rejects(
    loadDeviceConfig("/nonexistent/device.json"),
    /copy config\/device\.example\.json to config\/device\.json/,
  );
});

Deno.test("comment keys are allowed at every level", () => {
  const config = parseDeviceConfig(JSON.stringify({
    "//": "top",
    server: "ws://h:1/",
    led: { "//": "led", pin: "D13" },
    "//server": "about server",
  }));
  assert.equal(config.led.pin, "D13");
});

Deno.test("a board's own token replaces the configuration's; a JWT for another id is refused", async () => {
  const secret = "a-secret-of-at-least-32-characters-long";
  const config = parseDeviceConfig('{"server": "ws://h:8000/", "clientId": "esp32-1"}');
  const token = await mintToken({ secret, sub: "esp32-1", role: "device" });
  assert.equal(withToken(config, token).token, token);
  assert.equal(withToken(config, "shared-secret").token, "shared-secret");
  const other = await mintToken({ secret, sub: "esp32-2", role: "device" });
  assert.throws(
    () => withToken(config, other),
    /for client id "esp32-2", but clientId is "esp32-1"/,
  );
  assert.throws(() => withToken(config, "has space"), /printable characters/);
  // A null clientId takes the token's: the relay accepts the token only for that id.
  const derived = parseDeviceConfig('{"server": "ws://h:8000/"}');
  assert.equal(withToken(derived, other).clientId, "esp32-2");
});
