import type { Headers } from "./http";

export const RATE_LIMIT_PER_SECOND = 10;
export const CONCURRENT_LIMIT = 8;
export const SEARCH_CONCURRENT_LIMIT = 1;
const WINDOW_MS = 1000;

interface Bucket {
  hits: number[];
  active: number;
  activeSearches: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  reason?: "rate" | "concurrent" | "search-concurrent";
  headers: Headers;
  /** Frees the concurrency slot (idempotent; a no-op when not allowed). */
  release: () => void;
}

function rateHeaders(hits: number, active: number, activeSearches: number, search: boolean): Headers {
  const concurrentLimit = search ? SEARCH_CONCURRENT_LIMIT : CONCURRENT_LIMIT;
  const concurrentRemaining = search
    ? Math.min(CONCURRENT_LIMIT - active, SEARCH_CONCURRENT_LIMIT - activeSearches)
    : CONCURRENT_LIMIT - active;
  return {
    "X-RateLimit-Limit": String(RATE_LIMIT_PER_SECOND),
    "X-RateLimit-Remaining": String(Math.max(0, RATE_LIMIT_PER_SECOND - hits)),
    "X-RateLimit-Concurrent-Limit": String(concurrentLimit),
    "X-RateLimit-Concurrent-Remaining": String(Math.max(0, concurrentRemaining)),
  };
}

/** Headers for a response that no credential was charged for (e.g. a 401). */
export function idleRateHeaders(search: boolean): Headers {
  return rateHeaders(0, 0, 0, search);
}

/**
 * Per-credential limits: requests in a rolling second, concurrent requests, concurrent searches.
 * Only accepted requests count towards the rolling window.
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  reset(): void {
    // In-flight requests keep releasing into their old bucket objects, which are dropped here.
    this.buckets = new Map();
  }

  acquire(key: string, search: boolean, enforce: boolean, now = Date.now()): RateLimitDecision {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { hits: [], active: 0, activeSearches: 0 };
      this.buckets.set(key, bucket);
    }
    let first = bucket.hits[0];
    while (first !== undefined && now - first >= WINDOW_MS) {
      bucket.hits.shift();
      first = bucket.hits[0];
    }
    let reason: RateLimitDecision["reason"];
    if (enforce) {
      if (bucket.hits.length >= RATE_LIMIT_PER_SECOND) {
        reason = "rate";
      } else if (bucket.active >= CONCURRENT_LIMIT) {
        reason = "concurrent";
      } else if (search && bucket.activeSearches >= SEARCH_CONCURRENT_LIMIT) {
        reason = "search-concurrent";
      }
    }
    if (reason !== undefined) {
      return {
        allowed: false,
        reason,
        headers: rateHeaders(bucket.hits.length, bucket.active, bucket.activeSearches, search),
        release: () => {},
      };
    }
    const held = bucket;
    held.hits.push(now);
    held.active += 1;
    if (search) {
      held.activeSearches += 1;
    }
    let released = false;
    return {
      allowed: true,
      // Limits off: nothing is exhausted, so the headers say so (a client pacing on them must not wait).
      headers: enforce ? rateHeaders(held.hits.length, held.active, held.activeSearches, search) : idleRateHeaders(search),
      release: () => {
        if (released) {
          return;
        }
        released = true;
        held.active -= 1;
        if (search) {
          held.activeSearches -= 1;
        }
      },
    };
  }
}
