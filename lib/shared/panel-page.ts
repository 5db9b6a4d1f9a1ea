import type { ConnectionStatus } from "../messaging/protocol";

/**
 * The side panel's first screen is written into its HTML at build time
 * (components/sidepanel/render-first-screen.tsx, from the build's hook in wxt.config.ts), so that the browser paints
 * it with the page, before the panel's script has even arrived (an extension file takes 20–25 ms to here). Two
 * layouts, per language: the welcome above the settings (not connected, and not connected by the organisation), or
 * the settings first. The background points the panel at the page the interviewer will see
 * (lib/background/panel-page-keeper.ts); the panel's script then draws the live state over it.
 */
export type FirstScreen = "welcome" | "settings";
export const firstScreens: readonly FirstScreen[] = ["welcome", "settings"];

/** The languages of public/_locales (a unit test checks the list); each has its pages. */
export const panelLocales = ["en", "fr"] as const;

/** The page the manifest names: English, with the welcome (a fresh install that is not connected). */
export const defaultPanelPage = "sidepanel.html";

/** The layout a connection gets: getting connected comes first until it is. */
export function firstScreenOf(connection: Pick<ConnectionStatus, "connected" | "byOrganisation">): FirstScreen {
  return !connection.connected && !connection.byOrganisation ? "welcome" : "settings";
}

/** The panel page with `screen` in `locale` (the messages' language; English when there is no page in it). */
export function panelPage(locale: string | undefined, screen: FirstScreen): string {
  const language = panelLocales.find((known) => known === locale) ?? "en";
  return language === "en" && screen === "welcome" ? defaultPanelPage : `sidepanel-${language}-${screen}.html`;
}
