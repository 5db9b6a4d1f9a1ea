import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, it } from "vitest";
import { drawWhenReady } from "./draw-when-ready";
import { firstRunConnection, panelStoreShowing, renderFirstScreen } from "./render-first-screen";
import { SidePanel } from "./SidePanel";

const settings = { integrationEnabled: true, createAndUpdateCandidates: false };

function pageWith(markup: string): HTMLElement {
  const app = document.createElement("div");
  // Test-only: the build's own output, parsed as the browser parses the page.
  app.innerHTML = markup;
  document.body.replaceChildren(app);
  return app;
}

const advanced = (app: HTMLElement) => [...app.querySelectorAll("summary")].filter((s) => s.textContent === "Advanced");

describe("drawing the live panel over the page's first screen", () => {
  it("a snapshot with the settings but not the connection: the page's screen stays, then one live screen, never two", async () => {
    const app = pageWith(renderFirstScreen("welcome", "c"));
    const main = app.querySelector("main");
    const store = panelStoreShowing({ settings, connection: null });
    act(() => drawWhenReady(store, app, () => render(<SidePanel store={store} />, app)));
    // Not "Loading…" over (or beside) the first screen.
    expect(app.querySelector(".loading")).toBeNull();
    expect(app.querySelector("main")).toBe(main);
    await act(async () => {
      store.setState({ connection: firstRunConnection("welcome", "c") });
    });
    expect(app.querySelectorAll("main")).toHaveLength(1);
    expect(app.querySelector("main")).toBe(main);
    expect(main?.hasAttribute("inert")).toBe(false);
    expect(advanced(app)).toHaveLength(1);
  });

  it("a snapshot that shows the settings: drawn at once", () => {
    const app = pageWith(renderFirstScreen("settings", "c"));
    const store = panelStoreShowing({ settings, connection: firstRunConnection("settings", "c") });
    let drawn = 0;
    drawWhenReady(store, app, () => {
      drawn += 1;
    });
    expect(drawn).toBe(1);
  });

  it("a page without a first screen (the dev server): drawn at once, Loading… until the reads", () => {
    const app = pageWith("");
    const store = panelStoreShowing({ settings: null, connection: null });
    act(() => drawWhenReady(store, app, () => render(<SidePanel store={store} />, app)));
    expect(app.querySelector(".loading")).not.toBeNull();
  });
});
