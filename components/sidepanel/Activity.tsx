import { type ActivityEntry, currentActivity } from "../../lib/sync/activity";
import type { Rating } from "../../lib/sync/rating-tag";
import type { PanelStore } from "./store";

const ratingWords: Record<Rating, string> = { yes: "Yes", maybe: "Maybe", no: "No" };
const outcomeWords: Record<ActivityEntry["outcome"], string> = {
  saved: "Saved",
  failed: "Not saved",
  discarded: "Discarded",
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
      <h2 id="activity-title">Activity</h2>
      {entries.length === 0 ? (
        <p class="help-inline">No ratings written from this browser in the last 7 days.</p>
      ) : (
        <ol class="activity" data-testid="activity">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.candidateId}-${entry.outcome}`} class={entry.outcome}>
              <time dateTime={new Date(entry.at).toISOString()}>{time(entry.at)}</time>{" "}
              <strong>{outcomeWords[entry.outcome]}</strong>: {entry.rating ? ratingWords[entry.rating] : "rating removed"} ·{" "}
              {entry.interviewName} · candidate <code>{entry.candidateId.slice(0, 8)}</code>
              {entry.reason && <div class="reason">{entry.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
