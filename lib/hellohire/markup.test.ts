import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MatchPattern } from "wxt/utils/match-patterns";
import { defaultMarkup, type EntryName, hellohireHostPatterns, patternNames, selectorNames } from "./markup";
import { hostPatternExpectations, markupExpectations } from "./markup.expectations";
import { readPage } from "./read-page";

const pagesDir = join(__dirname, "../../test/hellohire/pages");
const pages = readdirSync(pagesDir).filter((file) => file.endsWith(".html"));

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(pagesDir, file), "utf8"), "text/html");
}

/** Matches of one table entry on a page: selectors document-wide, label patterns among detail rows. */
function countMatches(document: Document, entry: EntryName): number {
  const { selectors, patterns } = defaultMarkup;
  const rows = [...document.querySelectorAll(selectors.detailRow)];
  if (entry === "detailLabel" || entry === "detailValue") return rows.filter((row) => row.querySelector(selectors[entry])).length;
  if ((selectorNames as readonly string[]).includes(entry)) {
    const selector = selectors[entry as keyof typeof selectors];
    // An empty entry is unused by the defaults (value selectors: the label rows are read instead).
    return selector ? document.querySelectorAll(selector).length : 0;
  }
  const pattern = new RegExp(patterns[entry as keyof typeof patterns], "iu");
  return rows.filter((row) =>
    pattern.test((row.querySelector(selectors.detailLabel)?.textContent ?? "").replace(/\s+/gu, " ").trim()),
  ).length;
}

describe("the host patterns", () => {
  it("has expectations for every pattern", () => {
    expect(Object.keys(hostPatternExpectations).sort()).toEqual([...hellohireHostPatterns].sort());
  });

  for (const [pattern, { matches, rejects }] of Object.entries(hostPatternExpectations)) {
    it(`${pattern} matches Hellohire's pages and nothing else`, () => {
      const matcher = new MatchPattern(pattern);
      for (const url of matches) expect(matcher.includes(url), url).toBe(true);
      for (const url of rejects) expect(matcher.includes(url), url).toBe(false);
    });
  }
});

describe("the markup table on the committed fixture pages", () => {
  it("has expectations for every entry, naming only pages that exist", () => {
    expect(Object.keys(markupExpectations).sort()).toEqual([...selectorNames, ...patternNames].sort());
    for (const expected of Object.values(markupExpectations))
      for (const page of Object.keys(expected)) expect(pages).toContain(page);
  });

  const documents = new Map(pages.map((page) => [page, load(page)]));
  for (const entry of [...selectorNames, ...patternNames]) {
    it(`${entry} matches each page the expected number of times`, () => {
      const actual = Object.fromEntries(pages.map((page) => [page, countMatches(documents.get(page) as Document, entry)]));
      const expected = Object.fromEntries(pages.map((page) => [page, markupExpectations[entry][page] ?? 0]));
      expect(actual).toEqual(expected);
    });
  }
});

describe("readPage on every committed fixture page", () => {
  const expected: Record<string, object> = {
    "one-on-one.html": {
      kind: "one-on-one",
      interviewName: "CSR",
      jobTitle: "Customer Service Representative",
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    },
    "one-on-one-no-job.html": {
      kind: "one-on-one",
      interviewName: "CSR",
      jobTitle: null,
      candidate: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    },
    "one-on-one-dark.html": { kind: "one-on-one", jobTitle: "Customer Service Representative", candidate: { firstName: "Ann" } },
    "one-on-one-no-email.html": { kind: "one-on-one", candidate: { firstName: "Sam", lastName: "Taylor", email: null } },
    "one-on-one-accents.html": { kind: "one-on-one", candidate: { firstName: "José", lastName: "Álvarez-Núñez" } },
    "one-on-one-several-words.html": { kind: "one-on-one", candidate: { firstName: "Mary Jane", lastName: "van der Berg" } },
    "one-on-one-odd-interview-name.html": { kind: "one-on-one", interviewName: "Sales - Night Shift" },
    "one-on-one-long-names.html": {
      kind: "one-on-one",
      candidate: { firstName: expect.stringMatching(/^Maximiliana .{100,}/u) },
    },
    "one-on-one-hostile-name.html": {
      kind: "one-on-one",
      candidate: { firstName: "<img src=x onerror=alert(1)>", lastName: '"><script>alert(1)</script>' },
    },
    "one-on-one-last-in-queue.html": { kind: "one-on-one", candidate: { firstName: "Sam" } },
    "waiting.html": { kind: "waiting" },
    "group.html": { kind: "other-format" },
    "dashboard.html": { kind: "not-interview" },
    "sign-in.html": { kind: "not-interview" },
    "redesigned.html": { kind: "unreadable", missing: ["candidateCard", "waiting"] },
  };

  it("covers every page", () => {
    expect(Object.keys(expected).sort()).toEqual([...pages].sort());
  });

  for (const [page, reading] of Object.entries(expected)) {
    it(`reads ${page}`, () => {
      expect(readPage(load(page))).toMatchObject(reading);
    });
  }
});
