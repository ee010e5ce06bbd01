/**
 * Roles and addressing: the routing module on its own (every sender role ×
 * message kind × receiver role). The same table end to end with real
 * clients, the order of each sender's messages under interleaving, and the
 * resume window giving a device back only what it would have received are
 * cases of the contract (tests/fleet_contract.ts), run on one relay and on a
 * cluster.
 */

import assert from "node:assert/strict";
import { addressOf, parseMessage, receives, type Role } from "../relay/routing.ts";
import { expected, KINDS } from "./fleet_contract.ts";

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
