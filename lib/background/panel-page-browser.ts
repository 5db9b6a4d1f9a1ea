import type { SenderInfo } from "../messaging/sender";
import type { PanelPageDeps } from "./panel-page-keeper";

/** The browser side of lib/background/panel-page-keeper.ts: where the panel's page is set, and how many are open. */
type PanelPlace = Pick<PanelPageDeps, "openPanels" | "currentPage" | "setPage">;

/** The parts of Chromium's `sidePanel` and `runtime` used here. */
export interface ChromiumSidePanel {
  getOptions(options: Record<string, never>): Promise<{ path?: string }>;
  setOptions(options: { path: string }): Promise<void>;
}
export interface ChromiumContexts {
  getContexts(filter: { contextTypes: "SIDE_PANEL"[] }): Promise<unknown[]>;
}

/** Chromium: the global side panel options; open panels are the runtime's SIDE_PANEL contexts (gone by `onClosed`). */
export function chromiumPanelPlace(sidePanel: ChromiumSidePanel, runtime: ChromiumContexts): PanelPlace {
  return {
    openPanels: async () => (await runtime.getContexts({ contextTypes: ["SIDE_PANEL"] })).length,
    currentPage: async () => (await sidePanel.getOptions({})).path,
    setPage: (path) => sidePanel.setOptions({ path }),
  };
}

/** The parts of Firefox's `sidebarAction` used here. */
export interface FirefoxSidebarAction {
  getPanel(details: Record<string, never>): Promise<string>;
  setPanel(details: { panel: string }): Promise<void>;
}

/** Firefox: the global sidebar panel (its getPanel answers a whole URL); open sidebars counted by their ports. */
export function firefoxPanelPlace(sidebarAction: FirefoxSidebarAction, openSidebars: () => number): PanelPlace {
  return {
    openPanels: async () => openSidebars(),
    currentPage: async () => new URL(await sidebarAction.getPanel({})).pathname,
    setPage: (page) => sidebarAction.setPanel({ panel: `/${page}` }),
  };
}

/** The name of the port each side panel holds open to the background while it lives (Firefox has no close event). */
export const panelPortName = "side-panel";

interface PanelPort {
  name: string;
  sender?: SenderInfo;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * Counts the sidebars open, by the ports they hold (a persistent background page hears each one close). Only the
 * extension's own pages count, and not one shown in a tab (the welcome): `setPanel` does not change a tab.
 */
export function trackSidebars(
  onConnect: { addListener(listener: (port: PanelPort) => void): void },
  extension: { id: string; origin: string },
  onClosed: () => void,
): () => number {
  let open = 0;
  onConnect.addListener((port) => {
    const { sender } = port;
    if (port.name !== panelPortName || sender?.id !== extension.id || sender.tab || !sender.url?.startsWith(extension.origin))
      return;
    open += 1;
    port.onDisconnect.addListener(() => {
      open -= 1;
      onClosed();
    });
  });
  return () => open;
}
