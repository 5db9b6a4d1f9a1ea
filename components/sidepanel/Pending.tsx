import type { OutboxEntry } from "../../lib/sync/outbox";
import type { Rating } from "../../lib/sync/rating-tag";
import type { PanelStore } from "./store";

const ratingWords: Record<Rating, string> = { yes: "Yes", maybe: "Maybe", no: "No" };

function describe(entry: OutboxEntry): string {
  if (entry.state === "failed") return `Not saved: ${entry.lastError?.message ?? "refused"}`;
  if (entry.state === "waiting-for-connection") return "Waiting for SmartRecruiters to be reconnected";
  return entry.lastError ? `Retrying: ${entry.lastError.message}` : "Sending…";
}

/** One write not yet in SmartRecruiters, with its reason, Retry now and Discard. */
export function OutboxRow({ entry, onAction }: { entry: OutboxEntry; onAction(action: "retry" | "discard"): void }) {
  return (
    <li class={entry.state === "failed" ? "failed" : ""}>
      <div>
        <strong>{entry.rating ? ratingWords[entry.rating] : "Remove rating"}</strong> · {entry.interviewName} · candidate{" "}
        <code>{entry.candidateId.slice(0, 8)}</code>
      </div>
      <div class="reason">{describe(entry)}</div>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onAction("retry")}>
          Retry now
        </button>
        <button type="button" class="secondary" onClick={() => onAction("discard")}>
          Discard
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
      <h2 id="pending-title">Pending ratings</h2>
      {outbox.length === 0 ? (
        <p class="help-inline">Every rating is saved in SmartRecruiters.</p>
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
