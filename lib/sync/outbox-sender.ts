import { t } from "../i18n/messages";
import type { MovedCandidate, RateResponse } from "../messaging/protocol";
import { readSettings } from "../settings/settings";
import { markTiming } from "../shared/timing";
import { profileUrl, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { recordActivity } from "./activity-store";
import { applyRating } from "./apply-rating";
import { createdCandidates } from "./created-candidates";
import { knownPeople } from "./known-people";
import type { Matcher } from "./lookups";
import {
  afterFailure,
  due,
  enqueue,
  newCandidatePrefix,
  nextWake,
  type OutboxEntry,
  type PendingMatch,
  sameTarget,
  writeTarget,
} from "./outbox";
import { outboxItem, updateOutbox } from "./outbox-store";
import type { Rating } from "./rating-tag";
import { queuedReason, type SyncContext } from "./sync-context";
import { moveWrittenRatings, ratingKey, recordWrittenRating, writtenRatingTags } from "./written-ratings";

/** Writes in flight at once while flushing the outbox (each is a read and a write of tags). */
const flushConcurrency = 8;

export interface OutboxSenderOptions {
  /** Wakes the worker for the next retry (alarms survive a stopped worker). */
  scheduleWake(at: number | null): void;
  newId(): string;
  now(): number;
  /** A rating's candidate got another ID (created for a placeholder, merged, found again): tabs that knew the old one follow. */
  onCandidateMoved?(deadId: string, aliveId: string): void;
}

/** What a rating is for: the candidate the tab's lookup found, or (create-and-update) the person to match first. */
export interface RateRequest {
  /** The SmartRecruiters ID, or the placeholder of an earlier rating of a candidate still to create; null: none yet. */
  candidateId: string | null;
  interviewName: string;
  rating: Rating | null;
  /** Create the candidate or update their first name before the tag (the interviewer's own action allowed it). */
  match: PendingMatch | null;
}

const gone = () => new SmartRecruitersError("not-found", t("errCandidateGone"), 404);

const notMatched = (status: "not-found" | "no-email" | "hidden", cause?: "talent-pool" | "unconfirmed") =>
  new SmartRecruitersError(
    "not-found",
    t(
      status === "no-email"
        ? "widgetNoEmail"
        : status === "not-found"
          ? "errRateUnknownCandidate"
          : cause === "unconfirmed"
            ? "widgetUnconfirmed"
            : "widgetHidden",
    ),
    404,
  );

/**
 * The durable outbox's sender: every rating is stored before it is sent, sent a few at a time
 * (never two for one candidate at once), retried with backoff, and follows a candidate that
 * SmartRecruiters merged or deleted since the lookup to the candidate found for that person now.
 */
export function createOutboxSender(context: SyncContext, match: Matcher, options: OutboxSenderOptions) {
  const { now } = options;
  let flushing: Promise<void> | null = null;
  /** Candidate IDs that died and the ID their ratings now go to, for the page that still shows the old one. */
  const movedTo = new Map<string, string>();

  /**
   * The candidate a dead ID's person is now: looked up again by email + last name (created again
   * where create-and-update allows). Every trace of the dead ID is forgotten first. Once: a second
   * 404 is final.
   */
  async function follow(deadId: string, interviewName: string): Promise<string> {
    const person = await knownPeople.get(deadId);
    if (!person?.email) throw gone();
    context.cache.forget(person.email);
    const memory = await createdCandidates.find(person.email, person.lastName);
    if (memory && "id" in memory && memory.id === deadId) await createdCandidates.forget(person.email, person.lastName);
    const createAndUpdate = await context.mayCreate((await readSettings()).createAndUpdateCandidates);
    const result = await match({ interviewName, jobTitle: person.jobTitle, person, createAndUpdate });
    await knownPeople.forget(deadId);
    if (!("candidate" in result)) throw gone();
    const aliveId = result.candidate.id;
    movedTo.set(deadId, aliveId);
    await updateOutbox((outbox) => ({
      outbox: outbox.map((entry) =>
        entry.candidateId === deadId
          ? { ...entry, candidateId: aliveId }
          : entry.resolvedId === deadId
            ? { ...entry, resolvedId: aliveId }
            : entry,
      ),
      result: null,
    }));
    await moveWrittenRatings(deadId, aliveId);
    options.onCandidateMoved?.(deadId, aliveId);
    return aliveId;
  }

  /**
   * A rating that asked to create the candidate or update their first name: matched now (creating or
   * renaming as create-and-update allows), the person's details dropped from the outbox once done.
   */
  async function resolve(entry: OutboxEntry & { pendingMatch: PendingMatch }): Promise<OutboxEntry> {
    const { person, jobTitle } = entry.pendingMatch;
    const createAndUpdate = await context.mayCreate((await readSettings()).createAndUpdateCandidates);
    const result = await match({ interviewName: entry.interviewName, jobTitle, person, createAndUpdate });
    if (!("candidate" in result)) throw notMatched(result.status, result.status === "hidden" ? result.cause : undefined);
    const resolvedId = result.candidate.id;
    const { pendingMatch: _done, ...resolved } = { ...entry, resolvedId };
    await updateOutbox((outbox) => ({
      outbox: outbox.map((queued) => {
        if (queued.id !== entry.id) return queued;
        const { pendingMatch: _matched, ...rest } = queued;
        return { ...rest, resolvedId };
      }),
      result: null,
    }));
    if (resolvedId !== entry.candidateId) {
      movedTo.set(entry.candidateId, resolvedId);
      options.onCandidateMoved?.(entry.candidateId, resolvedId);
    }
    return resolved;
  }

  /** The client, noting when a tag write goes out (its answer may be lost, and the write applied all the same). */
  function noticingWrites(sent: { write: boolean }): SmartRecruitersClient {
    const client = context.client();
    const writing = <T>(call: () => Promise<T>) => {
      sent.write = true;
      return call();
    };
    return {
      ...client,
      addTags: (id, tags) => writing(() => client.addTags(id, tags)),
      replaceTags: (id, tags) => writing(() => client.replaceTags(id, tags)),
      deleteTags: (id) => writing(() => client.deleteTags(id)),
    };
  }

  async function writeOnce(
    write: Pick<OutboxEntry, "candidateId" | "interviewName" | "rating" | "wroteMaybe">,
    sent: { write: boolean },
  ): Promise<void> {
    markTiming("write-started");
    const key = ratingKey(write.candidateId, write.interviewName);
    // Read while the candidate's tags are asked for: it is needed only with their answer.
    const previousTag = writtenRatingTags.getValue().then((written) => written[key] ?? null);
    const { written, tags } = await applyRating(noticingWrites(sent), {
      candidateId: write.candidateId,
      interviewName: write.interviewName,
      rating: write.rating,
      previousTag,
      afterLostWrite: write.wroteMaybe === true,
    });
    await context.cache.updateTags(write.candidateId, tags);
    await recordWrittenRating(key, written);
  }

  /** Sends one write; a flush signs in once for all its writes (tokens are still renewed per call). */
  async function send(entry: OutboxEntry, connected: boolean, sent: { write: boolean }): Promise<void> {
    if (!connected) await context.connect();
    const write = entry.pendingMatch ? await resolve({ ...entry, pendingMatch: entry.pendingMatch }) : entry;
    const target = writeTarget(write);
    try {
      await writeOnce({ ...write, candidateId: target }, sent);
    } catch (error) {
      if (!(error instanceof SmartRecruitersError) || error.kind !== "not-found") throw error;
      const aliveId = await follow(target, write.interviewName);
      await writeOnce({ ...write, candidateId: aliveId, wroteMaybe: false }, sent);
    }
  }

  async function attempt(entry: OutboxEntry, connected: boolean): Promise<void> {
    let outcome: OutboxEntry | null = null;
    const sent = { write: false };
    try {
      await send(entry, connected, sent);
    } catch (error) {
      const problem = error instanceof SmartRecruitersError ? error : context.failure(error);
      const retryAfterMs = error instanceof SmartRecruitersError ? error.retryAfterMs : undefined;
      outcome = afterFailure(
        entry,
        { kind: problem.kind, message: problem.message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
        now(),
      );
      const lostAnswer = error instanceof SmartRecruitersError && error.transient;
      if (sent.write && lostAnswer) outcome = { ...outcome, wroteMaybe: true };
    }
    await updateOutbox((outbox) => ({
      outbox: outcome
        ? outbox.map((queued) => (queued.id === entry.id ? afterAttempt(queued, outcome as OutboxEntry) : queued))
        : outbox.filter((queued) => queued.id !== entry.id),
      result: null,
    }));
    const candidateId = movedTo.get(writeTarget(entry)) ?? writeTarget(entry);
    // Best effort, off the write's path: the activity list only informs.
    if (!outcome || outcome.state === "failed")
      void recordActivity({
        at: now(),
        candidateId,
        interviewName: entry.interviewName,
        rating: entry.rating,
        outcome: outcome ? "failed" : "saved",
        ...(outcome?.lastError ? { reason: outcome.lastError.message } : {}),
      }).catch(() => undefined);
  }

  /** The entry as stored now (a resolve or a follow may have moved it) with the attempt's outcome. */
  function afterAttempt(stored: OutboxEntry, outcome: OutboxEntry): OutboxEntry {
    const { pendingMatch: _sent, resolvedId: _old, ...failed } = outcome;
    const candidateId = movedTo.get(stored.candidateId) ?? stored.candidateId;
    const resolved = stored.resolvedId ? (movedTo.get(stored.resolvedId) ?? stored.resolvedId) : undefined;
    return {
      ...failed,
      candidateId,
      ...(resolved ? { resolvedId: resolved } : {}),
      ...(stored.pendingMatch ? { pendingMatch: stored.pendingMatch } : {}),
    };
  }

  /**
   * Sends every due write, oldest first, a few at a time so the rate limiter (not the round trips)
   * sets the pace; never two writes for the same candidate at once, so each candidate's apply in order.
   */
  async function flushDue(): Promise<void> {
    markTiming("flush-started");
    // Signing in and reading the outbox overlap: the first write waits for both.
    const connecting = context.connect().then(
      () => true,
      () => false,
    );
    const busyCandidates = new Set<string>();
    const started = new Set<string>();
    const worker = async () => {
      for (;;) {
        const next = due(await outboxItem.getValue(), now()).find(
          (entry) => !started.has(entry.id) && !busyCandidates.has(writeTarget(entry)),
        );
        if (!next) return;
        started.add(next.id);
        const target = writeTarget(next);
        busyCandidates.add(target);
        try {
          await attempt(next, await connecting);
        } finally {
          busyCandidates.delete(target);
        }
      }
    };
    await Promise.all(Array.from({ length: flushConcurrency }, worker));
    options.scheduleWake(nextWake(await outboxItem.getValue()));
  }

  /** The candidate's new ID and profile address when a rating followed them to another ID. */
  async function moved(candidateId: string): Promise<{ moved?: MovedCandidate }> {
    const aliveId = movedTo.get(candidateId);
    if (!aliveId) return {};
    const { profileUrlTemplate } = await context.connect();
    return { moved: { candidateId: aliveId, profileUrl: profileUrl(profileUrlTemplate, aliveId) } };
  }

  const sender = {
    /** Sends every due write, oldest first; one flush at a time. */
    flush(): Promise<void> {
      flushing ??= flushDue().finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /**
     * Stores the rating in the durable outbox, then tries to send it at once. Answers "saved",
     * "queued" (kept and retried) or a permanent failure with its reason.
     */
    async rate(request: RateRequest): Promise<RateResponse> {
      const { interviewName, rating, match: pendingMatch } = request;
      // The sign-in set-up is read while the rating is stored: the flush after it reuses this read.
      context.connect().catch(() => undefined);
      if (!(await readSettings()).integrationEnabled)
        return { status: "error", kind: "forbidden", message: t("errIntegrationOff") };
      if (request.candidateId === null && !pendingMatch)
        return { status: "error", kind: "not-found", message: t("errRateUnknownCandidate") };
      const candidateId = request.candidateId ?? `${newCandidatePrefix}${options.newId()}`;
      const id = options.newId();
      // Withdrawn before the candidate was created: nothing to create, nothing to write.
      const nothingToDo = rating === null && candidateId.startsWith(newCandidatePrefix) && !movedTo.has(candidateId);
      await updateOutbox((outbox) => ({
        outbox: nothingToDo
          ? outbox.filter((entry) => !sameTarget(entry, { candidateId, interviewName, rating }))
          : enqueue(outbox, { candidateId, interviewName, rating, ...(pendingMatch ? { pendingMatch } : {}) }, id, now()),
        result: null,
      }));
      markTiming("outbox-saved");
      if (nothingToDo) return { status: "saved", rating: null };
      let entry: OutboxEntry | undefined;
      // A flush already under way may have passed this entry by: then one more flush sends it.
      for (let round = 0; round < 2; round += 1) {
        await sender.flush();
        entry = (await outboxItem.getValue()).find((queued) => queued.id === id);
        if (!entry || entry.attempts > 0 || entry.state === "failed") break;
      }
      if (!entry) return { status: "saved", rating, ...(movedTo.has(candidateId) ? await moved(candidateId) : {}) };
      if (entry.state === "failed")
        return {
          status: "error",
          kind: entry.lastError?.kind ?? "invalid-response",
          message: entry.lastError?.message ?? t("widgetNotSavedNoReason"),
        };
      // A placeholder still queued: the page tracks the placeholder until the rating lands.
      const tracked = candidateId.startsWith(newCandidatePrefix)
        ? { moved: { candidateId, profileUrl: null } }
        : await moved(candidateId);
      return { status: "queued", rating, reason: queuedReason(entry), ...tracked };
    },

    /** After a reconnection, writes waiting for it are due again. */
    async resumeAfterReconnect(): Promise<void> {
      await updateOutbox((outbox) => ({
        outbox: outbox.map((entry) =>
          entry.state === "waiting-for-connection" ? { ...entry, state: "pending" as const, nextAttemptAt: now() } : entry,
        ),
        result: null,
      }));
      await sender.flush();
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
      if (action === "retry") await sender.flush();
    },
  };
  return sender;
}
