/**
 * Roles and addressing: the routing module on its own (every sender role ×
 * message kind × receiver role), then the same table end to end with real
 * clients, the order of each sender's messages under interleaving, and the
 * resume window giving a device back only what it would have received.
 */

import assert from "node:assert/strict";
import { addressOf, parseMessage, receives, type Role } from "../relay/routing.ts";
import { closeAll, type Received, startTestRelay, TestClient, waitFor } from "./helpers.ts";

/** What a receiver of each role gets, by message kind, written out by hand (not computed). */
type Expect = "yes" | "no" | "if-operator-sender";
interface Kind {
  name: string;
  /** The message; `other` is an id other than the receiver's. */
  build: (receiver: string, other: string, label: string) => string | Uint8Array;
  device: Expect;
}

const KINDS: Kind[] = [
  {
    name: "to the receiver's id",
    build: (r, _o, l) => JSON.stringify({ to: r, l }),
    device: "yes",
  },
  { name: "to another id", build: (_r, o, l) => JSON.stringify({ to: o, l }), device: "no" },
  {
    name: "to an array holding the receiver",
    build: (r, o, l) => JSON.stringify({ to: [o, r], l }),
    device: "yes",
  },
  {
    name: "to an array without the receiver",
    build: (_r, o, l) => JSON.stringify({ to: [o], l }),
    device: "no",
  },
  { name: 'to "*"', build: (_r, _o, l) => JSON.stringify({ to: "*", l }), device: "yes" },
  { name: "to an empty array", build: (_r, _o, l) => JSON.stringify({ to: [], l }), device: "no" },
  { name: "to a number", build: (_r, _o, l) => JSON.stringify({ to: 5, l }), device: "no" },
  {
    name: 'JSON without "to"',
    build: (_r, _o, l) => JSON.stringify({ l }),
    device: "if-operator-sender",
  },
  {
    name: "a JSON array",
    build: (r, _o, l) => JSON.stringify([{ to: r, l }]),
    device: "if-operator-sender",
  },
  {
    name: "text that is not JSON",
    build: (_r, _o, l) => `plain l=${l}`,
    device: "if-operator-sender",
  },
  {
    name: "text starting with { that is not JSON",
    build: (r, _o, l) => `{"to":"${r}", l=${l}`,
    device: "if-operator-sender",
  },
  {
    name: "JSON with leading space",
    build: (r, _o, l) => ` {"to":"${r}","l":"${l}"}`,
    device: "if-operator-sender",
  },
  {
    name: "binary",
    build: (r, _o, l) => new TextEncoder().encode(JSON.stringify({ to: r, l })),
    device: "if-operator-sender",
  },
];

function expected(kind: Kind, sender: Role, receiver: Role): boolean {
  if (receiver === "operator") return true;
  if (kind.device === "if-operator-sender") return sender === "operator";
  return kind.device === "yes";
}

const ROLES: Role[] = ["operator", "device"];

Deno.test("routing: every sender role × message kind × receiver role", () => {
  let cases = 0;
  for (const senderRole of ROLES) {
    for (const receiverRole of ROLES) {
      for (const kind of KINDS) {
        const message = kind.build("rx", "other", "x");
        const data = typeof message === "string" ? message : message.buffer as ArrayBuffer;
        const address = parseMessage(data, 65536).address;
        const got = receives(
          { id: "tx", role: senderRole },
          address,
          { id: "rx", role: receiverRole },
        );
        assert.equal(
          got,
          expected(kind, senderRole, receiverRole),
          `${senderRole} → ${receiverRole}: ${kind.name}`,
        );
        // Nobody gets their own message back, whatever it says.
        assert.equal(
          receives({ id: "rx", role: senderRole }, address, { id: "rx", role: receiverRole }),
          false,
        );
        cases++;
      }
    }
  }
  assert.equal(cases, 2 * 2 * KINDS.length);
});

Deno.test("routing: only text that starts with { and is within the limit is parsed; retain is read", () => {
  const addressed = JSON.stringify({ to: "a", retain: true });
  assert.deepEqual(parseMessage(addressed, 65536).address, { kind: "ids", ids: new Set(["a"]) });
  assert.equal(parseMessage(addressed, 65536).retain, true);
  assert.deepEqual(parseMessage(addressed, addressed.length - 1), {
    address: { kind: "none" },
    retain: false,
  });
  assert.equal(parseMessage('{"retain":"yes"}', 100).retain, false);
  assert.equal(parseMessage('{"retain":true}', 100).retain, true);
  assert.deepEqual(parseMessage('{"retain":true}', 100).address, { kind: "none" });
  assert.deepEqual(parseMessage("null", 100).address, { kind: "none" });
  assert.deepEqual(addressOf(["a", 3, "b", null]), { kind: "ids", ids: new Set(["a", "b"]) });
  assert.deepEqual(addressOf({ id: "a" }), { kind: "ids", ids: new Set() });
  assert.deepEqual(addressOf("*"), { kind: "all" });
  assert.deepEqual(addressOf(["*"]), { kind: "ids", ids: new Set(["*"]) });
});

/** A received message as text (binary is decoded), for comparison. */
function asText(message: Received): string {
  return typeof message === "string" ? message : `bin:${new TextDecoder().decode(message)}`;
}

/** Collects messages until every sender in `from` has sent its end marker; returns them by sender. */
async function collect(client: TestClient, from: string[]): Promise<Map<string, string[]>> {
  const bySender = new Map<string, string[]>(from.map((id) => [id, []]));
  const ended = new Set<string>();
  while (ended.size < from.length) {
    const text = asText(await client.next(5000));
    const end = /"end":"([^"]+)"/.exec(text);
    if (end) {
      ended.add(end[1]);
      continue;
    }
    const sender = /(?:"l":"|l=)([a-z]+\d)\//.exec(text)?.[1];
    assert.ok(sender && bySender.has(sender), `unexpected message ${text}`);
    bySender.get(sender)!.push(text);
  }
  return bySender;
}

Deno.test("end to end: the role table, with real clients and every kind of message", async () => {
  await using relay = startTestRelay();
  const ids = ["op0", "op1", "dev0", "dev1"];
  const roleOf = (id: string): Role => id.startsWith("dev") ? "device" : "operator";
  const clients = await Promise.all(
    ids.map((id) =>
      TestClient.open(`${relay.url}${id}${roleOf(id) === "device" ? "?role=device" : ""}`)
    ),
  );
  try {
    await waitFor(
      "every client live",
      () => ids.every((id) => relay.running.relay.hub.holder(id)?.receiving === true),
    );
    const want = new Map<string, Map<string, string[]>>(
      ids.map((rx) => [rx, new Map(ids.filter((tx) => tx !== rx).map((tx) => [tx, []]))]),
    );
    // Every sender sends every kind once per possible receiver (its id in the message).
    ids.forEach((tx, i) => {
      for (const [k, kind] of KINDS.entries()) {
        for (const rx of ids) {
          if (rx === tx) continue;
          const label = `${tx}/${k}/${rx}`;
          const message = kind.build(rx, "ghost", label);
          clients[i].socket.send(message);
          const text = asText(message);
          for (const receiver of ids) {
            if (receiver === tx) continue;
            // Only rx (and "ghost", connected to nobody) can be named by this message.
            const named = receiver === rx ? kind : { ...kind, device: notNamed(kind) };
            if (expected(named, roleOf(tx), roleOf(receiver))) {
              want.get(receiver)!.get(tx)!.push(text);
            }
          }
        }
      }
      clients[i].socket.send(JSON.stringify({ to: "*", end: tx }));
    });
    const got = await Promise.all(
      clients.map((client, i) => collect(client, ids.filter((id) => id !== ids[i]))),
    );
    ids.forEach((rx, i) => {
      for (const tx of ids) {
        if (tx === rx) continue;
        assert.deepEqual(got[i].get(tx), want.get(rx)!.get(tx), `${tx} → ${rx}`);
      }
    });
    // A device got nothing from the other device but what named it; operators got everything.
    const deviceGot = got[2].get("dev1")!;
    assert.ok(deviceGot.length > 0);
    for (const m of deviceGot) assert.ok(m.includes('"dev0"') || m.includes('"*"'), m);
    assert.equal(got[0].get("dev0")!.length, KINDS.length * 3);
  } finally {
    await closeAll(clients);
  }
});

/** What a device gets of a message built for another receiver: it is not named, "*" aside. */
function notNamed(kind: Kind): Expect {
  return kind.name === 'to "*"' ? "yes" : kind.device === "yes" ? "no" : kind.device;
}

Deno.test("each sender's order is kept for every receiver while devices and operators interleave", async () => {
  await using relay = startTestRelay();
  const op = await TestClient.open(`${relay.url}op`);
  const devices = await Promise.all(
    [0, 1, 2].map((i) => TestClient.open(`${relay.url}d${i}?role=device`)),
  );
  const all = [op, ...devices];
  try {
    await waitFor("every client live", () => relay.running.relay.hub.connectedCount === 4);
    const count = 300;
    // Each device sends to the next device, to "*", and unaddressed, interleaved; the operator
    // sends to each device in turn.
    for (let n = 0; n < count; n++) {
      devices.forEach((device, i) => {
        const kinds = [{ to: `d${(i + 1) % 3}` }, { to: "*" }, {}];
        device.socket.send(JSON.stringify({ ...kinds[n % 3], from: `d${i}`, n }));
      });
      op.socket.send(JSON.stringify({ to: `d${n % 3}`, from: "op", n }));
    }
    for (const [i, client] of all.entries()) {
      const me = i === 0 ? "op" : `d${i - 1}`;
      const expect = new Map<string, number[]>();
      for (let n = 0; n < count; n++) {
        for (let s = 0; s < 3; s++) {
          if (`d${s}` === me) continue;
          const to = [`d${(s + 1) % 3}`, "*", undefined][n % 3];
          if (me === "op" || to === "*" || to === me) {
            expect.set(`d${s}`, [...expect.get(`d${s}`) ?? [], n]);
          }
        }
        if (me !== "op" && `d${n % 3}` === me) expect.set("op", [...expect.get("op") ?? [], n]);
      }
      const total = [...expect.values()].reduce((sum, list) => sum + list.length, 0);
      const got = new Map<string, number[]>();
      for (let k = 0; k < total; k++) {
        const { from, n } = JSON.parse(await client.next(5000) as string);
        got.set(from, [...got.get(from) ?? [], n]);
      }
      assert.deepEqual(got, expect, `what ${me} received, per sender and in order`);
    }
    assert.ok(await op.silentFor(100), "nothing more than expected");
    for (const device of devices) assert.equal(device.pending, 0);
  } finally {
    await closeAll(all);
  }
});

Deno.test("a device back within the resume window gets only what it would have received", async () => {
  await using relay = startTestRelay({ resumeWindowSeconds: 30 });
  const op = await TestClient.open(`${relay.url}op`);
  const other = await TestClient.open(`${relay.url}other?role=device`);
  const away = await TestClient.open(`${relay.url}away?role=device`);
  await waitFor("all live", () => relay.running.relay.hub.connectedCount === 3);
  await away[Symbol.asyncDispose]();
  await waitFor("away is away", () => relay.running.relay.resume.awayCount === 1);
  const sent = [
    { from: op, message: JSON.stringify({ to: "other", n: 1 }), kept: false },
    { from: op, message: JSON.stringify({ to: "away", n: 2 }), kept: true },
    { from: op, message: JSON.stringify({ to: "*", n: 3 }), kept: true },
    { from: op, message: "op unaddressed 4", kept: true },
    { from: other, message: "device unaddressed 5", kept: false },
    { from: other, message: JSON.stringify({ to: ["away", "op"], n: 6 }), kept: true },
    { from: other, message: JSON.stringify({ to: "op", n: 7 }), kept: false },
  ];
  for (const { from, message } of sent.filter((s) => s.from === op)) from.socket.send(message);
  // The other device gets three of them: once it has, the relay has kept them in order.
  await waitFor("the other device got the operator's", () => other.pending === 3);
  for (const { from, message } of sent.filter((s) => s.from === other)) from.socket.send(message);
  // The operator sees all the device's messages; once it has the last one, the relay has all.
  await waitFor("the operator got the device's messages", () => op.pending === 3);
  const back = await TestClient.open(`${relay.url}away?role=device`);
  try {
    const want = sent.filter((s) => s.kept).map((s) => s.message);
    for (const message of want) assert.equal(await back.next(), message);
    assert.ok(await back.silentFor(100), "nothing it would not have received");
    assert.equal(relay.running.relay.metrics.resumeReplayed, want.length);
  } finally {
    await closeAll([op, other, back]);
  }
});
