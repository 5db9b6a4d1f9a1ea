import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOutboxWake, installedAlarmFloorMs, type OutboxAlarms, outboxAlarm } from "./outbox-wake";

const start = 1_700_000_000_000;

function fakeAlarms() {
  const set = new Map<string, number>();
  const alarms: OutboxAlarms = {
    create: (name, { when }) => {
      set.set(name, when);
    },
    clear: (name) => set.delete(name),
  };
  return { alarms, set };
}

/** Lets the install type's promise and the alarm write settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("createOutboxWake", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sets an unpacked extension's alarm for the retry itself", async () => {
    const { alarms, set } = fakeAlarms();
    const wake = createOutboxWake({ alarms, installType: async () => "development" }, async () => undefined);
    wake(start + 2_000);
    await settle();
    expect(set.get(outboxAlarm)).toBe(start + 2_000);
  });

  it("sets an installed extension's alarm no sooner than Chrome fires it (30 s)", async () => {
    const { alarms, set } = fakeAlarms();
    const wake = createOutboxWake({ alarms, installType: async () => "normal" }, async () => undefined);
    wake(start + 2_000);
    await settle();
    expect(set.get(outboxAlarm)).toBe(start + installedAlarmFloorMs);
    wake(start + 90_000);
    await settle();
    expect(set.get(outboxAlarm)).toBe(start + 90_000);
  });

  it("keeps the 30 s floor when the install type cannot be read", async () => {
    const { alarms, set } = fakeAlarms();
    const wake = createOutboxWake({ alarms, installType: () => Promise.reject(new Error("no")) }, async () => undefined);
    wake(start + 1_000);
    await settle();
    expect(set.get(outboxAlarm)).toBe(start + installedAlarmFloorMs);
  });

  it("flushes on a timer at the retry while the background lives, once for the latest call", async () => {
    const flush = vi.fn(async () => undefined);
    const wake = createOutboxWake({ alarms: fakeAlarms().alarms, installType: async () => "development" }, flush);
    wake(start + 5_000);
    wake(start + 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("clears the alarm and the timer when nothing waits, even with an earlier call still reading the install type", async () => {
    const { alarms, set } = fakeAlarms();
    const flush = vi.fn(async () => undefined);
    const wake = createOutboxWake({ alarms, installType: async () => "development" }, flush);
    wake(start + 1_000);
    wake(null);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(set.has(outboxAlarm)).toBe(false);
    expect(flush).not.toHaveBeenCalled();
  });
});
