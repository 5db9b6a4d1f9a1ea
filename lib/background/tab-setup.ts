import { storage } from "wxt/utils/storage";
import type { SetupStep } from "../messaging/protocol";

/**
 * Where "Set up this page" is at in each tab (the picker reports each step), for the side panel. Session
 * storage: it outlives a stopped service worker and content scripts cannot read it.
 */
const picking = storage.defineItem<Record<string, SetupStep>>("session:pages.setup", { fallback: {} });

export async function setPicking(tabId: number, step: SetupStep | null): Promise<void> {
  const all = { ...(await picking.getValue()) };
  if (step === null) delete all[tabId];
  else all[tabId] = step;
  await picking.setValue(all);
}

export async function pickingIn(tabId: number): Promise<SetupStep | null> {
  return (await picking.getValue())[tabId] ?? null;
}

export function watchPicking(onChange: () => void): () => void {
  return picking.watch(onChange);
}
