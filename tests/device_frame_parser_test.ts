/**
 * The device's frame parser: every frame kind split at every byte boundary,
 * protocol errors, size limits, and a seeded fuzz run.
 */

import assert from "node:assert/strict";
import { createFrameParser, FRAME_ERROR, type FrameParser } from "../device/ws/frame_parser.ts";
import { OP_BINARY, OP_CLOSE, OP_PING, OP_PONG, OP_TEXT } from "../device/ws/protocol.ts";
import { closeBody, randomBytes, seededRandom, serverFrame } from "./device_frames.ts";

type Event =
  | ["message", string, boolean]
  | ["ping" | "pong", string]
  | ["close" | "error", number, string];

/** A parser that records what it reports, and how much it ever held. */
function recording(maxMessageBytes = 1 << 20): {
  parser: FrameParser;
  events: Event[];
  peak: () => number;
  feed: (chunk: string) => void;
} {
  const events: Event[] = [];
  let peak = 0;
  const parser = createFrameParser(maxMessageBytes, (kind, data, code) => {
    if (kind === OP_TEXT || kind === OP_BINARY) events.push(["message", data, kind === OP_BINARY]);
    else if (kind === OP_PING) events.push(["ping", data]);
    else if (kind === OP_PONG) events.push(["pong", data]);
    else if (kind === OP_CLOSE) events.push(["close", code, data]);
    else if (kind === FRAME_ERROR) events.push(["error", code, data]);
    else assert.fail(`unknown kind ${kind}`);
  });
  const feed = (chunk: string) => {
    parser.push(chunk);
    peak = Math.max(peak, parser.buffered());
  };
  return { parser, events, peak: () => peak, feed };
}

function parseWhole(stream: string, max?: number): Event[] {
  const r = recording(max);
  r.feed(stream);
  return r.events;
}

const random = seededRandom(1);
const text125 = "t".repeat(125);
const bytes126 = randomBytes(random, 126);

/** One of each frame kind, with its expected event. */
const KINDS: { name: string; frame: string; event: Event }[] = [
  { name: "empty text", frame: serverFrame({ opcode: 1 }), event: ["message", "", false] },
  {
    name: "utf-8 text",
    frame: serverFrame({ opcode: 1, payload: "h\xc3\xa9llo \xe2\x9c\x93" }),
    event: ["message", "h\xc3\xa9llo \xe2\x9c\x93", false],
  },
  {
    name: "125-byte text",
    frame: serverFrame({ opcode: 1, payload: text125 }),
    event: ["message", text125, false],
  },
  {
    name: "126-byte binary (16-bit length)",
    frame: serverFrame({ opcode: 2, payload: bytes126 }),
    event: ["message", bytes126, true],
  },
  {
    name: "short binary in a 64-bit length",
    frame: serverFrame({ opcode: 2, payload: "\x00\xff", lengthBits: 64 }),
    event: ["message", "\x00\xff", true],
  },
  {
    name: "short text in a 16-bit length",
    frame: serverFrame({ opcode: 1, payload: "ab", lengthBits: 16 }),
    event: ["message", "ab", false],
  },
  {
    name: "ping with payload",
    frame: serverFrame({ opcode: 9, payload: "\x01\x02\x03" }),
    event: ["ping", "\x01\x02\x03"],
  },
  { name: "empty ping", frame: serverFrame({ opcode: 9 }), event: ["ping", ""] },
  {
    name: "pong",
    frame: serverFrame({ opcode: 10, payload: "p" }),
    event: ["pong", "p"],
  },
  {
    name: "fragmented text with a ping between fragments",
    frame: serverFrame({ opcode: 1, payload: "fra", fin: false }) +
      serverFrame({ opcode: 9, payload: "between" }) +
      serverFrame({ opcode: 0, payload: "gm", fin: false }) +
      serverFrame({ opcode: 0, payload: "", fin: false }) +
      serverFrame({ opcode: 0, payload: "ent" }),
    event: ["message", "fragment", false],
  },
  {
    name: "fragmented binary",
    frame: serverFrame({ opcode: 2, payload: "\x00", fin: false }) +
      serverFrame({ opcode: 0, payload: "\xff" }),
    event: ["message", "\x00\xff", true],
  },
];

/** The events of a stream that holds every kind, then a close. */
function everyKind(): { stream: string; expected: Event[] } {
  const expected: Event[] = [];
  let stream = "";
  for (const kind of KINDS) {
    stream += kind.frame;
    if (kind.name.startsWith("fragmented text")) expected.push(["ping", "between"]);
    expected.push(kind.event);
  }
  stream += serverFrame({ opcode: 8, payload: closeBody(1001, "going away") });
  expected.push(["close", 1001, "going away"]);
  return { stream, expected };
}

Deno.test("each frame kind parses whole", () => {
  for (const kind of KINDS) {
    const events = parseWhole(kind.frame).filter((e) => e[0] !== "ping" || e[1] !== "between");
    assert.deepEqual(events, [kind.event], kind.name);
  }
});

Deno.test("a stream of every frame kind gives the same events split at every byte boundary", () => {
  const { stream, expected } = everyKind();
  assert.deepEqual(parseWhole(stream), expected);
  for (let cut = 0; cut <= stream.length; cut++) {
    const r = recording();
    r.feed(stream.slice(0, cut));
    r.feed(stream.slice(cut));
    assert.deepEqual(r.events, expected, `split at byte ${cut}`);
  }
  for (let a = 0; a <= stream.length; a += 7) {
    for (let b = a; b <= stream.length; b += 5) {
      const r = recording();
      r.feed(stream.slice(0, a));
      r.feed(stream.slice(a, b));
      r.feed(stream.slice(b));
      assert.deepEqual(r.events, expected, `split at bytes ${a} and ${b}`);
    }
  }
});

Deno.test("one byte at a time gives the same events", () => {
  const { stream, expected } = everyKind();
  const r = recording();
  for (const c of stream) r.feed(c);
  assert.deepEqual(r.events, expected);
});

Deno.test("65535- and 65536-byte messages, in 7/16/64-bit headers, split at every header boundary", () => {
  for (const size of [65535, 65536, 100_000]) {
    const payload = randomBytes(seededRandom(size), size);
    for (const opcode of [1, 2]) {
      const frame = serverFrame({ opcode, payload });
      assert.equal(frame.length - size, size < 65536 ? 4 : 10);
      const expected: Event[] = [["message", payload, opcode === 2]];
      // Every cut inside the header and the first payload bytes, then a few far in.
      const cuts = [...Array(24).keys(), 4096, size - 1, size, frame.length];
      for (const cut of cuts) {
        const r = recording(200_000);
        r.feed(frame.slice(0, cut));
        r.feed(frame.slice(cut));
        assert.deepEqual(r.events, expected, `size ${size} split at ${cut}`);
      }
      // And in the board's 536-byte chunks.
      const r = recording(200_000);
      for (let at = 0; at < frame.length; at += 536) r.feed(frame.slice(at, at + 536));
      assert.deepEqual(r.events, expected);
      assert.ok(r.peak() <= size + 10);
    }
  }
});

Deno.test("a big message split into many fragments is reassembled", () => {
  const payload = randomBytes(seededRandom(7), 70_000);
  let stream = "";
  for (let at = 0; at < payload.length; at += 1000) {
    const last = at + 1000 >= payload.length;
    stream += serverFrame({
      opcode: at === 0 ? 2 : 0,
      payload: payload.slice(at, at + 1000),
      fin: last,
    });
    if (at % 10_000 === 0) stream += serverFrame({ opcode: 10, payload: String(at) });
  }
  const r = recording(70_000);
  for (let at = 0; at < stream.length; at += 536) r.feed(stream.slice(at, at + 536));
  const messages = r.events.filter((e) => e[0] === "message");
  assert.deepEqual(messages, [["message", payload, true]]);
  assert.equal(r.events.filter((e) => e[0] === "pong").length, 7);
});

Deno.test("close frames: code and reason, no code, and parsing stops after them", () => {
  assert.deepEqual(
    parseWhole(serverFrame({ opcode: 8 }) + serverFrame({ opcode: 1, payload: "x" })),
    [
      ["close", 1005, ""],
    ],
  );
  assert.deepEqual(parseWhole(serverFrame({ opcode: 8, payload: closeBody(4001, "replaced") })), [
    ["close", 4001, "replaced"],
  ]);
  for (const code of [1000, 1003, 1007, 1011, 1014, 3000, 4999]) {
    assert.deepEqual(parseWhole(serverFrame({ opcode: 8, payload: closeBody(code) })), [
      ["close", code, ""],
    ]);
  }
});

/** Streams that break the protocol, with the code they must fail with. */
const BROKEN: { name: string; stream: string; code: number; reason: RegExp }[] = [
  {
    name: "RSV1 set",
    stream: serverFrame({ opcode: 1, payload: "x", rsv: 4 }),
    code: 1002,
    reason: /reserved bits/,
  },
  {
    name: "RSV3 set",
    stream: serverFrame({ opcode: 2, rsv: 1 }),
    code: 1002,
    reason: /reserved bits/,
  },
  { name: "opcode 3", stream: serverFrame({ opcode: 3 }), code: 1002, reason: /bad opcode 3/ },
  { name: "opcode 7", stream: serverFrame({ opcode: 7 }), code: 1002, reason: /bad opcode 7/ },
  {
    name: "opcode 11",
    stream: serverFrame({ opcode: 11 }),
    code: 1002,
    reason: /bad opcode 11/,
  },
  {
    name: "opcode 15",
    stream: serverFrame({ opcode: 15 }),
    code: 1002,
    reason: /bad opcode 15/,
  },
  {
    name: "masked server frame",
    stream: serverFrame({ opcode: 1, payload: "hi", mask: "abcd" }),
    code: 1002,
    reason: /masked frame/,
  },
  {
    name: "126-byte ping",
    stream: serverFrame({ opcode: 9, payload: "p".repeat(126) }),
    code: 1002,
    reason: /bad control frame/,
  },
  {
    name: "ping in a 16-bit length",
    stream: serverFrame({ opcode: 9, payload: "p", lengthBits: 16 }),
    code: 1002,
    reason: /bad control frame/,
  },
  {
    name: "fragmented ping",
    stream: serverFrame({ opcode: 9, fin: false }),
    code: 1002,
    reason: /bad control frame/,
  },
  {
    name: "fragmented close",
    stream: serverFrame({ opcode: 8, fin: false }),
    code: 1002,
    reason: /bad control frame/,
  },
  {
    name: "continuation without start",
    stream: serverFrame({ opcode: 0, payload: "x" }),
    code: 1002,
    reason: /unexpected continuation/,
  },
  {
    name: "new text inside a fragmented message",
    stream: serverFrame({ opcode: 1, payload: "a", fin: false }) +
      serverFrame({ opcode: 1, payload: "b" }),
    code: 1002,
    reason: /unfinished message/,
  },
  {
    name: "new binary inside a fragmented message",
    stream: serverFrame({ opcode: 1, payload: "a", fin: false }) +
      serverFrame({ opcode: 2, payload: "b" }),
    code: 1002,
    reason: /unfinished message/,
  },
  {
    name: "one-byte close",
    stream: serverFrame({ opcode: 8, payload: "\x03" }),
    code: 1002,
    reason: /bad close frame/,
  },
  ...[999, 1004, 1005, 1006, 1015, 2000, 2999, 5000].map((code) => ({
    name: `close code ${code}`,
    stream: serverFrame({ opcode: 8, payload: closeBody(code) }),
    code: 1002,
    reason: new RegExp(`bad close code ${code}`),
  })),
  {
    name: "64-bit length with the top bit set",
    stream: "\x82\x7f\x80\x00\x00\x00\x00\x00\x00\x01",
    code: 1002,
    reason: /bad length/,
  },
  {
    name: "a 2^32-byte message announced",
    stream: serverFrame({ opcode: 2, claimedLength: 2 ** 32 }),
    code: 1009,
    reason: /over 1000 bytes/,
  },
  {
    name: "a 2^53-byte message announced",
    stream: serverFrame({ opcode: 2, claimedLength: 2 ** 53 }),
    code: 1009,
    reason: /over 1000 bytes/,
  },
];

Deno.test("protocol errors fail with their code, at every split, and nothing follows", () => {
  for (const broken of BROKEN) {
    const stream = broken.stream + serverFrame({ opcode: 1, payload: "after" });
    for (let cut = 0; cut <= stream.length; cut++) {
      const r = recording(1000);
      r.feed(stream.slice(0, cut));
      r.feed(stream.slice(cut));
      // The error is the only event: nothing before it was taken for a frame, nothing after it.
      assert.equal(
        r.events.length,
        1,
        `${broken.name} split at ${cut}: ${JSON.stringify(r.events)}`,
      );
      const [kind, code, reason] = r.events[0];
      assert.equal(kind, "error", broken.name);
      assert.equal(code, broken.code, broken.name);
      assert.match(String(reason), broken.reason, broken.name);
      assert.equal(r.parser.buffered(), 0);
    }
  }
});

Deno.test("a message over the maximum fails with 1009 from its header, before its payload", () => {
  const max = 1000;
  const at = recording(max);
  at.feed(serverFrame({ opcode: 2, payload: "x".repeat(max) }));
  assert.deepEqual(at.events, [["message", "x".repeat(max), true]]);

  const over = recording(max);
  // Only the 4 header bytes of a 1001-byte frame: the parser must not wait for the payload.
  over.feed(serverFrame({ opcode: 2, payload: "x".repeat(max + 1) }).slice(0, 4));
  assert.equal(over.events.length, 1);
  assert.equal(over.events[0][0], "error");
  assert.equal(over.events[0][1], 1009);

  // Fragments that are small one by one but too big together.
  const fragments = recording(max);
  fragments.feed(serverFrame({ opcode: 1, payload: "a".repeat(600), fin: false }));
  fragments.feed(serverFrame({ opcode: 0, payload: "b".repeat(401) }).slice(0, 4));
  assert.deepEqual(fragments.events.map((e) => e.slice(0, 2)), [["error", 1009]]);
  assert.ok(fragments.peak() <= max);
});

Deno.test("stop() silences the parser, also from inside a callback", () => {
  const events: string[] = [];
  const parser: FrameParser = createFrameParser(100, (kind, data) => {
    events.push(kind === OP_TEXT ? data : String(kind));
    if (data === "stop") parser.stop();
  });
  parser.push(
    serverFrame({ opcode: 1, payload: "a" }) + serverFrame({ opcode: 1, payload: "stop" }) +
      serverFrame({ opcode: 9 }) + serverFrame({ opcode: 1, payload: "b" }),
  );
  parser.push(serverFrame({ opcode: 1, payload: "c" }));
  assert.deepEqual(events, ["a", "stop"]);
});

/** Random edits of a valid stream: bit flips, cuts, duplicated and inserted runs. */
function mutate(stream: string, random: () => number): string {
  let out = stream;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = Math.floor(random() * 4);
    if (kind === 0 && out.length) {
      const pos = Math.min(at, out.length - 1);
      const flipped = out.charCodeAt(pos) ^ (1 << Math.floor(random() * 8));
      out = out.slice(0, pos) + String.fromCharCode(flipped) + out.slice(pos + 1);
    } else if (kind === 1) out = out.slice(0, at);
    else if (kind === 2) out = out.slice(0, at) + out.slice(at, at + 40) + out.slice(at);
    else {out = out.slice(0, at) + randomBytes(random, 1 + Math.floor(random() * 16)) +
        out.slice(at);}
  }
  return out;
}

Deno.test("fuzz: random and mutated streams never throw, never hang, stay bounded, and chunking never changes the outcome", () => {
  const random = seededRandom(20240611);
  const max = 4096;
  // What the parser may hold: a whole message, one control payload, one header.
  const bound = max + 125 + 10;
  const valid = everyKind().stream;
  let outcomes = 0;
  for (let round = 0; round < 3000; round++) {
    const stream = round % 3 === 0
      ? randomBytes(random, Math.floor(random() * 3000))
      : mutate(valid, random);
    const whole = recording(max);
    whole.feed(stream);
    const chunked = recording(max);
    for (let at = 0; at < stream.length;) {
      const size = 1 + Math.floor(random() * 536);
      chunked.feed(stream.slice(at, at + size));
      at += size;
    }
    assert.deepEqual(chunked.events, whole.events, `round ${round}`);
    assert.ok(chunked.peak() <= bound, `round ${round} held ${chunked.peak()} bytes`);
    const ends = whole.events.filter((e) => e[0] === "close" || e[0] === "error").length;
    assert.ok(ends <= 1, "at most one close or error");
    if (ends === 1) {
      const last = whole.events.at(-1)![0];
      assert.ok(last === "close" || last === "error", "nothing after a close or an error");
    }
    outcomes += whole.events.length;
  }
  // The run must have exercised the parser, not only its first-byte checks.
  assert.ok(outcomes > 3000, `only ${outcomes} events in the whole run`);
});
