/**
 * Keeps one credential's calls within SmartRecruiters' limits: requests per rolling second,
 * concurrent requests, and concurrent searches. Calls wait their turn in order; a 429 (or a
 * response saying nothing remains) pauses everything until the limit has room again.
 */
export interface RateLimits {
  perSecond: number;
  concurrent: number;
  searchConcurrent: number;
}

export const smartRecruitersLimits: RateLimits = { perSecond: 10, concurrent: 8, searchConcurrent: 1 };

export type CallKind = "search" | "other";

interface Waiter {
  kind: CallKind;
  start(): void;
}

export interface RateLimiter {
  run<T>(kind: CallKind, call: () => Promise<T>): Promise<T>;
  /** Tells the limiter what SmartRecruiters said: a 429 or no remaining requests pauses new calls. */
  observe(response: { status: number; retryAfterMs?: number; remaining?: number }): void;
}

export function createRateLimiter(
  limits: RateLimits = smartRecruitersLimits,
  clock: { now(): number; setTimeout(run: () => void, ms: number): unknown } = {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
  },
): RateLimiter {
  // A little wider than a second: the server counts arrivals, which trail our starts.
  const windowMs = 1025;
  const starts: number[] = [];
  const queue: Waiter[] = [];
  let active = 0;
  let activeSearches = 0;
  let pausedUntil = 0;
  let timerAt = Number.POSITIVE_INFINITY;

  function wakeAt(at: number) {
    if (at >= timerAt) return;
    timerAt = at;
    clock.setTimeout(
      () => {
        timerAt = Number.POSITIVE_INFINITY;
        pump();
      },
      Math.max(0, at - clock.now()),
    );
  }

  function pump() {
    const now = clock.now();
    while (starts.length > 0 && (starts[0] as number) <= now - windowMs) starts.shift();
    if (now < pausedUntil) return wakeAt(pausedUntil);
    for (let i = 0; i < queue.length; ) {
      if (active >= limits.concurrent) return;
      if (starts.length >= limits.perSecond) return wakeAt((starts[0] as number) + windowMs);
      const waiter = queue[i] as Waiter;
      if (waiter.kind === "search" && activeSearches >= limits.searchConcurrent) {
        i += 1; // a search waits for the running one; other calls may go ahead of it
        continue;
      }
      queue.splice(i, 1);
      starts.push(now);
      active += 1;
      if (waiter.kind === "search") activeSearches += 1;
      waiter.start();
    }
  }

  return {
    run<T>(kind: CallKind, call: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          kind,
          start() {
            call()
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                if (kind === "search") activeSearches -= 1;
                pump();
              });
          },
        });
        pump();
      });
    },
    observe({ status, retryAfterMs, remaining }) {
      const now = clock.now();
      if (status === 429) pausedUntil = Math.max(pausedUntil, now + (retryAfterMs ?? 1000));
      else if (remaining === 0) pausedUntil = Math.max(pausedUntil, now + windowMs);
    },
  };
}
