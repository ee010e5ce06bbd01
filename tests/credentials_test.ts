/**
 * Per-client credentials (JWT): every refusal, for an HS256 secret and for
 * ES256 and EdDSA public keys; roles from the credential; operator-only
 * endpoints and takeover; no token in any log line; `deno task token`.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT } from "npm:jose@6.2.19";
import { Credentials, mintToken } from "../relay/credentials.ts";
import { parseOptions } from "../relay/options.ts";
import { main as tokenMain, parseDuration } from "../tools/token.ts";
import { logEvents, startTestRelay, TestClient } from "../testing/test_client.ts";
import { waitFor } from "../testing/wait.ts";
import { rawRequest } from "./raw_client.ts";

const SECRET = "test-secret-0123456789-abcdefghijklmnop";

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

interface KeySetup {
  name: string;
  /** Relay options for this key. */
  relay: () => Promise<{ jwtSecret?: string; jwtPublicKeyFile?: string }>;
  /** Mints with the right key. */
  mint: (sub: string, role?: string, exp?: number) => Promise<string>;
  /** Mints with a key the relay does not trust, same algorithm. */
  mintForeign: (sub: string) => Promise<string>;
  /** A token with an algorithm other than the relay's, validly signed with some key. */
  mintOtherAlg: (sub: string) => Promise<string>;
  credentials: () => Credentials;
}

function asymmetric(type: "ec" | "ed25519", alg: "ES256" | "EdDSA"): KeySetup {
  const make = () =>
    type === "ec"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("ed25519");
  const pair = make();
  const foreign = make();
  const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }) as string;
  const sign = (key: KeyObject, sub: string, role = "device", exp?: number) => {
    const jwt = new SignJWT({ role }).setProtectedHeader({ alg }).setSubject(sub);
    if (exp !== undefined) jwt.setExpirationTime(exp);
    return jwt.sign(key);
  };
  return {
    name: alg,
    relay: async () => {
      const file = await Deno.makeTempFile({ suffix: ".pem" });
      await Deno.writeTextFile(file, publicPem);
      return { jwtPublicKeyFile: file };
    },
    mint: (sub, role, exp) => sign(pair.privateKey, sub, role, exp),
    mintForeign: (sub) => sign(foreign.privateKey, sub),
    // The classic confusion: HS256 with the public key's PEM as the secret.
    mintOtherAlg: (sub) =>
      new SignJWT({ role: "device" }).setProtectedHeader({ alg: "HS256" }).setSubject(sub)
        .sign(new TextEncoder().encode(publicPem)),
    credentials: () => Credentials.fromPublicKey(publicPem),
  };
}

const SETUPS: KeySetup[] = [
  {
    name: "HS256",
    relay: () => Promise.resolve({ jwtSecret: SECRET }),
    mint: (sub, role = "device", exp) => {
      const jwt = new SignJWT({ role }).setProtectedHeader({ alg: "HS256" }).setSubject(sub);
      if (exp !== undefined) jwt.setExpirationTime(exp);
      return jwt.sign(new TextEncoder().encode(SECRET));
    },
    mintForeign: (sub) =>
      mintToken({ secret: SECRET.replace("test", "best"), sub, role: "device" }),
    mintOtherAlg: (sub) =>
      new SignJWT({ role: "device" }).setProtectedHeader({ alg: "HS512" }).setSubject(sub)
        .sign(new TextEncoder().encode(SECRET + SECRET)),
    credentials: () => Credentials.fromSecret(SECRET),
  },
  asymmetric("ec", "ES256"),
  asymmetric("ed25519", "EdDSA"),
];

/** Every way a credential is refused, with the token to present, the status and the body's reason. */
async function refusals(setup: KeySetup) {
  const past = Math.floor(Date.now() / 1000) - 60;
  const good = await setup.mint("dev1");
  const [header, payload] = good.split(".");
  return [
    { refusal: "missing", token: undefined, status: 401, reason: /missing credential/ },
    { refusal: "malformed", token: "not-a-jwt", status: 401, reason: /malformed/ },
    { refusal: "malformed", token: `${header}.${payload}`, status: 401, reason: /malformed/ },
    {
      refusal: "malformed",
      token: `bm90IGpzb24.${payload}.c2ln`,
      status: 401,
      reason: /malformed/,
    },
    {
      refusal: "bad_signature",
      token: await setup.mintForeign("dev1"),
      status: 401,
      reason: /signature/,
    },
    {
      refusal: "bad_signature",
      token: `${header}.${b64({ sub: "dev1", role: "operator" })}.${good.split(".")[2]}`,
      status: 401,
      reason: /signature/,
    },
    {
      refusal: "bad_algorithm",
      token: `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: "dev1", role: "operator" })}.`,
      status: 401,
      reason: new RegExp(`signed with ${setup.name}`),
    },
    {
      refusal: "bad_algorithm",
      token: await setup.mintOtherAlg("dev1"),
      status: 401,
      reason: new RegExp(`signed with ${setup.name}`),
    },
    {
      refusal: "expired",
      token: await setup.mint("dev1", "device", past),
      status: 401,
      reason: /expired/,
    },
    {
      refusal: "bad_claims",
      token: await setup.mint("dev1", "admin"),
      status: 401,
      reason: /role/,
    },
    { refusal: "bad_claims", token: await setup.mint("bad id!"), status: 401, reason: /sub/ },
    {
      refusal: "wrong_id",
      token: await setup.mint("dev2"),
      status: 403,
      reason: /another client id/,
    },
  ] as const;
}

for (const setup of SETUPS) {
  Deno.test(`${setup.name}: every refusal, checked without a network`, async () => {
    const credentials = setup.credentials();
    assert.equal(credentials.algorithm, setup.name);
    for (const { refusal, token, status } of await refusals(setup)) {
      const verdict = await credentials.verify(token, "dev1");
      assert.equal(verdict.ok, false, refusal);
      assert.equal(
        !verdict.ok && verdict.refusal,
        refusal,
        `${refusal}: ${JSON.stringify(verdict)}`,
      );
      assert.equal(!verdict.ok && verdict.status, status);
    }
    assert.deepEqual(await credentials.verify(await setup.mint("dev1"), "dev1"), {
      ok: true,
      sub: "dev1",
      role: "device",
    });
    const op = await credentials.verify(await setup.mint("ops", "operator"), "ops");
    assert.equal(op.ok && op.role, "operator");
  });

  Deno.test(`${setup.name}: the relay refuses each bad credential before the upgrade, says why, counts it, and never shows the token`, async () => {
    await using relay = startTestRelay(await setup.relay());
    const port = relay.running.addr.port;
    const cases = await refusals(setup);
    const tokens: string[] = [];
    for (const [i, { refusal, token, status, reason }] of cases.entries()) {
      // Half by query, half as a bearer header.
      const byQuery = i % 2 === 0 && token !== undefined;
      const { status: got, body } = await rawRequest({
        port,
        path: byQuery
          ? `/dev1?role=device&token=${encodeURIComponent(token)}`
          : "/dev1?role=device",
        headers: token !== undefined && !byQuery ? { Authorization: `Bearer ${token}` } : {},
      });
      assert.equal(got, status, `${refusal}: ${body}`);
      assert.match(body, reason);
      if (token) {
        tokens.push(token);
        assert.ok(!body.includes(token), "the body never echoes the token");
      }
    }
    const counted = relay.running.relay.metrics.credentialRefusals;
    for (const refusal of new Set(cases.map((c) => c.refusal))) {
      assert.equal(counted[refusal], cases.filter((c) => c.refusal === refusal).length, refusal);
    }
    assert.equal(relay.running.relay.metrics.connections.forbidden, 1);
    assert.equal(relay.running.relay.metrics.connections.unauthorized, cases.length - 1);
    // The good one is accepted, by query and by header.
    const good = await setup.mint("dev1");
    tokens.push(good);
    const device = await TestClient.open(`${relay.url}dev1?token=${good}`);
    await waitFor("dev1 live", () => relay.running.relay.hub.holder("dev1")?.receiving === true);
    assert.equal(relay.running.relay.hub.holder("dev1")?.role, "device");
    await device[Symbol.asyncDispose]();
    assert.equal(logEvents(relay.logs, "refuse").length, cases.length);
    for (const line of relay.logs) {
      for (const token of tokens) {
        // Any token part long enough to be a secret: payload or signature.
        for (const part of token.split(".").filter((p) => p.length > 20)) {
          assert.ok(!line.includes(part), `token leaked in ${line}`);
        }
      }
    }
  });
}

Deno.test("the role comes from the credential: a device's token cannot make an operator", async () => {
  const setup = SETUPS[0];
  await using relay = startTestRelay(await setup.relay());
  const port = relay.running.addr.port;
  const deviceToken = await setup.mint("d1");
  const asOperator = await rawRequest({ port, path: `/d1?role=operator&token=${deviceToken}` });
  assert.equal(asOperator.status, 403);
  assert.match(asOperator.body, /device's/);
  assert.equal(relay.running.relay.metrics.credentialRefusals.not_operator, 1);
  const operatorToken = await setup.mint("ops", "operator");
  const ops = await TestClient.open(`${relay.url}ops?token=${operatorToken}`);
  // No ?role: the device's token makes a device all the same.
  const d1 = await TestClient.open(`${relay.url}d1?token=${deviceToken}`);
  const opAsDevice = await TestClient.open(
    `${relay.url}ops2?role=device&token=${await setup.mint("ops2", "operator")}`,
  );
  try {
    await waitFor("all live", () => relay.running.relay.hub.connectedCount === 3);
    assert.equal(relay.running.relay.hub.holder("ops")?.role, "operator");
    assert.equal(relay.running.relay.hub.holder("d1")?.role, "device");
    assert.equal(relay.running.relay.hub.holder("ops2")?.role, "device");
    // d1 is routed as a device: its unaddressed message reaches the operator only.
    d1.socket.send("hello");
    assert.equal(await ops.next(), "hello");
    assert.ok(await opAsDevice.silentFor(100));
  } finally {
    for (const c of [ops, d1, opAsDevice]) await c[Symbol.asyncDispose]();
  }
});

Deno.test("with JWT, /clients, /devices and /metrics are for operators only (401 without, 403 for a device)", async () => {
  const setup = SETUPS[0];
  await using relay = startTestRelay(await setup.relay());
  const device = await setup.mint("d1");
  const operator = await setup.mint("console", "operator");
  for (const path of ["/clients", "/devices", "/metrics"]) {
    const none = await fetch(`${relay.httpUrl}${path}`);
    assert.equal(none.status, 401, path);
    assert.match(await none.text(), /missing credential/);
    const dev = await fetch(`${relay.httpUrl}${path}`, {
      headers: { authorization: `Bearer ${device}` },
    });
    assert.equal(dev.status, 403, path);
    assert.match(await dev.text(), /only operators/);
    const ok = await fetch(`${relay.httpUrl}${path}?token=${operator}`);
    assert.equal(ok.status, 200, path);
    await ok.body?.cancel();
  }
  assert.equal(relay.running.relay.metrics.credentialRefusals.missing, 3);
  assert.equal(relay.running.relay.metrics.credentialRefusals.not_operator, 3);
  // Plain requests are no connection attempts: only the refusals are counted.
  assert.equal(relay.running.relay.metrics.connections.unauthorized, 0);
  assert.equal(relay.running.relay.metrics.connections.forbidden, 0);
  assert.equal(logEvents(relay.logs, "refuse").filter((e) => e.path === "/devices").length, 2);
  const health = await fetch(`${relay.httpUrl}/healthz`);
  assert.equal(health.status, 200);
  await health.body?.cancel();
  for (const line of relay.logs) assert.ok(!line.includes(device.split(".")[2]), line);
});

Deno.test("with JWT and --on-duplicate replace, only an operator may take an id over", async () => {
  const setup = SETUPS[0];
  await using relay = startTestRelay({ ...(await setup.relay()), onDuplicate: "replace" });
  const port = relay.running.addr.port;
  const deviceToken = await setup.mint("board");
  const old = await TestClient.open(`${relay.url}board?token=${deviceToken}`);
  const again = await rawRequest({ port, path: `/board?token=${deviceToken}` });
  assert.equal(again.status, 409);
  assert.equal(old.socket.readyState, WebSocket.OPEN);
  const operatorToken = await setup.mint("board", "operator");
  const fresh = await TestClient.open(`${relay.url}board?token=${operatorToken}`);
  assert.equal((await old.closed).code, 4001);
  await fresh[Symbol.asyncDispose]();
});

Deno.test("options: JWT flags, their environment variables and their conflicts", () => {
  const base = { args: [] as string[], env: {} };
  assert.equal(
    parseOptions({ ...base, env: { RELAY_JWT_SECRET: SECRET } }).jwtSecret,
    SECRET,
  );
  assert.equal(
    parseOptions({ ...base, args: ["--jwt-public-key", "k.pem"] }).jwtPublicKeyFile,
    "k.pem",
  );
  assert.throws(() => parseOptions({ ...base, args: ["--jwt-secret", "short"] }), /32 characters/);
  assert.throws(
    () => parseOptions({ ...base, args: ["--jwt-secret", SECRET, "--jwt-public-key", "k"] }),
    /not both/,
  );
  assert.throws(
    () => parseOptions({ ...base, args: ["--jwt-secret", SECRET, "--token", "t"] }),
    /leave it out/,
  );
  assert.equal(
    parseOptions({ ...base, args: ["--jwt-secret", SECRET, "--on-duplicate", "replace"] })
      .onDuplicate,
    "replace",
  );
});

Deno.test("deno task token mints a token the relay accepts, with the role and expiry asked for", async () => {
  assert.equal(parseDuration("365d"), 365 * 86_400);
  assert.equal(parseDuration("90m"), 5400);
  assert.throws(() => parseDuration("soon"), /duration/);
  const printed: string[] = [];
  const log = console.log;
  console.log = (line: string) => printed.push(line);
  try {
    assert.equal(
      await tokenMain(["--", "--id", "esp32-1", "--expires", "1h"], { RELAY_JWT_SECRET: SECRET }),
      0,
    );
    const pair = generateKeyPairSync("ed25519");
    const keyFile = await Deno.makeTempFile();
    await Deno.writeTextFile(
      keyFile,
      pair.privateKey.export({ type: "pkcs8", format: "pem" }) as string,
    );
    assert.equal(
      await tokenMain(["--id", "ops", "--role", "operator", "--jwt-private-key", keyFile], {}),
      0,
    );
    await Deno.remove(keyFile);
    const edPublic = pair.publicKey.export({ type: "spki", format: "pem" }) as string;
    const device = await Credentials.fromSecret(SECRET).verify(printed[0], "esp32-1");
    assert.equal(device.ok && device.role, "device");
    const exp = JSON.parse(Buffer.from(printed[0].split(".")[1], "base64url").toString()).exp;
    assert.ok(exp > Date.now() / 1000 + 3500 && exp <= Date.now() / 1000 + 3600);
    const op = await Credentials.fromPublicKey(edPublic).verify(printed[1], "ops");
    assert.equal(op.ok && op.role, "operator");
  } finally {
    console.log = log;
  }
  const error = console.error;
  console.error = () => {};
  try {
    assert.equal(await tokenMain(["--id", "x"], {}), 2, "no key");
    assert.equal(
      await tokenMain(["--id", "x", "--role", "admin"], { RELAY_JWT_SECRET: SECRET }),
      2,
    );
  } finally {
    console.error = error;
  }
});

Deno.test("a public key the relay cannot use stops it with a reason: RSA, P-384, a missing file", async () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
  const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey;
  assert.throws(
    () => Credentials.fromPublicKey(rsa.export({ type: "spki", format: "pem" }) as string),
    /EC P-256 \(ES256\) or Ed25519 \(EdDSA\) key, got rsa/,
  );
  assert.throws(
    () => Credentials.fromPublicKey(p384.export({ type: "spki", format: "pem" }) as string),
    /got ec on secp384r1/,
  );
  assert.throws(() => Credentials.fromPublicKey("not a key"), /cannot read the public key/);
  const missing = `${await Deno.makeTempDir()}/none.pem`;
  assert.throws(
    () => startTestRelay({ jwtPublicKeyFile: missing }),
    /cannot read --jwt-public-key .*none\.pem/,
  );
  assert.throws(() => Credentials.fromSecret("short"), /at least 32 characters/);
});
