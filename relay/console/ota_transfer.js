/**
 * The operator's side of a firmware update over the air (docs/ota.md), the one home of the
 * protocol the boot stub (device/firmware/ota.ts) speaks: `deno task ota` (tools/ota.ts) and the
 * browser console (console.js) both drive it. Each board gets chunks addressed to it, each with
 * its CRC32, and acknowledges them one by one, with at most `window` in flight; after a break
 * (the board's or the operator's connection) the transfer resumes from what the board holds. A
 * board refuses, before the first chunk, an image that will not fit its Storage.
 *
 * Plain JavaScript with JSDoc types and no imports, so that the relay serves it as it is to the
 * page (relay/console_assets.ts, under the console's Content-Security-Policy) and Deno imports
 * it as it is: it uses only what both have (`TextDecoder`, `btoa`, and `crypto.subtle` unless given
 * another SHA-256, as the page is). Sending and receiving are the caller's: it hands {@linkcode OtaRun} a `send` function and every message
 * from the boards.
 *
 * @module
 */

/** Chunks in flight per board, by default: a board holds at most that many messages. */
export const DEFAULT_WINDOW = 4;
/** Bytes of image per chunk, by default. */
export const DEFAULT_CHUNK_BYTES = 512;
/** Begin again when a board has left what it was sent unanswered this long (ms). */
export const DEFAULT_RESEND_MS = 10_000;
/** Give a board up after this long without a word from it (ms). */
export const DEFAULT_GIVE_UP_MS = 120_000;

/**
 * @typedef {object} OtaImage A firmware image ready to send.
 * @property {Uint8Array} bytes its bytes
 * @property {string} sha256 their SHA-256 as hex
 */

/**
 * @typedef {object} BoardOutcome How an update of one board ended.
 * @property {string} id the board's id
 * @property {"updated" | "rolled back" | "refused" | "no answer"} result
 * @property {string} [reason] why, for all but a plain `updated`
 * @property {number} resumes times the transfer began again (after a break, or silence)
 * @property {number} sentBytes bytes of image sent in chunks, resends included
 */

/**
 * @typedef {object} OtaRunOptions Settings of {@linkcode OtaRun}.
 * @property {string[]} ids the boards
 * @property {OtaImage} image the image ({@linkcode otaImage})
 * @property {(message: Record<string, unknown>) => void} send sends one message through the
 *   relay (dropped while not connected: the transfer resumes when it is)
 * @property {(transfer: OtaTransfer) => void} [changed] a board's progress or stage changed
 * @property {number} [confirmMs] the confirm window sent to the boards; without it, the board's
 *   own default (device/firmware/ota_layout.ts)
 * @property {number} [window] chunks in flight per board ({@linkcode DEFAULT_WINDOW})
 * @property {number} [chunkBytes] bytes per chunk ({@linkcode DEFAULT_CHUNK_BYTES})
 * @property {number} [resendMs] {@linkcode DEFAULT_RESEND_MS}
 * @property {number} [giveUpMs] {@linkcode DEFAULT_GIVE_UP_MS}
 * @property {() => number} [now] the clock (ms), `Date.now` by default
 */

/** @type {Uint32Array | undefined} */
let crcTable;

/**
 * CRC-32 (IEEE 802.3, as zlib and Espruino's `E.CRC32` compute it) of some bytes: the check the
 * board makes on each chunk. Not a hash against tampering: the SHA-256 of the whole image is.
 * @param {Uint8Array} bytes
 * @returns {number} unsigned
 */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * What is wrong with a file offered as a firmware image, in a few words (`is empty`), or
 * undefined. A bundle is UTF-8 text: erased flash reads 0xFF, which UTF-8 never holds and which
 * marks what a board has not received yet.
 * @param {Uint8Array} bytes
 * @returns {string | undefined}
 */
export function imageProblem(bytes) {
  if (bytes.length === 0) return "is empty";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "is not UTF-8 text: it is not a firmware bundle";
  }
  return undefined;
}

/**
 * A SHA-256 function: the 32 bytes of the digest of `bytes`.
 * @callback Sha256
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */

/**
 * The image of some bytes, with their SHA-256: by `options.sha256` when given (the console passes
 * the one the relay serves, relay/console/vendor/sha256.js, since a browser offers
 * `crypto.subtle` only to a page served over https or from localhost), else by `crypto.subtle`.
 * @param {Uint8Array} bytes
 * @param {{ sha256?: Sha256 }} [options]
 * @returns {Promise<OtaImage>}
 */
export async function otaImage(bytes, options = {}) {
  let digest;
  if (options.sha256) digest = options.sha256(bytes);
  else if (globalThis.crypto?.subtle) {
    digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", /** @type {Uint8Array<ArrayBuffer>} */ (bytes)),
    );
  } else {
    throw new Error(
      "cannot compute SHA-256: crypto.subtle is missing (a browser offers it only to pages " +
        "served over https or from localhost) and no other SHA-256 was given",
    );
  }
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return { bytes, sha256: hex };
}

/**
 * What a board's short error code means (the boot stub's refusals, docs/ota.md).
 * @param {Record<string, unknown>} reply
 * @param {number} bytes the image's length
 * @returns {string}
 */
export function explainRefusal(reply, bytes) {
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

/** @param {Uint8Array} bytes */
function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text);
}

/**
 * @typedef {object} BoardStatus The part of a board's status an update reads.
 * @property {number} [uptime]
 * @property {{ connects?: number }} [counters]
 * @property {{ sha256?: string, rollback?: string }} [firmware]
 */

/** One board's transfer: where it stands, and what to send next. */
export class OtaTransfer {
  /** The board's id. */
  id;
  /** @type {BoardOutcome | undefined} how it ended, once it has */
  outcome;
  /** What it is doing, in a few words: `sending`, `restarting into it; …`, or the outcome. */
  stage = "waiting";
  /** Bytes of the image the board has acknowledged. */
  acked = 0;
  /** Times the transfer began again. */
  resumes = 0;
  /** Bytes sent in chunks, resends included. */
  sent = 0;
  /** Where the next chunk starts. */
  #next = 0;
  #inFlight = 0;
  #begun = false;
  #resyncedAt = -1;
  #heardAt = 0;
  #askedAt = 0;
  #restarting = false;
  #beginPending = false;
  /** @type {string | undefined} */
  #connection;
  #uptime = 0;
  /** @type {OtaRun} */
  #run;

  /** @param {string} id @param {OtaRun} run */
  constructor(id, run) {
    this.id = id;
    this.#run = run;
    this.#heardAt = run.now();
  }

  /** Whether the board restarted into the image and the transfer waits for it to confirm. */
  get restarting() {
    return this.#restarting;
  }

  /** @param {BoardOutcome["result"]} result @param {string} [reason] */
  #finish(result, reason) {
    if (this.outcome) return;
    this.outcome = { id: this.id, result, reason, resumes: this.resumes, sentBytes: this.sent };
    this.stage = result + (reason ? `: ${reason}` : "");
    this.#run.changed(this);
  }

  /** Sends `begin`: the board answers with how much of this image it holds. */
  begin() {
    if (this.outcome) return;
    if (this.#begun) this.resumes++;
    this.#begun = true;
    this.#beginPending = true;
    this.stage = "beginning";
    this.#inFlight = 0;
    this.#askedAt = this.#run.now();
    const { image, confirmMs } = this.#run.options;
    this.#run.send({
      to: this.id,
      cmd: "ota",
      op: "begin",
      bytes: image.bytes.length,
      sha256: image.sha256,
      ...(confirmMs === undefined ? {} : { confirmMs }),
    });
  }

  #pump() {
    const { image } = this.#run.options;
    const size = this.#run.options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    const window = this.#run.options.window ?? DEFAULT_WINDOW;
    while (this.#inFlight < window && this.#next < image.bytes.length) {
      const chunk = image.bytes.subarray(this.#next, this.#next + size);
      this.#run.send({
        to: this.id,
        cmd: "ota",
        op: "chunk",
        at: this.#next,
        crc: crc32(chunk),
        data: base64(chunk),
      });
      this.#next += chunk.length;
      this.sent += chunk.length;
      this.#inFlight++;
      this.#askedAt = this.#run.now();
    }
  }

  /**
   * A message from this board: its status (sent retained on every connect) or its answer to
   * `ota`. Returns true for an answer to `ota`.
   * @param {Record<string, unknown>} message
   * @returns {boolean}
   */
  message(message) {
    if (this.outcome) return message.re === "ota";
    this.#heardAt = this.#run.now();
    const status = /** @type {BoardStatus | undefined} */ (message.status);
    if (message.retain && status && typeof status === "object") {
      this.#status(status);
      return false;
    }
    if (message.re !== "ota") return false;
    this.#answer(message);
    return true;
  }

  /** @param {BoardStatus} status */
  #status(status) {
    const running = status.firmware?.sha256;
    if (this.#restarting) {
      if (running === this.#run.options.image.sha256) return this.#finish("updated");
      if (status.firmware?.rollback) return this.#finish("rolled back", status.firmware.rollback);
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
  }

  /** @param {Record<string, unknown>} message */
  #answer(message) {
    const have = /** @type {number | undefined} */ (message.have);
    if (message.ok) {
      if (message.restarting) {
        this.acked = have ?? this.acked;
        this.#restarting = true;
        this.stage = "restarting into it; waiting for it to confirm";
        this.#run.changed(this);
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
      this.#run.changed(this);
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
          this.#run.changed(this);
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
    this.#finish("refused", explainRefusal(message, this.#run.options.image.bytes.length));
  }

  /**
   * Called about every second: begins again when what was sent went unanswered; gives up on a
   * silent board.
   * @param {number} now
   */
  tick(now) {
    if (this.outcome) return;
    const confirm = this.#restarting ? this.#run.options.confirmMs ?? 0 : 0;
    if (now - this.#heardAt > (this.#run.options.giveUpMs ?? DEFAULT_GIVE_UP_MS) + confirm) {
      return this.#finish(
        "no answer",
        this.#restarting
          ? "it restarted into the new firmware and was not heard from again"
          : "the board did not answer",
      );
    }
    if (
      !this.#restarting && (this.#inFlight > 0 || this.stage !== "sending") &&
      now - this.#askedAt > (this.#run.options.resendMs ?? DEFAULT_RESEND_MS)
    ) this.begin();
  }

  /** The operator's connection came back: resume. */
  reconnected() {
    if (!this.outcome && !this.#restarting) this.begin();
  }
}

/**
 * An update of some boards with one image: hand it every message from the boards, call
 * {@linkcode OtaRun.tick} about every second and {@linkcode OtaRun.reconnected} when the
 * operator's connection comes back; it is over when {@linkcode OtaRun.done}.
 *
 * @example
 * ```js
 * const run = new OtaRun({ ids: ["esp32-1"], image, send: (m) => ws.send(JSON.stringify(m)) });
 * ws.onmessage = (event) => run.message(JSON.parse(event.data));
 * run.start();
 * ```
 */
export class OtaRun {
  /** @type {OtaRunOptions} */
  options;
  /** @type {OtaTransfer[]} one per board, in the order of `ids` */
  transfers;
  /** @type {Map<string, OtaTransfer>} */
  #byId;

  /** @param {OtaRunOptions} options */
  constructor(options) {
    this.options = options;
    this.transfers = options.ids.map((id) => new OtaTransfer(id, this));
    this.#byId = new Map(this.transfers.map((t) => [t.id, t]));
  }

  /** The clock (ms). */
  now() {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** @param {Record<string, unknown>} message */
  send(message) {
    this.options.send(message);
  }

  /** @param {OtaTransfer} transfer */
  changed(transfer) {
    this.options.changed?.(transfer);
  }

  /** Sends `begin` to every board. */
  start() {
    for (const t of this.transfers) t.begin();
  }

  /**
   * A message through the relay: used if it comes from one of the boards. Returns true when it
   * was a board's answer to `ota` (which the caller need not show as any other reply).
   * @param {unknown} message
   * @returns {boolean}
   */
  message(message) {
    if (!message || typeof message !== "object") return false;
    const value = /** @type {Record<string, unknown>} */ (message);
    const transfer = typeof value.from === "string" ? this.#byId.get(value.from) : undefined;
    return transfer ? transfer.message(value) : false;
  }

  /** The transfer of a board, if it is one of this run's. @param {string} id */
  transfer(id) {
    return this.#byId.get(id);
  }

  /** @param {number} [now] */
  tick(now = this.now()) {
    for (const t of this.transfers) t.tick(now);
  }

  /** The operator's connection came back: every board resumes from what it holds. */
  reconnected() {
    for (const t of this.transfers) t.reconnected();
  }

  /** Whether every board has an outcome. */
  get done() {
    return this.transfers.every((t) => t.outcome !== undefined);
  }

  /** Each board's outcome, once {@linkcode OtaRun.done}. @returns {BoardOutcome[]} */
  outcomes() {
    return this.transfers.map((t) => /** @type {BoardOutcome} */ (t.outcome));
  }
}
