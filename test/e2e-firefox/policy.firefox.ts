import type { Page } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { roomPath } from "../e2e/environment";
import { sandboxEndpoints, sandboxProfileUrl } from "../e2e/sandbox-endpoints";
import { redesignedCardOverride } from "../e2e/widget";
import { type RunningFixtureServer, startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY, SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "../sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../sandbox/server";
import { seedCandidates } from "../shared/people";
import { type FirefoxExtensionBrowser, launchFirefoxWithExtension } from "./firefox";
import { canWriteFirefoxPolicy, withFirefoxPolicy } from "./policy";
import { profileHref, ratingButton, widgetSelector, widgetText } from "./widget";

/**
 * The organisation's policy from /etc/firefox/policies/policies.json. Firefox reads it once, at start (README.md):
 * each policy is its own launch, and a launch with no file shows what removing it restores.
 */

const annId = seedCandidates.find((c) => c.firstName === "Ann" && c.lastName === "O'Neil")?.id ?? "";

let sandbox: RunningSandbox;
let hellohire: RunningFixtureServer;
let control: SandboxControl;
let firefox: FirefoxExtensionBrowser | undefined;
const closing: Promise<void>[] = [];
const pageErrors: string[] = [];
/** How long a poll waits for what the interviewer would see (this 2-core machine runs other browsers too). */
const soon = { timeout: 15_000 };

async function launchWith(values: Record<string, unknown> | null): Promise<FirefoxExtensionBrowser> {
  const asked = Date.now();
  firefox = await withFirefoxPolicy(values, launchFirefoxWithExtension);
  const { launchMs, installMs } = firefox.timings;
  console.info(`Firefox launch ${launchMs} ms, install ${installMs} ms, ${Date.now() - asked} ms with the policy lock`);
  return firefox;
}

/** The sandbox addresses an organisation's policy gives with its credential: the API and the profile pages. */
function addresses() {
  const { apiBaseUrl, profileUrlTemplate } = sandboxEndpoints(sandbox);
  return { apiBaseUrl, profileUrlTemplate };
}

async function openRoom(browser: FirefoxExtensionBrowser): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${hellohire.url}${roomPath}?rerender=0`);
  return page;
}

const settingSwitch = (name: string) => `::-p-aria([name="${name}"][role="switch"])`;

/** A setting's switch in the side panel, as the interviewer sees it. */
async function switchState(panel: Page, name: string): Promise<{ checked: boolean; disabled: boolean }> {
  const toggle = await panel.waitForSelector(settingSwitch(name));
  if (!toggle) throw new Error(`No switch ${name}`);
  return toggle.evaluate((input) => ({
    checked: input instanceof HTMLInputElement && input.checked,
    disabled: input instanceof HTMLInputElement && input.disabled,
  }));
}

const managedNotes = (panel: Page) =>
  panel.evaluate(() => [...document.querySelectorAll(".managed")].map((note) => note.textContent?.trim() ?? ""));

const connectionStatus = (panel: Page) =>
  panel.evaluate(() => document.querySelector('[data-testid="connection-status"]')?.textContent?.trim() ?? "");

interface TabStatus {
  status: { kind: string; reader?: string };
  origin?: string | null;
}

function isTabStatus(value: unknown): value is TabStatus {
  if (typeof value !== "object" || value === null || !("status" in value)) return false;
  const { status } = value;
  return typeof status === "object" && status !== null && "kind" in status && typeof status.kind === "string";
}

/**
 * What the content scripts of the fixture's tabs last reported to the background (its session storage, read from
 * one of the extension's pages): the positive sign that a page was read, whatever the widget shows.
 */
async function fixtureStatuses(panel: Page): Promise<TabStatus["status"][]> {
  const stored: unknown = await panel.evaluate('browser.storage.session.get("pages.status")');
  if (typeof stored !== "object" || stored === null || !("pages.status" in stored)) return [];
  const all = stored["pages.status"];
  if (typeof all !== "object" || all === null) return [];
  return Object.values(all)
    .filter(isTabStatus)
    .filter((entry) => entry.origin === hellohire.url)
    .map((entry) => entry.status);
}

/**
 * Hellohire ships a redesign: every data-testid of the candidate card renamed, its field labels in words no reader
 * knows (as test/e2e/widget.ts redesignCard, for puppeteer's page): only the organisation's override reads it.
 */
function redesignCard(page: Page): Promise<void> {
  return page.evaluate(() => {
    const card = document.querySelector('[data-testid="candidate-card"]');
    if (!card) throw new Error("No candidate card");
    const redesigned = card.cloneNode(true);
    if (!(redesigned instanceof Element)) throw new Error("The card did not clone");
    for (const element of redesigned.querySelectorAll("[data-testid]"))
      element.setAttribute("data-testid", `participant-${element.getAttribute("data-testid")}`);
    redesigned.querySelector("srh-interview-widget")?.remove();
    redesigned.setAttribute("data-testid", "participant-card");
    const unknownWords: Record<string, string> = { "First name": "Vorname", "Last name": "Nachname", Email: "Kontakt" };
    for (const label of redesigned.querySelectorAll("dt"))
      label.textContent = unknownWords[label.textContent?.trim() ?? ""] ?? "";
    card.replaceWith(redesigned);
  });
}

describe.skipIf(!canWriteFirefoxPolicy())("Firefox: managed policy from policies.json (needs root)", () => {
  beforeAll(async () => {
    [sandbox, hellohire] = await Promise.all([startSandbox(), startHellohireFixtures()]);
    control = new SandboxControl(sandbox.url);
  });
  beforeEach(async () => {
    await control.reset();
    pageErrors.length = 0;
  });
  afterEach(() => {
    // Firefox takes 1-2 s to quit: the next test's launch need not wait for it (each launch has its own profile).
    if (firefox) closing.push(firefox.close());
    firefox = undefined;
  });
  afterAll(async () => {
    await Promise.all([...closing, sandbox?.close(), hellohire?.close()]);
  });

  it("locks the settings it sets: both switches disabled and marked, the integration off, no widget on the room", async () => {
    const browser = await launchWith({
      integrationEnabled: false,
      createAndUpdateCandidates: true,
      authMode: "apiKey",
      apiKey: SANDBOX_API_KEY,
      ...addresses(),
    });
    const panel = await browser.openExtensionPage("sidepanel.html");
    await expect.poll(() => switchState(panel, "SmartRecruiters integration"), soon).toEqual({ checked: false, disabled: true });
    await expect
      .poll(() => switchState(panel, "Create and update candidate profile in SmartRecruiters"), soon)
      .toEqual({
        checked: true,
        disabled: true,
      });
    expect(await managedNotes(panel)).toEqual(["Managed by your organisation.", "Managed by your organisation."]);

    const room = await openRoom(browser);
    // The content script did read the room, and was told the integration is off: only then is "no widget" meaningful.
    await expect.poll(() => fixtureStatuses(panel), soon).toEqual([{ kind: "disabled" }]);
    expect(await room.$$(widgetSelector)).toHaveLength(0);
    // Nothing about the candidate went to SmartRecruiters.
    expect((await control.requests()).filter((entry) => entry.path.startsWith("/candidates"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("client credentials: connected by the organisation, Ann's link on the room, and Yes becomes the tag", async () => {
    const browser = await launchWith({
      authMode: "clientCredentials",
      clientId: SANDBOX_SYSTEM_CLIENT_ID,
      clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET,
      ...addresses(),
      tokenUrl: `${sandbox.url}/identity/oauth/token`,
    });
    const panel = await browser.openExtensionPage("sidepanel.html");
    await expect
      .poll(() => connectionStatus(panel), soon)
      .toMatch(/^Connected by your organisation with the organisation's SmartRecruiters credential \(127\.0\.0\.1:/u);

    const room = await openRoom(browser);
    await expect.poll(() => profileHref(room), soon).toBe(sandboxProfileUrl(sandbox, annId));
    await (await ratingButton(room, "Yes")).click();
    await expect.poll(() => widgetText(room), soon).toContain("Saved to SmartRecruiters");
    expect(await control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    const calls = (await control.requests()).filter((entry) => entry.path.startsWith("/candidates"));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((entry) => entry.credential === "bearer")).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("an admin's selector override reads a redesigned card: the link goes under the participant's name", async () => {
    const browser = await launchWith({
      authMode: "apiKey",
      apiKey: SANDBOX_API_KEY,
      ...addresses(),
      selectorOverrides: redesignedCardOverride,
    });
    const room = await openRoom(browser);
    await redesignCard(room);
    await expect.poll(() => profileHref(room), soon).toBe(sandboxProfileUrl(sandbox, annId));
    expect(
      await room.evaluate(
        () => document.querySelector('[data-testid="participant-candidate-name"]')?.nextElementSibling?.localName ?? null,
      ),
    ).toBe("srh-interview-widget");
    expect(await room.$$(widgetSelector)).toHaveLength(1);
    const panel = await browser.openExtensionPage("sidepanel.html");
    // Read by the organisation's table, not by meaning (the labels are words no reader knows).
    await expect.poll(async () => (await fixtureStatuses(panel)).map((status) => status.reader), soon).toEqual(["policy"]);
    expect(pageErrors).toEqual([]);
  });

  it("with the policy removed, a new launch shows the switches unlocked", async () => {
    const browser = await launchWith(null);
    const panel = await browser.openExtensionPage("sidepanel.html");
    // Not connected: the welcome is shown, with the settings under it.
    await expect.poll(() => connectionStatus(panel), soon).toMatch(/^Not connected/u);
    expect(await switchState(panel, "SmartRecruiters integration")).toEqual({ checked: true, disabled: false });
    expect((await switchState(panel, "Create and update candidate profile in SmartRecruiters")).disabled).toBe(false);
    expect(await managedNotes(panel)).toEqual([]);
    expect(await connectionStatus(panel)).not.toMatch(/organisation/u);
  });
});
