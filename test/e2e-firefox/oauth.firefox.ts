import type { Page } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningTokenEndpoint } from "../../server/token-endpoint/node";
import { firefoxRedirectHost } from "../../server/token-endpoint/redirect-uri";
import { roomPath } from "../e2e/environment";
import { sandboxEndpoints, startSandboxTokenEndpoint } from "../e2e/sandbox-endpoints";
import { type RunningFixtureServer, startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { seedCandidates } from "../shared/people";
import { extensionUuid, type FirefoxExtensionBrowser, geckoId, launchFirefoxWithExtension } from "./firefox";
import { canWriteFirefoxPolicy, withFirefoxPolicy } from "./policy";
import { profileHref, ratingButton, widgetText } from "./widget";

/**
 * Signing in as an interviewer does in Firefox: identity.launchWebAuthFlow with Firefox's redirect address
 * (https://<SHA-1 of the gecko id>.extensions.allizom.org/), against the sandbox's sign-in page, the code exchanged at
 * the organisation's token endpoint (server/token-endpoint), which holds the client secret.
 */

const annId = seedCandidates.find((c) => c.firstName === "Ann" && c.lastName === "O'Neil")?.id ?? "";

let sandbox: RunningSandbox;
let hellohire: RunningFixtureServer;
let control: SandboxControl;
let tokenEndpoint: RunningTokenEndpoint;
let firefox: FirefoxExtensionBrowser;

const byName = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

function connectionStatus(panel: Page): Promise<string> {
  return panel.evaluate(() => document.querySelector('[data-testid="connection-status"]')?.textContent?.trim() ?? "");
}

/** Fills the side panel's addresses (the sandbox's, and the organisation's token endpoint) and presses Connect. */
async function startSignIn(panel: Page): Promise<void> {
  const addresses = sandboxEndpoints(sandbox);
  await panel.locator("::-p-text(Advanced)").click();
  const fields: [string, string][] = [
    ["API address", addresses.apiBaseUrl],
    ["Candidate profile address (with {id})", addresses.profileUrlTemplate],
    ["Sign-in address", addresses.authorizeUrl],
    ["Token address", tokenEndpoint.url],
  ];
  for (const [label, value] of fields) await panel.locator(byName("textbox", label)).fill(value);
  await panel.locator(byName("button", "Connect to SmartRecruiters")).click();
}

/** The sign-in requests the sandbox saw: the redirect address each named. */
async function signInRedirects(): Promise<string[]> {
  return (await control.requests())
    .filter((entry) => entry.path === "/identity/oauth/allow")
    .map((entry) => String(entry.query.redirect_uri ?? ""));
}

/** The page Firefox opens the sidebar on now (lib/background/panel-page-keeper.ts), as a path. */
function sidebarPage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const { browser } = globalThis as unknown as { browser: { sidebarAction: { getPanel(details: object): Promise<string> } } };
    return new URL(await browser.sidebarAction.getPanel({})).pathname;
  });
}

/** Closes the sidebar (Firefox opens it at install), from a click on a button added to `page`: it needs a user's action. */
async function closeSidebar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { browser } = globalThis as unknown as { browser: { sidebarAction: { close(): Promise<void> } } };
    const button = Object.assign(document.createElement("button"), { id: "test-close-sidebar", textContent: "Close sidebar" });
    button.addEventListener("click", () => browser.sidebarAction.close());
    document.body.append(button);
  });
  await page.click("#test-close-sidebar");
}

async function disconnect(panel: Page): Promise<void> {
  await panel.locator(byName("button", "Disconnect")).click();
  await expect.poll(() => connectionStatus(panel)).toMatch(/^Not connected/u);
}

/**
 * Starts signing in with SmartRecruiters' page asking the interviewer (the sandbox's "click" mode): Firefox opens a window
 * of its own on it, where `button` is clicked. Returns the side panel page.
 */
async function signInByClicking(button: "Allow" | "Deny"): Promise<Page> {
  await control.setModes({ authorizePage: "click" });
  const panel = await firefox.openExtensionPage("sidepanel.html");
  const signInWindow = firefox.browser.waitForTarget((target) => target.url().includes("/identity/oauth/allow"), {
    timeout: 15_000,
  });
  await startSignIn(panel);
  const page = await (await signInWindow).page();
  if (!page) throw new Error("The sign-in window has no page");
  await page.locator(byName("button", button)).click();
  return panel;
}

describe.skipIf(!canWriteFirefoxPolicy())("Firefox: signing in with OAuth through identity.launchWebAuthFlow", () => {
  beforeAll(async () => {
    [sandbox, hellohire] = await Promise.all([startSandbox(), startHellohireFixtures()]);
    control = new SandboxControl(sandbox.url);
    tokenEndpoint = await startSandboxTokenEndpoint(sandbox, {
      firefox: { origin: `moz-extension://${extensionUuid}`, addonId: geckoId },
    });
    // No policy: the interviewer connects on their own (the welcome tab opens at install).
    firefox = await withFirefoxPolicy(null, launchFirefoxWithExtension);
    await firefox.closeWelcome();
  });
  afterAll(async () => {
    await firefox?.close();
    await Promise.all([tokenEndpoint?.close(), sandbox?.close(), hellohire?.close()]);
  });
  beforeEach(async () => {
    await control.reset();
  });
  afterEach(async () => {
    // Each test starts disconnected, whatever the last one left.
    const panel = await firefox.openExtensionPage("sidepanel.html");
    await expect.poll(() => connectionStatus(panel)).not.toBe("");
    if (await panel.$(byName("button", "Disconnect"))) await disconnect(panel);
    await panel.close();
  });

  it("connects through the sign-in page at Firefox's redirect address, and a rating lands with the token", async () => {
    const panel = await firefox.openExtensionPage("sidepanel.html");
    expect(
      await panel.evaluate(() =>
        (globalThis as unknown as { browser: { identity: { getRedirectURL(): string } } }).browser.identity.getRedirectURL(),
      ),
    ).toBe(`https://${await firefoxRedirectHost(geckoId)}/`);
    // Not connected: the sidebar (open since the install) is on the welcome page.
    expect(await sidebarPage(panel)).toBe("/sidepanel.html");
    await startSignIn(panel);
    await expect
      .poll(() => connectionStatus(panel), { timeout: 15_000 })
      .toMatch(/^Connected to SmartRecruiters with your SmartRecruiters account/u);
    // Connected in this tab: the open sidebar is left on its page (setPanel would load another in its place) until it
    // closes; the next one opens on the page with the settings first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sidebarPage(panel)).toBe("/sidepanel.html");
    await closeSidebar(panel);
    await expect.poll(() => sidebarPage(panel)).toBe("/sidepanel-en-settings.html");
    expect(await signInRedirects()).toEqual([`https://${await firefoxRedirectHost(geckoId)}/`]);

    const room = await firefox.newPage();
    await room.goto(`${hellohire.url}${roomPath}?rerender=0`);
    await expect.poll(() => profileHref(room), { timeout: 15_000 }).not.toBeNull();
    await (await ratingButton(room, "Yes")).click();
    await expect.poll(() => widgetText(room)).toContain("Saved to SmartRecruiters");
    expect(await control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    const calls = (await control.requests()).filter((entry) => entry.path.startsWith("/candidates"));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((entry) => entry.credential?.startsWith("bearer"))).toBe(true);

    await room.close();
    await panel.close();
  });

  it("connects when the interviewer clicks Allow in the window Firefox opens for SmartRecruiters' page", async () => {
    const panel = await signInByClicking("Allow");
    await expect
      .poll(() => connectionStatus(panel), { timeout: 15_000 })
      .toMatch(/^Connected to SmartRecruiters with your SmartRecruiters account/u);
    await disconnect(panel);
    await expect.poll(() => sidebarPage(panel)).toBe("/sidepanel.html");
    await panel.close();
  });

  it("stays disconnected, and says so, when the interviewer denies access", async () => {
    const panel = await signInByClicking("Deny");
    await expect
      .poll(() => panel.evaluate(() => document.body.textContent ?? ""), { timeout: 15_000 })
      .toMatch(/denied|refused|cancel/iu);
    expect(await connectionStatus(panel)).toMatch(/^Not connected/u);
    await panel.close();
  });
});
