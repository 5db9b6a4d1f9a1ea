import { useState } from "preact/hooks";
import { t } from "../../lib/i18n/messages";
import type { PanelStore } from "./store";

const outcomeWords = { added: "useOnSiteAdded", refused: "useOnSiteRefused", invalid: "errSiteInvalid" } as const;

/**
 * "Use on this site", for an active tab the extension does not run in: the interviewer gives the address of their
 * organisation's Hellohire page; the browser is asked for that site only, and the content script runs there.
 */
export function UseOnSite({ store }: { store: PanelStore }) {
  const { page, siteAddress, siteAdded, useOnSite } = store();
  const [typed, setTyped] = useState<string | null>(null);
  if (page) return null;
  const address = typed ?? siteAddress;
  return (
    <div class="use-on-site" data-testid="use-on-site">
      <p class="help">{t("useOnSiteHelp")}</p>
      <label>
        {t("useOnSiteLabel")}
        <input type="url" value={address} onInput={(event) => setTyped(event.currentTarget.value)} />
      </label>
      <button type="button" class="secondary" onClick={() => useOnSite(address)}>
        {t("useOnSiteButton")}
      </button>
      {siteAdded && (
        <p class={siteAdded === "added" ? "note" : "error"} role="status">
          {t(outcomeWords[siteAdded])}
        </p>
      )}
    </div>
  );
}
