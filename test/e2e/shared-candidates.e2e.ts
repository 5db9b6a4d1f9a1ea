import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import { type Environment, startEnvironment } from "./environment";
import { connectInSidePanel, type ExtensionBrowser, extensionUrl, launchWithExtension } from "./extension";
import { sandboxEndpoints, sandboxProfileUrl } from "./sandbox-endpoints";
import { peopleParam, profileLink, ratingButton, widget } from "./widget";

/** SmartRecruiters as documented (the sandbox's defaults): search only returns candidates with a job application. */
let env: Environment;
const annId = seedCandidates[0]?.id as string;
const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
const newcomer = { firstName: "Nora", lastName: "Quist", email: "nora.quist@example.com" };

async function setCreateAndUpdate(browser: ExtensionBrowser, on: boolean): Promise<void> {
  const panel = await browser.context.newPage();
  await panel.goto(extensionUrl("sidepanel.html"));
  const toggle = panel.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" });
  await (on ? toggle.check() : toggle.uncheck());
  await panel.close();
}

/** The one-on-one room with this person alone, the interview's job shown ("Customer Service Representative"). */
async function openRoomWith(browser: ExtensionBrowser, person: { firstName: string; lastName: string; email: string }) {
  const page = await browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&stageMs=0&chatMs=0&people=${peopleParam([person])}`));
  return page;
}

async function rate(page: Page, rating: string): Promise<void> {
  await ratingButton(page, rating).click();
  await widget(page).getByText("Saved to SmartRecruiters").waitFor();
}

const copiesOf = async (email: string) => (await env.control.candidates()).filter((c) => c.email === email);

describe("candidates every interviewer can find, and SmartRecruiters' merges followed (sandbox defaults)", () => {
  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(async () => {
    await env.control.reset();
    await setCreateAndUpdate(env.browser, true);
  });

  it("interviewer A creates and rates a new candidate; a fresh browser B finds that same one and adds its rating", async () => {
    const pageA = await openRoomWith(env.browser, newcomer);
    await widget(pageA).getByText("your rating adds them", { exact: false }).waitFor();
    expect(await copiesOf(newcomer.email)).toEqual([]);
    await rate(pageA, "Yes");
    await profileLink(pageA).waitFor();
    const [created, ...others] = await copiesOf(newcomer.email);
    expect(others).toEqual([]);
    expect(created?.applications?.map((application) => application.jobId)).toEqual(["job-csr-1"]);

    const browserB = await launchWithExtension();
    try {
      const panel = await connectInSidePanel(browserB, { apiKey: SANDBOX_API_KEY, ...sandboxEndpoints(env.sandbox) });
      await panel.close();
      const pageB = await openRoomWith(browserB, newcomer);
      await profileLink(pageB).waitFor();
      expect(await profileLink(pageB).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, created?.id ?? ""));
      await rate(pageB, "Maybe");
    } finally {
      await browserB.close();
    }
    const [only, ...more] = await copiesOf(newcomer.email);
    expect(more).toEqual([]);
    expect(only?.tags.sort()).toEqual(["hellohire - csr - maybe", "hellohire - csr - yes"]);
    await pageA.close();
  });

  it("a candidate merged after the lookup: the rating lands on the survivor, and the page's link follows", async () => {
    const page = await openRoomWith(env.browser, ann);
    await profileLink(page).waitFor();
    expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, annId));
    const survivor = await env.control.addCandidate({ ...ann, tags: ["vip"] });
    await env.control.mergeCandidate(annId, survivor.id);
    await rate(page, "Yes");
    expect(await env.control.tags(survivor.id)).toEqual(["vip", "hellohire - csr - yes"]);
    expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, survivor.id));
    await page.close();
  });

  it("a candidate deleted after the lookup: created again with create-and-update on; 'no longer in SmartRecruiters' with it off", async () => {
    const page = await openRoomWith(env.browser, newcomer);
    await rate(page, "Yes");
    await profileLink(page).waitFor();
    const [first] = await copiesOf(newcomer.email);
    await env.control.deleteCandidate(first?.id ?? "");
    await rate(page, "No");
    const [again, ...others] = await copiesOf(newcomer.email);
    expect(others).toEqual([]);
    expect(again?.id).not.toBe(first?.id);
    expect(again?.tags).toEqual(["hellohire - csr - no"]);
    await page.close();

    await setCreateAndUpdate(env.browser, false);
    const annPage = await openRoomWith(env.browser, ann);
    await profileLink(annPage).waitFor();
    await env.control.deleteCandidate(annId);
    await ratingButton(annPage, "Maybe").click();
    await widget(annPage).getByText("no longer in SmartRecruiters", { exact: false }).waitFor();
    await annPage.close();
  });
});
