import { describe, expect, it } from "vitest";
import { defaultMarkup } from "./markup";
import { applyMarkupOverride } from "./markup-override";

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
});
