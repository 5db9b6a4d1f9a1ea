import type { Failure } from "../messaging/protocol";
import type { Person } from "./match-candidate";
import type { Rating } from "./rating-tag";

/** Prefix of the placeholder ID a rating carries until its candidate is created in SmartRecruiters. */
export const newCandidatePrefix = "new:";

/**
 * The interviewer's rating asked to create the candidate or update their first name first
 * (create-and-update, after their own action on our widget): who they are, until that is done.
 */
export interface PendingMatch {
  person: Person;
  jobTitle: string | null;
}

/**
 * One rating write waiting to reach SmartRecruiters. Holds IDs and the rating only, except while a
 * candidate is still to be created or renamed (`pendingMatch`: their name and email, until then).
 */
export interface OutboxEntry {
  /** Idempotency key. */
  id: string;
  /** The candidate as the page knows them: their SmartRecruiters ID, or a placeholder (`new:…`) until created. */
  candidateId: string;
  /** The SmartRecruiters candidate a placeholder (or a renamed candidate) turned out to be. */
  resolvedId?: string;
  pendingMatch?: PendingMatch;
  interviewName: string;
  rating: Rating | null;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  state: "pending" | "waiting-for-connection" | "failed";
  lastError?: { kind: Failure["kind"]; message: string };
  /** A tag write of an earlier attempt was sent and its answer lost: it may have been applied. */
  wroteMaybe?: boolean;
}

export type RatingWrite = Pick<OutboxEntry, "candidateId" | "interviewName" | "rating">;

/** The SmartRecruiters candidate an entry writes to (known once a placeholder is resolved). */
export const writeTarget = (entry: Pick<OutboxEntry, "candidateId" | "resolvedId">): string =>
  entry.resolvedId ?? entry.candidateId;

export const sameTarget = (a: RatingWrite, b: RatingWrite) =>
  a.candidateId === b.candidateId && a.interviewName.trim().toLowerCase() === b.interviewName.trim().toLowerCase();

/**
 * Adds a write. A newer rating of the same candidate in the same interview replaces any older one
 * not yet sent: only the last choice must land, and writes for one candidate stay in order.
 */
export function enqueue(
  outbox: OutboxEntry[],
  write: RatingWrite & { pendingMatch?: PendingMatch },
  id: string,
  now: number,
): OutboxEntry[] {
  const entry: OutboxEntry = { ...write, id, createdAt: now, attempts: 0, nextAttemptAt: now, state: "pending" };
  return [...outbox.filter((queued) => !sameTarget(queued, write)), entry];
}

const permanentKinds = new Set<string>([
  "bad-request",
  "access-denied",
  "no-api-access",
  "not-found",
  "conflict",
  "invalid-response",
  "invalid-request",
  "forbidden",
]);

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random, retryAfterMs?: number): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempts - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** What a failed attempt does to an entry: retry later, wait for a reconnection, or stop with the reason. */
export function afterFailure(
  entry: OutboxEntry,
  error: { kind: Failure["kind"]; message: string; retryAfterMs?: number },
  now: number,
  random: () => number = Math.random,
): OutboxEntry {
  const attempts = entry.attempts + 1;
  const lastError = { kind: error.kind, message: error.message };
  if (error.kind === "not-connected")
    return { ...entry, attempts, lastError, state: "waiting-for-connection", nextAttemptAt: now + 60_000 };
  if (permanentKinds.has(error.kind)) return { ...entry, attempts, lastError, state: "failed" };
  return {
    ...entry,
    attempts,
    lastError,
    state: "pending",
    nextAttemptAt: now + backoffMs(attempts, random, error.retryAfterMs),
  };
}

/** Entries to try now, oldest first. */
export function due(outbox: OutboxEntry[], now: number): OutboxEntry[] {
  return outbox
    .filter((entry) => entry.state !== "failed" && entry.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** When the next retry is due, for the alarm. */
export function nextWake(outbox: OutboxEntry[]): number | null {
  const times = outbox.filter((entry) => entry.state !== "failed").map((entry) => entry.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}
