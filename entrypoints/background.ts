import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { ratingForCommand } from "../lib/background/shortcuts";
import { forgetTab, pickHellohireTab } from "../lib/background/tab-status";
import type { TabCommand } from "../lib/messaging/protocol";
import { route } from "../lib/messaging/router";
import type { TrustedSenders } from "../lib/messaging/sender";
import { refreshPolicy } from "../lib/settings/policy";
import { createSyncService } from "../lib/sync/service";

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

function trustedSenders(): TrustedSenders {
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL("/"),
    contentPagePatterns: (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
  };
}

async function activeTabId(): Promise<number | null> {
  const [focused] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const active = await browser.tabs.query({ active: true });
  return pickHellohireTab(
    focused?.id ?? null,
    active.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
  );
}

export default defineBackground(() => {
  const sync = createSyncService();
  const sendToTab = (tabId: number, command: TabCommand) => browser.tabs.sendMessage(tabId, command, { frameId: 0 });
  const deps = { sync, trusted: trustedSenders(), activeTabId, sendToTab };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender, deps).then(sendResponse, () =>
      sendResponse({ status: "error", kind: "invalid-response", message: "The extension could not handle that." }),
    );
    return true;
  });

  // A shortcut rates the candidate of the tab it was pressed in, never another one.
  browser.commands.onCommand.addListener((command, tab) => {
    const rating = ratingForCommand(command);
    if (!rating) return;
    const target = tab?.id !== undefined ? Promise.resolve([tab]) : browser.tabs.query({ active: true, lastFocusedWindow: true });
    target
      .then(([active]) => (active?.id === undefined ? undefined : sendToTab(active.id, { type: "rateShortcut", rating })))
      .catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(() => undefined);
  });

  // Never wait on storage.managed at start-up: the cached policy serves until this refresh lands.
  refreshPolicy().catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === "managed") refreshPolicy().catch(() => undefined);
  });

  // Chromium: the toolbar icon opens the side panel. (Firefox shows it as a sidebar.)
  const { sidePanel } = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome ?? {};
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
