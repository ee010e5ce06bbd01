/**
 * Reads a process's CPU time and memory from Linux `/proc`, for the relay
 * benchmark. Every figure covers all threads of the process.
 *
 * @example
 * ```ts
 * import { clockTicksPerSecond, readCpuTicks, readStatusKiB } from "./proc.ts";
 * const seconds = readCpuTicks(Deno.pid) / await clockTicksPerSecond();
 * const rssKiB = readStatusKiB(Deno.pid, "VmRSS");
 * console.log(seconds, rssKiB);
 * ```
 * @module
 */

let ticksPerSecond: number | undefined;

/**
 * The kernel's clock tick rate (`getconf CLK_TCK`), the unit of the CPU times
 * in `/proc/PID/stat`; 100 when `getconf` is missing, as on every common Linux.
 */
export async function clockTicksPerSecond(): Promise<number> {
  if (ticksPerSecond !== undefined) return ticksPerSecond;
  ticksPerSecond = 100;
  try {
    const out = await new Deno.Command("getconf", { args: ["CLK_TCK"], stderr: "null" }).output();
    const value = Number(new TextDecoder().decode(out.stdout).trim());
    if (out.success && Number.isInteger(value) && value > 0) ticksPerSecond = value;
  } catch {
    // No getconf: keep the usual 100.
  }
  return ticksPerSecond;
}

/** User plus system CPU time of a process so far, in clock ticks (utime + stime). */
export function readCpuTicks(pid: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: split after its last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
  return Number(fields[11]) + Number(fields[12]);
}

/** A memory line of `/proc/PID/status`. */
export type StatusField = "VmRSS" | "VmHWM";

/** A memory figure from `/proc/PID/status` in KiB: `VmRSS` now, or the peak `VmHWM`. */
export function readStatusKiB(pid: number, field: StatusField): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

/** Whole-machine CPU time from the first line of `/proc/stat`, in clock ticks. */
export interface SystemTicks {
  /** Time spent on anything but idle and I/O wait, all CPUs together. */
  busy: number;
  /** All time, all CPUs together. */
  total: number;
}

/** Reads whole-machine CPU time, to see how much other processes disturbed a measurement. */
export function readSystemTicks(): SystemTicks {
  const stat = Deno.readTextFileSync("/proc/stat");
  const values = stat.slice(0, stat.indexOf("\n")).trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  // Fields: user nice system idle iowait irq softirq steal.
  return { busy: total - values[3] - values[4], total };
}
