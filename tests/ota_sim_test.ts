/**
 * `deno task ota` against `deno task sim`, as a user without a board tries it: the sim (a child
 * process, on the wall clock) boots a bundle built with `deno task build`'s code as `deno task
 * flash` leaves a board (slot `fw.a` and the boot stub), keeps its Storage in a file, and is
 * updated through a relay in its own process; the update, and a rollback after it, survive a
 * restart of the sim. Everything on loopback, on free ports.
 */

import assert from "node:assert/strict";
import { buildFirmwareFile } from "../tools/build.ts";
import { writeConfig } from "../testing/firmware_board.ts";
import {
  boardFields,
  firmwareOf,
  openWatcher,
  RELAY_FLAGS,
  sha256,
  TOKEN,
  VERSION_2,
  writeImages,
} from "./ota_board.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { delay } from "../testing/wait.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** A `deno task` child in the repository, its output collected as it comes. */
function runTask(args: string[]) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = { text: "" };
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const text of stream.pipeThrough(new TextDecoderStream())) output.text += text;
  };
  const done = Promise.all([collect(child.stdout), collect(child.stderr), child.status]);
  return { child, output, done };
}

/** `deno task sim` with Storage in `storage`; resolves once its firmware reached the relay. */
async function startSim(args: string[]) {
  const sim = runTask(["sim", "--", "--port", "0", ...args]);
  const stop = async () => {
    try {
      sim.child.kill("SIGINT"); // Ctrl-C
    } catch {
      // already stopped
    }
    const [, , status] = await sim.done;
    return status.code;
  };
  const deadline = Date.now() + 60_000;
  while (!/\[sos\] connected/.test(sim.output.text)) {
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the sim's firmware did not connect:\n${sim.output.text}`);
    }
    await delay(50);
  }
  return { output: sim.output, stop };
}

/** `deno task ota -- ARGS` with the relay's token; resolves with its exit code and output. */
async function ota(relay: string, args: string[]) {
  const run = runTask(["ota", "--", "--relay", relay, "--token", TOKEN, ...args]);
  const [, , status] = await run.done;
  return { code: status.code, output: run.output.text };
}

Deno.test("ota: deno task ota updates a running deno task sim through a relay; the update and a rollback survive a restart of the sim", async () => {
  await using images = await writeImages();
  await using relay = await startRelayProcess(RELAY_FLAGS);
  // What `deno task build` writes: the bundle, and the settings beside it.
  const { path } = await writeConfig(images.dir, boardFields(relay.url, "sim-1"));
  const bundle = `${images.dir}/dist/firmware.js`;
  await buildFirmwareFile({ config: path, out: bundle, log: () => {} });
  const storage = `${images.dir}/storage.bin`;
  await using operator = await openWatcher(relay.url);

  let sim = await startSim(["--file", bundle, "--storage", storage]);
  try {
    const v1 = sha256(await Deno.readTextFile(bundle));
    assert.deepEqual(await firmwareOf(operator, "sim-1"), {
      sha256: v1,
      bytes: (await Deno.stat(bundle)).size,
      previous: null,
    });

    const updated = await ota(relay.url, ["--to", "sim-1", "--file", images.v2Path]);
    assert.equal(updated.code, 0, updated.output);
    assert.match(updated.output, /^sim-1: updated$/m);
    assert.equal((await firmwareOf(operator, "sim-1")).sha256, images.v2.sha256);

    // A restart of the sim is a power cycle: version 2 boots from the Storage file.
    assert.equal(await sim.stop(), 0, sim.output.text);
    sim = await startSim(["--storage", storage]);
    assert.match(sim.output.text, new RegExp(VERSION_2.replace(/[[\]]/g, "\\$&")));
    assert.deepEqual(await firmwareOf(operator, "sim-1"), {
      sha256: images.v2.sha256,
      bytes: images.v2.bytes.length,
      previous: v1,
    });

    // A firmware that throws at start: rolled back to version 2, and still so after a restart.
    const throwsPath = `${images.dir}/throws.js`;
    const rolledBack = await ota(relay.url, ["--to", "sim-1", "--file", throwsPath]);
    assert.equal(rolledBack.code, 1, rolledBack.output);
    assert.match(rolledBack.output, /^sim-1: rolled back: threw at start: boom at start$/m);
    assert.equal(await sim.stop(), 0, sim.output.text);
    sim = await startSim(["--storage", storage]);
    assert.deepEqual(await firmwareOf(operator, "sim-1"), {
      sha256: images.v2.sha256,
      bytes: images.v2.bytes.length,
      previous: images.throws.sha256,
      rollback: "threw at start: boom at start",
    });
  } finally {
    await sim.stop();
  }
});
