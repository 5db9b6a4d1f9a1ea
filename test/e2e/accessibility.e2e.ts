import AxeBuilder from "@axe-core/playwright";
import axeCore, { type AxeResults, type NodeResult, type Result } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHellohireFixtures } from "../hellohire/server";
import { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { startSandbox } from "../sandbox/server";
import { seedCandidates } from "../shared/people";
import { type Environment, roomPath } from "./environment";
import { extensionUrl, launchWithExtension, openPanelBesideTabs } from "./extension";
import { type SandboxOrigins, sandboxEndpoints } from "./sandbox-endpoints";
import { peopleParam, profileLink, ratingButton, redesignCard, useEnvironment, widget } from "./widget";

/**
 * Accessibility of everything the extension shows, checked by axe-core in real Chromium: the
 * widget in the Hellohire page (inside its shadow root) and the side panel, in light and dark
 * colour schemes and in the states people meet. Every rule axe runs by default (best practices
 * included) and every rule tagged WCAG 2.0, 2.1 or 2.2 A/AA (colour contrast, target size) must pass.
 */

type Scheme = "light" | "dark";
const schemes: Scheme[] = ["light", "dark"];
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const annId = seedCandidates[0]?.id as string;
const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
type Person = typeof ann;
/** Not in SmartRecruiters: the link stays disabled, with the reason. */
const stranger = { firstName: "Zoë", lastName: "Nobody", email: "zoe.nobody@example.com" };

function describeNode(node: NodeResult): string {
  const target = node.target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : String(part))).join(" | ");
  const summary = (node.failureSummary ?? "").replace(/\s+/gu, " ").trim();
  return `${target}${summary ? ` — ${summary}` : ""}`;
}

function describeViolation(rule: Result): string {
  return `${rule.id} (${rule.impact ?? "?"}): ${rule.help}\n    ${rule.nodes.map(describeNode).join("\n    ")}`;
}

/** Text axe cannot measure only because it is scrolled out of its own box (a scrolling `pre`). */
function clippedByItsOwnScrolling(node: NodeResult): boolean {
  const own = JSON.stringify(node.target);
  return node.any.every(
    (check) =>
      (check.data as { messageKey?: string } | null)?.messageKey === "elmPartiallyObscured" &&
      (check.relatedNodes ?? []).every((related) => JSON.stringify(related.target) === own),
  );
}

/** Fails with each violated rule's id, its targets and why. */
function expectNoViolations(results: AxeResults, what: string): void {
  expect(results.violations.map(describeViolation), `axe violations in ${what}`).toEqual([]);
  // Contrast axe could not decide would go unchecked: there must be none, but for text scrolled
  // out of its own box (the copied structure and policy), which axe cannot measure; that text is
  // the panel's own --fg on --bg, measured everywhere else.
  const undecided = results.incomplete
    .filter((rule) => rule.id === "color-contrast")
    .map((rule) => ({ ...rule, nodes: rule.nodes.filter((node) => !clippedByItsOwnScrolling(node)) }))
    .filter((rule) => rule.nodes.length > 0);
  expect(undecided.map(describeViolation), `colour contrast axe could not decide in ${what}`).toEqual([]);
  expect(
    results.passes.some((rule) => rule.id === "color-contrast"),
    `axe checked colour contrast in ${what}`,
  ).toBe(true);
}

/**
 * axe's default rules, plus every WCAG A/AA rule it has off by default (target-size, aria-roledescription,
 * audio-caption), leaving out experimental ones as a run by tag does: one pass over the page instead of two.
 */
const wcagRulesOn = Object.fromEntries(
  axeCore
    .getRules(wcagTags)
    .filter((rule) => !rule.tags.includes("experimental"))
    .map((rule) => [rule.ruleId, { enabled: true }]),
);

async function axe(page: Page, include?: string): Promise<AxeResults> {
  const builder = new AxeBuilder({ page }).options({ rules: wcagRulesOn });
  if (include) builder.include(include);
  return builder.analyze();
}

/** A node axe found inside a shadow root: its target is a list of selectors, host first. */
const inShadowRoot = (node: NodeResult) => node.target.some((part) => Array.isArray(part));

/** Checks the widget, and that axe looked inside its shadow root (names and contrast of its contents). */
async function checkWidget(page: Page, what: string): Promise<void> {
  const results = await axe(page, "srh-interview-widget");
  expectNoViolations(results, what);
  for (const ruleId of ["button-name", "color-contrast"]) {
    const nodes = results.passes.find((rule) => rule.id === ruleId)?.nodes ?? [];
    expect(nodes.some(inShadowRoot), `axe checked ${ruleId} inside the shadow root in ${what}`).toBe(true);
  }
}

/** Checks the side panel as it is, in the light and the dark scheme. */
async function checkPanel(panel: Page, what: string): Promise<void> {
  for (const scheme of schemes) {
    await panel.emulateMedia({ colorScheme: scheme });
    expectNoViolations(await axe(panel), `the side panel (${what}, ${scheme})`);
  }
  await panel.emulateMedia({ colorScheme: null });
}

let env: Environment;

/** Someone SmartRecruiters has and this browser never looked up: no cached answer, no rating yet. */
async function newCandidate(firstName: string): Promise<Person> {
  const person = { firstName, lastName: "Tester", email: `${firstName.toLowerCase()}.${Date.now()}@example.com` };
  await env.control.addCandidate(person);
  return person;
}

async function openRoom(scheme: Scheme, people: Person[]): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const theme = scheme === "dark" ? "&theme=dark" : "";
  await page.goto(env.roomUrl(`?rerender=0&stageMs=0&chatMs=0${theme}&people=${peopleParam(people)}`));
  await widget(page).waitFor();
  return page;
}

describe("accessibility (axe-core)", () => {
  const environment = useEnvironment();
  beforeEach(() => {
    env = environment();
  });

  for (const scheme of schemes) {
    describe(`the widget, ${scheme}`, () => {
      it("while looking the candidate up", async () => {
        await env.control.setFaults({ latencyMs: 3000 });
        // Someone never looked up before: no cached answer.
        const newcomer = { firstName: "Pat", lastName: "Newcomer", email: `pat.${scheme}.${Date.now()}@example.com` };
        const page = await openRoom(scheme, [newcomer]);
        await widget(page).getByText("Looking up in SmartRecruiters…").waitFor();
        expect(await widget(page).getAttribute("data-theme")).toBe(scheme);
        await checkWidget(page, `the widget looking up (${scheme})`);
        await widget(page).getByText("Not in SmartRecruiters yet", { exact: false }).waitFor({ timeout: 10_000 });
        await page.close();
      });

      it("not rated yet", async () => {
        const page = await openRoom(scheme, [await newCandidate("Noah")]);
        await profileLink(page).waitFor();
        expect(await widget(page).getAttribute("data-theme")).toBe(scheme);
        for (const name of ["Yes", "Maybe", "No"])
          expect(await ratingButton(page, name).getAttribute("aria-pressed")).toBe("false");
        await checkWidget(page, `the widget not rated (${scheme})`);
        await page.close();
      });

      it("saving, then saved, then rated (pressed)", async () => {
        const page = await openRoom(scheme, [await newCandidate("Sasha")]);
        await profileLink(page).waitFor();
        await env.control.setFaults({ latencyMs: 1500 });
        await ratingButton(page, "Yes").click();
        await widget(page).getByText("Saving…").waitFor();
        await checkWidget(page, `the widget saving (${scheme})`);
        await widget(page).getByText("Saved to SmartRecruiters").waitFor({ timeout: 10_000 });
        await env.control.setFaults({});
        expect(await ratingButton(page, "Yes").getAttribute("aria-pressed")).toBe("true");
        await checkWidget(page, `the widget saved (${scheme})`);
        await page.close();
      });

      it("queued for a retry", async () => {
        const page = await openRoom(scheme, [await newCandidate("Quinn")]);
        await profileLink(page).waitFor();
        await env.control.setFaults({ nextErrors: [503] });
        await ratingButton(page, "No").click();
        await widget(page).getByText("Queued:", { exact: false }).waitFor();
        await checkWidget(page, `the widget queued (${scheme})`);
        // Lands on its own: leaves no outbox entry to the next test.
        await widget(page).getByText("Saved to SmartRecruiters").waitFor({ timeout: 15_000 });
        await page.close();
      });

      it("refused (alert with Retry)", async () => {
        const page = await openRoom(scheme, [await newCandidate("Remy")]);
        await profileLink(page).waitFor();
        await env.control.setFaults({ nextErrors: [403] });
        await ratingButton(page, "Maybe").click();
        await widget(page).getByRole("alert").waitFor();
        await checkWidget(page, `the widget refused (${scheme})`);
        // Leaves no refused rating in the outbox for the side panel tests.
        await widget(page).getByRole("button", { name: "Retry" }).click();
        await widget(page).getByText("Saved to SmartRecruiters").waitFor();
        await page.close();
      });

      it("with the link disabled: the candidate is not in SmartRecruiters", async () => {
        const page = await openRoom(scheme, [stranger]);
        await widget(page).getByText("Not in SmartRecruiters yet", { exact: false }).waitFor();
        expect(await ratingButton(page, "Yes").isDisabled()).toBe(true);
        await checkWidget(page, `the widget with the link disabled (${scheme})`);
        await page.close();
      });
    });
  }

  describe("the side panel", () => {
    it("with the current candidate (job, tags, rating) and the activity", async () => {
      const page = await openRoom("light", [ann]);
      await profileLink(page).waitFor();
      await ratingButton(page, "Yes").click();
      await widget(page).getByText("Saved to SmartRecruiters").waitFor();
      const panel = await openPanelBesideTabs(env.browser);
      await panel.getByTestId("tags").filter({ hasText: "hellohire - csr - yes" }).waitFor();
      await panel.getByTestId("job").waitFor();
      await panel.getByTestId("activity").filter({ hasText: "Saved: Yes · CSR" }).waitFor();
      await checkPanel(panel, "current candidate");
      await panel.close();
      await page.close();
    });

    it("with pending and refused ratings", async () => {
      const refusedPage = await openRoom("light", [await newCandidate("Rene")]);
      await profileLink(refusedPage).waitFor();
      await env.control.setFaults({ nextErrors: [403] });
      await ratingButton(refusedPage, "Maybe").click();
      await widget(refusedPage).getByRole("alert").waitFor();
      const pendingPage = await openRoom("light", [await newCandidate("Pia")]);
      await profileLink(pendingPage).waitFor();
      await env.control.setFaults({ dropRate: 1 });
      await ratingButton(pendingPage, "No").click();
      await widget(pendingPage).getByText("Queued:", { exact: false }).waitFor({ timeout: 10_000 });
      const panel = await openPanelBesideTabs(env.browser);
      const pending = panel.getByTestId("pending");
      await pending.filter({ hasText: "Not saved:" }).waitFor();
      await pending.filter({ hasText: "Retrying:" }).waitFor();
      await panel.getByTestId("activity").filter({ hasText: "Not saved: Maybe" }).waitFor();
      await checkPanel(panel, "pending and refused ratings");
      // Leaves no outbox entry to the next test (discarded while SmartRecruiters is still unreachable: none lands meanwhile).
      const discard = pending.getByRole("button", { name: "Discard" });
      for (let left = await discard.count(); left > 0; left -= 1) {
        await discard.first().click();
        await expect.poll(() => discard.count()).toBe(left - 1);
      }
      await panel.getByText("Every rating is saved in SmartRecruiters.").waitFor();
      await env.control.setFaults({});
      await panel.close();
      await refusedPage.close();
      await pendingPage.close();
    });

    it("with the admins' section open and the policy template copied", async () => {
      const panel = await openPanelBesideTabs(env.browser);
      await panel.getByText("For admins").click();
      await panel.getByRole("button", { name: "Copy policy template" }).click();
      await panel.getByTestId("policy-template").waitFor();
      await checkPanel(panel, "for admins");
      await panel.close();
    });

    it("diagnosing a page it cannot read, with the copied structure shown", async () => {
      const page = await openRoom("light", [ann]);
      await profileLink(page).waitFor();
      await redesignCard(page);
      const panel = await openPanelBesideTabs(env.browser);
      await panel.getByTestId("diagnosis").waitFor({ timeout: 10_000 });
      await checkPanel(panel, "unreadable page");
      await panel.getByRole("button", { name: "Copy page structure" }).click();
      const copied = panel.locator("details.copied");
      await copied.waitFor();
      // Open already when the clipboard refused the copy.
      if ((await copied.getAttribute("open")) === null) await copied.locator("summary").click();
      await panel.getByTestId("page-structure").waitFor();
      await checkPanel(panel, "unreadable page, structure copied");
      await panel.close();
      await page.close();
    });

    // Last: it disconnects, then connects again.
    it("not connected: the welcome, with Advanced open", async () => {
      const panel = await openPanelBesideTabs(env.browser);
      await panel.getByRole("button", { name: "Disconnect" }).click();
      await panel.getByRole("heading", { name: "Welcome: connect to SmartRecruiters" }).waitFor();
      await panel.getByText("Advanced").click();
      await panel.getByLabel("API address").waitFor();
      await checkPanel(panel, "not connected");
      await panel.getByLabel("API address").fill(sandboxEndpoints(env.sandbox).apiBaseUrl);
      await panel.getByLabel("Candidate profile address (with {id})").fill(sandboxEndpoints(env.sandbox).profileUrlTemplate);
      await panel.getByLabel("SmartRecruiters API key").fill(SANDBOX_API_KEY);
      await panel.getByRole("button", { name: "Connect with API key" }).click();
      await panel
        .getByTestId("connection-status")
        .filter({ hasText: /^\s*Connected/u })
        .waitFor({ timeout: 15_000 });
      await panel.close();
    });
  });
});

describe("in French (Chromium started with --lang=fr)", () => {
  let french: {
    page(): Promise<Page>;
    control: SandboxControl;
    close(): Promise<void>;
    roomUrl: string;
    sandbox: SandboxOrigins;
  };

  beforeAll(async () => {
    const sandbox = await startSandbox();
    const hellohire = await startHellohireFixtures();
    const browser = await launchWithExtension({ locale: "fr" });
    french = {
      page: () => browser.context.newPage(),
      control: new SandboxControl(sandbox.url),
      roomUrl: `${hellohire.url}${roomPath}?rerender=0&stageMs=0&chatMs=0&people=${peopleParam([ann])}`,
      sandbox,
      async close() {
        await browser.close();
        await Promise.all([sandbox.close(), hellohire.close()]);
      },
    };
  });

  afterAll(async () => {
    await french?.close();
  });

  it("connects through the French side panel, rates with « Oui », and still writes the English tag", async () => {
    const panel = await french.page();
    await panel.goto(extensionUrl("sidepanel.html"));
    await panel.getByRole("heading", { name: "Bienvenue : connectez-vous à SmartRecruiters" }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe("fr");
    await panel.getByText("Avancé").click();
    await panel.getByLabel("Adresse de l’API").fill(sandboxEndpoints(french.sandbox).apiBaseUrl);
    await panel.getByLabel("Adresse du profil du candidat (avec {id})").fill(sandboxEndpoints(french.sandbox).profileUrlTemplate);
    // A message the background builds speaks French too.
    await panel.getByLabel("Clé d’API SmartRecruiters").fill("pas une clé");
    await panel.getByRole("button", { name: "Se connecter avec la clé d’API" }).click();
    await panel.getByRole("alert").filter({ hasText: "Cela ne ressemble pas à une clé API SmartRecruiters." }).waitFor();
    await panel.getByLabel("Clé d’API SmartRecruiters").fill(SANDBOX_API_KEY);
    expectNoViolations(await axe(panel), "the French side panel");
    await panel.getByRole("button", { name: "Se connecter avec la clé d’API" }).click();
    await panel
      .getByTestId("connection-status")
      .filter({ hasText: /^\s*Connecté à SmartRecruiters/u })
      .waitFor({ timeout: 15_000 });
    await panel.close();

    const page = await french.page();
    await page.goto(french.roomUrl);
    await widget(page).getByRole("link", { name: "Voir dans SmartRecruiters" }).waitFor();
    expect(await widget(page).getAttribute("lang")).toBe("fr");
    await ratingButton(page, "Oui").click();
    await widget(page).getByText("Enregistré dans SmartRecruiters").waitFor();
    expect(await ratingButton(page, "Oui").getAttribute("aria-pressed")).toBe("true");
    await checkWidget(page, "the French widget");
    expect(await french.control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    await page.close();
  });
});
