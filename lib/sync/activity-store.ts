import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";
import { type ActivityEntry, withActivity } from "./activity";

/** Where the side panel's "Activity" is kept (./activity.ts says what an entry holds and for how long). */
export const activityItem = storage.defineItem<ActivityEntry[]>("local:sync.activity", { fallback: [], version: 1 });

const queue = oneAtATime();

/** Adds an entry; one write at a time, so that entries recorded together are all kept. */
export function recordActivity(entry: ActivityEntry, now: number = entry.at): Promise<void> {
  return queue(async () => activityItem.setValue(withActivity(await activityItem.getValue(), entry, now)));
}
