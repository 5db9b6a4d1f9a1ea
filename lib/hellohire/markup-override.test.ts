import { describe, expect, it } from "vitest";
import { defaultMarkup } from "./markup";
import { applyMarkupOverride, backtracksWithoutEnd, maxPatternLength } from "./markup-override";

describe("applyMarkupOverride", () => {
  it("keeps the defaults without an override", () => {
    expect(applyMarkupOverride(undefined)).toEqual({ ok: true, markup: defaultMarkup });
  });

  it("replaces only the entries an admin sets", () => {
    const result = applyMarkupOverride({
      selectors: { candidateName: '[data-testid="participant-title"]' },
      patterns: { firstNameLabel: "^given name$" },
    });
    expect(result.ok && result.markup.selectors.candidateName).toBe('[data-testid="participant-title"]');
    expect(result.ok && result.markup.selectors.room).toBe(defaultMarkup.selectors.room);
    expect(result.ok && result.markup.patterns.firstNameLabel).toBe("^given name$");
  });

  it("keeps reading the job title by default under an override written before that entry existed", () => {
    const result = applyMarkupOverride({ selectors: { candidateCard: '[data-testid="participant-card"]' } });
    expect(result.ok && result.markup.selectors.jobTitle).toBe(defaultMarkup.selectors.jobTitle);
  });

  it("lets an admin set the job title's selector, and checks it like any other", () => {
    const result = applyMarkupOverride({ selectors: { jobTitle: '[data-testid="room-job"]' } });
    expect(result.ok && result.markup.selectors.jobTitle).toBe('[data-testid="room-job"]');
    expect(applyMarkupOverride({ selectors: { jobTitle: "span[[" } })).toEqual({
      ok: false,
      problems: ["selectors.jobTitle is not valid"],
    });
  });

  it("rejects the whole override, naming every problem, when any part is bad", () => {
    const result = applyMarkupOverride({
      selectors: { candidateName: "h2[[", candidateCard: "section", colour: "red" },
      patterns: { emailLabel: "(" },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        "selectors.candidateName is not valid",
        "selectors.colour is not a known entry",
        "patterns.emailLabel is not valid",
      ],
    });
  });

  it("rejects overrides that are not objects", () => {
    expect(applyMarkupOverride("h2").ok).toBe(false);
    expect(applyMarkupOverride({ selectors: ["h2"] }).ok).toBe(false);
    expect(applyMarkupOverride({ extra: {} }).ok).toBe(false);
  });

  it("refuses a label pattern longer than 200 characters, naming it, and keeps the defaults", () => {
    expect(maxPatternLength).toBe(200);
    const longest = `^(first|given) name$|${"x".repeat(200 - 21)}`;
    expect(longest).toHaveLength(200);
    expect(applyMarkupOverride({ patterns: { firstNameLabel: longest } }).ok).toBe(true);
    expect(applyMarkupOverride({ patterns: { firstNameLabel: `${longest}y` }, selectors: { room: "main" } })).toEqual({
      ok: false,
      problems: ["patterns.firstNameLabel is longer than 200 characters"],
    });
  });

  it("refuses a selector longer than 500 characters, naming it", () => {
    expect(applyMarkupOverride({ selectors: { room: `main${" ".repeat(497)}` } })).toEqual({
      ok: false,
      problems: ["selectors.room is longer than 500 characters"],
    });
  });

  it("refuses patterns shaped to backtrack without end, which even 30 characters of a label would hang on", () => {
    for (const pattern of ["^(a+)+$", "(\\w|\\d)*@", "^(x?)*y", "((ab)+)+", "(?:a|aa){2,}$", "(a)\\1", "(?<n>a)\\k<n>"]) {
      expect(backtracksWithoutEnd(pattern), pattern).toBe(true);
      expect(applyMarkupOverride({ patterns: { emailLabel: pattern } }), pattern).toEqual({
        ok: false,
        problems: [
          "patterns.emailLabel repeats a group that repeats or alternates inside, or refers back: it could hang the page",
        ],
      });
    }
  });

  it("keeps the patterns admins write: alternatives, optional parts, repeated plain groups, classes", () => {
    for (const pattern of [
      "^(first|given) name$",
      "^(last|family) name$|^surname$",
      "^e-?mail( address)?$",
      "^(?:pr[ée]nom)\\s*$",
      "^(?:ab)+$",
      "^[(+*|]+name$",
      "^(?<label>e-?mail)$",
      "^(?=e)e-?mail$",
    ])
      expect(backtracksWithoutEnd(pattern), pattern).toBe(false);
  });
});
