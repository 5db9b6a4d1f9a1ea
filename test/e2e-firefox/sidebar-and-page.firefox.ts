import type { ElementHandle, Page } from "puppeteer-core";
import { beforeEach, describe, expect, it } from "vitest";
import { roomPath } from "../e2e/environment";
import { sandboxProfileUrl } from "../e2e/sandbox-endpoints";
import type { RunningFixtureServer } from "../hellohire/server";
import type { SandboxControl } from "../sandbox/control-client";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import type { RunningSandbox } from "../sandbox/server";
import { seedCandidates } from "../shared/people";
import { useFirefoxEnvironment } from "./environment";
import type { FirefoxExtensionBrowser } from "./firefox";
import { canWriteFirefoxPolicy } from "./policy";
import { profileHref, ratingButton, widgetSelector, widgetText } from "./widget";

const ann = seedCandidates.find((candidate) => candidate.firstName === "Ann" && candidate.lastName === "O'Neil");
if (!ann) throw new Error("No seed candidate Ann O'Neil");
const annId = ann.id;

let sandbox: RunningSandbox;
let hellohire: RunningFixtureServer;
let control: SandboxControl;
let firefox: FirefoxExtensionBrowser;

/** The fixture room with Ann, once the widget shows her SmartRecruiters link (the tests' open shadow root). */
async function openRoom(): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(`${hellohire.url}${roomPath}?rerender=0`);
  await expect.poll(() => profileHref(page)).toBe(sandboxProfileUrl(sandbox, annId));
  return page;
}

/**
 * The extension's sidebar page. Firefox shows sidepanel.html as its sidebar_action; tests cannot open the sidebar
 * itself (no WebDriver command does), so the same page is opened in a tab of the same window: it finds the tab the
 * interviewer focuses as the sidebar does (the focused window's active tab). One difference: Firefox names the tab of
 * an extension page shown in one as the sender of its messages (the content script accepts our own pages: see below).
 */
async function openSidebarPage(): Promise<Page> {
  const panel = await firefox.openExtensionPage("sidepanel.html");
  await expect.poll(() => textOf(panel, '[data-testid="connection-status"]')).toMatch(/^Connected/u);
  return panel;
}

function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => document.querySelector(css)?.textContent?.replace(/\s+/gu, " ").trim() ?? "", selector);
}

function widgetCount(page: Page): Promise<number> {
  return page.evaluate((css) => document.querySelectorAll(css).length, widgetSelector);
}

async function integrationSwitch(panel: Page): Promise<ElementHandle<Element>> {
  const toggle = await panel.waitForSelector('::-p-aria([name="SmartRecruiters integration"][role="switch"])');
  if (!toggle) throw new Error("No integration switch in the sidebar");
  return toggle;
}

/** The sidebar's list of pending ratings: each row's text. */
function pendingRows(panel: Page): Promise<string[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="pending"] > li')].map(
      (row) => row.textContent?.replace(/\s+/gu, " ").trim() ?? "",
    ),
  );
}

const thisCandidate = '[data-testid="current-candidate"]';

function isChecked(toggle: ElementHandle<Element>): Promise<boolean> {
  return toggle.evaluate((input) => input instanceof HTMLInputElement && input.checked);
}

/** Where an element's middle sits from the widget host's top-left corner, in CSS pixels. */
async function offsetInWidget(page: Page, element: ElementHandle<Element>): Promise<{ x: number; y: number }> {
  const [host, part] = [await (await page.$(widgetSelector))?.boundingBox(), await element.boundingBox()];
  if (!host || !part) throw new Error("The widget or its part has no box");
  return { x: part.x + part.width / 2 - host.x, y: part.y + part.height / 2 - host.y };
}

async function writes() {
  return (await control.requests()).filter((entry) => entry.method !== "GET");
}

describe.skipIf(!canWriteFirefoxPolicy())("Firefox: the sidebar, and a hostile page (API key by policy; needs root)", () => {
  const environment = useFirefoxEnvironment();
  beforeEach(() => {
    ({ sandbox, hellohire, control, firefox } = environment());
  });

  it("shows the focused tab's candidate, a refused rating pending with its reason, and lands it on Retry", async () => {
    const room = await openRoom();
    const panel = await openSidebarPage();
    await room.bringToFront();
    await expect.poll(() => textOf(panel, `${thisCandidate} [data-testid="match"]`)).toBe("Found in SmartRecruiters");
    const shown = await textOf(panel, thisCandidate);
    expect(shown).toContain("Ann O'Neil");
    expect(shown).toContain("CSR");
    expect(await textOf(panel, `${thisCandidate} [data-testid="job"]`)).toBe("Customer Service Representative · in review");
    expect(await textOf(panel, `${thisCandidate} [data-testid="your-rating"]`)).toBe("Not rated");

    // SmartRecruiters refuses every call: the rating stops, with the reason, in the page and in the sidebar.
    await control.setFaults({ errorRate: 1, errorStatuses: [403] });
    await (await ratingButton(room, "Yes")).click();
    await expect.poll(() => widgetText(room)).toContain("denied access");
    await expect
      .poll(() => pendingRows(panel))
      .toEqual([expect.stringMatching(/^Yes · CSR · .*Not saved: SmartRecruiters denied access/u)]);
    expect(await textOf(panel, `${thisCandidate} ul.pending`)).toContain("Not saved: SmartRecruiters denied access");
    expect(await control.tags(annId)).toEqual([]);

    // Faults cleared, Retry now in the sidebar sends it: the tag is on the candidate and the pending list empties.
    await control.setFaults({});
    await panel.bringToFront();
    const retry = await panel.waitForSelector('[data-testid="pending"] >>> ::-p-aria([name="Retry now"][role="button"])');
    await retry?.click();
    await expect.poll(() => control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    await expect.poll(() => pendingRows(panel)).toEqual([]);
    // Back on the room, the sidebar shows the rating and the tag as SmartRecruiters has them.
    await room.bringToFront();
    await expect.poll(() => textOf(panel, `${thisCandidate} [data-testid="your-rating"]`)).toBe("Yes");
    expect(await textOf(panel, `${thisCandidate} [data-testid="tags"]`)).toBe("hellohire - csr - yes");

    // Copy page structure reads the room (a script the background injects there): redacted, without our widget.
    const copy = await panel.waitForSelector('::-p-aria([name="Copy page structure"][role="button"])');
    await copy?.evaluate((button) => (button as HTMLElement).click());
    await expect.poll(() => textOf(panel, '[data-testid="page-structure"]')).toContain("<main");
    const structure = await textOf(panel, '[data-testid="page-structure"]');
    expect(structure).not.toMatch(/Ann|O'Neil|example\.com|srh-interview-widget/u);
    await panel.close();
    await room.close();
  });

  it("switched off in the sidebar, the integration leaves the room bare; switched on, the widget is back", async () => {
    const room = await openRoom();
    const panel = await openSidebarPage();
    const toggle = await integrationSwitch(panel);
    expect(await isChecked(toggle)).toBe(true);
    await toggle.click();
    expect(await isChecked(toggle)).toBe(false);

    // The room, loaded again, asks for the settings: it says it is switched off (the sidebar shows what it reported).
    await room.bringToFront();
    await room.reload();
    await expect.poll(() => textOf(panel, "main")).toContain("The SmartRecruiters integration is switched off.");
    expect(await room.$('[data-testid="candidate-name"]')).not.toBeNull();
    expect(await widgetCount(room)).toBe(0);

    await panel.bringToFront();
    await toggle.click();
    expect(await isChecked(toggle)).toBe(true);
    await room.bringToFront();
    await room.reload();
    await expect.poll(() => profileHref(room)).toBe(sandboxProfileUrl(sandbox, annId));
    expect(await widgetCount(room)).toBe(1);
    await panel.close();
    await room.close();
  });

  /**
   * Firefox sets `sender.tab` for an extension page shown in a tab (this stand-in for the sidebar; the welcome tab opened
   * at install): the content script accepts it by its address, ours (lib/content/content-main.ts).
   */
  it("switched off in a panel shown in a tab, the integration leaves an open room at once", async () => {
    const room = await openRoom();
    const panel = await openSidebarPage();
    const toggle = await integrationSwitch(panel);
    await toggle.click();
    try {
      await expect.poll(() => widgetCount(room), { timeout: 5_000 }).toBe(0);
    } finally {
      await toggle.click();
      await expect.poll(() => isChecked(toggle)).toBe(true);
      await panel.close();
      await room.close();
    }
  });

  it("a hostile page script cannot see into the widget, click it, or message the extension (shadow root closed)", async () => {
    // The same room with the tests' open shadow root: where the Maybe button sits inside the widget.
    const twin = await openRoom();
    const maybeOffset = await offsetInWidget(twin, await ratingButton(twin, "Maybe"));
    await twin.close();

    const panel = await openSidebarPage();
    const page = await firefox.newPage({ openWidget: false });
    await page.goto(`${hellohire.url}${roomPath}?rerender=0`);
    // The sidebar shows the room's candidate found: the widget on the page has the same answer.
    await expect.poll(() => textOf(panel, `${thisCandidate} [data-testid="match"]`)).toBe("Found in SmartRecruiters");
    await control.clearRequests();

    // page.evaluate runs in the page's own world: exactly what a script of the page can do.
    const attempts = await page.evaluate(
      async ({ key, candidateId }) => {
        const scope = globalThis as { browser?: unknown; chrome?: { runtime?: { sendMessage?: unknown } } };
        const sendMessage = scope.chrome?.runtime?.sendMessage;
        let sendError: string | null = null;
        if (typeof sendMessage === "function")
          try {
            await sendMessage({ type: "rate", interviewName: "CSR", candidateId, rating: "no" });
          } catch (error) {
            sendError = String(error);
          }
        // Messages and events a content script might be fooled into relaying.
        for (const type of ["rate", "connectOAuth", "getStatus", "disconnect"])
          window.postMessage({ type, interviewName: "CSR", candidateId, rating: "no", endpoints: {} }, "*");
        document.dispatchEvent(new CustomEvent("srh-rate", { detail: { candidateId, rating: "no" } }));
        const host = document.querySelector("srh-interview-widget");
        if (!(host instanceof HTMLElement)) throw new Error("No widget host on the page");
        host.click();
        host.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        host.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
        let attachError = "";
        try {
          host.attachShadow({ mode: "open" });
        } catch (error) {
          attachError = String(error);
        }
        // Nothing to await for what must not happen: give a slipped-through write time to show.
        await new Promise((done) => setTimeout(done, 1_500));
        const everything = [
          document.documentElement.outerHTML,
          host.innerHTML,
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage }),
          document.cookie,
        ].join("\n");
        return {
          browserVisible: scope.browser !== undefined,
          sendMessageVisible: typeof sendMessage === "function",
          sendError,
          shadowRoot: host.shadowRoot === null ? null : "visible",
          attachError,
          textLength: everything.length,
          seesKey: everything.includes(key),
          seesCandidateId: everything.includes(candidateId),
        };
      },
      { key: SANDBOX_API_KEY, candidateId: annId },
    );
    // No externally_connectable (Firefox has none anyway): the page has no extension API to message us with.
    expect(attempts).toEqual({
      browserVisible: false,
      sendMessageVisible: false,
      sendError: null,
      shadowRoot: null,
      attachError: expect.stringContaining("Error"),
      textLength: expect.any(Number),
      seesKey: false,
      seesCandidateId: false,
    });
    expect(attempts.textLength).toBeGreaterThan(1000);
    expect(await writes()).toEqual([]);
    expect(await control.tags(annId)).toEqual([]);
    expect(await pendingRows(panel)).toEqual([]);

    // The widget was live all along: the interviewer's own click on Maybe (a trusted click) rates.
    const box = await (await page.$(widgetSelector))?.boundingBox();
    if (!box) throw new Error("The widget has no box");
    await page.mouse.click(box.x + maybeOffset.x, box.y + maybeOffset.y);
    await expect.poll(() => control.tags(annId)).toEqual(["hellohire - csr - maybe"]);
    await panel.close();
    await page.close();
  });
});
