import { readFileSync } from "node:fs";
import { sleep } from "./stats";

/**
 * Waits until the machine is quiet: the CPU (all cores, /proc/stat) at most `busyAtMost` busy over two windows of
 * `windowMs` in a row, or `timeoutMs` passed. A figure then measures our code, not the previous figure's browser
 * shutting down or the shared browser still starting. Where /proc/stat cannot be read, returns at once.
 */
export interface Quiet {
  waitedMs: number;
  /** The last window's busy share (0–1), null where it could not be read. */
  busy: number | null;
}

function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/u).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return Number.isFinite(total) && total > 0 ? { busy: total - idle, total } : null;
  } catch {
    return null;
  }
}

export async function waitForQuiet(options: { busyAtMost?: number; windowMs?: number; timeoutMs?: number } = {}): Promise<Quiet> {
  const { busyAtMost = 0.25, windowMs = 300, timeoutMs = 15_000 } = options;
  const started = Date.now();
  let before = cpuTimes();
  if (!before) return { waitedMs: 0, busy: null };
  let quietWindows = 0;
  let busy = 1;
  while (quietWindows < 2 && Date.now() - started < timeoutMs) {
    await sleep(windowMs);
    const after = cpuTimes();
    if (!after) return { waitedMs: Date.now() - started, busy: null };
    busy = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    quietWindows = busy <= busyAtMost ? quietWindows + 1 : 0;
    before = after;
  }
  return { waitedMs: Date.now() - started, busy };
}
