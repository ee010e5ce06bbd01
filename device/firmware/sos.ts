/**
 * The SOS on the LED, played by Espruino's hardware timer so that nothing the
 * JavaScript does (a blocking connect, a message flood) can stall it.
 *
 * `digitalPulse(pin, value, [a, b, …])` queues one utility-timer task per
 * element, and each call chains after the pin's last queued task. The queue
 * holds only 16 tasks on ESP32, and a call that finds it full busy-waits (and
 * can fail with "Timeout on Utility Timer"), so the blinker never queues a
 * whole cycle at once: a JavaScript timer tops the queue up, one symbol at a
 * time, keeping at most {@linkcode MAX_QUEUED_ELEMENTS} elements ahead — about
 * two seconds of blinking that runs on even while JavaScript is blocked.
 *
 * Each call is `[gap before the symbol, symbol]` starting with the LED off,
 * so a queue that runs dry leaves the LED off (a longer pause), never stuck
 * on. A cycle is: pause, dot, gap, dot, gap, dot, gap, dash, … dot.
 *
 * @module
 */

import type { SosPattern } from "./config.ts";

export type { SosPattern };

/** Queued elements at most; two below the ESP32's 16 utility-timer tasks. */
export const MAX_QUEUED_ELEMENTS = 14;

const SYMBOLS = "...---...";

/** One cycle as `[off, on]` pairs: pause then dot, gap then dot, …, gap then the last dot. */
export function sosSteps(pattern: SosPattern): number[][] {
  const steps: number[][] = [];
  for (let i = 0; i < SYMBOLS.length; i++) {
    steps.push([
      i === 0 ? pattern.pauseMs : pattern.offMs,
      SYMBOLS.charAt(i) === "." ? pattern.dotOnMs : pattern.dashOnMs,
    ]);
  }
  return steps;
}

/** Length of one cycle in milliseconds. */
export function cycleMs(pattern: SosPattern): number {
  let total = 0;
  const steps = sosSteps(pattern);
  for (let i = 0; i < steps.length; i++) total += steps[i][0] + steps[i][1];
  return total;
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

/** A running blinker. */
export interface Blinker {
  /** Timings from the next cycle on. */
  setPattern(pattern: SosPattern): void;
  /** Stops or resumes blinking at the next symbol; when stopped the LED is off. */
  setEnabled(enabled: boolean): void;
  /** Whether it is blinking. */
  enabled(): boolean;
  /** Cycles completed. */
  cycles(): number;
  /** Stops the timer; queued pulses still play out. */
  stop(): void;
}

/** How often the queue is topped up: well under the 2 s it holds. */
const TOP_UP_MS = 100;

/** Starts blinking at once and returns the controls. */
export function startBlinker(options: BlinkerOptions): Blinker {
  const pin = options.pin;
  const off = options.activeLow;
  let steps = sosSteps(options.pattern);
  let nextSteps = steps;
  let step = 0;
  // End times (ms) of queued elements and of queued cycles, oldest first.
  const ends: number[] = [];
  const cycleEnds: number[] = [];
  let lastEnd = 0;
  let cycles = 0;
  let enabled = true;
  let idle = false;

  digitalWrite(pin, off);
  const topUp = () => {
    const now = getTime() * 1000;
    while (ends.length > 0 && ends[0] <= now) ends.shift();
    while (cycleEnds.length > 0 && cycleEnds[0] <= now) {
      cycleEnds.shift();
      cycles++;
      try {
        options.onCycle(cycles);
      } catch (error) {
        options.onError(error);
      }
    }
    if (!enabled) {
      // The pin rests at its "off" level after the last queued pair; make that explicit once.
      if (ends.length === 0 && !idle) {
        digitalWrite(pin, off);
        idle = true;
      }
      return;
    }
    // An empty queue means the next pulse starts now, not where the last one ended.
    if (ends.length === 0) lastEnd = now;
    while (ends.length + 2 <= MAX_QUEUED_ELEMENTS) {
      const pair = steps[step];
      digitalPulse(pin, off, pair);
      lastEnd += pair[0];
      ends.push(lastEnd);
      lastEnd += pair[1];
      ends.push(lastEnd);
      step++;
      if (step === steps.length) {
        step = 0;
        cycleEnds.push(lastEnd);
        steps = nextSteps;
      }
    }
  };
  topUp();
  const timer = setInterval(topUp, TOP_UP_MS);
  return {
    setPattern(pattern: SosPattern) {
      nextSteps = sosSteps(pattern);
      if (step === 0) steps = nextSteps;
    },
    setEnabled(on: boolean) {
      if (on && !enabled) {
        step = 0;
        steps = nextSteps;
        idle = false;
      }
      enabled = on;
    },
    enabled: () => enabled,
    cycles: () => cycles,
    stop() {
      clearInterval(timer);
    },
  };
}
