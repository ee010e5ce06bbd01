/**
 * A lightweight board for the console tests: a Deno WebSocket connected as a device
 * (`?role=device`) that obeys commands with the firmware's own command handler
 * (device/firmware/commands.ts) and records what it got and did. Many of them stand in for a
 * fleet beside a few real firmware boards on the engine (testing/firmware_board.ts).
 *
 * @module
 */

import { handleCommand } from "../device/firmware/commands.ts";
import type { SosPattern } from "../device/firmware/config.ts";
import type { RunningRelay } from "../relay/serve.ts";
import { waitFor } from "./wait.ts";

/** The relay a board connects to: in this process (`running`), or reached over HTTP. */
export interface BoardRelay {
  /** Base WebSocket URL, like `ws://127.0.0.1:PORT/`. */
  url: string;
  /** `http://127.0.0.1:PORT`, for `GET /devices`. */
  httpUrl: string;
  /** The relay, when it runs in this process. */
  running?: RunningRelay;
}

/** Options of {@linkcode CommandBoard.connect}. */
export interface CommandBoardOptions {
  /** Appended to the connection's query, after `?role=device` (e.g. `&token=…`). */
  query?: string;
  /** Send the status as this board's retained message on connecting, as the firmware does. */
  retainStatus?: boolean;
  /** The `firmware.sha256` its status reports (default: one made from the id's length). */
  firmwareSha256?: string;
  /** A token for `GET /devices` while waiting to be listed online (a relay with `--token`). */
  token?: string;
}

/** A board: a WebSocket that obeys commands as the firmware does and records what it got. */
export class CommandBoard implements AsyncDisposable {
  /** Its id. */
  readonly id: string;
  /** Its connection. */
  readonly socket: WebSocket;
  /** Every text it received. */
  readonly received: string[] = [];
  /** What its commands did, in order: `blink true`, `say hi`, `reboot`… */
  readonly did: string[] = [];
  /** Whether its LED blinks. */
  blinking = true;
  /** Its SOS timings. */
  pattern: SosPattern = { dotOnMs: 200, dashOnMs: 400, offMs: 50, pauseMs: 400 };
  /** Resolves once its connection has closed. */
  readonly closed: Promise<void>;
  private readonly firmwareSha256: string;

  private constructor(id: string, socket: WebSocket, firmwareSha256: string) {
    this.id = id;
    this.socket = socket;
    this.firmwareSha256 = firmwareSha256;
    this.closed = new Promise((resolve) => socket.addEventListener("close", () => resolve()));
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      this.received.push(event.data);
      const reply = handleCommand(event.data, {
        id: this.id,
        status: () => this.status(),
        blinker: {
          pattern: this.pattern,
          setEnabled: (on) => {
            this.blinking = on;
            this.did.push(`blink ${on}`);
          },
          setPattern: (pattern) => {
            this.pattern = pattern;
            this.did.push(`pattern ${JSON.stringify(pattern)}`);
          },
        },
        say: (text) => {
          this.did.push(`say ${text}`);
          socket.send(text);
        },
        rehandshake: () => this.did.push("rehandshake"),
        reboot: () => this.did.push("reboot"),
      });
      if (reply) socket.send(JSON.stringify(reply));
    });
  }

  /** What it answers to `status`. */
  status(): { [key: string]: unknown } {
    return {
      uptime: 42,
      memory: { usage: 700, total: 2500 },
      blinking: this.blinking,
      firmware: { sha256: this.firmwareSha256, bytes: 51234 },
    };
  }

  /** Connects as a device; resolves once the relay lists it online. */
  static async connect(
    relay: BoardRelay,
    id: string,
    options: CommandBoardOptions = {},
  ): Promise<CommandBoard> {
    const socket = new WebSocket(`${relay.url}${id}?role=device${options.query ?? ""}`);
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", reject, { once: true });
    });
    const sha256 = options.firmwareSha256 ?? `${id.length}f3a9c1b2d4e5f60718293a4b5c6d7e8f9`;
    const board = new CommandBoard(id, socket, sha256);
    if (options.retainStatus) {
      socket.send(JSON.stringify({ from: id, retain: true, status: board.status() }));
    }
    await waitFor(`${id} online`, () => isOnline(relay, id, options.token));
    return board;
  }

  /** The commands it received, parsed. */
  commands(): Record<string, unknown>[] {
    return this.received.filter((text) => text.startsWith("{")).map((text) => JSON.parse(text));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.socket.readyState < WebSocket.CLOSING) this.socket.close();
    await this.closed;
  }
}

/** Whether the relay lists `id` online: asked in-process, or at `GET /devices`. */
async function isOnline(relay: BoardRelay, id: string, token?: string): Promise<boolean> {
  if (relay.running) {
    return (await relay.running.relay.presence.list()).some((d) => d.id === id && d.online);
  }
  const response = await fetch(`${relay.httpUrl}/devices`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET /devices answered ${response.status}`);
  const devices = await response.json() as { id: string; online: boolean }[];
  return devices.some((d) => d.id === id && d.online);
}
