/**
 * A pseudo-terminal pair made with socat: one end for a simulated board's console, the other for
 * clients such as `deno task flash -- --port PATH`, as a USB serial port would be.
 *
 * @example
 * ```ts
 * await using pty = await createPtyPair({ userPath: "/tmp/espruino-sim" });
 * // serve the console on pty.boardPath; clients open pty.userPath
 * ```
 *
 * @module
 */

/** A pseudo-terminal pair made with socat: `userPath` for clients, `boardPath` for the board. */
export interface PtyPair extends AsyncDisposable {
  /** The end clients open (like /dev/ttyUSB0). */
  readonly userPath: string;
  /** The end the board's console opens. */
  readonly boardPath: string;
  /** Ends socat and removes the links. */
  close(): Promise<void>;
}

/** Options for {@link createPtyPair}. */
export interface CreatePtyPairOptions {
  /** Path of the clients' end (a symbolic link socat creates). */
  userPath: string;
  /** Path of the board's end. Default: `userPath` + `.board`. */
  boardPath?: string;
  /** How long to wait for socat to create both ends. Default 5000 ms. */
  timeoutMs?: number;
}

/** Starts socat with two raw pseudo-terminals linked at the given paths. */
export async function createPtyPair(options: CreatePtyPairOptions): Promise<PtyPair> {
  const userPath = options.userPath;
  // socat, not Deno, creates (and on exit removes) both links: no write permission needed.
  const boardPath = options.boardPath ?? `${userPath}.board`;
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command("socat", {
      args: [
        "-d",
        "-d",
        `pty,raw,echo=0,link=${boardPath}`,
        `pty,raw,echo=0,link=${userPath}`,
      ],
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error("socat is not installed (Debian/Ubuntu: sudo apt-get install socat)");
    }
    throw error;
  }
  // socat's log is not needed, but its pipe must be drained.
  const stderr = child.stderr.pipeTo(new WritableStream());
  let closing: Promise<void> | undefined;
  const close = () =>
    closing ??= (async () => {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone
      }
      await child.status;
      await stderr.catch(() => {});
    })();
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  while (!(exists(boardPath) && exists(userPath))) {
    if (Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create ${userPath} and ${boardPath} in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { userPath, boardPath, close, [Symbol.asyncDispose]: close };
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}
