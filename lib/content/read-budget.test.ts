import { describe, expect, it } from "vitest";
import { readBudget } from "./read-budget";

describe("readBudget", () => {
  it("allows a burst up to its capacity, then one read per refill interval", () => {
    let time = 0;
    const budget = readBudget(3, 5, () => time);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([0, 0, 0]);
    expect(budget.take()).toBe(200);
    time = 100;
    expect(budget.take()).toBe(100);
    time = 200;
    expect(budget.take()).toBe(0);
    expect(budget.take()).toBe(200);
  });

  it("refills to its capacity, not beyond, after a quiet while", () => {
    let time = 0;
    const budget = readBudget(2, 5, () => time);
    budget.take();
    budget.take();
    time = 60_000;
    expect([budget.take(), budget.take()]).toEqual([0, 0]);
    expect(budget.take()).toBeGreaterThan(0);
  });
});
