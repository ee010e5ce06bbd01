/**
 * The SOS on the LED, played by Espruino's utility timer (a hardware timer on
 * the ESP32) so that nothing the JavaScript does (a blocking connect, a
 * message flood) can stall it while pulses are queued.
 *
 * It relies only on what Espruino 2v29's `src/jstimer.c` does exactly (see
 * docs/firmware.md for the source behind each point):
 * - every edge is one `require("timer").add({type: "SET", …})` task whose time
 *   is computed from an absolute schedule (`getTime()` at the call), so a task
 *   added while others run is inserted at its own time. `digitalPulse` is
 *   NOT used: pulses it appends to a running train are late by the time since
 *   the timer last fired.
 * - at most {@linkcode MAX_QUEUED_EDGES} edges are queued, below the 15 the
 *   16-slot queue holds, so adding never waits and never times out ("Timeout
 *   on Utility Timer" loses the whole queue).
 * - a fired edge frees its slot only when the idle loop runs: `add` then
 *   returns -1 and the edge is simply added at the next top-up.
 * - edges go in as (on, off) pairs, the "off" first: the queue always ends
 *   with the LED off, so if the JavaScript is blocked longer than the queue
 *   lasts, the LED rests off and the pattern resumes later (shifted), never
 *   garbled or stuck on.
 *
 * @module
 */

import type { SosPattern } from "./config.ts";

export type { SosPattern };

/**
 * Edges queued ahead at most: one below the 15 tasks the utility timer's
 * queue holds (16 slots, one kept empty), so an add never waits for room.
 */
export const MAX_QUEUED_EDGES = 14;

/** How often the queue is topped up: far less than the ~2 s it holds. */
const TOP_UP_MS = 100;

/**
 * An edge is never queued sooner than this ahead: it must not be in the past
 * when it is added, even if the board is busy between reading the clock and
 * adding it.
 */
const LEAD_MS = 50;

const SYMBOLS = "...---...";

/** The part of `require("timer")` (Espruino 2v29+) the blinker uses. */
interface TimerModule {
  add(task: { type: "SET"; pin: Pin; value: number; time: number }): number;
  remove(id: number): boolean;
  list(): { id: number; finished?: boolean }[];
}

/** Settings of {@linkcode startBlinker}. */
export interface BlinkerOptions {
  /** The LED's pin. */
  pin: Pin;
  /** True when the LED lights with the pin low. */
  activeLow: boolean;
  /** Timings of the first cycle. */
  pattern: SosPattern;
  /** Called after each complete cycle with the number of cycles so far. */
  onCycle: (cycles: number) => void;
  /** Reports an error thrown by `onCycle`; the blinker goes on. */
  onError: (error: unknown) => void;
}

/** A running blinker: its state as fields (fewer closures: each costs the board 7 variables). */
export interface Blinker {
  /** Cycles completed. */
  cycles: number;
  /** Whether it is blinking. */
  enabled: boolean;
  /** The timings of the next cycle. */
  pattern: SosPattern;
  /** Timings from the next cycle on. */
  setPattern(pattern: SosPattern): void;
  /** Stops after the symbol being played (LED off), or resumes with a new cycle. */
  setEnabled(enabled: boolean): void;
}

/** Starts blinking at once, for as long as the board runs, and returns the controls. */
export function startBlinker(options: BlinkerOptions): Blinker {
  // Built into Espruino since 2v29; `deno task flash` warns when a board lacks it.
  const timer = (require as unknown as (name: string) => TimerModule)("timer");
  const pin = options.pin;
  const off = options.activeLow ? 1 : 0;
  // The timings being queued; `blinker.pattern` holds those of the next cycle.
  let pattern = options.pattern;
  // Queued pairs, oldest first, flat: on time, off time, on task id, off task id.
  const queued: number[] = [];
  // End times of queued cycles (their last "off" edge).
  const cycleEnds: number[] = [];
  let at = getTime() * 1000 + LEAD_MS; // when the next symbol lights
  let symbol = 0;
  let refused = 0;

  // Makes the pin an output, off.
  digitalWrite(pin, off);

  const add = (value: number, time: number) =>
    timer.add({ type: "SET", pin: pin, value: value, time: time - getTime() * 1000 });

  const topUp = () => {
    let now = getTime() * 1000;
    while (queued.length > 0 && queued[1] <= now) queued.splice(0, 4);
    let ended = 0;
    while (cycleEnds.length > 0 && cycleEnds[0] <= now) {
      cycleEnds.shift();
      ended++;
    }
    let pending = 0;
    for (let i = 0; i < queued.length; i += 4) pending += queued[i] > now ? 2 : 1;
    while (blinker.enabled && pending + 2 <= MAX_QUEUED_EDGES) {
      // Never an edge in the past: after the JavaScript was blocked beyond the
      // queue, the LED rests off and the pattern goes on from now (shifted).
      now = getTime() * 1000;
      if (at < now + LEAD_MS) at = now + LEAD_MS;
      const onMs = SYMBOLS.charAt(symbol) === "." ? pattern.dotOnMs : pattern.dashOnMs;
      const offId = add(off, at + onMs);
      const onId = offId < 0 ? -1 : add(1 - off, at);
      if (onId < 0) {
        if (offId >= 0) timer.remove(offId);
        // Slots of fired edges are freed by the idle loop; should that never
        // happen (an event lost), free them here rather than stop blinking.
        if (++refused > 20 && pending < 4) {
          const tasks = timer.list();
          for (let i = 0; i < tasks.length; i++) {
            if (tasks[i] && tasks[i].finished) timer.remove(tasks[i].id);
          }
        }
        break;
      }
      refused = 0;
      queued.push(at, at + onMs, onId, offId);
      pending += 2;
      at += onMs;
      if (++symbol < SYMBOLS.length) {
        at += pattern.offMs;
      } else {
        cycleEnds.push(at);
        symbol = 0;
        pattern = blinker.pattern;
        at += pattern.pauseMs;
      }
    }
    // Last, as they may take long (a connect blocks): the edges are queued already.
    for (; ended > 0; ended--) {
      try {
        options.onCycle(++blinker.cycles);
      } catch (error) {
        options.onError(error);
      }
    }
  };

  const blinker: Blinker = {
    cycles: 0,
    enabled: true,
    pattern: pattern,
    setPattern(next: SosPattern) {
      blinker.pattern = next;
      if (symbol === 0) pattern = next;
    },
    setEnabled(on: boolean) {
      if (on === blinker.enabled) return;
      blinker.enabled = on;
      const now = getTime() * 1000 + LEAD_MS;
      if (on) {
        symbol = 0;
        pattern = blinker.pattern;
        // After the symbol still playing, if any, and a pause.
        const lastOff = queued.length > 0 ? queued[queued.length - 3] + pattern.pauseMs : 0;
        at = Math.max(now, lastOff);
        return topUp();
      }
      // Unqueue every pair that has not lit yet; a lit one finishes (LED off).
      for (let i = queued.length - 4; i >= 0 && queued[i] > now; i -= 4) {
        timer.remove(queued[i + 2]);
        timer.remove(queued[i + 3]);
        queued.splice(i, 4);
      }
      while (cycleEnds.length > 0 && cycleEnds[cycleEnds.length - 1] > now) cycleEnds.pop();
    },
  };
  topUp();
  setInterval(topUp, TOP_UP_MS);
  return blinker;
}
