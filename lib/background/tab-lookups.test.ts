import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  admitLookup,
  candidateIdsOfTab,
  forgetTabLookups,
  lookedUp,
  lookupWindowMs,
  maxDistinctLookups,
  moveCandidate,
  noteCandidate,
} from "./tab-lookups";

const person = (i: number) => ({ firstName: "Pat", lastName: `Lee${i}`, email: `pat${i}@example.com` });
const lookup = (i: number) => ({ interviewName: "CSR", jobTitle: null, person: person(i) });

beforeEach(() => {
  fakeBrowser.reset();
});

describe("tab lookups", () => {
  it("admits 20 distinct people per window, then more once the oldest are 10 minutes old", async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < maxDistinctLookups; i += 1) expect(await admitLookup(7, lookup(i), t0 + i)).toBe(true);
    expect(await admitLookup(7, lookup(99), t0 + 100)).toBe(false);
    expect(await admitLookup(7, lookup(0), t0 + 100)).toBe(true);
    expect(await admitLookup(7, lookup(99), t0 + lookupWindowMs + 50)).toBe(true);
  });

  it("knows a person however the page cases or spaces them, under the same interview only", async () => {
    await admitLookup(7, lookup(1), 10);
    await noteCandidate(7, person(1), "CSR", { candidateId: "c1", needsMatch: false });
    const shouted = { firstName: " PAT ", lastName: "LEE1", email: "Pat1@Example.com" };
    expect(await lookedUp(7, shouted, "csr", 20)).toMatchObject({ candidateId: "c1" });
    expect(await lookedUp(7, shouted, "Warehouse", 20)).toBeNull();
    expect(await lookedUp(8, shouted, "CSR", 20)).toBeNull();
    expect(await lookedUp(7, shouted, "CSR", 10 + lookupWindowMs)).toBeNull();
  });

  it("follows a placeholder to the created candidate in every tab, and forgets a closed tab", async () => {
    await admitLookup(7, lookup(1), 10);
    await noteCandidate(7, person(1), "CSR", { candidateId: "new:1", needsMatch: true });
    await moveCandidate("new:1", "c9");
    expect(await lookedUp(7, person(1), "CSR", 20)).toMatchObject({ candidateId: "c9", needsMatch: false });
    expect(await candidateIdsOfTab(7)).toEqual(["c9"]);
    await forgetTabLookups(7);
    expect(await candidateIdsOfTab(7)).toEqual([]);
  });
});
