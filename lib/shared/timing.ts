/**
 * Moments of a rating's way through the background, for the benchmark's split of `rating_to_tag` (scripts/bench/sync.ts
 * reads them from the worker). Test builds only: `MODE` is a compile-time constant, so a production build keeps no
 * trace of them. At most the last 200, each a name and a time on the machine's clock (ms since the epoch).
 */
export type TimingMark = "rate-received" | "outbox-saved" | "flush-started" | "write-started" | "call-sent";

export interface Timing {
  name: TimingMark;
  at: number;
}

const keep = 200;

export function markTiming(name: TimingMark): void {
  if (import.meta.env.MODE !== "test") return;
  const scope = globalThis as { __srhTimings?: Timing[] };
  scope.__srhTimings ??= [];
  scope.__srhTimings.push({ name, at: performance.timeOrigin + performance.now() });
  if (scope.__srhTimings.length > keep) scope.__srhTimings.splice(0, scope.__srhTimings.length - keep);
}

/** The side panel's own moments, as Performance marks of its page (scripts/bench/sidepanel.ts reads them). */
export type PanelMark = "srh-panel-script-started" | "srh-panel-rendered";

/** Marks a moment of the side panel's load: test builds only, like markTiming. */
export function markPanel(name: PanelMark): void {
  if (import.meta.env.MODE === "test") performance.mark(name);
}
