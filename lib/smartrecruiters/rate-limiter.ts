/**
 * Keeps one credential's calls within SmartRecruiters' limits: requests per rolling second,
 * concurrent requests, and concurrent searches. Calls wait their turn in order.
 *
 * The server counts a request in its rolling second from the moment it arrives, which lies between the moment the
 * call starts and the moment its answer is back. So a call holds one of the second's places from its start until a
 * second after its answer: then it has left the server's window for sure, however long it took to get there, and a
 * flush never meets a 429 of its own making. At most 10 calls are started per (1 s + one round trip).
 *
 * The server's `X-RateLimit-Remaining: 0` that our own calls explain (all places held) changes nothing; one they do
 * not explain (another client on the same credential) pauses new calls for a second, as a 429 does for its
 * Retry-After (or a second).
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
  /** Tells the limiter what SmartRecruiters said: a 429, or no remaining requests our calls do not explain, pauses new calls. */
  observe(response: { status: number; retryAfterMs?: number; remaining?: number }): void;
}

export function createRateLimiter(
  limits: RateLimits = smartRecruitersLimits,
  clock: { now(): number; setTimeout(run: () => void, ms: number): unknown } = {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
  },
): RateLimiter {
  const windowMs = 1000;
  /** When each finished call leaves the server's window (its end + a second), in order. */
  const leaving: number[] = [];
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

  /** The places of the rolling second our calls hold: those in flight, and those answered less than a second ago. */
  function held(now: number): number {
    while (leaving.length > 0 && (leaving[0] as number) <= now) leaving.shift();
    return active + leaving.length;
  }

  function pump() {
    const now = clock.now();
    if (now < pausedUntil) return wakeAt(pausedUntil);
    for (let i = 0; i < queue.length; ) {
      if (active >= limits.concurrent) return;
      // All places held: the first to leave wakes us (or a call in flight ending does).
      if (held(now) >= limits.perSecond) return leaving.length > 0 ? wakeAt(leaving[0] as number) : undefined;
      const waiter = queue[i] as Waiter;
      if (waiter.kind === "search" && activeSearches >= limits.searchConcurrent) {
        i += 1; // a search waits for the running one; other calls may go ahead of it
        continue;
      }
      queue.splice(i, 1);
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
                leaving.push(clock.now() + windowMs);
                pump();
              });
          },
        });
        pump();
      });
    },
    observe({ status, retryAfterMs, remaining }) {
      const now = clock.now();
      if (status === 429) pausedUntil = Math.max(pausedUntil, now + (retryAfterMs ?? windowMs));
      // This call is still in flight, so it is among the places held.
      else if (remaining === 0 && held(now) < limits.perSecond) pausedUntil = Math.max(pausedUntil, now + windowMs);
    },
  };
}
