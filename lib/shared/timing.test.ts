import { afterEach, describe, expect, it } from "vitest";
import { markTiming, type Timing } from "./timing";

const scope = globalThis as { __srhTimings?: Timing[] };

describe("markTiming (test builds)", () => {
  afterEach(() => {
    delete scope.__srhTimings;
  });

  it("records each mark with the time on the machine's clock", () => {
    const before = Date.now();
    markTiming("rate-received");
    markTiming("outbox-saved");
    const after = Date.now();
    expect(scope.__srhTimings?.map((timing) => timing.name)).toEqual(["rate-received", "outbox-saved"]);
    for (const timing of scope.__srhTimings ?? []) {
      expect(timing.at).toBeGreaterThanOrEqual(before - 1);
      expect(timing.at).toBeLessThanOrEqual(after + 1);
    }
  });

  it("keeps the last 200 only", () => {
    for (let i = 0; i < 250; i += 1) markTiming(i % 2 === 0 ? "rate-received" : "outbox-saved");
    expect(scope.__srhTimings).toHaveLength(200);
  });
});
