/** SmartRecruiters' production addresses; every one is configurable at run time. */
export const defaultApiBaseUrl = "https://api.smartrecruiters.com";
export const defaultProfileUrlTemplate = "https://www.smartrecruiters.com/app/people/candidates/{id}";
export const defaultAuthorizeUrl = "https://www.smartrecruiters.com/identity/oauth/allow";
export const defaultTokenUrl = "https://www.smartrecruiters.com/identity/oauth/token";

/**
 * The OAuth client ID SmartRecruiters issued to this extension, set at build time
 * (WXT_SMARTRECRUITERS_CLIENT_ID); empty when none was issued: then an admin sets `clientId` by policy.
 */
export const defaultClientId: string = import.meta.env?.WXT_SMARTRECRUITERS_CLIENT_ID ?? "";

/** Hosts the background may call: the API and the OAuth endpoints. */
export const smartRecruitersHostPatterns = ["https://api.smartrecruiters.com/*", "https://www.smartrecruiters.com/*"] as const;

/** `<API origin>/identity/oauth/token`: where SmartRecruiters' client-credentials docs send the grant. */
export function apiHostTokenUrl(apiBaseUrl: string): string | null {
  try {
    return new URL("/identity/oauth/token", apiBaseUrl).href;
  } catch {
    return null;
  }
}

/** One of SmartRecruiters' own hosts (www, api, …), as opposed to an organisation's token endpoint. */
export function isSmartRecruitersHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "smartrecruiters.com" || host.endsWith(".smartrecruiters.com");
  } catch {
    return false;
  }
}

/**
 * An address an interviewer may type: https on SmartRecruiters' own domain (`smartrecruiters.com` or
 * any `*.smartrecruiters.com`), on the default port, with no user name or password in it.
 */
export function isSmartRecruitersAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === "https:" &&
      parsed.port === "" &&
      !parsed.username &&
      !parsed.password &&
      isSmartRecruitersHost(parsed.href)
    );
  } catch {
    return false;
  }
}
