import type { PageStatus } from "../../lib/messaging/protocol";
import { CurrentCandidate } from "./CurrentCandidate";
import type { PanelStore } from "./store";

/** Plain words for the table entries the page reader uses, for the diagnosis. */
const entryWords: Record<string, string> = {
  room: "interview room",
  oneOnOneRoom: "one-on-one format",
  waiting: "waiting-for-candidate message",
  candidateCard: "candidate card",
  candidateName: "candidate's name",
  detailRow: "candidate detail rows",
  detailLabel: "detail labels",
  detailValue: "detail values",
  interviewTitle: "interview name",
  queueItem: "upcoming candidates",
  queueItemEmail: "upcoming candidates' emails",
  firstNameLabel: "first name",
  lastNameLabel: "last name",
  emailLabel: "email",
};

function Summary({ page, store }: { page: PageStatus; store: PanelStore }) {
  switch (page.kind) {
    case "one-on-one":
      return <CurrentCandidate store={store} page={page} />;
    case "waiting":
      return <p>Waiting for the next candidate to join.</p>;
    case "other-format":
      return <p>This interview is not one-on-one: the link and ratings appear in one-on-one interviews only.</p>;
    case "not-interview":
      return <p>This Hellohire page is not an interview.</p>;
    case "disabled":
      return <p>The SmartRecruiters integration is switched off.</p>;
    case "unreadable":
      return (
        <div class="diagnosis" role="alert" data-testid="diagnosis">
          <p>
            <strong>This page looks like a one-on-one interview, but the extension cannot read it</strong>, so it shows nothing on
            the page. Hellohire may have changed its page.
          </p>
          <p>
            Not found: {(page.missing ?? []).map((entry) => entryWords[entry] ?? entry).join(", ")} (
            <code>{(page.missing ?? []).join(", ")}</code>).
          </p>
          <p>Copy the page structure below and send it to your administrator: it contains no names, emails or other text.</p>
        </div>
      );
  }
}

export function ThisTab({ store }: { store: PanelStore }) {
  const { page, copied, copyPageStructure } = store();
  return (
    <section aria-labelledby="tab-title">
      <h2 id="tab-title">This tab</h2>
      {page ? <Summary page={page} store={store} /> : <p>Open a Hellohire interview to see its candidate here.</p>}
      {page?.overrideProblems?.length ? (
        <p class="error" data-testid="override-problems">
          Your organisation's page selectors were ignored: {page.overrideProblems.join("; ")}.
        </p>
      ) : null}
      {page && (
        <div class="structure">
          <button type="button" class="secondary" onClick={() => copyPageStructure()}>
            Copy page structure
          </button>
          {copied && (
            <span class={copied.ok ? "note" : "error"} role="status">
              {copied.ok ? `Copied ${copied.lines} lines, with every text and value redacted.` : copied.message}
            </span>
          )}
          {copied?.text && (
            <details class="copied" open={!copied.ok}>
              <summary>What was copied</summary>
              <pre data-testid="page-structure">{copied.text}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
