/**
 * Local TLS certificates for the relay: a private certificate authority (CA) and a server
 * certificate signed by it, made with WebCrypto and `@peculiar/x509` (no openssl needed).
 *
 * Clients trust the CA once; later runs reuse it, so re-issuing the server certificate (for
 * example after the relay gets a new IP address) does not break them.
 *
 * Command line: `deno task certs -- --help` (tools/certs.ts).
 *
 * @module
 */

// @peculiar/x509 uses decorators that need the Reflect metadata API at import time.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { dirname, join } from "node:path";

/** Where the CA and server certificate files are. */
export interface CertificatePaths {
  /** CA certificate (PEM); the file clients must trust. */
  caCert: string;
  /** CA private key (PKCS#8 PEM, mode 0o600). */
  caKey: string;
  /** Server certificate (PEM). */
  serverCert: string;
  /** Server private key (PKCS#8 PEM, mode 0o600). */
  serverKey: string;
}

/** Options for {@linkcode generateCertificates}. */
export interface GenerateCertificatesOptions {
  /** Directory for `ca.crt`, `ca.key`, `server.crt` and `server.key`; created if missing. */
  dir: string;
  /** Host names and IP addresses (IPv4 or IPv6) the server certificate is valid for. */
  hosts: string[];
  /**
   * Lifetime of the server certificate in days (default 825). It is cut short to the CA's own
   * expiry when an existing CA is reused.
   */
  validDays?: number;
  /** Replace an existing CA instead of reusing it; clients must then trust the new one. */
  force?: boolean;
}

/** Options for {@linkcode ensureCertificates}. */
export interface EnsureCertificatesOptions {
  /** Server certificate path; the CA lives in the same directory. */
  certPath: string;
  /** Server private key path. */
  keyPath: string;
  /** Hosts for a newly generated certificate (default {@linkcode defaultHosts}). */
  hosts?: string[];
}

/** Result of {@linkcode ensureCertificates}. */
export interface EnsureCertificatesResult {
  /** True when new files were written. */
  created: boolean;
  /** CA certificate path, set when files were written. */
  caCert?: string;
}

/** Default lifetime of a server certificate, in days: the most Apple platforms accept. */
export const DEFAULT_VALID_DAYS = 825;
/** Lifetime of a new CA, in days: long, so clients rarely need to trust a new one. */
const CA_VALID_DAYS = 3650;
/** Largest accepted `validDays`. */
export const MAX_VALID_DAYS = CA_VALID_DAYS;
const DAY_MS = 24 * 60 * 60 * 1000;
// Start validity an hour early so clients with a slightly slow clock accept a fresh cert.
const CLOCK_SKEW_MS = 60 * 60 * 1000;

const KEY_ALGORITHM: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
// Deno (rustls) and Node both reject SHA-1 signatures, so always sign with SHA-256.
const SIGNING_ALGORITHM: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };

const CA_CERT_FILE = "ca.crt";
const CA_KEY_FILE = "ca.key";
const SERVER_CERT_FILE = "server.crt";
const SERVER_KEY_FILE = "server.key";
/** Where `deno task certs` and `deno task serve:tls` keep the files. */
export const DEFAULT_CERTS_DIR = "tls";

/** One subjectAltName entry. */
interface SanEntry {
  type: "dns" | "ip";
  value: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Classifies a host as IP or DNS name in canonical form, or returns undefined if invalid. */
function parseHost(host: string): SanEntry | undefined {
  let value = host.trim().toLowerCase();
  if (value.startsWith("[") && value.endsWith("]")) value = value.slice(1, -1);
  const v4 = IPV4.exec(value);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((part) => part <= 255) ? { type: "ip", value: parts.join(".") } : undefined;
  }
  if (value.includes(":")) {
    // Zone ids (`%eth0`) cannot go into a certificate.
    if (value.includes("%") || !/^[0-9a-f:.]+$/.test(value)) return undefined;
    try {
      // The URL parser validates and canonicalises IPv6, including embedded IPv4 forms.
      return { type: "ip", value: new URL(`http://[${value}]/`).hostname.slice(1, -1) };
    } catch {
      return undefined;
    }
  }
  if (value.endsWith(".")) value = value.slice(0, -1);
  if (value.length === 0 || value.length > 253) return undefined;
  const labels = value.split(".");
  // A wildcard is only meaningful as the whole leftmost label.
  if (labels[0] === "*" && labels.length > 2) labels.shift();
  if (!labels.every((label) => DNS_LABEL.test(label))) return undefined;
  // All-numeric dotted names would be mistaken for (bad) IPv4 addresses.
  if (labels.every((label) => /^\d+$/.test(label))) return undefined;
  return { type: "dns", value };
}

/** Validates and deduplicates hosts, keeping their order. */
function toSanEntries(hosts: string[]): SanEntry[] {
  const entries: SanEntry[] = [];
  const seen = new Set<string>();
  for (const host of hosts) {
    const entry = parseHost(host);
    if (!entry) {
      throw new TypeError(`Invalid host "${host}": expected an IP address or a DNS name`);
    }
    const key = `${entry.type}:${entry.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  if (entries.length === 0) throw new TypeError("At least one host is required");
  return entries;
}

/**
 * Whether a host can go into a certificate's subjectAltName.
 *
 * @param host An IP address (IPv4, IPv6, bracketed or not) or a DNS name.
 * @returns True when {@linkcode generateCertificates} accepts it.
 */
export function isCertificateHost(host: string): boolean {
  return parseHost(host) !== undefined;
}

function isSysGranted(kind: "hostname" | "networkInterfaces"): boolean {
  try {
    // Query first so a missing permission never triggers an interactive prompt.
    return Deno.permissions.querySync({ name: "sys", kind }).state === "granted";
  } catch {
    return false;
  }
}

/** The names every certificate covers, whatever else it is for: this machine's loopback. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/**
 * Hosts a local relay is normally reached by: `localhost`, `127.0.0.1`, `::1`, this machine's
 * host name and each non-loopback IPv4/IPv6 address (link-local `fe80::` addresses skipped).
 * Sources that need a missing `--allow-sys` permission are skipped silently.
 *
 * @returns Deduplicated hosts, fixed loopback entries first.
 */
export function defaultHosts(): string[] {
  const candidates = [...LOOPBACK_HOSTS];
  if (isSysGranted("hostname")) {
    try {
      candidates.push(Deno.hostname());
    } catch {
      // Unsupported platform or sandbox: the host name is optional.
    }
  }
  if (isSysGranted("networkInterfaces")) {
    try {
      for (const nic of Deno.networkInterfaces()) {
        const entry = parseHost(nic.address.split("%")[0]);
        if (!entry || entry.type !== "ip") continue;
        const address = entry.value;
        if (address.startsWith("127.") || address === "::1") continue;
        if (/^fe[89ab][0-9a-f]:/.test(address)) continue;
        candidates.push(address);
      }
    } catch {
      // Same as above: interface addresses are a convenience.
    }
  }
  const hosts: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    // A host name that is not a valid DNS name (e.g. with "_") cannot be a SAN; skip it.
    const entry = parseHost(candidate);
    if (!entry || seen.has(entry.value)) continue;
    seen.add(entry.value);
    hosts.push(entry.value);
  }
  return hosts;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function restrictMode(path: string): Promise<void> {
  if (Deno.build.os === "windows") return; // No POSIX modes there.
  await Deno.chmod(path, 0o600);
}

/** Writes a private key so that it is never readable by others, even briefly. */
async function writePrivateFile(path: string, text: string): Promise<void> {
  try {
    // `mode` only applies when the file is created, so tighten an existing file first.
    await restrictMode(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  await Deno.writeTextFile(path, text, { mode: 0o600 });
  await restrictMode(path);
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", key);
  return x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
}

function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ["sign", "verify"]);
}

interface CertificateAuthority {
  cert: x509.X509Certificate;
  key: CryptoKey;
}

async function createCa(validDays: number): Promise<CertificateAuthority> {
  const keys = await generateKeyPair();
  const now = Date.now();
  // Date plus random suffix tells CAs apart in a browser's certificate list.
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(3)))
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
  const cn = `WebSocket Relay Local CA ${new Date(now).toISOString().slice(0, 10)} ${suffix}`;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [cn] }, { O: ["WebSocket Relay"] }],
    keys,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + validDays * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      // pathLength 0: this CA only signs server certificates, never other CAs.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, key: keys.privateKey };
}

const FORCE_HINT = "Run `deno task certs -- --force` to create a new CA " +
  "(clients must then trust the new ca.crt).";

async function loadCa(certPath: string, keyPath: string): Promise<CertificateAuthority> {
  let cert: x509.X509Certificate;
  let key: CryptoKey;
  try {
    cert = new x509.X509Certificate(await Deno.readTextFile(certPath));
    const der = x509.PemConverter.decodeFirst(await Deno.readTextFile(keyPath));
    key = await crypto.subtle.importKey("pkcs8", der, KEY_ALGORITHM, true, ["sign"]);
  } catch (error) {
    if (error instanceof Deno.errors.PermissionDenied) throw error;
    if (error instanceof Deno.errors.NotCapable) throw error;
    throw new Error(
      `Cannot reuse the CA in ${certPath} / ${keyPath}: expected a PEM certificate and a ` +
        `PKCS#8 ECDSA P-256 key (${error instanceof Error ? error.message : error}). ${FORCE_HINT}`,
      { cause: error },
    );
  }
  if (!cert.getExtension(x509.BasicConstraintsExtension)?.ca) {
    throw new Error(`${certPath} is not a CA certificate. ${FORCE_HINT}`);
  }
  if (cert.notAfter.getTime() <= Date.now()) {
    throw new Error(
      `The CA in ${certPath} expired on ${cert.notAfter.toISOString()}. ${FORCE_HINT}`,
    );
  }
  // A key from another CA would produce server certificates that no client accepts.
  const publicJwk = await crypto.subtle.exportKey(
    "jwk",
    await cert.publicKey.export(KEY_ALGORITHM, ["verify"]),
  );
  const privateJwk = await crypto.subtle.exportKey("jwk", key);
  if (publicJwk.x !== privateJwk.x || publicJwk.y !== privateJwk.y) {
    throw new Error(`${keyPath} is not the private key of ${certPath}. ${FORCE_HINT}`);
  }
  return { cert, key };
}

function checkValidDays(validDays: number): void {
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_VALID_DAYS) {
    throw new RangeError(
      `validDays must be a whole number from 1 to ${MAX_VALID_DAYS}, got ${validDays}`,
    );
  }
}

interface IssueOptions {
  caDir: string;
  serverCert: string;
  serverKey: string;
  hosts: string[];
  validDays: number;
  force: boolean;
}

/** What {@linkcode issueCertificates} wrote. */
export interface IssuedCertificates {
  /** Paths of the four files. */
  paths: CertificatePaths;
  /** True when a new CA was made, false when the existing one was reused. */
  caCreated: boolean;
  /** The server certificate's subjectAltNames as openssl prints them, e.g. `IP:::1`. */
  subjectAltNames: string[];
  /** When the server certificate expires. */
  notAfter: Date;
}

/** Loads or creates the CA in caDir, then writes a server certificate and key it signed. */
async function issue(options: IssueOptions): Promise<IssuedCertificates> {
  checkValidDays(options.validDays);
  const sans = toSanEntries(options.hosts);
  const paths: CertificatePaths = {
    caCert: join(options.caDir, CA_CERT_FILE),
    caKey: join(options.caDir, CA_KEY_FILE),
    serverCert: options.serverCert,
    serverKey: options.serverKey,
  };
  for (const dir of new Set([options.caDir, dirname(paths.serverCert), dirname(paths.serverKey)])) {
    await Deno.mkdir(dir, { recursive: true });
  }

  let ca: CertificateAuthority;
  let caCreated = false;
  const [hasCaCert, hasCaKey] = await Promise.all([exists(paths.caCert), exists(paths.caKey)]);
  if (hasCaCert && hasCaKey && !options.force) {
    ca = await loadCa(paths.caCert, paths.caKey);
  } else if ((hasCaCert || hasCaKey) && !options.force) {
    const [present, missing] = hasCaCert
      ? [paths.caCert, paths.caKey]
      : [paths.caKey, paths.caCert];
    throw new Error(
      `${missing} is missing but ${present} exists, so the CA cannot be reused. ` +
        `Restore ${missing}, or ${FORCE_HINT[0].toLowerCase()}${FORCE_HINT.slice(1)}`,
    );
  } else {
    ca = await createCa(CA_VALID_DAYS);
    caCreated = true;
  }

  const keys = await generateKeyPair();
  const now = Date.now();
  const notAfter = new Date(Math.min(now + options.validDays * DAY_MS, ca.cert.notAfter.getTime()));
  const cert = await x509.X509CertificateGenerator.create({
    subject: [{ CN: [sans[0].value] }],
    // The Name object keeps the CA subject's exact encoding; verifiers compare it bytewise.
    issuer: ca.cert.subjectName,
    publicKey: keys.publicKey,
    signingKey: ca.key,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      // ECDSA keys sign the handshake; they never encipher keys.
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(sans),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey),
    ],
  });

  if (caCreated) {
    await writePrivateFile(paths.caKey, await privateKeyPem(ca.key));
    await Deno.writeTextFile(paths.caCert, ca.cert.toString("pem") + "\n");
  }
  await writePrivateFile(paths.serverKey, await privateKeyPem(keys.privateKey));
  await Deno.writeTextFile(paths.serverCert, cert.toString("pem") + "\n");
  const subjectAltNames = sans.map((e) => `${e.type === "ip" ? "IP" : "DNS"}:${e.value}`);
  return { paths, caCreated, subjectAltNames, notAfter };
}

/**
 * Creates a local CA (ECDSA P-256, SHA-256) and a server certificate signed by it, and writes
 * `ca.crt`, `ca.key`, `server.crt` and `server.key` (PEM, keys as PKCS#8 with mode 0o600) into
 * `dir`. An existing CA in `dir` is reused unless `force` is set, so clients that already trust
 * it keep working.
 *
 * @example
 * ```ts
 * const paths = await generateCertificates({ dir: "tls", hosts: ["localhost", "192.168.1.10"] });
 * console.log(trustHint(paths.caCert));
 * ```
 *
 * @param options Output directory, hosts for the subjectAltName, lifetime and CA replacement.
 * @returns Paths of the four files.
 * @throws {TypeError} If a host is neither an IP address nor a DNS name.
 * @throws {Error} If an existing CA is incomplete, expired or does not match its key.
 */
export async function generateCertificates(
  options: GenerateCertificatesOptions,
): Promise<CertificatePaths> {
  return (await issueCertificates(options)).paths;
}

/**
 * {@linkcode generateCertificates}, telling also whether the CA is new, the subjectAltNames and
 * the expiry: what `deno task certs` prints.
 *
 * @param options Output directory, hosts for the subjectAltName, lifetime and CA replacement.
 * @returns The paths written, whether the CA is new, the names and the expiry.
 * @throws {TypeError} If a host is neither an IP address nor a DNS name.
 * @throws {Error} If an existing CA is incomplete, expired or does not match its key.
 */
export function issueCertificates(
  options: GenerateCertificatesOptions,
): Promise<IssuedCertificates> {
  return issue({
    caDir: options.dir,
    serverCert: join(options.dir, SERVER_CERT_FILE),
    serverKey: join(options.dir, SERVER_KEY_FILE),
    hosts: options.hosts,
    validDays: options.validDays ?? DEFAULT_VALID_DAYS,
    force: options.force ?? false,
  });
}

/**
 * Makes sure a server certificate and key exist at `certPath` and `keyPath`. If neither
 * exists, generates them (with the CA, new or reused, in the directory of `certPath`); if both
 * exist, leaves them alone.
 *
 * @param options Server certificate and key paths, and hosts for a new certificate.
 * @returns Whether files were written and, if so, the CA certificate clients must trust.
 * @throws {Error} If only one of the two files exists.
 */
export async function ensureCertificates(
  options: EnsureCertificatesOptions,
): Promise<EnsureCertificatesResult> {
  const { certPath, keyPath } = options;
  const [hasCert, hasKey] = await Promise.all([exists(certPath), exists(keyPath)]);
  if (hasCert && hasKey) return { created: false };
  if (hasCert || hasKey) {
    const [present, missing, what] = hasCert
      ? [certPath, keyPath, "TLS private key"]
      : [keyPath, certPath, "TLS certificate"];
    // Never pair a leftover file with a new one: the key would not match the certificate.
    throw new Error(
      `${what} ${missing} is missing but ${present} exists. Delete ${present} to have a new ` +
        `pair generated, or run \`deno task certs\` to write a new certificate and key.`,
    );
  }
  const result = await issue({
    caDir: dirname(certPath),
    serverCert: certPath,
    serverKey: keyPath,
    hosts: options.hosts ?? defaultHosts(),
    validDays: DEFAULT_VALID_DAYS,
    force: false,
  });
  return { created: true, caCert: result.paths.caCert };
}

/**
 * Explains where the CA certificate is and how each kind of client trusts it.
 *
 * @param caCertPath Path of the CA certificate, as the user should type it.
 * @returns Several lines of text, without a trailing newline.
 */
export function trustHint(caCertPath: string): string {
  const p = caCertPath;
  return [
    `Clients must trust the local CA certificate ${p} (keep its ca.key private):`,
    `  Deno:     deno run --cert ${p} …  or  DENO_CERT=${p}`,
    `            or in code: Deno.createHttpClient({ caCerts: [await Deno.readTextFile("${p}")] })`,
    `  Node:     NODE_EXTRA_CA_CERTS=${p} node …`,
    `  curl:     curl --cacert ${p} https://…`,
    `  Browsers: import ${p} as a certificate authority (certificate settings, "Authorities")`,
    `  Espruino: devices do not verify certificates at all; TLS there gives encryption only.`,
  ].join("\n");
}
