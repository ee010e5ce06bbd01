/**
 * Espruino's timers: `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval` and
 * `changeInterval` with the device's quirks — ids start at 1 and are reused (a new id is one
 * more than the last listed timer's), `clearTimeout(undefined)` throws while `clearTimeout()`
 * clears every timer, clearing an unknown id is ignored, due timers run in list order,
 * intervals keep their phase (no drift), and a throwing callback is reported without
 * stopping its interval.
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
  /** Blocks the thread for `ms` (to fire a timer on its exact time). */
  wait(ms: number): void;
}

interface Timer {
  id: number;
  callback: Listener | string;
  args: unknown[];
  /** Period in ms, for intervals. */
  interval?: number;
  /** When it is due, in `performance.now()` milliseconds. */
  due: number;
}

/** Espruino's shortest timer period, in ms. */
const MIN_INTERVAL = 0.1;
/**
 * The host timer wakes this early and the rest is waited out, so that timers fire on time to
 * a fraction of a millisecond like Espruino's (host timers alone are late by 1 ms or more).
 */
const EARLY_WAKE_MS = 2;

/**
 * The timers of one boot, kept like Espruino's timer list (`jsinteractive.c`): in the order
 * they were made; a new id is the last listed timer's id + 1 (a timeout stays listed while
 * its callback runs); each pass of the idle loop runs, in list order, every timer due when
 * the pass began, and starts again from the top when a callback changed the list.
 */
export class Timers {
  #timers = new Map<number, Timer>();
  #hooks: TimerHooks;
  #stopped = false;
  #changed = false;
  #handle: ReturnType<typeof setTimeout> | undefined;

  /** No timers yet. */
  constructor(hooks: TimerHooks) {
    this.#hooks = hooks;
  }

  /** Number of live timers. */
  get size(): number {
    return this.#timers.size;
  }

  #nextId(): number {
    let last = 0;
    for (const id of this.#timers.keys()) last = id;
    return last + 1;
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
    this.#changedList();
    return timer.id;
  }

  #changedList(): void {
    this.#changed = true;
    this.#arm();
  }

  /** Wakes the idle loop when the earliest timer is due. */
  #arm(): void {
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = undefined;
    if (this.#stopped || this.#timers.size === 0) return;
    let due = Infinity;
    for (const timer of this.#timers.values()) due = Math.min(due, timer.due);
    this.#handle = setTimeout(
      () => this.#pass(due),
      Math.max(0, due - performance.now() - EARLY_WAKE_MS),
    );
  }

  /** One pass of Espruino's timer loop. */
  #pass(due: number): void {
    this.#handle = undefined;
    const early = due - performance.now();
    if (early > 0) this.#hooks.wait(early);
    const passStart = performance.now();
    do {
      this.#changed = false;
      for (const timer of [...this.#timers.values()]) {
        if (this.#stopped || this.#changed) break;
        if (this.#timers.get(timer.id) !== timer || timer.due > passStart) continue;
        if (typeof timer.callback === "string") this.#hooks.evalString(timer.callback);
        else this.#hooks.invoke(timer.callback, undefined, timer.args);
        // The interval is read after the callback ran, in case it changed it.
        if (timer.interval !== undefined && this.#timers.get(timer.id) === timer) {
          timer.due += timer.interval; // from when it was due, not from now: no drift
        } else if (this.#timers.get(timer.id) === timer) {
          this.#timers.delete(timer.id);
        }
      }
    } while (this.#changed && !this.#stopped);
    this.#arm();
  }

  #clear(args: unknown[], kind: "Timeout" | "Interval"): void {
    if (args.length === 0) {
      this.clearAll();
      return;
    }
    const id = args[0];
    if (id === undefined) {
      throw this.#hooks.realm.error(
        `clear${kind}(undefined) not allowed. Use clear${kind}() instead`,
      );
    }
    // An unknown or already finished id is ignored.
    if (typeof id === "number" && this.#timers.delete(id)) this.#changedList();
  }

  /** Removes every timer. */
  clearAll(): void {
    this.#timers.clear();
    this.#changedList();
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
        this.#changedList();
      },
    };
  }
}
