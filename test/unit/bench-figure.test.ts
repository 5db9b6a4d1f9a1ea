import { describe, expect, it } from "vitest";
import { type Measurement, overBudget, spreadLine } from "../../scripts/bench/lib/figure";

const figure = (samples?: number[]): Measurement => ({
  name: "rating_to_tag_p50_ms",
  value: 40,
  unit: "ms",
  budget: 50,
  decimals: 1,
  ...(samples ? { samples } : {}),
});

describe("the benchmark's figure lines", () => {
  it("prints the spread of a figure's samples: min, median, max and how many", () => {
    expect(spreadLine(figure([52.9, 37.2, 40, 31.5]))).toBe(
      "spread rating_to_tag_p50_ms: min 31.5 / median 38.6 / max 52.9 ms (n=4)",
    );
    expect(spreadLine(figure([3, 1, 2]))).toBe("spread rating_to_tag_p50_ms: min 1.0 / median 2.0 / max 3.0 ms (n=3)");
  });

  it("prints no spread for a figure of one value", () => {
    expect(spreadLine(figure())).toBeNull();
    expect(spreadLine(figure([40]))).toBeNull();
  });

  it("judges the value against its budget, a ceiling unless marked a floor", () => {
    expect(overBudget(figure())).toBe(false);
    expect(overBudget({ ...figure(), value: 50.04 })).toBe(false);
    expect(overBudget({ ...figure(), value: 50.06 })).toBe(true);
    expect(
      overBudget({ name: "flush_rate_vs_limit", value: 0.93, unit: "ratio", budget: 0.95, decimals: 2, atLeast: true }),
    ).toBe(true);
  });
});
