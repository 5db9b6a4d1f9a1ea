import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { forgetTab } from "../lib/background/tab-status";
import type { TabCommand } from "../lib/messaging/protocol";
import { route } from "../lib/messaging/router";
import type { TrustedSenders } from "../lib/messaging/sender";
import { refreshPolicy } from "../lib/settings/policy";
import { createSyncService } from "../lib/sync/service";

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

const shortcutRatings = { "rate-yes": "yes", "rate-maybe": "maybe", "rate-no": "no" } as const;

function trustedSenders(): TrustedSenders {
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL("/"),
    contentPagePatterns: (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
  };
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
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

  browser.commands.onCommand.addListener((command) => {
    const rating = shortcutRatings[command as keyof typeof shortcutRatings];
    if (!rating) return;
    activeTabId()
      .then((tabId) => (tabId === null ? undefined : sendToTab(tabId, { type: "rateShortcut", rating })))
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
