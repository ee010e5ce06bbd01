/**
 * `deno task ota`: sends a firmware bundle to boards through the relay, as an operator
 * (docs/ota.md). Each board gets chunks addressed to it and acknowledges them one by one, with
 * at most `window` in flight; after a disconnect (the board's or this tool's) the transfer
 * resumes from the last acknowledged offset. The board checks the length and SHA-256, restarts
 * into the new slot, and keeps it only if it reaches the relay within the confirm window.
 *
 * ```sh
 * OPERATOR_TOKEN=… deno task ota -- --relay ws://192.168.1.10:8000/ --to esp32-1,esp32-2
 * deno task ota -- --relay ws://192.168.1.10:8000/ --all --file dist/firmware.js --token …
 * ```
 *
 * @module
 */

import { randomBytes } from "node:crypto";
import { DEFAULT_CONFIRM_MS } from "../device/firmware/ota_layout.ts";
import * as cli from "../relay/cli_args.ts";
import { OTA_COMMAND, TOKEN_ENV } from "./ota_command.ts";
import {
  type BoardOutcome,
  imageProblem,
  type OtaImage,
  otaImage,
  OtaRun,
  type OtaTransfer,
} from "../relay/console/ota_transfer.js";
import { checkEspruinoDialect } from "./espruino_dialect.ts";
import { progressBar } from "./progress_bar.ts";

export type { BoardOutcome, OtaImage };

export { TOKEN_ENV };

/** A failure the user can fix; its message says how. */
export class OtaError extends Error {
  /** A short error for the user. */
  constructor(message: string) {
    super(message);
    this.name = "OtaError";
  }
}

/**
 * Reads and checks a bundle: it must exist, hold UTF-8 text (erased flash reads 0xFF, which
 * marks what a board has not received yet) and be JavaScript that Espruino can run.
 */
export async function loadImage(path: string): Promise<OtaImage> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new OtaError(
        `${path} does not exist: build the firmware with deno task build, or give --file PATH`,
      );
    }
    if (error instanceof Deno.errors.IsADirectory) {
      throw new OtaError(`${path} is a folder: give the bundle's file with --file`);
    }
    throw error;
  }
  const problem = imageProblem(bytes);
  if (problem) {
    throw new OtaError(
      `${path} ${problem}${bytes.length === 0 ? ": give a built bundle with --file" : ""}`,
    );
  }
  const problems = checkEspruinoDialect(new TextDecoder().decode(bytes));
  if (problems.length > 0) {
    const first = problems[0];
    throw new OtaError(
      `${path} is not a bundle Espruino can run: line ${first.line}: ${first.construct}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "") +
        "; build it with deno task build",
    );
  }
  return await otaImage(bytes);
}

/** Settings of {@linkcode runOta}. */
export interface OtaOptions {
  /** The relay's base URL, `ws://HOST:PORT/` or `wss://…`. */
  relay: string;
  /** Board ids, or `"all"`: every device `GET /devices` lists. */
  to: string[] | "all";
  /** The image ({@linkcode loadImage}). */
  image: OtaImage;
  /** The operator's credential (a JWT, or the relay's shared token). Never printed. */
  token?: string;
  /** This tool's client id (default: the JWT's `sub`, else `ota-<random>`). */
  id?: string;
  /** Bytes of image per chunk (default `DEFAULT_CHUNK_BYTES` of relay/console/ota_transfer.js). */
  chunkBytes?: number;
  /** Chunks in flight per board (default `DEFAULT_WINDOW` of relay/console/ota_transfer.js). */
  window?: number;
  /** How long a new firmware has to reach the relay on the board (default 60 s). */
  confirmMs?: number;
  /** Resend `begin` when a board has been silent this long mid-transfer (default 10 s). */
  resendMs?: number;
  /** Give a board up after this long without a word from it (default 120 s). */
  giveUpMs?: number;
  /** Where progress goes (default standard output). */
  write?: (text: string) => void;
  /** Redraw the bars in place (default: standard output is a terminal). */
  live?: boolean;
}

/** The operator credential's client id: a JWT's `sub`, read (not verified: the relay does). */
function tokenSubject(token: string | undefined): string | undefined {
  const part = token?.split(".")[1];
  if (!part) return undefined;
  try {
    const claims = JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
    return typeof claims.sub === "string" ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

/** The ids `GET /devices` lists, with the firmware each last reported. */
async function listDevices(
  relay: string,
  token: string | undefined,
): Promise<{ id: string; sha256?: string }[]> {
  const url = new URL("devices", relay.replace(/^ws/, "http"));
  let response: Response;
  try {
    response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch (error) {
    throw new OtaError(`cannot reach the relay at ${url.origin}: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new OtaError(
      `GET /devices answered ${response.status}` +
        (response.status === 401 || response.status === 403
          ? `: give an operator's token with --token or ${TOKEN_ENV}`
          : ""),
    );
  }
  const records = await response.json() as {
    id: string;
    retained: { message: { status?: { firmware?: { sha256?: string } } } } | null;
  }[];
  return records.map((r) => ({
    id: r.id,
    sha256: r.retained?.message?.status?.firmware?.sha256,
  }));
}

/** Draws the bars: in place on a terminal, else a line per board at each quarter and stage. */
class Display {
  #drawn = 0;
  #last = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly transfers: OtaTransfer[],
    readonly total: number,
    readonly write: (text: string) => void,
    readonly live: boolean,
  ) {}

  #line(t: OtaTransfer): string {
    const width = Math.max(...this.transfers.map((x) => x.id.length));
    return `${t.id.padEnd(width)} ${progressBar(t.acked, this.total, 24)} ${t.stage}`;
  }

  changed(t: OtaTransfer): void {
    if (this.live) {
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        this.draw();
      }, 100);
      return;
    }
    const quarter = Math.floor((t.acked / this.total) * 4);
    const key = `${quarter} ${t.stage}`;
    if (this.#last.get(t.id) === key) return;
    this.#last.set(t.id, key);
    this.write(this.#line(t) + "\n");
  }

  draw(): void {
    if (!this.live) return;
    let text = this.#drawn ? `\x1b[${this.#drawn}A` : "";
    for (const t of this.transfers) text += `\r\x1b[K${this.#line(t)}\n`;
    this.#drawn = this.transfers.length;
    this.write(text);
  }

  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.draw();
  }
}

/**
 * Updates the boards named by `options.to` and resolves with each one's outcome, once every
 * board has one. Throws {@linkcode OtaError} when it cannot start (the relay unreachable, no
 * boards).
 */
export async function runOta(options: OtaOptions): Promise<BoardOutcome[]> {
  const write = options.write ??
    ((text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text)));
  const live = options.live ?? Deno.stdout.isTerminal();
  const { image } = options;
  let known: { id: string; sha256?: string }[] = [];
  if (options.to === "all") {
    known = (await listDevices(options.relay, options.token)).filter((d) => !d.id.includes("/"));
    if (known.length === 0) throw new OtaError("the relay lists no devices: nothing to update");
  }
  const ids = options.to === "all" ? known.map((d) => d.id) : options.to;
  const id = options.id ?? tokenSubject(options.token) ?? `ota-${randomBytes(4).toString("hex")}`;
  let socket: WebSocket | undefined;
  let closed = false;
  const run: OtaRun = new OtaRun({
    ids,
    image,
    send: (message) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    changed: (t) => display.changed(t),
    confirmMs: options.confirmMs ?? DEFAULT_CONFIRM_MS,
    window: options.window,
    chunkBytes: options.chunkBytes,
    resendMs: options.resendMs,
    giveUpMs: options.giveUpMs,
  });
  const display = new Display(run.transfers, image.bytes.length, write, live);
  write(
    `Sending ${image.bytes.length} bytes (sha256 ${image.sha256}) to ${ids.length} ` +
      `board${ids.length === 1 ? "" : "s"} through ${options.relay}\n`,
  );
  display.draw();

  let done!: () => void;
  const finished = new Promise<void>((resolve) => done = resolve);
  const check = () => {
    if (run.done) done();
  };
  const connect = (first: boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const url = new URL(`${encodeURIComponent(id)}?role=operator`, options.relay);
      const ws = new WebSocket(
        url,
        // Deno's WebSocket takes headers: the token never goes into a URL (or a log of one).
        {
          headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
        } as unknown as string[],
      );
      socket = ws;
      let opened = false;
      ws.onopen = () => {
        opened = true;
        resolve();
        if (first) run.start();
        else run.reconnected();
      };
      ws.onmessage = (event) => {
        if (typeof event.data !== "string" || event.data.charAt(0) !== "{") return;
        let message: unknown;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        run.message(message);
        check();
      };
      ws.onerror = () => {};
      ws.onclose = (event) => {
        if (!opened) {
          const hint = event.code === 1006 || !event.reason ? "" : `: ${event.reason}`;
          if (first) {
            reject(
              new OtaError(
                `cannot connect to the relay at ${url.origin} as operator ${id}${hint} ` +
                  `(an operator's token goes in --token or ${TOKEN_ENV})`,
              ),
            );
            return;
          }
        }
        if (closed) return;
        // Reconnect; each board resumes from what it acknowledged.
        setTimeout(() => {
          if (!closed) connect(false).catch(() => {});
        }, 1000);
      };
    });
  await connect(true);
  const ticker = setInterval(() => {
    run.tick();
    check();
  }, 1000);
  try {
    await finished;
  } finally {
    closed = true;
    clearInterval(ticker);
    display.close();
    socket?.close();
  }
  return run.outcomes();
}

/** Runs the command line; returns the exit code. */
export async function main(
  args: string[],
  env: Record<string, string | undefined> = Deno.env.toObject(),
  write?: (text: string) => void,
): Promise<number> {
  const out = write ?? ((text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text)));
  const fail = (text: string) =>
    (write ?? ((t: string) => Deno.stderr.writeSync(new TextEncoder().encode(t))))(
      `ota: ${text}\n`,
    );
  try {
    const parsed = cli.parseArgs(OTA_COMMAND, { args });
    if (parsed.help) {
      out(cli.helpText(OTA_COMMAND) + "\n");
      return 0;
    }
    const values = parsed.values;
    if (!values.relay || !/^wss?:\/\/[^/]+\/?$/.test(values.relay)) {
      throw new OtaError("--relay must be the relay's base URL, like ws://192.168.1.10:8000/");
    }
    if (!values.to === !values.all) throw new OtaError("give either --to ID[,ID…] or --all");
    const to = values.all ? "all" as const : values.to!.split(",").map((s) => s.trim());
    if (to !== "all" && to.some((id) => !/^[A-Za-z0-9_.~-]+$/.test(id))) {
      throw new OtaError("--to takes board ids separated by commas, like esp32-1,esp32-2");
    }
    const options: OtaOptions = {
      relay: values.relay.endsWith("/") ? values.relay : values.relay + "/",
      to,
      image: await loadImage(values.file),
      token: values.token ?? (env[TOKEN_ENV] || undefined),
      id: values.id,
      confirmMs: values.confirmSeconds * 1000,
      window: values.window,
      chunkBytes: values.chunk,
      write,
    };
    const outcomes = await runOta(options);
    out("\n");
    for (const o of outcomes) {
      out(
        `${o.id}: ${o.result}${o.reason ? `: ${o.reason}` : ""}` +
          (o.resumes ? ` (resumed ${o.resumes} time${o.resumes === 1 ? "" : "s"})` : "") + "\n",
      );
    }
    return outcomes.every((o) => o.result === "updated") ? 0 : 1;
  } catch (error) {
    if (error instanceof OtaError || error instanceof cli.UsageError) {
      fail(error.message);
      return 2;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
