/**
 * Finds, checks and compiles the Espruino WebAssembly builds in `engine/wasm/`: each file must
 * match the manifest written by the build (`deno task engine:build`), so a missing, corrupt or
 * foreign `.wasm` is refused with an error that names the command that rebuilds it.
 *
 * @module
 */

/** The boards there is a build for. */
export const BOARDS = ["esp32c3", "esp32", "esp32c3-unicode"] as const;
/** One of {@linkcode BOARDS}. */
export type BoardName = typeof BOARDS[number];

/** What `engine/wasm/manifest.json` records of a build. */
export interface Manifest {
  /** Espruino's source: its repository commit. */
  espruinoCommit: string;
  /** SHA-256 of the board layer and patch the build added to that source. */
  boardLayerSha256: string;
  /** The compiler, as `emcc --version` names it. */
  toolchain: string;
  /** Each build: its file name, bytes and SHA-256. */
  files: Record<string, { bytes: number; sha256: string }>;
}

/** The folder holding the builds and their manifest. */
export const WASM_DIR = new URL("./wasm/", import.meta.url);
/** The command that rebuilds them. */
export const BUILD_COMMAND = "deno task engine:build";

/** An error about the engine's build: says what is wrong and how to rebuild. */
export class EngineBuildError extends Error {
  /** An error naming the rebuild command after `problem`. */
  constructor(problem: string) {
    super(`${problem}: rebuild with \`${BUILD_COMMAND}\` (see engine/README.md)`);
    this.name = "EngineBuildError";
  }
}

/** The file name of a board's build. */
function wasmFileName(board: BoardName): string {
  return `espruino-${board}.wasm`;
}

/** Reads the manifest in `dir`, or throws {@linkcode EngineBuildError}. */
function readManifest(dir: URL = WASM_DIR): Manifest {
  let text: string;
  try {
    text = Deno.readTextFileSync(new URL("manifest.json", dir));
  } catch {
    throw new EngineBuildError("engine/wasm/manifest.json is missing");
  }
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    throw new EngineBuildError("engine/wasm/manifest.json is not valid JSON");
  }
}

/** SHA-256 of bytes, as hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/**
 * The compiled module of a board's build in `dir` (default `engine/wasm/`), checked against the
 * manifest there; compiled once.
 */
export function loadBoardModule(
  board: BoardName,
  dir: URL = WASM_DIR,
): Promise<WebAssembly.Module> {
  if (!BOARDS.includes(board)) {
    return Promise.reject(new Error(`unknown board "${board}": use one of ${BOARDS.join(", ")}`));
  }
  const key = new URL(wasmFileName(board), dir).href;
  let module = compiled.get(key);
  if (!module) {
    module = compileChecked(board, dir);
    compiled.set(key, module);
    module.catch(() => compiled.delete(key));
  }
  return module;
}

async function compileChecked(board: BoardName, dir: URL): Promise<WebAssembly.Module> {
  const name = wasmFileName(board);
  const entry = readManifest(dir).files[name];
  if (!entry) throw new EngineBuildError(`engine/wasm/manifest.json has no entry for ${name}`);
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(new URL(name, dir));
  } catch {
    throw new EngineBuildError(`engine/wasm/${name} is missing`);
  }
  if (bytes.length !== entry.bytes || await sha256Hex(bytes) !== entry.sha256) {
    throw new EngineBuildError(
      `engine/wasm/${name} is not the build its manifest records (${bytes.length} bytes, ` +
        `expected ${entry.bytes})`,
    );
  }
  try {
    return await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  } catch (error) {
    throw new EngineBuildError(`engine/wasm/${name} does not compile (${error})`);
  }
}
