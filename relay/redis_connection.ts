/**
 * What a cluster node needs of a Redis connection, shared by the modules
 * that use one: relay/cluster_redis.ts opens them (relay/redis_commands.ts for
 * commands, relay/redis_subscriber.ts for the bus), relay/cluster_registry.ts
 * and relay/cluster_bus.ts send on them, relay/cluster.ts wires them up.
 *
 * @example
 * ```ts
 * import { redactRedisUrl } from "./redis_connection.ts";
 *
 * redactRedisUrl("redis://user:secret@cache:6379"); // "redis://user:***@cache:6379"
 * ```
 * @module
 */

import type { Buffer } from "node:buffer";

/** The part of a Redis connection a node uses. */
export interface RedisConnection {
  /** `ready` when commands can be sent; `reconnecting`, `end`, … otherwise. */
  readonly status: string;
  /** Listens to connection events (`ready`, `close`, `end`, `error`, `messageBuffer`). */
  on(event: string, listener: (...args: never[]) => void): unknown;
  /** Listens to one connection event once. */
  once(event: string, listener: (...args: never[]) => void): unknown;
  /** Connects (the connections are created lazily). */
  connect(): Promise<void>;
  /** Says goodbye to the server and closes. */
  quit(): Promise<unknown>;
  /** Closes at once and stops reconnecting. */
  disconnect(): void;
  /** PUBLISH. */
  publish(channel: string, message: Buffer): Promise<number>;
  /** SUBSCRIBE. */
  subscribe(channel: string): Promise<unknown>;
  /** Registers a Lua script as a command (EVALSHA, falling back to EVAL). */
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
  /** PEXPIRE. */
  pexpire(key: string, milliseconds: number): Promise<number>;
  /** HGETALL. */
  hgetall(key: string): Promise<Record<string, string>>;
}

/** What relay/cluster_redis.ts exports: opens a node's two connections, lazily. */
export type ConnectRedis = (options: { url: string; cluster: string }) => {
  commands: RedisConnection;
  subscriber: RedisConnection;
};

/** A Lua script defined with {@linkcode RedisConnection.defineCommand}, as a method. */
export type ScriptCall = (key: string, ...args: (string | number | Buffer)[]) => Promise<unknown>;

/** The scripts `Name` defined on a command connection, as its methods. */
export function scriptsOf<Name extends string>(
  commands: RedisConnection,
): Record<Name, ScriptCall> {
  return commands as unknown as Record<Name, ScriptCall>;
}

/** `redis://user:secret@host` → `redis://user:***@host`, for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}
