/**
 * `tools/flash.ts` end to end: the real `espruino` tool (EspruinoTools)
 * uploads to the console of the WebAssembly engine (the real Espruino 2v29
 * interpreter of an ESP32-C3, engine/) over real TCP and over a real
 * pseudo-terminal made with socat, exactly as to a board; the uploaded
 * program runs, opens a TCP connection, and runs again after a power cycle.
 * Every clear error is produced by its real cause.
 */

import assert from "node:assert/strict";
import { EspruinoBoard } from "../engine/board.ts";
import { serveConsole } from "../engine/console_server.ts";
import { createPtyPair } from "../tools/pty_pair.ts";
import { buildBootStub } from "../tools/boot_stub.ts";
import { SLOTS } from "../device/firmware/ota_layout.ts";
import { progressBar, resolvePort } from "../tools/flash.ts";
import {
  findSerialPorts,
  FlashError,
  isLoopbackHost,
  parseTcpPort,
} from "../tools/flash_transport.ts";
import { missingModuleWarning, ramRoom } from "../tools/flash_espruino.ts";
import { buildDeviceBundle } from "../testing/device_build.ts";
import { isRetainedStatus, startTestRelay, TestClient } from "../testing/test_client.ts";

const FLASH = new URL("../tools/flash.ts", import.meta.url).pathname;
/** The permissions of the `flash` task (device files need --allow-all in Deno). */
const FLASH_RUN = ["run", "--allow-all", FLASH];
const CI = Deno.env.get("CI") === "true";

async function commandExists(name: string): Promise<boolean> {
  try {
    const { success } = await new Deno.Command("sh", {
      args: ["-c", `command -v ${name}`],
      stdout: "null",
      stderr: "null",
    }).output();
    return success;
  } catch {
    return false;
  }
}

const HAVE_SOCAT = await commandExists("socat");
/** Without socat the pseudo-terminal tests skip locally but fail in CI. */
const SKIP_PTY = !HAVE_SOCAT && !CI;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  /** Extra environment (ESPRUINO_PORT is removed unless given here). */
  env?: Record<string, string>;
  /** Called with each piece of standard error as it arrives. */
  onStderr?: (textSoFar: string) => void;
  /** Wrap the command (for dropping privileges). */
  prefix?: string[];
}

/** Runs `tools/flash.ts` as `deno task flash` would, in a child process. */
async function runFlash(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env: Record<string, string> = { NO_COLOR: "1", ...options.env };
  const [command, ...prefixArgs] = options.prefix ?? [];
  const child = new Deno.Command(command ?? Deno.execPath(), {
    args: [...prefixArgs, ...(command ? [Deno.execPath()] : []), ...FLASH_RUN, ...args],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (!options.env?.ESPRUINO_PORT) {
    // Deno.Command inherits the environment; the variable must not leak in.
    assert.equal(Deno.env.get("ESPRUINO_PORT"), undefined, "unset ESPRUINO_PORT to run the tests");
  }
  const decoder = new TextDecoder();
  let stderr = "";
  const readStderr = (async () => {
    for await (const chunk of child.stderr) {
      stderr += decoder.decode(chunk, { stream: true });
      options.onStderr?.(stderr);
    }
  })();
  const stdoutText = new Response(child.stdout).text();
  const [status, stdout] = await Promise.all([child.status, stdoutText, readStderr]);
  return { code: status.code, stdout, stderr };
}

/** A TCP server that records each connection's text, for the uploaded program to reach. */
class Sink implements AsyncDisposable {
  readonly listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  readonly messages: string[] = [];
  #tasks: Promise<void>[] = [];
  #accepting: Promise<void>;

  constructor() {
    this.#accepting = this.#accept();
  }

  get port(): number {
    return this.listener.addr.port;
  }

  async #accept(): Promise<void> {
    for await (const connection of this.listener) {
      this.#tasks.push((async () => {
        const text = await new Response(connection.readable).text();
        this.messages.push(text);
      })());
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.listener.close();
    await this.#accepting;
    await Promise.all(this.#tasks);
  }
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A small program in Espruino's dialect: prints a line, then reports to the sink over TCP. */
function testProgram(token: string, sinkPort: number, padding = 0): string {
  return [
    `var token = ${JSON.stringify(token)};`,
    padding ? `var padding = ${JSON.stringify("x".repeat(padding))};` : "",
    'print("flash-test " + token + " running");',
    `var socket = require("net").connect({ host: "127.0.0.1", port: ${sinkPort} }, function () {`,
    '  socket.write("hello from " + token + "\\n");',
    "  socket.end();",
    "});",
    "",
  ].join("\n");
}

async function writeProgram(code: string): Promise<string> {
  const file = await Deno.makeTempFile({ prefix: "flash_test_", suffix: ".js" });
  await Deno.writeTextFile(file, code);
  return file;
}

/** A board on the virtual clock with its console served, as `deno task sim` serves it. */
interface ServedBoard extends AsyncDisposable {
  /** The board. */
  board: EspruinoBoard;
  /** `tcp://127.0.0.1:PORT`, when served on TCP. */
  url: string | undefined;
  /** The TCP address, when served on TCP. */
  addr: Deno.NetAddr | undefined;
  /** How many times the board printed `text`. */
  count(text: string): number;
  /** Runs `code` on the console (no echo) and resolves with what it printed. */
  run(code: string): Promise<string>;
  /** A Storage file (default `fw.a`, the flashed code's slot) as the board holds it, or undefined. */
  bootCode(file?: string): Promise<string | undefined>;
  /** Powers the board off and on: RAM is lost (sockets reset), Storage kept. */
  powerCycle(): void;
}

/** Starts a board and serves its console on TCP (unless `tcp` is false) and `tty`. */
async function startConsoleServer(
  options: { tcp?: boolean; tty?: string } = {},
): Promise<ServedBoard> {
  const board = await EspruinoBoard.start({ clock: "virtual" });
  await board.console.waitFor(/\n>/);
  const server = await serveConsole(board, options).catch(async (error) => {
    await board.stop();
    throw error;
  });
  const run = async (code: string) => {
    const marker = `@done${Math.floor(Math.random() * 1e9)}`;
    const from = board.console.text.length;
    board.console.write(`\x10${code};print(${JSON.stringify(marker)});\n`);
    const text = await board.console.waitFor(marker, { from });
    return text.slice(0, text.indexOf(marker));
  };
  return {
    board,
    url: server.url,
    addr: server.addr,
    count: (text) => board.console.text.split(text).length - 1,
    run,
    async bootCode(file = SLOTS[0]) {
      // In slices of 512 bytes, as JSON: the whole file at once would not fit a C3's memory.
      const name = JSON.stringify(file);
      const length = Number(
        (await run(`print((require("Storage").read(${name}) || "").length)`)).trim(),
      );
      if (length === 0) return undefined;
      let code = "";
      for (let at = 0; at < length; at += 512) {
        const slice = await run(
          `print(JSON.stringify(require("Storage").read(${name}, ${at}, ${
            Math.min(512, length - at)
          })))`,
        );
        code += JSON.parse(slice.trim());
      }
      return code;
    },
    powerCycle: () => board.powerCycle(),
    async [Symbol.asyncDispose]() {
      await server.close();
      await board.stop();
    },
  };
}

/** Flashes over `port`, then checks the program ran, reached the sink, and runs after a reboot. */
async function flashAndReboot(port: (server: { url?: string }) => Promise<string>): Promise<void> {
  await using sink = new Sink();
  const token = `t${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(testProgram(token, sink.port));
  try {
    await using server = await startConsoleServer();
    const result = await runFlash(["--port", await port(server), "--file", file, "--watch", "1"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Saved \d+ bytes to Storage \.bootcde on WASM_ESP32C3 2v29/);
    assert.match(result.stderr, /100% /, "a progress bar reached 100%");
    // The board's own output, shown by the tool after the upload.
    assert.match(result.stdout, new RegExp(`flash-test ${token} running`));
    await waitFor("the program's connection", () => sink.messages.length === 1);
    assert.equal(sink.messages[0], `hello from ${token}\n`);
    assert.match((await server.bootCode())!, new RegExp(token));
    // .bootcde is the boot stub, which runs the slot (docs/ota.md).
    assert.equal(await server.bootCode(".bootcde"), await buildBootStub());

    server.powerCycle();
    await waitFor("the second run", () => server.count(`flash-test ${token} running`) === 2);
    await waitFor("the second connection", () => sink.messages.length === 2);
    assert.equal(sink.messages[1], `hello from ${token}\n`);
  } finally {
    await Deno.remove(file);
  }
}

Deno.test("flash uploads over tcp://, the program runs and runs again after a reboot", async () => {
  await flashAndReboot((server) => Promise.resolve(server.url!));
});

Deno.test({
  name: "flash uploads over a pseudo-terminal, the program runs and runs again after a reboot",
  ignore: SKIP_PTY,
  async fn() {
    assert.ok(HAVE_SOCAT, "socat is required (apt-get install socat)");
    const dir = await Deno.makeTempDir({ prefix: "flash_pty_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      await using sink = new Sink();
      const token = `p${crypto.randomUUID().slice(0, 8)}`;
      const file = await writeProgram(testProgram(token, sink.port));
      try {
        await using server = await startConsoleServer({ tcp: false, tty: pty.boardPath });
        const result = await runFlash(["--port", pty.userPath, "--file", file, "--watch", "1"]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, new RegExp(`Connected to ${pty.userPath} at 115200 baud`));
        assert.match(result.stdout, new RegExp(`flash-test ${token} running`));
        await waitFor("the program's connection", () => sink.messages.length === 1);

        server.powerCycle();
        await waitFor("the second run", () => server.count(`flash-test ${token} running`) === 2);
        await waitFor("the second connection", () => sink.messages.length === 2);

        // The same port works again for the next upload, as a real serial port does.
        const again = await runFlash(["--port", pty.userPath, "--file", file, "--watch", "0"]);
        assert.equal(again.code, 0, again.stderr);
        await waitFor("the third run", () => server.count(`flash-test ${token} running`) === 3);
      } finally {
        await Deno.remove(file);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("flash: a program with the device WebSocket client reaches the relay, again after a reboot", async () => {
  await using relay = startTestRelay();
  await using peer = await TestClient.open(`${relay.url}peer`, { ignore: isRetainedStatus });
  const library = await buildDeviceBundle({ entry: "device/ws/mod.ts", globalName: "WS" });
  const token = `w${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(
    library + `
var ws = WS.createWebSocketClient({ url: ${JSON.stringify(`${relay.url}board-1`)} });
ws.on("open", function () {
  print("flash-test ${token} connected");
  ws.send("hello from ${token}");
});
`,
  );
  try {
    await using server = await startConsoleServer();
    const result = await runFlash(["--port", server.url!, "--file", file, "--watch", "1"]);
    assert.equal(result.code, 0, result.stderr);
    // net, tls and crypto are in the ESP32 firmware: nothing to fetch, nothing to warn about.
    assert.doesNotMatch(result.stderr, /warning/);
    assert.equal(await peer.next(10_000), `hello from ${token}`);

    // A power cycle resets the old connection (the relay frees the id) and runs the program again.
    server.powerCycle();
    assert.equal(await peer.next(10_000), `hello from ${token}`);
    assert.equal(server.count(`flash-test ${token} connected`), 2);
    await server.run("ws.close()");
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("flash --no-save runs the code from RAM only: a reboot does not run it", async () => {
  await using sink = new Sink();
  const token = `r${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(testProgram(token, sink.port));
  try {
    await using server = await startConsoleServer();
    const result = await runFlash(["-p", server.url!, "-f", file, "--no-save", "--watch", "0"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /RAM only/);
    const running = `flash-test ${token} running`;
    await waitFor("the program's run", () => server.count(running) === 1);
    await waitFor("the program's connection", () => sink.messages.length === 1);
    assert.doesNotMatch((await server.bootCode()) ?? "", new RegExp(token));
    assert.equal(await server.bootCode(".bootcde"), undefined);
    const from = server.board.console.text.length;
    server.powerCycle();
    await server.board.console.waitFor(/\n>/, { from });
    await server.board.runFor(1000);
    assert.equal(server.count(running), 1);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("flash reads the port from ESPRUINO_PORT; a module it would download is only reported", async () => {
  // The tool would fetch "ws" from the internet; offline it must warn, not hang.
  const file = await writeProgram(
    'print("from env");\nfunction later() { return require("ws"); }\n',
  );
  try {
    await using server = await startConsoleServer();
    const started = Date.now();
    // As `deno task flash -- …` passes it, with the `--`.
    const result = await runFlash(["--", "--file", file, "--watch", "0"], {
      env: { ESPRUINO_PORT: server.url! },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Date.now() - started < 30_000, "no 90 s wait for a download");
    assert.match(result.stderr, /warning: require\("ws"\): not built into the board's firmware/);
    await waitFor("the program's run", () => server.count("from env") === 1);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test({
  name: "error: no port given and none found",
  // The machine's own serial devices would be used: only meaningful without them.
  ignore: findSerialPorts().length > 0,
  async fn() {
    const result = await runFlash(["--file", "/dev/null"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No port given, and no serial port found/);
    assert.match(result.stderr, /looked for \/dev\/ttyUSB\* and \/dev\/ttyACM\*/);
    assert.match(result.stderr, /ESPRUINO_PORT/);
  },
});

Deno.test("resolvePort: flag, then ESPRUINO_PORT, then the only device; several or none is an error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "flash_dev_" });
  try {
    assert.equal(resolvePort("tcp://h:23", dir), "tcp://h:23");
    assert.throws(() => resolvePort(undefined, dir), (error: unknown) => {
      assert.ok(error instanceof FlashError);
      assert.equal(error.code, "NO_PORT");
      assert.match(error.hint, /No serial ports found/);
      return true;
    });
    await Deno.writeTextFile(`${dir}/ttyUSB0`, "");
    await Deno.writeTextFile(`${dir}/ttyS0`, ""); // not an ESP32 adapter
    assert.equal(resolvePort(undefined, dir), `${dir}/ttyUSB0`);
    await Deno.writeTextFile(`${dir}/ttyACM1`, "");
    assert.throws(() => resolvePort(undefined, dir), (error: unknown) => {
      assert.ok(error instanceof FlashError);
      assert.equal(error.code, "NO_PORT");
      assert.match(error.message, new RegExp(`${dir}/ttyACM1, ${dir}/ttyUSB0`));
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("error: the port does not exist", async () => {
  const dir = await Deno.makeTempDir({ prefix: "flash_missing_" });
  try {
    const result = await runFlash(["--port", `${dir}/ttyUSB9`, "--file", "/dev/null"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`Serial port ${dir}/ttyUSB9 does not exist`));
    assert.match(result.stderr, /Plug the board in|Serial ports found/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("error: the file to upload does not exist", async () => {
  const result = await runFlash(["--port", "tcp://127.0.0.1:9", "--file", "/nonexistent/x.js"]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /\/nonexistent\/x\.js does not exist/);
});

Deno.test("error: --settings-only with code options, or with a bad configuration, sends nothing", async () => {
  const both = await runFlash(["--port", "tcp://127.0.0.1:9", "--settings-only", "--file", "x.js"]);
  assert.equal(both.code, 1);
  assert.match(
    both.stderr,
    /--settings-only writes only the settings: --file, --out and --no-save/,
  );
  const dir = await Deno.makeTempDir({ prefix: "flash_settings_" });
  try {
    await Deno.writeTextFile(`${dir}/device.json`, '{"server": "ws://h:8000/", "role": "admin"}');
    const bad = await runFlash([
      "--port",
      "tcp://127.0.0.1:9",
      "--settings-only",
      "--config",
      `${dir}/device.json`,
    ]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /role: expected "device" or "operator", got "admin"/);
    assert.match(bad.stderr, /nothing was sent/);
    assert.doesNotMatch(bad.stderr, /Connected to/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "error: permission denied on the port, with the dialout hint",
  ignore: SKIP_PTY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "flash_perm_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      const device = await Deno.realPath(pty.userPath);
      await Deno.chmod(device, 0o000);
      // Root ignores file modes; drop the capabilities that let it.
      const prefix = Deno.uid() === 0
        ? [
          "setpriv",
          "--inh-caps=-dac_override,-dac_read_search",
          "--bounding-set=-dac_override,-dac_read_search",
        ]
        : undefined;
      const result = await runFlash(["--port", pty.userPath, "--file", "/dev/null"], { prefix });
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`Permission denied opening ${pty.userPath}`));
      assert.match(result.stderr, /dialout/);
      assert.match(result.stderr, /sudo usermod -aG dialout \$USER/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "error: the board does not answer (a pseudo-terminal nobody serves)",
  ignore: SKIP_PTY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "flash_silent_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      const file = await writeProgram('print("never");\n');
      try {
        const result = await runFlash(["--port", pty.userPath, "--file", file]);
        assert.equal(result.code, 1, result.stderr);
        assert.match(result.stderr, /does not answer/);
        assert.match(result.stderr, /baud rate/);
        assert.match(result.stderr, /cable/);
        assert.match(result.stderr, /other program holds the port/);
      } finally {
        await Deno.remove(file);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("error: connection refused on a tcp:// port", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close(); // now nothing listens there
  const result = await runFlash(["--port", `tcp://127.0.0.1:${port}`, "--file", "/dev/null"]);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    new RegExp(`Cannot connect to the network console at 127.0.0.1:${port}`),
  );
});

/** Forwards a TCP connection to `target` and cuts both sides after `limit` bytes upstream. */
function cuttingProxy(target: Deno.NetAddr, limit: number) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let forwarded = 0;
  const done = (async () => {
    const client = await listener.accept();
    listener.close();
    const board = await Deno.connect({ hostname: target.hostname, port: target.port });
    const close = () => {
      for (const c of [client, board]) {
        try {
          c.close();
        } catch {
          // closed already
        }
      }
    };
    const down = (async () => {
      const buffer = new Uint8Array(4096);
      try {
        while (true) {
          const n = await board.read(buffer);
          if (n === null) break;
          await client.write(buffer.subarray(0, n));
        }
      } catch {
        // cut
      }
    })();
    const buffer = new Uint8Array(4096);
    try {
      while (true) {
        const n = await client.read(buffer);
        if (n === null) break;
        const take = Math.min(n, limit - forwarded);
        await board.write(buffer.subarray(0, take));
        forwarded += take;
        if (forwarded >= limit) break;
      }
    } catch {
      // cut
    }
    close();
    await down;
  })();
  return { port: listener.addr.port, done, forwarded: () => forwarded };
}

Deno.test("error: upload interrupted when the network peer closes midway", async () => {
  const token = `i${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(testProgram(token, 9, 6000));
  try {
    await using server = await startConsoleServer();
    const proxy = cuttingProxy(server.addr!, 3000);
    const result = await runFlash(["--port", `tcp://127.0.0.1:${proxy.port}`, "--file", file]);
    await proxy.done;
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stderr,
      /Upload interrupted: the connection to the board closed after \d+ of \d+ bytes/,
    );
    assert.match(result.stderr, /run the upload again/);
    // The board kept only part of the program and did not start it.
    await server.board.runFor(1000);
    assert.equal(server.count(`flash-test ${token} running`), 0);
  } finally {
    await Deno.remove(file);
  }
});

Deno.test({
  name: "error: upload interrupted when the serial line goes away midway",
  ignore: SKIP_PTY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "flash_cut_" });
    const token = `s${crypto.randomUUID().slice(0, 8)}`;
    const file = await writeProgram(testProgram(token, 9, 6000));
    try {
      const pty = await createPtyPair({ userPath: `${dir}/host` });
      await using server = await startConsoleServer({ tcp: false, tty: pty.boardPath });
      let cut: Promise<void> | undefined;
      const result = await runFlash(["--port", pty.userPath, "--file", file], {
        // Unplug the cable once a quarter of the upload went through.
        onStderr: (text) => {
          if (!cut && / 2\d% /.test(text)) cut = pty.close();
        },
      });
      await cut;
      await pty.close();
      assert.ok(cut, "the upload reached 25% before the cut");
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /Upload interrupted/);
      await server.board.runFor(1000);
      assert.equal(server.count(`flash-test ${token} running`), 0);
    } finally {
      await Deno.remove(file);
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "error: flashing over a serial port refuses a loopback server before building",
  ignore: SKIP_PTY,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "flash_loopback_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      const config = `${dir}/device.json`;
      const out = `${dir}/firmware.js`;
      for (const server of ["ws://127.0.0.1:8000/", "wss://localhost:8443/", "ws://[::1]:8000/"]) {
        await Deno.writeTextFile(config, JSON.stringify({ server }));
        const result = await runFlash(["--port", pty.userPath, "--config", config, "--out", out]);
        assert.equal(result.code, 1, result.stderr);
        assert.match(
          result.stderr,
          new RegExp(
            `The server in ${config}, ${server.replace(/[.[\]]/g, "\\$&")}, is a loopback`,
          ),
        );
        assert.match(result.stderr, /would connect to itself, not to the relay on this computer/);
        assert.match(
          result.stderr,
          /Set "server" in .* to the relay's LAN address, such as ws:\/\//,
        );
        assert.match(result.stderr, /Nothing was built or uploaded/);
        assert.doesNotMatch(result.stderr, /build: /);
        await assert.rejects(Deno.stat(out), "nothing was built");
      }
      // A LAN address passes the check (and the silent pty then does not answer).
      await Deno.writeTextFile(config, JSON.stringify({ server: "ws://192.168.1.100:8000/" }));
      const lan = await runFlash(["--port", pty.userPath, "--config", config, "--out", out]);
      assert.doesNotMatch(lan.stderr, /is a loopback address/);
      assert.match(lan.stderr, /build: .*firmware\.js: \d+ bytes/);
      // --allow-loopback builds from a configuration only.
      const usage = await runFlash(["--port", pty.userPath, "--file", out, "--allow-loopback"]);
      assert.equal(usage.code, 1);
      assert.match(
        usage.stderr,
        /--allow-loopback build a firmware; --file uploads a file as it is/,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("isLoopbackHost: 127.0.0.0/8, localhost and ::1 in every spelling URL gives them", () => {
  const host = (url: string) => isLoopbackHost(new URL(url).hostname);
  for (
    const url of [
      "ws://127.0.0.1:8000/",
      "ws://127.1.2.3/",
      "ws://127.1/",
      "ws://0x7f000001/",
      "ws://localhost:8000/",
      "ws://LOCALHOST./",
      "ws://relay.localhost/",
      "ws://[::1]:8000/",
      "ws://[0:0:0:0:0:0:0:1]/",
      "ws://[::ffff:127.0.0.1]/",
    ]
  ) assert.ok(host(url), url);
  for (
    const url of [
      "ws://192.168.1.100:8000/",
      "ws://10.0.0.1/",
      "ws://128.0.0.1/",
      "ws://relay.lan/",
      "ws://localhost.example.com/",
      "ws://[fe80::1]/",
      "ws://[::ffff:192.168.1.1]/",
    ]
  ) assert.ok(!host(url), url);
});

Deno.test("parseTcpPort defaults to the telnet port 23 and rejects bad ports", () => {
  assert.deepEqual(parseTcpPort("tcp://192.168.1.50"), { hostname: "192.168.1.50", port: 23 });
  assert.deepEqual(parseTcpPort("tcp://board.local:2323"), { hostname: "board.local", port: 2323 });
  assert.throws(() => parseTcpPort("tcp://h:99999"), FlashError);
});

Deno.test("progressBar shows the fraction sent", () => {
  assert.equal(progressBar(0, 2048, 10), "[..........]   0% 0.0/2.0 KB");
  assert.equal(progressBar(1024, 2048, 10), "[#####.....]  50% 1.0/2.0 KB");
  assert.equal(progressBar(2048, 2048, 10), "[##########] 100% 2.0/2.0 KB");
});

/** Builds the SOS firmware from a configuration, flashes it over `port`, checks SOS! and a reboot. */
async function flashFirmware(
  transport: "tcp" | "pty",
): Promise<void> {
  await using relay = startTestRelay({ onDuplicate: "replace", token: "t0ken" });
  await using peer = await TestClient.open(`${relay.url}peer?token=t0ken`, {
    ignore: isRetainedStatus,
  });
  const dir = await Deno.makeTempDir({ prefix: "flash_firmware_" });
  try {
    const config = `${dir}/device.json`;
    await Deno.writeTextFile(
      config,
      JSON.stringify({
        server: relay.url,
        clientId: "flashed-1",
        token: "t0ken",
        pattern: { dotOnMs: 20, dashOnMs: 40, offMs: 10, pauseMs: 40 },
        // No re-handshakes: a power cycle or the end of the test in the middle of one would reset
        // the connection while the relay upgrades it, and Deno's upgrade then never completes.
        rehandshakeEvery: 0,
      }),
    );
    await using pty = transport === "pty"
      ? await createPtyPair({ userPath: `${dir}/host` })
      : undefined;
    await using server = await startConsoleServer({
      tcp: transport === "tcp",
      tty: pty?.boardPath,
    });
    const out = `${dir}/firmware.js`;
    const port = pty ? pty.userPath : server.url!;
    if (pty) {
      // A serial port is a physical board to flash: it cannot reach the relay at 127.0.0.1.
      const stored = await server.bootCode();
      const refused = await runFlash(["--port", port, "--config", config, "--out", out]);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /is a loopback address/);
      assert.equal(await server.bootCode(), stored, "nothing was uploaded");
      await assert.rejects(Deno.stat(out), "nothing was built");
    }
    const result = await runFlash([
      "--port",
      port,
      "--config",
      config,
      "--out",
      out,
      "--watch",
      "1",
      // This "board" runs on this computer: over its pty too, 127.0.0.1 is the relay.
      ...(pty ? ["--allow-loopback"] : []),
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /build: .*firmware\.js: \d+ bytes/);
    assert.equal(await server.bootCode(), await Deno.readTextFile(out));
    assert.equal(await peer.next(10_000), "SOS!", "the flashed firmware talks to the relay");

    // After a power cycle (Storage kept) it runs again and connects again under the same id.
    const connections = relay.running.relay.metrics.connections;
    const links = () => connections.accepted + connections.replaced;
    const before = links();
    server.powerCycle();
    await waitFor("the firmware's second boot", () => server.count("flashed-1 blinking") === 2);
    await waitFor("the second connection", () => links() > before, 10_000);
    assert.equal(await peer.next(10_000), "SOS!");
    await server.run("clearTimeout()"); // quiet the board before it is stopped

    // A broken configuration stops before anything is uploaded.
    await Deno.writeTextFile(config, JSON.stringify({ server: "http://nowhere/" }));
    const broken = await runFlash(["--port", port, "--config", config, "--out", out]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /server: expected a ws:\/\/ or wss:\/\/ URL/);
    assert.match(broken.stderr, /nothing was uploaded/);
    // Power off: the relay must see the board's connection end before it shuts down itself.
    await server[Symbol.asyncDispose]();
    await waitFor(
      "the relay to drop the board",
      () => !relay.running.relay.hub.clients().some((client) => client.id === "flashed-1"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("flash builds the SOS firmware from --config, uploads it over tcp://, it runs and runs again after a reboot", async () => {
  await flashFirmware("tcp");
});

Deno.test({
  name:
    "flash builds the SOS firmware, uploads it over a pseudo-terminal, it runs and runs again after a reboot",
  ignore: SKIP_PTY,
  async fn() {
    assert.ok(HAVE_SOCAT, "socat is required (apt-get install socat)");
    await flashFirmware("pty");
  },
});

Deno.test("ramRoom: a bundle needing more than half the board's variables in RAM is refused", () => {
  const c3 = { free: 4028, total: 4095, blocksize: 13 };
  const big = ramRoom("x".repeat(13547), c3);
  assert.equal(big.needed, 2710);
  assert.match(big.refusal!, /The bundle is 13547 bytes/);
  assert.match(big.refusal!, /about 2710 of the board's 4095 variables \(13 bytes each; 4028 free/);
  assert.equal(ramRoom("x".repeat(9000), c3).refusal, undefined);
  // The ESP32's 16383 variables take the same bundle.
  assert.equal(
    ramRoom("x".repeat(13547), { free: 16300, total: 16383, blocksize: 14 }).refusal,
    undefined,
  );
  // A board that does not say is not refused.
  assert.equal(ramRoom("x".repeat(50000), {}).refusal, undefined);
});

Deno.test("missingModuleWarning names the Espruino version that builds a module in, else says to bundle it", () => {
  assert.match(
    missingModuleWarning("timer"),
    /^require\("timer"\): not built into .*Espruino 2v29 and later: update the board's Espruino/,
  );
  assert.match(missingModuleWarning("ws"), /^require\("ws"\): .*\(bundle it with esbuild\)\.$/);
});
