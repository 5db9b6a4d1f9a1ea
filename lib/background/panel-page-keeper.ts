import type { ConnectionStatus } from "../messaging/protocol";
import { firstScreenOf, panelLocales, panelPage } from "../shared/panel-page";

/**
 * Points the side panel at the page whose first screen (written at build time: lib/shared/panel-page.ts) is the one
 * the interviewer will see: in their language, with the welcome while they have to connect. Never while a panel is
 * open: the browser would load the new page in its place (measured in Chromium 156: `sidePanel.setOptions` with a
 * new path navigates the open panel), so a change made while one is open waits for it to close.
 */
export interface PanelPageDeps {
  /** How many side panels (Firefox: sidebars) are open now. */
  openPanels(): Promise<number>;
  /** The page the browser opens the panel on now (a path in the extension, with or without its leading "/"). */
  currentPage(): Promise<string | undefined>;
  setPage(page: string): Promise<void>;
  connection(): Promise<Pick<ConnectionStatus, "connected" | "byOrganisation">>;
  /** The language of the extension's messages here ("fr"), undefined when the browser gave none. */
  messagesLanguage(): string | undefined;
  /** The browser's UI language ("fr-CA"), which picks the messages. */
  uiLanguage(): string;
}

/** The messages' language, or the one the browser would pick for its UI language (its messages can be missing). */
export function panelLanguage(deps: Pick<PanelPageDeps, "messagesLanguage" | "uiLanguage">): string | undefined {
  const language = deps.messagesLanguage();
  if (language) return language;
  const ui = deps.uiLanguage().toLowerCase().split(/[-_]/u)[0];
  return panelLocales.find((known) => known === ui);
}

const withoutSlash = (page: string | undefined) => page?.replace(/^\//u, "");

/** Returns `keep()`: call it when the panel may have closed or the connection may have changed; one runs at a time. */
export function createPanelPageKeeper(deps: PanelPageDeps): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  async function keep(): Promise<void> {
    if ((await deps.openPanels()) > 0) return;
    const wanted = panelPage(panelLanguage(deps), firstScreenOf(await deps.connection()));
    if (withoutSlash(await deps.currentPage()) !== wanted) await deps.setPage(wanted);
  }
  return () => {
    running = running.then(keep).catch(() => undefined);
    return running;
  };
}
