/**
 * GPIO pins of the virtual ESP32: `digitalWrite`, `digitalRead`, `digitalPulse`, `pinMode`,
 * `getPinMode` and the `Pin` class with `D0`…`D39`, `LED1` (= D2) and `BTN1` (= D0).
 *
 * `digitalPulse` plays on Espruino's utility timer (a hardware timer on the device), ported
 * from `src/jstimer.c` with its quirks: its transitions happen at the timer's times whatever
 * the JavaScript thread does, and its 16 slots are freed only by the idle loop.
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

/** Task slots of Espruino's utility timer (UTILTIMERTASK_TASKS); the ring holds one fewer. */
export const TIMER_TASKS = 16;
/** How long a full utility-timer queue is waited for before "Timeout on Utility Timer" (ms). */
export const DEFAULT_TIMER_WAIT_MS = 400;
/** Number of GPIOs the ESP32 port exposes (D0…D39). */
const PIN_COUNT = 40;
/** Aliases the ESP32 board file defines. */
const ALIASES: Record<string, number> = { LED1: 2, BTN1: 0 };

interface PinState {
  level: 0 | 1;
  mode: string;
  modeSet: boolean;
}

/** A slot of the utility timer (`UtilTimerTask` of a pin-setting `UET_SET` task). */
interface TimerTask {
  /** `UET_NONE` (free) or `UET_SET`. */
  used: boolean;
  /** `UET_FINISHED`: played, but the slot is only freed by the idle loop. */
  finished: boolean;
  /** When it is due, relative to when the timer was last set (ms). */
  time: number;
  pin: number;
  value: 0 | 1;
}

/**
 * Espruino 2v29's utility timer (`src/jstimer.c`), ported statement by statement so that its
 * behaviours come out as on the device: a pulse appended to a running train is late by the
 * time since the timer last fired (`utilTimerInsertTask` adds `timePassed`); a finished pulse
 * keeps its slot until the idle loop runs; when the queue stays full longer than the wait,
 * "Timeout on Utility Timer" is raised, the next insert wraps the ring (the queued pulses are
 * lost) and their slots stay taken until `reset()`. The timer "interrupt" runs at its exact
 * times, computed lazily whenever the pins are looked at.
 */
class UtilityTimer {
  readonly tasks: TimerTask[] = [];
  readonly ring: number[] = new Array(TIMER_TASKS).fill(0);
  head = 0;
  tail = 0;
  on = false;
  period = 0;
  setTime = 0;
  offset = 0;
  /** The exception a wait raised (Espruino raises it when the native call returns). */
  error: string | undefined;
  /**
   * The instant of the native call in progress: `digitalPulse` takes microseconds on the device,
   * so a host hiccup between two of its inserts must not count as time passed (only its waits do).
   */
  callTime: number | undefined;

  constructor(
    readonly now: () => number,
    readonly output: (pin: number, value: 0 | 1, time: number) => void,
  ) {
    for (let i = 0; i < TIMER_TASKS; i++) {
      this.tasks.push({ used: false, finished: false, time: 0, pin: 0, value: 0 });
    }
  }

  /** Now, as the native code sees it. */
  clock(): number {
    return this.callTime ?? this.now();
  }

  /** Runs the timer interrupt for every time it fired up to `now`. */
  advance(now = this.clock()): void {
    while (this.on && this.setTime + this.period <= now) {
      this.#interrupt(this.setTime + this.period);
    }
  }

  /** `jstUtilTimerInterruptHandler` at time `at`. */
  #interrupt(at: number): void {
    this.setTime = at;
    for (let t = this.tail; t !== this.head; t = (t + 1) & (TIMER_TASKS - 1)) {
      this.tasks[this.ring[t]].time -= this.period;
    }
    this.offset += this.period;
    while (this.tail !== this.head && this.tasks[this.ring[this.tail]].time <= 0) {
      const task = this.tasks[this.ring[this.tail]];
      this.output(task.pin, task.value, at);
      task.finished = true; // UET_SET sends EVC_TIMER_FINISHED: freed by the idle loop
      this.tail = (this.tail + 1) & (TIMER_TASKS - 1);
    }
    if (this.tail !== this.head) {
      this.period = Math.max(0, this.tasks[this.ring[this.tail]].time);
    } else {
      this.on = false;
    }
  }

  /** The idle loop handles EVC_TIMER_FINISHED: finished slots become free. */
  idle(): void {
    this.advance();
    for (const task of this.tasks) {
      if (task.finished) {
        task.used = false;
        task.finished = false;
      }
    }
  }

  isFull(): boolean {
    return ((this.head + 1) & (TIMER_TASKS - 1)) === this.tail;
  }

  /** `WAIT_UNTIL`: blocks the thread until `condition` holds or the wait runs out. */
  waitUntil(condition: () => boolean, reason: string, waitMs: number, block: (ms: number) => void) {
    const deadline = this.clock() + waitMs;
    for (;;) {
      this.advance();
      if (condition()) return;
      const now = this.clock();
      if (now > deadline) {
        this.error ??= `Timeout on ${reason}`;
        return;
      }
      const next = this.on ? this.setTime + this.period : Infinity;
      const target = Math.min(next, deadline + 0.05);
      block(Math.max(0.05, target - this.now()));
      // The device's busy-wait notices the interrupt at once; the host wakes up later.
      if (this.callTime !== undefined) this.callTime = Math.min(this.now(), target);
    }
  }

  /** The last queued task of a pin (`jstGetLastPinTimerTask`). */
  lastTaskOf(pin: number): TimerTask | undefined {
    for (
      let p = (this.head + TIMER_TASKS - 1) & (TIMER_TASKS - 1);
      p !== ((this.tail + TIMER_TASKS - 1) & (TIMER_TASKS - 1));
      p = (p + TIMER_TASKS - 1) & (TIMER_TASKS - 1)
    ) {
      if (this.head === this.tail) break;
      const task = this.tasks[this.ring[p]];
      if (task.used && !task.finished && task.pin === pin) return task;
    }
    return undefined;
  }

  /** `utilTimerInsertTask` (the `assert` that the ring is not full is compiled out). */
  insert(index: number, timerOffset: number | undefined): void {
    const task = this.tasks[index];
    const now = this.clock();
    if (timerOffset !== undefined) task.time += timerOffset - this.offset;
    const timePassed = this.on ? now - this.setTime : 0;
    let insertPos = this.tail;
    while (
      insertPos !== this.head && this.tasks[this.ring[insertPos]].time < task.time + timePassed
    ) {
      insertPos = (insertPos + 1) & (TIMER_TASKS - 1);
    }
    const haveChangedTimer = insertPos === this.tail;
    for (let i = this.head; i !== insertPos;) {
      const next = (i + TIMER_TASKS - 1) & (TIMER_TASKS - 1);
      this.ring[i] = this.ring[next];
      i = next;
    }
    this.head = (this.head + 1) & (TIMER_TASKS - 1);
    if (haveChangedTimer) {
      for (let i = this.tail; i !== this.head; i = (i + 1) & (TIMER_TASKS - 1)) {
        const queued = this.tasks[this.ring[i]];
        queued.time = queued.time > timePassed ? queued.time - timePassed : 0;
      }
    } else {
      task.time += timePassed;
    }
    this.ring[insertPos] = index;
    if (!this.on || haveChangedTimer) {
      this.on = true;
      // jstRestartUtilTimer
      this.period = Math.max(0, this.tasks[this.ring[this.tail]].time);
      this.setTime = now;
    }
  }

  /** `jstPinOutputAtTime`: false when no slot is free (the pulse is dropped). */
  outputAt(
    time: number,
    timerOffset: number,
    pin: number,
    value: 0 | 1,
    waitMs: number,
    block: (ms: number) => void,
  ): boolean {
    this.waitUntil(() => !this.isFull(), "Utility Timer", waitMs, block);
    const index = this.tasks.findIndex((task) => !task.used);
    if (index < 0) return false;
    Object.assign(this.tasks[index], { used: true, finished: false, time, pin, value });
    this.insert(index, timerOffset);
    return true;
  }

  /** `jstReset`. */
  reset(now: number): void {
    this.on = false;
    this.head = this.tail = 0;
    for (const task of this.tasks) Object.assign(task, { used: false, finished: false });
    this.offset = 0;
    this.period = 0;
    this.setTime = now;
    this.error = undefined;
  }
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
    timer.callTime = this.#now();
    try {
      return this.#pulse(pin, value, times, block);
    } finally {
      timer.callTime = undefined;
    }
  }

  #pulse(
    pin: number,
    value: boolean,
    times: number[] | "wait",
    block: (ms: number) => void,
  ): string | undefined {
    const timer = this.#timer;
    timer.advance();
    timer.error = undefined;
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
        timer.outputAt(time, timerOffset, pin, level ? 0 : 1, this.timerWaitMs, block);
      }
      level = !level;
    }
    return timer.error;
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
    if (typeof time === "number") {
      if (!(time >= 0)) problem = "Pulse Time is less than 0 or not a number";
      else times = time > 0 ? [time] : "wait";
    } else if (typeof time === "string") {
      // Espruino iterates a string's characters as numbers: their char codes.
      times = Array.from(time, (ch) => ch.charCodeAt(0));
    } else if (Array.isArray(time) || ArrayBuffer.isView(time)) {
      times = Array.from(time as ArrayLike<unknown>, (t) => Number(t));
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
