import { describe, expect, it } from "vitest";
import { nextExpiry, withinRetention } from "./bounded-record";

const retention = { maxAgeMs: 100, maxEntries: 3 };

describe("bounded record", () => {
  it("drops the entries past their time", () => {
    expect(withinRetention({ old: { at: 0 }, edge: { at: 50 }, fresh: { at: 120 } }, 150, retention)).toEqual({
      fresh: { at: 120 },
    });
  });

  it("keeps the newest entries up to the limit, the oldest going first", () => {
    const all = { a: { at: 10 }, b: { at: 40 }, c: { at: 20 }, d: { at: 30 } };
    expect(Object.keys(withinRetention(all, 50, retention)).sort()).toEqual(["b", "c", "d"]);
  });

  it("says when the oldest entry runs out, or null when empty", () => {
    expect(nextExpiry({ a: { at: 30 }, b: { at: 10 } }, retention)).toBe(110);
    expect(nextExpiry({}, retention)).toBeNull();
  });
});
