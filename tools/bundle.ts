/**
 * Bundles device code into the one JavaScript file that Espruino runs: an
 * immediately-invoked function, ES2015, minified by esbuild (which also
 * shortens the internal property names), then by terser, whose compressor
 * saves another 3–4 % (terser's own `unsafe` rewrites included: each one was
 * checked on the real interpreter, and the suite runs the result there).
 *
 * Two esbuild habits break Espruino and are worked around here:
 * - with `format: "iife"`, a `require("net")` left external becomes a shim
 *   built on `Proxy`, which Espruino lacks. The code is therefore bundled as
 *   CommonJS, where external requires stay plain calls, and wrapped in the
 *   function by hand.
 * - exporting through `globalName` adds a helper whose getters close over a
 *   `for (let …)` variable, which Espruino gets wrong. With `globalName`, the
 *   entry's exports are instead copied into a plain object literal.
 *
 * Command line: `deno run -A tools/bundle.ts ENTRY [OUT] [--global NAME] [--no-minify]`.
 *
 * @example
 * ```ts
 * import { bundleDevice } from "./bundle.ts";
 * const code = await bundleDevice({ entry: "device/ws/mod.ts", globalName: "WS" });
 * // "var WS=(()=>{…})();" with WS.createWebSocketClient
 * ```
 * @module
 */

import * as esbuild from "npm:esbuild@0.28.2";
import { minify as terser } from "npm:terser@5.36.0";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as cli from "../relay/cli_args.ts";

/** Modules built into Espruino's ESP32 firmware (`timer` since 2v29): left as `require` calls. */
export const ESPRUINO_MODULES: readonly string[] = [
  "Wifi",
  "net",
  "tls",
  "http",
  "crypto",
  "Storage",
  "fs",
  "dgram",
  "neopixel",
  "TelnetServer",
  "ESP32",
  "timer",
];

/** Settings of {@linkcode bundleDevice}. */
export interface BundleOptions {
  /** Entry module (path or file URL). */
  entry: string | URL;
  /** Minify (default true): Espruino pays for every byte in variables. */
  minify?: boolean;
  /** Expose the entry's exports as this global (`var NAME = {...}`). */
  globalName?: string;
  /** Identifiers replaced at build time, as esbuild's `define` (values are JS source). */
  define?: Record<string, string>;
  /**
   * More property names to shorten, besides {@linkcode INTERNAL_PROPS}: names public in a library
   * bundle but private to a firmware that holds both the library and its only caller.
   */
  privateProps?: readonly string[];
}

/**
 * Property names used only between the device modules, never by the application, Espruino or a
 * JSON message: esbuild shortens them (`mangleProps`). A name added here must not be a public
 * option, method or event of the client, a field of the device configuration or of a reply or
 * status, nor a property of an Espruino object (`host`, `port`, `ip`, `reason`, `reboot`…).
 */
export const INTERNAL_PROPS: readonly string[] = [
  // device/ws
  "minMs",
  "maxMs",
  "onError",
  "pieceBytes",
  "randomBytes",
  "maxHeadBytes",
  "accept",
  "secure",
  "hostname",
  "drained",
  "mask",
  "rest",
  "done",
  "head",
  "payload",
  "opcode",
  "dropped",
  "protocol",
  "key",
  "path",
  "data",
  "stop",
  "buffered",
  "written",
  "attempt",
  "messages",
  "limits",
  "bytes",
  "put",
  "take",
  "discard",
  "messageLimit",
  "byteLimit",
  // device/firmware
  "setBlinking",
  "setPattern",
  "setEnabled",
  "onCycle",
  "onUp",
  "onDown",
  "enabled",
  "say",
  "blinker",
  "config",
  "hash",
];

/**
 * Factories of long-lived closures that are called from inside a handler (per connection): terser
 * must not inline them there. On Espruino a closure keeps its whole scope chain alive, so an
 * inlined parser or writer would keep the data handler's variables (the chunk that completed the
 * handshake) for as long as the connection lives. Factories called once at start-up (the blinker,
 * the client itself) may be inlined: the scope they would keep lives as long anyway.
 */
const KEEP_CLOSURE_FACTORIES = /^(createFrameParser|createFrameWriter)$/;

/** The name under which the wrapper receives the exports from inside the bundle. */
const EXPORTS = "__x";

// esbuild runs one service process; builds may overlap, so it is stopped after the last one.
let running = 0;

async function withEsbuild<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    if (--running === 0) await esbuild.stop();
  }
}

function entryPath(entry: string | URL): string {
  return entry instanceof URL || entry.startsWith("file:") ? fileURLToPath(entry) : resolve(entry);
}

/** The export names of `entry`. */
async function exportNames(path: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [path],
    bundle: true,
    write: false,
    format: "esm",
    metafile: true,
    external: [...ESPRUINO_MODULES],
    logLevel: "silent",
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

/**
 * Puts a semicolon after every bare `return` that a minifier left right before a `}`. Espruino
 * 2v29 fails with "Unexpected end of Input" when it runs a function whose body ends in one after
 * other statements (`function(x){x++;return}`), though `return;}` and a `{return}` block are fine.
 * Only a `return` that starts a statement is touched.
 */
export function endBareReturns(code: string): string {
  return code.replace(/([;{})]|\belse )return\}/g, "$1return;}");
}

/** Builds `options.entry` into JavaScript ready for Espruino. */
export function bundleDevice(options: BundleOptions): Promise<string> {
  return withEsbuild(async () => {
    const path = entryPath(options.entry);
    let contents = `import ${JSON.stringify(path)};`;
    if (options.globalName) {
      const names = await exportNames(path);
      const aliases = names.map((name, i) => `${name} as e${i}`).join(", ");
      const fields = names.map((name, i) => `${JSON.stringify(name)}: e${i}`).join(", ");
      contents = `import { ${aliases} } from ${JSON.stringify(path)};\n${EXPORTS} = { ${fields} };`;
    }
    const minify = options.minify ?? true;
    const result = await esbuild.build({
      stdin: { contents, resolveDir: resolve("."), sourcefile: "device-entry.js", loader: "js" },
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "es2015",
      // Names are left to terser, which must see them (KEEP_CLOSURE_FACTORIES).
      minifySyntax: minify,
      minifyWhitespace: minify,
      charset: "ascii",
      legalComments: "none",
      mangleProps: new RegExp(
        "^(" + [...INTERNAL_PROPS, ...options.privateProps ?? []].join("|") + ")$",
      ),
      external: [...ESPRUINO_MODULES],
      define: options.define,
      logLevel: "silent",
    });
    let body = result.outputFiles[0].text.trim();
    if (minify) {
      // A local `undefined` that terser names with one letter and writes for every `void 0`
      // (`unsafe_undefined`): 5 bytes each, for one variable of the bundle's scope.
      const squeezed = await terser(`var undefined;${body}`, {
        ecma: 2015,
        toplevel: true,
        compress: {
          passes: 3,
          unsafe: true,
          unsafe_arrows: true,
          unsafe_undefined: true,
          pure_getters: true,
          top_retain: KEEP_CLOSURE_FACTORIES,
        },
        // No parentheses around a function passed as an argument.
        format: { wrap_func_args: false },
      });
      body = squeezed.code!;
    }
    const code = options.globalName
      ? `var ${options.globalName}=(()=>{var ${EXPORTS};${body}return ${EXPORTS}})();`
      : `(()=>{${body}})();`;
    return endBareReturns(code) + "\n";
  });
}

const BUNDLE_COMMAND = cli.defineCommand({
  usage: ["deno run -A tools/bundle.ts ENTRY [OUT] [--global NAME] [--no-minify]"],
  summary: "Bundles ENTRY for Espruino into OUT, or onto standard output.",
  flags: {
    globalName: cli.flag(cli.text(), {
      name: "global",
      value: "NAME",
      help: "keep the exports in this global variable",
    }),
    noMinify: cli.toggle({ help: "readable output" }),
  },
  positionals: { value: "ENTRY [OUT]", min: 1, max: 2 },
});

if (import.meta.main) {
  const parsed = cli.parseOrExit(BUNDLE_COMMAND, { program: "bundle" });
  const [entry, out] = parsed.positionals;
  const { globalName } = parsed.values;
  const minify = !parsed.values.noMinify;
  const code = await bundleDevice({ entry, globalName, minify });
  if (out) {
    await Deno.writeTextFile(out, code);
    console.error(`${out}: ${code.length} bytes`);
  } else {
    await Deno.stdout.write(new TextEncoder().encode(code));
  }
}
