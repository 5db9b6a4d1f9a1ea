import { describe, expect, it } from "vitest";
import { type ActivityEntry, activityLimit, activityMaxAgeMs, currentActivity, withActivity } from "./activity";

const entry = (at: number, candidateId = `c${at}`): ActivityEntry => ({
  at,
  candidateId,
  interviewName: "CSR",
  rating: "yes",
  outcome: "saved",
});

describe("activity", () => {
  it("keeps the newest first and at most the limit", () => {
    let entries: ActivityEntry[] = [];
    for (let at = 1; at <= activityLimit + 5; at += 1) entries = withActivity(entries, entry(at), at);
    expect(entries).toHaveLength(activityLimit);
    expect(entries[0]?.at).toBe(activityLimit + 5);
    expect(entries.at(-1)?.at).toBe(6);
  });

  it("drops entries older than seven days", () => {
    const now = activityMaxAgeMs + 10;
    expect(withActivity([entry(5), entry(20)], entry(now), now).map((e) => e.at)).toEqual([now, 20]);
    expect(currentActivity([entry(20), entry(5)], now).map((e) => e.at)).toEqual([20]);
  });
});
