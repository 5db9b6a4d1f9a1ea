import { existsSync } from "node:fs";
import { resolve } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { geckoSettings } from "../../lib/manifest/manifest";

export const firefoxPath = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const firefoxExtensionPath = resolve(process.env.FIREFOX_EXTENSION_PATH ?? ".output/firefox-mv2-test");
export const geckoId = geckoSettings.gecko.id;

/**
 * Firefox gives each installed extension a random UUID for its moz-extension:// origin, unless the
 * profile's `extensions.webextensions.uuids` pref already maps its gecko id to one: we set it at launch
 * so that tests can open the extension's pages by address, as Chromium's pinned key lets them.
 */
export const extensionUuid = "5f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
export const firefoxExtensionUrl = (path: string) => `moz-extension://${extensionUuid}/${path.replace(/^\//u, "")}`;

/**
 * The attribute test builds open the widget's shadow root for (test/e2e/extension.ts, lib/content/widget-host.ts).
 * Firefox runs the preload script before `<html>` exists and the content script (document_idle) while the document
 * is still "interactive", before DOMContentLoaded's listeners: the attribute goes on as soon as `<html>` is inserted.
 */
export const openWidgetAttribute = "data-srh-e2e-open-widget";
const openWidgetScript = `(() => {
  const mark = () => document.documentElement?.setAttribute("${openWidgetAttribute}", "");
  if (document.documentElement) mark();
  else
    new MutationObserver((_records, observer) => {
      if (!document.documentElement) return;
      mark();
      observer.disconnect();
    }).observe(document, { childList: true });
  document.addEventListener("DOMContentLoaded", mark);
})();`;

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The id Firefox reports for the installed add-on (the gecko id). */
  addonId: string;
  /** How long Firefox took to start, and the extension to install (ms). */
  timings: { launchMs: number; installMs: number };
  /** A new tab; unless `openWidget` is false, the widget's shadow root opens to the tests (as in Chromium). */
  newPage(options?: { openWidget?: boolean }): Promise<Page>;
  /** A new tab on one of the extension's pages (e.g. "sidepanel.html"), once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the welcome tab the extension opens on install (when the organisation does not connect everyone). */
  closeWelcome(): Promise<void>;
  close(): Promise<void>;
}

export function assertFirefox(): void {
  if (!existsSync(firefoxPath))
    throw new Error(`Firefox ESR is missing at ${firefoxPath}: apt-get install firefox-esr (or set FIREFOX_PATH).`);
  if (!existsSync(resolve(firefoxExtensionPath, "manifest.json")))
    throw new Error(`No Firefox test build at ${firefoxExtensionPath}: run npm run build:test:firefox.`);
}

/**
 * Starts Firefox ESR headless over WebDriver BiDi, in a fresh profile (puppeteer makes and removes one per
 * launch), and installs the Firefox test build as a temporary add-on. Policy (policies.json) is read at start:
 * write it before calling this (test/e2e-firefox/policy.ts).
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxExtensionBrowser> {
  assertFirefox();
  const started = Date.now();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: firefoxPath,
    headless: process.env.HEADED !== "1",
    defaultViewport: { width: 1280, height: 800 },
    // WebDriver BiDi only navigates to web addresses unless system access is allowed: moz-extension:// needs it.
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: extensionUuid }),
    },
  });
  const launchMs = Date.now() - started;
  let addonId: string;
  try {
    addonId = await browser.installExtension(firefoxExtensionPath);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const installMs = Date.now() - started - launchMs;
  const newPage = async (options: { openWidget?: boolean } = {}) => {
    const page = await browser.newPage();
    if (options.openWidget ?? true) await page.evaluateOnNewDocument(openWidgetScript);
    return page;
  };
  return {
    browser,
    addonId,
    timings: { launchMs, installMs },
    newPage,
    async openExtensionPage(path) {
      const page = await newPage({ openWidget: false });
      await gotoExtensionPage(page, firefoxExtensionUrl(path));
      return page;
    },
    async closeWelcome() {
      const welcome = await waitForPageAt(browser, firefoxExtensionUrl("sidepanel.html?welcome"));
      await welcome.close();
    },
    close: () => browser.close(),
  };
}

/** Where a tab's document really is (puppeteer's page.url() does not follow moz-extension:// navigations). */
export async function documentUrl(page: Page): Promise<string | null> {
  try {
    return await page.evaluate(() => (document.readyState === "complete" ? location.href : null));
  } catch {
    return null; // between documents
  }
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeout = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
    const found = await probe();
    if (found !== null && found !== undefined) return found;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
}

/**
 * Firefox navigates a tab to a moz-extension:// page but sends none of WebDriver BiDi's load events for it, which
 * page.goto waits for: the navigation is started, the document awaited by its own location, then goto let go.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  const navigation = new AbortController();
  const going = page.goto(url, { signal: navigation.signal }).catch(() => null);
  try {
    await until(url, async () => ((await documentUrl(page)) === url ? true : null));
  } finally {
    navigation.abort();
    await going;
  }
}

async function waitForPageAt(browser: Browser, url: string): Promise<Page> {
  return until(url, async () => {
    for (const page of await browser.pages()) if ((await documentUrl(page)) === url) return page;
    return null;
  });
}
