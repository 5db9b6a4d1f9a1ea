import type { InterviewWidgetProps, LinkState, SaveState } from "../../components/InterviewWidget";
import type { LookupResponse, RateResponse } from "../messaging/protocol";
import type { Rating } from "../sync/rating-tag";

/** What the page shows for one candidate; it belongs to that candidate and never leaks to the next. */
export interface CandidateState {
  link: LinkState;
  candidateId: string | null;
  rating: Rating | null;
  save: SaveState;
}

export const initialCandidateState: CandidateState = {
  link: { kind: "looking" },
  candidateId: null,
  rating: null,
  save: { kind: "idle" },
};

export function afterLookup(state: CandidateState, response: LookupResponse): CandidateState {
  switch (response.status) {
    case "found":
    case "created":
    case "first-name-updated":
      return {
        ...state,
        link: { kind: "ready", profileUrl: response.profileUrl },
        candidateId: response.candidateId,
        rating: response.rating,
      };
    case "not-found":
      return {
        ...state,
        link: {
          kind: "unavailable",
          reason: response.createAndUpdate
            ? "Not found in SmartRecruiters."
            : "Not in SmartRecruiters yet. Turn on “Create and update candidate profile” to add them.",
        },
      };
    case "no-email":
      return {
        ...state,
        link: { kind: "unavailable", reason: "Hellohire shows no email for this candidate, so they cannot be matched." },
      };
    case "hidden":
      return {
        ...state,
        link: {
          kind: "unavailable",
          reason:
            "This candidate exists in SmartRecruiters but you cannot see them: ask for talent pool access or to join the job's hiring team.",
        },
      };
    case "disabled":
      return { ...state, link: { kind: "unavailable", reason: "The SmartRecruiters integration is switched off." } };
    case "error":
      return { ...state, link: { kind: "unavailable", reason: response.message } };
  }
}

export function savingRating(state: CandidateState, rating: Rating | null): CandidateState {
  return { ...state, save: { kind: "saving", rating } };
}

export function afterRating(state: CandidateState, wanted: Rating | null, response: RateResponse): CandidateState {
  if (response.status === "saved") return { ...state, rating: response.rating, save: { kind: "saved" } };
  return { ...state, save: { kind: "failed", reason: response.message, retry: wanted } };
}

export function widgetProps(state: CandidateState, onRate: (rating: Rating | null) => void): InterviewWidgetProps {
  return { link: state.link, rating: state.rating, save: state.save, onRate };
}
