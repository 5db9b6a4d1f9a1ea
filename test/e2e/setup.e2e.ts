import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import { type Environment, startEnvironment } from "./environment";
import { type ExtensionBrowser, launchWithExtension, openPanelBesideTabs } from "./extension";
import { copyWithOwnId, type ExtensionBuild } from "./extension-build";
import { canWritePolicy, managedStorage, removeExtensionPolicy, writeExtensionPolicy } from "./policy";
import { sandboxEndpoints, sandboxProfileUrl } from "./sandbox-endpoints";
import { profileLink, ratingButton, widget } from "./widget";

/*
 * "Set up this page" on a room neither reader can read (test/hellohire/app/setup/unlabelled.html): the
 * interviewer clicks the page's parts with real mouse clicks, a rating then lands, and the JSON they copy
 * for their admin, put in a real policy file, makes a fresh profile read the page.
 */

const annId = seedCandidates.find((person) => person.email === "ann.oneil@example.com" && person.firstName === "Ann")?.id ?? "";
const policyPickup = { timeout: 20_000, interval: 500 };

let env: Environment;
let fresh: ExtensionBrowser | undefined;
let freshCopy: (ExtensionBuild & { remove(): void }) | undefined;

const picker = (page: Page) => page.locator("srh-setup-picker");

/** A trusted click at the middle of the page's element (our overlay lies on top: the click lands on it, as a person's). */
async function clickOn(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe("Set up this page: taught with real clicks", () => {
  beforeAll(async () => {
    env = await startEnvironment();
  });

  afterAll(async () => {
    if (freshCopy) removeExtensionPolicy(freshCopy);
    await fresh?.close();
    freshCopy?.remove();
    await env?.close();
  });

  it("reads nothing at first; Escape cancels; learns the page from six clicks, keeps the page's handlers out of them, and a rating lands", async () => {
    const url = `${env.hellohire.url}/setup/unlabelled.html`;
    const page = await env.browser.context.newPage();
    await page.goto(url);
    const panel = await openPanelBesideTabs(env.browser);
    const start = panel.getByRole("button", { name: "Set up this page" });
    await start.waitFor({ timeout: 15_000 });
    expect(await widget(page).count()).toBe(0);

    // Escape leaves the page as it was.
    await start.click();
    await picker(page).waitFor({ state: "attached", timeout: 10_000 });
    await panel.getByTestId("setup-step").waitFor();
    await page.bringToFront();
    await page.keyboard.press("Escape");
    await expect.poll(() => picker(page).count()).toBe(0);
    await panel.getByTestId("setup-step").waitFor({ state: "detached" });

    await start.click();
    await picker(page).waitFor({ state: "attached", timeout: 10_000 });
    await panel.getByTestId("setup-step").getByText("click the candidate's name").waitFor();
    await clickOn(page, '[data-role="participant-name"]');
    await panel.getByTestId("setup-step").getByText("click the candidate's email").waitFor();
    await clickOn(page, ".Gg6g");
    await clickOn(page, ".Gg4e");
    await clickOn(page, ".Gg5f");
    await clickOn(page, '[data-role="session-title"]');
    await panel.getByTestId("setup-step").getByText("click the job title").waitFor();
    await clickOn(page, '[data-role="session-job"]');

    // Saved as the interviewer's own set-up: the page is read with it, the widget right under the name.
    await expect.poll(() => picker(page).count()).toBe(0);
    await profileLink(page).waitFor({ timeout: 15_000 });
    expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, annId));
    const underName = await page.evaluate(
      () => document.querySelector('[data-role="participant-name"]')?.nextElementSibling?.tagName.toLowerCase() ?? null,
    );
    expect(underName).toBe("srh-interview-widget");
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    await panel.getByTestId("reader").getByText("your own set-up").waitFor();
    await panel.getByTestId("setup-saved").getByText(new URL(url).origin).waitFor();

    await ratingButton(page, "Yes").click();
    await expect.poll(() => env.control.tags(annId)).toEqual(["hellohire - csr - yes"]);

    // For the admin: the override and, the address not being Hellohire's known one, the host pattern.
    await panel.getByRole("button", { name: "Copy for your admin" }).click();
    const copied = JSON.parse((await panel.getByTestId("setup-policy").textContent()) ?? "{}");
    expect(copied.hellohireHostPatterns).toEqual([`${new URL(url).origin.replace(/:\d+$/u, "")}/*`]);
    expect(Object.keys(copied.selectorOverrides.selectors)).toEqual(
      expect.arrayContaining([
        "room",
        "candidateCard",
        "candidateName",
        "firstNameValue",
        "lastNameValue",
        "emailValue",
        "interviewTitle",
      ]),
    );
    copiedPolicy = copied;

    // Removed: the page is unreadable again.
    await panel.getByRole("button", { name: "Remove my set-up" }).click();
    await expect.poll(() => widget(page).count()).toBe(0);
    await panel.close();
    await page.close();
  });

  let copiedPolicy: Record<string, unknown> | null = null;

  it("Use on this site: a site the extension does not run on is added from the side panel, then read by meaning", async () => {
    // The content script is not registered on http://localhost in test builds (the tests' "unknown site").
    const url = `${env.hellohire.url.replace("127.0.0.1", "localhost")}/layouts/hashed-classes.html`;
    const page = await env.browser.context.newPage();
    await page.goto(url);
    const panel = await openPanelBesideTabs(env.browser);
    const site = panel.getByTestId("use-on-site");
    await site.waitFor({ timeout: 15_000 });
    expect(await widget(page).count()).toBe(0);
    await site.getByLabel("Address of the interview page").fill(url);
    await site.getByRole("button", { name: "Use on this site" }).click();
    await site.getByText("reload the interview page").waitFor({ timeout: 10_000 });
    await expect
      .poll(() =>
        env.browser.worker.evaluate(async () => {
          type Scripting = { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
          const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
          return (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []);
        }),
      )
      .toContain("http://localhost/*");
    await page.reload();
    await profileLink(page).waitFor({ timeout: 15_000 });
    expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, annId));
    await panel.close();
    await page.close();
  });

  it.skipIf(!canWritePolicy())("the copied JSON in a real policy file makes a fresh profile read the page", async () => {
    expect(copiedPolicy).not.toBeNull();
    const { apiBaseUrl, profileUrlTemplate } = sandboxEndpoints(env.sandbox);
    const values = { ...copiedPolicy, authMode: "apiKey", apiKey: SANDBOX_API_KEY, apiBaseUrl, profileUrlTemplate };
    // A copy with its own ID: the policy reaches no other browser (test/e2e/policy.ts).
    freshCopy = copyWithOwnId();
    writeExtensionPolicy(freshCopy, values);
    fresh = await launchWithExtension({ build: freshCopy });
    await expect.poll(() => managedStorage(fresh?.worker ?? env.browser.worker), policyPickup).toEqual(values);
    const page = await fresh.context.newPage();
    await page.goto(`${env.hellohire.url}/setup/unlabelled.html`);
    await profileLink(page).waitFor({ timeout: 20_000 });
    expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, annId));
    await page.close();
  });
});
