import type { Rating } from "../lib/sync/rating-tag";

export type LinkState = { kind: "looking" } | { kind: "ready"; profileUrl: string } | { kind: "unavailable"; reason: string };

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving"; rating: Rating | null }
  | { kind: "saved" }
  /** Kept in the outbox and retried automatically (offline, SmartRecruiters busy or down). */
  | { kind: "queued"; rating: Rating | null; reason: string }
  | { kind: "failed"; reason: string; retry: Rating | null };

export interface InterviewWidgetProps {
  link: LinkState;
  /** The rating SmartRecruiters holds from this browser. */
  rating: Rating | null;
  save: SaveState;
  onRate(rating: Rating | null): void;
}

const choices: { rating: Rating; label: string }[] = [
  { rating: "yes", label: "Yes" },
  { rating: "maybe", label: "Maybe" },
  { rating: "no", label: "No" },
];

function Status({ link, save, onRate }: Pick<InterviewWidgetProps, "link" | "save" | "onRate">) {
  if (save.kind === "saving")
    return (
      <span class="status" role="status">
        Saving…
      </span>
    );
  if (save.kind === "failed")
    return (
      <span class="status error" role="alert">
        Not saved: {save.reason}{" "}
        <button type="button" class="retry" onClick={() => onRate(save.retry)}>
          Retry
        </button>
      </span>
    );
  if (save.kind === "saved")
    return (
      <span class="status saved" role="status">
        Saved to SmartRecruiters
      </span>
    );
  if (save.kind === "queued")
    return (
      <span class="status queued" role="status">
        Queued: {save.reason}
      </span>
    );
  if (link.kind === "looking")
    return (
      <span class="status" role="status">
        Looking up in SmartRecruiters…
      </span>
    );
  if (link.kind === "unavailable") return <span class="status">{link.reason}</span>;
  return null;
}

/** "View in SmartRecruiters" and Yes / Maybe / No, shown under the candidate's name. */
export function InterviewWidget({ link, rating, save, onRate }: InterviewWidgetProps) {
  const canRate = link.kind === "ready" && save.kind !== "saving";
  const shown = save.kind === "saving" || save.kind === "queued" ? save.rating : rating;
  return (
    <div class="widget" data-testid="srh-widget">
      {link.kind === "ready" ? (
        <a class="link" href={link.profileUrl} target="_blank" rel="noopener noreferrer">
          View in SmartRecruiters
        </a>
      ) : (
        <span class="link" aria-disabled="true" title={link.kind === "unavailable" ? link.reason : "Looking up…"}>
          View in SmartRecruiters
        </span>
      )}
      <fieldset class="ratings">
        <legend class="visually-hidden">Rate this candidate</legend>
        {choices.map((choice) => (
          <button
            type="button"
            key={choice.rating}
            aria-pressed={shown === choice.rating}
            disabled={!canRate}
            title={shown === choice.rating ? `Remove the ${choice.label} rating` : `Rate ${choice.label}`}
            onClick={() => onRate(shown === choice.rating ? null : choice.rating)}
          >
            {choice.label}
          </button>
        ))}
      </fieldset>
      <Status link={link} save={save} onRate={onRate} />
    </div>
  );
}
