import { connectedClient } from "../auth/connection";
import type { TokenKeeper } from "../auth/tokens";
import { t } from "../i18n/messages";
import type { Failure } from "../messaging/protocol";
import { cachedPolicy, jobIdForInterview } from "../settings/policy";
import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { createRateLimiter, type RateLimits } from "../smartrecruiters/rate-limiter";
import { createJobFinder } from "./job-for-interview";
import type { OutboxEntry } from "./outbox";
import { isRating, type Rating, ratings, ratingTag } from "./rating-tag";
import { searchByEmail } from "./search-by-email";
import { createSearchCache } from "./search-cache";
import { ratingKey, writtenRatingTags } from "./written-ratings";

const searchTtlMs = 10 * 60_000;

export function failure(error: unknown): Failure {
  if (error instanceof SmartRecruitersError) return { status: "error", kind: error.kind, message: error.message };
  return { status: "error", kind: "invalid-response", message: t("errSomethingWentWrong") };
}

/** This browser's rating of the candidate, if SmartRecruiters still holds the tag we wrote. */
export async function ourRating(candidateId: string, interviewName: string, tagsNow: string[]): Promise<Rating | null> {
  const tag = (await writtenRatingTags.getValue())[ratingKey(candidateId, interviewName)];
  if (!tag || !tagsNow.includes(tag)) return null;
  const rating = ratings.find((r) => ratingTag(interviewName, r) === tag);
  return isRating(rating) ? rating : null;
}

export function queuedReason(entry: OutboxEntry): string {
  if (entry.state === "waiting-for-connection") return t("queuedWaitingReconnect");
  return t("queuedWillRetry", entry.lastError?.message ?? t("queuedNotSentYet"));
}

export interface SyncContextOptions {
  /** The background's one token keeper (shared so that one refresh serves every caller). */
  tokens: TokenKeeper;
  /** Whether the sign-in may read jobs (`jobs_read`); without it only the policy's job mapping is used. */
  canReadJobs(): Promise<boolean>;
  /** Whether the sign-in may create candidates (`candidates_create`); without it nothing is created or renamed. */
  canCreateCandidates(): Promise<boolean>;
  /** SmartRecruiters' limits by default; tests that are not about them may loosen them. */
  rateLimits?: RateLimits;
  now?: () => number;
}

/**
 * What lookups and the outbox share: the signed-in client (one rate limiter per credential), the
 * search cache, the interview-to-job finder and the organisation's policy.
 */
/**
 * How long a read of the sign-in set-up serves again: a rating's flush reuses the one started as the rating arrived,
 * instead of reading storage again on the write's path. A flush already keeps its set-up for its whole run.
 */
export const connectionReuseMs = 1000;

export function createSyncContext(options: SyncContextOptions) {
  let client: SmartRecruitersClient | null = null;
  let lastConnect: { at: number; connected: ReturnType<typeof connectedClient> } | null = null;
  const newLimiter = () => createRateLimiter(options.rateLimits);
  let limiter = newLimiter();

  function requireClient(): SmartRecruitersClient {
    if (!client) throw new SmartRecruitersError("not-connected", t("errNotConnected"));
    return client;
  }

  const cache = createSearchCache((email) => searchByEmail(requireClient(), email), { ttlMs: searchTtlMs });
  const jobs = createJobFinder({
    mappedJob: async (interviewName) => jobIdForInterview((await cachedPolicy.getValue()).policy.jobByInterview, interviewName),
    canReadJobs: options.canReadJobs,
    searchJobs: (title) => requireClient().searchJobs(title),
  });

  return {
    cache,
    jobs,
    /** Create-and-update as it can work now: the setting, and a sign-in that may create candidates. */
    async mayCreate(setting: boolean): Promise<boolean> {
      return setting && (await options.canCreateCandidates());
    },
    failure,
    client: requireClient,
    policy: () => cachedPolicy.getValue(),
    connect(): ReturnType<typeof connectedClient> {
      const now = (options.now ?? Date.now)();
      if (lastConnect && now - lastConnect.at < connectionReuseMs) return lastConnect.connected;
      const connected = connectedClient(options.tokens, limiter).then(
        (result) => {
          client = result.client;
          return result;
        },
        (error: unknown) => {
          lastConnect = null;
          throw error;
        },
      );
      lastConnect = { at: now, connected };
      return connected;
    },
    /** Forget everything learnt with the previous credential. */
    reset() {
      lastConnect = null;
      client = null;
      limiter = newLimiter();
      cache.clear();
      jobs.clear();
    },
  };
}

export type SyncContext = ReturnType<typeof createSyncContext>;
