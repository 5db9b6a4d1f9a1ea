// First: marks when the script started (test builds only).
import "./script-started";
import { render } from "preact";
import { browser } from "wxt/browser";
import { copyToClipboard } from "../../components/sidepanel/clipboard";
import { drawWhenReady } from "../../components/sidepanel/draw-when-ready";
import { canShowSettings, SidePanel } from "../../components/sidepanel/SidePanel";
import { createPanelStore } from "../../components/sidepanel/store";
import { connectionKeys } from "../../lib/auth/connection-keys";
import { missingPatterns } from "../../lib/background/admin-hosts";
import { panelPortName } from "../../lib/background/panel-page-browser";
import { watchPicking } from "../../lib/background/tab-setup";
import { reportingTabs, watchTabStatuses } from "../../lib/background/tab-status";
import { tellTabsConfigChanged } from "../../lib/background/tab-updates";
import { loadMessages } from "../../lib/i18n/messages";
import { sendMessage, sendTabCommand } from "../../lib/messaging/send";
import { cachedPolicy } from "../../lib/settings/policy";
import { managedSettings, readSettings, settingItems } from "../../lib/settings/settings";
import { watchKeys } from "../../lib/shared/protected-item";
import { markPanel } from "../../lib/shared/timing";
import { activityItem } from "../../lib/sync/activity-store";
import { outboxItem } from "../../lib/sync/outbox-store";

const store = createPanelStore({
  send: sendMessage,
  readSettings,
  managedSettings,
  policyProblems: async () => (await cachedPolicy.getValue()).problems,
  jobByInterview: async () => (await cachedPolicy.getValue()).policy.jobByInterview ?? {},
  writeSetting: async (name, value) => {
    await settingItems[name].setValue(value);
    // The Hellohire tabs hear of it from here: the background may be asleep, and they read no storage.
    tellTabsConfigChanged({ tabs: reportingTabs, send: sendTabCommand }).catch(() => undefined);
  },
  copyText: (text) => copyToClipboard(text),
  extensionId: browser.runtime.id,
  readOutbox: () => outboxItem.getValue(),
  readActivity: () => activityItem.getValue(),
  snapshotStorage: localStorage,
  hostsToAllow: async () =>
    missingPatterns((await cachedPolicy.getValue()).policy.hellohireHostPatterns ?? [], browser.permissions),
  allowHosts: (patterns) => browser.permissions.request({ origins: patterns }),
  activeTabUrl: async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.url && /^https?:/u.test(tab.url) ? tab.url : null;
  },
});

/** Who the connection belongs to: kept in storage.session for the browser session. */
const accountKey = "auth.account";

/** Follows the changes the background or another window makes, then reads everything fresh. */
function start(): void {
  const { loadSettings, loadHosts, loadPage, loadOutbox, loadConnection, loadActivity, loadCandidate, load } = store.getState();
  // Sign-in state changes in the background (refresh, revoke, policy): ask it again; the panel never reads tokens (it
  // hears which item changed, not its value).
  watchKeys(connectionKeys, () => loadConnection());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "session" && accountKey in changes) loadConnection();
  });
  activityItem.watch(() => loadActivity());
  outboxItem.watch(() => Promise.all([loadOutbox(), loadCandidate()]));
  for (const item of Object.values(settingItems)) item.watch(() => loadSettings());
  cachedPolicy.watch(() => Promise.all([loadSettings(), loadHosts()]));
  browser.permissions.onAdded.addListener(() => loadHosts());
  browser.permissions.onRemoved.addListener(() => loadHosts());
  watchTabStatuses(() => loadPage());
  watchPicking(() => loadPage());
  browser.tabs.onActivated.addListener(() => loadPage());
  browser.windows?.onFocusChanged.addListener(() => loadPage());
  load();
  // Firefox has no event for a sidebar closing: the background hears this port close instead (panel-page-browser.ts).
  if ("sidebarAction" in browser) browser.runtime.connect({ name: panelPortName });
}

const app = document.getElementById("app") as HTMLElement;

function show(): void {
  // Over the first screen written into the page at build time (lib/shared/panel-page.ts): Preact keeps its elements.
  render(<SidePanel store={store} />, app);
  markPanel("srh-panel-rendered");
}

// In the rare session where the browser lost the extension's messages, read them first (lib/i18n).
loadMessages().finally(() => {
  const fromSnapshot = canShowSettings(store.getState());
  drawWhenReady(store, app, show);
  // With the last panel's snapshot on screen, the fresh reads wait until that first frame is painted.
  if (fromSnapshot) requestAnimationFrame(() => setTimeout(start));
  else start();
});
