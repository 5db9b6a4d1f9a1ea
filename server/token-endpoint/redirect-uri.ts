/**
 * Which `redirect_uri` an authorization-code exchange may name: the address where the browser hands
 * the code to an allowed extension, and nowhere else. Web-standard (crypto.subtle, URL).
 *
 * - Chrome / Edge: `identity.getRedirectURL(path?)` is `https://<extension-id>.chromiumapp.org/<path>`.
 * - Firefox: `identity.getRedirectURL(path?)` is `https://<hash>.extensions.allizom.org/<path>`, where
 *   <hash> is the lowercase hex SHA-1 of the add-on ID as written in the manifest
 *   (`browser_specific_settings.gecko.id`), the same on every computer (Firefox's
 *   toolkit/components/extensions/child/ext-identity.js: computeHash(extension.id) with SHA-1, and the
 *   pref extensions.webextensions.identity.redirectDomain, default extensions.allizom.org).
 *
 * Any path on those hosts is the extension's (the browser intercepts the whole host), but the address
 * must be written the way the browser writes it: https, no port, no user name, no query, no fragment.
 */

export const CHROMIUM_REDIRECT_DOMAIN = "chromiumapp.org";
export const FIREFOX_REDIRECT_DOMAIN = "extensions.allizom.org";

/** Firefox accepts a GUID in braces or an email-like ID, at most 80 characters. */
const FIREFOX_ADDON_ID = /^(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|[a-z0-9._-]*@[a-z0-9._-]+)$/i;
const MAX_FIREFOX_ADDON_ID_LENGTH = 80;

export function isFirefoxAddonId(id: string): boolean {
  return id.length <= MAX_FIREFOX_ADDON_ID_LENGTH && FIREFOX_ADDON_ID.test(id);
}

export function chromiumRedirectHost(extensionId: string): string {
  return `${extensionId}.${CHROMIUM_REDIRECT_DOMAIN}`;
}

/** The host of a Firefox add-on's identity.getRedirectURL(). */
export async function firefoxRedirectHost(addonId: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(addonId));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex}.${FIREFOX_REDIRECT_DOMAIN}`;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/**
 * An exact redirect URI an administrator allows (e.g. Firefox's loopback form
 * http://127.0.0.1/mozoauth2/<hash>), as a URL writes it; undefined when it cannot be one: not https
 * (plain http only to 127.0.0.1 / localhost), a user name, a query or a fragment.
 */
export function checkedRedirectUri(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
  if (!secure || url.username !== "" || url.password !== "" || url.href.includes("?") || url.href.includes("#")) {
    return undefined;
  }
  return url.href;
}

export interface RedirectAllowList {
  /** Hosts of allowed extensions' identity redirect URLs, any path. */
  hosts: ReadonlySet<string>;
  /** Further exact redirect URIs (from checkedRedirectUri). */
  uris: ReadonlySet<string>;
}

/** Whether an authorization-code exchange may name this redirect_uri. */
export function isAllowedRedirectUri(value: string, allow: RedirectAllowList): boolean {
  if (allow.uris.has(value)) {
    return true;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    // Written exactly as the browser writes it: no case, port or encoding variants to compare loosely.
    url.href === value &&
    url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    url.port === "" &&
    !value.includes("?") &&
    !value.includes("#") &&
    allow.hosts.has(url.hostname)
  );
}
