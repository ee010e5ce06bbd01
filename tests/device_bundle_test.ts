/**
 * tools/bundle.ts: the output is one function Espruino can run, its built-in
 * modules stay plain `require` calls, and a global name exposes the entry's
 * exports without esbuild's export helpers.
 */

import assert from "node:assert/strict";
import { checkEspruinoDialect } from "../tools/espruino_dialect.ts";
import { buildDeviceBundle } from "../testing/device_build.ts";
import { endBareReturns } from "../tools/bundle.ts";
import { EspruinoBoard } from "../engine/board.ts";

/** Runs a bundle as a script with a `require` that records what it was asked for. */
function run(code: string, result: string): { value: unknown; required: string[] } {
  const required: string[] = [];
  const require = (name: string) => {
    required.push(name);
    return { connect: () => ({}) };
  };
  const value = new Function("require", `${code}\nreturn ${result};`)(require);
  return { value, required };
}

Deno.test("the client bundle passes the Espruino dialect check and keeps require calls plain", async () => {
  const code = await buildDeviceBundle({ entry: "device/ws/mod.ts", globalName: "WS" });
  assert.deepEqual(checkEspruinoDialect(code, { file: "ws.js" }), []);
  assert.ok(code.length <= 8192, `the client bundle is ${code.length} bytes, over 8 KB`);
  for (const name of ["net", "tls", "crypto"]) {
    assert.ok(code.includes(`require("${name}")`), `require("${name}") stays a plain call`);
  }
  // What esbuild's own iife/global-name output would have brought in.
  for (const helper of ["Proxy", "__require", "__toCommonJS", "__export", "getOwnPropertyNames"]) {
    assert.ok(!code.includes(helper), `no ${helper} in the bundle`);
  }
  assert.ok(code.startsWith("var WS=(()=>{"));
  const { value, required } = run(code, "WS");
  assert.deepEqual(Object.keys(value as object), ["createWebSocketClient"]);
  assert.equal(typeof (value as Record<string, unknown>).createWebSocketClient, "function");
  assert.deepEqual(required, [], "nothing is required before a client is created");
});

Deno.test("without a global name the bundle is a self-contained function that leaks no globals", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const entry = `${dir}/main.ts`;
    await Deno.writeTextFile(
      entry,
      `declare function require(name: string): { connect(): unknown };
const wifi = require("Wifi");
const storage = require("Storage");
export let started = 0;
wifi.connect();
storage.connect();
started++;
`,
    );
    const code = await buildDeviceBundle({ entry });
    assert.ok(code.startsWith("(()=>{") && code.trimEnd().endsWith("})();"), code);
    assert.deepEqual(checkEspruinoDialect(code, { file: "main.js" }), []);
    assert.ok(code.includes(`require("Wifi")`) && code.includes(`require("Storage")`));
    const { required } = run(code, "typeof started");
    assert.deepEqual(required, ["Wifi", "Storage"]);
    assert.equal(run(code, "typeof started").value, "undefined", "module variables stay inside");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a module that is neither local nor built into Espruino is a build error", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/main.ts`, `import "left-pad";\n`);
    await assert.rejects(buildDeviceBundle({ entry: `${dir}/main.ts` }), /left-pad/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a function ending in a bare return gets a semicolon, and then runs on the real interpreter", async () => {
  const code = `var f=function(x){x++;return};var g=x=>{if(x)return;else return};` +
    `var h=function(){try{return 1}catch(e){return}};var s="return}";print(f(1),g(1),h(),s)`;
  const fixed = endBareReturns(code);
  assert.equal(
    fixed,
    `var f=function(x){x++;return;};var g=x=>{if(x)return;else return;};` +
      `var h=function(){try{return 1}catch(e){return;}};var s="return}";print(f(1),g(1),h(),s)`,
  );
  for (const [script, works] of [[code, false], [fixed, true]] as const) {
    await using board = await EspruinoBoard.start({ clock: "virtual" });
    await board.console.waitFor(/\n>/);
    const from = board.console.text.length;
    board.console.write(`\x10${script};print("@done")\n`);
    await board.console.waitFor(/@done|Uncaught|Error/, { from });
    const output = board.console.text.slice(from);
    assert.equal(/undefined undefined 1 return\}/.test(output), works, output);
  }
});
