/**
 * The Redis client of a cluster node (npm `ioredis`), in a module of its own
 * that relay/cluster.ts loads only when a relay starts with `--redis`: the
 * relay's module graph (and so relay/deno.lock, what `deno task serve`
 * installs) does not include it; relay/cluster.lock (`deno task
 * serve:cluster`) does.
 *
 * @module
 */

import { Redis, type RedisOptions } from "npm:ioredis@6.0.0";
import type { ConnectRedis, RedisConnection } from "./redis_connection.ts";
import { BusSubscriber } from "./redis_subscriber.ts";

/**
 * Opens (lazily) the two connections of a node: commands (ioredis), and the
 * bus subscriber (relay/redis_subscriber.ts, on Deno's own TCP: every message of
 * the cluster passes through it).
 */
export const connectRedis: ConnectRedis = (options) => {
  // Reconnect forever, quickly: cross-node delivery must come back within seconds.
  const retryStrategy = (times: number) => Math.min(100 * times, 1000);
  const connectTimeout = 2000;
  const common: RedisOptions = {
    retryStrategy,
    connectTimeout,
    lazyConnect: true,
    // disconnect() arms a timer to destroy the socket; on a connection already lost it is never
    // cleared, so let it fire at once (a live connection is closed with quit() instead).
    disconnectTimeout: 0,
  };
  const commands: RedisConnection = new Redis(options.url, {
    ...common,
    // Fail at once while Redis is away rather than queue claims and messages for later.
    enableOfflineQueue: false,
    // Messages published in one tick travel in one write. (Without it, a command cut off by a
    // lost connection is never rejected, only timed out: see autoResendUnfulfilledCommands.)
    enableAutoPipelining: true,
    // A command cut off by a lost connection may have run: resending could deliver it twice.
    autoResendUnfulfilledCommands: false,
    // A Redis that accepts but does not answer (frozen, overloaded) must not hold an upgrade
    // forever: the claim fails with 503 after this.
    commandTimeout: 3000,
    connectionName: `${options.cluster}-commands`,
  });
  const subscriber: RedisConnection = new BusSubscriber({
    url: options.url,
    connectionName: `${options.cluster}-bus`,
    retryStrategy,
    connectTimeout,
  });
  return { commands, subscriber };
};
