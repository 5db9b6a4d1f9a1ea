import { type MessageKey, t } from "../lib/i18n/messages";
import type { Rating } from "../lib/sync/rating-tag";

export type LinkState = { kind: "looking" } | { kind: "ready"; profileUrl: string } | { kind: "unavailable"; reason: string };

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving"; rating: Rating | null }
  | { kind: "saved" }
  /** Kept in the outbox and retried automatically (offline, SmartRecruiters busy or down). */
  | { kind: "queued"; rating: Rating | null; reason: string }
  /** Not saved. `inOutbox`: the outbox holds it still (the side panel can retry or discard it), as opposed to refused outright. */
  | { kind: "failed"; reason: string; retry: Rating | null; inOutbox?: boolean };

export interface InterviewWidgetProps {
  link: LinkState;
  /** The rating SmartRecruiters holds from this browser. */
  rating: Rating | null;
  save: SaveState;
  onRate(rating: Rating | null): void;
  /** The buttons work without a link: a rating will create the candidate (create-and-update). */
  rateable?: boolean;
  /** A short note that takes the status line for a moment (a key press that did not count). */
  notice?: string | null;
}

/** The rating buttons' labels; the tag written to SmartRecruiters stays English (lib/sync/rating-tag.ts). */
export const ratingLabelKeys: Record<Rating, MessageKey> = { yes: "ratingYes", maybe: "ratingMaybe", no: "ratingNo" };
const choices: Rating[] = ["yes", "maybe", "no"];

function Status({ link, save, onRate, notice }: Pick<InterviewWidgetProps, "link" | "save" | "onRate" | "notice">) {
  if (notice)
    return (
      <span class="status notice" role="status">
        {notice}
      </span>
    );
  if (save.kind === "saving")
    return (
      <span class="status" role="status">
        {t("widgetSaving")}
      </span>
    );
  if (save.kind === "failed")
    return (
      <span class="status error" role="alert">
        {t("notSaved", save.reason)}{" "}
        <button type="button" class="retry" onClick={() => onRate(save.retry)}>
          {t("widgetRetry")}
        </button>
      </span>
    );
  if (save.kind === "saved")
    return (
      <span class="status saved" role="status">
        {t("widgetSaved")}
      </span>
    );
  if (save.kind === "queued")
    return (
      <span class="status queued" role="status">
        {t("widgetQueued", save.reason)}
      </span>
    );
  if (link.kind === "looking")
    return (
      <span class="status" role="status">
        {t("widgetLookingUp")}
      </span>
    );
  if (link.kind === "unavailable") return <span class="status">{link.reason}</span>;
  return null;
}

/** "View in SmartRecruiters" and Yes / Maybe / No, shown under the candidate's name. */
export function InterviewWidget({ link, rating, save, onRate, rateable = false, notice = null }: InterviewWidgetProps) {
  const canRate = (link.kind === "ready" || rateable === true) && save.kind !== "saving";
  const shown = save.kind === "saving" || save.kind === "queued" ? save.rating : rating;
  return (
    <div class="widget" data-testid="srh-widget">
      {link.kind === "ready" ? (
        <a class="link" href={link.profileUrl} target="_blank" rel="noopener noreferrer">
          {t("viewInSmartRecruiters")}
        </a>
      ) : (
        <span class="link" aria-disabled="true" title={link.kind === "unavailable" ? link.reason : t("lookingUp")}>
          {t("viewInSmartRecruiters")}
        </span>
      )}
      <fieldset class="ratings">
        <legend class="visually-hidden">{t("widgetRateLegend")}</legend>
        {choices.map((choice) => {
          const label = t(ratingLabelKeys[choice]);
          return (
            <button
              type="button"
              key={choice}
              aria-pressed={shown === choice}
              disabled={!canRate}
              title={shown === choice ? t("widgetRemoveRating", label) : t("widgetRate", label)}
              onClick={() => onRate(shown === choice ? null : choice)}
            >
              {label}
            </button>
          );
        })}
      </fieldset>
      <Status link={link} save={save} onRate={onRate} notice={notice} />
    </div>
  );
}
