/**
 * Byte transports to an Espruino console for `deno task flash`: a serial
 * device (a tty opened with `Deno.open` after `stty`, because
 * `npm:serialport` cannot read or write under Deno) or a network console
 * (`tcp://HOST[:PORT]`, port 23 by default, like the ESP32's telnet
 * console). Every failure is a {@link FlashError} that says what to do.
 *
 * @module
 */

/** What went wrong, so callers and tests can tell the causes apart. */
export type FlashErrorCode =
  | "NO_PORT"
  | "PORT_MISSING"
  | "PERMISSION_DENIED"
  | "NOT_A_TTY"
  | "CONNECT_FAILED"
  | "NO_ANSWER"
  | "INTERRUPTED"
  | "VERIFY_FAILED"
  | "FILE_MISSING"
  | "NO_ROOM"
  | "BUILD"
  | "LOOPBACK_SERVER"
  | "USAGE";

/** An error with a cause code and a hint telling the user what to do. */
export class FlashError extends Error {
  /** Which of the known causes this is. */
  readonly code: FlashErrorCode;
  /** What the user can do about it (may span several lines). */
  readonly hint: string;

  /** Creates an error; `hint` is shown under the message. */
  constructor(code: FlashErrorCode, message: string, hint = "") {
    super(message);
    this.name = "FlashError";
    this.code = code;
    this.hint = hint;
  }
}

/** A duplex byte stream to a board's console. */
export interface Transport {
  /** Human-readable description, such as `/dev/ttyUSB0 at 115200 baud`. */
  readonly description: string;
  /** A serial line (no flow control) or a network console (TCP paces itself). */
  readonly kind: "serial" | "network";
  /** Writes all bytes; rejects if the link is gone. */
  write(data: Uint8Array): Promise<void>;
  /** Registers the receiver of incoming bytes (one receiver at a time). */
  onData(receiver: (data: Uint8Array) => void): void;
  /** Resolves when the link is closed, by either side. */
  readonly closed: Promise<void>;
  /** True once the link is closed. */
  readonly isClosed: boolean;
  /** Closes the link; safe to call more than once. */
  close(): void;
}

/** Espruino's console speed on the ESP32: the serial speed unless `--baud` says otherwise. */
export const DEFAULT_BAUD = 115200;

/** Options for {@link openTransport}. */
export interface OpenTransportOptions {
  /** `/dev/ttyUSB0`-like path or `tcp://HOST[:PORT]`. */
  port: string;
  /** Serial speed (ignored for tcp://). Default {@linkcode DEFAULT_BAUD}. */
  baud?: number;
  /** Connect timeout for tcp:// in milliseconds. Default 5000. */
  connectTimeoutMs?: number;
}

/** The hint shown whenever a serial device cannot be opened for lack of rights. */
export const DIALOUT_HINT =
  "Serial devices belong to the 'dialout' group. Add yourself to it and log in again:\n" +
  "  sudo usermod -aG dialout $USER\n" +
  "(or run once with sudo to check that the port works).";

const NO_ANSWER_HINT = "Check that:\n" +
  "  - the board runs Espruino and is powered (unplug and plug it back in);\n" +
  `  - the baud rate matches the board's console (--baud; Espruino on ESP32: ${DEFAULT_BAUD});\n` +
  "  - the USB cable carries data, not only power;\n" +
  "  - no other program holds the port (an open Web IDE, screen, minicom, another flash).";

/** Hint for a board that does not answer; shared with the upload code. */
export function noAnswerHint(): string {
  return NO_ANSWER_HINT;
}

/** Port of a `tcp://HOST` console without one: Espruino's telnet console on the ESP32. */
export const DEFAULT_NETWORK_PORT = 23;

/** Parses `tcp://HOST[:PORT]` into host and port ({@linkcode DEFAULT_NETWORK_PORT} by default). */
export function parseTcpPort(port: string): { hostname: string; port: number } {
  const rest = port.slice("tcp://".length).replace(/\/+$/, "");
  const colon = rest.lastIndexOf(":");
  if (colon < 0) return { hostname: rest || "localhost", port: DEFAULT_NETWORK_PORT };
  const number = Number(rest.slice(colon + 1));
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new FlashError(
      "USAGE",
      `Invalid network port in ${JSON.stringify(port)}`,
      "Use tcp://HOST or tcp://HOST:PORT, for example tcp://192.168.1.50:23.",
    );
  }
  return { hostname: rest.slice(0, colon) || "localhost", port: number };
}

/** True for a network console (`tcp://…`), false for a serial device (a board on a cable). */
export function isNetworkPort(port: string): boolean {
  return port.startsWith("tcp://");
}

/**
 * True when `hostname` (as `URL.hostname` gives it) names the computer it is used on: 127.0.0.0/8,
 * `localhost` (and `*.localhost`), `::1`, or an IPv4-mapped 127.x address. A board that connects
 * there reaches itself, not the relay.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === "::1" || /^(0{1,4}:){7}0{0,3}1$/.test(host)) return true;
  return /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
}

/** Opens the transport named by `options.port`. */
export function openTransport(options: OpenTransportOptions): Promise<Transport> {
  if (options.port.startsWith("tcp://")) return openTcp(options);
  return openTty(options);
}

/** Options for {@link findSerialPorts}. */
export interface FindSerialPortsOptions {
  /** Directory to scan. Default `/dev`. */
  dir?: string;
}

/** Lists serial devices an ESP32 usually shows up as (`ttyUSB*`, `ttyACM*`), sorted. */
export function findSerialPorts(options: FindSerialPortsOptions = {}): string[] {
  const dir = options.dir ?? "/dev";
  const found: string[] = [];
  try {
    for (const entry of Deno.readDirSync(dir)) {
      if (/^tty(USB|ACM)\d+$/.test(entry.name)) found.push(`${dir}/${entry.name}`);
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** What both `Deno.FsFile` and `Deno.TcpConn` offer. */
interface ByteResource {
  read(buffer: Uint8Array): Promise<number | null>;
  write(data: Uint8Array): Promise<number>;
  close(): void;
}

class StreamTransport implements Transport {
  readonly description: string;
  readonly kind: "serial" | "network";
  readonly closed: Promise<void>;
  #receiver: ((data: Uint8Array) => void) | undefined;
  #pending: Uint8Array[] = [];
  #isClosed = false;
  #resolveClosed!: () => void;
  #resource: ByteResource;

  constructor(description: string, kind: "serial" | "network", resource: ByteResource) {
    this.description = description;
    this.kind = kind;
    this.#resource = resource;
    this.closed = new Promise((resolve) => this.#resolveClosed = resolve);
    this.#readLoop();
  }

  get isClosed(): boolean {
    return this.#isClosed;
  }

  onData(receiver: (data: Uint8Array) => void): void {
    this.#receiver = receiver;
    // Bytes that arrived before anyone listened (a boot banner) are kept.
    for (const chunk of this.#pending.splice(0)) receiver(chunk);
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.#isClosed) throw new Error("connection closed");
    let offset = 0;
    try {
      while (offset < data.length) {
        offset += await this.#resource.write(data.subarray(offset));
      }
    } catch (error) {
      this.#finish();
      throw error;
    }
  }

  close(): void {
    this.#finish();
  }

  #finish(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    try {
      this.#resource.close();
    } catch {
      // Already closed by the read loop.
    }
    this.#resolveClosed();
  }

  async #readLoop(): Promise<void> {
    const buffer = new Uint8Array(4096);
    try {
      while (!this.#isClosed) {
        const n = await this.#resource.read(buffer);
        if (n === null) break;
        // A pty whose other end is not open reads as zero bytes forever.
        if (n === 0) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        const chunk = buffer.slice(0, n);
        if (this.#receiver) this.#receiver(chunk);
        else this.#pending.push(chunk);
      }
    } catch {
      // EIO on a tty whose peer hung up, or a reset socket: both mean closed.
    }
    this.#finish();
  }
}

async function openTcp(options: OpenTransportOptions): Promise<Transport> {
  const { hostname, port } = parseTcpPort(options.port);
  const timeoutMs = options.connectTimeoutMs ?? 5000;
  const where = `${hostname}:${port}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const connection = await Promise.race([
      Deno.connect({ hostname, port }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Deno.errors.TimedOut(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    connection.setNoDelay(true);
    return new StreamTransport(`${where} (network console)`, "network", connection);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FlashError(
      "CONNECT_FAILED",
      `Cannot connect to the network console at ${where}: ${reason}`,
      "Check that the board is on the network at that address and that its console " +
        "listens on that port (Espruino on ESP32 serves it on port 23 once Wi-Fi is up).",
    );
  } finally {
    clearTimeout(timer);
  }
}

async function openTty(options: OpenTransportOptions): Promise<Transport> {
  const path = options.port;
  const baud = options.baud ?? DEFAULT_BAUD;
  try {
    Deno.statSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new FlashError(
        "PORT_MISSING",
        `Serial port ${path} does not exist.`,
        portsHint(),
      );
    }
    if (error instanceof Deno.errors.PermissionDenied) throw permissionDenied(path);
    throw error;
  }
  let file: ByteResource;
  try {
    file = await openTtyDuplex(path);
  } catch (error) {
    if (error instanceof Deno.errors.PermissionDenied) throw permissionDenied(path);
    if (error instanceof Deno.errors.NotFound) {
      throw new FlashError("PORT_MISSING", `Serial port ${path} does not exist.`, portsHint());
    }
    if (error instanceof Deno.errors.NotCapable) {
      throw new FlashError(
        "USAGE",
        `Deno may not open the device ${path} without --allow-all.`,
        "Run it as `deno task flash`, or with `deno run --allow-all tools/flash.ts`.",
      );
    }
    throw new FlashError(
      "CONNECT_FAILED",
      `Cannot open ${path}: ${error instanceof Error ? error.message : error}`,
      "Is another program holding the port? Close it and try again.",
    );
  }
  // Raw mode: no echo, no line editing, no CR/LF translation, 8 bits.
  const stty = await new Deno.Command("stty", {
    args: ["-F", path, String(baud), "raw", "-echo", "-hupcl", "clocal"],
    stdout: "null",
    stderr: "piped",
  }).output().catch((error: unknown) => ({
    success: false,
    stderr: new TextEncoder().encode(
      error instanceof Deno.errors.NotFound ? "the stty command is not installed" : String(error),
    ),
  }));
  if (!stty.success) {
    file.close();
    const reason = new TextDecoder().decode(stty.stderr).trim();
    throw new FlashError(
      "NOT_A_TTY",
      `Cannot configure ${path} as a serial port: ${reason}`,
      "Give the path of the board's serial device (usually /dev/ttyUSB0 or /dev/ttyACM0).",
    );
  }
  return new StreamTransport(`${path} at ${baud} baud`, "serial", file);
}

/**
 * Opens a terminal device as two handles: Deno serialises operations on one
 * file handle, so a pending read would hold every write back.
 */
async function openTtyDuplex(path: string): Promise<ByteResource> {
  const reader = await Deno.open(path, { read: true });
  let writer: Deno.FsFile;
  try {
    writer = await Deno.open(path, { write: true });
  } catch (error) {
    reader.close();
    throw error;
  }
  return {
    read: (buffer) => reader.read(buffer),
    write: (data) => writer.write(data),
    close: () => {
      for (const handle of [reader, writer]) {
        try {
          handle.close();
        } catch {
          // already closed
        }
      }
    },
  };
}

function permissionDenied(path: string): FlashError {
  return new FlashError(
    "PERMISSION_DENIED",
    `Permission denied opening ${path}.`,
    DIALOUT_HINT,
  );
}

/** The "which ports exist" part of the hints. */
export function portsHint(dir = "/dev"): string {
  const ports = findSerialPorts({ dir });
  if (ports.length === 0) {
    return "No serial ports found (looked for /dev/ttyUSB* and /dev/ttyACM*). Plug the board in, " +
      "check the cable, or use a network console with --port tcp://HOST:23.";
  }
  return `Serial ports found: ${ports.join(", ")}. Pass one with --port.`;
}
