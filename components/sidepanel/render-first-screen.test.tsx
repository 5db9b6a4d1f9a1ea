import { render } from "preact";
import { describe, expect, it } from "vitest";
import type { ConnectionStatus } from "../../lib/messaging/protocol";
import type { UserSettings } from "../../lib/settings/settings";
import { firstRunConnection, panelStoreShowing, renderFirstScreen } from "./render-first-screen";
import { SidePanel } from "./SidePanel";

/** The page as the browser parsed it: the first screen written at build time, in #app. */
function pageWith(markup: string): HTMLElement {
  const app = document.createElement("div");
  app.id = "app";
  // Test-only: the build's own output, parsed as the browser parses the page.
  app.innerHTML = markup;
  document.body.replaceChildren(app);
  return app;
}

/** A live panel that already knows the settings and connection (as after its snapshot or first reads). */
const livePanel = (settings: UserSettings, connection: ConnectionStatus) => panelStoreShowing({ settings, connection });

const switchNamed = (app: HTMLElement, id: string) => app.querySelector(`#${id}`) as HTMLInputElement;

describe("the side panel's first screen, written at build time", () => {
  it("welcome: getting connected above the settings, the switches not shown until their values are known", () => {
    const app = pageWith(renderFirstScreen("welcome", "client-1"));
    const headings = [...app.querySelectorAll("h1, h2")].map((heading) => heading.textContent);
    expect(headings).toEqual(["SmartRecruiters for Hellohire", "Welcome: connect to SmartRecruiters", "Settings"]);
    expect(app.textContent).toContain("SmartRecruiters integration");
    // Not live until the script runs: no click or focus lands on it.
    expect(app.querySelector("main")?.hasAttribute("data-prerendered")).toBe(true);
    expect(app.querySelector("main")?.hasAttribute("inert")).toBe(true);
    // This build can sign in: Connect is offered.
    expect((app.querySelector("button.primary") as HTMLButtonElement).disabled).toBe(false);
  });

  it("a build without an OAuth client says sign-in is not set up, as the live panel will", () => {
    const app = pageWith(renderFirstScreen("welcome", ""));
    expect((app.querySelector("button.primary") as HTMLButtonElement).disabled).toBe(true);
  });

  it("settings: the settings first, no welcome", () => {
    const app = pageWith(renderFirstScreen("settings", "client-1"));
    const headings = [...app.querySelectorAll("h1, h2")].map((heading) => heading.textContent);
    expect(headings).toEqual(["SmartRecruiters for Hellohire", "Settings"]);
  });

  it("the script draws the live state over it and keeps its elements: the label painted first stays on screen", () => {
    const app = pageWith(renderFirstScreen("welcome", "client-1"));
    const main = app.querySelector("main");
    const label = app.querySelector('[elementtiming="integration-enabled-label"]');
    render(
      <SidePanel
        store={livePanel(
          { integrationEnabled: false, createAndUpdateCandidates: true },
          firstRunConnection("welcome", "client-1"),
        )}
      />,
      app,
    );
    expect(app.querySelectorAll("main")).toHaveLength(1);
    expect(app.querySelector("main")).toBe(main);
    expect(app.querySelector('[elementtiming="integration-enabled-label"]')).toBe(label);
    expect(main?.hasAttribute("data-prerendered")).toBe(false);
    expect(main?.hasAttribute("inert")).toBe(false);
    const integration = switchNamed(app, "integration-enabled");
    expect([integration.checked, integration.disabled, integration.getAttribute("aria-checked")]).toEqual([
      false,
      false,
      "false",
    ]);
    expect(switchNamed(app, "create-and-update").checked).toBe(true);
  });

  it("the welcome page under a connected panel: the live state wins (the welcome goes)", () => {
    const app = pageWith(renderFirstScreen("welcome", "client-1"));
    render(
      <SidePanel
        store={livePanel({ integrationEnabled: true, createAndUpdateCandidates: false }, firstRunConnection("settings", "c"))}
      />,
      app,
    );
    const headings = [...app.querySelectorAll("h1, h2")].map((heading) => heading.textContent);
    expect(headings).toEqual(["SmartRecruiters for Hellohire", "Settings"]);
  });
});
