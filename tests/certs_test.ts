import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CertificatePaths,
  defaultHosts,
  ensureCertificates,
  generateCertificates,
  trustHint,
} from "../relay/certs.ts";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const IS_WINDOWS = Deno.build.os === "windows";

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "certs_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function readCert(path: string): Promise<x509.X509Certificate> {
  return new x509.X509Certificate(await Deno.readTextFile(path));
}

function sans(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.SubjectAlternativeNameExtension);
  assert.ok(ext, "certificate has a subjectAltName");
  return ext.names.toJSON().map((name) => `${name.type}:${name.value}`);
}

function assertEcdsaSha256(cert: x509.X509Certificate): void {
  const alg = cert.signatureAlgorithm as unknown as { name: string; hash: { name: string } };
  assert.equal(alg.name, "ECDSA");
  assert.equal(alg.hash.name, "SHA-256");
  assert.equal((cert.publicKey.algorithm as EcKeyAlgorithm).namedCurve, "P-256");
}

/** Serves "ok" over TLS with the generated server files, runs fn, then shuts down cleanly. */
async function withTlsServer(
  paths: CertificatePaths,
  fn: (port: number) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const server = Deno.serve({
    port: 0,
    hostname: "127.0.0.1",
    cert: await Deno.readTextFile(paths.serverCert),
    key: await Deno.readTextFile(paths.serverKey),
    signal: controller.signal,
    onListen() {},
  }, () => new Response("ok"));
  try {
    await fn(server.addr.port);
  } finally {
    controller.abort();
    await server.finished;
  }
}

/** Matches a fetch TypeError whose cause (the TLS error) matches pattern. */
function failsWith(pattern: RegExp): (error: Error) => boolean {
  return (error) => {
    assert.ok(error instanceof TypeError, String(error));
    assert.match(String(error.cause), pattern);
    return true;
  };
}

/** Fetches url trusting only caPem and returns the body. */
async function fetchWithCa(url: string, caPem: string): Promise<string> {
  const client = Deno.createHttpClient({ caCerts: [caPem] });
  try {
    const response = await fetch(url, { client });
    return await response.text();
  } finally {
    client.close();
  }
}

Deno.test("generateCertificates writes a P-256/SHA-256 CA and a server certificate it signed", async () => {
  await withTempDir(async (tmp) => {
    const dir = join(tmp, "nested", "tls"); // Missing directories are created.
    const paths = await generateCertificates({
      dir,
      hosts: ["localhost", "127.0.0.1", "::1", "Relay.LAN", "192.168.1.10", "fd00::1", "localhost"],
      validDays: 30,
    });
    assert.deepEqual(paths, {
      caCert: join(dir, "ca.crt"),
      caKey: join(dir, "ca.key"),
      serverCert: join(dir, "server.crt"),
      serverKey: join(dir, "server.key"),
    });

    const ca = await readCert(paths.caCert);
    const server = await readCert(paths.serverCert);
    assertEcdsaSha256(ca);
    assertEcdsaSha256(server);

    const caConstraints = ca.getExtension(x509.BasicConstraintsExtension);
    assert.equal(caConstraints?.ca, true);
    assert.equal(caConstraints?.critical, true);
    const caUsage = ca.getExtension(x509.KeyUsagesExtension);
    assert.ok(caUsage && caUsage.usages & x509.KeyUsageFlags.keyCertSign);
    assert.ok(await ca.isSelfSigned());

    assert.deepEqual(sans(server), [
      "dns:localhost",
      "ip:127.0.0.1",
      "ip:::1",
      "dns:relay.lan",
      "ip:192.168.1.10",
      "ip:fd00::1",
    ]);
    assert.equal(server.getExtension(x509.BasicConstraintsExtension)?.ca, false);
    assert.deepEqual([...server.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []], [
      x509.ExtendedKeyUsage.serverAuth,
    ]);
    assert.equal(server.issuer, ca.subject);
    assert.equal(await server.isSelfSigned(), false);
    assert.ok(await server.verify({ publicKey: ca.publicKey }));
    // Days are counted from now; notBefore is set slightly earlier for clock skew.
    const lifetimeDays = (server.notAfter.getTime() - Date.now()) / 86_400_000;
    assert.ok(lifetimeDays > 29.9 && lifetimeDays <= 30, `lifetime ${lifetimeDays} days`);

    for (const keyPath of [paths.caKey, paths.serverKey]) {
      const pem = await Deno.readTextFile(keyPath);
      assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);
      if (!IS_WINDOWS) assert.equal((await Deno.stat(keyPath)).mode! & 0o777, 0o600);
    }

    // The server key belongs to the server certificate.
    const serverKey = await crypto.subtle.importKey(
      "pkcs8",
      x509.PemConverter.decodeFirst(await Deno.readTextFile(paths.serverKey)),
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["sign"],
    );
    const data = new TextEncoder().encode("relay");
    const signature = await crypto.subtle.sign(
      { name: "ECDSA", hash: "SHA-256" },
      serverKey,
      data,
    );
    const serverPublic = await server.publicKey.export(
      { name: "ECDSA", namedCurve: "P-256" },
      ["verify"],
    );
    assert.ok(
      await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, serverPublic, signature, data),
    );
  });
});

Deno.test("generated certificates work for a real TLS connection", async () => {
  await withTempDir(async (dir) => {
    const paths = await generateCertificates({ dir, hosts: ["localhost", "127.0.0.1", "::1"] });
    const caPem = await Deno.readTextFile(paths.caCert);
    await withTlsServer(paths, async (port) => {
      assert.equal(await fetchWithCa(`https://localhost:${port}/`, caPem), "ok");
      assert.equal(await fetchWithCa(`https://127.0.0.1:${port}/`, caPem), "ok");
      // Without the CA the certificate is not trusted.
      await assert.rejects(fetch(`https://localhost:${port}/`), failsWith(/UnknownIssuer/));
    });
  });
});

Deno.test("a certificate rejects hosts missing from its subjectAltName", async () => {
  await withTempDir(async (dir) => {
    const paths = await generateCertificates({ dir, hosts: ["localhost"] });
    const caPem = await Deno.readTextFile(paths.caCert);
    await withTlsServer(paths, async (port) => {
      assert.equal(await fetchWithCa(`https://localhost:${port}/`, caPem), "ok");
      await assert.rejects(
        fetchWithCa(`https://127.0.0.1:${port}/`, caPem),
        failsWith(/not valid for name "127\.0\.0\.1"/),
      );
    });
  });
});

Deno.test("a re-run reuses the CA unless forced", async () => {
  await withTempDir(async (dir) => {
    const first = await generateCertificates({ dir, hosts: ["localhost"] });
    const caPem = await Deno.readTextFile(first.caCert);
    const caKeyPem = await Deno.readTextFile(first.caKey);
    const firstServerPem = await Deno.readTextFile(first.serverCert);

    const second = await generateCertificates({ dir, hosts: ["localhost", "127.0.0.1"] });
    assert.deepEqual(second, first);
    assert.equal(await Deno.readTextFile(second.caCert), caPem);
    assert.equal(await Deno.readTextFile(second.caKey), caKeyPem);
    assert.notEqual(await Deno.readTextFile(second.serverCert), firstServerPem);
    // Clients that trusted the first CA accept the new server certificate.
    await withTlsServer(second, async (port) => {
      assert.equal(await fetchWithCa(`https://127.0.0.1:${port}/`, caPem), "ok");
    });

    await generateCertificates({ dir, hosts: ["localhost"], force: true });
    const newCa = await readCert(first.caCert);
    assert.notEqual(await Deno.readTextFile(first.caCert), caPem);
    assert.ok(await (await readCert(first.serverCert)).verify({ publicKey: newCa.publicKey }));

    // A CA key that does not belong to ca.crt is refused, not used to sign.
    await withTempDir(async (otherDir) => {
      const other = await generateCertificates({ dir: otherDir, hosts: ["localhost"] });
      await Deno.copyFile(other.caKey, first.caKey);
    });
    await assert.rejects(
      generateCertificates({ dir, hosts: ["localhost"] }),
      (error: Error) => error.message.includes("is not the private key"),
    );

    // Half a CA is not silently replaced: clients may trust the old one.
    await Deno.remove(first.caKey);
    await assert.rejects(
      generateCertificates({ dir, hosts: ["localhost"] }),
      (error: Error) => error.message.includes(first.caKey) && error.message.includes("--force"),
    );
  });
});

Deno.test("generateCertificates rejects bad hosts and lifetimes", async () => {
  await withTempDir(async (dir) => {
    await assert.rejects(generateCertificates({ dir, hosts: ["bad host"] }), TypeError);
    await assert.rejects(generateCertificates({ dir, hosts: ["300.1.1.1"] }), TypeError);
    await assert.rejects(generateCertificates({ dir, hosts: [] }), TypeError);
    await assert.rejects(
      generateCertificates({ dir, hosts: ["localhost"], validDays: 0 }),
      RangeError,
    );
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  });
});

Deno.test("ensureCertificates creates missing files once and refuses half a pair", async () => {
  await withTempDir(async (dir) => {
    const certPath = join(dir, "relay.pem");
    const keyPath = join(dir, "keys", "relay-key.pem");
    const created = await ensureCertificates({ certPath, keyPath, hosts: ["localhost"] });
    assert.deepEqual(created, { created: true, caCert: join(dir, "ca.crt") });
    const server = await readCert(certPath);
    const ca = await readCert(join(dir, "ca.crt"));
    assert.ok(await server.verify({ publicKey: ca.publicKey }));
    assert.deepEqual(sans(server), ["dns:localhost"]);
    if (!IS_WINDOWS) assert.equal((await Deno.stat(keyPath)).mode! & 0o777, 0o600);

    const certPem = await Deno.readTextFile(certPath);
    assert.deepEqual(await ensureCertificates({ certPath, keyPath }), { created: false });
    assert.equal(await Deno.readTextFile(certPath), certPem);

    await Deno.remove(keyPath);
    await assert.rejects(ensureCertificates({ certPath, keyPath }), (error: Error) => {
      assert.ok(error.message.includes(`private key ${keyPath} is missing`), error.message);
      assert.ok(error.message.includes("deno task certs"), error.message);
      return true;
    });

    await Deno.rename(certPath, keyPath); // Now only the "key" exists.
    await assert.rejects(ensureCertificates({ certPath, keyPath }), (error: Error) => {
      assert.ok(error.message.includes(`certificate ${certPath} is missing`), error.message);
      return true;
    });
  });
});

Deno.test("ensureCertificates defaults to defaultHosts()", async () => {
  await withTempDir(async (dir) => {
    const certPath = join(dir, "server.crt");
    await ensureCertificates({ certPath, keyPath: join(dir, "server.key") });
    const names = sans(await readCert(certPath)).map((san) => san.slice(san.indexOf(":") + 1));
    assert.deepEqual(names, defaultHosts());
  });
});

Deno.test("defaultHosts lists loopback names first, without duplicates or link-local", () => {
  const hosts = defaultHosts();
  assert.deepEqual(hosts.slice(0, 3), ["localhost", "127.0.0.1", "::1"]);
  assert.equal(new Set(hosts).size, hosts.length);
  assert.ok(!hosts.some((host) => host.startsWith("fe80:")), hosts.join(" "));
});

Deno.test("trustHint names the CA and how each client trusts it", () => {
  const hint = trustHint("tls/ca.crt");
  for (
    const expected of [
      "--cert tls/ca.crt",
      "DENO_CERT=tls/ca.crt",
      "caCerts",
      "NODE_EXTRA_CA_CERTS=tls/ca.crt",
      "--cacert tls/ca.crt",
      "authority",
      "Espruino",
    ]
  ) {
    assert.ok(hint.includes(expected), `missing ${expected}`);
  }
});

function runCli(
  args: string[],
  writeDir: string,
  sysFlags = ["--allow-sys"],
): Promise<Deno.CommandOutput> {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-env",
      "--allow-read",
      `--allow-write=${writeDir}`,
      ...sysFlags,
      "tools/certs.ts",
      ...args,
    ],
    cwd: REPO_ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
}

Deno.test("CLI writes certificates for the given hosts", async () => {
  await withTempDir(async (dir) => {
    const output = await runCli(["--dir", dir, "--host", "relay.lan"], dir);
    const stdout = new TextDecoder().decode(output.stdout);
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    assert.deepEqual(sans(await readCert(join(dir, "server.crt"))), [
      "dns:localhost",
      "ip:127.0.0.1",
      "ip:::1",
      "dns:relay.lan",
    ]);
    assert.ok(stdout.includes("DNS:relay.lan"), stdout);
    assert.ok(stdout.includes(join(dir, "ca.crt")), stdout);
    assert.ok(stdout.includes("NODE_EXTRA_CA_CERTS"), stdout);
  });
});

Deno.test("CLI without --allow-sys falls back to the loopback hosts", async () => {
  await withTempDir(async (dir) => {
    const output = await runCli(["--dir", dir], dir, []);
    assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
    assert.deepEqual(sans(await readCert(join(dir, "server.crt"))), [
      "dns:localhost",
      "ip:127.0.0.1",
      "ip:::1",
    ]);
  });
});

Deno.test("CLI rejects bad flags and values with exit code 2", async () => {
  await withTempDir(async (dir) => {
    const cases: [string[], string][] = [
      [["--bogus"], "--bogus"],
      [["--days", "abc"], "--days"],
      [["--host", "not a host"], "--host"],
      [["--dir"], "--dir"],
    ];
    for (const [args, flag] of cases) {
      const output = await runCli(["--dir", dir, ...args], dir);
      const stderr = new TextDecoder().decode(output.stderr);
      assert.equal(output.code, 2, `${args.join(" ")}: ${stderr}`);
      assert.ok(stderr.includes(flag), stderr);
    }
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  });
});
