import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { type CreatedEntry, createdCandidates, createdCandidatesItem, pruneCreatedCandidates } from "./created-candidates";

const day = 24 * 3600_000;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(1_000 * day);
});

afterEach(() => {
  vi.useRealTimers();
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("created candidates", () => {
  it("finds a remembered candidate by email and last name, as people write them", async () => {
    await createdCandidates.remember("Ann@Example.com ", "Lee", "c-1");
    expect(await createdCandidates.find("ann@example.com", " LEE")).toEqual({ id: "c-1" });
    expect(await createdCandidates.find("ann@example.com", "Smith")).toBeNull();
    expect(await createdCandidates.find("bob@example.com", "Lee")).toBeNull();
  });

  it("remembers an unconfirmed create, and forgets", async () => {
    await createdCandidates.rememberUnconfirmed("ann@example.com", "Lee");
    expect(await createdCandidates.find("ann@example.com", "Lee")).toEqual({ unconfirmed: true });
    await createdCandidates.remember("ann@example.com", "Lee", "c-1");
    expect(await createdCandidates.find("ann@example.com", "Lee")).toEqual({ id: "c-1" });
    await createdCandidates.forget("ann@example.com", "Lee");
    expect(await createdCandidates.find("ann@example.com", "Lee")).toBeNull();
  });

  it("stores no email or name, and no bare hash of them", async () => {
    await createdCandidates.remember("ann@example.com", "Lee", "c-1");
    const stored = await createdCandidatesItem.getValue();
    const text = JSON.stringify(stored);
    expect(text).not.toMatch(/ann|example|lee/iu);
    expect(Object.keys(stored)).toHaveLength(1);
    expect(Object.keys(stored)[0]).toMatch(/^[0-9a-f]{64}$/u);
    expect(Object.keys(stored)).not.toContain(await sha256Hex("ann@example.com|lee"));
    expect(Object.values(stored)).toEqual([{ id: "c-1", at: 1_000 * day }]);
  });

  it("keeps every one of several creates remembered at once", async () => {
    const people = ["a", "b", "c", "d", "e"];
    await Promise.all(people.map((name) => createdCandidates.remember(`${name}@example.com`, name, `id-${name}`)));
    for (const name of people) expect(await createdCandidates.find(`${name}@example.com`, name)).toEqual({ id: `id-${name}` });
  });

  it("forgets a candidate 90 days after it was remembered", async () => {
    await createdCandidates.remember("ann@example.com", "Lee", "c-1");
    vi.setSystemTime(1_090 * day - 1);
    expect(await createdCandidates.find("ann@example.com", "Lee")).toEqual({ id: "c-1" });
    vi.setSystemTime(1_090 * day);
    expect(await createdCandidates.find("ann@example.com", "Lee")).toBeNull();
  });

  it("keeps at most 2,000 candidates, the oldest going first", async () => {
    const seeded: Record<string, CreatedEntry> = {};
    for (let index = 0; index < 2_000; index += 1) seeded[`k${index}`] = { id: `c${index}`, at: 999 * day + index };
    await createdCandidatesItem.setValue(seeded);
    await createdCandidates.remember("ann@example.com", "Lee", "c-new");
    const stored = await createdCandidatesItem.getValue();
    expect(Object.keys(stored)).toHaveLength(2_000);
    expect(stored.k0).toBeUndefined();
    expect(stored.k1).toBeDefined();
    expect(await createdCandidates.find("ann@example.com", "Lee")).toEqual({ id: "c-new" });
  });

  it("prunes the candidates past their 90 days with no new create, and says when the next one goes", async () => {
    await createdCandidatesItem.setValue({ old: { id: "c-old", at: 900 * day }, recent: { id: null, at: 950 * day } });
    expect(await pruneCreatedCandidates(1_000 * day)).toBe(1_040 * day);
    expect(Object.keys(await createdCandidatesItem.getValue())).toEqual(["recent"]);
    expect(await pruneCreatedCandidates(1_040 * day)).toBeNull();
    expect(await createdCandidatesItem.getValue()).toEqual({});
  });

  it("drops the previous version's bare SHA-256 keys as they move out of storage.local", async () => {
    const oldKey = await sha256Hex("ann@example.com|lee");
    await fakeBrowser.storage.local.set({ "sync.createdCandidates": { [oldKey]: "c-1", other: "?" } });
    expect(await createdCandidatesItem.getValue()).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await createdCandidates.find("ann@example.com", "Lee")).toBeNull();
  });
});
