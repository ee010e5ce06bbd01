/**
 * Free loopback ports for tests and benchmarks: never a hard-coded port.
 *
 * ```ts
 * import { freePort } from "./ports.ts";
 * const listener = Deno.listen({ hostname: "127.0.0.1", port: freePort() });
 * listener.close();
 * ```
 *
 * @module
 */

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/**
 * A free port below Linux's ephemeral range (32768 and up), where port-0 binds of other tests
 * never land: Redis can stop and start again on it without a stranger taking it meanwhile.
 */
export function stablePort(): number {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    try {
      Deno.listen({ hostname: "127.0.0.1", port }).close();
      return port;
    } catch {
      // taken: try another
    }
  }
  throw new Error("no free port between 20000 and 30000");
}
