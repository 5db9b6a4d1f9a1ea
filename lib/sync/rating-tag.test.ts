import { describe, expect, it } from "vitest";
import { isRating, ratingTag } from "./rating-tag";

describe("ratingTag", () => {
  it("writes Hellohire's tag in lower case", () => {
    expect(ratingTag("CSR", "yes")).toBe("hellohire - csr - yes");
  });

  it("collapses and trims the interview name's spacing, keeping its own dashes", () => {
    expect(ratingTag("  Sales  -  Night\u00a0Shift ", "maybe")).toBe("hellohire - sales - night shift - maybe");
  });

  it("recognises only the three ratings", () => {
    expect(["yes", "maybe", "no"].every(isRating)).toBe(true);
    expect(isRating("YES")).toBe(false);
    expect(isRating(undefined)).toBe(false);
  });
});
