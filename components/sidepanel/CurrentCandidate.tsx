import type { LookupResponse, PageStatus } from "../../lib/messaging/protocol";
import type { Rating } from "../../lib/sync/rating-tag";
import { OutboxRow } from "./Pending";
import type { PanelStore } from "./store";

const ratingWords: Record<Rating, string> = { yes: "Yes", maybe: "Maybe", no: "No" };

/** How the Hellohire candidate matched in SmartRecruiters, in plain words. */
function matchWords(match: LookupResponse): string {
  switch (match.status) {
    case "found":
      return "Found in SmartRecruiters";
    case "created":
      return "Added to SmartRecruiters' talent pool by this extension";
    case "first-name-updated":
      return "Found in SmartRecruiters; first name updated from Hellohire";
    case "not-found":
      return match.createAndUpdate
        ? "Not in SmartRecruiters yet"
        : "Not found in SmartRecruiters (turn on “Create and update candidate profile” to add them)";
    case "no-email":
      return "Hellohire shows no email, so the candidate cannot be matched";
    case "hidden":
      return "In SmartRecruiters, but your account cannot see them: you need access to the talent pool or to be on the hiring team of their job";
    case "disabled":
      return "The SmartRecruiters integration is switched off";
    case "error":
      return match.message;
  }
}

/** The active interview's candidate: as Hellohire shows them, and as SmartRecruiters has them. */
export function CurrentCandidate({ store, page }: { store: PanelStore; page: PageStatus }) {
  const { candidate: details, outbox, outboxAction } = store();
  const person = page.candidate;
  const matched = details?.status === "ok" ? details : null;
  const match = matched?.match;
  const candidateId = match && "candidateId" in match ? match.candidateId : null;
  const pending = candidateId ? outbox.filter((entry) => entry.candidateId === candidateId) : [];
  return (
    <div data-testid="current-candidate">
      <dl class="candidate">
        <dt>Candidate</dt>
        <dd>
          {person?.firstName} {person?.lastName}
        </dd>
        <dt>Email</dt>
        <dd>{person?.email ?? "Not shown by Hellohire"}</dd>
        <dt>Interview</dt>
        <dd>{page.interviewName}</dd>
        <dt>SmartRecruiters</dt>
        <dd data-testid="match">{match ? matchWords(match) : "Looking up…"}</dd>
        {match && "candidateId" in match && (
          <>
            <dt>Your rating</dt>
            <dd data-testid="your-rating">{match.rating ? ratingWords[match.rating] : "Not rated"}</dd>
          </>
        )}
        {matched?.record && (
          <>
            <dt>Job</dt>
            <dd data-testid="job">
              {matched.record.jobTitle ?? "No job application (talent pool)"}
              {matched.record.jobStatus ? ` · ${matched.record.jobStatus.toLowerCase().replaceAll("_", " ")}` : ""}
            </dd>
            <dt>Tags</dt>
            <dd>
              {matched.record.tags.length === 0 ? (
                "No tags"
              ) : (
                <ul class="tags" data-testid="tags">
                  {matched.record.tags.map((tag) => (
                    <li key={tag}>{tag}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>
      {matched?.recordError && <p class="error">{matched.recordError}</p>}
      {match && "profileUrl" in match && (
        <p>
          <a href={match.profileUrl} target="_blank" rel="noopener noreferrer">
            View in SmartRecruiters
          </a>
        </p>
      )}
      {pending.length > 0 && (
        <ul class="pending" aria-label="This candidate's ratings not yet saved">
          {pending.map((entry) => (
            <OutboxRow key={entry.id} entry={entry} onAction={(action) => outboxAction(entry.id, action)} />
          ))}
        </ul>
      )}
    </div>
  );
}
