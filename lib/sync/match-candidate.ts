import type { SmartRecruitersClient, SourceDetails } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { CandidateSummary } from "../smartrecruiters/types";
import type { CreatedMemory } from "./created-candidates";
import type { JobChoice } from "./job-for-interview";
import { sameText } from "./same-text";
import type { SearchByEmail } from "./search-cache";

export interface Person {
  firstName: string;
  lastName: string;
  email: string | null;
}

export type MatchResult =
  | { status: "found" | "first-name-updated"; candidate: CandidateSummary }
  /** Created for the interview's job, or in the talent pool (job.kind "none", with the reason). */
  | { status: "created"; candidate: CandidateSummary; job: JobChoice }
  | { status: "not-found" }
  | { status: "no-email" }
  /**
   * SmartRecruiters has them, but search cannot find them: in the talent pool only (a create was
   * refused as a duplicate), or a talent-pool create whose answer was lost (unconfirmed).
   */
  | { status: "hidden"; cause: "talent-pool" | "unconfirmed"; job: JobChoice };

/** SmartRecruiters' search is fuzzy: keep exact email + last name matches, oldest first, so the pick is stable. */
export function exactMatches(results: CandidateSummary[], person: Person & { email: string }): CandidateSummary[] {
  return results
    .filter((c) => isPerson(c, person))
    .sort((a, b) => (a.createdOn ?? "").localeCompare(b.createdOn ?? "") || a.id.localeCompare(b.id));
}

function isPerson(candidate: CandidateSummary, person: Person & { email: string }): boolean {
  return sameText(candidate.email, person.email) && sameText(candidate.lastName, person.lastName);
}

const noJob: JobChoice = { kind: "none", why: "no-title", title: null };

export interface MatchDeps {
  client: SmartRecruitersClient;
  /** Email search, possibly cached; `forget` drops a cached result after a write. */
  search: SearchByEmail;
  forget?(email: string): void;
  /** Candidates this browser created (search never shows a talent-pool-only one). */
  created?: CreatedMemory;
  /** The interview's job, asked only when a candidate is about to be created. */
  job?(): Promise<JobChoice>;
  /** `sourceDetails` of a created candidate (policy candidateSource); omitted when null. */
  sourceDetails?: SourceDetails | null;
}

const isKind = (error: unknown, ...kinds: string[]): error is SmartRecruitersError =>
  error instanceof SmartRecruitersError && kinds.includes(error.kind);

/**
 * Finds the SmartRecruiters candidate for a Hellohire candidate. With createAndUpdate, a missing
 * candidate is created (for the interview's job when known) and a differing first name is updated;
 * without it, nothing is written. Never two candidates for one email + last name: a create that was
 * refused as a duplicate, or whose answer was lost, is followed by a search, never by a second create.
 */
export async function matchCandidate(deps: MatchDeps, person: Person, createAndUpdate: boolean): Promise<MatchResult> {
  const { client } = deps;
  const email = person.email?.trim() ?? "";
  if (!email) return { status: "no-email" };
  const who = { ...person, email };
  const lastName = person.lastName.trim();
  const search = async () => exactMatches(await deps.search(email), who)[0];
  const searchAfresh = () => {
    deps.forget?.(email);
    return search();
  };

  async function withFirstName(found: CandidateSummary, retried = false): Promise<MatchResult> {
    if (!createAndUpdate || sameText(found.firstName, person.firstName)) return { status: "found", candidate: found };
    try {
      const updated = await client.updateCandidate(found.id, { firstName: person.firstName.trim() });
      deps.forget?.(email);
      return { status: "first-name-updated", candidate: updated };
    } catch (error) {
      // Email + last name collide with someone else's: keep the candidate as found, unchanged.
      if (isKind(error, "conflict")) return { status: "found", candidate: found };
      // Merged or deleted since the search: look them up again, once.
      if (!isKind(error, "not-found") || retried) throw error;
      const again = await searchAfresh();
      return again ? withFirstName(again, true) : matchMissing();
    }
  }

  /** A candidate named by SmartRecruiters or our memory, if they are still there and still this person. */
  async function confirmed(id: string): Promise<CandidateSummary | null> {
    try {
      const candidate = await client.getCandidate(id);
      return isPerson(candidate, who) ? candidate : null;
    } catch (error) {
      if (isKind(error, "not-found")) return null;
      throw error;
    }
  }

  async function matchMissing(): Promise<MatchResult> {
    const memory = await deps.created?.find(email, lastName);
    if (memory && "id" in memory) {
      const known = await confirmed(memory.id);
      if (known) return withFirstName(known);
      await deps.created?.forget(email, lastName);
    }
    if (!createAndUpdate) return { status: "not-found" };
    const job = (await deps.job?.()) ?? noJob;
    if (memory && "unconfirmed" in memory) return { status: "hidden", cause: "unconfirmed", job };
    return create(job);
  }

  async function create(job: JobChoice): Promise<MatchResult> {
    const jobId = job.kind === "job" ? job.jobId : null;
    try {
      const created = await client.createCandidate(
        { firstName: person.firstName.trim(), lastName, email },
        { jobId, sourceDetails: deps.sourceDetails ?? null },
      );
      deps.forget?.(email);
      await deps.created?.remember(email, lastName, created.id);
      return { status: "created", candidate: created, job };
    } catch (error) {
      if (isKind(error, "conflict")) {
        const named = error.existingId ? await confirmed(error.existingId) : null;
        if (named) await deps.created?.remember(email, lastName, named.id);
        const existing = named ?? (await searchAfresh());
        return existing ? withFirstName(existing) : { status: "hidden", cause: "talent-pool", job };
      }
      if (!(error instanceof SmartRecruitersError) || !error.transient) throw error;
      // The answer was lost: the candidate may exist now. Search, never create blindly again.
      if (!jobId) await deps.created?.rememberUnconfirmed(email, lastName);
      const existing = await searchAfresh();
      if (existing) {
        await deps.created?.remember(email, lastName, existing.id);
        return { status: "created", candidate: existing, job };
      }
      // For a job, search shows every candidate with an application: not there means not created.
      if (jobId) throw error;
      return { status: "hidden", cause: "unconfirmed", job };
    }
  }

  const found = await search();
  return found ? withFirstName(found) : matchMissing();
}
