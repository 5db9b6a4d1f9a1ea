import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { assertChromium, chromiumFlags, chromiumPath } from "../../../test/e2e/chromium";

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(...)`: functions
 * passed to `page.evaluate` need that helper in the page's main world.
 */
const nameShim = "globalThis.__name ??= (target) => target;";

/** Installs the main-world helpers on `page` (now and after every navigation). */
export async function prepareBenchPage(page: Page): Promise<void> {
  await page.addInitScript({ content: nameShim });
  await page.evaluate(nameShim);
}

/** Opens a fixture page in `context` and waits for the fixture app's first render. */
export async function openFixturePage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: nameShim });
  await page.goto(url);
  await page.locator('html[data-hellohire-ready="true"]').waitFor({ state: "attached", timeout: 20_000 });
  return page;
}

/** Opens a static page (test/hellohire/app/layouts/) with the same name shim, once loaded. */
export async function openLayoutPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: nameShim });
  await page.goto(url, { waitUntil: "load" });
  return page;
}

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** The same Chromium, flags, mode and viewport as test/e2e/extension.ts, without the extension. */
export async function launchPlainChromium(): Promise<PlainBrowser> {
  assertChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), "srh-bench-plain-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [...chromiumFlags, ...(process.env.HEADED === "1" ? [] : ["--headless=new"])],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until our widget is under the candidate's name; returns "link" (connected and found) or the status text. */
export async function waitForWidget(page: Page, timeoutMs = 15_000): Promise<string> {
  await page.waitForFunction(
    () => {
      const root = document.querySelector("srh-interview-widget")?.shadowRoot;
      return root !== null && root !== undefined && root.querySelectorAll("button").length >= 3;
    },
    undefined,
    { timeout: timeoutMs },
  );
  try {
    await page.waitForFunction(
      () => document.querySelector("srh-interview-widget")?.shadowRoot?.querySelector("a") != null,
      undefined,
      {
        timeout: 5_000,
      },
    );
    return "link";
  } catch {
    return page.evaluate(
      () => document.querySelector("srh-interview-widget")?.shadowRoot?.textContent?.replace(/\s+/g, " ").trim() ?? "(empty)",
    );
  }
}
