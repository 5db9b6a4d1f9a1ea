import { storage } from "wxt/utils/storage";
import type { PageStatus } from "../messaging/protocol";
import { oneAtATime } from "../shared/one-at-a-time";

/**
 * What each tab's content script last reported, for the side panel. Session storage: it outlives
 * a stopped service worker, never reaches disk, and content scripts cannot read it.
 */
type Statuses = Record<string, { status: PageStatus; at: number; origin?: string | null }>;

const statuses = storage.defineItem<Statuses>("session:pages.status", { fallback: {} });
const queue = oneAtATime();

/** Read-modify-write, one at a time: tabs reporting or closing together must not undo each other. */
function updateStatuses(change: (all: Statuses) => Statuses): Promise<void> {
  return queue(async () => statuses.setValue(change({ ...(await statuses.getValue()) })));
}

/** origin: the reporting page's (from the message's sender, never from the page's words). */
export function setTabStatus(tabId: number, status: PageStatus, origin: string | null = null): Promise<void> {
  return updateStatuses((all) => ({ ...all, [tabId]: { status, at: Date.now(), origin } }));
}

/** The origin of the page that last reported from this tab. */
export async function tabOrigin(tabId: number): Promise<string | null> {
  return (await statuses.getValue())[tabId]?.origin ?? null;
}

/** Read after every report already under way: a tab's rating right after its new status reads that status. */
export async function tabStatus(tabId: number): Promise<PageStatus | null> {
  return (await queue(() => statuses.getValue()))[tabId]?.status ?? null;
}

/**
 * The Hellohire tab the user is looking at: the focused window's active tab when it runs our
 * content script, else the most recently reporting tab that is active in its window (the side
 * panel may have the focus, or sit in a window of its own).
 */
export async function pickHellohireTab(focused: number | null, activeTabs: number[]): Promise<number | null> {
  const all = await statuses.getValue();
  if (focused !== null && all[focused]) return focused;
  const reporting = activeTabs.filter((id) => all[id]).sort((a, b) => (all[b]?.at ?? 0) - (all[a]?.at ?? 0));
  return reporting[0] ?? null;
}

/** The tabs whose content script reported (and were not closed since): the ones the background tells of changes. */
export async function reportingTabs(): Promise<number[]> {
  return Object.keys(await statuses.getValue())
    .map(Number)
    .filter((id) => Number.isInteger(id));
}

export function forgetTab(tabId: number): Promise<void> {
  return updateStatuses((all) => {
    delete all[tabId];
    return all;
  });
}

export function watchTabStatuses(onChange: () => void): () => void {
  return statuses.watch(onChange);
}
