/**
 * `deno task vendor:console`: writes the third-party code the browser console
 * serves, `relay/console/vendor/sha256.js` (and its `.d.ts`): SHA-256 from
 * `@noble/hashes` (the version pinned here and in deno.lock), bundled by
 * esbuild into one ES module with no imports, its MIT license kept at the top.
 *
 * The page needs it because a browser offers `crypto.subtle` only in a secure
 * context (https, or a page from localhost): an operator opening
 * `http://<relay's LAN address>:8000/` has none. The relay serves the file
 * itself, under the console's Content-Security-Policy, so nothing is loaded
 * from the internet. The file is committed; tests/console_vendor_test.ts checks
 * it is exactly what this task writes.
 *
 * `deno task vendor:console -- --check` writes nothing and fails when the
 * committed files differ.
 *
 * @module
 */

import * as esbuild from "npm:esbuild@0.28.2";
// Pins the package in deno.lock and puts it in Deno's npm cache, where esbuild reads it.
import "npm:@noble/hashes@2.4.0/sha2.js";
import { dirname } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import * as cli from "../relay/cli_args.ts";

/** The `@noble/hashes` version bundled (the one the import above pins). */
export const NOBLE_HASHES_VERSION = "2.4.0";

/** Where the console's vendored files live. */
export const VENDOR_DIR = new URL("../relay/console/vendor/", import.meta.url);

/** The types of the bundle, for the console's JSDoc-typed script (`// @ts-types` where imported). */
export const SHA256_TYPES =
  `/** The SHA-256 of some bytes (32 bytes), from @noble/hashes ${NOBLE_HASHES_VERSION}. */
export declare function sha256(bytes: Uint8Array): Uint8Array;
`;

/** The bundled module's text and its types, as `deno task vendor:console` writes them. */
export interface VendoredSha256 {
  /** `sha256.js`. */
  js: string;
  /** `sha256.d.ts`. */
  types: string;
}

/** Bundles `sha256` of `@noble/hashes` into one ES module, its license at the top. */
export async function vendorSha256(): Promise<VendoredSha256> {
  const sha2 = fromFileUrl(
    import.meta.resolve(`npm:@noble/hashes@${NOBLE_HASHES_VERSION}/sha2.js`),
  );
  const packageDir = dirname(sha2);
  const license = (await Deno.readTextFile(`${packageDir}/LICENSE`)).trim();
  const banner = [
    `/*! sha256 from @noble/hashes ${NOBLE_HASHES_VERSION}, bundled by \`deno task vendor:console\``,
    ` * (tools/vendor_console.ts): do not edit.`,
    ` *`,
    ...license.split("\n").map((line) => ` * ${line}`.trimEnd()),
    ` */`,
  ].join("\n");
  const result = await esbuild.build({
    stdin: {
      contents: `export { sha256 } from "./sha2.js";\n`,
      resolveDir: packageDir,
      sourcefile: "sha256_entry.js",
      loader: "js",
    },
    // Paths in the bundle's comments are then the package's own (`sha2.js`), not this machine's cache.
    absWorkingDir: packageDir,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    treeShaking: true,
    // The package's own comments are long; its license is in the banner.
    legalComments: "none",
    banner: { js: banner },
    charset: "utf8",
    logLevel: "silent",
  });
  await esbuild.stop();
  return { js: result.outputFiles[0].text, types: SHA256_TYPES };
}

/** The files the task writes, by name in {@linkcode VENDOR_DIR}. */
function files(vendored: VendoredSha256): [string, string][] {
  return [["sha256.js", vendored.js], ["sha256.d.ts", vendored.types]];
}

if (import.meta.main) {
  const { values } = cli.parseOrExit(
    cli.defineCommand({
      usage: ["deno task vendor:console [-- --check]"],
      flags: {
        check: cli.toggle({ help: "write nothing; fail when the committed files differ" }),
      },
    }),
    { program: "vendor:console" },
  );
  const vendored = await vendorSha256();
  let stale = 0;
  for (const [name, text] of files(vendored)) {
    const url = new URL(name, VENDOR_DIR);
    if (values.check) {
      const committed = await Deno.readTextFile(url).catch(() => "");
      if (committed !== text) {
        console.error(`${fromFileUrl(url)} is not what deno task vendor:console writes`);
        stale++;
      }
    } else {
      await Deno.mkdir(VENDOR_DIR, { recursive: true });
      await Deno.writeTextFile(url, text);
      console.log(`wrote ${fromFileUrl(url)} (${text.length} characters)`);
    }
  }
  if (stale > 0) Deno.exit(1);
}
