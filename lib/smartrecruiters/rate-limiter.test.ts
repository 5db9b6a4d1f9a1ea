import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter";

/** A clock the test moves by hand. */
function manualClock() {
  let time = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => time,
    setTimeout: (run: () => void, ms: number) => timers.push({ at: time + ms, run }),
    async advance(ms: number) {
      const until = time + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        time = next.at;
        next.run();
        await Promise.resolve();
      }
      time = until;
      await Promise.resolve();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("createRateLimiter", () => {
  it("starts at most 10 calls per rolling second, the rest when the window moves", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 10, concurrent: 100, searchConcurrent: 1 }, clock);
    const started: number[] = [];
    for (let i = 0; i < 25; i += 1) limiter.run("other", async () => started.push(clock.now()));
    await flush();
    expect(started).toHaveLength(10);
    await clock.advance(1100);
    await flush();
    expect(started).toHaveLength(20);
    await clock.advance(1100);
    await flush();
    expect(started).toHaveLength(25);
  });

  it("keeps at most 8 calls in flight and one search at a time, letting other calls pass a waiting search", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 100, concurrent: 8, searchConcurrent: 1 }, clock);
    const releases: (() => void)[] = [];
    const log: string[] = [];
    const call = (name: string) => () =>
      new Promise<void>((resolve) => {
        log.push(name);
        releases.push(resolve);
      });
    limiter.run("search", call("search-1"));
    limiter.run("search", call("search-2"));
    for (let i = 0; i < 9; i += 1) limiter.run("other", call(`other-${i}`));
    await flush();
    expect(log).toEqual(["search-1", ...Array.from({ length: 7 }, (_, i) => `other-${i}`)]);
    releases.shift()?.(); // search-1 ends: search-2 may start
    await flush();
    expect(log.at(-1)).toBe("search-2");
    expect(log).toHaveLength(9);
  });

  it("pauses every call after a 429 for Retry-After", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 100, concurrent: 8, searchConcurrent: 1 }, clock);
    limiter.observe({ status: 429, retryAfterMs: 2000 });
    let ran = false;
    limiter.run("other", async () => {
      ran = true;
    });
    await clock.advance(1500);
    await flush();
    expect(ran).toBe(false);
    await clock.advance(600);
    await flush();
    expect(ran).toBe(true);
  });

  it("holds a call's place until a second after its answer: the server may have counted it as late as that", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 2, concurrent: 8, searchConcurrent: 1 }, clock);
    const started: number[] = [];
    const answers: (() => void)[] = [];
    const slow = () =>
      new Promise<void>((resolve) => {
        started.push(clock.now());
        answers.push(resolve);
      });
    for (let i = 0; i < 3; i += 1) limiter.run("other", slow);
    await flush();
    expect(started).toEqual([0, 0]);
    // Answered 300 ms and 500 ms after they started.
    await clock.advance(300);
    answers.shift()?.();
    await flush();
    await clock.advance(200);
    answers.shift()?.();
    await flush();
    await clock.advance(700); // t = 1,200: a second after the start, not yet after the first answer
    await flush();
    expect(started).toEqual([0, 0]);
    await clock.advance(100); // t = 1,300
    await flush();
    expect(started).toEqual([0, 0, 1300]);
  });

  it("pauses for a second when SmartRecruiters has no request left that our own calls do not explain", async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perSecond: 3, concurrent: 8, searchConcurrent: 1 }, clock);
    const started: number[] = [];
    const run = (remaining: number) =>
      limiter.run("other", async () => {
        started.push(clock.now());
        limiter.observe({ status: 200, remaining });
      });
    // Our three calls fill the second: the third answer's "0 left" is ours, the next waits for the window only.
    await Promise.all([run(2), run(1), run(0)]);
    await clock.advance(1000);
    await run(2);
    expect(started).toEqual([0, 0, 0, 1000]);
    // Another client used the rest: "0 left" after one call of ours pauses the next for a second.
    await clock.advance(1000);
    await run(0);
    const next = run(2);
    await clock.advance(900);
    await flush();
    expect(started).toHaveLength(5);
    await clock.advance(100);
    await next;
    expect(started.at(-1)).toBe(3000);
  });

  it("passes results and errors through", async () => {
    const limiter = createRateLimiter();
    await expect(limiter.run("other", async () => 42)).resolves.toBe(42);
    await expect(limiter.run("search", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run("search", async () => "next search runs")).resolves.toBe("next search runs");
  });
});
