import { type MessageKey, t } from "../../lib/i18n/messages";
import type { PageStatus } from "../../lib/messaging/protocol";
import { CurrentCandidate } from "./CurrentCandidate";
import { ReaderNote, SetUpPage } from "./SetUpPage";
import type { PanelStore } from "./store";
import { UseOnSite } from "./UseOnSite";

/** Plain words for the table entries the page reader uses, for the diagnosis. */
const entryWords: Partial<Record<string, MessageKey>> = {
  room: "partRoom",
  oneOnOneRoom: "partOneOnOneRoom",
  waiting: "partWaiting",
  candidateCard: "partCandidateCard",
  candidateName: "partCandidateName",
  detailRow: "partDetailRow",
  detailLabel: "partDetailLabel",
  detailValue: "partDetailValue",
  interviewTitle: "partInterviewTitle",
  queueItem: "partQueueItem",
  queueItemEmail: "partQueueItemEmail",
  firstNameLabel: "partFirstNameLabel",
  lastNameLabel: "partLastNameLabel",
  emailLabel: "partEmailLabel",
};

function entryWord(entry: string): string {
  const key = entryWords[entry];
  return key ? t(key) : entry;
}

function Summary({ page, store }: { page: PageStatus; store: PanelStore }) {
  switch (page.kind) {
    case "one-on-one":
      return <CurrentCandidate store={store} page={page} />;
    case "waiting":
      return <p>{t("thisTabWaiting")}</p>;
    case "other-format":
      return <p>{t("thisTabOtherFormat")}</p>;
    case "not-interview":
      return <p>{t("thisTabNotInterview")}</p>;
    case "disabled":
      return <p>{t("integrationSwitchedOff")}</p>;
    case "unreadable":
      return (
        <div class="diagnosis" role="alert" data-testid="diagnosis">
          <p>
            <strong>{t("diagnosisStrong")}</strong>
            {t("diagnosisRest")}
          </p>
          <p>
            {t("diagnosisNotFound", (page.missing ?? []).map(entryWord).join(", "))} (
            <code>{(page.missing ?? []).join(", ")}</code>).
          </p>
          <p>{t("diagnosisSend")}</p>
        </div>
      );
  }
}

export function ThisTab({ store }: { store: PanelStore }) {
  const { page, copied, copyPageStructure } = store();
  return (
    <section aria-labelledby="tab-title">
      <h2 id="tab-title">{t("thisTabTitle")}</h2>
      {page ? <Summary page={page} store={store} /> : <p>{t("thisTabNoPage")}</p>}
      {page && <ReaderNote page={page} />}
      <SetUpPage store={store} />
      <UseOnSite store={store} />
      {page?.overrideProblems?.length ? (
        <p class="error" data-testid="override-problems">
          {t(page.ignoredOverride === "user" ? "userOverrideProblems" : "overrideProblems", page.overrideProblems.join("; "))}
        </p>
      ) : null}
      {page && (
        <div class="structure">
          <button type="button" class="secondary" onClick={() => copyPageStructure()}>
            {t("copyPageStructure")}
          </button>
          {copied && (
            <span class={copied.ok ? "note" : "error"} role="status">
              {copied.ok ? t("copiedLines", String(copied.lines)) : copied.text ? t("copyRefusedStructure") : copied.message}
            </span>
          )}
          {copied?.text && (
            <details class="copied" open={!copied.ok}>
              <summary>{t("whatWasCopied")}</summary>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard (WCAG 2.1.1). */}
              <pre data-testid="page-structure" tabIndex={0}>
                {copied.text}
              </pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
