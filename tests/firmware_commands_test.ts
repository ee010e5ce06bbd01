/**
 * The firmware's command handling on its own: what is a command for this
 * device, what each does, and the error replies.
 */

import assert from "node:assert/strict";
import { type CommandTarget, describeError, handleCommand } from "../device/firmware/commands.ts";
import type { SosPattern } from "../device/firmware/config.ts";

function target() {
  const calls: string[] = [];
  const t: CommandTarget = {
    id: "board-7",
    status: () => ({ uptime: 12 }),
    blinker: {
      pattern: { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 } as SosPattern,
      setEnabled: (on) => calls.push(`blink ${on}`),
      setPattern: (next) => {
        t.blinker.pattern = next;
        calls.push("pattern");
      },
    },
    say: (text) => calls.push(`say ${text}`),
    rehandshake: () => calls.push("rehandshake"),
    reboot: () => calls.push("reboot"),
  };
  return { t, calls };
}

Deno.test("only JSON objects addressed to this id, an array holding it, or * are commands", () => {
  const { t, calls } = target();
  for (
    const text of [
      "SOS!",
      "",
      "{",
      "[1]",
      "null",
      '"x"',
      '{"cmd":"status"}',
      '{"to":"board-8","cmd":"reboot"}',
      '{"to":["board-8","board-9"],"cmd":"reboot"}',
      '{"to":"board-7 ","cmd":"reboot"}',
    ]
  ) {
    assert.equal(handleCommand(text, t), null, text);
  }
  assert.deepEqual(calls, []);
  assert.deepEqual(handleCommand('{"to":"*","cmd":"status"}', t), {
    from: "board-7",
    re: "status",
    ok: true,
    status: { uptime: 12 },
  });
  assert.deepEqual(handleCommand('{"to":["board-1","board-7"],"cmd":"status"}', t)?.re, "status");
});

Deno.test("each command acts and replies with from and re", () => {
  const { t, calls } = target();
  const run = (value: unknown) =>
    handleCommand(JSON.stringify({ to: "board-7", ...value as object }), t);
  assert.deepEqual(run({ cmd: "blink", on: false }), {
    from: "board-7",
    re: "blink",
    ok: true,
    on: false,
  });
  assert.deepEqual(run({ cmd: "pattern", pauseMs: 1000, offMs: 60 }), {
    from: "board-7",
    re: "pattern",
    ok: true,
    pattern: { dotOnMs: 200, dashOnMs: 400, offMs: 60, pauseMs: 1000 },
  });
  assert.equal(run({ cmd: "say", text: "hi" })?.ok, true);
  assert.equal(run({ cmd: "rehandshake" })?.ok, true);
  assert.equal(run({ cmd: "reboot" })?.ok, true);
  assert.deepEqual(calls, ["blink false", "pattern", "say hi", "rehandshake", "reboot"]);
});

Deno.test("malformed commands get an error reply and change nothing", () => {
  const { t, calls } = target();
  const cases: [unknown, RegExp][] = [
    [{ to: "board-7" }, /"cmd" must be a string: one of status, blink/],
    [{ to: "board-7", cmd: 5 }, /"cmd" must be a string/],
    [{ to: "board-7", cmd: "dance" }, /unknown command "dance"/],
    [{ to: "board-7", cmd: "blink" }, /"on" must be true or false/],
    [{ to: "board-7", cmd: "pattern" }, /give at least one of dotOnMs, dashOnMs, offMs, pauseMs/],
    [{ to: "board-7", cmd: "pattern", dotOnMs: 0.5 }, /"dotOnMs" must be a whole number/],
    [{ to: "board-7", cmd: "pattern", dotOnMs: 100, dashOnMs: 20000 }, /"dashOnMs"/],
    [{ to: "board-7", cmd: "say", text: 42 }, /"text" must be a string/],
  ];
  for (const [command, error] of cases) {
    const reply = handleCommand(JSON.stringify(command), t);
    assert.equal(reply?.from, "board-7");
    assert.equal(reply?.ok, false);
    assert.match(String(reply?.error), error);
  }
  assert.deepEqual(calls, []);
  assert.deepEqual(t.blinker.pattern, { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 });
});

Deno.test("describeError always says what failed, whatever was thrown", () => {
  assert.equal(describeError(new Error("boom")), "boom");
  assert.equal(describeError(new TypeError("x is not a function")), "x is not a function");
  assert.equal(describeError(undefined), "undefined was thrown");
  assert.equal(describeError(null), "null was thrown");
  assert.equal(describeError("plain text"), "plain text");
  assert.equal(describeError(""), '"" was thrown');
  assert.equal(describeError(42), "42 was thrown");
  assert.equal(describeError({ code: -30848 }), '{"code":-30848} was thrown');
  assert.equal(describeError(new Error("")), "Error without a message");
});
