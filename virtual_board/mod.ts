/**
 * A virtual Espruino board (ESP32, Espruino 2v29) for tests: it runs the exact firmware bundle
 * that would be flashed, with Espruino's globals, modules and quirks, over real TCP/TLS
 * sockets, and lets a test read its console and pin changes and inject network faults.
 * Code the real board could not run is refused with its line and construct.
 *
 * See `README.md` in this folder for what is and is not reproduced.
 *
 * @example
 * ```ts
 * import { VirtualBoard } from "./virtual_board/mod.ts";
 * await using board = await VirtualBoard.boot({ code: await Deno.readTextFile("dist/device.js") });
 * board.wifi.down();
 * ```
 *
 * @module
 */

export {
  type FaultControl,
  type RebootOptions,
  VirtualBoard,
  type VirtualBoardOptions,
  type WifiControl,
} from "./board.ts";
export type { PinTransition } from "./pins.ts";
export type { WifiConfig } from "./wifi.ts";
export { TLS_PEER_CLOSED } from "./sockets.ts";
export { type DialectProblem, EspruinoDialectError } from "../tools/espruino_dialect.ts";
