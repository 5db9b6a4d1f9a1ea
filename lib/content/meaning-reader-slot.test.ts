import { afterEach, describe, expect, it, vi } from "vitest";
import type { PageReading } from "../hellohire/read-page";
import { lazyMeaningReader } from "./meaning-reader-slot";

const found: PageReading = { kind: "waiting" };

describe("lazyMeaningReader", () => {
  afterEach(() => {
    globalThis.srhReadByMeaning = undefined;
  });

  it("reads nothing until the reader is injected, asks for it once, and says when it has arrived", async () => {
    const onReady = vi.fn();
    const load = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      globalThis.srhReadByMeaning = () => found;
    });
    const read = lazyMeaningReader(load, onReady);
    expect(read(document)).toEqual({ kind: "not-interview" });
    expect(read(document)).toEqual({ kind: "not-interview" });
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(1);
    expect(read(document)).toBe(found);
  });

  it("asks again only after a pause when the load failed", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const load = vi.fn(async () => {
        throw new Error("no tab");
      });
      const read = lazyMeaningReader(load, () => undefined);
      read(document);
      await vi.advanceTimersByTimeAsync(5_000);
      read(document);
      expect(load).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5_000);
      read(document);
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
