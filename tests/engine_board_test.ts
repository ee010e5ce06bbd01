/**
 * The WebAssembly engine (`engine/`): the real Espruino interpreter in-process, with the host as
 * its hardware. Each test drives the interpreter through its console, as a person at a board's
 * REPL would, and judges time on the board's own clock.
 */

import assert from "node:assert/strict";
import { EspruinoBoard } from "../engine/board.ts";
import { saveBootCode } from "../engine/upload.ts";
import { EngineBuildError, loadBoardModule, WASM_DIR } from "../engine/wasm_module.ts";
import type { BoardName } from "../engine/wasm_module.ts";

let evaluations = 0;

/** Types one line (not echoed) and resolves with what it printed. */
async function evaluate(board: EspruinoBoard, line: string): Promise<string> {
  const marker = `@done${++evaluations}`;
  const from = board.console.text.length;
  board.console.write(`\x10${line}\n\x10print("${marker}")\n`);
  const text = await board.console.waitFor(marker, { from, timeoutMs: 20_000 });
  // deno-lint-ignore no-control-regex
  const plain = text.slice(0, text.indexOf(marker)).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  return plain.replace(/[>\s]+$/, "").replace(/^[>\s]+/, "").trim();
}

async function started(options: Parameters<typeof EspruinoBoard.start>[0]): Promise<EspruinoBoard> {
  const board = await EspruinoBoard.start(options);
  await board.console.waitFor(/\n>/);
  return board;
}

for (
  const [board, jsvars] of [["esp32c3", 4095], ["esp32", 16383], ["esp32c3-unicode", 4095]] as [
    BoardName,
    number,
  ][]
) {
  Deno.test(`engine ${board}: the board's JsVars, Espruino's own number printing and E.*`, async () => {
    await using b = await started({ board, clock: "virtual" });
    assert.equal(await evaluate(b, "print(process.memory().total)"), String(jsvars));
    assert.equal(await evaluate(b, "print(0.1+0.2)"), "0.3");
    assert.equal(
      await evaluate(b, "print(typeof E.getSizeOf, typeof E.toJS, E.CRC32('abc'))"),
      "function function 891568578",
    );
    assert.equal(
      await evaluate(b, 'print(E.toString([104,105]), "\\xff".charCodeAt(0))'),
      "hi 255",
    );
  });
}

Deno.test("engine: a missing or corrupt build is refused with the command that rebuilds it", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const copy = new URL(`file://${dir}/`);
    await assert.rejects(loadBoardModule("esp32c3", copy), (error: Error) => {
      assert.ok(error instanceof EngineBuildError);
      assert.match(error.message, /manifest\.json is missing.*deno task engine:build/);
      return true;
    });
    await Deno.copyFile(new URL("manifest.json", WASM_DIR), `${dir}/manifest.json`);
    await assert.rejects(loadBoardModule("esp32c3", copy), /espruino-esp32c3\.wasm is missing/);
    const bytes = await Deno.readFile(new URL("espruino-esp32c3.wasm", WASM_DIR));
    bytes[bytes.length >> 1] ^= 0xff;
    await Deno.writeFile(`${dir}/espruino-esp32c3.wasm`, bytes);
    await assert.rejects(
      loadBoardModule("esp32c3", copy),
      /not the build its manifest records.*deno task engine:build/,
    );
    await assert.rejects(loadBoardModule("esp8266" as BoardName), /unknown board "esp8266"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("engine: utility-timer tasks fire at their own time while JavaScript is busy or blocked", async () => {
  await using b = await started({ clock: "virtual" });
  // 14 pulses queued in one call, then JavaScript busy for 300 ms of board time.
  await evaluate(
    b,
    "digitalPulse(LED1,1,[40,20,40,20,40,20,40,20,40,20,40,20,40,20]); var t=getTime(); while(getTime()<t+0.3);",
  );
  // The first train (420 ms) is over before the second is queued: the test's own real-time
  // latency must not decide whether the two overlap on the pin.
  await b.runFor(200);
  // Then JavaScript blocked from outside (a fault) while a second train plays.
  await evaluate(b, "setTimeout(function(){digitalPulse(LED1,1,[100,50,100,50,100]);},10)");
  b.blockJavaScript(50);
  await b.runFor(2000);
  const edges = b.pins.of("D2").filter((edge, i, all) =>
    i === 0 || edge.level !== all[i - 1].level
  );
  assert.equal(edges.length, 1 + 14 + 5, "every pulse played, none lost");
  const spans = edges.slice(1).map((edge, i) => edge.ms - edges[i].ms);
  // The first train's edges after its first are timer tasks: exact, busy loop or not.
  for (const [i, span] of spans.slice(1, 14).entries()) {
    assert.ok(Math.abs(span - (i % 2 === 0 ? 20 : 40)) < 0.01, `span ${i + 1}: ${span} ms`);
  }
  for (const [i, span] of spans.slice(-4).entries()) {
    assert.ok(Math.abs(span - (i % 2 === 0 ? 50 : 100)) < 0.01, `second train span ${i}: ${span}`);
  }
});

Deno.test("engine: an hour on the virtual clock runs every timer, and no idle time is waited for", async () => {
  await using b = await started({ clock: "virtual" });
  await evaluate(b, "var n=0; setInterval(function(){n++;},1000);");
  const before = b.clock.nowUs();
  await b.runFor(3_600_000);
  assert.ok(b.clock.nowUs() - before >= 3_600_000_000);
  const n = Number(await evaluate(b, "print(n)"));
  assert.ok(n >= 3600 && n <= 3601, `${n} intervals in an hour`);
});

Deno.test("engine: Storage survives a power cycle and a restart from its file; a throwing boot leaves the board up", async () => {
  const dir = await Deno.makeTempDir();
  const storageFile = `${dir}/flash.bin`;
  try {
    {
      await using b = await started({ clock: "virtual", storageFile });
      await saveBootCode(b, 'print("booted " + (1 + 1)); var booted = true;');
      b.powerCycle();
      await b.console.waitFor("booted 2");
      assert.equal(b.boots, 2);
      assert.equal(await evaluate(b, "print(booted)"), "true");
    }
    {
      await using b = await EspruinoBoard.start({ clock: "virtual", storageFile });
      await b.console.waitFor("booted 2");
      await saveBootCode(b, 'throw new Error("boom at boot");');
      b.powerCycle();
      await b.console.waitFor(/Uncaught Error: boom at boot/);
      // The interpreter reports it as the board does, and keeps running.
      assert.equal(await evaluate(b, "print(1+1)"), "2");
    }
    await Deno.writeFile(storageFile, new Uint8Array(100));
    await assert.rejects(
      EspruinoBoard.start({ storageFile }),
      /holds 100 bytes, but this board's Storage is 917504/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("engine: sockets reach this machine; a refused connect throws at once, as on the ESP32", async () => {
  await using b = await started({ clock: "wall" });
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const served = (async () => {
    const conn = await listener.accept();
    const received: number[] = [];
    const buf = new Uint8Array(4096);
    while (received.length < 3003) {
      const n = await conn.read(buf);
      if (n === null) break;
      received.push(...buf.subarray(0, n));
    }
    await conn.write(new TextEncoder().encode("pong"));
    conn.close();
    return received;
  })();
  await evaluate(
    b,
    `var s=require("net").connect({host:"127.0.0.1",port:${port}},function(){var a="";` +
      `for(var i=0;i<3000;i++)a+=String.fromCharCode(i&255);s.write(a);s.write("END");});` +
      `s.on("data",function(d){print("got "+d);});s.on("close",function(){print("closed");});`,
  );
  const received = await served;
  listener.close();
  assert.equal(received.length, 3003);
  assert.ok(received.slice(0, 3000).every((byte, i) => byte === (i & 255)), "bytes in order");
  await b.console.waitFor(/got pong[\s\S]*closed/);
  assert.match(
    await evaluate(
      b,
      `try{require("net").connect({host:"127.0.0.1",port:${port}})}catch(e){print(e.message)}`,
    ),
    /Unable to create socket/,
  );
});

Deno.test("engine: a slow link carries its rate each way in board time, and all of it arrives", async () => {
  await using b = await started({ clock: "virtual" });
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const sent = new Uint8Array(8000).map((_, i) => i & 255);
  const served = (async () => {
    const conn = await listener.accept();
    await conn.write(sent);
    const received: number[] = [];
    const buf = new Uint8Array(4096);
    while (received.length < 4000) {
      const n = await conn.read(buf);
      if (n === null) break;
      received.push(...buf.subarray(0, n));
    }
    conn.close();
    return received;
  })();
  b.network.slow(2000);
  // The board reads 8000 bytes, then writes 4000: at 2000 bytes a second each way, after a burst of
  // 536, 3.732 s and 1.732 s of board time, timed on the board from the first byte in and from the
  // write to the drain (a peer in this process may see them later in board time). Board time
  // never steps past the moment the link lets the bytes through, however long the host's turns.
  await evaluate(
    b,
    `var n=0,sum=0,t0,t1,s=require("net").connect({host:"127.0.0.1",port:${port}});` +
      `s.on("data",function(d){if(!n)t0=getTime();n+=d.length;` +
      `for(var i=0;i<d.length;i++)sum=(sum+d.charCodeAt(i))|0;` +
      `if(n==8000){t1=getTime();print("@in "+Math.round((t1-t0)*1000)+" "+sum);` +
      `var a="";for(i=0;i<4000;i++)a+=String.fromCharCode(i&255);s.write(a);}});` +
      `s.on("drain",function(){if(t1)print("@out "+Math.round((getTime()-t1)*1000));});`,
  );
  const [, inMs, sum] = (await b.console.waitFor(/@in (\d+) (\d+)/, { timeoutMs: 30_000 })).match(
    /@in (\d+) (\d+)/,
  )!;
  assert.equal(Number(sum), sent.reduce((a, x) => a + x, 0), "every byte arrived");
  assert.ok(Math.abs(Number(inMs) - 3732) <= 3, `8000 bytes in ${inMs} ms of board time`);
  const outMs = Number((await b.console.waitFor(/@out (\d+)/)).match(/@out (\d+)/)![1]);
  assert.ok(Math.abs(outMs - 1732) <= 3, `4000 bytes out in ${outMs} ms of board time`);
  const received = await served;
  listener.close();
  assert.equal(received.length, 4000);
  assert.ok(received.every((byte, i) => byte === (i & 255)), "bytes out in order");
});

Deno.test("engine: Wi-Fi joins a known network, refuses a wrong password, and a lost network drops the link", async () => {
  await using b = await started({
    clock: "virtual",
    networks: [{ ssid: "lab", password: "password1" }],
  });
  await evaluate(
    b,
    'var W=require("Wifi"); W.on("disconnected",function(d){print("lost "+d.reason);});' +
      'W.connect("lab",{password:"nope"},function(e){print("first "+e);});',
  );
  await b.runFor(10_000);
  await b.console.waitFor("first AUTH_FAIL");
  await evaluate(
    b,
    'W.connect("lab",{password:"password1"},function(e){print("second "+e+" "+W.getIP().ip);});',
  );
  await b.runFor(3000);
  await b.console.waitFor("second null 127.0.0.1");
  b.radio.lose(5000);
  await b.console.waitFor("lost beacon_timeout");
  assert.equal(b.radio.linkUp(), false);
  await b.runFor(6000);
  // The ESP32 does not rejoin by itself: the firmware must.
  assert.equal(b.radio.linkUp(), false);
  await evaluate(b, 'W.connect("lab",{password:"password1"},function(e){print("third "+e);});');
  await b.runFor(3000);
  await b.console.waitFor("third null");
  assert.equal(b.radio.linkUp(), true);
});
