import { isRecord } from "../shared/is-record";
import { oneAtATime } from "../shared/one-at-a-time";
import { protectedItem } from "../shared/protected-item";
import { isCurrent, nextExpiry, type Retention, withinRetention } from "./bounded-record";

/**
 * The rating tag this browser wrote, per SmartRecruiters candidate ID and interview, so that a
 * changed rating replaces our own tag and never anyone else's. Holds IDs and tags only, each with the
 * time it was written: a record goes after 180 days, and beyond 5,000 the oldest go first (a rating
 * changed after that adds its tag beside the old one instead of replacing it).
 */
export interface WrittenTag {
  tag: string;
  at: number;
}

export const writtenRetention: Retention = { maxAgeMs: 180 * 24 * 3600_000, maxEntries: 5_000 };

function isWrittenTag(value: unknown): value is WrittenTag {
  return isRecord(value) && typeof value.tag === "string" && typeof value.at === "number";
}

export const writtenTagsItem = protectedItem<Record<string, WrittenTag>>("sync.writtenRatingTags", {
  fallback: {},
  // As storage.local kept it (WXT's version record), brought up to date as it moves.
  legacy: {
    version: 2,
    migrations: {
      // Version 1 held the tag alone: its records count their time from this update.
      2: (old: unknown): Record<string, WrittenTag> => {
        if (!isRecord(old)) return {};
        const at = Date.now();
        return Object.fromEntries(
          Object.entries(old).flatMap(([key, tag]) => (typeof tag === "string" ? [[key, { tag, at }] as const] : [])),
        );
      },
    },
  },
});

/** The well-formed records of what is stored. */
function recordsOf(stored: unknown): Record<string, WrittenTag> {
  if (!isRecord(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((pair): pair is [string, WrittenTag] => isWrittenTag(pair[1])));
}

/** The tags still kept, by ratingKey(): what the sender replaces and the panel shows as ours. */
export const writtenRatingTags = {
  async getValue(now: number = Date.now()): Promise<Record<string, string>> {
    const records = Object.entries(recordsOf(await writtenTagsItem.getValue()));
    return Object.fromEntries(
      records.filter(([, record]) => isCurrent(record, now, writtenRetention)).map(([key, { tag }]) => [key, tag]),
    );
  },
};

export function ratingKey(candidateId: string, interviewName: string): string {
  return JSON.stringify([candidateId, interviewName.replace(/\s+/gu, " ").trim().toLowerCase()]);
}

const queue = oneAtATime();

function change(edit: (all: Record<string, WrittenTag>, now: number) => void): Promise<void> {
  return queue(async () => {
    const now = Date.now();
    const all = recordsOf(await writtenTagsItem.getValue());
    edit(all, now);
    await writtenTagsItem.setValue(withinRetention(all, now, writtenRetention));
  });
}

/** One write after another: concurrent sends for different candidates must not lose each other's record. */
export function recordWrittenRating(key: string, written: string | null): Promise<void> {
  return change((all, now) => {
    if (written) all[key] = { tag: written, at: now };
    else delete all[key];
  });
}

/** A candidate merged into another: the tags this browser wrote came along, and so does the record of them. */
export function moveWrittenRatings(fromId: string, toId: string): Promise<void> {
  return change((all) => {
    for (const [key, record] of Object.entries(all)) {
      const parsed: unknown = JSON.parse(key);
      if (!Array.isArray(parsed) || parsed[0] !== fromId || typeof parsed[1] !== "string") continue;
      delete all[key];
      all[JSON.stringify([toId, parsed[1]])] ??= record;
    }
  });
}

/**
 * Deletes the records past their 180 days, or beyond the 5,000 newest (the retention alarm calls it;
 * writing only when one goes), and says when the next one runs out, or null when none is kept.
 */
export function pruneWrittenRatings(now: number): Promise<number | null> {
  return queue(async () => {
    const stored: unknown = await writtenTagsItem.getValue();
    const kept = withinRetention(recordsOf(stored), now, writtenRetention);
    if (!isRecord(stored) || Object.keys(kept).length !== Object.keys(stored).length) await writtenTagsItem.setValue(kept);
    return nextExpiry(kept, writtenRetention);
  });
}
