import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { CandidateSummary } from "../smartrecruiters/types";
import type { SearchByEmail } from "./search-cache";

export interface Person {
  firstName: string;
  lastName: string;
  email: string | null;
}

export type MatchResult =
  | { status: "found" | "created" | "first-name-updated"; candidate: CandidateSummary }
  | { status: "not-found" }
  | { status: "no-email" }
  /** SmartRecruiters says the candidate exists, but this credential cannot see them. */
  | { status: "hidden" };

function same(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
  return norm(a) === norm(b);
}

/** SmartRecruiters' search is fuzzy: keep exact email + last name matches, oldest first, so the pick is stable. */
export function exactMatches(results: CandidateSummary[], person: Person & { email: string }): CandidateSummary[] {
  return results
    .filter((c) => same(c.email, person.email) && same(c.lastName, person.lastName))
    .sort((a, b) => (a.createdOn ?? "").localeCompare(b.createdOn ?? "") || a.id.localeCompare(b.id));
}

export interface MatchDeps {
  client: SmartRecruitersClient;
  /** Email search, possibly cached; `forget` drops a cached result after a write. */
  search: SearchByEmail;
  forget?(email: string): void;
  /**
   * Candidates this browser created, by email + last name: search may not show a talent-pool-only
   * candidate, and where SmartRecruiters accepts duplicates, creating again would make a second one.
   */
  created?: {
    find(email: string, lastName: string): Promise<string | null>;
    remember(email: string, lastName: string, candidateId: string): Promise<void>;
  };
}

/**
 * Finds the SmartRecruiters candidate for a Hellohire candidate. With createAndUpdate, a missing
 * candidate is created and a differing first name is updated; without it, nothing is written.
 */
export async function matchCandidate(deps: MatchDeps, person: Person, createAndUpdate: boolean): Promise<MatchResult> {
  const { client } = deps;
  const email = person.email?.trim();
  if (!email) return { status: "no-email" };
  const withEmail = { ...person, email };
  const search = async () => exactMatches(await deps.search(email), withEmail)[0];
  const found = await search();
  if (found) {
    if (!createAndUpdate || same(found.firstName, person.firstName)) return { status: "found", candidate: found };
    const updated = await client.updateCandidate(found.id, { firstName: person.firstName.trim() });
    deps.forget?.(email);
    return { status: "first-name-updated", candidate: updated };
  }
  if (!createAndUpdate) return { status: "not-found" };
  const createdBefore = await deps.created?.find(email, person.lastName);
  if (createdBefore) {
    try {
      return { status: "found", candidate: await client.getCandidate(createdBefore) };
    } catch (error) {
      if (!(error instanceof SmartRecruitersError) || error.kind !== "not-found") throw error;
    }
  }
  try {
    const created = await client.createCandidate({ firstName: person.firstName.trim(), lastName: person.lastName.trim(), email });
    deps.forget?.(email);
    await deps.created?.remember(email, person.lastName, created.id);
    return { status: "created", candidate: created };
  } catch (error) {
    if (!(error instanceof SmartRecruitersError) || error.kind !== "conflict") throw error;
    deps.forget?.(email);
    const existing = await search();
    return existing ? { status: "found", candidate: existing } : { status: "hidden" };
  }
}
