import { storage } from "wxt/utils/storage";
import type { PageStatus } from "../messaging/protocol";

/**
 * What each tab's content script last reported, for the side panel. Session storage: it outlives
 * a stopped service worker, never reaches disk, and content scripts cannot read it.
 */
const statuses = storage.defineItem<Record<string, { status: PageStatus; at: number }>>("session:pages.status", { fallback: {} });

export async function setTabStatus(tabId: number, status: PageStatus): Promise<void> {
  await statuses.setValue({ ...(await statuses.getValue()), [tabId]: { status, at: Date.now() } });
}

export async function tabStatus(tabId: number): Promise<PageStatus | null> {
  return (await statuses.getValue())[tabId]?.status ?? null;
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

export async function forgetTab(tabId: number): Promise<void> {
  const all = { ...(await statuses.getValue()) };
  delete all[tabId];
  await statuses.setValue(all);
}

export function watchTabStatuses(onChange: () => void): () => void {
  return statuses.watch(onChange);
}
