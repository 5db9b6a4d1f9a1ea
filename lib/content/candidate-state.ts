import type { InterviewWidgetProps, LinkState, SaveState } from "../../components/InterviewWidget";
import { t } from "../i18n/messages";
import type { LookupResponse, PendingRating, RateResponse } from "../messaging/protocol";
import type { Rating } from "../sync/rating-tag";

/** What the page shows for one candidate; it belongs to that candidate and never leaks to the next. */
export interface CandidateState {
  link: LinkState;
  /** Their SmartRecruiters ID, or the placeholder of a rating that creates them; null: none yet. */
  candidateId: string | null;
  /** The buttons work: the candidate was found, or a rating will create them (create-and-update). */
  rateable: boolean;
  rating: Rating | null;
  save: SaveState;
}

export const initialCandidateState: CandidateState = {
  link: { kind: "looking" },
  candidateId: null,
  rateable: false,
  rating: null,
  save: { kind: "idle" },
};

/** Prefix of the placeholder ID of a candidate a queued rating will create (lib/sync/outbox.ts). */
const placeholderPrefix = "new:";

/** A rating created them, but the page has no profile address for them yet: a lookup gets it. */
export const awaitsProfile = (state: CandidateState): boolean =>
  state.candidateId?.startsWith(placeholderPrefix) === true && state.save.kind === "saved";

export function afterLookup(state: CandidateState, response: LookupResponse): CandidateState {
  switch (response.status) {
    case "found":
    case "created":
    case "first-name-updated": {
      const ready: CandidateState = {
        ...state,
        link: { kind: "ready", profileUrl: response.profileUrl },
        candidateId: response.candidateId,
        rateable: true,
        rating: response.rating,
      };
      const held = response.outbox;
      if (!held || state.save.kind !== "idle") return ready;
      const save: SaveState =
        held.state === "queued"
          ? { kind: "queued", rating: held.rating, reason: held.reason }
          : { kind: "failed", reason: held.reason, retry: held.rating };
      return { ...ready, save };
    }
    case "not-found":
      // With create-and-update, the interviewer's first rating adds them (never the page load).
      return {
        ...state,
        rateable: response.createAndUpdate,
        link: { kind: "unavailable", reason: response.createAndUpdate ? t("widgetToCreate") : t("widgetNotYet") },
      };
    case "no-email":
      return {
        ...state,
        link: { kind: "unavailable", reason: t("widgetNoEmail") },
      };
    case "hidden":
      return {
        ...state,
        link: { kind: "unavailable", reason: t(response.cause === "unconfirmed" ? "widgetUnconfirmed" : "widgetHidden") },
      };
    case "disabled":
      return { ...state, link: { kind: "unavailable", reason: t("integrationSwitchedOff") } };
    case "error":
      return { ...state, link: { kind: "unavailable", reason: response.message } };
  }
}

export function savingRating(state: CandidateState, rating: Rating | null): CandidateState {
  return { ...state, save: { kind: "saving", rating } };
}

export function afterRating(state: CandidateState, wanted: Rating | null, response: RateResponse): CandidateState {
  if (response.status === "error") return { ...state, save: { kind: "failed", reason: response.message, retry: wanted } };
  // Created by this rating, or merged or deleted in SmartRecruiters: the rating followed them, and so does the link
  // (a placeholder without an address while their creation is queued).
  const moved = response.moved;
  const followed: CandidateState = moved
    ? {
        ...state,
        candidateId: moved.candidateId,
        ...(moved.profileUrl === null ? {} : { link: { kind: "ready" as const, profileUrl: moved.profileUrl } }),
      }
    : state;
  if (response.status === "saved") return { ...followed, rating: response.rating, save: { kind: "saved" } };
  return { ...followed, save: { kind: "queued", rating: response.rating, reason: response.reason } };
}

/**
 * Follows the outbox after the answer to a rating: a queued write that left the outbox has
 * landed; one that failed for good shows its reason and a retry.
 */
export function afterOutboxChange(state: CandidateState, entry: PendingRating | undefined): CandidateState {
  const { save } = state;
  const waiting = save.kind === "queued" || (save.kind === "failed" && save.inOutbox === true);
  if (!waiting) return state;
  // Gone from the outbox: sent (a rating the side panel retried, too). Discarded ones are gone with their entry as well:
  // the rating SmartRecruiters holds is then unknown here, and a lookup on the next visit tells.
  if (!entry) return { ...state, rating: save.kind === "queued" ? save.rating : save.retry, save: { kind: "saved" } };
  if (entry.state === "failed")
    return {
      ...state,
      save: {
        kind: "failed",
        reason: entry.lastError?.message ?? t("widgetNotSavedNoReason"),
        retry: entry.rating,
        inOutbox: true,
      },
    };
  // Back in the queue (the side panel's Retry): waiting again.
  if (save.kind === "failed") return { ...state, save: { kind: "queued", rating: entry.rating, reason: save.reason } };
  return state;
}

export function widgetProps(state: CandidateState, onRate: (rating: Rating | null) => void): InterviewWidgetProps {
  return { link: state.link, rating: state.rating, save: state.save, rateable: state.rateable, onRate };
}
