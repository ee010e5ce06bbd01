/**
 * The bus subscriber of a cluster node: a Redis connection in pub/sub mode
 * on Deno's own TCP, in place of an ioredis connection.
 *
 * Every client message of the cluster reaches every node through it, its own
 * included (Redis has no way to leave the publisher out), so it is the
 * hottest path of a node. Under Deno, ioredis' reader (node:net and its RESP
 * decoder) copied a message that spans several reads into a fresh buffer, at
 * about 120 µs of CPU per 64 KiB message. This reader grows one buffer,
 * parses pushes in place and hands the listener a view of the message: a
 * node's own frames are skipped without being copied at all.
 *
 * It speaks the little it needs (relay/redis_socket.ts connects, authenticates and
 * reconnects): SUBSCRIBE, then it reads `message` pushes, subscribes again on
 * each reconnection, and emits `messageBuffer` besides the connection's events.
 *
 * @module
 */

import type { RedisConnection } from "./redis_connection.ts";
import { encodeCommand, type RespArgument, type RespReader, type RespValue } from "./resp.ts";
import { RedisSocket, type RedisSocketOptions } from "./redis_socket.ts";

/** Settings of a {@linkcode BusSubscriber}. */
export type BusSubscriberOptions = RedisSocketOptions;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function text(value: RespValue): string {
  return value instanceof Uint8Array ? decoder.decode(value) : String(value);
}

const MESSAGE = encoder.encode("message");

/** Whether a RESP value is the bulk string `message` (the kind of a pub/sub push). */
function isMessageKind(value: RespValue): boolean {
  if (!(value instanceof Uint8Array) || value.length !== MESSAGE.length) return false;
  for (let i = 0; i < MESSAGE.length; i++) if (value[i] !== MESSAGE[i]) return false;
  return true;
}

/** A pub/sub connection that stays subscribed: see the module documentation. */
export class BusSubscriber extends RedisSocket implements RedisConnection {
  #channels = new Set<string>();
  #confirming = new Map<string, (() => void)[]>();

  /**
   * Subscribes, and again on every reconnection; resolves once Redis confirmed
   * it (when not connected, once connected and subscribed).
   */
  subscribe(channel: string): Promise<unknown> {
    this.#channels.add(channel);
    const conn = this.conn;
    if (!conn) return this.whenReady();
    const confirmed = new Promise<void>((resolve) => {
      const list = this.#confirming.get(channel) ?? [];
      list.push(resolve);
      this.#confirming.set(channel, list);
    });
    conn.write(encodeCommand(["SUBSCRIBE", channel])).catch(() => {});
    return confirmed;
  }

  /** Closes for good. */
  quit(): Promise<unknown> {
    this.disconnect();
    return Promise.resolve("OK");
  }

  /** Not a command connection. */
  publish(): Promise<number> {
    return Promise.reject(new Error("the bus subscriber does not publish"));
  }

  /** Not a command connection. */
  defineCommand(): void {
    throw new Error("the bus subscriber runs no scripts");
  }

  /** Not a command connection. */
  pexpire(): Promise<number> {
    return Promise.reject(new Error("the bus subscriber runs no commands"));
  }

  /** Not a command connection. */
  hgetall(): Promise<Record<string, string>> {
    return Promise.reject(new Error("the bus subscriber runs no commands"));
  }

  /** SUBSCRIBE to every channel subscribed so far. */
  protected handshake(): RespArgument[][] {
    return [...this.#channels].map((channel) => ["SUBSCRIBE", channel]);
  }

  /** A SUBSCRIBE must be confirmed. */
  protected override checkHandshake(command: RespArgument[], reply: RespValue): void {
    if (command[0] === "SUBSCRIBE" && !Array.isArray(reply)) {
      throw new Error(`unexpected reply to SUBSCRIBE: ${text(reply)}`);
    }
  }

  /** Reads `message` pushes and confirmations of later subscriptions. */
  protected async serve(conn: Deno.Conn, reader: RespReader): Promise<never> {
    while (true) {
      let value = reader.next();
      while (value !== undefined) {
        if (Array.isArray(value) && value.length === 3) {
          if (isMessageKind(value[0])) {
            this.emit("messageBuffer", value[1], value[2]);
          } else if (text(value[0]) === "subscribe") {
            const channel = text(value[1]);
            for (const resolve of this.#confirming.get(channel) ?? []) resolve();
            this.#confirming.delete(channel);
          }
        }
        value = reader.next();
      }
      const n = await conn.read(reader.space(64 * 1024));
      if (n === null) throw new Error("Connection is closed.");
      reader.wrote(n);
    }
  }
}
