/**
 * `deno task ota --all` as a user runs it: five boards (the engine's ESP32-C3, each flashed with
 * `deno task flash`, with its own device token and a Wi-Fi password) updated in one command
 * through a relay that requires per-client tokens, the operator's token given in the
 * environment; and no secret in any status, event or log line.
 */

import assert from "node:assert/strict";
import { mintToken } from "../relay/credentials.ts";
import type { FirmwareBoard } from "../testing/firmware_board.ts";
import { TestClient } from "../testing/test_client.ts";
import { firmwareOf, flashBoard, writeImages } from "./ota_board.ts";
import { startRelayProcess } from "../testing/relay_process.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const SECRET = "jwt-secret-for-the-ota-fleet-test-0123456789";
const WIFI_PASSWORD = "wifi-pass-7c1e9a";

Deno.test("ota: five boards updated by one deno task ota --all on a JWT relay; no secret in status, events or logs", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess([
    "--jwt-secret",
    SECRET,
    "--log-level",
    "debug",
  ]);
  const ids = ["fleet-1", "fleet-2", "fleet-3", "fleet-4", "fleet-5"];
  const tokens = await Promise.all(
    ids.map((sub) => mintToken({ sub, role: "device", secret: SECRET })),
  );
  const operatorToken = await mintToken({ sub: "ota-operator", role: "operator", secret: SECRET });
  const watcherToken = await mintToken({ sub: "watcher", role: "operator", secret: SECRET });
  const secrets = [SECRET, WIFI_PASSWORD, operatorToken, watcherToken, ...tokens];

  const boards: FirmwareBoard[] = await Promise.all(
    ids.map((id, i) =>
      flashBoard(relay.url, id, {
        token: tokens[i],
        wifi: { ssid: "lab", password: WIFI_PASSWORD },
      })
    ),
  );
  try {
    // Everything an operator sees, presence events included.
    const seen: string[] = [];
    await using watcher = await TestClient.open(
      `${relay.url}watcher?events=1&token=${watcherToken}`,
      { ignore: (message) => (seen.push(String(message)), false) },
    );
    const before = await firmwareOf(watcher, "fleet-1");

    const run = await new Deno.Command(Deno.execPath(), {
      args: [
        "task",
        "ota",
        "--",
        "--relay",
        relay.url,
        "--all",
        "--file",
        images.v2Path,
      ],
      cwd: ROOT,
      env: { NO_COLOR: "1", OPERATOR_TOKEN: operatorToken },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const output = new TextDecoder().decode(run.stdout) + new TextDecoder().decode(run.stderr);
    assert.equal(run.code, 0, output);
    for (const id of ids) assert.match(output, new RegExp(`^${id}: updated$`, "m"));
    assert.match(output, /to 5 boards/);

    for (const id of ids) {
      const firmware = await firmwareOf(watcher, id);
      assert.equal(firmware.sha256, images.v2.sha256, id);
      assert.equal(firmware.previous, before.sha256, id);
    }

    // No secret anywhere: the tool's output, the relay's log, what the operators saw (statuses,
    // replies, presence events), the boards' consoles.
    const places: [string, string][] = [
      ["the tool's output", output],
      ["the relay's log", relay.stderr.join("\n")],
      ["what an operator saw", seen.join("\n")],
      ...boards.map((fw, i): [string, string] => [`${ids[i]}'s console`, fw.board.console.text]),
    ];
    assert.ok(seen.some((m) => m.includes('"event":"online"')), "presence events were seen");
    for (const [where, text] of places) {
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `a secret appears in ${where}`);
      }
    }
  } finally {
    await Promise.all(boards.map((fw) => fw.stop()));
  }
});
