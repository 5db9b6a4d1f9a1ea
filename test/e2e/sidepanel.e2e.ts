import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { extensionUrl, openPanelBesideTabs } from "./extension";
import { sandboxProfileUrl } from "./sandbox-endpoints";
import { openAnnAlone, ratingButton, useEnvironment, widget } from "./widget";

const annId = seedCandidates[0]?.id as string;
let env: Environment;

describe("the side panel", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
  });

  it("opened itself on a welcome at first run", () => {
    expect(env.browser.welcomeUrl).toBe(extensionUrl("sidepanel.html?welcome"));
  });

  it("shows the interview's candidate as SmartRecruiters has them, and follows a rating made on the page", async () => {
    const page = await openAnnAlone(env);
    const panel = await openPanelBesideTabs(env.browser);
    const candidate = panel.getByTestId("current-candidate");
    await candidate.getByTestId("match").filter({ hasText: "Found in SmartRecruiters" }).waitFor();
    expect(await candidate.getByTestId("job").textContent()).toBe("Customer Service Representative · in review");
    expect(await candidate.getByTestId("your-rating").textContent()).toBe("Not rated");
    expect(await candidate.getByRole("link", { name: "View in SmartRecruiters" }).getAttribute("href")).toBe(
      sandboxProfileUrl(env.sandbox, annId),
    );

    await page.bringToFront();
    await ratingButton(page, "Yes").click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    await candidate.getByTestId("tags").filter({ hasText: "hellohire - csr - yes" }).waitFor();
    await candidate.getByTestId("your-rating").filter({ hasText: "Yes" }).waitFor();
    await panel.getByTestId("activity").filter({ hasText: "Saved: Yes · CSR" }).waitFor();
    await panel.close();
    await page.close();
  });

  it("keeps settings across reloads and keeps two panels in step", async () => {
    const first = await env.browser.context.newPage();
    await first.goto(extensionUrl("sidepanel.html"));
    const second = await env.browser.context.newPage();
    await second.goto(extensionUrl("sidepanel.html"));
    const toggle = (panel: Page) => panel.getByRole("switch", { name: /Create and update candidate profile/u });
    expect(await toggle(first).isChecked()).toBe(false);
    await toggle(first).check();
    await expect.poll(() => toggle(second).isChecked()).toBe(true);
    await second.reload();
    expect(await toggle(second).isChecked()).toBe(true);
    await toggle(second).uncheck();
    await expect.poll(() => toggle(first).isChecked()).toBe(false);
    await first.close();
    await second.close();
  });
});
