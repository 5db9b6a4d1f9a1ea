import { afterEach, describe, expect, it, vi } from "vitest";
import { aliveCheckMs, ContentScriptContext, startScriptLifetime } from "./script-lifetime";

describe("the content script's lifetime", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("ends when the extension is gone: at once on isAlive(), and within a second on a page that stays still", () => {
    vi.useFakeTimers();
    const runtime: { id?: string } = { id: "ext" };
    const first = startScriptLifetime("content", runtime, {});
    expect(first.isAlive()).toBe(true);
    runtime.id = undefined;
    expect(first.isAlive()).toBe(false);
    expect(first.signal.aborted).toBe(true);

    runtime.id = "ext";
    const still = startScriptLifetime("content", runtime, {});
    runtime.id = undefined;
    vi.advanceTimersByTime(aliveCheckMs);
    expect(still.signal.aborted).toBe(true);
  });

  it("stops an older copy of the same script in the same world, not another script's, and not the newer one", () => {
    const world = {};
    const runtime = { id: "ext" };
    const older = startScriptLifetime("content", runtime, world);
    const other = startScriptLifetime("other", runtime, world);
    const newer = startScriptLifetime("content", runtime, world);
    expect(older.signal.aborted).toBe(true);
    expect(other.signal.aborted).toBe(false);
    expect(newer.isAlive()).toBe(true);
    // A copy in another world (another frame, the page) is not reached.
    expect(startScriptLifetime("content", runtime, {}).isAlive()).toBe(true);
    expect(newer.isAlive()).toBe(true);
  });

  it("gives WXT's wrapper a context that neither posts to the page nor listens to it", () => {
    const posted = vi.spyOn(window, "postMessage");
    const listened = vi.spyOn(document, "addEventListener");
    const context = new ContentScriptContext("content", {});
    expect(context.contentScriptName).toBe("content");
    expect(posted).not.toHaveBeenCalled();
    expect(listened).not.toHaveBeenCalled();
  });
});
