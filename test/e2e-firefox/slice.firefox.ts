import type { Page } from "puppeteer-core";
import { beforeEach, describe, expect, it } from "vitest";
import { roomPath } from "../e2e/environment";
import { sandboxProfileUrl } from "../e2e/sandbox-endpoints";
import type { HellohireHook } from "../e2e/widget";
import type { RunningFixtureServer } from "../hellohire/server";
import type { SandboxControl } from "../sandbox/control-client";
import type { RunningSandbox } from "../sandbox/server";
import { seedCandidates } from "../shared/people";
import { useFirefoxEnvironment } from "./environment";
import type { FirefoxExtensionBrowser } from "./firefox";
import { canWriteFirefoxPolicy } from "./policy";
import { pressed, profileHref, ratingButton, underName, widgetText } from "./widget";

function seedId(firstName: string, lastName?: string): string {
  const found = seedCandidates.find((c) => c.firstName === firstName && (lastName === undefined || c.lastName === lastName));
  if (!found) throw new Error(`No seed candidate ${firstName}`);
  return found.id;
}
const annId = seedId("Ann", "O'Neil");
const joseId = seedId("José");

let sandbox: RunningSandbox;
let hellohire: RunningFixtureServer;
let control: SandboxControl;
let firefox: FirefoxExtensionBrowser;
const pageErrors: string[] = [];

async function openRoom(): Promise<Page> {
  const page = await firefox.newPage();
  page.on("pageerror", (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
  await page.goto(`${hellohire.url}${roomPath}?rerender=0`);
  await expect.poll(() => profileHref(page)).not.toBeNull();
  return page;
}

describe.skipIf(!canWriteFirefoxPolicy())("Firefox: the slice, connected by the organisation's API key (needs root)", () => {
  const environment = useFirefoxEnvironment();
  beforeEach(() => {
    ({ sandbox, hellohire, control, firefox } = environment());
    pageErrors.length = 0;
  });

  it("is connected by the policy, and shows the link and the buttons right under the candidate's name", async () => {
    const panel = await firefox.openExtensionPage("sidepanel.html");
    await expect
      .poll(() => panel.evaluate(() => document.querySelector('[data-testid="connection-status"]')?.textContent?.trim() ?? ""))
      .toMatch(/^Connected/u);
    await panel.close();

    const page = await openRoom();
    expect(await underName(page)).toBe("srh-interview-widget");
    expect(await profileHref(page)).toBe(sandboxProfileUrl(sandbox, annId));
    for (const name of ["Yes", "Maybe", "No"])
      expect(
        await (await ratingButton(page, name)).evaluate((button) => button instanceof HTMLButtonElement && !button.disabled),
      ).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("writes Yes as a tag on the SmartRecruiters candidate", async () => {
    const page = await openRoom();
    await (await ratingButton(page, "Yes")).click();
    await expect.poll(() => widgetText(page)).toContain("Saved to SmartRecruiters");
    expect(await pressed(page, "Yes")).toBe("true");
    expect(await control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("resets the buttons when the next candidate joins, and shows their link", async () => {
    const page = await openRoom();
    await (await ratingButton(page, "Maybe")).click();
    await expect.poll(() => pressed(page, "Maybe")).toBe("true");

    await page.evaluate(() => (window as unknown as HellohireHook).__hellohire.next());
    await expect.poll(() => profileHref(page)).toBe(sandboxProfileUrl(sandbox, joseId));
    for (const name of ["Yes", "Maybe", "No"]) expect(await pressed(page, name)).toBe("false");
    expect(await underName(page)).toBe("srh-interview-widget");
    await expect.poll(() => control.tags(annId)).toEqual(["hellohire - csr - maybe"]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("reads a layout the table does not know by meaning (the reader injected into the page), and rates there", async () => {
    const page = await firefox.newPage();
    page.on("pageerror", (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    await page.goto(`${hellohire.url}/layouts/hashed-classes.html`);
    await expect.poll(() => profileHref(page), { timeout: 15_000 }).toBe(sandboxProfileUrl(sandbox, annId));
    expect(await page.evaluate(() => document.querySelector("[data-storm-name]")?.nextElementSibling?.localName ?? null)).toBe(
      "srh-interview-widget",
    );
    await (await ratingButton(page, "No")).click();
    await expect.poll(() => control.tags(annId)).toEqual(["hellohire - csr - no"]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
