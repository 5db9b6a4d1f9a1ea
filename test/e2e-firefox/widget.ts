import type { ElementHandle, Page } from "puppeteer-core";

/**
 * Our widget on a Hellohire page, and its parts, through puppeteer's shadow-piercing (`>>>`) and ARIA (`::-p-aria`)
 * selectors: test builds open the widget's shadow root for the tests (test/e2e-firefox/firefox.ts).
 */
export const widgetSelector = "srh-interview-widget";
export const profileLinkSelector = `${widgetSelector} >>> ::-p-aria([name="View in SmartRecruiters"][role="link"])`;
export const ratingButtonSelector = (name: string) => `${widgetSelector} >>> ::-p-aria([name="${name}"][role="button"])`;

export async function ratingButton(page: Page, name: string): Promise<ElementHandle<Element>> {
  const button = await page.waitForSelector(ratingButtonSelector(name));
  if (!button) throw new Error(`No ${name} button in the widget`);
  return button;
}

/** The profile link's address, or null while the widget shows none. */
export async function profileHref(page: Page): Promise<string | null> {
  const link = await page.$(profileLinkSelector);
  return link ? link.evaluate((element) => element.getAttribute("href")) : null;
}

/** Whether a rating button shows as pressed ("true" / "false"), or null when absent. */
export async function pressed(page: Page, name: string): Promise<string | null> {
  const button = await page.$(ratingButtonSelector(name));
  return button ? button.evaluate((element) => element.getAttribute("aria-pressed")) : null;
}

/** The widget's visible text (its status line included), "" while it is absent. */
export async function widgetText(page: Page): Promise<string> {
  const widget = await page.$(widgetSelector);
  return widget ? widget.evaluate((host) => host.shadowRoot?.textContent ?? "") : "";
}

/** What sits right after the candidate's name: the widget's tag name if it is in its place. */
export function underName(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('[data-testid="candidate-name"]')?.nextElementSibling?.tagName.toLowerCase() ?? null,
  );
}
