/**
 * Benchmark of the device WebSocket client: the size of the minified bundle
 * that would be flashed, and the time from a relay restart to the client's
 * reopened connection, measured with the bundle on the real interpreter for an
 * ESP32-C3 (engine/, on the wall clock) against the real relay in a child
 * process that is killed and restarted.
 *
 * Each round keeps the connection open `--uptime` ms (past the client's `stableMs`, so every
 * outage starts from the shortest backoff), kills the relay with SIGKILL,
 * leaves it down `--downtime` ms and restarts it on the same port.
 *
 * It also measures JsVars after garbage collection on the real interpreter for an ESP32-C3 with a
 * ws:// and a wss:// (TLS front) connection open (`--memory-only` for that part alone).
 *
 * `deno task bench:device [-- --rounds N] [--uptime MS] [--downtime MS]` (`-- --help`: defaults)
 *
 * @module
 */

import { bundleDevice } from "../tools/bundle.ts";
import { startRelayProcess } from "../testing/relay_process.ts";
import { bootDevice, C3 } from "../testing/device_engines.ts";
import { generateCertificates } from "../relay/certs.ts";
import { startTlsFront } from "../tools/tls_front.ts";
import * as cli from "../relay/cli_args.ts";
import { delay } from "../testing/wait.ts";

interface Settings {
  name: string;
  client: Record<string, number>;
}

const SETTINGS: Settings[] = [
  { name: "defaults (backoff 1–30 s)", client: {} },
  { name: "backoff 100 ms–2 s", client: { minBackoffMs: 100, maxBackoffMs: 2000 } },
];

const DEVICE_CLIENT_COMMAND = cli.defineCommand({
  usage: ["deno task bench:device [-- FLAGS]"],
  flags: {
    rounds: cli.flag(cli.integer(1, 1000), {
      value: "N",
      default: 10,
      help: "relay restarts timed",
    }),
    uptimeMs: cli.flag(cli.integer(0, 600_000), {
      name: "uptime",
      value: "MS",
      // Past the client's `stableMs`, so every outage starts from the shortest backoff.
      default: 11_000,
      help: "how long each round keeps the connection open",
    }),
    downtimeMs: cli.flag(cli.integer(0, 600_000), {
      name: "downtime",
      value: "MS",
      default: 2000,
      help: "how long the relay stays down",
    }),
    memoryOnly: cli.toggle({ help: "only the JsVars of a ws:// and a wss:// connection" }),
  },
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await delay(2);
  }
}

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0].toFixed(0)} ms, median ${at(0.5).toFixed(0)} ms, max ${
    sorted.at(-1)!.toFixed(0)
  } ms`;
}

/** How the relay is treated in each round. */
interface Plan {
  rounds: number;
  uptimeMs: number;
  downtimeMs: number;
}

async function restartTimes(settings: Settings, plan: Plan): Promise<number[]> {
  let relay = await startRelayProcess();
  const port = relay.port;
  // Real time: the figure is how long a relay restart keeps a board away.
  const device = await bootDevice(C3[0], {
    client: { url: `ws://127.0.0.1:${port}/bench-board`, ...settings.client },
    board: { clock: "wall" },
  });
  const opens = () => device.of("open").length;
  const times: number[] = [];
  try {
    await until(() => opens() === 1, 10_000);
    for (let round = 0; round < plan.rounds; round++) {
      await delay(plan.uptimeMs);
      const closes = device.of("close").length;
      await relay.stop("SIGKILL");
      await until(() => device.of("close").length > closes, 10_000);
      await delay(plan.downtimeMs);
      const before = opens();
      relay = await startRelayProcess(["--port", String(port)]);
      const restarted = performance.now();
      await until(() => opens() > before, 60_000);
      times.push(performance.now() - restarted);
    }
  } finally {
    await device[Symbol.asyncDispose]();
    await relay.stop("SIGKILL");
  }
  return times;
}

/**
 * JsVars in use after garbage collection (`process.memory()`) on the real interpreter for an
 * ESP32-C3, with the client bundle typed on the console: loaded, then with a connection open over
 * ws:// and over wss:// (through the TLS front), after 20 messages each way.
 */
async function realMemory(): Promise<string[]> {
  const engine = C3[0];
  const lines: string[] = [];
  const relay = await startRelayProcess();
  const dir = await Deno.makeTempDir();
  await generateCertificates({ dir, hosts: ["127.0.0.1"] });
  const front = await startTlsFront({
    hostname: "127.0.0.1",
    port: 0,
    relayPort: relay.port,
    certFile: `${dir}/server.crt`,
    keyFile: `${dir}/server.key`,
  });
  // The console's command history holds what was typed (the bundle too): a flashed board has none.
  const usage = async (device: Awaited<ReturnType<typeof bootDevice>>) =>
    (await device.run("(function(m){return m.usage-m.history})(process.memory())")) as number;
  try {
    for (
      const [name, url] of [
        ["ws:// ", `ws://127.0.0.1:${relay.port}/mem`],
        ["wss://", `wss://127.0.0.1:${front.port}/mem`],
      ]
    ) {
      const device = await bootDevice(engine, {
        client: { url, pingIntervalMs: 600_000 },
        // The recording client is stopped and dropped: what stays is the bundle's code.
        firmware: `ws.close(); ws = undefined; var echo = function (d) { ws.send(d); };`,
      });
      try {
        const loaded = await usage(device);
        await device.run(
          `ws = WS.createWebSocketClient(${JSON.stringify({ url })});` +
            ` ws.on("open", function () { print('@ev ["open"]'); }); ws.on("message", echo); 0`,
        );
        await until(() => device.of("open").length > 0, 15_000);
        const open = await usage(device);
        const peer = new WebSocket(
          `ws://127.0.0.1:${relay.port}/peer-${name.startsWith("wss") ? "tls" : "plain"}`,
        );
        await new Promise((resolve) => peer.onopen = resolve);
        let echoed = 0;
        peer.onmessage = () => echoed++;
        for (let i = 0; i < 20; i++) peer.send(`{"n":${i},"text":"SOS!"}`);
        await until(() => echoed === 20, 15_000);
        const traffic = await usage(device);
        peer.close();
        await new Promise((resolve) => peer.onclose = resolve);
        lines.push(
          `  ${name} bundle loaded ${loaded}, one client with its connection open ${open}, ` +
            `after 20 messages each way ${traffic} (of 4095)`,
        );
      } finally {
        await device[Symbol.asyncDispose]();
      }
    }
  } finally {
    await front.stop();
    await relay.stop("SIGKILL");
    await Deno.remove(dir, { recursive: true });
  }
  return lines;
}

if (import.meta.main) {
  const { memoryOnly, ...plan } = cli.parseOrExit(DEVICE_CLIENT_COMMAND, {
    program: "bench:device",
  }).values;
  if (memoryOnly) {
    console.log("JsVars in use after GC on the ESP32-C3 engine (client typed on the console):");
    for (const line of await realMemory()) console.log(line);
    Deno.exit(0);
  }
  const library = await bundleDevice({ entry: "device/ws/mod.ts", globalName: "WS" });
  const plain = await bundleDevice({ entry: "device/ws/mod.ts", globalName: "WS", minify: false });
  console.log(
    `device/ws/mod.ts bundle: ${library.length} bytes minified (${plain.length} unminified)`,
  );
  console.log(
    `relay restart → reopened connection, ${plan.rounds} rounds, up ${plan.uptimeMs} ms, ` +
      `down ${plan.downtimeMs} ms:`,
  );
  for (const settings of SETTINGS) {
    const times = await restartTimes(settings, plan);
    console.log(`  ${settings.name}: ${stats(times)}`);
  }
  console.log("JsVars in use after GC on the ESP32-C3 engine (client typed on the console):");
  for (const line of await realMemory()) console.log(line);
}
