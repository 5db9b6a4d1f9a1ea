import { Fragment } from "preact";
import { t } from "../../lib/i18n/messages";
import type { PanelStore } from "./store";

/** Up to this many entries the list shows open; a longer one starts folded, so the sections below stay in reach. */
const openUpTo = 5;

/**
 * The SmartRecruiters job the organisation's policy sets for each Hellohire interview
 * (jobByInterview), locked like the other managed settings; nothing when the policy sets none.
 */
export function JobMapping({ store }: { store: PanelStore }) {
  const { jobByInterview } = store();
  const entries = Object.entries(jobByInterview);
  if (entries.length === 0) return null;
  return (
    <div class="setting" data-testid="job-mapping">
      <details open={entries.length <= openUpTo}>
        <summary>
          {t("jobMappingTitle")} ({entries.length})
        </summary>
        <dl class="candidate">
          {entries.map(([interview, jobId]) => (
            <Fragment key={interview}>
              <dt>{interview}</dt>
              <dd>
                <code>{jobId}</code>
              </dd>
            </Fragment>
          ))}
        </dl>
      </details>
      <p class="help">
        <span class="managed">{t("managedByOrganisation")} </span>
        {t("jobMappingHelp")}
      </p>
    </div>
  );
}
