import { t } from "../i18n/messages";
import type { CandidateRecord, LookupResponse } from "../messaging/protocol";
import { readSettings } from "../settings/settings";
import { profileUrl } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { createdCandidates } from "./created-candidates";
import type { JobChoice } from "./job-for-interview";
import { knownPeople } from "./known-people";
import { type MatchResult, matchCandidate, type Person } from "./match-candidate";
import { backoffMs, sameTarget } from "./outbox";
import { outboxItem } from "./outbox-store";
import { sameText } from "./same-text";
import { ourRating, queuedReason, type SyncContext } from "./sync-context";

/** Attempts of one lookup against passing failures (about 0.5 + 1 + 2 s of waiting at most). */
const lookupAttempts = 4;

/** How long to wait before attempt `attempt + 1` (SmartRecruiters' Retry-After, when it said one, is a floor). */
export type RetryDelay = (attempt: number, retryAfterMs?: number) => number;

export const lookupBackoff: RetryDelay = (attempt, retryAfterMs) => backoffMs(attempt, Math.random, retryAfterMs);

/** A lookup that met a passing failure (offline, 5xx, busy) is tried again a few times before the page is told. */
async function withRetries<T>(run: () => Promise<T>, delayMs: RetryDelay): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof SmartRecruitersError) || !error.transient || attempt >= lookupAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs(attempt, error.retryAfterMs)));
    }
  }
}

export interface MatchRequest {
  interviewName: string;
  jobTitle: string | null;
  person: Person;
  createAndUpdate: boolean;
}

/**
 * Matching a Hellohire candidate to SmartRecruiters: one match in flight per request across all
 * tabs, one after the other for the same person (ratings of two interviews never create them twice),
 * remembered by candidate ID for the session so a rating can follow them if the ID dies.
 */
export function createMatcher(context: SyncContext) {
  const inFlight = new Map<string, Promise<MatchResult>>();
  /** The last match of each person (email + last name): the next one starts after it, so two ratings never create twice. */
  const lastOfPerson = new Map<string, Promise<unknown>>();

  function afterPrevious(person: Person, start: () => Promise<MatchResult>): Promise<MatchResult> {
    const who = JSON.stringify([person.email?.trim().toLowerCase() ?? "", person.lastName.trim().toLowerCase()]);
    const next = (lastOfPerson.get(who) ?? Promise.resolve()).then(start, start);
    lastOfPerson.set(who, next);
    next
      .finally(() => {
        if (lastOfPerson.get(who) === next) lastOfPerson.delete(who);
      })
      .catch(() => undefined);
    return next;
  }

  async function run(request: MatchRequest): Promise<MatchResult> {
    const { person, interviewName, jobTitle } = request;
    const { policy } = await context.policy();
    const result = await matchCandidate(
      {
        client: context.client(),
        search: context.cache.search,
        forget: context.cache.forget,
        created: createdCandidates,
        job: () => context.jobs.find(interviewName, jobTitle),
        sourceDetails: policy.candidateSource ?? null,
      },
      person,
      request.createAndUpdate,
    );
    if ("candidate" in result)
      await knownPeople.remember(result.candidate.id, {
        ...person,
        jobTitle,
        ...(result.status === "created" ? { placement: result.job } : {}),
      });
    return result;
  }

  return (request: MatchRequest): Promise<MatchResult> => {
    const { person } = request;
    const key = JSON.stringify([
      person.email?.trim().toLowerCase() ?? "",
      person.lastName,
      person.firstName,
      request.createAndUpdate,
      request.interviewName,
      request.jobTitle,
    ]);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = afterPrevious(person, () => run(request));
      inFlight.set(key, pending);
      pending.finally(() => inFlight.delete(key)).catch(() => undefined);
    }
    return pending;
  };
}

export type Matcher = ReturnType<typeof createMatcher>;

/** Where this browser created the candidate, on every later lookup of this session too. */
async function placement(result: Extract<MatchResult, { candidate: unknown }>): Promise<{ job?: JobChoice }> {
  const job = result.status === "created" ? result.job : (await knownPeople.get(result.candidate.id))?.placement;
  return job ? { job } : {};
}

/** The page's and the side panel's questions: who is this candidate in SmartRecruiters, and what do they hold now. */
export function createLookups(context: SyncContext, match: Matcher, retryDelay: RetryDelay = lookupBackoff) {
  return {
    async lookup(interviewName: string, person: Person, jobTitle: string | null = null): Promise<LookupResponse> {
      try {
        const settings = await readSettings();
        if (!settings.integrationEnabled) return { status: "disabled" };
        const { profileUrlTemplate } = await context.connect();
        // Switched on, but the sign-in may not create (the side panel asks to sign in again): find only.
        const mayCreate = await context.mayCreate(settings.createAndUpdateCandidates);
        // A lookup never writes: creating or renaming waits for the interviewer's own action (a rating).
        const result = await withRetries(() => match({ interviewName, jobTitle, person, createAndUpdate: false }), retryDelay);
        if (result.status === "not-found") return { status: "not-found", createAndUpdate: mayCreate };
        if (result.status === "no-email") return { status: "no-email" };
        if (result.status === "hidden") return { status: "hidden", cause: result.cause, job: result.job };
        const candidateId = result.candidate.id;
        const queued = (await outboxItem.getValue()).find((entry) =>
          sameTarget(entry, { candidateId, interviewName, rating: null }),
        );
        return {
          status: result.status,
          candidateId,
          profileUrl: profileUrl(profileUrlTemplate, candidateId),
          rating: await ourRating(candidateId, interviewName, result.candidate.tags),
          ...(await placement(result)),
          ...(mayCreate && !sameText(result.candidate.firstName, person.firstName) ? { renameDue: true } : {}),
          ...(queued
            ? {
                outbox: {
                  state: queued.state === "failed" ? ("failed" as const) : ("queued" as const),
                  rating: queued.rating,
                  reason:
                    queued.state === "failed" ? (queued.lastError?.message ?? t("widgetNotSavedNoReason")) : queuedReason(queued),
                },
              }
            : {}),
        };
      } catch (error) {
        return context.failure(error);
      }
    },

    /** The candidate's record now: tags, primary job and status (one API call, never cached). */
    async candidateRecord(candidateId: string): Promise<CandidateRecord> {
      await context.connect();
      const candidate = await context.client().getCandidate(candidateId);
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
        await context.connect();
        for (const email of emails.slice(0, 5)) if (!context.cache.has(email)) await context.cache.search(email);
      } catch {
        // A failed prefetch costs nothing: the lookup tries again when the candidate arrives.
      }
    },
  };
}
