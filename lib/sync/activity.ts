import type { Rating } from "./rating-tag";

/**
 * The side panel's "Activity": what happened to the recent writes. IDs, interview and rating only
 * (no names or emails), the last 30 entries, none older than 7 days.
 */
export interface ActivityEntry {
  at: number;
  candidateId: string;
  interviewName: string;
  rating: Rating | null;
  outcome: "saved" | "failed" | "discarded";
  /** Why it failed. */
  reason?: string;
}

export const activityLimit = 30;
export const activityMaxAgeMs = 7 * 24 * 3600_000;

/** The newest first, capped and expired. */
export function withActivity(entries: ActivityEntry[], entry: ActivityEntry, now: number): ActivityEntry[] {
  return [entry, ...entries].filter((e) => now - e.at < activityMaxAgeMs).slice(0, activityLimit);
}

/** Entries still within their time, for display. */
export function currentActivity(entries: ActivityEntry[], now: number): ActivityEntry[] {
  return entries.filter((e) => now - e.at < activityMaxAgeMs);
}
