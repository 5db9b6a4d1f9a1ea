import { emailQuery, type SmartRecruitersClient } from "../smartrecruiters/client";
import type { CandidateSummary } from "../smartrecruiters/types";
import { sameText } from "./same-text";

/** Pages of 100 followed at most: SmartRecruiters' search is fuzzy and a common address can have many look-alikes. */
export const maxSearchPages = 5;

/**
 * Searches SmartRecruiters for an email (quoted, as the API needs), 100 a page, following
 * `nextPageId` until a candidate with exactly that email shows up or five pages were read.
 * Returns every candidate seen; callers keep the exact email + last name matches.
 */
export async function searchByEmail(client: SmartRecruitersClient, email: string): Promise<CandidateSummary[]> {
  const seen: CandidateSummary[] = [];
  let pageId: string | null = null;
  for (let page = 0; page < maxSearchPages; page += 1) {
    const answer = await client.searchCandidates(emailQuery(email), { pageId });
    seen.push(...answer.candidates);
    pageId = answer.nextPageId;
    if (!pageId || answer.candidates.some((candidate) => sameText(candidate.email, email))) break;
  }
  return seen;
}
