import { describe, expect, it } from "vitest";
import { afterFailure, backoffMs, due, enqueue, nextWake, type OutboxEntry } from "./outbox";

const write = (rating: "yes" | "no" | null, candidateId = "c1") => ({ candidateId, interviewName: "CSR", rating });

describe("outbox", () => {
  it("keeps only the latest rating per candidate and interview, in order", () => {
    let outbox: OutboxEntry[] = [];
    outbox = enqueue(outbox, write("yes"), "a", 1);
    outbox = enqueue(outbox, write("no", "c2"), "b", 2);
    outbox = enqueue(outbox, { ...write("no"), interviewName: " csr " }, "c", 3);
    expect(outbox.map((e) => [e.id, e.candidateId, e.rating])).toEqual([
      ["b", "c2", "no"],
      ["c", "c1", "no"],
    ]);
  });

  it("retries transient failures later with growing, jittered delays, honouring Retry-After", () => {
    const entry = enqueue([], write("yes"), "a", 0)[0] as OutboxEntry;
    const once = afterFailure(entry, { kind: "server-error", message: "503" }, 1000, () => 1);
    expect(once).toMatchObject({ state: "pending", attempts: 1, nextAttemptAt: 2000 });
    const twice = afterFailure(once, { kind: "offline", message: "offline" }, 2000, () => 0);
    expect(twice).toMatchObject({ state: "pending", attempts: 2, nextAttemptAt: 3000 });
    expect(afterFailure(entry, { kind: "rate-limited", message: "429", retryAfterMs: 7000 }, 0, () => 0).nextAttemptAt).toBe(
      7000,
    );
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });

  it("stops on permanent failures with the reason, and waits for a reconnection on 401", () => {
    const entry = enqueue([], write("yes"), "a", 0)[0] as OutboxEntry;
    expect(afterFailure(entry, { kind: "access-denied", message: "no right" }, 0)).toMatchObject({
      state: "failed",
      lastError: { kind: "access-denied", message: "no right" },
    });
    expect(afterFailure(entry, { kind: "not-connected", message: "401" }, 0).state).toBe("waiting-for-connection");
  });

  it("says what is due now and when to wake next", () => {
    const outbox = [
      { ...(enqueue([], write("yes"), "a", 0)[0] as OutboxEntry), nextAttemptAt: 500 },
      { ...(enqueue([], write("no", "c2"), "b", 1)[0] as OutboxEntry), nextAttemptAt: 100 },
      { ...(enqueue([], write("no", "c3"), "c", 2)[0] as OutboxEntry), state: "failed" as const, nextAttemptAt: 0 },
    ];
    expect(due(outbox, 200).map((e) => e.id)).toEqual(["b"]);
    expect(due(outbox, 600).map((e) => e.id)).toEqual(["a", "b"]);
    expect(nextWake(outbox)).toBe(100);
    expect(nextWake([])).toBeNull();
  });
});
