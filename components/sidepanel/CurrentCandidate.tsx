import { ratingLabelKeys } from "../../components/InterviewWidget";
import { t } from "../../lib/i18n/messages";
import type { LookupResponse, PageStatus } from "../../lib/messaging/protocol";
import type { JobChoice } from "../../lib/sync/job-for-interview";
import { OutboxRow } from "./Pending";
import type { PanelStore } from "./store";

/** Why a candidate went to the talent pool rather than the interview's job. */
function noJobWords(choice: Extract<JobChoice, { kind: "none" }>): string {
  const title = choice.title ?? "";
  switch (choice.why) {
    case "no-title":
      return t("jobWhyNoTitle");
    case "no-match":
      return t("jobWhyNoMatch", title);
    case "ambiguous":
      return t("jobWhyAmbiguous", title);
    case "no-access":
      return t("jobWhyNoAccess");
    case "unavailable":
      return t("jobWhyUnavailable");
  }
}

/** Where this browser created the candidate: the job, or the talent pool, which no one's search sees. */
function placementWords(job: JobChoice): string {
  return job.kind === "job" ? t("matchCreatedForJob", job.title ?? job.jobId) : t("matchCreatedTalentPool", noJobWords(job));
}

/** How the Hellohire candidate matched in SmartRecruiters, in plain words. */
function matchWords(match: LookupResponse): string {
  switch (match.status) {
    case "found":
      return match.job ? placementWords(match.job) : t("matchFound");
    case "created":
      return match.job ? placementWords(match.job) : t("matchCreated");
    case "first-name-updated":
      return t("matchFirstNameUpdated");
    case "not-found":
      return match.createAndUpdate ? t("matchNotYet") : t("matchNotFound");
    case "no-email":
      return t("matchNoEmail");
    case "hidden":
      return `${t(match.cause === "unconfirmed" ? "matchUnconfirmed" : "matchHidden")}${match.job.kind === "none" ? ` ${noJobWords(match.job)}` : ""}`;
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
        {page.jobTitle && (
          <>
            <dt>{t("jobOnPageLabel")}</dt>
            <dd data-testid="page-job">{page.jobTitle}</dd>
          </>
        )}
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
