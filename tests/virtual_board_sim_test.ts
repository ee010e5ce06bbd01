import assert from "node:assert/strict";
import { espruinoForTests } from "../tools/espruino_process.ts";

const SIM = new URL("../virtual_board/sim.ts", import.meta.url).pathname;
const FLASH = new URL("../tools/flash.ts", import.meta.url).pathname;
const decoder = new TextDecoder();

function startSim(args: string[], env: Record<string, string>): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", SIM, ...args],
    env: { NO_COLOR: "1", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/** Reads a stream into `sink.text` until it ends. */
async function collect(stream: ReadableStream<Uint8Array>, sink: { text: string }) {
  for await (const chunk of stream) sink.text += decoder.decode(chunk, { stream: true });
}

async function waitFor(sink: { text: string }, pattern: RegExp, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = sink.text.match(pattern);
    if (match) return match;
    if (Date.now() > deadline) {
      throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${sink.text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

Deno.test("sim --engine espruino without an interpreter fails with a message naming ESPRUINO_BIN", async () => {
  const sim = startSim(["--engine", "espruino", "--port", "0"], {
    ESPRUINO_BIN: "/nonexistent/espruino",
  });
  const [status, , stderr] = await Promise.all([
    sim.status,
    sim.stdout.pipeTo(new WritableStream()),
    new Response(sim.stderr).text(),
  ]);
  assert.equal(status.code, 1);
  assert.match(stderr, /no Espruino interpreter for esp32c3 was found: set ESPRUINO_BIN/);
});

const binary = espruinoForTests("esp32c3");

Deno.test({
  name: "sim --engine espruino boots the firmware on the real interpreter, answers on TCP, " +
    "takes an upload from deno task flash, stops",
  ignore: binary === undefined,
  async fn() {
    const folder = await Deno.makeTempDir();
    const firmware = `${folder}/firmware.js`;
    await Deno.writeTextFile(firmware, 'print("sim firmware " + process.env.BOARD + " up");');
    const sim = startSim(["--engine", "espruino", "--port", "0", "--file", firmware], {
      ESPRUINO_BIN: binary!,
    });
    const out = { text: "" };
    const err = { text: "" };
    const reading = Promise.all([collect(sim.stdout, out), collect(sim.stderr, err)]);
    try {
      const [, port] = await waitFor(err, /Console: tcp:\/\/127\.0\.0\.1:(\d+)/);
      // The stored firmware booted from Storage (load()), on the real interpreter.
      await waitFor(out, /sim firmware \S+ up/);
      const conn = await Deno.connect({ hostname: "127.0.0.1", port: Number(port) });
      const answer = { text: "" };
      const readingAnswer = collect(conn.readable, answer);
      await conn.write(new TextEncoder().encode("1+1\r\n"));
      await waitFor(answer, /=2/);
      conn.close();
      await readingAnswer.catch(() => {});
      // deno task flash uploads to it like to a board's network console.
      const app = `${folder}/app.js`;
      await Deno.writeTextFile(app, 'print("flashed app " + (1 + 2));');
      const flash = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--allow-all", FLASH, "--port", `tcp://127.0.0.1:${port}`, "--file", app],
        env: { NO_COLOR: "1" },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).output();
      const flashed = decoder.decode(flash.stdout) + decoder.decode(flash.stderr);
      assert.ok(flash.success, flashed);
      assert.match(flashed, /Saved \d+ bytes to Storage \.bootcde/);
      await waitFor(out, /flashed app 3/);
      sim.kill("SIGTERM");
      const status = await sim.status;
      assert.equal(status.code, 0, err.text);
    } finally {
      try {
        sim.kill("SIGKILL");
      } catch {
        // already stopped
      }
      await sim.status;
      await reading;
      await Deno.remove(folder, { recursive: true });
    }
  },
});
