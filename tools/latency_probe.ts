/**
 * The machine's own scheduling stalls, measured beside a benchmark: how late
 * a real-time thread on each CPU wakes up. It tells a late LED edge caused by
 * the machine (a virtual machine whose CPU the host took away for a few
 * milliseconds) from one caused by the firmware or the interpreter.
 *
 * It runs `cyclictest` (Debian's `rt-tests`) with one thread per CPU at the
 * same real-time priority as the interpreter's utility-timer thread
 * (SCHED_FIFO 1), waking every millisecond, and records every wake-up later
 * than a threshold with its CLOCK_MONOTONIC time: the clock of the
 * interpreter's pin log.
 *
 * @example
 * ```ts
 * import { startLatencyProbe, stallNear } from "./latency_probe.ts";
 * const probe = await startLatencyProbe({ thresholdMs: 2 });
 * // … run the benchmark …
 * const result = await probe?.stop();
 * const late = result && stallNear(result.stalls, 1234567.891);
 * ```
 * @module
 */

/** One late wake-up of the probe. */
export interface Stall {
  /** The probe's thread (one per CPU). */
  thread: number;
  /** When it woke, CLOCK_MONOTONIC milliseconds (as in the pin log). */
  atMs: number;
  /** How late it woke, milliseconds: the machine ran nothing of ours for about that long. */
  lateMs: number;
}

/** What the probe saw. */
export interface ProbeResult {
  /** Every wake-up later than the threshold, in time order. */
  stalls: Stall[];
  /** The latest wake-up of all, milliseconds. */
  worstMs: number;
  /** Wake-ups measured. */
  samples: number;
}

/** A running probe. */
export interface LatencyProbe extends AsyncDisposable {
  /** Stops it (once; later calls return the same result) and returns what it saw. */
  stop(): Promise<ProbeResult>;
}

/** Settings of {@linkcode startLatencyProbe}. */
export interface LatencyProbeOptions {
  /** Wake-ups later than this are recorded, milliseconds (default 2). */
  thresholdMs?: number;
  /** The program (default `cyclictest` on the PATH). */
  command?: string;
}

/** Reads cyclictest's output (`-q` summary lines and `--spike` records). */
export function parseCyclictest(text: string): ProbeResult {
  const stalls: Stall[] = [];
  let worstUs = 0;
  let samples = 0;
  for (const line of text.split("\n")) {
    const spike = /^T:\s*(\d+)\s+Spike:\s*(\d+):\s*TS:\s*(\d+)/.exec(line);
    if (spike) {
      stalls.push({
        thread: Number(spike[1]),
        lateMs: Number(spike[2]) / 1000,
        atMs: Number(spike[3]) / 1000,
      });
      continue;
    }
    const summary = /^T:\s*\d+\s.*\bC:\s*(\d+).*\bMax:\s*(\d+)/.exec(line);
    if (summary) {
      samples += Number(summary[1]);
      worstUs = Math.max(worstUs, Number(summary[2]));
    }
  }
  stalls.sort((a, b) => a.atMs - b.atMs);
  return { stalls, worstMs: worstUs / 1000, samples };
}

/**
 * The stall during which something that happened at `atMs` (CLOCK_MONOTONIC ms) may have been
 * held up, or undefined: one whose probe woke within `slackMs` after it, having been kept from
 * running since before it.
 */
export function stallNear(stalls: readonly Stall[], atMs: number, slackMs = 1): Stall | undefined {
  return stalls.find((s) => atMs >= s.atMs - s.lateMs - slackMs && atMs <= s.atMs + slackMs);
}

/** Why an LED edge was off its place: see {@linkcode edgeCauses}. */
export type EdgeCause = "stall" | "carried" | undefined;

/** Settings of {@linkcode edgeCauses}. */
export interface EdgeCauseOptions {
  /** Edges off by more than this are classified, ms (default 2). */
  overMs?: number;
  /** How long before an early edge the late one may be: the queue's horizon, ms (default 3000). */
  carryMs?: number;
  /** How closely the two amounts must agree, ms (default 0.5). */
  toleranceMs?: number;
}

/**
 * Classifies each edge off its place by more than `overMs`:
 * - `"stall"`: late, at a machine stall (the utility timer's thread could not run);
 * - `"carried"`: early by what an edge at a stall in the `carryMs` before it was late. Espruino's
 *   src/jstimer.c sets its base time to when a late interrupt actually ran, so tasks added after
 *   it (the blinker tops up its queue every 100 ms) play early by that much;
 * - undefined: on time, or off for a reason of its own.
 */
export function edgeCauses(
  edges: readonly { time: number; deviationMs: number }[],
  stalls: readonly Stall[],
  options: EdgeCauseOptions = {},
): EdgeCause[] {
  const overMs = options.overMs ?? 2;
  const carryMs = options.carryMs ?? 3000;
  const toleranceMs = options.toleranceMs ?? 0.5;
  const causes: EdgeCause[] = [];
  for (let i = 0; i < edges.length; i++) {
    const { time, deviationMs } = edges[i];
    let cause: EdgeCause;
    if (deviationMs > overMs && stallNear(stalls, time)) cause = "stall";
    else if (deviationMs < -overMs) {
      for (let j = i - 1; j >= 0 && edges[j].time >= time - carryMs; j--) {
        if (causes[j] === "stall" && Math.abs(edges[j].deviationMs + deviationMs) <= toleranceMs) {
          cause = "carried";
          break;
        }
      }
    }
    causes.push(cause);
  }
  return causes;
}

/**
 * Starts the probe, or returns undefined (saying why on stderr) when cyclictest is missing or may
 * not use real-time priority.
 */
export async function startLatencyProbe(
  options: LatencyProbeOptions = {},
): Promise<LatencyProbe | undefined> {
  const thresholdUs = Math.round((options.thresholdMs ?? 2) * 1000);
  const args = ["-m", "-S", "-p", "1", "-i", "1000", "-q"];
  args.push(`--spike=${thresholdUs}`, "--spike-nodes=100000");
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(options.command ?? "cyclictest", {
      args,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    console.error(
      "latency probe: cyclictest not found (apt-get install rt-tests): " +
        "machine stalls are not measured",
    );
    return undefined;
  }
  const output = child.output();
  // It fails at once without the right to real-time priority.
  const early = await Promise.race([output, new Promise((r) => setTimeout(r, 500, undefined))]);
  if (early) {
    const result = early as Deno.CommandOutput;
    console.error(
      "latency probe: cyclictest stopped: " + new TextDecoder().decode(result.stderr).trim(),
    );
    return undefined;
  }
  let stopped: Promise<ProbeResult> | undefined;
  const stop = () => {
    if (!stopped) {
      child.kill("SIGINT");
      stopped = output.then((result) => parseCyclictest(new TextDecoder().decode(result.stdout)));
    }
    return stopped;
  };
  return {
    stop,
    async [Symbol.asyncDispose]() {
      await stop();
    },
  };
}
