import { describe, expect, it } from "vitest";
import { createPanelPageKeeper, type PanelPageDeps, panelLanguage } from "./panel-page-keeper";

function browserWith(state: { open?: number; page?: string; connected?: boolean; byOrganisation?: boolean; language?: string }) {
  const set: string[] = [];
  const deps: PanelPageDeps = {
    openPanels: async () => state.open ?? 0,
    currentPage: async () => state.page,
    setPage: async (page) => {
      set.push(page);
      state.page = page;
    },
    connection: async () => ({ connected: state.connected ?? false, byOrganisation: state.byOrganisation ?? false }),
    messagesLanguage: () => state.language,
    uiLanguage: () => "en-US",
  };
  return { keep: createPanelPageKeeper(deps), set, state };
}

describe("the side panel's page, kept to what the interviewer will see", () => {
  it("connected: the settings first; not connected: the welcome; by the organisation: the settings", async () => {
    const browser = browserWith({ page: "sidepanel.html", connected: true });
    await browser.keep();
    expect(browser.set).toEqual(["sidepanel-en-settings.html"]);
    browser.state.connected = false;
    await browser.keep();
    expect(browser.set).toEqual(["sidepanel-en-settings.html", "sidepanel.html"]);
    browser.state.byOrganisation = true;
    await browser.keep();
    expect(browser.set.at(-1)).toBe("sidepanel-en-settings.html");
  });

  it("in the messages' language", async () => {
    const browser = browserWith({ page: "/sidepanel.html", language: "fr" });
    await browser.keep();
    expect(browser.set).toEqual(["sidepanel-fr-welcome.html"]);
  });

  it("sets nothing when the page is already the right one (a leading slash is the same page)", async () => {
    const browser = browserWith({ page: "/sidepanel-en-settings.html", connected: true });
    await browser.keep();
    expect(browser.set).toEqual([]);
  });

  it("never while a panel is open: the browser would load the new page in its place; after it closes, it is set", async () => {
    const browser = browserWith({ open: 1, page: "sidepanel.html", connected: true });
    await browser.keep();
    expect(browser.set).toEqual([]);
    browser.state.open = 0;
    await browser.keep();
    expect(browser.set).toEqual(["sidepanel-en-settings.html"]);
  });

  it("one at a time: calls together set the page once", async () => {
    const browser = browserWith({ page: "sidepanel.html", connected: true });
    await Promise.all([browser.keep(), browser.keep(), browser.keep()]);
    expect(browser.set).toEqual(["sidepanel-en-settings.html"]);
  });

  it("a failing browser call is not thrown at the caller, and the next call still works", async () => {
    const browser = browserWith({ page: "sidepanel.html", connected: true });
    const failing = createPanelPageKeeper({
      openPanels: () => Promise.reject(new Error("no sidePanel")),
      currentPage: async () => undefined,
      setPage: async () => undefined,
      connection: async () => ({ connected: true, byOrganisation: false }),
      messagesLanguage: () => undefined,
      uiLanguage: () => "en",
    });
    await expect(failing()).resolves.toBeUndefined();
    await browser.keep();
    expect(browser.set).toHaveLength(1);
  });
});

describe("the panel's language", () => {
  it("is the messages' language; without messages, the one the browser picks for its UI language", () => {
    expect(panelLanguage({ messagesLanguage: () => "fr", uiLanguage: () => "en-US" })).toBe("fr");
    expect(panelLanguage({ messagesLanguage: () => undefined, uiLanguage: () => "fr-CA" })).toBe("fr");
    expect(panelLanguage({ messagesLanguage: () => undefined, uiLanguage: () => "de" })).toBeUndefined();
  });
});
