import { ratingLabelKeys } from "../../components/InterviewWidget";
import { t } from "../../lib/i18n/messages";
import type { LookupResponse, PageStatus } from "../../lib/messaging/protocol";
import { OutboxRow } from "./Pending";
import type { PanelStore } from "./store";

/** How the Hellohire candidate matched in SmartRecruiters, in plain words. */
function matchWords(match: LookupResponse): string {
  switch (match.status) {
    case "found":
      return t("matchFound");
    case "created":
      return t("matchCreated");
    case "first-name-updated":
      return t("matchFirstNameUpdated");
    case "not-found":
      return match.createAndUpdate ? t("matchNotYet") : t("matchNotFound");
    case "no-email":
      return t("matchNoEmail");
    case "hidden":
      return t("matchHidden");
    case "disabled":
      return t("matchDisabled");
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
        <dt>{t("candidateLabel")}</dt>
        <dd>
          {person?.firstName} {person?.lastName}
        </dd>
        <dt>{t("emailLabel")}</dt>
        <dd>{person?.email ?? t("emailNotShown")}</dd>
        <dt>{t("interviewLabel")}</dt>
        <dd>{page.interviewName}</dd>
        <dt>{t("smartRecruitersLabel")}</dt>
        <dd data-testid="match">{match ? matchWords(match) : t("lookingUp")}</dd>
        {match && "candidateId" in match && (
          <>
            <dt>{t("yourRatingLabel")}</dt>
            <dd data-testid="your-rating">{match.rating ? t(ratingLabelKeys[match.rating]) : t("notRated")}</dd>
          </>
        )}
        {matched?.record && (
          <>
            <dt>{t("jobLabel")}</dt>
            <dd data-testid="job">
              {matched.record.jobTitle ?? t("noJob")}
              {matched.record.jobStatus ? ` · ${matched.record.jobStatus.toLowerCase().replaceAll("_", " ")}` : ""}
            </dd>
            <dt>{t("tagsLabel")}</dt>
            <dd>
              {matched.record.tags.length === 0 ? (
                t("noTags")
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
            {t("viewInSmartRecruiters")}
          </a>
        </p>
      )}
      {pending.length > 0 && (
        <ul class="pending" aria-label={t("candidatePending")}>
          {pending.map((entry) => (
            <OutboxRow key={entry.id} entry={entry} onAction={(action) => outboxAction(entry.id, action)} />
          ))}
        </ul>
      )}
    </div>
  );
}
