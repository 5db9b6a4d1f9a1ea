import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import type { Environment } from "./environment";
import { extensionId, openWidgetAttribute } from "./extension";
import { ann, peopleParam, profileLink, useEnvironment, widget } from "./widget";

const annId = seedCandidates[0]?.id as string;
const yesTag = "hellohire - csr - yes";
const noTag = "hellohire - csr - no";
let env: Environment;

interface Attempts {
  runtimeVisible: boolean;
  sendMessageError: string | null;
  textLength: number;
  foundKey: boolean;
  shadowRootVisible: boolean;
}

/** A button of the widget as the DevTools protocol sees it (it sees into closed shadow roots; the page does not). */
interface WidgetButton {
  backendNodeId: number;
  pressed: boolean;
}

interface WidgetParts {
  rootType: string | null;
  href: string | null;
  buttons: Map<string, WidgetButton>;
}

/** The part of the DevTools protocol's DOM.Node this test reads. */
interface DomNode {
  nodeType: number;
  nodeValue: string;
  localName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  return (node.children ?? []).map(textOf).join("");
}

function attribute(node: DomNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? null;
  return null;
}

function* descendants(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* descendants(child);
}

/**
 * Our widget's parts, read through the DevTools protocol: with its shadow root closed, neither the page nor
 * Playwright's locators can see them, and this test must still aim a real click at a button and read its state.
 */
async function widgetParts(page: Page): Promise<WidgetParts> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root }: { root: DomNode } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const host = [...descendants(root)].find((node) => node.localName === "srh-interview-widget");
    const shadow = host?.shadowRoots?.[0];
    const parts: WidgetParts = { rootType: shadow?.shadowRootType ?? null, href: null, buttons: new Map() };
    for (const node of shadow ? descendants(shadow) : []) {
      if (node.localName === "a") parts.href = attribute(node, "href");
      if (node.localName === "button")
        parts.buttons.set(textOf(node).trim(), {
          backendNodeId: node.backendNodeId,
          pressed: attribute(node, "aria-pressed") === "true",
        });
    }
    return parts;
  } finally {
    await cdp.detach();
  }
}

/** The middle of a widget button, in the viewport's CSS pixels, for page.mouse. */
async function middleOf(page: Page, button: WidgetButton | undefined): Promise<{ x: number; y: number }> {
  if (!button) throw new Error("No such button in the widget.");
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.scrollIntoViewIfNeeded", { backendNodeId: button.backendNodeId });
    const { quads } = await cdp.send("DOM.getContentQuads", { backendNodeId: button.backendNodeId });
    const quad = quads[0];
    if (!quad) throw new Error("The button has no box.");
    const xs = [quad[0], quad[2], quad[4], quad[6]].map(Number);
    const ys = [quad[1], quad[3], quad[5], quad[7]].map(Number);
    return { x: xs.reduce((a, b) => a + b) / 4, y: ys.reduce((a, b) => a + b) / 4 };
  } finally {
    await cdp.detach();
  }
}

/** Ann alone in the queue, her SmartRecruiters link ready in the widget (read through the protocol). */
async function openAnnClosed(): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.roomUrl(`?rerender=0&people=${peopleParam([ann])}`));
  await expect.poll(async () => (await widgetParts(page)).href, { timeout: 15_000 }).toContain(annId);
  return page;
}

async function writes() {
  return (await env.control.requests()).filter((entry) => entry.method !== "GET");
}

const settle = (page: Page) => page.waitForTimeout(1_500);

describe("a hostile script on the Hellohire page", () => {
  // Without the tests' hook: the widget's shadow root is closed here, as on a real page.
  const environment = useEnvironment({ openWidget: false });
  beforeEach(() => {
    env = environment();
  });

  it("cannot reach the background, read a credential, or make a write", async () => {
    const page = await openAnnClosed();
    await env.control.clearRequests();

    // page.evaluate runs in the page's own world: exactly what a script of the page can do.
    const attempts: Attempts = await page.evaluate(
      async ({ id, key, candidateId }) => {
        type Runtime = { sendMessage?: (id: string, message: unknown) => Promise<unknown> };
        const runtime = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime;
        let sendMessageError: string | null = null;
        try {
          await runtime?.sendMessage?.(id, { type: "rate", interviewName: "CSR", candidateId, rating: "yes" });
        } catch (error) {
          sendMessageError = String(error);
        }
        // Messages and events a content script might be fooled into relaying.
        for (const type of ["rate", "connectOAuth", "getStatus", "disconnect"])
          window.postMessage({ type, interviewName: "CSR", candidateId, rating: "yes", endpoints: {} }, "*");
        document.dispatchEvent(new CustomEvent("srh-rate", { detail: { candidateId, rating: "yes" } }));
        // Clicks a script makes on our widget: its shadow root is closed, so only on the host.
        const host = document.querySelector("srh-interview-widget") as HTMLElement;
        host.click();
        host.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
        host.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const everything = [
          document.documentElement.outerHTML,
          host.innerHTML,
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage }),
          document.cookie,
        ].join("\n");
        return {
          runtimeVisible: typeof runtime?.sendMessage === "function",
          sendMessageError,
          textLength: everything.length,
          foundKey: everything.includes(key),
          shadowRootVisible: host.shadowRoot !== null,
        };
      },
      { id: extensionId, key: SANDBOX_API_KEY, candidateId: annId },
    );

    // No externally_connectable: the page sees no way to message the extension at all.
    expect(attempts.runtimeVisible).toBe(false);
    expect(attempts.shadowRootVisible).toBe(false);
    expect(attempts.textLength).toBeGreaterThan(1000);
    expect(attempts.foundKey).toBe(false);
    expect(await writes()).toEqual([]);
    expect(await env.control.tags(annId)).toEqual([]);
    const { buttons } = await widgetParts(page);
    expect([...buttons.keys()]).toEqual(["Yes", "Maybe", "No"]);
    for (const button of buttons.values()) expect(button.pressed).toBe(false);
    await page.close();
  });

  it("cannot read the widget, restyle it out of sight or over its own controls, or rate through it while transparent", async () => {
    const page = await openAnnClosed();
    await env.control.clearRequests();
    const host = page.locator("srh-interview-widget");
    const before = await host.boundingBox();
    const parts = await widgetParts(page);
    expect(parts.rootType).toBe("closed");

    // What the page can learn about the candidate from the widget: nothing of SmartRecruiters' (the link holds the ID).
    const read = await page.evaluate((candidateId) => {
      const element = document.querySelector("srh-interview-widget") as HTMLElement;
      let attachError = "";
      try {
        element.attachShadow({ mode: "open" });
      } catch (error) {
        attachError = String(error);
      }
      const html = [
        document.documentElement.outerHTML,
        element.innerHTML,
        element.getHTML({ serializableShadowRoots: true }),
        document.body.getHTML({ serializableShadowRoots: true }),
      ].join("\n");
      return { shadowRoot: element.shadowRoot === null ? null : "open", attachError, seesId: html.includes(candidateId) };
    }, annId);
    expect(read).toEqual({ shadowRoot: null, attachError: expect.stringContaining("Error"), seesId: false });

    // Every way the page has to hide, shrink, move or lift the host over one of its own controls.
    await page.evaluate(() => {
      const element = document.querySelector("srh-interview-widget") as HTMLElement;
      const control = [...document.querySelectorAll("button")].find((button) => !element.contains(button));
      const spot = control?.getBoundingClientRect() ?? { top: 0, left: 0 };
      const style = document.createElement("style");
      style.textContent = `srh-interview-widget { display: none !important; opacity: 0 !important; visibility: hidden !important;
        position: fixed !important; top: ${spot.top}px !important; left: ${spot.left}px !important; z-index: 2147483647 !important;
        transform: scale(0.01) !important; width: 0 !important; height: 0 !important; overflow: hidden !important; }`;
      document.head.append(style);
      element.setAttribute("style", `display: none !important; opacity: 0 !important; position: fixed; top: ${spot.top}px`);
      element.style.setProperty("clip-path", "inset(50%)", "important");
      element.hidden = true;
      element.inert = true;
      element.className = "offscreen";
      element.setAttribute("popover", "manual");
      try {
        element.showPopover();
      } catch {
        // Already refused.
      }
    });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => {
      const element = document.querySelector("srh-interview-widget") as HTMLElement;
      const style = getComputedStyle(element);
      return {
        display: style.display,
        opacity: style.opacity,
        visibility: style.visibility,
        position: style.position,
        transform: style.transform,
        clipPath: style.clipPath,
        attributes: element.getAttributeNames().sort(),
        popoverOpen: element.matches(":popover-open"),
      };
    });
    expect(seen).toMatchObject({
      display: "block",
      opacity: "1",
      visibility: "visible",
      position: "static",
      transform: "none",
      clipPath: "none",
      popoverOpen: false,
    });
    // Only ours are left: style, data-theme and, in a browser whose language we speak, lang.
    expect(seen.attributes.filter((name) => !["data-theme", "lang", "style"].includes(name))).toEqual([]);
    expect(await host.boundingBox()).toEqual(before);

    // The page makes the card around the widget transparent: a person's real clicks on it do not rate.
    const yes = await middleOf(page, parts.buttons.get("Yes"));
    const maybe = await middleOf(page, parts.buttons.get("Maybe"));
    await page.evaluate(() => {
      const card = document.querySelector('[data-testid="candidate-card"]') as HTMLElement;
      card.style.opacity = "0";
    });
    await page.mouse.click(yes.x, yes.y);
    await page.evaluate(() => {
      const card = document.querySelector('[data-testid="candidate-card"]') as HTMLElement;
      card.style.opacity = "0.3";
    });
    await page.mouse.click(maybe.x, maybe.y);
    await settle(page);
    expect(await writes()).toEqual([]);
    expect(await env.control.tags(annId)).toEqual([]);

    // In plain sight again, the same click rates: the clicks above were aimed right.
    await page.evaluate(() => {
      const card = document.querySelector('[data-testid="candidate-card"]') as HTMLElement;
      card.style.opacity = "";
    });
    await page.mouse.click(yes.x, yes.y);
    await expect.poll(() => env.control.tags(annId), { timeout: 15_000 }).toEqual([yesTag]);
    await expect.poll(async () => (await widgetParts(page)).buttons.get("Yes")?.pressed, { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it("cannot make the interviewer's Enter rate on a button it focused", async () => {
    const page = await openAnnClosed();
    await env.control.clearRequests();
    // With the root closed the page cannot reach our buttons: it focuses what it can, then the interviewer presses keys.
    await page.evaluate(() => {
      const element = document.querySelector("srh-interview-widget") as HTMLElement;
      element.tabIndex = 0;
      element.focus();
      element.setAttribute("autofocus", "");
      element.shadowRoot?.querySelector("button")?.focus();
    });
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    await settle(page);
    expect(await writes()).toEqual([]);
    await page.close();

    // Even were the root open (as the tests' hook makes it), Enter on a button the page focused does not rate.
    const open = await env.browser.context.newPage();
    await open.addInitScript((name) => {
      document.addEventListener("DOMContentLoaded", () => document.documentElement.setAttribute(name, ""));
    }, openWidgetAttribute);
    await open.goto(env.roomUrl(`?rerender=0&people=${peopleParam([ann])}`));
    await profileLink(open).waitFor({ timeout: 15_000 });
    await open.evaluate(() => {
      const root = document.querySelector("srh-interview-widget")?.shadowRoot;
      const no = [...(root?.querySelectorAll("button") ?? [])].find((button) => button.textContent === "No");
      no?.focus();
      if (!no || root?.activeElement !== no) throw new Error("The page could not focus No.");
    });
    await open.keyboard.press("Enter");
    await widget(open).getByText("Not counted", { exact: false }).waitFor();
    await settle(open);
    expect(await writes()).toEqual([]);

    // The interviewer moves the focus there themselves (back to Maybe, then Tab to No): now Enter rates.
    await open.keyboard.press("Shift+Tab");
    await open.keyboard.press("Tab");
    await open.keyboard.press("Enter");
    await expect.poll(() => env.control.tags(annId), { timeout: 15_000 }).toEqual([noTag]);
    await open.close();
  });

  it("learns nothing from the content script's start, and cannot make it stop by faking a newer copy's start", async () => {
    const page = await env.browser.context.newPage();
    // Everything the page's own window hears from the moment it exists.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      window.addEventListener("message", (event) => heard.push(JSON.stringify(event.data)));
    });
    await page.goto(env.roomUrl(`?rerender=0&people=${peopleParam([ann])}`));
    await expect.poll(async () => (await widgetParts(page)).href, { timeout: 15_000 }).toContain(annId);
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.filter((data) => data.includes(extensionId))).toEqual([]);
    // Even knowing the extension's ID, the page's fake "a newer content script started" event stops nothing.
    await page.evaluate((id) => {
      for (const name of [`${id}:content:wxt:content-script-started`, `${id}:content:srh:content-script-started`])
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: "content", messageId: "page" } }));
      // The page then re-renders the card: a stopped content script would not follow it.
      const card = document.querySelector('[data-testid="candidate-card"]');
      card?.replaceWith(card.cloneNode(true));
    }, extensionId);
    await expect.poll(async () => (await widgetParts(page)).href, { timeout: 5_000 }).toContain(annId);
    // And a rating still lands (Yes: the tests before this one leave Ann rated No, or not at all).
    const yes = await middleOf(page, (await widgetParts(page)).buttons.get("Yes"));
    await page.mouse.click(yes.x, yes.y);
    await expect.poll(() => env.control.tags(annId), { timeout: 15_000 }).toEqual([yesTag]);
    await page.close();
  });
});
