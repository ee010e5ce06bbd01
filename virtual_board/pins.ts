/**
 * GPIO pins of the virtual ESP32: `digitalWrite`, `digitalRead`, `digitalPulse`, `pinMode`,
 * `getPinMode` and the `Pin` class with `D0`…`D39`, `LED1` (= D2) and `BTN1` (= D0).
 *
 * `digitalPulse` plays on a hardware timer on the device, so its transitions are recorded at
 * the times computed when it was called, whatever the JavaScript thread does afterwards.
 *
 * @module
 */

import type { Realm } from "./realm.ts";
import { markPin } from "./realm.ts";

/** One recorded change of a pin's output level. */
export interface PinTransition {
  /** Pin name, e.g. `"D2"`. */
  pin: string;
  /** New level. */
  value: 0 | 1;
  /** Milliseconds since the board was first booted. */
  time: number;
}

/** Pin changes Espruino's utility timer can hold at once (UTILTIMERTASK_TASKS). */
export const TIMER_TASKS = 16;
/** Number of GPIOs the ESP32 port exposes (D0…D39). */
const PIN_COUNT = 40;
/** Aliases the ESP32 board file defines. */
const ALIASES: Record<string, number> = { LED1: 2, BTN1: 0 };

interface PinState {
  level: 0 | 1;
  mode: string;
  modeSet: boolean;
  /** Future levels scheduled by digitalPulse, in time order. */
  scheduled: { time: number; value: 0 | 1 }[];
}

/** The pin hardware; survives reboots (its log does too, its levels and schedules do not). */
export class Pins {
  #states: PinState[] = [];
  #log: PinTransition[] = [];
  #now: () => number;

  /**
   * All pins start as inputs at level 0.
   *
   * @param now Milliseconds since the board was first booted.
   */
  constructor(now: () => number) {
    this.#now = now;
    for (let i = 0; i < PIN_COUNT; i++) {
      this.#states.push({ level: 0, mode: "input", modeSet: false, scheduled: [] });
    }
  }

  /** Pin number for a name like `"D2"` or `"LED1"`, or undefined. */
  static numberOf(name: string): number | undefined {
    if (name in ALIASES) return ALIASES[name];
    const match = /^D(\d+)$/.exec(name);
    const n = match ? Number(match[1]) : NaN;
    return n >= 0 && n < PIN_COUNT ? n : undefined;
  }

  /** Applies scheduled levels that are due. */
  #settle(now = this.#now()): void {
    this.#states.forEach((state, pin) => {
      while (state.scheduled.length > 0 && state.scheduled[0].time <= now) {
        const next = state.scheduled.shift()!;
        this.#apply(pin, next.value, next.time);
      }
    });
  }

  #apply(pin: number, value: 0 | 1, time: number): void {
    const state = this.#states[pin];
    if (state.level === value) return;
    state.level = value;
    this.#log.push({ pin: `D${pin}`, value, time });
  }

  /** Every transition so far, in time order, optionally of one pin (`"D2"` or `"LED1"`). */
  log(pin?: string): PinTransition[] {
    this.#settle();
    const name = pin === undefined ? undefined : `D${Pins.numberOf(pin) ?? pin}`;
    return this.#log
      .filter((entry) => name === undefined || entry.pin === name)
      .sort((a, b) => a.time - b.time)
      .map((entry) => ({ ...entry }));
  }

  /** Hardware reset: pending pulses dropped, every pin back to an input at level 0. */
  reset(): void {
    this.#settle();
    const now = this.#now();
    this.#states.forEach((state, pin) => {
      state.scheduled = [];
      this.#apply(pin, 0, now);
      state.mode = "input";
      state.modeSet = false;
    });
  }

  /** Drives a pin (an input without an explicit mode becomes an output, as on Espruino). */
  write(pin: number, value: boolean): void {
    this.#settle();
    const state = this.#states[pin];
    if (!state.modeSet) state.mode = "output";
    this.#apply(pin, value ? 1 : 0, this.#now());
  }

  /** The pin's level now, pending pulses included. */
  read(pin: number): 0 | 1 {
    this.#settle();
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
   * Espruino's `jshPinPulse`: if the pin has no pending pulse it goes to `value` now, and in
   * either case the opposite level is scheduled `ms` after the last scheduled change. A time of
   * 0 waits (blocking) until every pending pulse has finished. When the utility timer already
   * holds {@linkcode TIMER_TASKS} changes, the call blocks until the next one has happened.
   */
  pulse(pin: number, value: boolean, ms: number, wait: (ms: number) => void): void {
    this.#settle();
    const state = this.#states[pin];
    if (ms <= 0) {
      const last = Math.max(
        0,
        ...this.#states.map((s) => s.scheduled[s.scheduled.length - 1]?.time ?? 0),
      );
      const remaining = last - this.#now();
      if (remaining > 0) wait(remaining);
      this.#settle();
      return;
    }
    if (!state.modeSet) state.mode = "output";
    let start: number;
    if (state.scheduled.length > 0) {
      start = state.scheduled[state.scheduled.length - 1].time;
    } else {
      start = this.#now();
      this.#apply(pin, value ? 1 : 0, start);
    }
    // Espruino waits (blocking JavaScript) for a free slot in the timer queue.
    for (;;) {
      const pending = this.#states.flatMap((s) => s.scheduled.slice(0, 1).map((e) => e.time));
      const count = this.#states.reduce((n, s) => n + s.scheduled.length, 0);
      if (count < TIMER_TASKS) break;
      wait(Math.max(0, Math.min(...pending) - this.#now()) + 0.01);
      this.#settle();
    }
    state.scheduled.push({ time: start + ms, value: value ? 0 : 1 });
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
    let level = Boolean(value);
    if (typeof time === "number") {
      if (!(time >= 0)) {
        throw realm.error("Pulse Time given for digitalPulse is less than 0, or not a number");
      }
      pins.pulse(n, level, time, wait);
    } else if (Array.isArray(time) || ArrayBuffer.isView(time)) {
      for (const t of Array.from(time as ArrayLike<unknown>)) {
        const ms = Number(t);
        if (ms >= 0) pins.pulse(n, level, ms, wait);
        level = !level;
      }
    } else {
      throw realm.error(`Expecting a number or array, got ${typeof time}`);
    }
  };
  globals.pinMode = (pin: unknown, mode: unknown) => {
    pins.mode(toNumber(pin), mode === undefined ? undefined : String(mode));
  };
  globals.getPinMode = (pin: unknown) => pins.getMode(toNumber(pin));
  return globals;
}
