import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { ratings, ratingTag } from "../../lib/sync/rating-tag";
import { type LayoutExpectation, layoutExpectations } from "../hellohire/app/layouts/layouts.expectations";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { sandboxProfileUrl } from "./sandbox-endpoints";
import { profileLink, ratingButton, useEnvironment, widget } from "./widget";

/*
 * The reader by meaning on pages nobody here described to the extension (test/hellohire/app/layouts/):
 * the widget right under the candidate's name, the right person looked up, the right tag after a click;
 * and nothing at all on the pages that must stay untouched.
 */

let env: Environment;
const pageErrors: string[] = [];

async function openLayout(file: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${env.hellohire.url}/layouts/${file}`);
  return page;
}

/** The page statuses the content scripts reported (side panel's source), newest first. */
async function reportedSince(since: number): Promise<{ kind: string; reader?: string }[]> {
  return env.browser.worker.evaluate(async (after) => {
    type Statuses = Record<string, { status: { kind: string; reader?: string }; at: number }>;
    type Session = { get(key: string): Promise<Record<string, Statuses | undefined>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: Session } } };
    const all = (await chrome.storage.session.get("pages.status"))["pages.status"] ?? {};
    return Object.values(all)
      .filter((entry) => entry.at >= after)
      .sort((a, b) => b.at - a.at)
      .map((entry) => entry.status);
  }, since);
}

async function searchedEmails(): Promise<string[]> {
  return (await env.control.requests())
    .filter((entry) => entry.method === "GET" && entry.path === "/candidates")
    .map((entry) => (entry.query.q ?? "").replace(/^"(.*)"$/u, "$1"));
}

const rated = new Map<string, number>();

const clean = (text: string | null | undefined) => (text ?? "").replace(/\s+/gu, " ").trim();

const readable = Object.entries(layoutExpectations).filter(
  (entry): entry is [string, Extract<LayoutExpectation, { kind: "one-on-one" }>] => entry[1].kind === "one-on-one",
);
const untouched = Object.entries(layoutExpectations).filter(([, expected]) => expected.kind === "untouched");

describe("the reader by meaning on layouts the markup table does not know", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
    pageErrors.length = 0;
  });

  it("has layouts to read and pages to leave alone", () => {
    expect(readable.length).toBeGreaterThanOrEqual(8);
    expect(untouched.length).toBeGreaterThanOrEqual(4);
  });

  for (const [file, expected] of readable) {
    const { candidate, interviewName, nameText } = expected;
    // SmartRecruiters' search ignores the email's case.
    const seeded = seedCandidates.find(
      (person) => person.email.toLowerCase() === candidate.email?.toLowerCase() && person.lastName === candidate.lastName,
    );
    it(`${file}: the widget under ${nameText}'s name, their lookup${seeded ? ", the tag after a click" : ""}`, async () => {
      const since = Date.now();
      const page = await openLayout(file);
      await widget(page).waitFor({ state: "attached", timeout: 15_000 });
      const before = await page.evaluate(
        () => document.querySelector("srh-interview-widget")?.previousElementSibling?.textContent,
      );
      expect(clean(before)).toBe(nameText);
      await expect.poll(() => reportedSince(since).then((statuses) => statuses[0]?.reader)).toBe("meaning");
      // The right person looked up: their profile link (searches are remembered a while: another test may have made it).
      if (!seeded && candidate.email) await expect.poll(searchedEmails).toContain(candidate.email);
      if (seeded) {
        await profileLink(page).waitFor({ timeout: 15_000 });
        expect(await profileLink(page).getAttribute("href")).toBe(sandboxProfileUrl(env.sandbox, seeded.id));
        // A rating this browser already wrote is not written again: each page of the same person gets another one.
        const key = `${seeded.id} ${interviewName}`;
        const rating = ratings[(rated.get(key) ?? -1) + 1] ?? "yes";
        rated.set(key, ratings.indexOf(rating));
        await ratingButton(page, rating[0]?.toUpperCase() + rating.slice(1)).click();
        await expect.poll(() => env.control.tags(seeded.id)).toContain(ratingTag(interviewName, rating));
      }
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }

  for (const file of ["hashed-classes.html", "long-accented.html"]) {
    it(`${file} under a storm: the name re-rendered every second, a timer, video tiles; one widget, under the name`, async () => {
      const page = await openLayout(`${file}?storm=1`);
      await widget(page).waitFor({ state: "attached", timeout: 15_000 });
      await page.waitForFunction(() => (window as unknown as { stormRenders: number }).stormRenders >= 4, null, {
        timeout: 15_000,
      });
      expect(await widget(page).count()).toBe(1);
      const under = await page.evaluate(
        () => document.querySelector("[data-storm-name]")?.nextElementSibling?.tagName.toLowerCase() ?? null,
      );
      expect(under).toBe("srh-interview-widget");
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }

  for (const [file] of untouched) {
    it(`${file}: nothing shown, no one looked up`, async () => {
      const since = Date.now();
      const page = await openLayout(file);
      // The content script reports what it made of the page once it has read it: then it has decided.
      await expect.poll(() => reportedSince(since).then((statuses) => statuses.length), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForLoadState("load");
      const [status] = await reportedSince(since);
      expect(status?.kind).not.toBe("one-on-one");
      expect(await widget(page).count()).toBe(0);
      expect(await searchedEmails()).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    });
  }
});
