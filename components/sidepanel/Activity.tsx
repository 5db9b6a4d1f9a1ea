import { ratingLabelKeys } from "../../components/InterviewWidget";
import { type MessageKey, t } from "../../lib/i18n/messages";
import { type ActivityEntry, currentActivity } from "../../lib/sync/activity";
import type { PanelStore } from "./store";

const outcomeWords: Record<ActivityEntry["outcome"], MessageKey> = {
  saved: "outcomeSaved",
  failed: "outcomeFailed",
  discarded: "outcomeDiscarded",
};

function time(at: number): string {
  return new Date(at).toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
}

/** The recent writes and what became of them (kept 7 days at most; IDs only, no names). */
export function Activity({ store, now = Date.now }: { store: PanelStore; now?: () => number }) {
  const entries = currentActivity(
    store((state) => state.activity),
    now(),
  );
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">{t("activityTitle")}</h2>
      {entries.length === 0 ? (
        <p class="help-inline">{t("activityEmpty")}</p>
      ) : (
        <ol class="activity" data-testid="activity">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.candidateId}-${entry.outcome}`} class={entry.outcome}>
              <time dateTime={new Date(entry.at).toISOString()}>{time(entry.at)}</time>{" "}
              <strong>{t(outcomeWords[entry.outcome])}</strong>:{" "}
              {entry.rating ? t(ratingLabelKeys[entry.rating]) : t("ratingRemoved")} · {entry.interviewName} ·{" "}
              {t("candidateWord")} <code>{entry.candidateId.slice(0, 8)}</code>
              {entry.reason && <div class="reason">{entry.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
