/**
 * Espruino 2v29's utility timer (`src/jstimer.c`), the 16-slot task queue behind
 * `digitalPulse` and `require("timer")`, ported statement by statement so that its behaviours
 * come out as on the device (a hardware timer there, a real-time thread on the Linux build).
 *
 * @module
 */

/** Task slots of Espruino's utility timer (UTILTIMERTASK_TASKS); the ring holds one fewer. */
export const TIMER_TASKS = 16;
/** Pins one `UET_SET` task can set (UTILTIMERTASK_PIN_COUNT). */
export const TASK_PIN_COUNT = 8;

/** `UtilTimerEventType`: a free slot. */
export const UET_NONE = 0;
/** `UtilTimerEventType`: set pins to a value. */
export const UET_SET = 2;
/** `UET_FINISHED`, ORed into a played or removed task until the idle loop frees its slot. */
export const UET_FINISHED = 16;

/** A slot of the utility timer (`UtilTimerTask`). Only `UET_SET` tasks are modelled. */
export interface TimerTask {
  /** `UET_NONE`, `UET_SET`, possibly ORed with `UET_FINISHED`. */
  type: number;
  /** When it is due, in ms relative to when the timer was last set (32-bit µs on the device). */
  time: number;
  /** Repeat period in ms (`repeatInterval`), 0 for a one-off task. */
  interval: number;
  /** Pins to set, in order; the first `undefined` ends the list. */
  pins: (number | undefined)[];
  /** Bit j is the level of `pins[j]` (a `uint8_t`). */
  value: number;
}

/** What `require("timer").get(id)` reports of a slot, before it becomes a JavaScript object. */
export interface TaskInfo {
  /** The slot. */
  id: number;
  /** The `value` of a `SET` task (also once finished). */
  value?: number;
  /** The pins of a `SET` task that has not finished. */
  pins?: number[];
  /** Played or removed, but not yet freed by the idle loop. */
  finished?: true;
  /** `"SET"`, or the raw type number for a type the C code has no name for. */
  type: string | number;
  /** ms until it fires, counted from when the timer was last serviced. */
  time: number;
  /** Repeat period in ms, when it repeats. */
  interval?: number;
}

/**
 * `(int)jshGetTimeFromMilliseconds(ms)` (or `(unsigned int)` for an interval) as the Linux
 * build computes it, back in ms: truncated to whole µs, the 64-bit value cut to 32 bits (so
 * times beyond ±35 min wrap), NaN and infinities (64-bit INT64_MIN on x86) giving 0.
 */
export function timerMs(ms: number, options: { unsigned?: boolean } = {}): number {
  const us = Math.trunc(ms * 1000);
  if (!Number.isFinite(us) || Math.abs(us) >= 2 ** 63) return 0;
  const big = BigInt(us);
  return Number(options.unsigned ? BigInt.asUintN(32, big) : BigInt.asIntN(32, big)) / 1000;
}

/**
 * `jstUtilTimerInterruptHandler` and friends. Its behaviours: a pulse appended by
 * `digitalPulse` to a running train is late by the time since the timer last fired
 * (`utilTimerInsertTask` adds `timePassed` to a task given a timer offset); a finished or removed
 * `SET` task keeps its slot until the idle loop runs; when the queue stays full longer than the
 * wait, "Timeout on Utility Timer" is raised, the next insert wraps the ring (the queued tasks
 * are lost) and their slots stay taken until `reset()`. The timer "interrupt" runs at its exact
 * times, computed lazily whenever the pins or the queue are looked at.
 */
export class UtilityTimer {
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
   * The instant of the native call in progress: a native call takes microseconds on the
   * device, so a host hiccup between two of its inserts must not count as time passed (only its
   * waits do).
   */
  callTime: number | undefined;

  /**
   * @param now The board's clock in ms.
   * @param output Sets a pin's level at a time on that clock.
   */
  constructor(
    readonly now: () => number,
    readonly output: (pin: number, value: 0 | 1, time: number) => void,
  ) {
    for (let i = 0; i < TIMER_TASKS; i++) {
      this.tasks.push({ type: UET_NONE, time: 0, interval: 0, pins: [], value: 0 });
    }
  }

  /** Now, as the native code sees it. */
  clock(): number {
    return this.callTime ?? this.now();
  }

  /**
   * Runs `call` as one native call: the clock stands still except while it waits, the timer is
   * brought up to date first and a previous call's exception is forgotten.
   */
  native<T>(call: () => T): T {
    this.callTime = this.now();
    try {
      this.advance();
      this.error = undefined;
      return call();
    } finally {
      this.callTime = undefined;
    }
  }

  /** Runs the timer interrupt for every time it fired up to `now`. */
  advance(now = this.clock()): void {
    while (this.on && this.setTime + this.period <= now) {
      this.#interrupt(this.setTime + this.period);
    }
  }

  /** `jstUtilTimerInterruptHandler` at time `at`. */
  #interrupt(at: number): void {
    const mask = TIMER_TASKS - 1;
    this.setTime = at;
    for (let t = this.tail; t !== this.head; t = (t + 1) & mask) {
      this.tasks[this.ring[t]].time -= this.period;
    }
    this.offset += this.period;
    while (this.tail !== this.head && this.tasks[this.ring[this.tail]].time <= 0) {
      const id = this.ring[this.tail];
      const task = this.tasks[id];
      if (task.type === UET_SET) {
        for (let j = 0; j < TASK_PIN_COUNT; j++) {
          const pin = task.pins[j];
          if (pin === undefined) break;
          this.output(pin, ((task.value >> j) & 1) as 0 | 1, at);
        }
      }
      if (task.interval) {
        task.time = timerMs(task.time + task.interval);
        // the C code's in-place bubble pass that keeps the ring in time order
        for (
          let ta = this.tail, tb = (ta + 1) & mask;
          tb !== this.head;
          ta = tb, tb = (tb + 1) & mask
        ) {
          if (this.tasks[this.ring[ta]].time > this.tasks[this.ring[tb]].time) {
            [this.ring[ta], this.ring[tb]] = [this.ring[tb], this.ring[ta]];
          }
        }
      } else {
        this.#taskIsFinished(id);
        this.tail = (this.tail + 1) & mask;
      }
    }
    if (this.tail !== this.head) {
      this.period = Math.max(0, this.tasks[this.ring[this.tail]].time);
    } else {
      this.on = false;
    }
  }

  /**
   * `jstUtilTimerTaskIsFinished`: a `UET_SET` task sends EVC_TIMER_FINISHED (without the stepper
   * timer, `UET_IS_STEPPER` is `UET_SET`), so it is flagged and freed by the idle loop; anything
   * else, a task already flagged included, is freed at once.
   */
  #taskIsFinished(id: number): void {
    const task = this.tasks[id];
    if (task.type === UET_SET) task.type |= UET_FINISHED;
    else task.type = UET_NONE;
  }

  /** The idle loop handles EVC_TIMER_FINISHED (`jstOnCustomEvent`): flagged slots become free. */
  idle(): void {
    this.advance();
    for (const task of this.tasks) {
      if (task.type & UET_FINISHED) task.type = UET_NONE;
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

  /** `utilTimerGetUnusedIndex`: the first free slot, or -1; with `wait`, first waits for room. */
  unusedIndex(wait: { waitMs: number; block: (ms: number) => void } | undefined): number {
    if (wait) this.waitUntil(() => !this.isFull(), "Utility Timer", wait.waitMs, wait.block);
    return this.tasks.findIndex((task) => task.type === UET_NONE);
  }

  /** The last queued `UET_SET` task that sets `pin` (`jstGetLastPinTimerTask`). */
  lastTaskOf(pin: number): TimerTask | undefined {
    const mask = TIMER_TASKS - 1;
    if (this.head === this.tail) return undefined;
    const end = (this.tail + mask) & mask;
    for (let p = (this.head + mask) & mask; p !== end; p = (p + mask) & mask) {
      const task = this.tasks[this.ring[p]];
      if (task.type !== UET_SET) continue;
      for (const taskPin of task.pins) {
        if (taskPin === undefined) break;
        if (taskPin === pin) return task;
      }
    }
    return undefined;
  }

  /** `utilTimerInsertTask` (the `assert` that the ring is not full is compiled out). */
  insert(index: number, timerOffset: number | undefined): void {
    const mask = TIMER_TASKS - 1;
    const task = this.tasks[index];
    const now = this.clock();
    if (timerOffset !== undefined) task.time += timerOffset - this.offset;
    const timePassed = this.on ? now - this.setTime : 0;
    let insertPos = this.tail;
    while (
      insertPos !== this.head && this.tasks[this.ring[insertPos]].time < task.time + timePassed
    ) {
      insertPos = (insertPos + 1) & mask;
    }
    const haveChangedTimer = insertPos === this.tail;
    for (let i = this.head; i !== insertPos;) {
      const next = (i + mask) & mask;
      this.ring[i] = this.ring[next];
      i = next;
    }
    this.head = (this.head + 1) & mask;
    if (haveChangedTimer) {
      for (let i = this.tail; i !== this.head; i = (i + 1) & mask) {
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

  /**
   * `utilTimerRemoveTask`: flags the task finished (a `SET` task already flagged, or a free
   * slot, is freed at once) and takes it out of the queue; false if it was not queued.
   */
  remove(id: number): boolean {
    const mask = TIMER_TASKS - 1;
    this.#taskIsFinished(id);
    if (this.head === this.tail) return false;
    const end = (this.tail + mask) & mask;
    for (let ptr = (this.head + mask) & mask; ptr !== end; ptr = (ptr + mask) & mask) {
      if (this.ring[ptr] !== id) continue;
      this.tasks[id].type |= UET_FINISHED;
      for (let next = (ptr + mask) & mask; next !== end; next = (ptr + mask) & mask) {
        this.ring[ptr] = this.ring[next];
        ptr = next;
      }
      this.tail = (this.tail + 1) & mask;
      return true;
    }
    return false;
  }

  /** `jswrap_timer_get`'s view of a slot; undefined for a free slot or an id out of range. */
  describe(id: number): TaskInfo | undefined {
    if (!(id >= 0 && id < TIMER_TASKS)) return undefined;
    const task = this.tasks[id];
    if (task.type === UET_NONE) return undefined;
    const base = task.type & (UET_FINISHED - 1);
    // Keys in the order the C code adds them (they print in that order).
    const info: Partial<TaskInfo> = { id };
    if (base === UET_SET) info.value = task.value;
    if (task.type === UET_SET) {
      info.pins = task.pins.filter((pin): pin is number => pin !== undefined);
    }
    if (task.type & UET_FINISHED) info.finished = true;
    info.type = base === UET_SET ? "SET" : task.type;
    // The device keeps whole µs.
    info.time = Math.round(task.time * 1000) / 1000;
    if (task.interval) info.interval = Math.round(task.interval * 1000) / 1000;
    return info as TaskInfo;
  }

  /** `jstReset`. */
  reset(now: number): void {
    this.on = false;
    this.head = this.tail = 0;
    for (const task of this.tasks) task.type = UET_NONE;
    this.offset = 0;
    this.period = 0;
    this.setTime = now;
    this.error = undefined;
  }
}
