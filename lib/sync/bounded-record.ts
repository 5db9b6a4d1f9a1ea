/** A stored record whose entries each carry the time they were written, kept for so long and up to so many. */
export interface Retention {
  maxAgeMs: number;
  maxEntries: number;
}

export interface Timed {
  at: number;
}

export function isCurrent(entry: Timed, now: number, { maxAgeMs }: Retention): boolean {
  return now - entry.at < maxAgeMs;
}

/** The entries still within their time, the newest `maxEntries` of them (the oldest go first). */
export function withinRetention<T extends Timed>(all: Record<string, T>, now: number, retention: Retention): Record<string, T> {
  const current = Object.entries(all).filter(([, entry]) => isCurrent(entry, now, retention));
  current.sort(([, a], [, b]) => b.at - a.at);
  return Object.fromEntries(current.slice(0, retention.maxEntries));
}

/** When the oldest entry runs out of time, or null when there is none. */
export function nextExpiry(all: Record<string, Timed>, { maxAgeMs }: Retention): number | null {
  const times = Object.values(all).map((entry) => entry.at);
  return times.length === 0 ? null : Math.min(...times) + maxAgeMs;
}
