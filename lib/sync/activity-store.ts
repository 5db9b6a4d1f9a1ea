import { storage } from "wxt/utils/storage";
import { type ActivityEntry, withActivity } from "./activity";

/** Where the side panel's "Activity" is kept (./activity.ts says what an entry holds and for how long). */
export const activityItem = storage.defineItem<ActivityEntry[]>("local:sync.activity", { fallback: [], version: 1 });

let chain: Promise<unknown> = Promise.resolve();

/** Adds an entry; one write at a time, so that entries recorded together are all kept. */
export function recordActivity(entry: ActivityEntry, now: number = entry.at): Promise<void> {
  const run = chain.then(async () => activityItem.setValue(withActivity(await activityItem.getValue(), entry, now)));
  chain = run.catch(() => undefined);
  return run;
}
