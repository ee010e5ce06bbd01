/**
 * `tools/flash.ts` end to end: the real `espruino` tool (EspruinoTools)
 * uploads to the console of the WebAssembly engine (the real Espruino 2v29
 * interpreter of an ESP32-C3, engine/) over real TCP and over a real
 * pseudo-terminal made with socat, exactly as to a board; the uploaded
 * program runs, opens a TCP connection, and runs again after a power cycle.
 * Every clear error is produced by its real cause. Device code that talks to a
 * relay (the WebSocket client, the SOS firmware) is flashed in `flash_firmware_test.ts`.
 */

import assert from "node:assert/strict";
import { createPtyPair } from "../tools/pty_pair.ts";
import { buildBootStub } from "../tools/boot_stub.ts";
import { progressBar, resolvePort } from "../tools/flash.ts";
import {
  findSerialPorts,
  FlashError,
  isLoopbackHost,
  parseTcpPort,
} from "../tools/flash_transport.ts";
import { missingModuleWarning, ramRoom } from "../tools/flash_espruino.ts";
import {
  HAVE_SOCAT,
  runFlash,
  Sink,
  SKIP_PTY,
  startConsoleServer,
  testProgram,
  waitFor,
  writeProgram,
} from "./flash_harness.ts";

/** Flashes over `port`, then checks the program ran, reached the sink, and runs after a reboot. */
async function flashAndReboot(port: (server: { url?: string }) => Promise<string>): Promise<void> {
  await using sink = new Sink();
  const token = `t${crypto.randomUUID().slice(0, 8)}`;
  const file = await writeProgram(testProgram(token, sink.port));
  try {
    await using server = await startConsoleServer();
    // The tool shows the board's console until the watch ends or the console does: it is closed
    // once the tool has shown the program's line, so the test never depends on how fast it ran.
    const running = `flash-test ${token} running`;
    let closing: Promise<void> | undefined;
    const result = await runFlash(
      ["--port", await port(server), "--file", file, "--watch", "120"],
      {
        onStdout: (text) => {
          if (text.includes(running)) closing ??= server.closeConsole();
        },
      },
    );
    await closing;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Saved \d+ bytes to Storage \.bootcde on WASM_ESP32C3 2v29/);
    assert.match(result.stderr, /100% /, "a progress bar reached 100%");
    // The board's own output, shown by the tool after the upload.
    assert.match(result.stdout, new RegExp(running));
    await waitFor("the program's connection", () => sink.messages.length === 1);
    assert.equal(sink.messages[0], `hello from ${token}\n`);
    assert.match((await server.bootCode())!, new RegExp(token));
    // .bootcde is the boot stub, which runs the slot (docs/ota.md).
    assert.equal(await server.bootCode(".bootcde"), await buildBootStub());

    server.powerCycle();
    await waitFor("the second run", () => server.count(running) === 2);
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
        // Ctrl-C ends the watch once the board's output has been shown, and the upload counts.
        const result = await runFlash(["--port", pty.userPath, "--file", file, "--watch", "120"], {
          onStdout: (text, interrupt) => {
            if (text.includes(`flash-test ${token} running`)) interrupt();
          },
        });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /Ctrl-C ends it/);
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
