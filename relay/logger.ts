/**
 * Levelled log lines in plain text or JSON, one event per line.
 *
 * @example
 * ```ts
 * import { createLogger } from "./logger.ts";
 * const log = createLogger({ level: "info", format: "json" });
 * log.info("connect", { id: "esp32-1", remote: "10.0.0.7:51234" });
 * // {"time":"…","level":"info","event":"connect","id":"esp32-1","remote":"10.0.0.7:51234"}
 * ```
 * @module
 */

import type { LogFormat, LogLevel } from "./options.ts";

/** Fields attached to a log line; values are printed as they are, never secrets. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** Writes log lines at four levels. */
export interface Logger {
  /** Detail useful while debugging. */
  debug(event: string, fields?: LogFields): void;
  /** Normal operation: connects, disconnects. */
  info(event: string, fields?: LogFields): void;
  /** Something refused or dropped. */
  warn(event: string, fields?: LogFields): void;
  /** Something broke. */
  error(event: string, fields?: LogFields): void;
}

/** Settings of {@linkcode createLogger}. */
export interface LoggerOptions {
  /** Least severe level printed. */
  level: LogLevel;
  /** `text` (`time level event key=value …`) or `json` (one object a line). */
  format: LogFormat;
  /** Where lines go; defaults to standard error. */
  write?: (line: string) => void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

function textValue(value: string | number | boolean): string {
  const text = String(value);
  return /^[\w.:/@<>\[\]-]+$/.test(text) ? text : JSON.stringify(text);
}

/** Creates a logger that drops lines below the configured level. */
export function createLogger(options: LoggerOptions): Logger {
  const encoder = new TextEncoder();
  const write = options.write ??
    ((line: string) => Deno.stderr.writeSync(encoder.encode(line + "\n")));
  const threshold = RANK[options.level];
  const emit = (level: Exclude<LogLevel, "silent">, event: string, fields: LogFields = {}) => {
    if (RANK[level] < threshold) return;
    const time = new Date().toISOString();
    if (options.format === "json") {
      write(JSON.stringify({ time, level, event, ...fields }));
      return;
    }
    let line = `${time} ${level.toUpperCase().padEnd(5)} ${event}`;
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) line += ` ${key}=${textValue(value)}`;
    }
    write(line);
  };
  return {
    debug: (event, fields) => emit("debug", event, fields),
    info: (event, fields) => emit("info", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    error: (event, fields) => emit("error", event, fields),
  };
}
