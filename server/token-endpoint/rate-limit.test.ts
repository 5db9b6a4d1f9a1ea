// @vitest-environment node

import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

function limiterAt(start = 1_000_000, options: { limit?: number; maxClients?: number } = {}) {
  const clock = { now: start };
  const limiter = createRateLimiter({
    limit: options.limit ?? 3,
    windowMs: 60_000,
    maxClients: options.maxClients ?? 100,
    now: () => clock.now,
  });
  return { limiter, clock };
}

describe("createRateLimiter", () => {
  it("allows `limit` requests in a window, then refuses with the seconds left", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 3; i += 1) expect(limiter.take("a").allowed).toBe(true);
    clock.now += 20_500;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 40 });
    clock.now += 39_000;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 500;
    expect(limiter.take("a").allowed).toBe(true);
  });

  it("counts each client apart", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i += 1) limiter.take("a");
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("does not count refused requests: a client that keeps trying is free once its window ends", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 50; i += 1) limiter.take("a");
    clock.now += 60_000;
    for (let i = 0; i < 3; i += 1) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("forgets ended windows", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 50; i += 1) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(50);
    clock.now += 60_000;
    limiter.take("late");
    expect(limiter.size).toBe(1);
  });

  it("tracks at most maxClients, replacing the oldest, and keeps answering new clients", () => {
    const { limiter, clock } = limiterAt(0, { maxClients: 10, limit: 1 });
    limiter.take("first");
    let refused = 0;
    let largest = 0;
    for (let i = 0; i < 10_000; i += 1) {
      clock.now += 1;
      if (!limiter.take(`client-${i}`).allowed) refused += 1;
      largest = Math.max(largest, limiter.size);
    }
    expect(refused).toBe(0);
    expect(largest).toBe(10);
    // The most recent clients are still counted.
    expect(limiter.take("client-9999").allowed).toBe(false);
  });

  it("ends windows at once when the clock is set back", () => {
    const { limiter, clock } = limiterAt();
    for (let i = 0; i < 3; i += 1) limiter.take("a");
    clock.now -= 3_600_000;
    expect(limiter.take("a").allowed).toBe(true);
  });
});
