import { t } from "../../lib/i18n/messages";
import type { PanelStore } from "./store";

/** For admins: the current settings as a managed-policy file to roll out (docs/admin.md). */
export function AdminTemplate({ store }: { store: PanelStore }) {
  const { templateCopied, copyPolicyTemplate } = store();
  return (
    <details class="admin">
      <summary>{t("adminSummary")}</summary>
      <p class="help">{t("adminHelp")}</p>
      <button type="button" class="secondary" onClick={() => copyPolicyTemplate()}>
        {t("adminCopy")}
      </button>
      {templateCopied && (
        <>
          <span class={templateCopied.ok ? "note" : "error"} role="status">
            {` ${templateCopied.ok ? t("adminCopied") : t("adminCopyRefused")}`}
          </span>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard (WCAG 2.1.1). */}
          <pre data-testid="policy-template" tabIndex={0}>
            {templateCopied.text}
          </pre>
        </>
      )}
    </details>
  );
}
