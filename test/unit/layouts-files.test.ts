/**
 * The layout pages of test/hellohire/app/layouts/ (fixtures of the reader by meaning, issue 14) keep
 * their contract: every page has an expected reading and every reading a page; none can be read by the
 * markup table's defaults (so only the reader by meaning can read them); each one-on-one page shows its
 * expected name, fields, interview name and the noise the reader must ignore; storm.js re-renders the
 * name, ticks timers and churns video tiles only with ?storm=1.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultMarkup } from "../../lib/hellohire/markup";
import { cleanText, readPage } from "../../lib/hellohire/read-page";
import { type LayoutExpectation, layoutExpectations } from "../hellohire/app/layouts/layouts.expectations";

const layoutsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../hellohire/app/layouts");
const pageFiles = readdirSync(layoutsDir)
  .filter((file) => file.endsWith(".html"))
  .sort();

function source(file: string): string {
  return readFileSync(resolve(layoutsDir, file), "utf8");
}

function parse(file: string): Document {
  return new DOMParser().parseFromString(source(file), "text/html");
}

type OneOnOne = Extract<LayoutExpectation, { kind: "one-on-one" }>;

const oneOnOnePages = Object.entries(layoutExpectations).flatMap(([file, expected]) =>
  expected.kind === "one-on-one" ? [[file, expected] as const] : [],
);
const untouchedPages = Object.entries(layoutExpectations)
  .filter(([, expected]) => expected.kind === "untouched")
  .map(([file]) => file);

/** The test ids the markup table's defaults look for, e.g. "interview-room". */
const defaultTestIds = new Set(
  Object.values(defaultMarkup.selectors).flatMap((selector) =>
    [...selector.matchAll(/data-testid="([^"]+)"/gu)].map((m) => m[1]),
  ),
);

describe("layout pages and their expectations", () => {
  it("has an expectation for every page and a page for every expectation", () => {
    expect(pageFiles).toEqual(Object.keys(layoutExpectations).sort());
  });

  it("has at least 8 one-on-one pages and 4 pages that must stay untouched", () => {
    expect(oneOnOnePages.length).toBeGreaterThanOrEqual(8);
    expect(untouchedPages.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pageFiles)("%s is small, self-contained static HTML that loads storm.js", (file) => {
    expect(statSync(resolve(layoutsDir, file)).size).toBeLessThan(6 * 1024);
    const doc = parse(file);
    expect(cleanText(doc.title)).not.toBe("");
    expect(
      [...doc.querySelectorAll("script")].map((script) => [script.getAttribute("src"), script.hasAttribute("defer")]),
    ).toEqual([["storm.js", true]]);
    expect(doc.querySelectorAll("link, img, iframe, video, audio, object, embed")).toHaveLength(0);
    for (const element of doc.querySelectorAll("*")) {
      for (const { name, value } of element.attributes) {
        expect(name.startsWith("on"), `${file}: <${element.localName} ${name}>`).toBe(false);
        if (name === "src" || name === "href") expect(value, `${file}: ${name}`).not.toMatch(/^(https?:)?\/\//iu);
      }
    }
  });

  it.each(pageFiles)("%s cannot be read by the markup table's defaults", (file) => {
    const doc = parse(file);
    // dt/dd (the rows' label and value) are looked for only inside a matched row: the test-id selectors are what gates.
    for (const [name, selector] of Object.entries(defaultMarkup.selectors)) {
      if (selector.includes("data-testid")) expect(doc.querySelectorAll(selector), `${file}: ${name}`).toHaveLength(0);
    }
    for (const element of doc.querySelectorAll("[data-testid]")) {
      expect(defaultTestIds.has(element.getAttribute("data-testid") ?? ""), file).toBe(false);
    }
    expect(readPage(doc).kind).not.toBe("one-on-one");
  });

  it.each(oneOnOnePages)("%s shows its expected candidate and interview among the noise", (file, expected: OneOnOne) => {
    const doc = parse(file);
    const { firstName, lastName, email } = expected.candidate;
    const names = doc.querySelectorAll("[data-storm-name]");
    expect(names).toHaveLength(1);
    expect(cleanText(names[0]?.textContent)).toBe(expected.nameText);
    expect(expected.nameText).toBe(`${firstName} ${lastName}`);

    // The interview name is the page's one main heading, or the document's title when the page has none.
    const headings = doc.querySelectorAll("h1");
    expect(headings.length).toBeLessThanOrEqual(1);
    expect(cleanText(headings[0]?.textContent ?? doc.title)).toBe(expected.interviewName);

    // Each field's value is the whole text of some element; the job title too, when the page shows one.
    const texts = new Set([...doc.body.querySelectorAll("*")].map((element) => cleanText(element.textContent)));
    for (const value of [firstName, lastName, email, expected.jobTitle]) if (value !== null) expect(texts).toContain(value);

    // Noise: the interviewer's own name, other people's emails, a timer and video tiles for the storm.
    const text = cleanText(doc.body.textContent);
    expect(text).toContain("Dana Reyes");
    const otherEmails = (text.match(/[\w.+-]+@[\w.-]+\.\w+/gu) ?? []).filter((address) => address !== email);
    expect(otherEmails.length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelectorAll("[data-storm-timer]").length).toBeGreaterThanOrEqual(1);
    expect(doc.querySelector("[data-storm-tiles]")?.children.length).toBeGreaterThanOrEqual(2);
  });

  it("reads the interview name from the title on at least one page", () => {
    expect(oneOnOnePages.some(([file]) => parse(file).querySelector("h1") === null)).toBe(true);
  });

  it.each(untouchedPages)("%s has no candidate name for the storm to re-render", (file) => {
    expect(parse(file).querySelectorAll("[data-storm-name]")).toHaveLength(0);
  });
});

describe("storm.js", () => {
  const storm = readFileSync(resolve(layoutsDir, "storm.js"), "utf8");
  const startUrl = location.href;

  function load(file: string, search: string): void {
    const doc = parse(file);
    document.body.replaceChildren(...[...doc.body.childNodes].map((node) => document.importNode(node, true)));
    history.replaceState(null, "", `/layouts/${file}${search}`);
    vi.useFakeTimers();
    // A classic script, as the page runs it.
    new Function(storm)();
  }

  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
    history.replaceState(null, "", startUrl);
    document.body.replaceChildren();
  });

  it("with ?storm=1, replaces the name with an equal element every second, ticks timers and churns tiles", () => {
    load("hashed-classes.html", "?storm=1");
    const first = document.querySelector("[data-storm-name]");
    const timer = document.querySelector("[data-storm-timer]");
    const before = timer?.textContent;
    const tiles = [...(document.querySelector("[data-storm-tiles]")?.children ?? [])];

    vi.advanceTimersByTime(100);
    expect(timer?.textContent).not.toBe(before);
    expect(document.querySelector("[data-storm-name]")).toBe(first);

    vi.advanceTimersByTime(900);
    const second = document.querySelector("[data-storm-name]");
    expect(second).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(second && first ? second.isEqualNode(first) : false).toBe(true);
    expect(cleanText(second?.textContent)).toBe("Ann O'Neil");
    for (const tile of tiles) {
      expect(tile.hasAttribute("data-volume")).toBe(true);
      expect(tile.querySelector("[data-storm-level]")?.textContent).not.toBe("");
    }

    vi.advanceTimersByTime(1000);
    expect(document.querySelector("[data-storm-name]")).not.toBe(second);
    expect(document.querySelectorAll("[data-storm-name]")).toHaveLength(1);
  });

  it("without ?storm=1, changes nothing", () => {
    load("hashed-classes.html", "");
    const html = document.body.innerHTML;
    const name = document.querySelector("[data-storm-name]");
    vi.advanceTimersByTime(3000);
    expect(document.querySelector("[data-storm-name]")).toBe(name);
    expect(document.body.innerHTML).toBe(html);
  });
});
