import { ratingLabelKeys } from "../../components/InterviewWidget";
import { t } from "../../lib/i18n/messages";
import type { OutboxEntry } from "../../lib/sync/outbox";
import type { PanelStore } from "./store";

function describe(entry: OutboxEntry): string {
  if (entry.state === "failed") return t("notSaved", entry.lastError?.message ?? t("pendingRefused"));
  if (entry.state === "waiting-for-connection") return t("pendingWaitingForConnection");
  return entry.lastError ? t("pendingRetrying", entry.lastError.message) : t("pendingSending");
}

/** One write not yet in SmartRecruiters, with its reason, Retry now and Discard. */
export function OutboxRow({ entry, onAction }: { entry: OutboxEntry; onAction(action: "retry" | "discard"): void }) {
  return (
    <li class={entry.state === "failed" ? "failed" : ""}>
      <div>
        <strong>{entry.rating ? t(ratingLabelKeys[entry.rating]) : t("removeRating")}</strong> · {entry.interviewName} ·{" "}
        {t("candidateWord")} <code>{entry.candidateId.slice(0, 8)}</code>
      </div>
      <div class="reason">{describe(entry)}</div>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onAction("retry")}>
          {t("retryNow")}
        </button>
        <button type="button" class="secondary" onClick={() => onAction("discard")}>
          {t("discard")}
        </button>
      </div>
    </li>
  );
}

/** Ratings not yet in SmartRecruiters, with retry and discard. */
export function Pending({ store }: { store: PanelStore }) {
  const { outbox, outboxAction } = store();
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t("pendingTitle")}</h2>
      {outbox.length === 0 ? (
        <p class="help-inline">{t("pendingEmpty")}</p>
      ) : (
        <ul class="pending" data-testid="pending">
          {outbox.map((entry) => (
            <OutboxRow key={entry.id} entry={entry} onAction={(action) => outboxAction(entry.id, action)} />
          ))}
        </ul>
      )}
    </section>
  );
}
