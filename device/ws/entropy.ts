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

/** The `require("crypto")` hash `name` of `data`, as a binary string. */
export const digest = (name: "SHA1" | "SHA256", data: string): string =>
  E.toString(new Uint8Array(require("crypto")[name](data)));

/**
 * Creates a pool seeded from what this board and this moment offer, and
 * returns its one operation: `n` unpredictable bytes as a binary string.
 * (One function, not an object of them: each function costs the board about
 * six variables.)
 */
export function createEntropyPool(noisePin?: Pin): (n: number) => string {
  let pool = "";
  return (n) => {
    let out = "";
    // The pool is re-hashed with fresh material before every output block, and what goes out is a
    // hash of the pool, never the pool: past output cannot be recomputed from it, nor the pool
    // from the output.
    while (out.length < n) {
      pool = digest(
        "SHA256",
        pool + getTime() + getSerial() + E.hwRand() + process.memory(false).free +
          (noisePin ? analogRead(noisePin) : ""),
      );
      out += digest("SHA256", "out" + pool);
    }
    return out.substr(0, n);
  };
}
