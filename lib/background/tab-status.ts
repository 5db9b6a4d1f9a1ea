import { storage } from "wxt/utils/storage";
import type { PageStatus } from "../messaging/protocol";

/**
 * What each tab's content script last reported, for the side panel. Session storage: it outlives
 * a stopped service worker, never reaches disk, and content scripts cannot read it.
 */
const statuses = storage.defineItem<Record<string, PageStatus>>("session:pages.status", { fallback: {} });

export async function setTabStatus(tabId: number, status: PageStatus): Promise<void> {
  await statuses.setValue({ ...(await statuses.getValue()), [tabId]: status });
}

export async function tabStatus(tabId: number): Promise<PageStatus | null> {
  return (await statuses.getValue())[tabId] ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  const all = { ...(await statuses.getValue()) };
  delete all[tabId];
  await statuses.setValue(all);
}

export function watchTabStatuses(onChange: () => void): () => void {
  return statuses.watch(onChange);
}
