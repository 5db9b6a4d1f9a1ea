import { type SelectorName, selectorNames } from "../hellohire/markup";
import { type MarkupOverride, maxSelectorLength } from "../hellohire/markup-override";
import { isRecord } from "../shared/is-record";
import { protectedItem } from "../shared/protected-item";
import { isHostPattern } from "./policy";

/**
 * What an interviewer taught the extension with "Set up this page": a markup override for one site
 * (its origin), kept in the extension's IndexedDB, out of content scripts' reach. The organisation's
 * selectorOverrides (policy) win over it everywhere.
 */
export interface UserSetup {
  /** The page's origin, e.g. "https://hire.acme.com". */
  origin: string;
  override: { selectors: Partial<Record<SelectorName, string>> };
  savedAt: number;
}

/** At most this many sites are remembered; the oldest set-up goes first. */
export const maxUserSetups = 20;

export const userSetups = protectedItem<UserSetup[]>("settings.userSetups", { fallback: [] });

/** The origin of an http(s) page address; null for anything else. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, origin } = new URL(url);
    return protocol === "https:" || protocol === "http:" ? origin : null;
  } catch {
    return null;
  }
}

/**
 * The selectors of a set-up as a page sent them, if they have the shape of one: known entry names, non-empty
 * strings within the override bound (the content script checks their syntax with its DOM, as for policy).
 */
export function parseSetupSelectors(value: unknown): Partial<Record<SelectorName, string>> | null {
  if (!isRecord(value) || !isRecord(value.selectors)) return null;
  const selectors: Partial<Record<SelectorName, string>> = {};
  for (const name of selectorNames) {
    const selector = value.selectors[name];
    if (selector === undefined) continue;
    if (typeof selector !== "string" || selector.trim() === "" || selector.length > maxSelectorLength) return null;
    selectors[name] = selector;
  }
  const known = new Set<string>(selectorNames);
  if (Object.keys(value.selectors).some((name) => !known.has(name)) || Object.keys(selectors).length === 0) return null;
  return selectors;
}

export async function userSetupFor(origin: string | null): Promise<UserSetup | null> {
  if (!origin) return null;
  return (await userSetups.getValue()).find((setup) => setup.origin === origin) ?? null;
}

export async function saveUserSetup(origin: string, override: MarkupOverride & UserSetup["override"]): Promise<void> {
  const others = (await userSetups.getValue()).filter((setup) => setup.origin !== origin);
  await userSetups.setValue([{ origin, override, savedAt: Date.now() }, ...others].slice(0, maxUserSetups));
}

export async function removeUserSetup(origin: string): Promise<void> {
  const all = await userSetups.getValue();
  if (all.some((setup) => setup.origin === origin)) await userSetups.setValue(all.filter((setup) => setup.origin !== origin));
}

/**
 * Sites the interviewer added with "Use on this site" (their Hellohire runs at an address the extension does not
 * know): match patterns the content script is registered on once the browser granted them, with the organisation's.
 */
export const userSites = protectedItem<string[]>("settings.userSites", { fallback: [] });

export const maxUserSites = 20;

/** The match pattern for the site of a page address ("https://hire.acme.com/x" → "https://hire.acme.com/*"), if allowed. */
export function sitePatternOf(address: string): string | null {
  try {
    const { protocol, hostname } = new URL(address.trim());
    const pattern = `${protocol}//${hostname}/*`;
    return isHostPattern(pattern) ? pattern : null;
  } catch {
    return null;
  }
}

export async function addUserSite(pattern: string): Promise<void> {
  const others = (await userSites.getValue()).filter((site) => site !== pattern);
  await userSites.setValue([pattern, ...others].slice(0, maxUserSites));
}
