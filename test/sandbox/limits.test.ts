// @vitest-environment node

import { afterEach, describe, expect, it, vi } from "vitest";
import { SANDBOX_READONLY_API_KEY } from "./credentials";
import { ANN_ID, call, type ErrorBody, json, searchPath, useSandboxServer } from "./test-helpers";

const sandbox = useSandboxServer();

afterEach(() => {
  vi.useRealTimers();
});

async function drain(response: Response): Promise<Response> {
  await response.arrayBuffer();
  return response;
}

describe("sandbox: rate limits", () => {
  it("answers the 11th request within a second with 429 and rate-limit headers", async () => {
    // Freeze the clock so that a slow machine cannot spread the requests over more than a second.
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses: number[] = [];
    const remaining: (string | null)[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 11; i += 1) {
      last = await drain(await call(sandbox.url, `/candidates/${ANN_ID}`));
      statuses.push(last.status);
      remaining.push(last.headers.get("x-ratelimit-remaining"));
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    expect(remaining.slice(0, 10)).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
    expect(last?.headers.get("x-ratelimit-limit")).toBe("10");
    expect(last?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(last?.headers.get("x-ratelimit-concurrent-limit")).toBe("8");
    expect(last?.headers.get("x-ratelimit-concurrent-remaining")).not.toBeNull();

    const limited = await call(sandbox.url, `/candidates/${ANN_ID}`);
    expect(limited.status).toBe(429);
    const body = await json<ErrorBody>(limited);
    expect(body.errors[0]?.code).toBe("RATE_LIMIT_EXCEEDED");
    expect(typeof body.message).toBe("string");

    // Another credential has its own budget.
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { key: SANDBOX_READONLY_API_KEY })).status).toBe(200);

    const log = await sandbox.control.requests();
    expect(log.filter((entry) => entry.status === 429)).toHaveLength(2);
  });

  it("frees the budget after a rolling second", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < 10; i += 1) {
      await drain(await call(sandbox.url, `/candidates/${ANN_ID}`));
    }
    expect((await drain(await call(sandbox.url, `/candidates/${ANN_ID}`))).status).toBe(429);
    vi.setSystemTime(Date.now() + 1001);
    expect((await drain(await call(sandbox.url, `/candidates/${ANN_ID}`))).status).toBe(200);
  });

  it("allows one search at a time per credential", async () => {
    await sandbox.control.setFaults({ latencyMs: 400 });
    const searches = [call(sandbox.url, searchPath('"ann.oneil@example.com"')), call(sandbox.url, searchPath("ann"))];
    // A non-search call is not held back by the pending search.
    const other = call(sandbox.url, `/candidates/${ANN_ID}`);
    const settled = await Promise.all(
      searches.map(async (pending) => {
        const response = await pending;
        return { response, at: Date.now() };
      }),
    );
    const ok = settled.filter((s) => s.response.status === 200);
    const limited = settled.filter((s) => s.response.status === 429);
    expect(ok).toHaveLength(1);
    expect(limited).toHaveLength(1);
    const rejected = limited[0];
    const accepted = ok[0];
    if (rejected === undefined || accepted === undefined) {
      throw new Error("unreachable");
    }
    // The 429 came while the accepted search was still pending under latency.
    expect(rejected.at).toBeLessThan(accepted.at);
    expect(rejected.response.headers.get("x-ratelimit-concurrent-limit")).toBe("1");
    expect(rejected.response.headers.get("x-ratelimit-concurrent-remaining")).toBe("0");
    expect((await json<ErrorBody>(rejected.response)).errors[0]?.code).toBe("RATE_LIMIT_EXCEEDED");
    expect((await other).status).toBe(200);
    // Once the first search is done, the next is accepted.
    await sandbox.control.setFaults({});
    expect((await call(sandbox.url, searchPath("ann"))).status).toBe(200);
  });

  it("allows 8 concurrent requests per credential", async () => {
    await sandbox.control.setFaults({ latencyMs: 400 });
    const pending: Promise<Response>[] = [];
    for (let i = 0; i < 9; i += 1) {
      pending.push(call(sandbox.url, `/candidates/${ANN_ID}`));
    }
    const responses = await Promise.all(pending);
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(8).fill(200), 429]);
    const limited = responses.find((response) => response.status === 429);
    expect(limited?.headers.get("x-ratelimit-concurrent-remaining")).toBe("0");
    expect((await sandbox.control.requests()).filter((entry) => entry.status === 429)).toHaveLength(1);
  });

  it("sends the rate-limit headers on every API response", async () => {
    for (const response of [
      await call(sandbox.url, `/candidates/${ANN_ID}`),
      await call(sandbox.url, "/candidates/nope"),
      await call(sandbox.url, `/candidates/${ANN_ID}`, { key: null }),
    ]) {
      expect(response.headers.get("x-ratelimit-limit")).toBe("10");
      expect(response.headers.get("x-ratelimit-remaining")).not.toBeNull();
      expect(response.headers.get("x-ratelimit-concurrent-limit")).not.toBeNull();
      expect(response.headers.get("x-ratelimit-concurrent-remaining")).not.toBeNull();
      await drain(response);
    }
  });

  it("can be switched off", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      statuses.push((await drain(await call(sandbox.url, `/candidates/${ANN_ID}`))).status);
    }
    expect(statuses).toEqual(Array(15).fill(200));
  });

  it("never limits the control API", async () => {
    for (let i = 0; i < 30; i += 1) {
      await sandbox.control.candidates();
    }
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`)).status).toBe(200);
  });
});
