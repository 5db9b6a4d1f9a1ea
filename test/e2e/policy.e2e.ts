import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Environment, startEnvironment } from "./environment";
import { openPanelBesideTabs } from "./extension";
import { canWritePolicy, managedStorage, removeExtensionPolicy, writeExtensionPolicy } from "./policy";
import { ratingButton, redesignCard, redesignedCardOverride } from "./widget";

let env: Environment;
const widget = (page: Page) => page.locator("srh-interview-widget");
const link = (page: Page) => widget(page).getByRole("link", { name: "View in SmartRecruiters" });
const policyPickup = { timeout: 20_000, interval: 500 };

async function setPolicy(values: Record<string, unknown>) {
  writeExtensionPolicy(env.browser.build, values);
  await expect.poll(() => managedStorage(env.browser.worker), policyPickup).toEqual(values);
}

describe.skipIf(!canWritePolicy())("managed policy (Chromium policy files, needs root)", () => {
  beforeAll(async () => {
    env = await startEnvironment({ ownId: true });
  });

  afterEach(async () => {
    removeExtensionPolicy(env.browser.build);
    await expect.poll(() => managedStorage(env.browser.worker), policyPickup).toEqual({});
  });

  afterAll(async () => {
    if (env) removeExtensionPolicy(env.browser.build);
    await env?.close();
  });

  it("an admin's selector override makes a redesigned page readable again", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.roomUrl("?rerender=0"));
    await link(page).waitFor();
    await redesignCard(page);
    await expect.poll(() => widget(page).count()).toBe(0);

    await setPolicy({
      selectorOverrides: redesignedCardOverride,
    });
    await link(page).waitFor({ timeout: 10_000 });
    const underName = await page.evaluate(
      () =>
        document.querySelector('[data-testid="participant-candidate-name"]')?.nextElementSibling?.tagName.toLowerCase() ?? null,
    );
    expect(underName).toBe("srh-interview-widget");
    await page.close();
  });

  it("ignores a bad override whole, says so in the side panel, and keeps working with the defaults", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.roomUrl("?rerender=0"));
    await link(page).waitFor();
    await setPolicy({ selectorOverrides: { selectors: { candidateName: "h2[[", candidateCard: "section" } } });
    const panel = await openPanelBesideTabs(env.browser);
    await panel.getByTestId("override-problems").waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId("override-problems").textContent()).toContain("selectors.candidateName is not valid");
    expect(await link(page).count()).toBe(1);
    await panel.close();
    await page.close();
  });

  it("integrationEnabled: false switches the page off and locks the setting; removing the policy restores it", async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.roomUrl("?rerender=0"));
    await link(page).waitFor();
    const panel = await openPanelBesideTabs(env.browser);
    await setPolicy({ integrationEnabled: false });
    await expect.poll(() => widget(page).count()).toBe(0);
    const toggle = panel.getByRole("switch", { name: "SmartRecruiters integration" });
    await expect.poll(() => toggle.isDisabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await panel.getByText("Managed by your organisation.").waitFor();

    removeExtensionPolicy(env.browser.build);
    await expect.poll(() => widget(page).count(), policyPickup).toBe(1);
    await expect.poll(() => toggle.isDisabled()).toBe(false);
    await panel.close();
    await page.close();
  });

  it("Hellohire addresses the organisation adds: the granted one works, the other is asked for in the side panel", async () => {
    // http://localhost is granted to test builds but has no manifest content script: it stands in for an
    // organisation's own Hellohire address that the interviewer has already allowed.
    const roomOnLocalhost = env.roomUrl("?rerender=0").replace("//127.0.0.1:", "//localhost:");
    const page = await env.browser.context.newPage();
    await page.goto(roomOnLocalhost);
    await page.waitForTimeout(1_500);
    expect(await widget(page).count()).toBe(0);

    await setPolicy({ hellohireHostPatterns: ["http://localhost/*", "https://hire.example.test/*"] });
    await expect
      .poll(() => registeredScripts(), policyPickup)
      .toEqual([{ id: "hellohire-admin-hosts", matches: ["http://localhost/*"] }]);
    await page.reload();
    await link(page).waitFor({ timeout: 15_000 });
    // The background answers the script there (its sender check knows the address) and the rating lands.
    await ratingButton(page, "Yes").click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor({ timeout: 15_000 });

    const panel = await openPanelBesideTabs(env.browser);
    const notice = panel.getByTestId("admin-hosts");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain("Your organisation also runs Hellohire at hire.example.test.");
    expect(await notice.textContent()).not.toContain("localhost");

    removeExtensionPolicy(env.browser.build);
    await expect.poll(() => registeredScripts(), policyPickup).toEqual([]);
    await notice.waitFor({ state: "detached", timeout: 10_000 });
    await page.reload();
    await page.waitForTimeout(1_500);
    expect(await widget(page).count()).toBe(0);
    await panel.close();
    await page.close();
  });
});

/** The content scripts the background registered at run time (id and addresses). */
function registeredScripts(): Promise<{ id: string; matches: string[] }[]> {
  return env.browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };
    };
    return (await chrome.scripting.getRegisteredContentScripts()).map(({ id, matches }) => ({ id, matches: matches ?? [] }));
  });
}
