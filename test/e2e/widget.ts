import type { Page, Worker } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Environment, startEnvironment } from "./environment";

/** Ann as Hellohire shows her; she matches one SmartRecruiters candidate (test/shared/people.ts). */
export const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };

/**
 * Our widget on a Hellohire page, and its parts (Playwright pierces its shadow root, which test builds open for the
 * tests: test/e2e/extension.ts).
 */
export const widget = (page: Page) => page.locator("srh-interview-widget");
export const ratingButton = (page: Page, name: string) => widget(page).getByRole("button", { name, exact: true });
export const profileLink = (page: Page) => widget(page).getByRole("link", { name: "View in SmartRecruiters" });

/** The fixture app's test hook (test/hellohire/README.md). */
export type HellohireHook = { __hellohire: { next(): void; show(key: string): void } };

/** The fixture's `?people=` parameter. */
export function peopleParam(people: { firstName: string; lastName: string; email: string | null }[]): string {
  return Buffer.from(JSON.stringify(people)).toString("base64url");
}

/**
 * One environment (sandbox, fixture pages, Chromium with the extension connected) for the calling
 * test file, the sandbox reset before each test. Returns a getter: the environment exists once
 * beforeAll has run. `openWidget: false`: the widget's shadow root stays closed, as on a real page.
 */
export function useEnvironment(options: { openWidget?: boolean } = {}): () => Environment {
  let env: Environment | undefined;
  beforeAll(async () => {
    env = await startEnvironment(options);
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(async () => {
    await env?.control.reset();
  });
  return () => {
    if (!env) throw new Error("The environment is not started (call useEnvironment() in a describe).");
    return env;
  };
}

/**
 * A one-on-one room with Ann alone in the queue, the link shown: no lookups prepared ahead for
 * others, so the sandbox sees only this test's own calls.
 */
export async function openAnnAlone(env: Environment): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&people=${peopleParam([ann])}`));
  await profileLink(page).waitFor();
  return page;
}

/** The selector override an admin writes for the card redesignCard() makes: its renamed parts and unknown labels. */
export const redesignedCardOverride = {
  selectors: {
    candidateCard: '[data-testid="participant-card"]',
    candidateName: '[data-testid="participant-candidate-name"]',
    detailRow: '[data-testid="participant-candidate-details"] > div',
  },
  patterns: { firstNameLabel: "^vorname$", lastNameLabel: "^nachname$", emailLabel: "^kontakt$" },
};

/**
 * Hellohire ships a redesign: every data-testid of the candidate card is renamed (and our widget is gone with it).
 * Its field labels become words no reader knows ("Vorname", "Nachname", "Kontakt"), so that neither the table nor the
 * reader by meaning can read the card, unless `keepLabels` (then the reader by meaning still can).
 */
export async function redesignCard(page: Page, options: { keepLabels?: boolean } = {}): Promise<void> {
  await page.evaluate((keepLabels) => {
    const card = document.querySelector('[data-testid="candidate-card"]') as Element;
    const redesigned = card.cloneNode(true) as Element;
    for (const element of redesigned.querySelectorAll("[data-testid]"))
      element.setAttribute("data-testid", `participant-${element.getAttribute("data-testid")}`);
    redesigned.querySelector("srh-interview-widget")?.remove();
    redesigned.setAttribute("data-testid", "participant-card");
    const unknownWords: Record<string, string> = { "First name": "Vorname", "Last name": "Nachname", Email: "Kontakt" };
    if (!keepLabels)
      for (const label of redesigned.querySelectorAll("dt"))
        label.textContent = unknownWords[label.textContent?.trim() ?? ""] ?? "";
    card.replaceWith(redesigned);
  }, options.keepLabels === true);
}

/**
 * What the content script in `page` last reported of its page to the background (session storage, kept per tab), if it
 * reported after `since` (ms since the epoch): its kind ("one-on-one", "not-interview", "waiting", "disabled", …), else
 * null. Awaiting it replaces a fixed wait before checking that a page shows nothing.
 */
export function reportedKind(worker: Worker, page: Page, since: number): Promise<string | null> {
  return worker.evaluate(
    async ({ url, after }) => {
      type Report = { status: { kind: string }; at: number };
      type Api = {
        tabs: { query(info: object): Promise<{ id?: number; url?: string }[]> };
        storage: { session: { get(key: string): Promise<Record<string, Record<string, Report> | undefined>> } };
      };
      const { chrome } = globalThis as unknown as { chrome: Api };
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
      const report =
        tab?.id === undefined ? undefined : (await chrome.storage.session.get("pages.status"))["pages.status"]?.[tab.id];
      return report && report.at >= after ? report.status.kind : null;
    },
    { url: page.url(), after: since },
  );
}
