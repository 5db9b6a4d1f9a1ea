import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";

/**
 * The rating tag this browser wrote, per SmartRecruiters candidate ID and interview, so that a
 * changed rating replaces our own tag and never anyone else's. Holds IDs and tags only.
 */
export const writtenRatingTags = storage.defineItem<Record<string, string>>("local:sync.writtenRatingTags", {
  fallback: {},
  version: 1,
});

export function ratingKey(candidateId: string, interviewName: string): string {
  return JSON.stringify([candidateId, interviewName.replace(/\s+/gu, " ").trim().toLowerCase()]);
}

const queue = oneAtATime();

function change(edit: (all: Record<string, string>) => void): Promise<void> {
  return queue(async () => {
    const all = { ...(await writtenRatingTags.getValue()) };
    edit(all);
    await writtenRatingTags.setValue(all);
  });
}

/** One write after another: concurrent sends for different candidates must not lose each other's record. */
export function recordWrittenRating(key: string, written: string | null): Promise<void> {
  return change((all) => {
    if (written) all[key] = written;
    else delete all[key];
  });
}

/** A candidate merged into another: the tags this browser wrote came along, and so does the record of them. */
export function moveWrittenRatings(fromId: string, toId: string): Promise<void> {
  return change((all) => {
    for (const [key, tag] of Object.entries(all)) {
      const parsed: unknown = JSON.parse(key);
      if (!Array.isArray(parsed) || parsed[0] !== fromId || typeof parsed[1] !== "string") continue;
      delete all[key];
      all[JSON.stringify([toId, parsed[1]])] ??= tag;
    }
  });
}
