import { renderToString } from "preact-render-to-string";
import { signInLacksSecret } from "../../lib/auth/auth-config";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import { defaultEndpoints, settingDefaults } from "../../lib/settings/settings";
import type { FirstScreen } from "../../lib/shared/panel-page";
import { SidePanel } from "./SidePanel";
import { createPanelStore, type PanelState, type PanelStore } from "./store";

// The panel's first screen, drawn at build time (scripts/build/panel-pages.ts): lib/shared/panel-page.ts says why.

/** The connection a fresh install of this build reports (no policy, no sign-in), or a connected one. */
export function firstRunConnection(screen: FirstScreen, clientId: string): ConnectionStatus {
  const endpoints = { ...defaultEndpoints, clientId };
  const connected = screen === "settings";
  return {
    connected,
    method: connected ? "oauth" : null,
    byOrganisation: false,
    userMayChoose: true,
    canSignIn: clientId !== "",
    scopes: [],
    signInNeedsSecret: signInLacksSecret({ mode: "oauth", endpoints }),
    problem: null,
    endpoints,
    locked: [],
    account: null,
  };
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
