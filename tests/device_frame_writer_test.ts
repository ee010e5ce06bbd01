/**
 * The device's frame writer: correct masked frames for every length form,
 * a fresh mask per frame, pieces paced by drain, control frames first.
 */

import assert from "node:assert/strict";
import { createFrameWriter } from "../device/ws/frame_writer.ts";
import { createFrameParser, FRAME_ERROR } from "../device/ws/frame_parser.ts";
import { decodeFrames, randomBytes, seededRandom } from "./device_frames.ts";

/** A writer whose pieces are recorded; masks come from a seeded source. */
function recordingWriter(pieceBytes = 512, seed = 1) {
  const pieces: string[] = [];
  const random = seededRandom(seed);
  const masksDrawn: string[] = [];
  const writer = createFrameWriter({
    write: (piece) => pieces.push(piece),
    randomBytes: (n) => {
      const bytes = randomBytes(random, n);
      masksDrawn.push(bytes);
      return bytes;
    },
    pieceBytes,
  });
  /** Calls drained() until nothing more is written. */
  const drainAll = () => {
    for (let before = -1; before !== pieces.length;) {
      before = pieces.length;
      writer.drained();
    }
  };
  return { writer, pieces, masksDrawn, drainAll };
}

Deno.test("frames of 0, 125, 126, 65535, 65536 and 100000 bytes unmask to their payloads", () => {
  const { writer, pieces, masksDrawn, drainAll } = recordingWriter();
  const payloads = [0, 125, 126, 65535, 65536, 100_000].map((n) =>
    randomBytes(seededRandom(n + 1), n)
  );
  payloads.forEach((payload, i) => writer.send(i % 2 ? 2 : 1, payload));
  drainAll();
  const wire = pieces.join("");
  const frames = decodeFrames(wire);
  assert.equal(frames.length, payloads.length);
  frames.forEach((frame, i) => {
    assert.equal(frame.fin, true);
    assert.equal(frame.opcode, i % 2 ? 2 : 1);
    assert.equal(frame.mask, masksDrawn[i], "each frame uses the mask drawn for it");
    assert.equal(frame.payload, payloads[i]);
  });
  // The shortest length form every time: 2, 2, 4, 4, 10 and 10 header bytes plus the mask.
  const overhead = [0, 125, 126, 65535, 65536, 100_000].reduce(
    (sum, n) => sum + (n < 126 ? 6 : n < 65536 ? 8 : 14) + n,
    0,
  );
  assert.equal(wire.length, overhead);
});

Deno.test("every frame gets a fresh mask, and the bytes on the wire are really masked", () => {
  const { writer, pieces, drainAll } = recordingWriter(512, 99);
  const payload = "A".repeat(64);
  for (let i = 0; i < 50; i++) writer.send(1, payload);
  drainAll();
  const frames = decodeFrames(pieces.join(""));
  const masks = new Set(frames.map((f) => f.mask));
  assert.equal(masks.size, 50, "no two frames share a mask");
  for (const frame of frames) assert.equal(frame.payload, payload);
  // With a non-zero mask the payload must not appear in clear on the wire.
  assert.ok(!pieces.join("").includes("AAAAAAAA"));
});

Deno.test("a big frame goes out one piece per drain, each piece small", () => {
  const pieceBytes = 256;
  const { writer, pieces } = recordingWriter(pieceBytes);
  const payload = randomBytes(seededRandom(5), 10_000);
  let done = 0;
  writer.send(2, payload, () => done++);
  assert.equal(pieces.length, 1, "one piece is written at once");
  assert.equal(pieces[0].length, pieceBytes, "header, mask and as much payload as fits");
  writer.send(1, "queued behind");
  assert.equal(pieces.length, 1, "nothing more until the socket drains");
  let drains = 0;
  while (done === 0) {
    writer.drained();
    drains++;
    assert.equal(pieces.length, drains + 1, "exactly one piece per drain");
    assert.ok(drains < 100, "the frame must finish");
  }
  for (const piece of pieces) assert.ok(piece.length <= pieceBytes);
  assert.equal(Math.ceil((10_000 + 8) / pieceBytes), pieces.length);
  writer.drained();
  const frames = decodeFrames(pieces.join(""));
  assert.deepEqual(frames.map((f) => f.payload), [payload, "queued behind"]);
});

Deno.test("control frames go before data not yet started, never inside a frame", () => {
  const { writer, pieces, drainAll } = recordingWriter(100);
  const big = "b".repeat(250);
  writer.send(2, big);
  writer.send(1, "second");
  writer.send(10, "pong!");
  writer.send(9, "");
  drainAll();
  const frames = decodeFrames(pieces.join(""));
  assert.deepEqual(
    frames.map((f) => [f.opcode, f.payload]),
    [[2, big], [10, "pong!"], [9, ""], [1, "second"]],
  );
});

Deno.test("small frames share a piece; done callbacks run in order once their last byte is written", () => {
  const { writer, pieces } = recordingWriter(512);
  const order: string[] = [];
  writer.send(1, "a".repeat(300), () => order.push("first"));
  assert.deepEqual(order, ["first"], "written at once: done at once");
  writer.send(1, "b", () => order.push("second"));
  writer.send(1, "c", () => order.push("third"));
  assert.deepEqual(order, ["first"], "waiting for drain");
  writer.drained();
  assert.deepEqual(order, ["first", "second", "third"]);
  assert.equal(pieces.length, 2, "the two small frames went out in one piece");
});

Deno.test("the writer's output is what the parser reads back (round trip, unmasked by the decoder)", () => {
  const { writer, pieces, drainAll } = recordingWriter(64);
  const random = seededRandom(3);
  const sent: [string, boolean][] = [];
  for (let i = 0; i < 40; i++) {
    const payload = randomBytes(random, Math.floor(random() * 3000));
    const binary = i % 3 === 0;
    sent.push([payload, binary]);
    writer.send(binary ? 2 : 1, payload);
  }
  drainAll();
  // Strip the masks so the result is a server-style stream, then parse it.
  const unmasked = decodeFrames(pieces.join("")).map((f) => {
    const length = f.payload.length;
    const head = length < 126
      ? String.fromCharCode(0x80 | f.opcode, length)
      : String.fromCharCode(0x80 | f.opcode, 126, length >> 8, length & 0xff);
    return head + f.payload;
  }).join("");
  const received: [string, boolean][] = [];
  const parser = createFrameParser(1 << 20, (kind, data, code) => {
    if (kind === FRAME_ERROR) assert.fail(`${code} ${data}`);
    received.push([data, kind === 2]);
  });
  parser.push(unmasked);
  assert.deepEqual(received, sent);
});
