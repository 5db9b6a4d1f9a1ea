import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { learnAccount } from "../lib/auth/account";
import { connectedClient, connectionStatus } from "../lib/auth/connection";
import { connectionKeys } from "../lib/auth/connection-keys";
import { canCreateCandidates, canReadJobs } from "../lib/auth/scopes";
import { type EndpointChoice, signInWithOAuth } from "../lib/auth/sign-in";
import { createTokenKeeper } from "../lib/auth/tokens";
import { applyAdminHosts } from "../lib/background/admin-hosts";
import { createOutboxWake, outboxAlarm } from "../lib/background/outbox-wake";
import {
  type ChromiumContexts,
  type ChromiumSidePanel,
  chromiumPanelPlace,
  type FirefoxSidebarAction,
  firefoxPanelPlace,
  trackSidebars,
} from "../lib/background/panel-page-browser";
import { createPanelPageKeeper, panelLanguage } from "../lib/background/panel-page-keeper";
import { startRetention } from "../lib/background/retention";
import { type RouterDeps, route } from "../lib/background/router";
import { ratingForCommand } from "../lib/background/shortcuts";
import { candidateIdsOfTab, forgetTabLookups, moveCandidate } from "../lib/background/tab-lookups";
import { setPicking } from "../lib/background/tab-setup";
import { forgetTab, pickHellohireTab, reportingTabs } from "../lib/background/tab-status";
import { type TabUpdateDeps, tellTabsConfigChanged, tellTabsOutboxChanged } from "../lib/background/tab-updates";
import { loadMessages, messagesLanguage } from "../lib/i18n/messages";
import type { Failure } from "../lib/messaging/protocol";
import { sendTabCommand } from "../lib/messaging/send";
import type { TrustedSenders } from "../lib/messaging/sender";
import { cachedPolicy, refreshPolicy } from "../lib/settings/policy";
import { userSites } from "../lib/settings/user-setup";
import { oneAtATime } from "../lib/shared/one-at-a-time";
import { panelPage } from "../lib/shared/panel-page";
import { migrateLegacyStorage, watchKeys } from "../lib/shared/protected-item";
import { outboxItem } from "../lib/sync/outbox-store";
import { createSyncService } from "../lib/sync/service";

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

interface SidePanelEvents {
  /** Chromium 142 and later. */
  onClosed?: { addListener(listener: () => void): void };
}

/** The manifest's content script: its file(s) and the Hellohire addresses it runs on. */
function manifestContentScript(): { js: string[]; matches: string[] } {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return { js: scripts.flatMap((script) => script.js ?? []), matches: scripts.flatMap((script) => script.matches ?? []) };
}

function trustedSenders(): TrustedSenders {
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL("/"),
    contentPagePatterns: manifestContentScript().matches,
  };
}

/**
 * Keeps the content script registered on the Hellohire addresses the organisation added, or the interviewer
 * added ("Use on this site"), and the interviewer granted (lib/background/admin-hosts.ts), and lets it talk to us from there: on start,
 * on every policy change and on every permission granted or removed.
 */
function followAdminHosts(trusted: TrustedSenders): Promise<void> {
  const contentScript = manifestContentScript();
  // Policy and permission changes can arrive together: one registration at a time.
  const queue = oneAtATime();
  const apply = () =>
    queue(async () => {
      const [{ policy }, sites] = await Promise.all([cachedPolicy.getValue(), userSites.getValue()]);
      const active = await applyAdminHosts({ scripting: browser.scripting, permissions: browser.permissions, contentScript }, [
        ...(policy.hellohireHostPatterns ?? []),
        ...sites,
      ]);
      trusted.contentPagePatterns = [...contentScript.matches, ...active];
    });
  const reapply = () => {
    apply().catch(() => undefined);
  };
  cachedPolicy.watch(reapply);
  userSites.watch(reapply);
  browser.permissions.onAdded.addListener(reapply);
  browser.permissions.onRemoved.addListener(reapply);
  return apply().catch(() => undefined);
}

async function activeTabId(): Promise<number | null> {
  const [focused] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const active = await browser.tabs.query({ active: true });
  return pickHellohireTab(
    focused?.id ?? null,
    active.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
  );
}

/**
 * Content scripts read no extension storage: they hear of a policy change and of their candidates'
 * pending ratings from here (lib/background/tab-updates.ts). The background writes both; the side
 * panel, which writes the settings, tells the tabs itself (it may be open while this worker sleeps).
 */
function followForTabs(): void {
  const deps: TabUpdateDeps = { tabs: reportingTabs, candidateIdsOfTab, send: sendTabCommand };
  cachedPolicy.watch(() => {
    tellTabsConfigChanged(deps).catch(() => undefined);
  });
  outboxItem.watch((outbox) => {
    tellTabsOutboxChanged(outbox, deps).catch(() => undefined);
  });
}

/**
 * Keeps the side panel opening on the page drawn for the interviewer's language and connection
 * (lib/background/panel-page-keeper.ts): at start-up, at install and update, when a panel closes, and when the
 * connection changes.
 */
function followPanelPage(messagesLoaded: Promise<void>): () => string {
  const chromium = (globalThis as { chrome?: { sidePanel?: ChromiumSidePanel & SidePanelEvents } }).chrome?.sidePanel;
  const firefox = (browser as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
  const language = { messagesLanguage, uiLanguage: () => browser.i18n.getUILanguage() };
  let keep: () => Promise<void> = async () => undefined;
  const place = chromium
    ? chromiumPanelPlace(chromium, browser.runtime as unknown as ChromiumContexts)
    : firefox
      ? firefoxPanelPlace(
          firefox,
          trackSidebars(browser.runtime.onConnect, { id: browser.runtime.id, origin: browser.runtime.getURL("/") }, () => keep()),
        )
      : null;
  if (place) {
    const keeper = createPanelPageKeeper({ ...place, ...language, connection: connectionStatus });
    keep = () => messagesLoaded.then(keeper);
    chromium?.onClosed?.addListener(() => keep());
    browser.runtime.onStartup.addListener(() => keep());
    browser.runtime.onInstalled.addListener(() => keep());
    watchKeys(connectionKeys, () => keep());
  }
  // The welcome page in the interviewer's language (after messagesLoaded).
  return () => panelPage(panelLanguage(language), "welcome");
}

export default defineBackground(() => {
  // What earlier versions kept in storage.local (where content scripts can read it) moves to IndexedDB now.
  migrateLegacyStorage().catch(() => undefined);
  // Messages built here (errors, reasons) are in the browser's language; see lib/i18n for why this is read.
  const messagesLoaded = loadMessages().catch(() => undefined);
  const tokens = createTokenKeeper();
  const scheduleOutboxWake = createOutboxWake(
    { alarms: browser.alarms, installType: async () => (await browser.management.getSelf()).installType },
    () => sync.flush(),
  );
  const sync = createSyncService({
    // A rating's candidate created for its placeholder, or found again under a new ID: the tabs that knew them follow.
    onCandidateMoved: (deadId, aliveId) => {
      moveCandidate(deadId, aliveId).catch(() => undefined);
    },
    scheduleWake: scheduleOutboxWake,
    tokens,
    canReadJobs,
    canCreateCandidates,
  });
  const signIn = (choice: EndpointChoice) => signInWithOAuth({ identity: browser.identity }, choice);
  const trusted = trustedSenders();
  // Messages wait for the first look at the admin-added addresses, so a page there is not refused at start-up.
  const adminHostsReady = followAdminHosts(trusted);
  followForTabs();
  const deps: RouterDeps = {
    sync,
    trusted,
    activeTabId,
    sendToTab: sendTabCommand,
    signIn,
    learnAccount: () => learnAccount(async () => (await connectedClient(tokens)).client),
    async injectMeaningReader(tabId, frameId) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ["/meaning-reader.js"] });
    },
    async injectSetupPicker(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: ["/setup-picker.js"] });
    },
    async readPageStructure(tabId) {
      const [main] = await browser.scripting.executeScript({ target: { tabId }, files: ["/page-structure.js"] });
      return main?.result;
    },
  };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    adminHostsReady
      .then(() => route(message, sender, deps))
      .then(sendResponse, () =>
        sendResponse({
          status: "error",
          kind: "invalid-response",
          message: "The extension could not handle that.",
        } satisfies Failure),
      );
    return true;
  });

  // A shortcut rates the candidate of the tab it was pressed in, never another one.
  browser.commands.onCommand.addListener((command, tab) => {
    const rating = ratingForCommand(command);
    if (!rating) return;
    const target = tab?.id !== undefined ? Promise.resolve([tab]) : browser.tabs.query({ active: true, lastFocusedWindow: true });
    target
      .then(([active]) => (active?.id === undefined ? undefined : sendTabCommand(active.id, { type: "rateShortcut", rating })))
      .catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(() => undefined);
    forgetTabLookups(tabId).catch(() => undefined);
    setPicking(tabId, null).catch(() => undefined);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === outboxAlarm) sync.flush().catch(() => undefined);
  });
  // A write missed while the worker was stopped or the browser closed goes out at start-up.
  sync.flush().catch(() => undefined);
  // What is kept past its time (PRIVACY.md) goes now and by alarm, not only at the next write.
  startRetention(browser.alarms).catch(() => undefined);

  // Never wait on storage.managed at start-up: the cached policy serves until this refresh lands.
  refreshPolicy().catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === "managed") refreshPolicy().catch(() => undefined);
  });

  const welcomePage = followPanelPage(messagesLoaded);
  // First run: the panel, in a tab, on a short welcome that gets the interviewer connected (not when
  // the organisation connects everyone).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== "install") return;
    refreshPolicy()
      .then(({ policy }) => {
        if (policy.authMode === "apiKey" || policy.authMode === "clientCredentials") return;
        return messagesLoaded.then(() =>
          browser.tabs.create({ url: new URL(`${welcomePage()}?welcome`, browser.runtime.getURL("/")).href }),
        );
      })
      .catch(() => undefined);
  });

  // Chromium: the toolbar icon opens the side panel. (Firefox shows it as a sidebar.)
  const { sidePanel } = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome ?? {};
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
