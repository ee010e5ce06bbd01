/**
 * The `Storage` module of the virtual board: a flat file store of binary strings that survives
 * reboots, with Espruino's `read`, `readJSON`, `readArrayBuffer`, `write` (with offset and
 * size), `writeJSON`, `erase`, `eraseAll`, `list`, `getFree`, `getStats` and `compact`.
 *
 * @module
 */

import { espruinoJsonParse, jsonHooks } from "./json_parse.ts";
import type { Realm } from "./realm.ts";
import { binaryToBytes, bytesToBinary, flattenToBytes, quoteString } from "./realm.ts";

/** Usable Storage area on the ESP32 boards, in bytes. */
export const STORAGE_BYTES = 896 * 1024;
/** Longest file name Espruino's Storage keeps (longer names are cut). */
const MAX_NAME = 28;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$|^\d+$/;

/**
 * What `Storage.writeJSON` stores (`jswrap_storage.c`): Espruino's own notation, not JSON — keys
 * bare when they are identifiers or integers, strings with `\xHH`/`\0` escapes, no undefined
 * or functions (null in arrays), NaN as null, typed arrays as arrays.
 */
export function espruinoNotation(value: unknown, key = ""): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
    case "bigint":
      return String(value);
    case "string":
      return quoteString(value);
  }
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === "function") {
    return espruinoNotation(Reflect.apply(object.toJSON, object, [key]), key);
  }
  if (
    ArrayBuffer.isView(object) || Object.prototype.toString.call(object) === "[object ArrayBuffer]"
  ) {
    return `[${flattenToBytes([object]).join(",")}]`;
  }
  if (Array.isArray(object)) {
    return `[${object.map((item, i) => espruinoNotation(item, String(i)) ?? "null").join(",")}]`;
  }
  const fields: string[] = [];
  for (const [name, item] of Object.entries(object)) {
    const text = espruinoNotation(item, name);
    if (text !== undefined) {
      fields.push(`${IDENTIFIER.test(name) ? name : quoteString(name)}:${text}`);
    }
  }
  return `{${fields.join(",")}}`;
}

/** Creates the `require("Storage")` object over `files` (shared across reboots). */
export function storageModule(files: Map<string, string>, realm: Realm): object {
  // Espruino cuts names to 28 characters; an empty name is stored but never listed.
  const checkName = (name: unknown): string => String(name).slice(0, MAX_NAME);
  const toText = (data: unknown): string =>
    typeof data === "string" ? data : bytesToBinary(flattenToBytes([data]));
  const used = () => {
    let total = 0;
    for (const [name, data] of files) total += name.length + data.length + 32;
    return total;
  };

  return realm.object({
    read(name: unknown, offset?: unknown, length?: unknown): string | undefined {
      const data = files.get(checkName(name));
      if (data === undefined) return undefined;
      const start = typeof offset === "number" ? offset : 0;
      const end = typeof length === "number" ? start + length : undefined;
      return data.slice(start, end);
    },
    readJSON(name: unknown, noExceptions?: unknown): unknown {
      const data = files.get(checkName(name));
      if (data === undefined) return undefined;
      try {
        return espruinoJsonParse(data, jsonHooks(realm), true);
      } catch (error) {
        if (noExceptions) return undefined;
        throw error;
      }
    },
    readArrayBuffer(name: unknown): ArrayBuffer | undefined {
      const data = files.get(checkName(name));
      if (data === undefined) return undefined;
      return realm.arrayBuffer(binaryToBytes(data) ?? flattenToBytes([data]));
    },
    write(name: unknown, data: unknown, offset?: unknown, size?: unknown): boolean {
      const key = checkName(name);
      const text = toText(data);
      if (typeof offset !== "number" || (offset === 0 && size === undefined)) {
        files.set(key, text);
        return true;
      }
      // A sized first write reserves the file (unwritten bytes read as 0xFF, like flash).
      let current = files.get(key);
      if (current === undefined || typeof size === "number") {
        current = "\xff".repeat(typeof size === "number" ? size : offset + text.length);
      }
      if (offset + text.length > current.length) {
        throw realm.error("Too much data for file size");
      }
      files.set(key, current.slice(0, offset) + text + current.slice(offset + text.length));
      return true;
    },
    writeJSON(name: unknown, data: unknown): boolean {
      files.set(checkName(name), espruinoNotation(data) ?? "undefined");
      return true;
    },
    erase(name: unknown): void {
      files.delete(checkName(name));
    },
    eraseAll(): void {
      files.clear();
    },
    list(pattern?: unknown): string[] {
      let names = [...files.keys()].filter((name) => name !== "");
      if (pattern instanceof realm.intrinsics.RegExp) {
        names = names.filter((n) => (pattern as RegExp).test(n));
      } else if (typeof pattern === "string") {
        names = names.filter((n) => n.includes(pattern));
      }
      return realm.clone(names);
    },
    getFree(): number {
      return STORAGE_BYTES - used();
    },
    getStats(): object {
      const fileBytes = used();
      return realm.clone({
        totalBytes: STORAGE_BYTES,
        freeBytes: STORAGE_BYTES - fileBytes,
        fileBytes,
        fileCount: files.size,
        trashBytes: 0,
        trashCount: 0,
      });
    },
    compact(): void {},
  });
}
