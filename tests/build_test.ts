/**
 * `deno task build` as a user runs it: the bundle, its size, refusal of code
 * Espruino cannot run (named by source file and construct), and config errors.
 * Builds run as commands: esbuild's service process outlives an in-process
 * build by a moment, which the test sanitizers would report.
 */

import assert from "node:assert/strict";
import { FIRMWARE_PRIVATE_PROPS } from "../tools/build.ts";
import { INTERNAL_PROPS } from "../tools/bundle.ts";
import { parseDeviceConfig, settingsHash } from "../tools/device_config.ts";
import { mintToken } from "../relay/credentials.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const decoder = new TextDecoder();

async function build(dir: string, config: string, extra: string[] = []) {
  await Deno.writeTextFile(`${dir}/device.json`, config);
  const result = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build", "--config", `${dir}/device.json`, "--out", `${dir}/fw.js`, ...extra],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: result.code,
    stdout: decoder.decode(result.stdout),
    stderr: decoder.decode(result.stderr),
  };
}

Deno.test("deno task build writes a minified bundle and the settings beside it, and prints their size and hash", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const result = await build(dir, '{"server": "wss://relay.lan:8443/", "clientId": "b-1"}');
    assert.equal(result.code, 0, result.stderr);
    const settings = await Deno.readTextFile(`${dir}/settings.json`);
    assert.match(
      result.stdout,
      /fw\.js: \d+ bytes \([\d.]+ KiB\); .*settings\.json: settings ([0-9a-f]{8}), for wss:\/\/relay\.lan:8443\/b-1/,
    );
    assert.ok(result.stdout.includes(`settings ${settingsHash(settings)}`));
    assert.deepEqual(
      JSON.parse(settings),
      parseDeviceConfig('{"server": "wss://relay.lan:8443/", "clientId": "b-1"}'),
    );
    assert.match(result.stdout, /never verifies the relay's certificate/);
    const code = await Deno.readTextFile(`${dir}/fw.js`);
    assert.equal(
      Number(/: (\d+) bytes/.exec(result.stdout)![1]),
      new TextEncoder().encode(code).length,
    );
    // The budget of a board's flash for the firmware (docs/firmware.md#memory).
    assert.ok(code.length <= 16384, `the bundle is ${code.length} bytes, over 16 KB`);
    assert.match(code, /require\("tls"\)/, "Espruino modules stay plain require calls");
    assert.doesNotMatch(code, /Proxy|Symbol|async |await /);
    // The bundle is every board's: the settings are not in it.
    assert.doesNotMatch(code, /relay\.lan|"b-1"/);
    assert.match(code, /"settings\.json"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("code Espruino cannot run is refused with the source file and the construct", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const result = await build(dir, '{"server": "ws://127.0.0.1:8000/"}', [
      "--entry",
      "tests/fixtures/firmware_with_es2018.ts",
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /tests\/fixtures\/firmware_with_es2018\.ts .*: Map/);
    assert.match(result.stderr, /tests\/fixtures\/firmware_with_es2018\.ts .*: destructuring/);
    await assert.rejects(Deno.stat(`${dir}/fw.js`), "nothing is written");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a bad configuration names the field, and nothing is written", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const result = await build(dir, '{"server": "ws://h:1/", "led": {"pin": "GPIO2"}}');
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /led\.pin: expected a pin name such as LED1, D2 or D13, got "GPIO2"/,
    );
    await assert.rejects(Deno.stat(`${dir}/fw.js`));
    const missing = await new Deno.Command(Deno.execPath(), {
      args: ["task", "build", "--config", `${dir}/nope.json`],
      cwd: ROOT,
      stderr: "piped",
    }).output();
    assert.equal(missing.code, 1);
    assert.match(decoder.decode(missing.stderr), /copy config\/device\.example\.json/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Runs `tools/build.ts` as `deno task build` does, but in `cwd` (its config/ and dist/). */
async function buildIn(cwd: string, args: string[] = []) {
  const result = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      `--config=${ROOT}deno.json`,
      `--lock=${ROOT}deno.lock`,
      "--allow-all",
      `${ROOT}tools/build.ts`,
      ...args,
    ],
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: result.code,
    stdout: decoder.decode(result.stdout),
    stderr: decoder.decode(result.stderr),
  };
}

Deno.test("without --config and config/device.json, deno task build uses the example and says so", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/config`);
    await Deno.copyFile(`${ROOT}config/device.example.json`, `${dir}/config/device.example.json`);
    const result = await buildIn(dir);
    assert.equal(result.code, 0, result.stderr);
    const notes = result.stdout.split("\n").filter((line) => /device\.example\.json/.test(line));
    assert.equal(notes.length, 1, result.stdout);
    assert.match(notes[0], /^build: no config\/device\.json, using config\/device\.example\.json/);
    assert.match(result.stdout, /dist\/firmware\.js: \d+ bytes .*, for ws:\/\/127\.0\.0\.1:8000\//);
    assert.match(
      await Deno.readTextFile(`${dir}/dist/settings.json`),
      /ws:\/\/127\.0\.0\.1:8000\//,
    );

    // config/device.json, when there, is used without a word about the example.
    await Deno.writeTextFile(`${dir}/config/device.json`, '{"server": "ws://10.0.0.7:8000/"}');
    const own = await buildIn(dir);
    assert.equal(own.code, 0, own.stderr);
    assert.doesNotMatch(own.stdout, /example/);
    assert.match(own.stdout, /for ws:\/\/10\.0\.0\.7:8000\//);

    // An explicit --config that is missing stays an error.
    const missing = await buildIn(dir, ["--config", "config/nope.json"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /config\/nope\.json is not a valid[^]*the file does not exist/);
    assert.doesNotMatch(missing.stdout, /using config\/device\.example\.json/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("no property esbuild shortens is a field of the device configuration", async () => {
  // A shortened name would read the settings' `outbox.maxMessages` as `.m`: undefined on the
  // board, and the client would silently fall back to its defaults.
  const example = JSON.parse(await Deno.readTextFile(`${ROOT}config/device.example.json`));
  // With the Wi-Fi section it documents, so that its fields are walked too.
  const config = parseDeviceConfig(JSON.stringify({ ...example, wifi: example["//wifi example"] }));
  const names = new Set<string>();
  const collect = (value: unknown) => {
    if (!value || typeof value !== "object") return;
    for (const [name, member] of Object.entries(value)) names.add(name), collect(member);
  };
  collect(config);
  assert.ok(
    names.has("maxMessages") && names.has("dotOnMs") && names.has("ssid"),
    "the walk reached nested fields",
  );
  assert.deepEqual([...INTERNAL_PROPS, ...FIRMWARE_PRIVATE_PROPS].filter((n) => names.has(n)), []);
});

Deno.test("no property esbuild shortens is one the device code uses on Espruino's own objects", () => {
  // Read from or written to objects Espruino makes or reads: require("timer") tasks and list(),
  // sockets and their events, Wifi, process.memory(), errors. A shortened name reads undefined.
  const espruino = [
    ...["id", "finished", "type", "pin", "value", "time", "add", "remove", "list"],
    ...["host", "port", "connect", "on", "write", "end", "code", "message", "name"],
    ...["ip", "reason", "getIP", "password", "free", "usage", "total", "reboot"],
  ];
  assert.deepEqual(
    [...INTERNAL_PROPS, ...FIRMWARE_PRIVATE_PROPS].filter((n) => espruino.includes(n)),
    [],
  );
});

Deno.test("deno task build -- --token puts the board's own token in its settings; one for another id is refused", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const secret = "a-secret-of-at-least-32-characters-long";
    const token = await mintToken({ secret, sub: "b-1", role: "device" });
    const config = '{"server": "ws://relay.lan:8000/", "clientId": "b-1", "token": "shared"}';
    const result = await build(dir, config, ["--token", token]);
    assert.equal(result.code, 0, result.stderr);
    const settings = await Deno.readTextFile(`${dir}/settings.json`);
    assert.equal(JSON.parse(settings).token, token, "the board's token is in its settings");
    assert.ok(!settings.includes('"shared"'), "in place of the configuration's");
    assert.ok(!(await Deno.readTextFile(`${dir}/fw.js`)).includes(token), "never in the bundle");
    const other = await mintToken({ secret, sub: "b-2", role: "device" });
    const refused = await build(dir, config, ["--token", other]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /it is for client id "b-2", but clientId is "b-1"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
