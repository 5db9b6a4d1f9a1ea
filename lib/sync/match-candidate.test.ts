import { describe, expect, it } from "vitest";
import { emailQuery, type SmartRecruitersClient } from "../smartrecruiters/client";
import { fakeClient } from "./fake-client";
import { exactMatches, matchCandidate as match, type Person } from "./match-candidate";

const matchCandidate = (client: SmartRecruitersClient, person: Person, createAndUpdate: boolean) =>
  match({ client, search: (email) => client.searchCandidates(emailQuery(email)) }, person, createAndUpdate);

const ann = {
  id: "ann",
  firstName: "Ann",
  lastName: "O'Neil",
  email: "ann.oneil@example.com",
  tags: [],
  createdOn: "2026-01-02",
};
const decoyDomain = { id: "decoy1", firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.org", tags: [] };
const decoyName = { id: "decoy2", firstName: "Annabel", lastName: "Smith", email: "ann.oneil@example.com", tags: [] };
const person = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };

describe("matchCandidate", () => {
  it("searches with the quoted email and keeps only the exact email + last name match", async () => {
    const { client, calls } = fakeClient([decoyDomain, decoyName, ann]);
    const result = await matchCandidate(client, person, false);
    expect(result).toEqual({ status: "found", candidate: ann });
    expect(calls).toEqual(['search "ann.oneil@example.com"']);
  });

  it("matches email case-insensitively and trimmed", async () => {
    const { client } = fakeClient([{ ...ann, email: "Ann.ONeil@Example.com" }]);
    const result = await matchCandidate(client, { ...person, email: "  ann.oneil@example.com " }, false);
    expect(result.status).toBe("found");
  });

  it("picks the oldest of several exact matches, whatever the search order", () => {
    const newer = { ...ann, id: "ann-2", createdOn: "2026-03-01" };
    expect(exactMatches([newer, ann], person)[0]?.id).toBe("ann");
    expect(exactMatches([ann, newer], person)[0]?.id).toBe("ann");
  });

  it("with create-and-update off, never writes: a missing candidate is reported as not found", async () => {
    const { client, calls } = fakeClient([decoyDomain]);
    expect(await matchCandidate(client, person, false)).toEqual({ status: "not-found" });
    expect(calls.some((c) => c.startsWith("create") || c.startsWith("update"))).toBe(false);
  });

  it("with create-and-update on, creates a missing candidate", async () => {
    const { client, candidates } = fakeClient([]);
    const result = await matchCandidate(client, person, true);
    expect(result.status).toBe("created");
    expect(candidates).toHaveLength(1);
  });

  it("with create-and-update on, updates a differing first name", async () => {
    const { client, candidates } = fakeClient([{ ...ann, firstName: "Anne" }]);
    const result = await matchCandidate(client, person, true);
    expect(result.status).toBe("first-name-updated");
    expect(candidates[0]?.firstName).toBe("Ann");
  });

  it("treats a 409 on create as 'exists but hidden' when search still finds nothing", async () => {
    const { client } = fakeClient([], { conflictOnCreate: true });
    expect(await matchCandidate(client, person, true)).toEqual({ status: "hidden" });
  });

  it("cannot match without an email", async () => {
    const { client, calls } = fakeClient([ann]);
    expect(await matchCandidate(client, { ...person, email: null }, true)).toEqual({ status: "no-email" });
    expect(calls).toEqual([]);
  });

  it("never creates the same candidate twice when search cannot see the one it created", async () => {
    const { client, candidates } = fakeClient([]);
    const hiddenFromSearch = async () => [];
    const remembered = new Map<string, string>();
    const created = {
      find: async (email: string, lastName: string) => remembered.get(`${email}|${lastName}`) ?? null,
      remember: async (email: string, lastName: string, id: string) => {
        remembered.set(`${email}|${lastName}`, id);
      },
    };
    const first = await match({ client, search: hiddenFromSearch, created }, person, true);
    const second = await match({ client, search: hiddenFromSearch, created }, person, true);
    expect(first.status).toBe("created");
    expect(second).toMatchObject({ status: "found", candidate: { id: first.status === "created" ? first.candidate.id : "" } });
    expect(candidates).toHaveLength(1);
  });
});
