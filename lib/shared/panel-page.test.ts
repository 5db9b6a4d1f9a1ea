import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultPanelPage, firstScreenOf, panelLocales, panelPage } from "./panel-page";

describe("the side panel's pages", () => {
  it("one page per language of public/_locales and layout; English with the welcome is the manifest's", () => {
    expect([...panelLocales].sort()).toEqual(readdirSync("public/_locales").sort());
    expect(panelPage("en", "welcome")).toBe(defaultPanelPage);
    expect(panelPage("en", "settings")).toBe("sidepanel-en-settings.html");
    expect(panelPage("fr", "welcome")).toBe("sidepanel-fr-welcome.html");
    // A language the extension has no messages in: the browser shows English, so does the page.
    expect(panelPage("de", "settings")).toBe("sidepanel-en-settings.html");
    expect(panelPage(undefined, "welcome")).toBe(defaultPanelPage);
  });

  it("the welcome comes first only while the interviewer has to connect", () => {
    expect(firstScreenOf({ connected: false, byOrganisation: false })).toBe("welcome");
    expect(firstScreenOf({ connected: true, byOrganisation: false })).toBe("settings");
    // Connected by the organisation, even while its credential is refused: nothing for the interviewer to connect.
    expect(firstScreenOf({ connected: false, byOrganisation: true })).toBe("settings");
  });
});
