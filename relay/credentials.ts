/**
 * Per-client credentials: JSON Web Tokens verified with `jose`, one per
 * client. A token's `sub` is the one id it may connect as, its `role` is
 * `device` (the default) or `operator`, and an `exp` makes it expire.
 *
 * Keys: a shared secret (HS256, `--jwt-secret`) or a public key in PEM
 * (ES256 on P-256, or EdDSA on Ed25519, `--jwt-public-key`), so that another
 * system can mint tokens with the private key. Only the key's own algorithm
 * is accepted: `alg: none` and any other algorithm are refused.
 *
 * @example
 * ```ts
 * import { Credentials, mintToken } from "./credentials.ts";
 *
 * const secret = "a-secret-of-at-least-32-characters!!";
 * const credentials = Credentials.fromSecret(secret);
 * const token = await mintToken({ secret, sub: "esp32-1", role: "device" });
 * const result = await credentials.verify(token, "esp32-1");
 * console.log(result.ok && result.role); // "device"
 * ```
 * @module
 */

import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "npm:jose@6.2.19";
import { checkClientId } from "./client_id.ts";
import type { CredentialRefusal } from "./metrics.ts";
import type { Role } from "./routing.ts";

/** An algorithm the relay accepts, decided by the configured key. */
export type JwtAlgorithm = "HS256" | "ES256" | "EdDSA";

/** The fewest characters `--jwt-secret` may have: HS256 wants at least 256 bits of key. */
export const MIN_SECRET_LENGTH = 32;

/** A verified credential, or why it was refused (with the HTTP status and a reason for the body). */
export type Verdict =
  | { ok: true; sub: string; role: Role }
  | { ok: false; refusal: CredentialRefusal; status: 401 | 403; reason: string };

function refused(refusal: CredentialRefusal, reason: string): Verdict {
  const status = refusal === "wrong_id" || refusal === "not_operator" ? 403 : 401;
  return { ok: false, refusal, status, reason };
}

/** The algorithm a PEM key is for: ES256 for a P-256 EC key, EdDSA for Ed25519. */
export function algorithmOfKey(key: KeyObject): JwtAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === "ed25519") return "EdDSA";
  if (type === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ES256";
  throw new Error(
    `the key must be an EC P-256 (ES256) or Ed25519 (EdDSA) key, got ${type ?? "unknown"}${
      type === "ec" ? ` on ${key.asymmetricKeyDetails?.namedCurve}` : ""
    }`,
  );
}

/** Verifies clients' tokens against one key. */
export class Credentials {
  /** The only algorithm accepted. */
  readonly algorithm: JwtAlgorithm;
  #key: KeyObject | Uint8Array;

  private constructor(algorithm: JwtAlgorithm, key: KeyObject | Uint8Array) {
    this.algorithm = algorithm;
    this.#key = key;
  }

  /** Tokens signed with HS256 and this secret. */
  static fromSecret(secret: string): Credentials {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`the JWT secret must have at least ${MIN_SECRET_LENGTH} characters`);
    }
    return new Credentials("HS256", new TextEncoder().encode(secret));
  }

  /** Tokens signed with the private half of this PEM public key (ES256 or EdDSA). */
  static fromPublicKey(pem: string): Credentials {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (error) {
      throw new Error(`cannot read the public key: ${(error as Error).message}`);
    }
    return new Credentials(algorithmOfKey(key), key);
  }

  /**
   * Checks a presented token: signature and algorithm, expiry, claims, and,
   * with `id`, that it is the id the token is for. Never echoes the token.
   */
  async verify(token: string | undefined, id?: string): Promise<Verdict> {
    if (token === undefined || token === "") return refused("missing", "missing credential");
    if (!/^[\w-]+\.[\w-]*\.[\w-]*$/.test(token)) return refused("malformed", "malformed token");
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.#key, { algorithms: [this.algorithm] }));
    } catch (error) {
      return refused(...classify(error, this.algorithm));
    }
    const sub = payload.sub;
    if (typeof sub !== "string" || !checkClientId(sub).ok) {
      return refused("bad_claims", "the token's sub is not a valid client id");
    }
    const role = payload.role ?? "device";
    if (role !== "device" && role !== "operator") {
      return refused("bad_claims", "the token's role must be device or operator");
    }
    if (id !== undefined && sub !== id) {
      return refused("wrong_id", "the token is for another client id");
    }
    return { ok: true, sub, role };
  }
}

function classify(error: unknown, algorithm: JwtAlgorithm): [CredentialRefusal, string] {
  if (error instanceof errors.JWTExpired) return ["expired", "the token has expired"];
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return ["bad_algorithm", `the token must be signed with ${algorithm}`];
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return ["bad_signature", "the token's signature does not verify"];
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return ["bad_claims", `the token's claims are not valid: ${error.claim}`];
  }
  return ["malformed", "malformed token"];
}

/** Settings of {@linkcode mintToken}: a secret (HS256) or a PEM private key (ES256 or EdDSA). */
export interface MintOptions {
  /** The relay's `--jwt-secret`. */
  secret?: string;
  /** A PEM private key whose public half is the relay's `--jwt-public-key`. */
  privateKeyPem?: string;
  /** The client id the token is for. */
  sub: string;
  /** `device` or `operator`. */
  role: Role;
  /** Seconds until it expires; none never expires. */
  expiresInSeconds?: number;
}

/** Signs a token for one client id. */
export async function mintToken(options: MintOptions): Promise<string> {
  if (!checkClientId(options.sub).ok) throw new Error(`"${options.sub}" is not a valid client id`);
  let key: KeyObject | Uint8Array;
  let alg: JwtAlgorithm;
  if (options.privateKeyPem !== undefined) {
    key = createPrivateKey(options.privateKeyPem);
    alg = algorithmOfKey(key);
  } else if (options.secret !== undefined) {
    if (options.secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`the JWT secret must have at least ${MIN_SECRET_LENGTH} characters`);
    }
    key = new TextEncoder().encode(options.secret);
    alg = "HS256";
  } else {
    throw new Error("a secret or a private key is needed to sign a token");
  }
  const jwt = new SignJWT({ role: options.role })
    .setProtectedHeader({ alg, typ: "JWT" })
    .setSubject(options.sub)
    .setIssuedAt();
  if (options.expiresInSeconds !== undefined) {
    jwt.setExpirationTime(Math.floor(Date.now() / 1000) + options.expiresInSeconds);
  }
  return await jwt.sign(key);
}
