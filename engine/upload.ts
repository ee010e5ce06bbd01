/**
 * Saves a program to an engine board's Storage as `.bootcde`, the way the Espruino tools do with
 * "save on send": typed on the console as `Storage.write` calls, chunk by chunk. A power cycle then
 * boots it as a flashed board boots.
 *
 * @module
 */

import type { EspruinoBoard } from "./board.ts";

/** Characters of program text per `Storage.write` line (a C3's console line buffer is small). */
const CHUNK = 384;

/** Writes `code` to Storage as `.bootcde` and waits until the board has stored all of it. */
export async function saveBootCode(board: EspruinoBoard, code: string): Promise<void> {
  const marker = `@saved${Math.floor(Math.random() * 1e9)}`;
  const from = board.console.text.length;
  // 0x10 at the start of a line: Espruino's console does not echo it.
  const type = (line: string) => board.console.write(`\x10${line}\n`);
  type(`reset();`);
  await board.console.waitFor(/\n>/, { from });
  for (let at = 0; at < code.length; at += CHUNK) {
    const part = JSON.stringify(code.slice(at, at + CHUNK));
    type(`require("Storage").write(".bootcde",${part},${at},${code.length});`);
  }
  type(`print(${JSON.stringify(marker)}+require("Storage").read(".bootcde").length);`);
  const text = await board.console.waitFor(new RegExp(`${marker}\\d+`), {
    from,
    timeoutMs: 60_000,
  });
  const stored = Number(text.match(new RegExp(`${marker}(\\d+)`))![1]);
  if (stored !== code.length) {
    throw new Error(`Storage holds ${stored} bytes of .bootcde, expected ${code.length}`);
  }
}
