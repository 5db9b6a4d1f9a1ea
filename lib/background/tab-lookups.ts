import { storage } from "wxt/utils/storage";
import { oneAtATime } from "../shared/one-at-a-time";
import type { Person } from "../sync/match-candidate";
import { normaliseText } from "../sync/same-text";

/** Distinct people one tab may have looked up within the window: a page cannot walk the whole ATS through us. */
export const maxDistinctLookups = 20;
export const lookupWindowMs = 10 * 60_000;

/** One person a tab's content script asked about, under one interview name, and who SmartRecruiters says they are. */
export interface TabLookup {
  key: string;
  interviewName: string;
  jobTitle: string | null;
  person: Person;
  /** The SmartRecruiters candidate found (null: not found yet, or not answered yet), or the outbox's placeholder for one to create. */
  candidateId: string | null;
  /** A rating must match first: create them, or update their first name (create-and-update; after a trusted action only). */
  needsMatch: boolean;
  at: number;
}

type TabLookups = Record<string, TabLookup[]>;

/**
 * Session storage: outlives a stopped service worker, never reaches disk, and content scripts cannot
 * read it (Chromium's default access level; Firefox does not expose it to them).
 */
const lookupsItem = storage.defineItem<TabLookups>("session:tabs.lookups", { fallback: {} });
const queue = oneAtATime();

const fold = (text: string | null) => normaliseText(text ?? "");

/** The same person however the page cased or spaced them. */
export const personKey = (person: Person): string =>
  JSON.stringify([fold(person.email), fold(person.lastName), fold(person.firstName)]);

const sameInterview = (a: string, b: string) => fold(a) === fold(b);

function update<T>(change: (all: TabLookups) => { all: TabLookups; result: T }): Promise<T> {
  return queue(async () => {
    const { all, result } = change({ ...(await lookupsItem.getValue()) });
    await lookupsItem.setValue(all);
    return result;
  });
}

const recent = (list: TabLookup[] | undefined, now: number) => (list ?? []).filter((entry) => now - entry.at < lookupWindowMs);

/**
 * Admits a tab's lookup and remembers it: refused when the tab already looked up `maxDistinctLookups`
 * other people within the window. Looking the same person up again is always admitted.
 */
export function admitLookup(
  tabId: number,
  lookup: { interviewName: string; jobTitle: string | null; person: Person },
  now: number = Date.now(),
): Promise<boolean> {
  const key = personKey(lookup.person);
  return update((all) => {
    const list = recent(all[tabId], now);
    const others = list.filter((entry) => entry.key !== key || !sameInterview(entry.interviewName, lookup.interviewName));
    const distinct = new Set(others.map((entry) => entry.key));
    if (!distinct.has(key) && distinct.size >= maxDistinctLookups) return { all, result: false };
    const previous = list.find((entry) => entry.key === key && sameInterview(entry.interviewName, lookup.interviewName));
    const entry: TabLookup = {
      ...lookup,
      key,
      candidateId: previous?.candidateId ?? null,
      needsMatch: previous?.needsMatch ?? false,
      at: now,
    };
    return { all: { ...all, [tabId]: [...others, entry] }, result: true };
  });
}

/** What the lookup found (or the rating queued): the candidate this tab may now rate, and whether a rating must match first. */
export function noteCandidate(
  tabId: number,
  person: Person,
  interviewName: string,
  found: { candidateId?: string | null; needsMatch: boolean },
): Promise<void> {
  const key = personKey(person);
  return update((all) => {
    const list = all[tabId];
    if (!list) return { all, result: undefined };
    const next = list.map((entry) =>
      entry.key === key && sameInterview(entry.interviewName, interviewName) ? { ...entry, ...found } : entry,
    );
    return { all: { ...all, [tabId]: next }, result: undefined };
  });
}

/** The lookup this tab made for this person under this interview name (within the window), if any. */
export async function lookedUp(
  tabId: number,
  person: Person,
  interviewName: string,
  now: number = Date.now(),
): Promise<TabLookup | null> {
  const key = personKey(person);
  const list = recent((await lookupsItem.getValue())[tabId], now);
  return list.find((entry) => entry.key === key && sameInterview(entry.interviewName, interviewName)) ?? null;
}

/** The SmartRecruiters candidates a tab was told about: the only ones whose pending ratings it may hear of. */
export async function candidateIdsOfTab(tabId: number): Promise<string[]> {
  const list = (await lookupsItem.getValue())[tabId] ?? [];
  return [...new Set(list.flatMap((entry) => (entry.candidateId ? [entry.candidateId] : [])))];
}

/**
 * A candidate followed to a new ID (a placeholder created, a merged or deleted one found again):
 * the tabs that knew the old one may rate the new one, with nothing left to match.
 */
export function moveCandidate(deadId: string, aliveId: string): Promise<void> {
  return update((all) => {
    const next: TabLookups = {};
    for (const [tab, list] of Object.entries(all))
      next[tab] = list.map((entry) =>
        entry.candidateId === deadId ? { ...entry, candidateId: aliveId, needsMatch: false } : entry,
      );
    return { all: next, result: undefined };
  });
}

export async function forgetTabLookups(tabId: number): Promise<void> {
  await update((all) => {
    delete all[tabId];
    return { all, result: undefined };
  });
  await queue(async () => {
    const all = { ...(await prefetchedItem.getValue()) };
    delete all[tabId];
    await prefetchedItem.setValue(all);
  });
}

/** Addresses a tab asked to search ahead (upcoming candidates), with the same bound as its lookups. */
const prefetchedItem = storage.defineItem<Record<string, { email: string; at: number }[]>>("session:tabs.prefetched", {
  fallback: {},
});

/**
 * The upcoming candidates' addresses this tab may have searched ahead: those it already had within
 * the window, and new ones while it has had fewer than `maxDistinctLookups`.
 */
export function admitPrefetch(tabId: number, emails: string[], now: number = Date.now()): Promise<string[]> {
  return queue(async () => {
    const all = { ...(await prefetchedItem.getValue()) };
    const list = (all[tabId] ?? []).filter((entry) => now - entry.at < lookupWindowMs);
    const admitted: string[] = [];
    for (const email of emails) {
      const key = fold(email);
      const known = list.find((entry) => entry.email === key);
      if (known) known.at = now;
      else if (list.length < maxDistinctLookups) list.push({ email: key, at: now });
      else continue;
      admitted.push(email);
    }
    all[tabId] = list;
    await prefetchedItem.setValue(all);
    return admitted;
  });
}
