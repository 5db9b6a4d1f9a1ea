import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { connectInPanel, type ExtensionBrowser, launchWithExtension } from "./extension";
import { sandboxEndpoints } from "./sandbox-endpoints";

/**
 * The side panel opens on a page whose first screen was drawn at build time (lib/shared/panel-page.ts): the one for
 * the interviewer's language and connection, chosen by the background only while no panel is open.
 */

interface ChromeForTests {
  chrome: {
    windows: { getCurrent(): Promise<{ id: number }> };
    sidePanel: {
      open(options: { windowId: number }): Promise<void>;
      close(options: { windowId: number }): Promise<void>;
      getOptions(options: object): Promise<{ path?: string }>;
    };
  };
}

/** The page the browser opens the side panel on now. */
function panelPath(browser: ExtensionBrowser): Promise<string | undefined> {
  return browser.worker.evaluate(
    async () => (await (globalThis as unknown as ChromeForTests).chrome.sidePanel.getOptions({})).path,
  );
}

/** The side panels open now (not tabs): Playwright does not show them as pages, the browser's target list does. */
async function sidePanels(browser: ExtensionBrowser): Promise<{ targetId: string; url: string }[]> {
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error("no browser-wide DevTools session");
  try {
    const tabs = await Promise.all(
      browser.context.pages().map(async (page) => {
        const session = await browser.context.newCDPSession(page);
        const { targetInfo } = await session.send("Target.getTargetInfo");
        await session.detach();
        return targetInfo.targetId;
      }),
    );
    const { targetInfos } = await cdp.send("Target.getTargets");
    return targetInfos
      .filter((target) => target.type === "page" && target.url.startsWith(browser.url("")) && !tabs.includes(target.targetId))
      .map(({ targetId, url }) => ({ targetId, url }));
  } finally {
    await cdp.detach();
  }
}

/** Opens the browser's own side panel, as the toolbar button does (from an extension tab: it needs a user gesture). */
async function openSidePanel(
  browser: ExtensionBrowser,
): Promise<{ panel: { targetId: string; url: string }; close(): Promise<void> }> {
  const opener = await browser.context.newPage();
  await opener.goto(browser.url("sidepanel-en-settings.html"));
  const windowId = await opener.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeForTests;
    const { id } = await chrome.windows.getCurrent();
    await chrome.sidePanel.open({ windowId: id });
    return id;
  });
  await expect.poll(async () => (await sidePanels(browser)).length).toBe(1);
  const [panel] = await sidePanels(browser);
  if (!panel) throw new Error("no side panel");
  return {
    panel,
    async close() {
      await opener.evaluate((id) => (globalThis as unknown as ChromeForTests).chrome.sidePanel.close({ windowId: id }), windowId);
      await expect.poll(async () => (await sidePanels(browser)).length).toBe(0);
      await opener.close();
    },
  };
}

const headings = (panel: Page) => panel.locator("main > h1, main > section > h2").allTextContents();

/**
 * Loads a panel page in `tab`, waits for the live panel, and gives where each setting's label is in it and where it
 * is in the page as the browser first draws it: the same HTML, in a frame of the same size that runs no script.
 */
async function labelsFirstAndLive(tab: Page, url: string): Promise<{ first: number[]; live: number[] }> {
  await tab.goto(url);
  await tab.locator("main:not([inert])").waitFor();
  await tab.getByTestId("connection-status").waitFor();
  return tab.evaluate(async () => {
    const tops = (doc: Document) =>
      [...doc.querySelectorAll("[elementtiming$='-label']")].map((label) => Math.round(label.getBoundingClientRect().top));
    const frame = document.createElement("iframe");
    // Same origin, no scripts: the page as parsed and painted before its script runs.
    frame.setAttribute("sandbox", "allow-same-origin");
    frame.style.cssText = `position:fixed;left:0;top:0;border:0;width:${innerWidth}px;height:${innerHeight}px;visibility:hidden`;
    frame.srcdoc = await (await fetch(location.pathname)).text();
    await new Promise((resolve) => {
      frame.addEventListener("load", resolve, { once: true });
      document.body.append(frame);
    });
    const first = tops(frame.contentDocument as Document);
    frame.remove();
    return { first, live: tops(document) };
  });
}

describe("the side panel's page, in English", () => {
  let sandbox: RunningSandbox;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    sandbox = await startSandbox();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("the welcome until connected; connecting while a panel is open leaves it be; once closed, the next opens on the settings", async () => {
    expect(await panelPath(browser)).toBe("sidepanel.html");
    const first = await openSidePanel(browser);
    expect(first.panel.url).toBe(browser.url("sidepanel.html"));
    // Connected (in a tab, beside the open panel): the open panel stays on its page, not reloaded on another.
    const tab = await browser.context.newPage();
    await tab.goto(browser.url("sidepanel.html"));
    await connectInPanel(tab, { apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(sandbox) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sidePanels(browser)).toEqual([first.panel]);
    expect(await panelPath(browser)).toBe("sidepanel.html");

    await first.close();
    await expect.poll(() => panelPath(browser), { timeout: 5_000 }).toBe("sidepanel-en-settings.html");
    const second = await openSidePanel(browser);
    expect(second.panel.url).toBe(browser.url("sidepanel-en-settings.html"));
    await second.close();

    // The settings page, live: the settings first, the connection last, the switches as stored.
    await tab.goto(browser.url("sidepanel-en-settings.html"));
    await tab.getByTestId("connection-status").filter({ hasText: "Connected" }).waitFor();
    const live = await headings(tab);
    expect([live.slice(0, 2), live.at(-1)]).toEqual([["SmartRecruiters for Hellohire", "Settings"], "Connection"]);
    // Disconnected with no panel open: the next panel welcomes again at once.
    await tab.getByRole("button", { name: "Disconnect" }).click();
    await tab.getByTestId("connection-status").filter({ hasText: "Not connected" }).waitFor();
    await expect.poll(() => panelPath(browser), { timeout: 5_000 }).toBe("sidepanel.html");
    await tab.close();
  });

  it("what the page shows first does not move when the live panel is drawn over it", async () => {
    const tab = await browser.context.newPage();
    // Not connected: the welcome page.
    const welcome = await labelsFirstAndLive(tab, browser.url("sidepanel.html"));
    expect(welcome.first).toHaveLength(2);
    expect(welcome.live).toEqual(welcome.first);
    await connectInPanel(tab, { apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(sandbox) });
    // Connected: the settings page.
    const settings = await labelsFirstAndLive(tab, browser.url("sidepanel-en-settings.html"));
    expect(settings.live).toEqual(settings.first);
    // What this catches: the welcome page opened for a connected interviewer, whose settings move up.
    const wrong = await labelsFirstAndLive(tab, browser.url("sidepanel.html"));
    expect((wrong.first[0] ?? 0) - (wrong.live[0] ?? 0)).toBeGreaterThan(100);
    await tab.getByRole("button", { name: "Disconnect" }).click();
    await tab.getByTestId("connection-status").filter({ hasText: "Not connected" }).waitFor();
    await tab.close();
  });
});

describe("the side panel's page, in French", () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ locale: "fr" });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the welcome tab of the first run and the panel are the French pages", async () => {
    expect(browser.welcomeUrl).toBe(browser.url("sidepanel-fr-welcome.html?welcome"));
    await expect.poll(() => panelPath(browser), { timeout: 5_000 }).toBe("sidepanel-fr-welcome.html");
    const opened = await openSidePanel(browser);
    expect(opened.panel.url).toBe(browser.url("sidepanel-fr-welcome.html"));
    await opened.close();
    const tab = await browser.context.newPage();
    await tab.goto(browser.url("sidepanel-fr-welcome.html"));
    await tab.getByRole("switch", { name: /Intégration SmartRecruiters/u }).waitFor();
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect((await headings(tab)).slice(0, 3)).toEqual([
      "SmartRecruiters pour Hellohire",
      expect.stringMatching(/^Bienvenue/u),
      "Réglages",
    ]);
    await tab.close();
  });
});
