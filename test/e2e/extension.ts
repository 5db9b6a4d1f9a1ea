import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { assertChromium, chromiumFlags, chromiumPath } from "./chromium";
import { type ExtensionBuild, sharedBuild } from "./extension-build";
import { type SandboxOrigins, sandboxEndpoints } from "./sandbox-endpoints";

export const extensionPath = sharedBuild.path;
export const extensionId = sharedBuild.id;
const urlIn = (build: ExtensionBuild, path: string) => `chrome-extension://${build.id}/${path.replace(/^\//u, "")}`;
/** A page of the shared build (sharedBuild); a browser of another build has its own `url()`. */
export const extensionUrl = (path: string) => urlIn(sharedBuild, path);

export interface ExtensionBrowser {
  /** The build loaded (the shared one unless launched with another: extension-build.ts). */
  build: ExtensionBuild;
  /** The address of one of the loaded build's pages, e.g. url("sidepanel.html"). */
  url(path: string): string;
  context: BrowserContext;
  worker: Worker;
  /** The welcome the extension opened on its first run (closed at once, so that tests start from a clean window). */
  welcomeUrl: string | null;
  close(): Promise<void>;
}

/**
 * The widget's shadow root is closed, so that a page cannot read it (lib/content/widget-host.ts), and Playwright's
 * locators cannot see into a closed root either: test builds open it when the page's `<html>` carries this
 * attribute. Production builds have no such branch (test/e2e/builds.e2e.ts checks the attribute's name is absent).
 */
export const openWidgetAttribute = "data-srh-e2e-open-widget";
const openWidgetScript = `(() => {
  const mark = () => document.documentElement?.setAttribute("${openWidgetAttribute}", "");
  mark();
  document.addEventListener("DOMContentLoaded", mark);
})();`;

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Starts Chromium with the built extension loaded (headless unless HEADED=1). `locale` (e.g. "fr")
 * sets the browser's UI language, which picks the extension's _locales. Every page gets the attribute
 * that opens the widget's shadow root to the tests' locators, unless `openWidget` is false (the page
 * then meets the closed root a real page does).
 */
export async function launchWithExtension(
  options: { headless?: boolean; locale?: string; openWidget?: boolean; build?: ExtensionBuild } = {},
): Promise<ExtensionBrowser> {
  assertChromium();
  const build = options.build ?? sharedBuild;
  const url = (path: string) => urlIn(build, path);
  const headless = options.headless ?? process.env.HEADED !== "1";
  const userDataDir = mkdtempSync(join(tmpdir(), "srh-profile-"));
  const { locale } = options;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: false,
    viewport: { width: 1280, height: 800 },
    // Linux Chromium takes its UI language from LANGUAGE; --lang and Accept-Language follow suit.
    ...(locale ? { locale, env: { ...definedEnv(), LANGUAGE: locale } } : {}),
    args: [
      ...chromiumFlags,
      ...(locale ? [`--lang=${locale}`] : []),
      ...(headless ? ["--headless=new"] : []),
      `--disable-extensions-except=${build.path}`,
      `--load-extension=${build.path}`,
    ],
  });
  if (options.openWidget ?? true) await context.addInitScript({ content: openWidgetScript });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  // The welcome page in the browser's language (lib/shared/panel-page.ts): sidepanel.html in English.
  const isWelcome = (page: Page) =>
    /^[^?]*\/sidepanel[a-z-]*\.html\?welcome$/u.test(page.url()) && page.url().startsWith(url(""));
  let welcome: Page | undefined;
  for (const deadline = Date.now() + 10_000; !welcome && Date.now() < deadline; )
    welcome = context.pages().find(isWelcome) ?? (await new Promise<undefined>((resolve) => setTimeout(resolve, 100)));
  const welcomeUrl = welcome?.url() ?? null;
  await welcome?.close();
  return {
    build,
    url,
    context,
    worker,
    welcomeUrl,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The side panel says it is connected ("Not connected to …" contains "connected to …": match the start). */
export async function waitUntilConnected(panel: Page, timeout = 15_000): Promise<void> {
  await panel
    .getByTestId("connection-status")
    .filter({ hasText: /^\s*Connected/u })
    .waitFor({ timeout });
}

export interface ConnectOptions {
  apiKey: string;
  apiBaseUrl: string;
  profileUrlTemplate: string;
}

/** Connects through the side panel's own form, as a person would. */
export async function connectInSidePanel(browser: ExtensionBrowser, options: ConnectOptions): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(browser.url("sidepanel.html"));
  await connectInPanel(panel, options);
  return panel;
}

/** Connects through the form of a panel already open (in a tab or the browser's side panel). */
export async function connectInPanel(panel: Page, options: ConnectOptions): Promise<void> {
  await panel.getByText("Advanced").click();
  await panel.getByLabel("API address").fill(options.apiBaseUrl);
  await panel.getByLabel("Candidate profile address (with {id})").fill(options.profileUrlTemplate);
  await panel.getByLabel("SmartRecruiters API key").fill(options.apiKey);
  await panel.getByRole("button", { name: "Connect with API key" }).click();
  await waitUntilConnected(panel);
}

export interface OAuthOptions {
  /** The SmartRecruiters sandbox (the API on `url`; authorization, token and profile pages on `appUrl`). */
  sandbox: SandboxOrigins;
  /**
   * Where the code is exchanged. SmartRecruiters (and the sandbox) want the client secret there, which
   * the extension does not hold: the organisation's token endpoint (startSandboxTokenEndpoint) does.
   */
  tokenUrl: string;
  /** What the sign-in window does: the sandbox approves on its own, or a person clicks Allow / Deny, or closes it. */
  window?: "auto" | "allow" | "deny" | "close";
}

/** Fills the side panel's addresses (the sandbox's) and presses "Connect to SmartRecruiters". */
export async function startOAuthInSidePanel(panel: Page, options: OAuthOptions): Promise<Page | null> {
  const addresses = sandboxEndpoints(options.sandbox);
  await panel.getByText("Advanced").click();
  await panel.getByLabel("API address").fill(addresses.apiBaseUrl);
  await panel.getByLabel("Candidate profile address (with {id})").fill(addresses.profileUrlTemplate);
  await panel.getByLabel("Sign-in address").fill(addresses.authorizeUrl);
  await panel.getByLabel("Token address").fill(options.tokenUrl);
  const mode = options.window ?? "auto";
  const signInWindow =
    mode === "auto"
      ? null
      : panel.context().waitForEvent("page", { predicate: (page) => page.url().includes("/identity/oauth/allow") });
  await panel.getByRole("button", { name: "Connect to SmartRecruiters" }).click();
  if (!signInWindow) return null;
  const window = await signInWindow;
  await window.waitForLoadState();
  if (mode === "allow") await window.getByRole("button", { name: "Allow" }).click();
  else if (mode === "deny") await window.getByRole("button", { name: "Deny" }).click();
  else await window.close();
  return window;
}

/** Connects as an interviewer does: OAuth through the sandbox's authorization page, from the side panel. */
export async function connectWithOAuthInSidePanel(browser: ExtensionBrowser, options: OAuthOptions): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(browser.url("sidepanel.html"));
  await startOAuthInSidePanel(panel, options);
  await waitUntilConnected(panel);
  return panel;
}

/**
 * Opens the side panel page in a window of its own, as the real side panel sits beside the tab:
 * the interview tab stays the active tab of its window (a panel opened as a tab would replace it).
 */
export async function openPanelBesideTabs(browser: ExtensionBrowser): Promise<Page> {
  const url = browser.url("sidepanel.html");
  const [panel] = await Promise.all([
    browser.context.waitForEvent("page", { predicate: (page) => page.url() === url }),
    browser.worker.evaluate(async (target) => {
      const { chrome } = globalThis as unknown as { chrome: { windows: { create(options: object): Promise<unknown> } } };
      await chrome.windows.create({ url: target, type: "popup", width: 400, height: 700 });
    }, url),
  ]);
  await panel.waitForLoadState();
  return panel;
}
