/**
 * A TCP forwarder on 127.0.0.1 in front of a server, whose gate a test can
 * close: while closed, new connections are accepted and dropped at once
 * (as a relay that is down behind a load balancer), and the ones already
 * through keep flowing. For devices whose network cannot be faulted
 * otherwise, like the real Espruino interpreter.
 *
 * @module
 */

/** A running forwarder. */
export interface TcpGate extends AsyncDisposable {
  /** The port clients connect to. */
  port: number;
  /** Closes (true) or opens (false) the gate for new connections. */
  refuse(closed: boolean): void;
  /** Drops every connection through it now, as a network that failed (new ones still pass). */
  cut(): void;
}

async function pipe(from: Deno.Conn, to: Deno.Conn): Promise<void> {
  try {
    await from.readable.pipeTo(to.writable, { preventClose: false });
  } catch {
    // One side went away: the other is closed below.
  }
}

/** Starts forwarding 127.0.0.1:(free port) to 127.0.0.1:`target`. */
export function startTcpGate(target: number): TcpGate {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const open = new Set<Deno.Conn>();
  const flows = new Set<Promise<void>>();
  let closed = false;
  const serving = (async () => {
    for await (const inbound of listener) {
      if (closed) {
        inbound.close();
        continue;
      }
      const flow = (async () => {
        let outbound: Deno.Conn | undefined;
        try {
          outbound = await Deno.connect({ hostname: "127.0.0.1", port: target });
        } catch {
          inbound.close();
          return;
        }
        open.add(inbound).add(outbound);
        await Promise.race([pipe(inbound, outbound), pipe(outbound, inbound)]);
        for (const conn of [inbound, outbound]) {
          open.delete(conn);
          try {
            conn.close();
          } catch {
            // Already closed by its pipe.
          }
        }
      })();
      flows.add(flow);
      flow.finally(() => flows.delete(flow));
    }
  })();
  return {
    port: (listener.addr as Deno.NetAddr).port,
    refuse(value) {
      closed = value;
    },
    cut() {
      for (const conn of open) {
        try {
          conn.close();
        } catch {
          // Already closed.
        }
      }
    },
    async [Symbol.asyncDispose]() {
      listener.close();
      await serving.catch(() => {});
      for (const conn of open) {
        try {
          conn.close();
        } catch {
          // Already closed.
        }
      }
      await Promise.allSettled([...flows]);
    },
  };
}
