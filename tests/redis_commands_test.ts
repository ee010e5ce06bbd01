/**
 * The command connection of a cluster node (relay/redis_commands.ts) against
 * a real redis-server: replies in order, scripts that survive a flushed
 * script cache, the URL's database, and what happens while Redis restarts.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { databaseOf, RedisCommands } from "../relay/redis_commands.ts";
import { clusterTest } from "./cluster_nodes.ts";
import { redisCli } from "../testing/redis_server.ts";
import { waitFor } from "../testing/wait.ts";

type Scripts = {
  echo(...args: (string | number | Uint8Array)[]): Promise<unknown>;
  echoBuffer(...args: (string | number | Uint8Array)[]): Promise<unknown>;
};

function open(url: string): RedisCommands {
  return new RedisCommands({ url, connectionName: "test-commands", retryStrategy: () => 50 });
}

function define(commands: RedisCommands): Scripts {
  commands.defineCommand("echo", {
    numberOfKeys: 1,
    lua: "redis.call('RPUSH', KEYS[1], ARGV[1]) return {KEYS[1], ARGV[1], tonumber(ARGV[2])}",
  });
  return commands as unknown as Scripts;
}

clusterTest(
  "commands sent in one turn are answered in order, scripts too after SCRIPT FLUSH",
  async (redis) => {
    const commands = open(redis.url);
    await commands.connect();
    try {
      const scripts = define(commands);
      const frame = new Uint8Array([0, 13, 10, 255, 0x80]);
      const replies = await Promise.all([
        scripts.echo("test:log", "first", 1),
        commands.command(["GET", "test:none"]),
        scripts.echoBuffer("test:log", frame, 2),
        commands.command(["NOT-A-COMMAND"]).catch((error: Error) => error.message),
        commands.publish("test:bus", Buffer.from("x")),
      ]);
      assert.deepEqual(replies.slice(0, 2), [["test:log", "first", 1], null]);
      assert.deepEqual(replies[2], [Buffer.from("test:log"), Buffer.from(frame), 2]);
      assert.match(replies[3] as string, /^ERR unknown command/);
      assert.equal(replies[4], 0);
      // Redis forgets its scripts: the calls already on their way are run by EVAL, in order.
      await redisCli(redis.port, "SCRIPT", "FLUSH");
      const many = await Promise.all(
        Array.from({ length: 50 }, (_, i) => scripts.echo("test:log", `m${i}`, i)),
      );
      assert.deepEqual(many.map((reply) => (reply as unknown[])[2]), [...Array(50).keys()]);
      const log = await commands.command(["LRANGE", "test:log", "0", "-1"]) as string[];
      assert.deepEqual(log.slice(2), Array.from({ length: 50 }, (_, i) => `m${i}`));
      await commands.command(["HSET", "test:h", "a", "1", "b", "2"]);
      assert.deepEqual(await commands.hgetall("test:h"), { a: "1", b: "2" });
    } finally {
      await commands.quit();
    }
  },
);

clusterTest("the URL's database is selected, on every reconnection too", async (redis) => {
  assert.equal(databaseOf(redis.url), undefined);
  assert.throws(() => open(`${redis.url}/cache`), /must be a database number/);
  const commands = open(`${redis.url}/3`);
  await commands.connect();
  try {
    await commands.command(["SET", "test:where", "db3"]);
    assert.equal(await redisCli(redis.port, "-n", "3", "GET", "test:where"), "db3");
    assert.equal(await redisCli(redis.port, "GET", "test:where"), "");
    await redisCli(redis.port, "CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
    await waitFor("the connection to come back", async () => {
      const reply = await commands.command(["GET", "test:where"]).catch(() => undefined);
      return reply === "db3";
    });
  } finally {
    await commands.quit();
  }
});

clusterTest(
  "while Redis restarts, commands fail at once; once it is back, they run again",
  async (redis) => {
    const commands = open(redis.url);
    const events: string[] = [];
    for (const event of ["ready", "close", "end"]) commands.on(event, () => events.push(event));
    commands.on("error", () => {});
    await commands.connect();
    try {
      const cut = assert.rejects(
        commands.command(["BLPOP", "test:never", "0"]),
        /Connection is closed/,
      );
      await redis.stop("SIGKILL");
      await cut;
      await assert.rejects(commands.command(["PING"]), /Redis is unreachable/);
      await redis.start();
      await waitFor("the connection to come back", () => commands.status === "ready");
      assert.equal(await commands.command(["PING"]), "PONG");
    } finally {
      await commands.quit();
    }
    assert.deepEqual(events, ["ready", "close", "ready", "close", "end"]);
  },
);
