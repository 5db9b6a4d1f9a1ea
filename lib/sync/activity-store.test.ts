import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ActivityEntry } from "./activity";
import { activityItem, recordActivity } from "./activity-store";

beforeEach(() => {
  fakeBrowser.reset();
});

const entry = (candidateId: string, at: number): ActivityEntry => ({
  at,
  candidateId,
  interviewName: "CSR",
  rating: "yes",
  outcome: "saved",
});

describe("activity store", () => {
  it("five writes finishing together are all kept, the newest first", async () => {
    await Promise.all([1, 2, 3, 4, 5].map((at) => recordActivity(entry(`c${at}`, at))));
    expect((await activityItem.getValue()).map((e) => e.candidateId)).toEqual(["c5", "c4", "c3", "c2", "c1"]);
  });

  it("drops entries older than seven days when it records a new one", async () => {
    const day = 24 * 3600_000;
    await recordActivity(entry("old", 0));
    await recordActivity(entry("new", 8 * day));
    expect((await activityItem.getValue()).map((e) => e.candidateId)).toEqual(["new"]);
  });
});
