import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { extensionUrl } from "./extension";
import { sandboxProfileUrl } from "./sandbox-endpoints";
import { ratingButton, reportedKind, useEnvironment, widget } from "./widget";

const annId = seedCandidates.find((c) => c.lastName === "O'Neil" && c.firstName === "Ann")?.id as string;
const joseId = seedCandidates.find((c) => c.firstName === "José")?.id as string;

let env: Environment;
const pageErrors: string[] = [];

async function openRoom(query = "?rerenderMs=300"): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(env.roomUrl(query));
  return page;
}

const button = ratingButton;

describe("the slice: interview page to SmartRecruiters tag", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
    pageErrors.length = 0;
  });

  it("shows the link and the buttons right under the candidate's name", async () => {
    const page = await openRoom();
    await expect.poll(() => widget(page).count()).toBe(1);
    const underName = await page.evaluate(
      () => document.querySelector('[data-testid="candidate-name"]')?.nextElementSibling?.tagName.toLowerCase() ?? null,
    );
    expect(underName).toBe("srh-interview-widget");
    await expect.poll(() => widget(page).getByRole("link", { name: "View in SmartRecruiters" }).count()).toBe(1);
    for (const name of ["Yes", "Maybe", "No"]) expect(await button(page, name).isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("opens the candidate's SmartRecruiters profile in a new tab", async () => {
    const page = await openRoom();
    const link = widget(page).getByRole("link", { name: "View in SmartRecruiters" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, annId));
    const [profile] = await Promise.all([env.browser.context.waitForEvent("page"), link.click()]);
    await profile.waitForLoadState();
    expect(profile.url()).toBe(sandboxProfileUrl(env.sandbox, annId));
    expect(await profile.getByRole("heading", { level: 1 }).textContent()).toContain("Candidate profile");
    await profile.close();
    await page.close();
  });

  it("writes the rating as a tag on the SmartRecruiters candidate", async () => {
    const page = await openRoom();
    await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor();
    await button(page, "Yes").click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    expect(await button(page, "Yes").getAttribute("aria-pressed")).toBe("true");
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - yes"]);

    await button(page, "No").click();
    await expect.poll(() => env.control.tags(annId)).toEqual(["hellohire - csr - no"]);
    expect(await button(page, "No").getAttribute("aria-pressed")).toBe("true");
    expect(await button(page, "Yes").getAttribute("aria-pressed")).toBe("false");
    await page.close();
  });

  it("resets the buttons when the next candidate joins, and keeps each candidate's own rating", async () => {
    const page = await openRoom();
    await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor();
    await button(page, "Maybe").click();
    await expect.poll(() => button(page, "Maybe").getAttribute("aria-pressed")).toBe("true");

    await page.evaluate(() => (window as unknown as { __hellohire: { next(): void } }).__hellohire.next());
    await expect.poll(() => widget(page).getByRole("link").getAttribute("href")).toContain(joseId);
    for (const name of ["Yes", "Maybe", "No"]) expect(await button(page, name).getAttribute("aria-pressed")).toBe("false");
    expect(await widget(page).count()).toBe(1);
    expect(await env.control.tags(joseId)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - maybe"]);

    await page.evaluate(() => (window as unknown as { __hellohire: { show(key: string): void } }).__hellohire.show("ann"));
    await expect.poll(() => widget(page).getByRole("link").getAttribute("href")).toContain(annId);
    expect(await button(page, "Maybe").getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    await expect.poll(() => button(page, "Maybe").getAttribute("aria-pressed")).toBe("true");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("shows nothing when the integration is switched off, and comes back when on", async () => {
    const page = await openRoom();
    await expect.poll(() => widget(page).count()).toBe(1);
    const panel = await env.browser.context.newPage();
    await panel.goto(extensionUrl("sidepanel.html"));
    const toggle = panel.getByRole("switch", { name: "SmartRecruiters integration" });
    await toggle.uncheck();
    await expect.poll(() => widget(page).count()).toBe(0);
    const reloadedAt = Date.now();
    await page.reload();
    await expect.poll(() => reportedKind(env.browser.worker, page, reloadedAt)).toBe("disabled");
    expect(await widget(page).count()).toBe(0);
    await toggle.check();
    await expect.poll(() => widget(page).count()).toBe(1);
    await panel.close();
    await page.close();
  });

  it("shows nothing on pages that are not one-on-one interviews", async () => {
    const page = await env.browser.context.newPage();
    for (const [path, kind] of [
      ["/events", "not-interview"],
      ["/events/evt-1/interviews/int-group/room", "other-format"],
      ["/events/evt-1/interviews/int-csr/room?state=waiting", "waiting"],
    ] as const) {
      const openedAt = Date.now();
      await page.goto(`${env.hellohire.url}${path}`);
      // The content script has read the page and said what it is: only then is "no widget" a finding.
      await expect.poll(() => reportedKind(env.browser.worker, page, openedAt), { message: path }).toBe(kind);
      expect(await widget(page).count(), path).toBe(0);
    }
    await page.close();
  });

  it("with create-and-update off, says a missing candidate is not in SmartRecruiters; on, the interviewer's rating (never the page load) creates them and updates a first name", async () => {
    const page = await openRoom("?candidate=li&rerender=0");
    await widget(page).getByText("Not in SmartRecruiters yet", { exact: false }).waitFor();
    expect(await widget(page).getByRole("link").count()).toBe(0);
    expect(await button(page, "Yes").isDisabled()).toBe(true);

    const panel = await env.browser.context.newPage();
    await panel.goto(extensionUrl("sidepanel.html"));
    await panel.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" }).check();
    await panel.close();

    await page.goto(env.roomUrl("?candidate=li&rerender=0"));
    await widget(page).getByText("your rating adds them", { exact: false }).waitFor();
    // Opening the page created no one.
    expect((await env.control.candidates()).filter((c) => c.email === "li.wei@example.com")).toEqual([]);
    await button(page, "Yes").click();
    await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor();
    const li = (await env.control.candidates()).filter((c) => c.email === "li.wei@example.com");
    expect(li.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(["Li Wei"]);
    expect(li[0]?.applications?.map((application) => application.jobId)).toEqual(["job-csr-1"]);
    expect(li[0]?.tags).toEqual(["hellohire - csr - yes"]);

    // Mary is in the talent pool only: search never returns her, and a create is refused as a duplicate.
    const maryJaneId = seedCandidates.find((c) => c.lastName === "van der Berg")?.id as string;
    await page.goto(env.roomUrl("?candidate=maryjane&rerender=0"));
    await widget(page).getByText("your rating adds them", { exact: false }).waitFor();
    expect((await env.control.candidate(maryJaneId))?.firstName).not.toBe("Mary Jane");
    await button(page, "Yes").click();
    await widget(page).getByText("talent pool only", { exact: false }).waitFor();
    // Where SmartRecruiters names the existing candidate in its 409, she is found and her first name updated.
    await env.control.setModes({ createExisting: "conflict-with-id" });
    await page.goto(env.roomUrl("?candidate=maryjane&rerender=0"));
    await button(page, "Yes").click();
    await widget(page).getByRole("link", { name: "View in SmartRecruiters" }).waitFor();
    expect((await env.control.candidate(maryJaneId))?.firstName).toBe("Mary Jane");
    expect((await env.control.candidates()).filter((c) => c.lastName === "van der Berg")).toHaveLength(1);

    const settings = await env.browser.context.newPage();
    await settings.goto(extensionUrl("sidepanel.html"));
    await settings.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" }).uncheck();
    await settings.close();
    await page.close();
  });
});
