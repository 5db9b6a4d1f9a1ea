import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { migrateLegacyStorage, protectedItem, watchKeys } from "./protected-item";

beforeEach(() => {
  fakeBrowser.reset();
});

/** Lets IndexedDB, the channel and the watchers' reads settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("protected item", () => {
  it("gives the fallback until a value is set, then the value, and the fallback again once removed", async () => {
    const item = protectedItem<{ on: boolean }>("test.plain", { fallback: { on: true } });
    expect(await item.getValue()).toEqual({ on: true });
    await item.setValue({ on: false });
    expect(await item.getValue()).toEqual({ on: false });
    await item.removeValue();
    expect(await item.getValue()).toEqual({ on: true });
  });

  it("never hands out the fallback itself (a caller changing it changes nothing kept)", async () => {
    const item = protectedItem<string[]>("test.list", { fallback: [] });
    (await item.getValue()).push("changed");
    expect(await item.getValue()).toEqual([]);
  });

  it("keeps nothing in storage.local", async () => {
    const item = protectedItem<string>("test.secret", { fallback: "" });
    await item.setValue("refresh-token-value");
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("tells this context's watchers of each change, not of a write that changes nothing, and stops when asked", async () => {
    const item = protectedItem<number>("test.count", { fallback: 0 });
    const seen: number[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.setValue(1);
    await item.setValue(1);
    await item.removeValue();
    unwatch();
    await item.setValue(2);
    expect(seen).toEqual([1, 0]);
  });

  it("watchKeys hears changes without reading them", async () => {
    const item = protectedItem<number>("test.keyed", { fallback: 0 });
    const onChange = vi.fn();
    const stop = watchKeys(["test.keyed", "test.other"], onChange);
    await item.setValue(5);
    stop();
    await item.setValue(6);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("tells the other extension contexts (another worker or page) through the channel, with the value read again", async () => {
    const here = protectedItem<number>("test.shared", { fallback: 0 });
    vi.resetModules();
    const elsewhere: typeof import("./protected-item") = await import("./protected-item");
    const there = elsewhere.protectedItem<number>("test.shared", { fallback: 0 });
    const seen: number[] = [];
    const heard = vi.fn();
    there.watch((value) => seen.push(value));
    elsewhere.watchKeys(["test.shared"], heard);
    await here.setValue(7);
    await settle();
    expect(seen).toEqual([7]);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(await there.getValue()).toBe(7);
  });
});

describe("migration from storage.local", () => {
  it("moves each legacy value into IndexedDB and deletes it from storage.local with its version record", async () => {
    await fakeBrowser.storage.local.set({
      "auth.refresh": { refreshToken: "rt-1", scopes: ["candidates_read"], connectedAt: 1 },
      "auth.refresh$": { v: 1 },
      "settings.integrationEnabled": false,
      "sync.outbox": [{ id: "o1" }],
      "unrelated.key": "kept",
    });
    const refresh = protectedItem<unknown>("auth.refresh", { fallback: null, legacy: { version: 1 } });
    const enabled = protectedItem<boolean>("settings.integrationEnabled", { fallback: true });
    const outbox = protectedItem<unknown[]>("sync.outbox", { fallback: [] });
    expect(await refresh.getValue()).toEqual({ refreshToken: "rt-1", scopes: ["candidates_read"], connectedAt: 1 });
    expect(await enabled.getValue()).toBe(false);
    expect(await outbox.getValue()).toEqual([{ id: "o1" }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ "unrelated.key": "kept" });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain("rt-1");
  });

  it("brings a value kept under an older version up to date as it moves", async () => {
    await fakeBrowser.storage.local.set({ "sync.writtenRatingTags": { a: "tag" }, "sync.writtenRatingTags$": { v: 1 } });
    const item = protectedItem<unknown>("sync.writtenRatingTags", {
      fallback: {},
      legacy: { version: 2, migrations: { 2: (old) => ({ upgraded: old }) } },
    });
    expect(await item.getValue()).toEqual({ upgraded: { a: "tag" } });
  });

  it("does not upgrade a value already at the current version", async () => {
    await fakeBrowser.storage.local.set({ "sync.writtenRatingTags": { a: 1 }, "sync.writtenRatingTags$": { v: 2 } });
    const item = protectedItem<unknown>("sync.writtenRatingTags", {
      fallback: {},
      legacy: { version: 2, migrations: { 2: () => "wrong" } },
    });
    expect(await item.getValue()).toEqual({ a: 1 });
  });

  it("never overwrites a newer IndexedDB value (another context moved it and wrote since), and still deletes the old one", async () => {
    const item = protectedItem<string>("auth.problem", { fallback: "none" });
    await item.setValue("newer");
    vi.resetModules();
    const other: typeof import("./protected-item") = await import("./protected-item");
    const late = other.protectedItem<string>("auth.problem", { fallback: "none" });
    await fakeBrowser.storage.local.set({ "auth.problem": "older", "auth.problem$": { v: 1 } });
    await other.migrateLegacyStorage(fakeBrowser.storage.local);
    expect(await late.getValue()).toBe("newer");
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("does not bring back a value removed after the move", async () => {
    await fakeBrowser.storage.local.set({ "settings.endpoints": { apiBaseUrl: "https://api.smartrecruiters.com" } });
    const item = protectedItem<string | null>("settings.endpoints", { fallback: null });
    await migrateLegacyStorage();
    await item.removeValue();
    await fakeBrowser.storage.local.set({ "settings.endpoints": { apiBaseUrl: "https://stale.example" } });
    vi.resetModules();
    const other: typeof import("./protected-item") = await import("./protected-item");
    const again = other.protectedItem<string | null>("settings.endpoints", { fallback: null });
    await other.migrateLegacyStorage(fakeBrowser.storage.local);
    expect(await again.getValue()).toBeNull();
  });

  it("never imports a key written to storage.local after its first move (a content script planting an endpoint or credential)", async () => {
    const item = protectedItem<{ apiKey: string } | null>("auth.credential", { fallback: null });
    await migrateLegacyStorage();
    expect(await item.getValue()).toBeNull();
    await fakeBrowser.storage.local.set({ "auth.credential": { apiKey: "planted" } });
    vi.resetModules();
    const other: typeof import("./protected-item") = await import("./protected-item");
    const again = other.protectedItem<{ apiKey: string } | null>("auth.credential", { fallback: null });
    await other.migrateLegacyStorage(fakeBrowser.storage.local);
    expect(await again.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it("runs once per context: two migrations at once move each value once", async () => {
    await fakeBrowser.storage.local.set({ "sync.activity": [{ at: 1 }] });
    const item = protectedItem<unknown[]>("sync.activity", { fallback: [] });
    const remove = vi.spyOn(fakeBrowser.storage.local, "remove");
    await Promise.all([migrateLegacyStorage(), migrateLegacyStorage(), item.getValue()]);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(await item.getValue()).toEqual([{ at: 1 }]);
  });

  it("leaves the value in storage.local when IndexedDB fails, and moves it at the next read", async () => {
    await fakeBrowser.storage.local.set({ "auth.credential": { kind: "apiKey" } });
    const item = protectedItem<unknown>("auth.credential", { fallback: null });
    const open = vi.spyOn(indexedDB, "open").mockImplementation(() => {
      throw new Error("no database");
    });
    await expect(migrateLegacyStorage()).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get("auth.credential")).toEqual({ "auth.credential": { kind: "apiKey" } });
    open.mockRestore();
    expect(await item.getValue()).toEqual({ kind: "apiKey" });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
