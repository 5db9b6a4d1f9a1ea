import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { type Rating, ratingTag } from "./rating-tag";

export interface RatingChange {
  candidateId: string;
  interviewName: string;
  /** null removes this browser's rating. */
  rating: Rating | null;
  /**
   * The tag this browser wrote before for the same candidate and interview, if any: may still be being read from
   * storage, which then overlaps the first API call instead of coming before it.
   */
  previousTag: string | null | PromiseLike<string | null>;
  /**
   * An earlier attempt of this same write sent a tag write whose answer was lost: the wanted tag,
   * if there now, is ours (it may have been applied), not a colleague's.
   */
  afterLostWrite?: boolean;
}

/** Replaces the whole list: `DELETE` when nothing is left (`PUT {tags: []}` may be refused). */
async function replaceAll(client: SmartRecruitersClient, candidateId: string, tags: string[]): Promise<void> {
  if (tags.length === 0) await client.deleteTags(candidateId);
  else await client.replaceTags(candidateId, tags);
}

/**
 * Writes a rating as a tag, keeping every other tag (a colleague's rating included):
 * - a first rating reads the tags and adds ours with `POST`, which cannot lose a tag a colleague
 *   writes at the same moment;
 * - a changed or withdrawn rating reads, replaces the list without our previous tag (`PUT`, or
 *   `DELETE` when nothing is left), and reads again: what vanished in between (a colleague's tag, or
 *   ours, overwritten by a replace racing ours) is put back, and our previous tag brought back by
 *   such a race is taken out again, once.
 * Returns the tag this browser now owns (null when removed, or when the same tag was already there
 * from someone else: withdrawing our rating later must not take a colleague's away) and the
 * candidate's tags afterwards as far as we know them (a POST's answer is not trusted to be the list).
 */
export async function applyRating(
  client: SmartRecruitersClient,
  change: RatingChange,
): Promise<{ written: string | null; tags: string[] }> {
  const { candidateId } = change;
  const wanted = change.rating ? ratingTag(change.interviewName, change.rating) : null;
  const [current, previousTag] = await Promise.all([client.getTags(candidateId), change.previousTag]);
  const someoneElses = wanted !== null && wanted !== previousTag && !change.afterLostWrite && current.includes(wanted);
  const owned = someoneElses ? null : wanted;
  const stale = previousTag !== null && previousTag !== wanted && current.includes(previousTag);
  if (!stale) {
    if (!wanted || current.includes(wanted)) return { written: owned, tags: current };
    await client.addTags(candidateId, [wanted]);
    return { written: wanted, tags: [...current, wanted] };
  }
  const kept = current.filter((tag) => tag !== previousTag);
  const next = wanted && !kept.includes(wanted) ? [...kept, wanted] : kept;
  await replaceAll(client, candidateId, next);
  const after = await client.getTags(candidateId);
  const vanished = next.filter((tag) => !after.includes(tag));
  if (after.includes(previousTag)) {
    const repaired = [...after.filter((tag) => tag !== previousTag), ...vanished];
    await replaceAll(client, candidateId, repaired);
    return { written: owned, tags: repaired };
  }
  if (vanished.length > 0) await client.addTags(candidateId, vanished);
  return { written: owned, tags: [...after, ...vanished] };
}
