/**
 * Unpredictable bytes for WebSocket keys, masks and backoff jitter on
 * Espruino, where `Math.random()` replays the same sequence after every boot
 * and `E.hwRand()` is that same generator on ESP32.
 *
 * A 32-byte pool is hashed with `require("crypto").SHA256` over everything
 * that differs between boots and between boards: `getTime()` (microseconds,
 * and set by the network), `getSerial()`, `E.hwRand()`, free memory and an
 * optional floating analog pin. Every output block mixes in more, at moments
 * whose timing varies with the network (a key per connection, a mask per
 * frame), and is a hash of the freshly stirred pool.
 *
 * Uses Espruino globals: only the device bundle can run it.
 *
 * @module
 */

import { wordAt } from "./protocol.ts";

/** The `require("crypto")` hash `name` of `data`, as a binary string. */
export const digest = (name: "SHA1" | "SHA256", data: string): string =>
  E.toString(new Uint8Array(require("crypto")[name](data)));

/** Settings of {@linkcode createEntropyPool}. */
export interface EntropyOptions {
  /** An unconnected analog pin whose noise is mixed in (reading it makes it an input). */
  noisePin?: Pin;
}

/** A source of unpredictable bytes. */
export interface EntropyPool {
  /** `n` unpredictable bytes as a binary string. */
  bytes(n: number): string;
  /** A uniform number in [0, 1), with 16 bits of resolution (enough for jitter). */
  random(): number;
}

/** Creates a pool seeded from what this board and this moment offer. */
export function createEntropyPool(options?: EntropyOptions): EntropyPool {
  const pin = options && options.noisePin;
  const hash = (data: string) => digest("SHA256", data);
  let pool = "";
  // The pool is re-hashed with fresh material before every output block, and what goes out is a
  // hash of the pool, never the pool: past output cannot be recomputed from it, nor the pool from
  // the output.
  const stir = () => {
    pool = hash(
      pool + getTime() + getSerial() + E.hwRand() + process.memory(false).free +
        (pin ? analogRead(pin) : ""),
    );
  };
  const bytes = (n: number) => {
    let out = "";
    while (out.length < n) {
      stir();
      out += hash("out" + pool);
    }
    return out.substr(0, n);
  };
  stir();
  return { bytes, random: () => wordAt(bytes(2), 0) / 65536 };
}
