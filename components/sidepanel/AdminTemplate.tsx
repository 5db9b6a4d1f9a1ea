import { t } from "../../lib/i18n/messages";
import { CopiedText } from "./CopiedText";
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
        <CopiedText
          ok={templateCopied.ok}
          said={templateCopied.ok ? t("adminCopied") : t("adminCopyRefused")}
          text={templateCopied.text}
          testId="policy-template"
        />
      )}
    </details>
  );
}
