/**
 * Unpredictable bytes for WebSocket keys, masks and backoff jitter on
 * Espruino, where `Math.random()` replays the same sequence after every boot
 * and `E.hwRand()` is that same generator on ESP32.
 *
 * A 32-byte pool is hashed with `require("crypto").SHA256` over everything
 * that differs between boots and between boards: `getTime()` (microseconds,
 * and set by the network), `getSerial()`, `E.hwRand()`, free memory, an
 * optional floating analog pin and a counter. {@linkcode EntropyPool.stir}
 * mixes in more at moments whose timing varies — each connection attempt
 * does. Output blocks are hashes of the pool and a counter; the pool is
 * re-hashed after each block, so past output cannot be recomputed from it.
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
  /** Mixes the current time and state, and `extra` if given, into the pool. */
  stir(extra?: string): void;
  /** `n` unpredictable bytes as a binary string. */
  bytes(n: number): string;
  /** A uniform number in [0, 1). */
  random(): number;
}

/** Creates a pool seeded from what this board and this moment offer. */
export function createEntropyPool(options?: EntropyOptions): EntropyPool {
  const pin = options && options.noisePin;
  let pool = "";
  let counter = 0;
  let block = "";
  const hash = (data: string) => digest("SHA256", data);

  const stir = (extra?: string) => {
    pool = hash(
      [
        pool,
        getTime(),
        getSerial(),
        E.hwRand(),
        process.memory(false).free,
        pin ? analogRead(pin) : "",
        counter++,
        extra || "",
      ].join("|"),
    );
    block = "";
  };

  const bytes = (n: number) => {
    let out = "";
    while (out.length < n) {
      if (!block) {
        block = hash("out" + pool + counter++);
        pool = hash("next" + pool + getTime());
      }
      const take = Math.min(n - out.length, block.length);
      out += block.substr(0, take);
      block = block.substr(take);
    }
    return out;
  };

  stir();
  return {
    stir,
    bytes,
    random: () => {
      const b = bytes(4);
      return (wordAt(b, 0) * 65536 + wordAt(b, 2)) / 4294967296;
    },
  };
}
