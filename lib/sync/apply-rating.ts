import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { type Rating, ratingTag } from "./rating-tag";

export interface RatingChange {
  candidateId: string;
  interviewName: string;
  /** null removes this browser's rating. */
  rating: Rating | null;
  /** The tag this browser wrote before for the same candidate and interview, if any. */
  previousTag: string | null;
}

/**
 * Writes a rating as a tag. Reads the tags first and adds only what is missing; replaces only the
 * tag this browser wrote before, so every other tag (a colleague's rating included) is kept.
 * Returns the tag this browser now owns (null when removed, or when the same tag was already there
 * from someone else: withdrawing our rating later must not take a colleague's away) and the
 * candidate's tags afterwards.
 */
export async function applyRating(
  client: SmartRecruitersClient,
  change: RatingChange,
): Promise<{ written: string | null; tags: string[] }> {
  const wanted = change.rating ? ratingTag(change.interviewName, change.rating) : null;
  const current = await client.getTags(change.candidateId);
  const someoneElses = wanted !== null && wanted !== change.previousTag && current.includes(wanted);
  const owned = someoneElses ? null : wanted;
  const stale = change.previousTag && change.previousTag !== wanted && current.includes(change.previousTag);
  if (stale) {
    const kept = current.filter((tag) => tag !== change.previousTag);
    const tags = await client.replaceTags(change.candidateId, wanted && !kept.includes(wanted) ? [...kept, wanted] : kept);
    return { written: owned, tags };
  }
  if (wanted && !current.includes(wanted)) return { written: wanted, tags: await client.addTags(change.candidateId, [wanted]) };
  return { written: owned, tags: current };
}
