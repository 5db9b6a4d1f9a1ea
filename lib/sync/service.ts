import { connectedClient } from "../auth/connection";
import type { Failure, LookupResponse, RateResponse } from "../messaging/protocol";
import { readSettings } from "../settings/settings";
import { profileUrl } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { applyRating } from "./apply-rating";
import { matchCandidate, type Person } from "./match-candidate";
import { isRating, type Rating, ratings, ratingTag } from "./rating-tag";
import { ratingKey, writtenRatingTags } from "./written-ratings";

export function failure(error: unknown): Failure {
  if (error instanceof SmartRecruitersError) return { status: "error", kind: error.kind, message: error.message };
  return { status: "error", kind: "invalid-response", message: "Something went wrong talking to SmartRecruiters." };
}

/** This browser's rating of the candidate, if SmartRecruiters still holds the tag we wrote. */
async function ourRating(candidateId: string, interviewName: string, tagsNow: string[]): Promise<Rating | null> {
  const tag = (await writtenRatingTags.getValue())[ratingKey(candidateId, interviewName)];
  if (!tag || !tagsNow.includes(tag)) return null;
  const rating = ratings.find((r) => ratingTag(interviewName, r) === tag);
  return isRating(rating) ? rating : null;
}

/** Looks a Hellohire candidate up in SmartRecruiters (and creates/updates them when the setting allows). */
export async function lookup(interviewName: string, person: Person): Promise<LookupResponse> {
  try {
    const settings = await readSettings();
    if (!settings.integrationEnabled) return { status: "disabled" };
    const { client, profileUrlTemplate } = await connectedClient();
    const match = await matchCandidate(client, person, settings.createAndUpdateCandidates);
    if (match.status === "not-found") return { status: "not-found", createAndUpdate: settings.createAndUpdateCandidates };
    if (match.status === "no-email" || match.status === "hidden") return { status: match.status };
    const candidateId = match.candidate.id;
    return {
      status: match.status,
      candidateId,
      profileUrl: profileUrl(profileUrlTemplate, candidateId),
      rating: await ourRating(candidateId, interviewName, match.candidate.tags),
    };
  } catch (error) {
    return failure(error);
  }
}

/** Writes (or with null, removes) this browser's rating tag on a candidate. */
export async function rate(candidateId: string, interviewName: string, rating: Rating | null): Promise<RateResponse> {
  try {
    if (!(await readSettings()).integrationEnabled)
      return { status: "error", kind: "forbidden", message: "The SmartRecruiters integration is switched off." };
    const { client } = await connectedClient();
    const key = ratingKey(candidateId, interviewName);
    const previousTag = (await writtenRatingTags.getValue())[key] ?? null;
    const written = await applyRating(client, { candidateId, interviewName, rating, previousTag });
    const all = { ...(await writtenRatingTags.getValue()) };
    if (written) all[key] = written;
    else delete all[key];
    await writtenRatingTags.setValue(all);
    return { status: "saved", rating };
  } catch (error) {
    return failure(error);
  }
}
