/**
 * Pieces of the update tests (tests/ota_test.ts, tests/ota_fleet_test.ts): boards flashed with
 * `deno task flash` over the engine's console (the real interpreter of an ESP32-C3, on the
 * virtual clock), the firmware images sent to them, and what a board reports.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { buildFirmware } from "../tools/build.ts";
import { type BoardOutcome, loadImage, type OtaImage, runOta } from "../tools/ota.ts";
import {
  command,
  FAST,
  type FirmwareBoard,
  startFirmwareBoard,
} from "../testing/firmware_board.ts";
import { TestClient } from "../testing/test_client.ts";
import { type RelayProcess, startRelayProcess } from "../testing/relay_process.ts";

/** The relay's shared token in these tests (`--token`): the boards, the tool and the watchers'. */
export const TOKEN = "ota-test-token-5d21";

/**
 * The relay's flags in these tests. A board restarts often here (after the flash, into a trial,
 * back from one); Espruino's kill closes its sockets each time (a power cycle resets them), so the
 * relay frees its id before the next boot connects: no `--on-duplicate replace` is needed.
 */
export const RELAY_FLAGS: string[] = ["--token", TOKEN];

/** Nothing the interpreter should ever print. */
export const BROKEN = /Uncaught|OUT OF MEMORY|Timeout on Utility Timer|Guru Meditation/;

/** What a version 2 prints when it starts. */
export const VERSION_2 = "[v2] version 2 running";

/** The device configuration of a test board: fast SOS, quick reconnects. */
export function boardFields(server: string, id: string, extra: Record<string, unknown> = {}) {
  return {
    server,
    clientId: id,
    pattern: FAST,
    rehandshakeEvery: 0,
    statusEvery: 0,
    heartbeat: { pingIntervalMs: 5000, pongTimeoutMs: 5000 },
    reconnect: { minDelayMs: 200, maxDelayMs: 1000 },
    token: TOKEN,
    ...extra,
  };
}

/** A board flashed by `deno task flash` with the firmware (version 1), connected. */
export async function flashBoard(
  server: string,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<FirmwareBoard> {
  const fw = await startFirmwareBoard({ upload: "tcp", fields: boardFields(server, id, extra) });
  await fw.board.console.waitFor(/\[sos\] connected/, {
    from: fw.bootConsoleAt,
    timeoutMs: 30_000,
  });
  return fw;
}

/** An operator that watches everything, with the tests' token. */
export function openWatcher(relay: string): Promise<TestClient> {
  return TestClient.open(`${relay}watcher?token=${TOKEN}`);
}

/** SHA-256 of a text's UTF-8 bytes, as hex. */
export function sha256(text: string): string {
  return createHash("sha256").update(new TextEncoder().encode(text)).digest("hex");
}

/** The images of the tests, written to a temporary folder. */
export interface Images extends AsyncDisposable {
  /** The folder. */
  dir: string;
  /** The firmware that `deno task flash` puts on the boards. */
  v1: string;
  /** The same firmware printing {@linkcode VERSION_2} first: a real update. */
  v2: OtaImage;
  /** Its path. */
  v2Path: string;
  /** A firmware that throws as it starts. */
  throws: OtaImage;
  /** A firmware that runs but never reaches the relay. */
  silent: OtaImage;
}

/** The firmware's bundle, built once per test file: every test updates from the same code. */
let built: Promise<string> | undefined;

/** Builds the firmware (once) and writes the test images to a new folder. */
export async function writeImages(): Promise<Images> {
  const dir = await Deno.makeTempDir({ prefix: "ota-" });
  const code = await (built ??= buildFirmware().then((firmware) => firmware.code));
  const write = async (name: string, text: string) => {
    await Deno.writeTextFile(`${dir}/${name}`, text);
    return await loadImage(`${dir}/${name}`);
  };
  const v2Path = `${dir}/v2.js`;
  return {
    dir,
    v1: code,
    v2: await write("v2.js", `print(${JSON.stringify(VERSION_2)});\n${code}`),
    v2Path,
    throws: await write(
      "throws.js",
      'print("[v3] starting");\nthrow new Error("boom at start");\n',
    ),
    silent: await write(
      "silent.js",
      'print("[v4] running, never connecting");\nsetInterval(function () {}, 1000);\n',
    ),
    async [Symbol.asyncDispose]() {
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/** The firmware a board reports in `status`. */
export async function firmwareOf(
  operator: TestClient,
  id: string,
): Promise<{ sha256: string; bytes: number; previous: string | null; rollback?: string }> {
  const reply = await command(operator, { to: id, cmd: "status" }, 30_000);
  return (reply.status as { firmware: never }).firmware;
}

/** Runs the tool on `ids` with `image`; resolves with the outcomes and what it printed. */
export async function update(
  relay: string,
  ids: string[],
  image: OtaImage,
  extra: { confirmMs?: number; token?: string; onLine?: (line: string) => void } = {},
): Promise<{ outcomes: BoardOutcome[]; output: string }> {
  let output = "";
  const outcomes = await runOta({
    relay,
    to: ids,
    image,
    token: extra.token ?? TOKEN,
    confirmMs: extra.confirmMs,
    live: false,
    write: (text) => {
      output += text;
      for (const line of text.split("\n")) if (line) extra.onLine?.(line);
    },
  });
  return { outcomes, output };
}

/** What an update test starts from. */
export interface UpdateBench extends AsyncDisposable {
  /** The test images. */
  images: Images;
  /** A relay in its own process, with {@linkcode RELAY_FLAGS}. */
  relay: RelayProcess;
  /** A board flashed with version 1 by `deno task flash`, connected to the relay. */
  fw: FirmwareBoard;
  /** An operator watching everything. */
  operator: TestClient;
}

/** The images, a relay, a board `id` flashed with version 1 and connected, and an operator. */
export async function startUpdateBench(id: string): Promise<UpdateBench> {
  await using stack = new AsyncDisposableStack();
  const images = stack.use(await writeImages());
  const relay = stack.use(await startRelayProcess(RELAY_FLAGS));
  const fw = stack.use(await flashBoard(relay.url, id));
  const operator = stack.use(await openWatcher(relay.url));
  const owned = stack.move();
  return { images, relay, fw, operator, [Symbol.asyncDispose]: () => owned.disposeAsync() };
}
