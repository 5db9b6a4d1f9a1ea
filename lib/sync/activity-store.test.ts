import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ActivityEntry } from "./activity";
import { activityItem, purgeActivity, recordActivity } from "./activity-store";

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

describe("activity purge", () => {
  const day = 24 * 3600_000;

  it("deletes the entries older than seven days with no new write, and says when the next one expires", async () => {
    await recordActivity(entry("old", 0));
    await recordActivity(entry("newer", 3 * day));
    expect(await purgeActivity(7 * day + 1)).toBe(10 * day);
    expect((await activityItem.getValue()).map((e) => e.candidateId)).toEqual(["newer"]);
  });

  it("leaves the list untouched when nothing is due, and has nothing to schedule when empty", async () => {
    await recordActivity(entry("recent", day));
    const changes: unknown[] = [];
    const unwatch = activityItem.watch((value) => changes.push(value));
    expect(await purgeActivity(2 * day)).toBe(8 * day);
    unwatch();
    expect(changes).toEqual([]);
    expect(await purgeActivity(9 * day)).toBeNull();
    expect(await activityItem.getValue()).toEqual([]);
  });
});
