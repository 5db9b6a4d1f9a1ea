import { describe, expect, it } from "vitest";
import { chromiumPanelPlace, firefoxPanelPlace, panelPortName, trackSidebars } from "./panel-page-browser";

type Listener = () => void;

function port(name: string, sender: { id?: string; url?: string; tab?: { id?: number } }) {
  const listeners: Listener[] = [];
  return {
    name,
    sender,
    onDisconnect: { addListener: (listener: Listener) => void listeners.push(listener) },
    disconnect: () => {
      for (const listener of listeners) listener();
    },
  };
}

const extension = { id: "ext", origin: "moz-extension://uuid/" };

describe("Firefox sidebars, counted by the ports they hold", () => {
  it("counts the extension's own sidebars, and says when one closes", () => {
    let connect: (p: ReturnType<typeof port>) => void = () => undefined;
    let closed = 0;
    const onConnect = {
      addListener: (listener: typeof connect) => {
        connect = listener;
      },
    };
    const open = trackSidebars(onConnect, extension, () => {
      closed += 1;
    });
    const sidebar = port(panelPortName, { id: "ext", url: "moz-extension://uuid/sidepanel.html" });
    connect(sidebar);
    // Not counted: the panel shown in a tab (the welcome), a content script, another extension, another port.
    connect(port(panelPortName, { id: "ext", url: "moz-extension://uuid/sidepanel.html?welcome", tab: { id: 3 } }));
    connect(port(panelPortName, { id: "ext", url: "https://acme.hellohire.com/interview", tab: { id: 4 } }));
    connect(port(panelPortName, { id: "other", url: "moz-extension://other/sidepanel.html" }));
    connect(port("something-else", { id: "ext", url: "moz-extension://uuid/sidepanel.html" }));
    expect(open()).toBe(1);
    sidebar.disconnect();
    expect([open(), closed]).toEqual([0, 1]);
  });
});

describe("where each browser keeps the panel's page", () => {
  it("Chromium: the global side panel options; open panels are its SIDE_PANEL contexts", async () => {
    const options: { path?: string } = { path: "sidepanel.html" };
    const place = chromiumPanelPlace(
      {
        getOptions: async () => options,
        setOptions: async ({ path }) => {
          options.path = path;
        },
      },
      { getContexts: async ({ contextTypes }) => (contextTypes[0] === "SIDE_PANEL" ? [{}, {}] : []) },
    );
    expect(await place.openPanels()).toBe(2);
    await place.setPage("sidepanel-fr-settings.html");
    expect(await place.currentPage()).toBe("sidepanel-fr-settings.html");
  });

  it("Firefox: the global sidebar panel, whose address comes back whole", async () => {
    let panel = "moz-extension://uuid/sidepanel.html";
    const place = firefoxPanelPlace(
      {
        getPanel: async () => panel,
        setPanel: async (details) => {
          panel = `moz-extension://uuid${details.panel}`;
        },
      },
      () => 0,
    );
    expect(await place.currentPage()).toBe("/sidepanel.html");
    await place.setPage("sidepanel-en-settings.html");
    expect(panel).toBe("moz-extension://uuid/sidepanel-en-settings.html");
  });
});
