import { renderToString } from "preact-render-to-string";
import type { AuthConfig } from "../../lib/auth/auth-config";
import { statusOf } from "../../lib/auth/connection";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import { defaultEndpoints, settingDefaults } from "../../lib/settings/settings";
import type { FirstScreen } from "../../lib/shared/panel-page";
import { SidePanel } from "./SidePanel";
import { createPanelStore, type PanelState, type PanelStore } from "./store";

// The panel's first screen, drawn at build time (scripts/build/panel-pages.ts): lib/shared/panel-page.ts says why.

/**
 * The connection a fresh install of this build reports (no policy, OAuth with the build's client ID), not signed in
 * for the welcome, signed in for the settings-first screen: what connectionStatus would say.
 */
export function firstRunConnection(screen: FirstScreen, clientId: string): ConnectionStatus {
  const config: AuthConfig = {
    mode: "oauth",
    byOrganisation: false,
    userMayChoose: true,
    endpoints: { ...defaultEndpoints, clientId },
    locked: [],
  };
  const refresh = screen === "settings" ? { refreshToken: "", scopes: [], connectedAt: 0 } : null;
  return statusOf(config, { userKey: null, refresh, access: null, problem: null, account: null }, 0);
}

const never = () => new Promise<never>(() => undefined);

/** A panel store that shows `state` and never reaches the browser: nothing it asks for is answered, nothing kept. */
export function panelStoreShowing(state: Pick<PanelState, "settings" | "connection">): PanelStore {
  const memory = new Map<string, string>();
  const store = createPanelStore({
    send: never,
    readSettings: never,
    managedSettings: never,
    policyProblems: never,
    writeSetting: never,
    readOutbox: never,
    readActivity: never,
    copyText: never,
    extensionId: "",
    snapshotStorage: {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    },
    hostsToAllow: never,
    allowHosts: never,
  });
  store.setState(state);
  return store;
}

/**
 * The panel's first screen as HTML, in the language `t` speaks while this runs: the default settings (the switches
 * hidden until the script shows the real ones), and the connection `screen` stands for.
 */
export function renderFirstScreen(screen: FirstScreen, clientId: string): string {
  const store = panelStoreShowing({ settings: { ...settingDefaults }, connection: firstRunConnection(screen, clientId) });
  return renderToString(<SidePanel store={store} prerendered />);
}
