/**
 * The resume window: a client that comes back within `--resume-window`
 * seconds first gets, in order and once, what it missed; then live traffic.
 */

import assert from "node:assert/strict";
import type { RelayOptions } from "../relay/options.ts";
import {
  closeAll,
  logEvents,
  type Received,
  startNumberStream,
  startTestRelay,
  TestClient,
  type TestRelay,
} from "../testing/test_client.ts";
import { delay, waitFor } from "../testing/wait.ts";
import { RawClient } from "./raw_client.ts";

function startRelay(overrides: Partial<RelayOptions> = {}): TestRelay {
  return startTestRelay({ resumeWindowSeconds: 30, ...overrides });
}

function idReleased(relay: TestRelay, id: string): Promise<void> {
  return waitFor(`${id} to be released`, () => relay.running.relay.hub.holder(id) === undefined);
}

/** Leaves cleanly and waits until the relay counts the id as away. */
async function leave(relay: TestRelay, client: TestClient, id: string): Promise<void> {
  await client[Symbol.asyncDispose]();
  await idReleased(relay, id);
}

/** Sends `text` while `id` is away and checks that `id` gets it first when it is back. */
async function expectKeptFor(
  relay: TestRelay,
  sender: TestClient,
  id: string,
  text: string,
): Promise<void> {
  const before = relay.running.relay.metrics.messagesIn;
  sender.socket.send(text);
  await waitFor("it to be kept", () => relay.running.relay.metrics.messagesIn === before + 1);
  await using back = await TestClient.open(`${relay.url}${id}`);
  assert.equal(await back.next(), text);
}

async function receiveAll(client: TestClient, count: number): Promise<Received[]> {
  const messages: Received[] = [];
  for (let i = 0; i < count; i++) messages.push(await client.next());
  return messages;
}

Deno.test("after a clean close, the client gets what it missed first, text as text and binary as binary, then live traffic", async () => {
  await using relay = startRelay();
  const sender = await TestClient.open(`${relay.url}sender`);
  const device = await TestClient.open(`${relay.url}device`);
  try {
    await leave(relay, device, "device");
    sender.socket.send("status?");
    sender.socket.send(new Uint8Array([0, 0x81, 0xff]));
    await waitFor("both kept", () => relay.running.relay.metrics.messagesIn === 2);
    const back = await TestClient.open(`${relay.url}device`);
    try {
      sender.socket.send("live");
      assert.deepEqual(await receiveAll(back, 3), [
        "status?",
        new Uint8Array([0, 0x81, 0xff]),
        "live",
      ]);
      assert.ok(await back.silentFor(100), "each kept message is delivered once");
      assert.equal(relay.running.relay.metrics.resumeReplayed, 2);
      const connect = logEvents(relay.logs, "connect").filter((e) => e.id === "device");
      assert.equal(connect.at(-1)?.resumed, 2);
    } finally {
      await back[Symbol.asyncDispose]();
    }
  } finally {
    await sender[Symbol.asyncDispose]();
  }
});

Deno.test("after an abrupt TCP loss the client gets what it missed", async () => {
  await using relay = startRelay();
  const sender = await TestClient.open(`${relay.url}sender`);
  const { client: raw } = await RawClient.connect({
    port: relay.running.addr.port,
    path: "/flaky",
  });
  try {
    await waitFor("it to open", () => relay.running.relay.hub.holder("flaky")?.receiving === true);
    raw.close(); // no close frame
    await idReleased(relay, "flaky");
    await expectKeptFor(relay, sender, "flaky", "while you were out");
  } finally {
    raw.close();
    await sender[Symbol.asyncDispose]();
  }
});

Deno.test("after a keepalive timeout the client gets what it missed", async () => {
  await using relay = startRelay({ pingIntervalSeconds: 0.2, pingTimeoutSeconds: 0.2 });
  const sender = await TestClient.open(`${relay.url}sender`);
  // A raw client answers nothing, pings included.
  const { client: mute } = await RawClient.connect({
    port: relay.running.addr.port,
    path: "/mute",
  });
  try {
    await idReleased(relay, "mute");
    assert.equal(relay.running.relay.metrics.keepaliveTimeouts, 1);
    await expectKeptFor(relay, sender, "mute", "ping me back");
  } finally {
    mute.close();
    await sender[Symbol.asyncDispose]();
  }
});

Deno.test("an id back after its window, or never seen, gets no history", async () => {
  await using relay = startRelay({ resumeWindowSeconds: 0.3 });
  const sender = await TestClient.open(`${relay.url}sender`);
  const late = await TestClient.open(`${relay.url}late`);
  try {
    await leave(relay, late, "late");
    sender.socket.send("too old");
    await waitFor("kept", () => relay.running.relay.metrics.messagesIn === 1);
    await delay(500);
    const [back, stranger] = [
      await TestClient.open(`${relay.url}late`),
      await TestClient.open(`${relay.url}stranger`),
    ];
    try {
      assert.ok(await back.silentFor(150), "the window closed");
      assert.ok(await stranger.silentFor(0), "never seen");
      assert.equal(relay.running.relay.metrics.resumeDiscarded.expired, 1);
      assert.equal(relay.running.relay.metrics.resumeReplayed, 0);
    } finally {
      await closeAll([back, stranger]);
    }
  } finally {
    await sender[Symbol.asyncDispose]();
  }
});

const PER_ID_CAPS = [
  {
    name: "past --resume-max-messages the oldest kept messages go first, and are counted",
    limit: { resumeMaxMessages: 3 },
    sent: ["a", "b", "c", "d", "e"],
    kept: ["c", "d", "e"],
    reason: "max_messages",
    discarded: 2,
  },
  {
    name:
      "past --resume-max-bytes the oldest go first; a message bigger than the cap is never kept",
    limit: { resumeMaxBytes: 10 },
    sent: ["1111", "2222", "3333", "x".repeat(11)],
    kept: ["2222", "3333"],
    reason: "max_bytes",
    discarded: 2,
  },
] as const;

for (const cap of PER_ID_CAPS) {
  Deno.test(cap.name, async () => {
    await using relay = startRelay(cap.limit);
    const sender = await TestClient.open(`${relay.url}sender`);
    await leave(relay, await TestClient.open(`${relay.url}capped`), "capped");
    try {
      for (const text of cap.sent) sender.socket.send(text);
      await waitFor("kept", () => relay.running.relay.metrics.messagesIn === cap.sent.length);
      await using back = await TestClient.open(`${relay.url}capped`);
      assert.deepEqual(await receiveAll(back, cap.kept.length), cap.kept);
      assert.ok(await back.silentFor(100));
      assert.equal(relay.running.relay.metrics.resumeDiscarded[cap.reason], cap.discarded);
    } finally {
      await sender[Symbol.asyncDispose]();
    }
  });
}

Deno.test("past --resume-max-total-bytes the id away longest loses its oldest first", async () => {
  await using relay = startRelay({ resumeMaxTotalBytes: 10 });
  const sender = await TestClient.open(`${relay.url}sender`);
  await leave(relay, await TestClient.open(`${relay.url}first`), "first");
  await leave(relay, await TestClient.open(`${relay.url}second`), "second");
  try {
    sender.socket.send("aaaa");
    sender.socket.send("bbbb"); // 16 bytes kept in all: "first" loses both of its copies
    await waitFor("kept", () => relay.running.relay.metrics.messagesIn === 2);
    const metricsText = await (await fetch(`${relay.httpUrl}/metrics`)).text();
    assert.match(metricsText, /^relay_resume_clients_away 2$/m);
    assert.match(metricsText, /^relay_resume_kept_bytes 8$/m);
    assert.match(metricsText, /^relay_resume_discarded_total\{reason="max_total_bytes"\} 2$/m);
    const [first, second] = [
      await TestClient.open(`${relay.url}first`),
      await TestClient.open(`${relay.url}second`),
    ];
    try {
      assert.deepEqual(await receiveAll(second, 2), ["aaaa", "bbbb"]);
      assert.ok(await first.silentFor(100));
    } finally {
      await closeAll([first, second]);
    }
  } finally {
    await sender[Symbol.asyncDispose]();
  }
});

Deno.test("?resume=0 opts out: nothing is kept for the client, and it is given no history", async () => {
  await using relay = startRelay();
  const sender = await TestClient.open(`${relay.url}sender`);
  try {
    await leave(relay, await TestClient.open(`${relay.url}plain?resume=0`), "plain");
    sender.socket.send("not kept");
    await waitFor("sent", () => relay.running.relay.metrics.messagesIn === 1);
    assert.equal(relay.running.relay.resume.awayCount, 0);
    await leave(relay, await TestClient.open(`${relay.url}plain`), "plain"); // opted in again
    sender.socket.send("kept, then refused");
    await waitFor("kept", () => relay.running.relay.metrics.messagesIn === 2);
    const refusing = await TestClient.open(`${relay.url}plain?resume=0`);
    assert.ok(await refusing.silentFor(150));
    await refusing[Symbol.asyncDispose]();
    await idReleased(relay, "plain");
    await using back = await TestClient.open(`${relay.url}plain`);
    assert.ok(await back.silentFor(150), "what was refused is gone");
    assert.equal(relay.running.relay.metrics.resumeReplayed, 0);
  } finally {
    await sender[Symbol.asyncDispose]();
  }
});

/** Reads numbered messages until `last`, failing on a gap or a repeat. */
async function expectSequence(client: TestClient, from: number, last: number): Promise<void> {
  for (let expected = from; expected <= last; expected++) {
    assert.equal(await client.next(5000), String(expected), "every number once, in order");
  }
}

Deno.test("no live message overtakes a kept one: a client back during a stream sees every number once, in order", async () => {
  await using relay = startRelay({ resumeMaxMessages: 100_000, resumeMaxBytes: 1 << 24 });
  const sender = await TestClient.open(`${relay.url}stream`);
  const reader = await TestClient.open(`${relay.url}reader`);
  const stream = startNumberStream(sender);
  try {
    await waitFor("the stream to flow", () => stream.sent > 200);
    // Leave mid-stream and come back while it flows on. What was in flight when the client said
    // goodbye is gone with it (no protocol can tell what it read); from the moment the relay saw
    // it leave, every message is kept.
    await expectSequence(reader, 0, 100);
    await leave(relay, reader, "reader");
    await delay(50);
    const back = await TestClient.open(`${relay.url}reader`);
    try {
      await delay(50);
      await stream.stop();
      const first = Number(await back.next());
      assert.ok(first > 100);
      await expectSequence(back, first + 1, stream.sent - 1);
      assert.ok(await back.silentFor(100));
      assert.ok(relay.running.relay.metrics.resumeReplayed > 0);
    } finally {
      await back[Symbol.asyncDispose]();
    }
  } finally {
    await stream.stop();
    await sender[Symbol.asyncDispose]();
  }
});

Deno.test("--on-duplicate replace hands the id over without a gap: old and new connection see every number once", async () => {
  await using relay = startRelay({ token: "s3cret", onDuplicate: "replace" });
  const sender = await TestClient.open(`${relay.url}stream?token=s3cret`);
  const old = await TestClient.open(`${relay.url}device?token=s3cret`);
  const stream = startNumberStream(sender);
  try {
    await waitFor("the stream to flow", () => stream.sent > 200);
    const newer = await TestClient.open(`${relay.url}device?token=s3cret`);
    try {
      const closed = await old.closed;
      assert.equal(closed.code, 4001);
      await delay(50);
      await stream.stop();
      let expected = 0;
      while (old.pending > 0) assert.equal(await old.next(), String(expected++));
      await expectSequence(newer, expected, stream.sent - 1);
      assert.ok(await newer.silentFor(100));
    } finally {
      await newer[Symbol.asyncDispose]();
    }
  } finally {
    await stream.stop();
    await closeAll([sender, old]);
  }
});

Deno.test("--resume-window 0 keeps nothing", async () => {
  await using relay = startRelay({ resumeWindowSeconds: 0 });
  const sender = await TestClient.open(`${relay.url}sender`);
  try {
    await leave(relay, await TestClient.open(`${relay.url}gone`), "gone");
    sender.socket.send("lost");
    await waitFor("sent", () => relay.running.relay.metrics.messagesIn === 1);
    assert.equal(relay.running.relay.resume.awayCount, 0);
    await using back = await TestClient.open(`${relay.url}gone`);
    assert.ok(await back.silentFor(150));
  } finally {
    await sender[Symbol.asyncDispose]();
  }
});
