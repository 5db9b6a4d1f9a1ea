/**
 * How often an expensive page read may run: a bucket of `capacity` reads, refilled at `perSecond`. A burst
 * of changes is read at once; a page that keeps changing is read at the refill rate, never more.
 */
export interface ReadBudget {
  /** 0 when a read may run now (and counts it); else how many ms until one may. */
  take(): number;
}

export function readBudget(capacity: number, perSecond: number, now: () => number = () => performance.now()): ReadBudget {
  let tokens = capacity;
  let at = now();
  return {
    take() {
      const time = now();
      tokens = Math.min(capacity, tokens + ((time - at) * perSecond) / 1000);
      at = time;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) * 1000) / perSecond);
    },
  };
}
