/**
 * `deno task ota`'s command line without boards: what it refuses before it sends anything, and
 * how it says so.
 */

import assert from "node:assert/strict";
import { main } from "../tools/ota.ts";
import { startTestRelay } from "../testing/test_client.ts";

/** Runs the tool's main; resolves with its exit code and what it printed. */
async function ota(args: string[], env: Record<string, string> = {}) {
  let output = "";
  const code = await main(args, env, (text) => output += text);
  return { code, output };
}

Deno.test("ota refuses a missing, empty, binary or non-JavaScript file with what to do", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ota-tool-" });
  try {
    const base = ["--relay", "ws://127.0.0.1:9/", "--to", "esp32-1", "--file"];
    let run = await ota([...base, `${dir}/missing.js`]);
    assert.equal(run.code, 2);
    assert.match(run.output, /missing\.js does not exist: build the firmware with deno task build/);

    await Deno.writeTextFile(`${dir}/empty.js`, "");
    run = await ota([...base, `${dir}/empty.js`]);
    assert.match(run.output, /empty\.js is empty/);

    await Deno.writeFile(`${dir}/binary.js`, new Uint8Array([0x70, 0xff, 0x00, 0x41]));
    run = await ota([...base, `${dir}/binary.js`]);
    assert.match(run.output, /binary\.js is not UTF-8 text: it is not a firmware bundle/);

    await Deno.writeTextFile(`${dir}/broken.js`, "var x = {;\n");
    run = await ota([...base, `${dir}/broken.js`]);
    assert.equal(run.code, 2);
    assert.match(run.output, /broken\.js is not a bundle Espruino can run: line 1/);

    run = await ota([...base, dir]);
    assert.match(run.output, /is a folder/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ota: bad usage is named, and a credential never shows in what it prints", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ota-tool-" });
  try {
    const file = `${dir}/fw.js`;
    await Deno.writeTextFile(file, 'print("hello");\n');
    let run = await ota(["--relay", "ws://127.0.0.1:9/", "--file", file]);
    assert.equal(run.code, 2);
    assert.match(run.output, /give either --to ID\[,ID…\] or --all/);
    run = await ota(["--relay", "ws://127.0.0.1:9/", "--to", "a", "--all", "--file", file]);
    assert.match(run.output, /give either --to/);
    run = await ota(["--relay", "http://x/", "--to", "a", "--file", file]);
    assert.match(run.output, /--relay must be the relay's base URL/);
    run = await ota(["--relay", "ws://127.0.0.1:9/", "--to", "a b", "--file", file]);
    assert.match(run.output, /--to takes board ids/);
    run = await ota(["--relay", "ws://127.0.0.1:9/", "--to", "a", "--file", file, "--window", "0"]);
    assert.match(run.output, /--window must be a whole number from 1 to 16/);

    // A relay that wants a token the tool does not have: refused, and the wrong token unseen.
    await using relay = startTestRelay({ token: "the-relay-token-1234" });
    run = await ota(["--relay", relay.url, "--to", "a", "--file", file], {
      OPERATOR_TOKEN: "wrong-token-5678",
    });
    assert.equal(run.code, 2);
    assert.match(run.output, /cannot connect to the relay at .* as operator ota-[0-9a-f]+/);
    assert.ok(!run.output.includes("wrong-token-5678"));
    run = await ota(["--relay", relay.url, "--all", "--file", file], {
      OPERATOR_TOKEN: "wrong-token-5678",
    });
    assert.match(run.output, /GET \/devices answered 401: give an operator's token/);
    assert.ok(!run.output.includes("wrong-token-5678"));
    // With the right one, a relay that knows no devices has nothing to update.
    run = await ota(["--relay", relay.url, "--all", "--file", file], {
      OPERATOR_TOKEN: "the-relay-token-1234",
    });
    assert.match(run.output, /the relay lists no devices: nothing to update/);
    assert.ok(!run.output.includes("the-relay-token-1234"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
