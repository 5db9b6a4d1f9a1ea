import { connectedClient } from "../auth/connection";
import { createTokenKeeper, type TokenKeeper } from "../auth/tokens";
import { t } from "../i18n/messages";
import type { CandidateRecord, Failure, LookupResponse, RateResponse } from "../messaging/protocol";
import { readSettings } from "../settings/settings";
import { emailQuery, profileUrl, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { createRateLimiter } from "../smartrecruiters/rate-limiter";
import { recordActivity } from "./activity-store";
import { applyRating } from "./apply-rating";
import { createdCandidates } from "./created-candidates";
import { type MatchResult, matchCandidate, type Person } from "./match-candidate";
import { afterFailure, backoffMs, due, enqueue, nextWake, type OutboxEntry, type RatingWrite, sameTarget } from "./outbox";
import { outboxItem, updateOutbox } from "./outbox-store";
import { isRating, type Rating, ratings, ratingTag } from "./rating-tag";
import { createSearchCache } from "./search-cache";
import { ratingKey, writtenRatingTags } from "./written-ratings";

export function failure(error: unknown): Failure {
  if (error instanceof SmartRecruitersError) return { status: "error", kind: error.kind, message: error.message };
  return { status: "error", kind: "invalid-response", message: t("errSomethingWentWrong") };
}

/** This browser's rating of the candidate, if SmartRecruiters still holds the tag we wrote. */
async function ourRating(candidateId: string, interviewName: string, tagsNow: string[]): Promise<Rating | null> {
  const tag = (await writtenRatingTags.getValue())[ratingKey(candidateId, interviewName)];
  if (!tag || !tagsNow.includes(tag)) return null;
  const rating = ratings.find((r) => ratingTag(interviewName, r) === tag);
  return isRating(rating) ? rating : null;
}

const searchTtlMs = 10 * 60_000;
/** Writes in flight at once while flushing the outbox (each is a read and a write of tags). */
const flushConcurrency = 8;
/** Attempts of one lookup against passing failures (about 0.5 + 1 + 2 s of waiting at most). */
const lookupAttempts = 4;

export interface SyncServiceOptions {
  /** Wakes the worker for the next retry (alarms survive a stopped worker). */
  scheduleWake(at: number | null): void;
  newId?(): string;
  now?(): number;
  /** The background's one token keeper (shared so that one refresh serves every caller). */
  tokens?: TokenKeeper;
}

function queuedReason(entry: OutboxEntry): string {
  if (entry.state === "waiting-for-connection") return t("queuedWaitingReconnect");
  return t("queuedWillRetry", entry.lastError?.message ?? t("queuedNotSentYet"));
}

/**
 * The background's SmartRecruiters work for pages: lookups (cached, one at a time per candidate
 * across all tabs), lookups prepared ahead for upcoming candidates, and ratings.
 */
export function createSyncService(options: SyncServiceOptions) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const tokens = options.tokens ?? createTokenKeeper();
  let flushing: Promise<void> | null = null;
  let client: SmartRecruitersClient | null = null;
  const cache = createSearchCache((email) => requireClient().searchCandidates(emailQuery(email)), { ttlMs: searchTtlMs });
  const inFlight = new Map<string, Promise<MatchResult>>();
  /** One per credential: replaced when the credential changes (reset). */
  let limiter = createRateLimiter();

  function requireClient(): SmartRecruitersClient {
    if (!client) throw new SmartRecruitersError("not-connected", t("errNotConnected"));
    return client;
  }

  /** Sends one write; a flush signs in once for all its writes (tokens are still renewed per call). */
  async function send(write: RatingWrite, connected: boolean): Promise<void> {
    if (!connected) await connect();
    const key = ratingKey(write.candidateId, write.interviewName);
    const previousTag = (await writtenRatingTags.getValue())[key] ?? null;
    const { written, tags } = await applyRating(requireClient(), { ...write, previousTag });
    await cache.updateTags(write.candidateId, tags);
    await recordWritten(key, written);
  }

  /** One write after another: concurrent sends for different candidates must not lose each other's record. */
  let recording: Promise<unknown> = Promise.resolve();
  function recordWritten(key: string, written: string | null): Promise<void> {
    const run = recording.then(async () => {
      const all = { ...(await writtenRatingTags.getValue()) };
      if (written) all[key] = written;
      else delete all[key];
      await writtenRatingTags.setValue(all);
    });
    recording = run.catch(() => undefined);
    return run;
  }

  async function attempt(entry: OutboxEntry, connected: boolean): Promise<void> {
    let outcome: OutboxEntry | null = null;
    try {
      await send(entry, connected);
    } catch (error) {
      const problem = error instanceof SmartRecruitersError ? error : failure(error);
      const retryAfterMs = error instanceof SmartRecruitersError ? error.retryAfterMs : undefined;
      outcome = afterFailure(
        entry,
        { kind: problem.kind, message: problem.message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
        now(),
      );
    }
    await updateOutbox((outbox) => ({
      outbox: outcome
        ? outbox.map((queued) => (queued.id === entry.id ? (outcome as OutboxEntry) : queued))
        : outbox.filter((queued) => queued.id !== entry.id),
      result: null,
    }));
    // Best effort, off the write's path: the activity list only informs.
    if (!outcome || outcome.state === "failed")
      void recordActivity({
        at: now(),
        candidateId: entry.candidateId,
        interviewName: entry.interviewName,
        rating: entry.rating,
        outcome: outcome ? "failed" : "saved",
        ...(outcome?.lastError ? { reason: outcome.lastError.message } : {}),
      }).catch(() => undefined);
  }

  /**
   * Sends every due write, oldest first, a few at a time so the rate limiter (not the round trips)
   * sets the pace; never two writes for the same candidate at once, so each candidate's apply in order.
   */
  async function flushDue(): Promise<void> {
    const connected = await connect().then(
      () => true,
      () => false,
    );
    const busyCandidates = new Set<string>();
    const started = new Set<string>();
    const worker = async () => {
      for (;;) {
        const next = due(await outboxItem.getValue(), now()).find(
          (entry) => !started.has(entry.id) && !busyCandidates.has(entry.candidateId),
        );
        if (!next) return;
        started.add(next.id);
        busyCandidates.add(next.candidateId);
        try {
          await attempt(next, connected);
        } finally {
          busyCandidates.delete(next.candidateId);
        }
      }
    };
    await Promise.all(Array.from({ length: flushConcurrency }, worker));
    options.scheduleWake(nextWake(await outboxItem.getValue()));
  }

  /** A lookup that met a passing failure (offline, 5xx, busy) is tried again a few times before the page is told. */
  async function withRetries<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof SmartRecruitersError) || !error.transient || attempt >= lookupAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, Math.random, error.retryAfterMs)));
      }
    }
  }

  async function connect() {
    const connected = await connectedClient(tokens, limiter);
    client = connected.client;
    return connected;
  }

  function matchOnce(person: Person, createAndUpdate: boolean): Promise<MatchResult> {
    const key = JSON.stringify([person.email?.trim().toLowerCase() ?? "", person.lastName, person.firstName, createAndUpdate]);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = matchCandidate(
        { client: requireClient(), search: cache.search, forget: cache.forget, created: createdCandidates },
        person,
        createAndUpdate,
      );
      inFlight.set(key, pending);
      pending.finally(() => inFlight.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  return {
    /** Forget everything learnt with the previous credential. */
    reset() {
      client = null;
      limiter = createRateLimiter();
      cache.clear();
    },

    async lookup(interviewName: string, person: Person): Promise<LookupResponse> {
      try {
        const settings = await readSettings();
        if (!settings.integrationEnabled) return { status: "disabled" };
        const { profileUrlTemplate } = await connect();
        const match = await withRetries(() => matchOnce(person, settings.createAndUpdateCandidates));
        if (match.status === "not-found") return { status: "not-found", createAndUpdate: settings.createAndUpdateCandidates };
        if (match.status === "no-email" || match.status === "hidden") return { status: match.status };
        const candidateId = match.candidate.id;
        const queued = (await outboxItem.getValue()).find((entry) =>
          sameTarget(entry, { candidateId, interviewName, rating: null }),
        );
        return {
          status: match.status,
          candidateId,
          profileUrl: profileUrl(profileUrlTemplate, candidateId),
          rating: await ourRating(candidateId, interviewName, match.candidate.tags),
          ...(queued
            ? {
                outbox: {
                  state: queued.state === "failed" ? ("failed" as const) : ("queued" as const),
                  rating: queued.rating,
                  reason: queued.state === "failed" ? (queued.lastError?.message ?? "Not saved.") : queuedReason(queued),
                },
              }
            : {}),
        };
      } catch (error) {
        return failure(error);
      }
    },

    /** The candidate's record now: tags, primary job and status (one API call, never cached). */
    async candidateRecord(candidateId: string): Promise<CandidateRecord> {
      await connect();
      const candidate = await requireClient().getCandidate(candidateId);
      return {
        tags: candidate.tags,
        jobTitle: candidate.primaryAssignment?.jobTitle ?? null,
        jobStatus: candidate.primaryAssignment?.status ?? null,
      };
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

    /**
     * Stores the rating in the durable outbox, then tries to send it at once. Answers "saved",
     * "queued" (kept and retried) or a permanent failure with its reason.
     */
    async rate(candidateId: string, interviewName: string, rating: Rating | null): Promise<RateResponse> {
      if (!(await readSettings()).integrationEnabled)
        return { status: "error", kind: "forbidden", message: t("errIntegrationOff") };
      const id = newId();
      await updateOutbox((outbox) => ({
        outbox: enqueue(outbox, { candidateId, interviewName, rating }, id, now()),
        result: null,
      }));
      let entry: OutboxEntry | undefined;
      // A flush already under way may have passed this entry by: then one more flush sends it.
      for (let round = 0; round < 2; round += 1) {
        await this.flush();
        entry = (await outboxItem.getValue()).find((queued) => queued.id === id);
        if (!entry || entry.attempts > 0 || entry.state === "failed") break;
      }
      if (!entry) return { status: "saved", rating };
      if (entry.state === "failed")
        return {
          status: "error",
          kind: entry.lastError?.kind ?? "invalid-response",
          message: entry.lastError?.message ?? "Not saved.",
        };
      return { status: "queued", rating, reason: queuedReason(entry) };
    },

    /** Sends every due write, oldest first; one flush at a time. */
    flush(): Promise<void> {
      flushing ??= flushDue().finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /** After a reconnection, writes waiting for it are due again. */
    async resumeAfterReconnect(): Promise<void> {
      await updateOutbox((outbox) => ({
        outbox: outbox.map((entry) =>
          entry.state === "waiting-for-connection" ? { ...entry, state: "pending" as const, nextAttemptAt: now() } : entry,
        ),
        result: null,
      }));
      await this.flush();
    },

    /** Retry (failed writes become due now) or discard a write, from the page or the side panel. */
    async retryOrDiscard(id: string, action: "retry" | "discard"): Promise<void> {
      const discarded = await updateOutbox((outbox) => ({
        outbox:
          action === "discard"
            ? outbox.filter((entry) => entry.id !== id)
            : outbox.map((entry) => (entry.id === id ? { ...entry, state: "pending" as const, nextAttemptAt: now() } : entry)),
        result: action === "discard" ? outbox.find((entry) => entry.id === id) : undefined,
      }));
      if (discarded)
        await recordActivity({
          at: now(),
          candidateId: discarded.candidateId,
          interviewName: discarded.interviewName,
          rating: discarded.rating,
          outcome: "discarded",
        });
      if (action === "retry") await this.flush();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
