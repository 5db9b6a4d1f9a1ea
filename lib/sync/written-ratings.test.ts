import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  moveWrittenRatings,
  pruneWrittenRatings,
  ratingKey,
  recordWrittenRating,
  type WrittenTag,
  writtenRatingTags,
  writtenTagsItem,
} from "./written-ratings";

const day = 24 * 3600_000;
const csr = (candidateId: string) => ratingKey(candidateId, "CSR");

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(1_000 * day);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("written rating tags", () => {
  it("gives back the tag written per candidate and interview, and forgets a removed one", async () => {
    await recordWrittenRating(csr("c1"), "hellohire - csr - yes");
    await recordWrittenRating(ratingKey("c2", "  CSR "), "hellohire - csr - no");
    expect(await writtenRatingTags.getValue()).toEqual({
      [csr("c1")]: "hellohire - csr - yes",
      [csr("c2")]: "hellohire - csr - no",
    });
    await recordWrittenRating(csr("c1"), null);
    expect(await writtenRatingTags.getValue()).toEqual({ [csr("c2")]: "hellohire - csr - no" });
  });

  it("keeps every one of several writes finishing together", async () => {
    await Promise.all(["a", "b", "c", "d"].map((id) => recordWrittenRating(csr(id), `tag-${id}`)));
    expect(Object.keys(await writtenRatingTags.getValue())).toHaveLength(4);
  });

  it("moves a merged candidate's records with their time, never over the other candidate's own", async () => {
    await recordWrittenRating(csr("old"), "hellohire - csr - yes");
    await recordWrittenRating(ratingKey("old", "Sales"), "hellohire - sales - no");
    await recordWrittenRating(ratingKey("new", "Sales"), "hellohire - sales - yes");
    vi.setSystemTime(1_001 * day);
    await moveWrittenRatings("old", "new");
    expect(await writtenRatingTags.getValue()).toEqual({
      [csr("new")]: "hellohire - csr - yes",
      [ratingKey("new", "Sales")]: "hellohire - sales - yes",
    });
    expect((await writtenTagsItem.getValue())[csr("new")]?.at).toBe(1_000 * day);
  });

  it("no longer counts a tag written 180 days ago, and drops it at the next write", async () => {
    await recordWrittenRating(csr("c1"), "hellohire - csr - yes");
    vi.setSystemTime(1_180 * day - 1);
    expect(await writtenRatingTags.getValue()).toEqual({ [csr("c1")]: "hellohire - csr - yes" });
    vi.setSystemTime(1_180 * day);
    expect(await writtenRatingTags.getValue()).toEqual({});
    await recordWrittenRating(csr("c2"), "hellohire - csr - no");
    expect(Object.keys(await writtenTagsItem.getValue())).toEqual([csr("c2")]);
  });

  it("keeps at most 5,000 records, the oldest going first", async () => {
    const seeded: Record<string, WrittenTag> = {};
    for (let index = 0; index < 5_000; index += 1) seeded[csr(`c${index}`)] = { tag: "t", at: 999 * day + index };
    await writtenTagsItem.setValue(seeded);
    await recordWrittenRating(csr("newest"), "hellohire - csr - yes");
    const stored = await writtenTagsItem.getValue();
    expect(Object.keys(stored)).toHaveLength(5_000);
    expect(stored[csr("c0")]).toBeUndefined();
    expect(stored[csr("c1")]).toBeDefined();
    expect(stored[csr("newest")]?.tag).toBe("hellohire - csr - yes");
  });

  it("prunes the records past their 180 days with no new write, and says when the next one goes", async () => {
    await writtenTagsItem.setValue({ [csr("old")]: { tag: "a", at: 800 * day }, [csr("recent")]: { tag: "b", at: 900 * day } });
    expect(await pruneWrittenRatings(1_000 * day)).toBe(1_080 * day);
    expect(Object.keys(await writtenTagsItem.getValue())).toEqual([csr("recent")]);
    expect(await pruneWrittenRatings(1_080 * day)).toBeNull();
    expect(await writtenTagsItem.getValue()).toEqual({});
  });

  it("carries the previous version's tags over out of storage.local, counting their time from the update", async () => {
    await fakeBrowser.storage.local.set({ "sync.writtenRatingTags": { [csr("c1")]: "hellohire - csr - yes", bad: 3 } });
    expect(await writtenTagsItem.getValue()).toEqual({ [csr("c1")]: { tag: "hellohire - csr - yes", at: 1_000 * day } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await writtenRatingTags.getValue()).toEqual({ [csr("c1")]: "hellohire - csr - yes" });
  });
});
