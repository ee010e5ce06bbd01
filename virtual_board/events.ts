/**
 * Espruino's event model for the virtual board: every object has `on`, `emit`,
 * `removeListener` and `removeAllListeners` (Espruino puts them on `Object.prototype`), `emit`
 * queues the listeners for the idle loop instead of calling them at once, and errors thrown by
 * listeners go to the board's uncaught-error handling.
 *
 * @module
 */

import type { Realm } from "./realm.ts";

/** A listener or callback supplied by the firmware. */
export type Listener = (...args: unknown[]) => unknown;

/** How events reach the firmware: calls guarded by the board's error handling. */
export interface EventHooks {
  /** Calls `fn`; an exception is reported as uncaught (never thrown to the caller). */
  invoke(fn: Listener, thisArg: unknown, args: unknown[]): void;
  /** Runs `task` on a later turn of the idle loop. */
  queue(task: () => void): void;
}

/** Espruino's `emit` passes at most this many arguments. */
const MAX_EMIT_ARGS = 4;

/** Listener lists of every object, kept outside the objects like Espruino's hidden `#on…`. */
export class EventRegistry {
  #listeners = new WeakMap<object, Map<string, Listener[]>>();
  #hooks: EventHooks;

  /** An empty registry delivering through `hooks`. */
  constructor(hooks: EventHooks) {
    this.#hooks = hooks;
  }

  /** Adds a listener. */
  on(target: object, event: string, listener: Listener): void {
    let map = this.#listeners.get(target);
    if (!map) {
      map = new Map();
      this.#listeners.set(target, map);
    }
    const list = map.get(event) ?? [];
    list.push(listener);
    map.set(event, list);
  }

  /** Removes one listener. */
  removeListener(target: object, event: string, listener: Listener): void {
    const list = this.#listeners.get(target)?.get(event);
    if (!list) return;
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  }

  /** Removes every listener of `event`, or of every event. */
  removeAllListeners(target: object, event?: string): void {
    if (event === undefined) this.#listeners.delete(target);
    else this.#listeners.get(target)?.delete(event);
  }

  /** The listeners of `event` (a copy). */
  listeners(target: object, event: string): Listener[] {
    return [...(this.#listeners.get(target)?.get(event) ?? [])];
  }

  /** Calls the listeners now; returns whether there were any. */
  emitNow(target: object, event: string, args: unknown[]): boolean {
    const list = this.listeners(target, event);
    for (const listener of list) this.#hooks.invoke(listener, target, args);
    return list.length > 0;
  }

  /** Calls the listeners on a later turn of the idle loop, as Espruino's `emit` does. */
  emitQueued(target: object, event: string, args: unknown[]): void {
    this.#hooks.queue(() => this.emitNow(target, event, args));
  }

  /** Puts `on`/`emit`/`removeListener`/`removeAllListeners` on the realm's Object.prototype. */
  install(realm: Realm, warn: (message: string) => void): void {
    const on = (target: object, event: unknown, listener: unknown) => {
      if (typeof listener !== "function") {
        throw realm.error(`Expecting a function, got ${typeof listener}`, "TypeError");
      }
      this.on(target, String(event), listener as Listener);
    };
    const emit = (target: object, event: unknown, args: unknown[]) => {
      if (args.length > MAX_EMIT_ARGS) {
        warn("WARNING: Too many arguments");
        args = args.slice(0, MAX_EMIT_ARGS);
      }
      this.emitQueued(target, String(event), args);
    };
    const remove = (target: object, event: unknown, listener: unknown) =>
      this.removeListener(target, String(event), listener as Listener);
    const removeAll = (target: object, event: unknown) =>
      this.removeAllListeners(target, event === undefined ? undefined : String(event));
    // Plain functions: they receive the object they are called on as `this`.
    const methods: Record<string, Listener> = {
      on(this: object, event: unknown, listener: unknown) {
        on(this, event, listener);
      },
      emit(this: object, event: unknown, ...args: unknown[]) {
        emit(this, event, args);
      },
      removeListener(this: object, event: unknown, listener: unknown) {
        remove(this, event, listener);
      },
      removeAllListeners(this: object, event?: unknown) {
        removeAll(this, event);
      },
    };
    const proto = realm.intrinsics.Object.prototype;
    for (const [name, fn] of Object.entries(methods)) {
      Object.defineProperty(proto, name, {
        value: fn,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  }
}

/**
 * Espruino's idle loop for queued work: tasks run in order, one host task each, after the
 * current JavaScript has returned.
 */
export class IdleQueue {
  #tasks: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  /** Queues a task. */
  push(task: () => void): void {
    if (this.#closed) return;
    this.#tasks.push(task);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#tasks.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const task = this.#tasks.shift();
      this.#schedule();
      task?.();
    }, 0);
  }

  /** Drops pending tasks and refuses new ones. */
  close(): void {
    this.#closed = true;
    this.#tasks = [];
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
