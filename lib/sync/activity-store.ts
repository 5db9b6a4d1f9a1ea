import { oneAtATime } from "../shared/one-at-a-time";
import { protectedItem } from "../shared/protected-item";
import { type ActivityEntry, activityMaxAgeMs, currentActivity, withActivity } from "./activity";

/** Where the side panel's "Activity" is kept (./activity.ts says what an entry holds and for how long). */
export const activityItem = protectedItem<ActivityEntry[]>("sync.activity", { fallback: [] });

const queue = oneAtATime();

/** Adds an entry; one write at a time, so that entries recorded together are all kept. */
export function recordActivity(entry: ActivityEntry, now: number = entry.at): Promise<void> {
  return queue(async () => activityItem.setValue(withActivity(await activityItem.getValue(), entry, now)));
}

/**
 * Deletes the entries older than seven days (the retention alarm calls it; writing only when one goes)
 * and says when the next one will be: the oldest kept entry's seventh day, or null when none is kept.
 */
export function purgeActivity(now: number): Promise<number | null> {
  return queue(async () => {
    const all = await activityItem.getValue();
    const kept = currentActivity(all, now);
    if (kept.length !== all.length) await activityItem.setValue(kept);
    return kept.length === 0 ? null : Math.min(...kept.map((entry) => entry.at)) + activityMaxAgeMs;
  });
}
