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

import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { DEFAULT_CONFIRM_MS } from "../device/firmware/ota_layout.ts";
import * as cli from "../relay/cli_args.ts";
import { checkEspruinoDialect } from "./espruino_dialect.ts";
import { progressBar } from "./progress_bar.ts";

/** Default bundle sent (`deno task build` writes it). */
export const DEFAULT_OTA_FILE = "dist/firmware.js";
/** Environment variable read for the operator credential when `--token` is not given. */
export const TOKEN_ENV = "OPERATOR_TOKEN";
/** Bytes of image per chunk unless {@linkcode OtaOptions.chunkBytes} says otherwise. */
export const DEFAULT_CHUNK_BYTES = 512;
/** Chunks in flight per board unless {@linkcode OtaOptions.window} says otherwise. */
export const DEFAULT_WINDOW = 4;

/** A failure the user can fix; its message says how. */
export class OtaError extends Error {
  /** A short error for the user. */
  constructor(message: string) {
    super(message);
    this.name = "OtaError";
  }
}

/** A firmware image ready to send. */
export interface OtaImage {
  /** Its bytes. */
  bytes: Uint8Array;
  /** Their SHA-256 as hex. */
  sha256: string;
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
  if (bytes.length === 0) throw new OtaError(`${path} is empty: give a built bundle with --file`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new OtaError(`${path} is not UTF-8 text: it is not a firmware bundle`);
  }
  const problems = checkEspruinoDialect(text);
  if (problems.length > 0) {
    const first = problems[0];
    throw new OtaError(
      `${path} is not a bundle Espruino can run: line ${first.line}: ${first.construct}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "") +
        "; build it with deno task build",
    );
  }
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** How an update of one board ended. */
export interface BoardOutcome {
  /** The board's id. */
  id: string;
  /** `updated`, `rolled back`, `refused`, or `no answer`. */
  result: "updated" | "rolled back" | "refused" | "no answer";
  /** Why, for all but a plain `updated`. */
  reason?: string;
  /** Times the transfer began again (after a break, or an unanswered message). */
  resumes: number;
  /** Bytes of image sent in chunks, resends included. */
  sentBytes: number;
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
  /** Bytes of image per chunk (default {@linkcode DEFAULT_CHUNK_BYTES}). */
  chunkBytes?: number;
  /** Chunks in flight per board (default {@linkcode DEFAULT_WINDOW}). */
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

type Json = { [key: string]: unknown };

/** What a board's short error code means. */
function explain(reply: Json, bytes: number): string {
  const error = String(reply.error ?? "");
  if (error === "too big") {
    return `does not fit: the image is ${bytes} bytes, and the board's Storage ` +
      `(${reply.total} bytes) must hold two slots and the settings with room to spare`;
  }
  if (error === "corrupt") {
    return `the chunk at ${reply.at} arrived corrupted (CRC32 or length): the board keeps ` +
      "its firmware";
  }
  if (error === "sha256") {
    return `the image received hashes to ${reply.sha256}, not the file's: the board keeps ` +
      "its firmware";
  }
  if (error === "bad begin") return "the board refused the update's header (bytes, sha256)";
  if (/^unknown command/.test(error)) {
    return "the board has no boot stub (or runs firmware without updates): flash it once by " +
      "cable with deno task flash";
  }
  return error || "the board refused the update";
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

/** One board's transfer. */
class Transfer {
  readonly id: string;
  outcome: BoardOutcome | undefined;
  stage = "waiting";
  acked = 0;
  resumes = 0;
  sent = 0;
  /** Where the next chunk starts, and chunks sent but not acknowledged. */
  #next = 0;
  #inFlight = 0;
  #begun = false;
  #resyncedAt = -1;
  #heardAt = Date.now();
  #askedAt = 0;
  #restarting = false;
  #beginPending = false;
  #connection: string | undefined;
  #uptime = 0;

  constructor(id: string, readonly run: Run) {
    this.id = id;
  }

  #finish(result: BoardOutcome["result"], reason?: string): void {
    if (this.outcome) return;
    this.outcome = { id: this.id, result, reason, resumes: this.resumes, sentBytes: this.sent };
    this.stage = result + (reason ? `: ${reason}` : "");
    this.run.changed(this);
  }

  begin(): void {
    if (this.outcome) return;
    if (this.#begun) this.resumes++;
    this.#begun = true;
    this.#beginPending = true;
    this.stage = "beginning";
    this.#inFlight = 0;
    this.#askedAt = Date.now();
    const image = this.run.options.image;
    this.run.send({
      to: this.id,
      cmd: "ota",
      op: "begin",
      bytes: image.bytes.length,
      sha256: image.sha256,
      confirmMs: this.run.options.confirmMs ?? DEFAULT_CONFIRM_MS,
    });
  }

  #pump(): void {
    const { image } = this.run.options;
    const size = this.run.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    while (
      this.#inFlight < (this.run.options.window ?? DEFAULT_WINDOW) &&
      this.#next < image.bytes.length
    ) {
      const chunk = image.bytes.subarray(this.#next, this.#next + size);
      this.run.send({
        to: this.id,
        cmd: "ota",
        op: "chunk",
        at: this.#next,
        crc: crc32(chunk) >>> 0,
        data: btoa(String.fromCharCode(...chunk)),
      });
      this.#next += chunk.length;
      this.sent += chunk.length;
      this.#inFlight++;
      this.#askedAt = Date.now();
    }
  }

  /** A message from this board. */
  message(message: Json): void {
    if (this.outcome) return;
    this.#heardAt = Date.now();
    const status = message.status as {
      uptime?: number;
      counters?: { connects?: number };
      firmware?: { sha256?: string; rollback?: string };
    } | undefined;
    if (message.retain && status) {
      const running = status.firmware?.sha256;
      if (this.#restarting) {
        if (running === this.run.options.image.sha256) return this.#finish("updated");
        if (status.firmware?.rollback) {
          return this.#finish("rolled back", status.firmware.rollback);
        }
        return; // the old firmware's status, sent before it restarted
      }
      // A status sent on a new connection (or after a restart): resume from what it holds.
      const connection = `${status.counters?.connects}`;
      const restarted = (status.uptime ?? 0) < this.#uptime;
      this.#uptime = status.uptime ?? 0;
      if (connection !== this.#connection || restarted) {
        const first = this.#connection === undefined;
        this.#connection = connection;
        if (!first || !this.#begun) this.begin();
      }
      return;
    }
    if (message.re !== "ota") return;
    const have = message.have as number | undefined;
    if (message.ok) {
      if (message.restarting) {
        this.acked = have ?? this.acked;
        this.#restarting = true;
        this.stage = "restarting into it; waiting for it to confirm";
        this.run.changed(this);
        return;
      }
      if (message.begun) {
        // The answer to begin: send from what the board holds.
        this.#beginPending = false;
        this.stage = "sending";
        this.#next = this.acked = have ?? 0;
        this.#inFlight = 0;
      } else {
        this.#inFlight = Math.max(0, this.#inFlight - 1);
        if (have !== undefined && have > this.acked) this.acked = have;
      }
      this.run.changed(this);
      if (this.stage === "sending") this.#pump();
      return;
    }
    if (message.error === "running") return this.#finish("updated", "already runs this firmware");
    if (message.retry) {
      if (have === undefined) {
        // It restarted, or compacts its Storage and restarts: begin again (once it is back).
        this.#inFlight = 0;
        if (message.error === "compacting") {
          this.stage = "compacting its Storage";
          this.run.changed(this);
        } else if (!this.#beginPending) this.begin();
        return;
      }
      // A gap: resend from what it holds, once (later chunks' answers say the same).
      if (have === this.#resyncedAt) return;
      this.#resyncedAt = have;
      this.#next = this.acked = have;
      this.#inFlight = 0;
      this.#pump();
      return;
    }
    this.#finish("refused", explain(message, this.run.options.image.bytes.length));
  }

  /** Called every second: resends what went unanswered; gives up on a silent board. */
  tick(now: number): void {
    if (this.outcome) return;
    const confirm = this.#restarting ? this.run.options.confirmMs ?? DEFAULT_CONFIRM_MS : 0;
    if (now - this.#heardAt > (this.run.options.giveUpMs ?? 120_000) + confirm) {
      return this.#finish(
        "no answer",
        this.#restarting
          ? "it restarted into the new firmware and was not heard from again"
          : "the board did not answer",
      );
    }
    if (
      !this.#restarting && (this.#inFlight > 0 || this.stage !== "sending") &&
      now - this.#askedAt > (this.run.options.resendMs ?? 10_000)
    ) this.begin();
  }

  /** The operator's connection came back: resume. */
  reconnected(): void {
    if (!this.outcome && !this.#restarting) this.begin();
  }
}

/** The shared state of one `runOta`. */
interface Run {
  options: OtaOptions;
  send(message: Json): void;
  changed(transfer: Transfer): void;
}

/** Draws the bars: in place on a terminal, else a line per board at each quarter and stage. */
class Display {
  #drawn = 0;
  #last = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly transfers: Transfer[],
    readonly total: number,
    readonly write: (text: string) => void,
    readonly live: boolean,
  ) {}

  #line(t: Transfer): string {
    const width = Math.max(...this.transfers.map((x) => x.id.length));
    return `${t.id.padEnd(width)} ${progressBar(t.acked, this.total, 24)} ${t.stage}`;
  }

  changed(t: Transfer): void {
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
  const run: Run = {
    options,
    send: (message) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    changed: (t) => display.changed(t),
  };
  const transfers = ids.map((board) => new Transfer(board, run));
  const byId = new Map(transfers.map((t) => [t.id, t]));
  const display = new Display(transfers, image.bytes.length, write, live);
  write(
    `Sending ${image.bytes.length} bytes (sha256 ${image.sha256}) to ${ids.length} ` +
      `board${ids.length === 1 ? "" : "s"} through ${options.relay}\n`,
  );
  display.draw();

  let done!: () => void;
  const finished = new Promise<void>((resolve) => done = resolve);
  const check = () => {
    if (transfers.every((t) => t.outcome)) done();
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
        for (const t of transfers) first ? t.begin() : t.reconnected();
      };
      ws.onmessage = (event) => {
        if (typeof event.data !== "string" || event.data.charAt(0) !== "{") return;
        let message: Json;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        const transfer = byId.get(message.from as string);
        if (!transfer) return;
        transfer.message(message);
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
    const now = Date.now();
    for (const t of transfers) t.tick(now);
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
  return transfers.map((t) => t.outcome!);
}

const OTA_COMMAND = cli.defineCommand({
  usage: ["deno task ota -- --relay URL (--to ID[,ID…] | --all) [options]"],
  summary: "Sends a firmware bundle to boards through the relay (docs/ota.md).",
  flags: {
    relay: cli.flag(cli.text(), {
      value: "URL",
      help: "the relay, ws://HOST:PORT/ or wss://HOST:PORT/",
    }),
    to: cli.flag(cli.text(), { value: "IDS", help: "the boards, comma-separated" }),
    all: cli.toggle({ help: "every device the relay lists at /devices" }),
    file: cli.flag(cli.text(), {
      value: "PATH",
      default: DEFAULT_OTA_FILE,
      help: "the bundle (deno task build makes it)",
    }),
    token: cli.flag(cli.text({ allowEmpty: true }), {
      value: "TOKEN",
      defaultText: `$${TOKEN_ENV}`,
      help: "an operator's token (deno task token -- --role operator), or the relay's --token; " +
        "never printed",
    }),
    id: cli.flag(cli.text(), {
      value: "ID",
      defaultText: "the token's sub, else ota-<random>",
      help: "this tool's client id",
    }),
    confirmSeconds: cli.flag(cli.integer(1, 3600), {
      name: "confirm",
      value: "SECONDS",
      default: DEFAULT_CONFIRM_MS / 1000,
      help: "how long the new firmware has to reach the relay",
    }),
    window: cli.flag(cli.integer(1, 16), {
      value: "N",
      default: DEFAULT_WINDOW,
      help: "chunks in flight per board",
    }),
    chunk: cli.flag(cli.integer(64, 2048), {
      value: "BYTES",
      default: DEFAULT_CHUNK_BYTES,
      help: "bytes per chunk",
    }),
  },
  epilogue: "Exit code 0 when every board runs the new firmware, 1 otherwise, 2 on bad usage.",
});

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
