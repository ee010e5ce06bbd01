/**
 * GPIO pins of the virtual ESP32: `digitalWrite`, `digitalRead`, `digitalPulse`, `pinMode`,
 * `getPinMode` and the `Pin` class with `D0`…`D39`, `LED1` (= D2) and `BTN1` (= D0).
 *
 * `digitalPulse` and `require("timer")` (`timer_module.ts`) play on Espruino's utility timer
 * (a hardware timer on the device), ported from `src/jstimer.c` with its quirks
 * (`utility_timer.ts`): transitions happen at the timer's times whatever the JavaScript thread
 * does, and its 16 slots are freed only by the idle loop.
 *
 * @module
 */

import type { Realm } from "./realm.ts";
import { markPin } from "./realm.ts";
import { type TaskInfo, timerMs, UET_SET, UtilityTimer } from "./utility_timer.ts";

/** One recorded change of a pin's output level. */
export interface PinTransition {
  /** Pin name, e.g. `"D2"`. */
  pin: string;
  /** New level. */
  value: 0 | 1;
  /** Milliseconds since the board was first booted. */
  time: number;
}

/** How long a full utility-timer queue is waited for before "Timeout on Utility Timer" (ms). */
export const DEFAULT_TIMER_WAIT_MS = 400;
/** Number of GPIOs the ESP32 port exposes (D0…D39). */
export const PIN_COUNT = 40;
/** Aliases the ESP32 board file defines. */
const ALIASES: Record<string, number> = { LED1: 2, BTN1: 0 };

interface PinState {
  level: 0 | 1;
  mode: string;
  modeSet: boolean;
}

/** A `require("timer").add({type: "SET", …})` task, its fields read as the C code reads them. */
export interface SetTask {
  /** `pin`…`pin4` (undefined where not given or not a pin). */
  pins: (number | undefined)[];
  /** Bit j is the level of `pins[j]`. */
  value: number;
  /** Delay from now, in ms. */
  time: number;
  /** Repeat period in ms, 0 for none. */
  interval: number;
}

/** The pin hardware; survives reboots (its log does too, its levels and the timer do not). */
export class Pins {
  #states: PinState[] = [];
  #log: PinTransition[] = [];
  #now: () => number;
  #timer: UtilityTimer;
  /** How long a full utility-timer queue is waited for (ms). */
  timerWaitMs = DEFAULT_TIMER_WAIT_MS;

  /**
   * All pins start as inputs at level 0.
   *
   * @param now Milliseconds since the board was first booted.
   */
  constructor(now: () => number) {
    this.#now = now;
    this.#timer = new UtilityTimer(now, (pin, value, time) => this.#apply(pin, value, time));
    for (let i = 0; i < PIN_COUNT; i++) {
      this.#states.push({ level: 0, mode: "input", modeSet: false });
    }
  }

  /** Pin number for a name like `"D2"` or `"LED1"`, or undefined. */
  static numberOf(name: string): number | undefined {
    if (name in ALIASES) return ALIASES[name];
    const match = /^D(\d+)$/.exec(name);
    const n = match ? Number(match[1]) : NaN;
    return n >= 0 && n < PIN_COUNT ? n : undefined;
  }

  #apply(pin: number, value: 0 | 1, time: number): void {
    const state = this.#states[pin];
    if (state.level === value) return;
    state.level = value;
    this.#log.push({ pin: `D${pin}`, value, time });
  }

  /** Every transition so far, in time order, optionally of one pin (`"D2"` or `"LED1"`). */
  log(pin?: string): PinTransition[] {
    this.#timer.advance();
    const name = pin === undefined ? undefined : `D${Pins.numberOf(pin) ?? pin}`;
    return this.#log
      .filter((entry) => name === undefined || entry.pin === name)
      .sort((a, b) => a.time - b.time)
      .map((entry) => ({ ...entry }));
  }

  /** The idle loop ran: pulses that finished free their utility-timer slots. */
  idle(): void {
    this.#timer.idle();
  }

  /** Hardware reset: the utility timer emptied, every pin back to an input at level 0. */
  reset(): void {
    this.#timer.advance();
    const now = this.#now();
    this.#timer.reset(now);
    this.#states.forEach((state, pin) => {
      this.#apply(pin, 0, now);
      state.mode = "input";
      state.modeSet = false;
    });
  }

  /** Drives a pin (an input without an explicit mode becomes an output, as on Espruino). */
  write(pin: number, value: boolean): void {
    this.#timer.advance();
    const state = this.#states[pin];
    if (!state.modeSet) state.mode = "output";
    this.#apply(pin, value ? 1 : 0, this.#now());
  }

  /** The pin's level now, pending pulses included. */
  read(pin: number): 0 | 1 {
    this.#timer.advance();
    return this.#states[pin].level;
  }

  /** Sets the mode (`"output"`, `"input_pullup"`, …); undefined or `"auto"` lets writes decide. */
  mode(pin: number, mode: string | undefined): void {
    const state = this.#states[pin];
    if (mode === undefined || mode === "auto") {
      state.modeSet = false;
      return;
    }
    state.mode = mode;
    state.modeSet = true;
  }

  /** The pin's mode. */
  getMode(pin: number): string {
    return this.#states[pin].mode;
  }

  /**
   * `jswrap_io_digitalPulse` after its argument checks: unless the pin has a queued pulse it
   * goes to `value` now; each time in `times` then queues the opposite level after the
   * previous one (0 and NaN are skipped but still toggle the level). `wait` set (a time of 0)
   * blocks until the utility timer is idle. Returns the exception a wait raised, if any
   * ("Timeout on Utility Timer"), which the caller throws.
   */
  pulse(
    pin: number,
    value: boolean,
    times: number[] | "wait",
    block: (ms: number) => void,
  ): string | undefined {
    const timer = this.#timer;
    return timer.native(() => {
      const timerOffset = timer.offset;
      const last = timer.lastTaskOf(pin);
      let time = last ? last.time : 0;
      const state = this.#states[pin];
      if (!state.modeSet) state.mode = "output";
      if (!last) this.#apply(pin, value ? 1 : 0, timer.clock());
      if (times === "wait") {
        timer.waitUntil(() => !timer.on, "Utility Timer", this.timerWaitMs, block);
        return timer.error;
      }
      let level = value;
      for (const ms of times) {
        if (ms > 0) {
          time += ms;
          // jstPinOutputAtTime: dropped when no slot is free even after waiting
          const index = timer.unusedIndex({ waitMs: this.timerWaitMs, block });
          if (index >= 0) {
            const pins = [pin];
            Object.assign(timer.tasks[index], {
              type: UET_SET,
              time,
              interval: 0,
              pins,
              value: level ? 0 : 1,
            });
            timer.insert(index, timerOffset);
          }
        }
        level = !level;
      }
      return timer.error;
    });
  }

  /**
   * `jswrap_timer_add` for a `SET` task once its options are read: waits for room in the queue
   * (up to the wait), takes the first free slot and inserts the task `time` ms from now. Returns
   * the slot, or -1 when none is free, and the exception a wait raised.
   */
  addTimerTask(task: SetTask, block: (ms: number) => void): { id: number; error?: string } {
    const timer = this.#timer;
    return timer.native(() => {
      const id = timer.unusedIndex({ waitMs: this.timerWaitMs, block });
      if (id >= 0) {
        Object.assign(timer.tasks[id], {
          type: UET_SET,
          time: timerMs(task.time),
          interval: timerMs(task.interval, { unsigned: true }),
          pins: task.pins,
          value: task.value & 0xff,
        });
        timer.insert(id, undefined);
      }
      return { id, error: timer.error };
    });
  }

  /** `jswrap_timer_remove`: false if the task was not queued (an id out of range included). */
  removeTimerTask(id: number): boolean {
    const timer = this.#timer;
    if (!(Number.isInteger(id) && id >= 0 && id < timer.tasks.length)) return false;
    return timer.native(() => timer.remove(id));
  }

  /** `jswrap_timer_get`: the slot's task, or undefined when it is free. */
  timerTask(id: number): TaskInfo | undefined {
    const timer = this.#timer;
    return timer.native(() => timer.describe(id));
  }

  /** Number of utility-timer slots (`require("timer").list()` looks at each). */
  get timerSlots(): number {
    return this.#timer.tasks.length;
  }
}

/** Creates the board's pin globals (`Pin`, `D0`…, `LED1`, `digitalWrite`, …). */
export function pinGlobals(
  pins: Pins,
  realm: Realm,
  wait: (ms: number) => void,
): Record<string, unknown> {
  const objects: object[] = [];
  const toNumber = (value: unknown): number => {
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < PIN_COUNT) {
      return value;
    }
    if (typeof value === "string" && Pins.numberOf(value) !== undefined) {
      return Pins.numberOf(value)!;
    }
    if (typeof value === "object" && value !== null) {
      const index = objects.indexOf(value);
      if (index >= 0) return index;
    }
    throw realm.error(`Invalid pin: ${String(value)}`, "TypeError");
  };

  // `Pin(2)` and `new Pin(2)` both give the board's D2 object.
  const Pin = function (this: unknown, value: unknown) {
    return objects[toNumber(value)];
  } as unknown as { prototype: Record<string, unknown> };
  const proto = realm.object({
    read(this: object) {
      return pins.read(toNumber(this)) === 1;
    },
    write(this: object, value: unknown) {
      pins.write(toNumber(this), Boolean(value));
    },
    set(this: object) {
      pins.write(toNumber(this), true);
    },
    reset(this: object) {
      pins.write(toNumber(this), false);
    },
    toggle(this: object) {
      const pin = toNumber(this);
      const next = pins.read(pin) === 0;
      pins.write(pin, next);
      return next;
    },
    mode(this: object, mode: unknown) {
      pins.mode(toNumber(this), mode === undefined ? undefined : String(mode));
    },
    getMode(this: object) {
      return pins.getMode(toNumber(this));
    },
    getInfo(this: object) {
      return realm.clone({ port: "D", num: toNumber(this) });
    },
    toString(this: object) {
      return `D${toNumber(this)}`;
    },
    valueOf(this: object) {
      return toNumber(this);
    },
  });
  Pin.prototype = proto;
  Object.defineProperty(proto, "constructor", { value: Pin, enumerable: false });

  const globals: Record<string, unknown> = { Pin };
  for (let i = 0; i < PIN_COUNT; i++) {
    const object = Object.create(proto) as object;
    markPin(object);
    objects.push(object);
    globals[`D${i}`] = object;
  }
  for (const [alias, n] of Object.entries(ALIASES)) globals[alias] = objects[n];

  const writeMany = (list: unknown[], value: number) => {
    // The last pin is the least significant bit; Espruino sets it first.
    for (let i = list.length - 1, bit = 0; i >= 0; i--, bit++) {
      pins.write(toNumber(list[i]), ((value >> bit) & 1) === 1);
    }
  };
  globals.digitalWrite = (pin: unknown, value: unknown) => {
    if (Array.isArray(pin)) writeMany(pin, Number(value));
    else pins.write(toNumber(pin), Boolean(Number(value)));
  };
  globals.digitalRead = (pin: unknown) => {
    if (!Array.isArray(pin)) return pins.read(toNumber(pin));
    let result = 0;
    for (const p of pin) result = (result << 1) | pins.read(toNumber(p));
    return result;
  };
  globals.digitalPulse = (pin: unknown, value: unknown, time: unknown) => {
    const n = toNumber(pin);
    // The pin is set (unless a pulse is queued) before the times are checked, as on Espruino.
    let times: number[] | "wait" = [];
    let problem: string | undefined;
    // A boolean is numeric to Espruino (jsvIsNumeric); any object is iterable (its values).
    if (typeof time === "number" || typeof time === "boolean") {
      const ms = Number(time);
      if (!(ms >= 0)) problem = "Pulse Time is less than 0 or not a number";
      else times = ms > 0 ? [ms] : "wait";
    } else if (typeof time === "string") {
      // Espruino iterates a string's characters as numbers: their char codes.
      times = Array.from(time, (ch) => ch.charCodeAt(0));
    } else if (Array.isArray(time) || ArrayBuffer.isView(time)) {
      times = Array.from(time as ArrayLike<unknown>, (t) => Number(t));
    } else if (time !== null && typeof time === "object") {
      times = Object.values(time).map((t) => Number(t));
    } else {
      problem = `Expecting Number or Array, got ${time === null ? "null" : typeof time}`;
    }
    const error = pins.pulse(n, Boolean(value), times, wait);
    if (problem) throw realm.error(problem);
    if (error) throw realm.error(error, "InternalError");
  };
  globals.pinMode = (pin: unknown, mode: unknown) => {
    pins.mode(toNumber(pin), mode === undefined ? undefined : String(mode));
  };
  globals.getPinMode = (pin: unknown) => pins.getMode(toNumber(pin));
  return globals;
}
