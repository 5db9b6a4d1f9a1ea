import { type MessageKey, t } from "../../lib/i18n/messages";
import type { PageStatus, SetupStep } from "../../lib/messaging/protocol";
import { CopiedText } from "./CopiedText";
import type { PanelStore } from "./store";

const readerWords: Record<NonNullable<PageStatus["reader"]>, MessageKey> = {
  default: "readerDefault",
  policy: "readerPolicy",
  user: "readerUser",
  meaning: "readerMeaning",
};

const stepWords: Record<SetupStep, MessageKey> = {
  name: "setupStepName",
  email: "setupStepEmail",
  firstName: "setupStepFirstName",
  lastName: "setupStepLastName",
  interviewTitle: "setupStepInterviewTitle",
  jobTitle: "setupStepJobTitle",
};

/** Which reader read the candidate on this tab. */
export function ReaderNote({ page }: { page: PageStatus }) {
  if (page.kind !== "one-on-one" || !page.reader) return null;
  return (
    <p class="help" data-testid="reader">
      {t(readerWords[page.reader])}
    </p>
  );
}

/**
 * "Set up this page": the interviewer clicks the page's parts (the picker runs in the tab); the result is
 * their own override for the site, which they can copy for their admin or remove.
 */
export function SetUpPage({ store }: { store: PanelStore }) {
  const { page, setup, setupCopied, setupError, startSetup, removeSetup, copySetupForAdmin } = store();
  if (!page || page.kind === "disabled") return null;
  if (page.reader === "policy" || setup?.policyOverride)
    return (
      <p class="help" data-testid="setup">
        {t("setupPolicyWins")}
      </p>
    );
  return (
    <div class="setup" data-testid="setup">
      {setup?.picking ? (
        <p class="notice" role="status" data-testid="setup-step">
          {t(stepWords[setup.picking])}
        </p>
      ) : (
        <>
          {!setup?.selectors && <p class="help">{t("setupHelp")}</p>}
          <button type="button" class="secondary" onClick={() => startSetup()}>
            {t("setupStart")}
          </button>
        </>
      )}
      {setupError && (
        <p class="error" role="alert">
          {setupError}
        </p>
      )}
      {setup?.selectors && !setup.picking && (
        <>
          <p data-testid="setup-saved">{t("setupSaved", setup.origin)}</p>
          <button type="button" class="secondary" onClick={() => copySetupForAdmin()}>
            {t("setupCopyForAdmin")}
          </button>{" "}
          <button type="button" class="secondary" onClick={() => removeSetup()}>
            {t("setupRemove")}
          </button>
          {setupCopied && (
            <CopiedText
              ok={setupCopied.ok}
              said={setupCopied.ok ? t("setupCopied") : t("setupCopyRefused")}
              text={setupCopied.text}
              testId="setup-policy"
            />
          )}
        </>
      )}
    </div>
  );
}
