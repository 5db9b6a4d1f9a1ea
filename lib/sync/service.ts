import { connectedClient } from "../auth/connection";
import type { Failure, LookupResponse, RateResponse } from "../messaging/protocol";
import { readSettings } from "../settings/settings";
import { emailQuery, profileUrl, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { applyRating } from "./apply-rating";
import { type MatchResult, matchCandidate, type Person } from "./match-candidate";
import { isRating, type Rating, ratings, ratingTag } from "./rating-tag";
import { createSearchCache } from "./search-cache";
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

const searchTtlMs = 10 * 60_000;

/**
 * The background's SmartRecruiters work for pages: lookups (cached, one at a time per candidate
 * across all tabs), lookups prepared ahead for upcoming candidates, and ratings.
 */
export function createSyncService() {
  let client: SmartRecruitersClient | null = null;
  const cache = createSearchCache((email) => requireClient().searchCandidates(emailQuery(email)), { ttlMs: searchTtlMs });
  const inFlight = new Map<string, Promise<MatchResult>>();

  function requireClient(): SmartRecruitersClient {
    if (!client) throw new SmartRecruitersError("not-connected", "Not connected to SmartRecruiters.");
    return client;
  }

  async function connect() {
    const connected = await connectedClient();
    client = connected.client;
    return connected;
  }

  function matchOnce(person: Person, createAndUpdate: boolean): Promise<MatchResult> {
    const key = JSON.stringify([person.email?.trim().toLowerCase() ?? "", person.lastName, person.firstName, createAndUpdate]);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = matchCandidate({ client: requireClient(), search: cache.search, forget: cache.forget }, person, createAndUpdate);
      inFlight.set(key, pending);
      pending.finally(() => inFlight.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  return {
    /** Forget everything learnt with the previous credential. */
    reset() {
      client = null;
      cache.clear();
    },

    async lookup(interviewName: string, person: Person): Promise<LookupResponse> {
      try {
        const settings = await readSettings();
        if (!settings.integrationEnabled) return { status: "disabled" };
        const { profileUrlTemplate } = await connect();
        const match = await matchOnce(person, settings.createAndUpdateCandidates);
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
    },

    /** Searches ahead for the candidates coming next, one at a time, skipping what is cached. */
    async prefetch(emails: string[]): Promise<void> {
      try {
        if (!(await readSettings()).integrationEnabled) return;
        await connect();
        for (const email of emails.slice(0, 5)) if (!cache.has(email)) await cache.search(email);
      } catch {
        // A failed prefetch costs nothing: the lookup tries again when the candidate arrives.
      }
    },

    /** Writes (or with null, removes) this browser's rating tag on a candidate. */
    async rate(candidateId: string, interviewName: string, rating: Rating | null): Promise<RateResponse> {
      try {
        if (!(await readSettings()).integrationEnabled)
          return { status: "error", kind: "forbidden", message: "The SmartRecruiters integration is switched off." };
        await connect();
        const key = ratingKey(candidateId, interviewName);
        const previousTag = (await writtenRatingTags.getValue())[key] ?? null;
        const { written, tags } = await applyRating(requireClient(), { candidateId, interviewName, rating, previousTag });
        await cache.updateTags(candidateId, tags);
        const all = { ...(await writtenRatingTags.getValue()) };
        if (written) all[key] = written;
        else delete all[key];
        await writtenRatingTags.setValue(all);
        return { status: "saved", rating };
      } catch (error) {
        return failure(error);
      }
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
