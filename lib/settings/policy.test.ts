import { describe, expect, it } from "vitest";
import { parsePolicy } from "./policy";

describe("parsePolicy", () => {
  it("keeps valid values", () => {
    expect(parsePolicy({ integrationEnabled: false, selectorOverrides: { selectors: {} } })).toEqual({
      policy: { integrationEnabled: false, selectorOverrides: { selectors: {} } },
      problems: [],
    });
  });

  it("ignores invalid values and names them without echoing them", () => {
    const reading = parsePolicy({ integrationEnabled: "yes", selectorOverrides: "h2" });
    expect(reading.policy).toEqual({});
    expect(reading.problems).toEqual(["integrationEnabled must be true or false", "selectorOverrides must be an object"]);
  });
});
