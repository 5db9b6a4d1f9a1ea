/**
 * A per-client request limit kept in memory: each client may make `limit` requests in a window of
 * `windowMs` that starts at its first request. Web-standard (no `node:` imports).
 *
 * Memory is bounded: windows that have ended are dropped as time passes, and at most `maxClients`
 * clients are tracked; when that many are being counted, a new client replaces the one whose window
 * is oldest (nearest its end), so the endpoint keeps answering whatever addresses it is sent from.
 */

export interface RateLimiterOptions {
  /** Requests allowed per client per window (a whole number, at least 1). */
  limit: number;
  windowMs: number;
  /** Most clients counted at once. */
  maxClients: number;
  now: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request of this client; refused requests are not counted. */
  take(client: string): RateDecision;
  /** How many clients are being counted (for tests). */
  readonly size: number;
}

interface Window {
  start: number;
  count: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs, maxClients, now } = options;
  // Insertion order is window-start order (a renewed window is re-inserted), so ended windows lead.
  const windows = new Map<string, Window>();

  // A clock set back leaves windows that start in the future: they end at once rather than linger.
  const ended = (window: Window, at: number): boolean => at - window.start >= windowMs || at < window.start;

  function prune(at: number): void {
    for (const [client, window] of windows) {
      if (!ended(window, at)) {
        break;
      }
      windows.delete(client);
    }
  }

  return {
    take(client) {
      const at = now();
      prune(at);
      let window = windows.get(client);
      if (window !== undefined && ended(window, at)) {
        windows.delete(client);
        window = undefined;
      }
      if (window === undefined) {
        if (windows.size >= maxClients) {
          const oldest = windows.keys().next();
          if (oldest.done !== true) {
            windows.delete(oldest.value);
          }
        }
        window = { start: at, count: 0 };
        windows.set(client, window);
      }
      if (window.count >= limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - at) / 1000)) };
      }
      window.count += 1;
      return { allowed: true };
    },
    get size() {
      return windows.size;
    },
  };
}
