/**
 * Saves a program to an engine board's Storage as `.bootcde`, the way the Espruino tools do with
 * "save on send": after `reset()`, typed on the console (without echo) as `Storage.write` calls of
 * base64 chunks. A power cycle then boots it as a flashed board boots.
 *
 * @module
 */

import type { EspruinoBoard } from "./board.ts";

/** Bytes of program per `Storage.write` line (small enough for an ESP32-C3's console). */
const CHUNK = 512;

/** What the board prints when a line failed. */
const FAILURE = /Uncaught [^\r\n]*|Guru Meditation[^\r\n]*/;

/** The console lines that store `code` as `.bootcde`, then print `marker` and the stored length. */
function bootCodeLines(code: Uint8Array, marker: string): string[] {
  const lines: string[] = [];
  for (let offset = 0; offset < code.length; offset += CHUNK) {
    const base64 = btoa(String.fromCharCode(...code.subarray(offset, offset + CHUNK)));
    lines.push(
      `\x10require("Storage").write(".bootcde",atob("${base64}"),${offset},${code.length});\n`,
    );
  }
  lines.push(`\x10print(${JSON.stringify(marker)}+require("Storage").read(".bootcde").length);\n`);
  return lines;
}

/**
 * Types `reset()`, as the Espruino tools do before an upload, once the board has booted (it may
 * still be booting what its Storage held: this starts after its prompt). `reset()` drops input
 * that arrives while it runs, so this waits for the prompt after it.
 */
export async function resetBoard(board: EspruinoBoard): Promise<void> {
  await board.console.waitFor(/\n>/, { timeoutMs: 10_000 }).catch(() => {});
  const from = board.console.text.length;
  board.console.write("\x10reset();\n");
  await board.console.waitFor(/\n>/, { from, timeoutMs: 10_000 });
}

/** Erases Storage files (a missing one is no error). */
export async function eraseFiles(board: EspruinoBoard, names: string[]): Promise<void> {
  const from = board.console.text.length;
  board.console.write(
    `\x10${JSON.stringify(names)}.forEach(function(f){require("Storage").erase(f)});` +
      'print("@erased");\n',
  );
  await board.console.waitFor("@erased", { from, timeoutMs: 10_000 });
}

/** Writes `code` to Storage as `.bootcde`; throws with the board's words if it could not. */
export async function saveBootCode(board: EspruinoBoard, code: string | Uint8Array): Promise<void> {
  const bytes = typeof code === "string" ? new TextEncoder().encode(code) : code;
  const marker = `@saved${Math.floor(Math.random() * 1e9)}:`;
  await resetBoard(board);
  const from = board.console.text.length;
  for (const line of bootCodeLines(bytes, marker)) board.console.write(line);
  const done = new RegExp(`${marker}(\\d+)`);
  const shown = await board.console.waitFor(new RegExp(`${done.source}|${FAILURE.source}`), {
    from,
    timeoutMs: 30_000 + bytes.length,
  });
  const failed = FAILURE.exec(shown);
  if (failed) throw new Error(`the board could not store the program in Storage: ${failed[0]}`);
  const stored = Number(done.exec(shown)![1]);
  if (stored !== bytes.length) {
    throw new Error(`Storage holds ${stored} bytes of .bootcde, expected ${bytes.length}`);
  }
}

/**
 * Writes `text` (as UTF-8) to Storage as the file `name` without stopping what runs, as
 * `deno task flash` writes the settings; throws if the board could not.
 */
export async function saveStorageFile(
  board: EspruinoBoard,
  name: string,
  text: string,
): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  const marker = `@stored${Math.floor(Math.random() * 1e9)}:`;
  const from = board.console.text.length;
  const file = JSON.stringify(name);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const base64 = btoa(String.fromCharCode(...bytes.subarray(offset, offset + CHUNK)));
    board.console.write(
      `\x10require("Storage").write(${file},atob("${base64}"),${offset},${bytes.length});\n`,
    );
  }
  board.console.write(
    `\x10print(${JSON.stringify(marker)}+require("Storage").read(${file}).length);\n`,
  );
  const shown = await board.console.waitFor(new RegExp(`${marker}(\\d+)|${FAILURE.source}`), {
    from,
    timeoutMs: 30_000,
  });
  const stored = new RegExp(`${marker}(\\d+)`).exec(shown);
  if (!stored) throw new Error(`the board could not store ${name}: ${FAILURE.exec(shown)?.[0]}`);
  if (Number(stored[1]) !== bytes.length) {
    throw new Error(`Storage holds ${stored[1]} bytes of ${name}, expected ${bytes.length}`);
  }
}
