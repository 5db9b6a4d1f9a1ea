import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { route } from "../lib/messaging/router";
import type { TrustedSenders } from "../lib/messaging/sender";

function trustedSenders(): TrustedSenders {
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL("/"),
    contentPagePatterns: (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
  };
}

export default defineBackground(() => {
  const trusted = trustedSenders();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    route(message, sender, trusted).then(sendResponse, () =>
      sendResponse({ status: "error", kind: "invalid-response", message: "The extension could not handle that." }),
    );
    return true;
  });
  // Chromium: the toolbar icon opens the side panel. (Firefox shows it as a sidebar.)
  const sidePanel = (
    browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }
  ).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
