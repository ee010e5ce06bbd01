/**
 * `deno task sim` (engine/sim.ts) as a user runs it: a child process on the real interpreter in
 * WebAssembly, its console on real TCP, `deno task flash` uploading to it, its Storage and pin
 * log in real files.
 */

import assert from "node:assert/strict";
import { delay } from "../testing/wait.ts";

const REPO = new URL("..", import.meta.url).pathname;
const SIM = new URL("../engine/sim.ts", import.meta.url).pathname;
const decoder = new TextDecoder();

/** A bundle that blinks D2 and says so. */
const BLINK = "var on = false;\n" +
  "setInterval(function () { digitalWrite(D2, on = !on); }, 50);\n" +
  'print("blink up on " + process.env.BOARD);\n';

interface Sim {
  child: Deno.ChildProcess;
  out: { text: string };
  err: { text: string };
  reading: Promise<unknown>;
  exited: boolean;
}

/** Starts the sim in `cwd` (a folder without dist/firmware.js). */
function startSim(args: string[], cwd: string): Sim {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", SIM, ...args],
    cwd,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const out = { text: "" };
  const err = { text: "" };
  const reading = Promise.all([collect(child.stdout, out), collect(child.stderr, err)]);
  const sim: Sim = { child, out, err, reading, exited: false };
  child.status.then(() => sim.exited = true);
  return sim;
}

/** Stops the sim with `signal` (default SIGTERM) and returns its exit code. */
async function stopSim(sim: Sim, signal: Deno.Signal = "SIGTERM"): Promise<number> {
  try {
    sim.child.kill(signal);
  } catch {
    // already stopped
  }
  const status = await sim.child.status;
  await sim.reading;
  return status.code;
}

/** Reads a stream into `sink.text` until it ends. */
async function collect(stream: ReadableStream<Uint8Array>, sink: { text: string }) {
  for await (const chunk of stream) sink.text += decoder.decode(chunk, { stream: true });
}

/** Waits for `pattern` in `sink.text`; fails early when `sim` has exited. */
async function waitFor(sink: { text: string }, pattern: RegExp, sim?: Sim, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = sink.text.match(pattern);
    if (match) return match;
    const why = sim?.exited ? "the sim exited" : Date.now() > deadline ? `${timeoutMs} ms` : "";
    if (why) throw new Error(`no ${pattern} before ${why}:\n${sink.text}\n${sim?.err.text ?? ""}`);
    await delay(20);
  }
}

async function consolePort(sim: Sim): Promise<number> {
  const [, port] = await waitFor(sim.err, /Console: tcp:\/\/127\.0\.0\.1:(\d+)/, sim);
  return Number(port);
}

Deno.test("sim boots the bundle from Storage, answers on its TCP console, logs D2 to --pin-log", async () => {
  const folder = await Deno.makeTempDir();
  await Deno.writeTextFile(`${folder}/blink.js`, BLINK);
  const pinLog = `${folder}/pins.log`;
  const sim = startSim(["--port", "0", "--file", "blink.js", "--pin-log", pinLog], folder);
  try {
    const port = await consolePort(sim);
    await waitFor(sim.out, /blink up on \S+/, sim);
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    const answer = { text: "" };
    const readingAnswer = collect(conn.readable, answer);
    await conn.write(new TextEncoder().encode("6*7\r\n"));
    await waitFor(answer, /=42/);
    conn.close();
    await readingAnswer.catch(() => {});
    // What a client types is typed on the board: its echo reaches stdout too.
    await waitFor(sim.out, /=42/, sim);
    for (;;) {
      const lines = (await Deno.readTextFile(pinLog)).split("\n").filter(Boolean);
      if (lines.length >= 4) {
        for (const line of lines) assert.match(line, /^\d+(\.\d+)? D2 [01]$/);
        break;
      }
      await delay(50);
    }
    assert.equal(await stopSim(sim), 0, sim.err.text);
  } finally {
    await stopSim(sim);
    await Deno.remove(folder, { recursive: true });
  }
});

Deno.test("sim takes an upload from deno task flash and, with --storage, boots it again after a restart", async () => {
  const folder = await Deno.makeTempDir();
  const storage = `${folder}/storage.bin`;
  const app = `${folder}/app.js`;
  await Deno.writeTextFile(app, 'print("flashed app " + (1 + 2));\n');
  let sim = startSim(["--port", "0", "--storage", storage], folder);
  try {
    const port = await consolePort(sim);
    const flash = await new Deno.Command(Deno.execPath(), {
      args: ["task", "flash", "--", "--port", `tcp://127.0.0.1:${port}`, "--file", app],
      cwd: REPO,
      env: { NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const flashed = decoder.decode(flash.stdout) + decoder.decode(flash.stderr);
    assert.ok(flash.success, flashed);
    assert.match(flashed, /Saved \d+ bytes to Storage \.bootcde/);
    await waitFor(sim.out, /flashed app 3/, sim);
    assert.equal(await stopSim(sim, "SIGINT"), 0, sim.err.text); // Ctrl-C

    // The Storage file holds the upload: the next run boots it, with no --file.
    sim = startSim(["--port", "0", "--storage", storage], folder);
    await consolePort(sim);
    await waitFor(sim.out, /flashed app 3/, sim);
    assert.equal(await stopSim(sim), 0, sim.err.text);
  } finally {
    await stopSim(sim);
    await Deno.remove(folder, { recursive: true });
  }
});

Deno.test("sim refuses an unknown --board, naming the boards there are", async () => {
  const sim = startSim(["--board", "esp8266", "--port", "0"], REPO);
  const code = (await sim.child.status).code;
  await sim.reading;
  assert.equal(code, 1);
  assert.match(
    sim.err.text,
    /--board expects one of esp32c3, esp32, esp32c3-unicode, got "esp8266"/,
  );
});
