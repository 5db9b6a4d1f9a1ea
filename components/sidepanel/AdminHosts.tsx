import { t } from "../../lib/i18n/messages";
import type { PanelStore } from "./store";

/** "https://*.acme.com/events/*" → "*.acme.com": the address as an interviewer recognises it. */
export function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//u, "").replace(/\/.*$/u, "");
}

/** The Hellohire addresses the organisation added by policy and this browser has not allowed yet. */
export function AdminHosts({ store }: { store: PanelStore }) {
  const { hostsToAllow, hostsRefused, allowHosts } = store();
  if (hostsToAllow.length === 0) return null;
  return (
    <div class="notice" data-testid="admin-hosts">
      <p>{t("adminHostsNeeded", hostsToAllow.map(hostOf).join(", "))}</p>
      <button type="button" onClick={() => allowHosts()}>
        {t("allowAdminHosts")}
      </button>
      {hostsRefused && (
        <p class="error" role="status">
          {t("adminHostsRefused")}
        </p>
      )}
    </div>
  );
}
