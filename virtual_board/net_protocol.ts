/**
 * Messages between the virtual board and its socket worker. Not part of the public API.
 *
 * @module
 */

/** Largest `data` chunk Espruino delivers (its network buffer size). */
export const CHUNK_SIZE = 536;

/** Result of a blocking connect, written into the shared status word. */
export enum ConnectStatus {
  Pending = 0,
  Connected = 1,
  Refused = 2,
  UnknownHost = 3,
  Timeout = 4,
}

/** Messages from the board to the worker. */
export type ToWorker =
  | {
    op: "connect";
    id: number;
    host: string;
    port: number;
    tls: boolean;
    timeoutMs: number;
    /** SharedArrayBuffer holding one Int32 {@linkcode ConnectStatus}. */
    status: SharedArrayBuffer;
  }
  | { op: "write"; id: number; bytes: Uint8Array }
  | { op: "end"; id: number }
  | { op: "destroy"; id: number };

/** Messages from the worker to the board. */
export type FromWorker =
  | { ev: "ready" }
  | { ev: "data"; id: number; bytes: Uint8Array }
  | { ev: "drained"; id: number }
  /** TLS handshake completed. */
  | { ev: "secure"; id: number }
  | { ev: "closed"; id: number; cause: CloseCause; message: string };

/** Why a connection the board knows about closed. */
export type CloseCause = "local" | "peer" | "reset" | "error" | "handshake";
