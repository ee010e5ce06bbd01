/**
 * The browser console served at `/`: one HTML page, its scripts and its
 * stylesheet from `relay/console/`, read once when the relay starts and
 * served from memory. Everything comes from the relay itself, so the page
 * works offline on a LAN, and its Content-Security-Policy forbids loading
 * anything from anywhere else.
 *
 * @example
 * ```ts
 * import { consoleResponse, loadConsoleAssets } from "./console_assets.ts";
 *
 * const assets = await loadConsoleAssets();
 * const page = consoleResponse(assets, "/"); // the HTML page
 * const other = consoleResponse(assets, "/metrics"); // undefined: not a console path
 * ```
 * @module
 */

import { type SettingsRules, settingsRules, wifiRules } from "../device/firmware/config.ts";

/** One file of the console, ready to serve. */
export interface ConsoleAsset {
  /** Value of the `content-type` header. */
  contentType: string;
  /** The file's bytes. */
  body: Uint8Array<ArrayBuffer>;
}

/** The console's files, keyed by the request path that serves each. */
export type ConsoleAssets = ReadonlyMap<string, ConsoleAsset>;

/** Settings of {@linkcode loadConsoleAssets}. */
export interface LoadConsoleAssetsOptions {
  /** Folder holding the console's files (`index.html`, …); defaults to `relay/console/`. */
  dir?: URL;
}

/**
 * Request path → file. The script and stylesheet live under `/console/`:
 * a path with a second slash can never be a client id, so no id is shadowed.
 */
const FILES: readonly { path: string; file: string; contentType: string }[] = [
  { path: "/", file: "index.html", contentType: "text/html; charset=utf-8" },
  {
    path: "/console/console.js",
    file: "console.js",
    contentType: "text/javascript; charset=utf-8",
  },
  { path: "/console/console.css", file: "console.css", contentType: "text/css; charset=utf-8" },
  // The update protocol, shared with `deno task ota` (tools/ota.ts): an ES module console.js imports.
  {
    path: "/console/ota_transfer.js",
    file: "ota_transfer.js",
    contentType: "text/javascript; charset=utf-8",
  },
  // SHA-256 for the update dialog, from @noble/hashes (`deno task vendor:console`).
  {
    path: "/console/vendor/sha256.js",
    file: "vendor/sha256.js",
    contentType: "text/javascript; charset=utf-8",
  },
];

/**
 * Only the relay's own origin: no inline code, no CDN, no external fonts.
 * `connect-src 'self'` also covers ws:// and wss:// to the same host and port.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** One setting the console's Settings form offers, with its default and bounds. */
export interface SettingRule {
  /** Its path in the board's settings, like `pattern.dotOnMs`. */
  path: string;
  /** The firmware's default. */
  default: number;
  /** Smallest value the board accepts. */
  min: number;
  /** Largest value the board accepts. */
  max: number;
}

/**
 * The whole-number settings a board validates, from device/firmware/config.ts (the one home of
 * the defaults and bounds), for the console's Settings form: served as
 * `/console/settings_rules.json`, so the page checks a value exactly as the board will.
 */
export function settingRules(): SettingRule[] {
  const rules: SettingRule[] = [];
  const walk = (section: SettingsRules, prefix: string) => {
    for (const name in section) {
      const rule = section[name];
      if (rule instanceof Array) {
        rules.push({ path: prefix + name, default: rule[0], min: rule[1], max: rule[2] });
      } else if (rule && typeof rule === "object") walk(rule, prefix + name + ".");
    }
  };
  walk({ ...settingsRules(), wifi: wifiRules() }, "");
  return rules;
}

/** Reads the console's files into memory. */
export async function loadConsoleAssets(
  options: LoadConsoleAssetsOptions = {},
): Promise<ConsoleAssets> {
  const dir = options.dir ?? new URL("./console/", import.meta.url);
  const assets = new Map<string, ConsoleAsset>();
  for (const { path, file, contentType } of FILES) {
    assets.set(path, { contentType, body: await Deno.readFile(new URL(file, dir)) });
  }
  assets.set("/console/settings_rules.json", {
    contentType: "application/json; charset=utf-8",
    body: new TextEncoder().encode(JSON.stringify(settingRules())),
  });
  return assets;
}

/** The response for a console path, or `undefined` when `path` is not one of the console's. */
export function consoleResponse(assets: ConsoleAssets, path: string): Response | undefined {
  const asset = assets.get(path);
  if (!asset) return undefined;
  return new Response(asset.body, {
    headers: {
      "content-type": asset.contentType,
      "content-security-policy": CONSOLE_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      // Small files: revalidating each time means an upgraded relay never serves a stale page.
      "cache-control": "no-cache",
    },
  });
}
