import { storage } from "wxt/utils/storage";

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
