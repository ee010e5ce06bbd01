/**
 * Opens the Redis connections of a cluster node, in a module of its own that
 * relay/cluster.ts loads only when a relay starts with `--redis`.
 *
 * @module
 */

import type { ConnectRedis, RedisConnection } from "./redis_connection.ts";
import { RedisCommands } from "./redis_commands.ts";
import { BusSubscriber } from "./redis_subscriber.ts";

/**
 * Opens (lazily) the two connections of a node, both on Deno's own TCP:
 * commands and scripts (relay/redis_commands.ts), and the bus subscriber
 * (relay/redis_subscriber.ts: every message of the cluster passes through it).
 */
export const connectRedis: ConnectRedis = (options) => {
  // Reconnect forever, quickly: cross-node delivery must come back within seconds.
  const retryStrategy = (times: number) => Math.min(100 * times, 1000);
  const connectTimeout = 2000;
  const commands: RedisConnection = new RedisCommands({
    url: options.url,
    connectionName: `${options.cluster}-commands`,
    retryStrategy,
    connectTimeout,
    // A Redis that accepts but does not answer (frozen, overloaded) must not hold an upgrade
    // forever: the claim fails with 503 after this.
    commandTimeout: 3000,
  });
  const subscriber: RedisConnection = new BusSubscriber({
    url: options.url,
    connectionName: `${options.cluster}-bus`,
    retryStrategy,
    connectTimeout,
  });
  return { commands, subscriber };
};
