import type { CDPSession } from "playwright-core";

/** The parts of a DevTools `Profiler.Profile` used here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileTotals {
  /** Wall time covered by the profile, ms. */
  wallMs: number;
  /** Samples in the profile. */
  samples: number;
  /** Median gap between samples (the interval really achieved), µs. */
  medianGapUs: number;
  /** Samples whose stack holds a frame from a URL starting with `urlPrefix`. */
  matchingSamples: number;
  /**
   * Time of those samples, ms: each sample lasts until the next one, but at most `gapCap` × the
   * median gap (a longer gap means the sampler thread itself was descheduled on a busy machine, so
   * nothing is known about it), scaled so that all samples together cover the wall time.
   */
  matchingMs: number;
  /** The same, each sample lasting until the next one however long that is (DevTools' view), ms. */
  matchingUncappedMs: number;
  /** Time of all non-idle samples (same estimator as matchingMs), ms. */
  busyMs: number;
  /** Heaviest leaf frames among the matching samples: "function file:line:column" → ms. */
  topFrames: [string, number][];
}

const idleFrames = new Set(["(idle)", "(program)", "(root)"]);

/** Sums the samples of a V8 CPU profile (DevTools Profiler.stop) whose stack contains a frame from `urlPrefix`. */
export function analyzeProfile(profile: CpuProfile, urlPrefix: string, gapCap = 3): ProfileTotals {
  const byId = new Map<number, CpuProfile["nodes"][number]>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const matchCache = new Map<number, boolean>();
  const matches = (id: number): boolean => {
    const cached = matchCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const parentId = parent.get(id);
    const result =
      node !== undefined && (node.callFrame.url.startsWith(urlPrefix) || (parentId !== undefined && matches(parentId)));
    matchCache.set(id, result);
    return result;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const wallUs = profile.endTime - profile.startTime;
  const sortedGaps = deltas.slice(1).sort((a, b) => a - b);
  const medianGapUs = sortedGaps[Math.floor(sortedGaps.length / 2)] ?? 0;
  const cap = medianGapUs * gapCap;
  // A sample stands for the time until the next one (the last one: until the end of the profile).
  const gap = (i: number) =>
    Math.max(0, i + 1 < samples.length ? (deltas[i + 1] ?? 0) : profile.endTime - profile.startTime - sum(deltas));
  let cappedTotal = 0;
  for (let i = 0; i < samples.length; i++) cappedTotal += Math.min(gap(i), cap);
  const scale = cappedTotal > 0 ? wallUs / cappedTotal : 0;

  let matchingSamples = 0;
  let matchingUs = 0;
  let matchingUncappedUs = 0;
  let busyUs = 0;
  const top = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    const duration = Math.min(gap(i), cap) * scale;
    const frame = byId.get(id)?.callFrame;
    if (frame && !idleFrames.has(frame.functionName)) busyUs += duration;
    if (!matches(id)) continue;
    matchingSamples += 1;
    matchingUs += duration;
    matchingUncappedUs += gap(i);
    if (frame) {
      const label = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\//u, "")}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      top.set(label, (top.get(label) ?? 0) + duration / 1000);
    }
  }
  return {
    wallMs: wallUs / 1000,
    samples: samples.length,
    medianGapUs,
    matchingSamples,
    matchingMs: matchingUs / 1000,
    matchingUncappedMs: matchingUncappedUs / 1000,
    busyMs: busyUs / 1000,
    topFrames: [...top.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5),
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Starts the V8 sampling profiler of the page's isolate (all its worlds: the page's and content scripts'). */
export async function startProfiler(session: CDPSession, samplingIntervalUs: number): Promise<void> {
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
  await session.send("Profiler.start");
}

export async function stopProfiler(session: CDPSession): Promise<CpuProfile> {
  const { profile } = await session.send("Profiler.stop");
  await session.send("Profiler.disable");
  return profile;
}
