/**
 * Espruino's timers: `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval` and
 * `changeInterval` with the device's quirks — ids start at 1 and are reused (a new id is one
 * more than the highest live id), `clearTimeout(undefined)` throws while `clearTimeout()`
 * clears every timer, clearing an unknown id throws "Unknown Timeout", intervals keep their
 * phase (no drift), and a throwing callback is reported without stopping its interval.
 *
 * @module
 */

import type { Listener } from "./events.ts";
import type { Realm } from "./realm.ts";

/** What the timers need from the board. */
export interface TimerHooks {
  /** The boot's context, for its errors. */
  realm: Realm;
  /** Calls `fn`, reporting an exception as uncaught. */
  invoke(fn: Listener, thisArg: unknown, args: unknown[]): void;
  /** Runs a string callback (`setTimeout("code", ms)`). */
  evalString(code: string): void;
}

interface Timer {
  id: number;
  callback: Listener | string;
  args: unknown[];
  /** Period in ms, for intervals. */
  interval?: number;
  /** When it is due, in `performance.now()` milliseconds. */
  due: number;
  handle?: ReturnType<typeof setTimeout>;
}

/** Espruino's shortest timer period, in ms. */
const MIN_INTERVAL = 0.1;

/** The timers of one boot. */
export class Timers {
  #timers = new Map<number, Timer>();
  #hooks: TimerHooks;
  #stopped = false;

  /** No timers yet. */
  constructor(hooks: TimerHooks) {
    this.#hooks = hooks;
  }

  /** Number of live timers. */
  get size(): number {
    return this.#timers.size;
  }

  #nextId(): number {
    let max = 0;
    for (const id of this.#timers.keys()) max = Math.max(max, id);
    return max + 1;
  }

  #add(callback: unknown, ms: unknown, args: unknown[], repeat: boolean): number {
    if (typeof callback !== "function" && typeof callback !== "string") {
      throw this.#hooks.realm.error("Function or String not supplied!");
    }
    let period = Number(ms);
    if (!(period >= MIN_INTERVAL)) period = MIN_INTERVAL;
    const timer: Timer = {
      id: this.#nextId(),
      callback: callback as Listener | string,
      args,
      interval: repeat ? period : undefined,
      due: performance.now() + period,
    };
    this.#timers.set(timer.id, timer);
    this.#arm(timer);
    return timer.id;
  }

  #arm(timer: Timer): void {
    if (this.#stopped) return;
    const wait = Math.max(0, timer.due - performance.now());
    timer.handle = setTimeout(() => this.#fire(timer), wait);
  }

  #fire(timer: Timer): void {
    timer.handle = undefined;
    if (this.#timers.get(timer.id) !== timer) return;
    if (timer.interval !== undefined) {
      // Next period counts from when this one was due, not from now: no drift.
      timer.due += timer.interval;
      this.#arm(timer);
    } else {
      this.#timers.delete(timer.id);
    }
    if (typeof timer.callback === "string") this.#hooks.evalString(timer.callback);
    else this.#hooks.invoke(timer.callback, undefined, timer.args);
  }

  #clear(args: unknown[], kind: "Timeout" | "Interval"): void {
    if (args.length === 0) {
      this.clearAll();
      return;
    }
    const id = args[0];
    if (id === undefined) {
      throw this.#hooks.realm.error(
        `clear${kind}(undefined) not allowed. Use clear${kind}() instead to clear all timers`,
      );
    }
    const timer = typeof id === "number" ? this.#timers.get(id) : undefined;
    if (!timer) throw this.#hooks.realm.error(`Unknown ${kind}`);
    this.#timers.delete(timer.id);
    if (timer.handle !== undefined) clearTimeout(timer.handle);
  }

  /** Removes every timer. */
  clearAll(): void {
    for (const timer of this.#timers.values()) {
      if (timer.handle !== undefined) clearTimeout(timer.handle);
    }
    this.#timers.clear();
  }

  /** Clears everything and ignores later calls (end of this boot). */
  stop(): void {
    this.#stopped = true;
    this.clearAll();
  }

  /** The functions the firmware sees as globals. */
  globals(): Record<string, Listener> {
    return {
      setTimeout: (callback: unknown, ms: unknown, ...args: unknown[]) =>
        this.#add(callback, ms, args, false),
      setInterval: (callback: unknown, ms: unknown, ...args: unknown[]) =>
        this.#add(callback, ms, args, true),
      clearTimeout: (...args: unknown[]) => this.#clear(args, "Timeout"),
      clearInterval: (...args: unknown[]) => this.#clear(args, "Interval"),
      changeInterval: (id: unknown, ms: unknown) => {
        const timer = typeof id === "number" ? this.#timers.get(id) : undefined;
        if (!timer) throw this.#hooks.realm.error("Unknown Interval");
        let period = Number(ms);
        if (!(period >= MIN_INTERVAL)) period = MIN_INTERVAL;
        timer.interval = period;
        timer.due = performance.now() + period;
        if (timer.handle !== undefined) clearTimeout(timer.handle);
        this.#arm(timer);
      },
    };
  }
}
