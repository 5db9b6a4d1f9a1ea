import { describe, expect, it } from "vitest";
import { defaultMarkup } from "./markup";
import { selectorProblems, selectorSyntaxOk } from "./selector-syntax";

describe("selector syntax, checked where there is a DOM", () => {
  it("accepts the selectors a browser parses and refuses the others", () => {
    expect(selectorSyntaxOk('[data-testid="candidate-card"] > h2')).toBe(true);
    expect(selectorSyntaxOk("main[")).toBe(false);
    expect(selectorSyntaxOk("div >>> span")).toBe(false);
  });

  it("names every selector of a table that does not parse, and none of the default table's", () => {
    expect(selectorProblems(defaultMarkup)).toEqual([]);
    const selectors = { ...defaultMarkup.selectors, room: "main[", jobTitle: "h3:::before", emailValue: "" };
    expect(selectorProblems({ ...defaultMarkup, selectors })).toEqual([
      "selectors.room is not valid",
      "selectors.jobTitle is not valid",
    ]);
  });
});
