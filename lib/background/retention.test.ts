import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ActivityEntry } from "../sync/activity";
import { activityItem, recordActivity } from "../sync/activity-store";
import { createdCandidatesItem } from "../sync/created-candidates";
import { writtenRatingTags, writtenTagsItem } from "../sync/written-ratings";
import { nextWake, retentionAlarm, startRetention } from "./retention";

const minute = 60_000;
const day = 24 * 60 * minute;
const start = 1_000 * day;

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

async function alarmTime(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(retentionAlarm))?.scheduledTime;
}

async function ring(name = retentionAlarm): Promise<void> {
  await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: 0, persistAcrossSessions: true });
}

describe("retention", () => {
  it("purges at start-up what ran out while the background was stopped", async () => {
    await recordActivity(entry("old", start - 8 * day));
    await createdCandidatesItem.setValue({ k: { id: "c1", at: start - 91 * day } });
    await writtenTagsItem.setValue({ k: { tag: "t", at: start - 181 * day } });
    await startRetention(fakeBrowser.alarms, () => start);
    expect(await activityItem.getValue()).toEqual([]);
    expect(await createdCandidatesItem.getValue()).toEqual({});
    expect(await writtenTagsItem.getValue()).toEqual({});
    expect(await alarmTime()).toBe(start + day);
  });

  it("deletes activity when it turns seven days old, with no new write", async () => {
    let now = start;
    await recordActivity(entry("c1", start - 6 * day - 12 * 60 * minute));
    await startRetention(fakeBrowser.alarms, () => now);
    expect(await alarmTime()).toBe(start + 12 * 60 * minute);
    expect((await activityItem.getValue()).map((e) => e.candidateId)).toEqual(["c1"]);
    now = start + 12 * 60 * minute;
    await ring();
    await vi.waitFor(async () => expect(await activityItem.getValue()).toEqual([]));
    await vi.waitFor(async () => expect(await alarmTime()).toBe(now + day));
  });

  it("prunes the created-candidates memory and the written-tags record by the alarm too", async () => {
    let now = start;
    await startRetention(fakeBrowser.alarms, () => now);
    await createdCandidatesItem.setValue({ k: { id: "c1", at: start - 89 * day } });
    await writtenTagsItem.setValue({ k: { tag: "t", at: start - 179 * day } });
    now = start + day;
    await ring();
    await vi.waitFor(async () => expect(await createdCandidatesItem.getValue()).toEqual({}));
    await vi.waitFor(async () => expect(await writtenRatingTags.getValue(now)).toEqual({}));
    expect(await writtenTagsItem.getValue()).toEqual({});
  });

  it("leaves other alarms alone", async () => {
    let now = start;
    await recordActivity(entry("c1", start - 2 * day));
    await startRetention(fakeBrowser.alarms, () => now);
    now = start + 6 * day;
    await ring("outbox-retry");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await activityItem.getValue()).map((e) => e.candidateId)).toEqual(["c1"]);
  });

  it("wakes at the next expiry, at most a day ahead and no sooner than a minute", () => {
    expect(nextWake(start + 3 * 3600_000, start)).toBe(start + 3 * 3600_000);
    expect(nextWake(start + 5 * day, start)).toBe(start + day);
    expect(nextWake(null, start)).toBe(start + day);
    expect(nextWake(start - day, start)).toBe(start + minute);
  });
});
