/**
 * Messages between an engine board and its socket worker, which owns the real TCP connections so
 * that the board's thread can block on a connect (with `Atomics.wait`) as lwIP's connect blocks
 * on an ESP32. Not part of the public API.
 *
 * @module
 */

/** Result of a blocking connect, written into the shared status word. */
export enum ConnectStatus {
  Pending = 0,
  Connected = 1,
  Refused = 2,
  UnknownHost = 3,
}

/** Messages from the board to the worker. */
export type ToWorker =
  | {
    op: "connect";
    id: number;
    host: string;
    port: number;
    /** SharedArrayBuffer holding one Int32 {@linkcode ConnectStatus}. */
    status: SharedArrayBuffer;
  }
  | { op: "write"; id: number; bytes: Uint8Array }
  | { op: "close"; id: number }
  | { op: "reset"; id: number };

/** Messages from the worker to the board. */
export type FromWorker =
  | { ev: "data"; id: number; bytes: Uint8Array }
  | { ev: "written"; id: number; count: number }
  | { ev: "closed"; id: number };
