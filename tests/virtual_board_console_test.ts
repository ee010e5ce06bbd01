/**
 * The virtual board's console over real TCP and a real pseudo-terminal
 * (socat): Espruino's REPL as a terminal or the `espruino` tool sees it,
 * and `deno task sim` serving it.
 */

import assert from "node:assert/strict";
import {
  countBrackets,
  EspruinoRepl,
  formatValue,
  startConsoleServer,
} from "../virtual_board/console_server.ts";
import { createPtyPair } from "../tools/pty_pair.ts";

const CI = Deno.env.get("CI") === "true";
const HAVE_SOCAT = await (async () => {
  try {
    return (await new Deno.Command("sh", {
      args: ["-c", "command -v socat"],
      stdout: "null",
      stderr: "null",
    }).output()).success;
  } catch {
    return false;
  }
})();
/** Without socat the pseudo-terminal tests skip locally but fail in CI. */
const SKIP_PTY = !HAVE_SOCAT && !CI;

function toText(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function toBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

interface ByteStream {
  read(b: Uint8Array): Promise<number | null>;
  write(b: Uint8Array): Promise<number>;
  close(): void;
}

/** A console client on any byte stream: sends text, waits for output. */
class Client implements AsyncDisposable {
  output = "";
  #reading: Promise<void>;
  #resource: ByteStream;

  constructor(resource: ByteStream) {
    this.#resource = resource;
    this.#reading = (async () => {
      const buffer = new Uint8Array(4096);
      try {
        while (true) {
          const n = await resource.read(buffer);
          if (n === null) break;
          this.output += toText(buffer.subarray(0, n));
        }
      } catch {
        // closed
      }
    })();
  }

  static async tcp(addr: Deno.NetAddr): Promise<Client> {
    return new Client(await Deno.connect({ hostname: addr.hostname, port: addr.port }));
  }

  /** Opens a terminal device the way tools/flash.ts does (separate read and write handles). */
  static async tty(path: string): Promise<Client> {
    const stty = await new Deno.Command("stty", { args: ["-F", path, "raw", "-echo"] }).output();
    assert.ok(stty.success);
    const reader = await Deno.open(path, { read: true });
    const writer = await Deno.open(path, { write: true });
    return new Client({
      read: (b) => reader.read(b),
      write: (b) => writer.write(b),
      close: () => {
        reader.close();
        writer.close();
      },
    });
  }

  async send(text: string): Promise<void> {
    const bytes = toBytes(text);
    let offset = 0;
    while (offset < bytes.length) offset += await this.#resource.write(bytes.subarray(offset));
  }

  /** Waits until the output after `from` contains `text`; returns the output from `from`. */
  async expect(text: string, from = 0, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.slice(from).includes(text)) {
      if (Date.now() > deadline) {
        throw new Error(
          `console never printed ${JSON.stringify(text)}; got ${
            JSON.stringify(this.output.slice(from))
          }`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.output.slice(from);
  }

  /** Sends `text`, then waits for `reply` in what follows. */
  async exchange(text: string, reply: string): Promise<string> {
    const from = this.output.length;
    await this.send(text);
    return await this.expect(reply, from);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.#resource.close();
    await this.#reading;
  }
}

Deno.test("console over TCP: prompt, echo and =result like Espruino's REPL", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  // What the espruino tool sends first to find a prompt.
  assert.equal(await client.exchange("\n", ">"), "\r\n>");
  assert.equal(await client.exchange("1+2\r", "=3\r\n>"), "1+2\r\n=3\r\n>");
  assert.equal(await client.exchange('"a"+"b"\n', ">"), '"a"+"b"\r\n="ab"\r\n>');
  assert.equal(await client.exchange("[1,{x:2}]\n", ">"), "[1,{x:2}]\r\n=[ 1, { x: 2 } ]\r\n>");
  // Backspace erases on screen and in the line.
  assert.equal(await client.exchange("12\x083\n", ">"), "12\x08 \x083\r\n=13\r\n>");
});

Deno.test("console: a \\x10 line runs without echo, its output still shows", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  const from = client.output.length;
  await client.send("\x10var quiet = 41 + 1\n\x10print('<','<<',JSON.stringify(quiet),'>>','>')\n");
  const out = await client.expect("< << 42 >> >", from);
  assert.doesNotMatch(out, /var quiet|print\(/);
  assert.doesNotMatch(out, /=undefined/);
  assert.equal(server.board.eval("quiet"), 42);
});

Deno.test("console: unclosed brackets continue with ':', Alt-Enter adds a line without running", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  assert.equal(await client.exchange("function twice(a) {\n", ":"), "function twice(a) {\r\n:");
  await client.exchange("  return a * 2;\n", ":");
  await client.exchange("}\n", ">");
  await client.exchange("twice(21)\n", "=42\r\n>");
  await client.exchange("var s = 1\x1b\n+ 2\n", ">");
  await client.exchange("s\n", "=3\r\n>");
});

Deno.test("console: Ctrl-C drops the line being typed", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  assert.equal(await client.exchange("(1 +\n", ":"), "(1 +\r\n:");
  assert.equal(await client.exchange("\x03", ">"), "\r\x1b[J>");
  await client.exchange("5\n", "=5\r\n>");
  // The tool's recovery sequence after a lost prompt.
  await client.exchange("\x03\x03echo(1)\n", ">");
  await client.exchange("6\n", "=6\r\n>");
});

Deno.test("console: errors are reported as Uncaught, code Espruino cannot run is refused", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  const out = await client.exchange("nosuch()\n", ">");
  assert.match(out, /Uncaught ReferenceError: nosuch is not defined\r\n>$/);
  const dialect = await client.exchange("var m = new Map()\n", ">");
  // Text above byte 255 goes out as UTF-8, as it would from the device.
  const utf8 = new TextDecoder().decode(toBytes(dialect));
  assert.match(utf8, /Uncaught \w*Error: [^]*Map — missing on Espruino[^]*\r\n>$/);
});

Deno.test("console: echo(0) silences echo and results until echo(1)", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  await client.exchange("echo(0)\n", "\r\n");
  const from = client.output.length;
  await client.send("var hidden = 7\nprint('shown', hidden)\n");
  const out = await client.expect("shown 7\r\n", from);
  assert.equal(out, "shown 7\r\n");
  assert.equal(server.repl.echo, false);
  await client.send("echo(1)\n");
  await client.exchange("hidden\n", "=7\r\n>");
});

Deno.test("console: reset() clears RAM; load() runs the saved .bootcde; output from timers", async () => {
  await using server = await startConsoleServer({ boot: { code: "" } });
  await using client = await Client.tcp(server.addr!);
  await client.exchange("\n", ">");
  await client.exchange("var kept = 1\n", ">");
  await client.exchange("\x10reset();\n", "");
  await new Promise((resolve) => setTimeout(resolve, 100));
  await client.exchange("typeof kept\n", '="undefined"\r\n>');
  await client.exchange(
    '\x10require("Storage").write(".bootcde","setTimeout(function(){print(\\"tick\\")},20);")\n',
    "",
  );
  const out = await client.exchange("\x10load()\n", "tick\r\n>");
  // Output from a timer takes the prompt off the line first.
  assert.match(out, /tick\r\n>$/);
  assert.equal(server.board.storage[".bootcde"], 'setTimeout(function(){print("tick")},20);');
});

Deno.test({
  name: "console over a pseudo-terminal: input from it, output to it and to TCP clients",
  ignore: SKIP_PTY,
  async fn() {
    assert.ok(HAVE_SOCAT, "socat is required (apt-get install socat)");
    const dir = await Deno.makeTempDir({ prefix: "console_pty_" });
    try {
      await using pty = await createPtyPair({ userPath: `${dir}/host` });
      await using server = await startConsoleServer({ boot: { code: "" }, tty: pty.boardPath });
      await using serial = await Client.tty(pty.userPath);
      await using telnet = await Client.tcp(server.addr!);
      assert.equal(await serial.exchange("\n", ">"), "\r\n>");
      const from = telnet.output.length;
      await serial.exchange("setTimeout(function(){print('both')},20)\n", "both\r\n>");
      await telnet.expect("both\r\n>", from);
      await serial.exchange("\x03\x10print(40+2)\n", "42\r\n");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("EspruinoRepl: the prompt comes back once after output, not after echo-off lines", () => {
  let out = "";
  const repl = new EspruinoRepl({ evaluate: (code) => code.length, write: (t) => out += t });
  repl.input("\n");
  assert.equal(out, "\r\n>");
  out = "";
  repl.input("\x10abc\n"); // silent, no output: the prompt stays where it is
  assert.equal(out, "");
  repl.print("hello\n");
  repl.returnInputLine();
  // Output takes the prompt shown before off the line, then puts it back.
  assert.equal(out, "\r\x1b[Jhello\r\n>");
  out = "";
  repl.input("ab");
  repl.print("x\n");
  repl.returnInputLine();
  // The half-typed line is taken off and put back after the output.
  assert.equal(out, "ab\r\x1b[Jx\r\n>ab");
  assert.equal(repl.inputLine, "ab");
});

Deno.test("countBrackets ignores brackets in strings, comments, regexes and templates", () => {
  assert.equal(countBrackets("f(1, [2, {a: 3}])"), 0);
  assert.equal(countBrackets("if (x) {"), 1);
  assert.equal(countBrackets('print("({[")'), 0);
  assert.equal(countBrackets("x = /[(]/.test(s)"), 0);
  assert.equal(countBrackets("a = b / c; d = (e"), 1);
  assert.equal(countBrackets("// {"), 0);
  assert.equal(countBrackets("/* {"), 1000);
  assert.equal(countBrackets("`${a}("), 1000);
  assert.equal(countBrackets('"unfinished ('), 0);
  assert.equal(countBrackets("}"), -1);
});

Deno.test("formatValue prints results like Espruino", () => {
  assert.equal(formatValue(undefined), "undefined");
  assert.equal(formatValue("a\nb"), '"a\\nb"');
  assert.equal(formatValue([]), "[ ]");
  assert.equal(formatValue({ a: [1, true], "b-c": null }), '{ a: [ 1, true ], "b-c": null }');
});

Deno.test({
  name: "deno task sim: serves the console on TCP and a pty; flash uploads to it and it runs",
  ignore: SKIP_PTY,
  async fn() {
    assert.ok(HAVE_SOCAT, "socat is required (apt-get install socat)");
    const dir = await Deno.makeTempDir({ prefix: "sim_test_" });
    try {
      const firmware = `${dir}/firmware.js`;
      await Deno.writeTextFile(firmware, 'print("sim firmware up");\n');
      const app = `${dir}/app.js`;
      await Deno.writeTextFile(app, 'print("uploaded app up");\n');
      const sim = new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--allow-all",
          new URL("../virtual_board/sim.ts", import.meta.url).pathname,
          "--", // as `deno task sim -- …` passes it
          "--file",
          firmware,
          "--port",
          "0",
          "--pty",
          `${dir}/serial`,
        ],
        env: { NO_COLOR: "1" },
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      let stdout = "";
      let stderr = "";
      const decoder = new TextDecoder();
      const reading = Promise.all([
        (async () => {
          for await (const c of sim.stdout) stdout += decoder.decode(c, { stream: true });
        })(),
        (async () => {
          for await (const c of sim.stderr) stderr += decoder.decode(c, { stream: true });
        })(),
      ]);
      try {
        const deadline = Date.now() + 15_000;
        while (!/Press Ctrl-C/.test(stderr) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const url = /Console: (tcp:\/\/\S+)/.exec(stderr)?.[1];
        assert.ok(url, stderr);
        assert.match(stderr, new RegExp(`Console: ${dir}/serial`));
        assert.match(stdout, /board\| sim firmware up/);
        for (const port of [url, `${dir}/serial`]) {
          const flash = await new Deno.Command(Deno.execPath(), {
            args: [
              "run",
              "--allow-all",
              new URL("../tools/flash.ts", import.meta.url).pathname,
              "--port",
              port,
              "--file",
              app,
              "--watch",
              "1",
            ],
            stdin: "null",
          }).output();
          assert.equal(flash.code, 0, decoder.decode(flash.stderr));
          assert.match(decoder.decode(flash.stdout), /uploaded app up/);
        }
        assert.equal(stdout.match(/board\| uploaded app up/g)?.length, 2, stdout);
        // The tool's own queries are not shown as program output.
        assert.doesNotMatch(stdout, /< <</);
      } finally {
        sim.kill("SIGTERM");
        const status = await sim.status;
        await reading;
        assert.equal(status.code, 0, stderr);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
