import { describe, expect, it, vi } from "vitest";
import { emailQuery, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { createdMemory, fakeClient } from "./fake-client";
import { exactMatches, matchCandidate as match, type Person } from "./match-candidate";

const search = (client: SmartRecruitersClient) => async (email: string) =>
  (await client.searchCandidates(emailQuery(email))).candidates;
const matchCandidate = (client: SmartRecruitersClient, person: Person, createAndUpdate: boolean) =>
  match({ client, search: search(client) }, person, createAndUpdate);

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

  it("treats a 409 on create as 'in the talent pool only' when search still finds nothing", async () => {
    const { client, calls } = fakeClient([{ ...ann, jobIds: [] }], { searchNeedsApplication: true });
    expect(await matchCandidate(client, person, true)).toEqual({
      status: "hidden",
      cause: "talent-pool",
      job: { kind: "none", why: "no-title", title: null },
    });
    expect(calls.filter((call) => call.startsWith("search"))).toHaveLength(2);
  });

  it("cannot match without an email", async () => {
    const { client, calls } = fakeClient([ann]);
    expect(await matchCandidate(client, { ...person, email: null }, true)).toEqual({ status: "no-email" });
    expect(calls).toEqual([]);
  });

  it("never creates the same candidate twice when search cannot see the one it created", async () => {
    const { client, candidates } = fakeClient([]);
    const hiddenFromSearch = async () => [];
    const created = createdMemory();
    const first = await match({ client, search: hiddenFromSearch, created }, person, true);
    const second = await match({ client, search: hiddenFromSearch, created }, person, true);
    expect(first.status).toBe("created");
    expect(second).toMatchObject({ status: "found", candidate: { id: first.status === "created" ? first.candidate.id : "" } });
    expect(candidates).toHaveLength(1);
  });
});

describe("matchCandidate: creation every interviewer can find, never twice", () => {
  const csr = { kind: "job" as const, jobId: "job-csr-1", title: "Customer Service Representative", source: "title" as const };
  const lostAnswer = (client: SmartRecruitersClient) => {
    const create = client.createCandidate.bind(client);
    client.createCandidate = async (candidate, options) => {
      await create(candidate, options);
      throw new SmartRecruitersError("server-error", "500", 500);
    };
  };

  it("creates a missing candidate for the interview's job, so search finds them next time", async () => {
    const { client, calls } = fakeClient([], { searchNeedsApplication: true });
    const first = await match({ client, search: search(client), job: async () => csr }, person, true);
    expect(first).toMatchObject({ status: "created", job: csr });
    expect(calls).toContain("create ann.oneil@example.com for job-csr-1");
    const second = await match({ client, search: search(client), job: async () => csr }, person, true);
    expect(second.status).toBe("found");
  });

  it("sends the policy's sourceDetails with the create", async () => {
    const { client } = fakeClient([]);
    const create = vi.spyOn(client, "createCandidate");
    const sourceDetails = { sourceTypeId: "t", sourceSubTypeId: "s", sourceId: "i" };
    await match({ client, search: search(client), sourceDetails }, person, true);
    expect(create.mock.calls[0]?.[1]).toEqual({ jobId: null, sourceDetails });
  });

  it("asks for the job only when it is about to create", async () => {
    const { client } = fakeClient([{ ...ann, jobIds: ["x"] }]);
    const job = vi.fn(async () => csr);
    await match({ client, search: search(client), job }, person, true);
    expect(job).not.toHaveBeenCalled();
  });

  it("a 409 naming the existing candidate reads them and uses them when email and last name agree", async () => {
    const { client, calls } = fakeClient([{ ...ann, jobIds: [] }], {
      createExisting: "conflict-with-id",
      searchNeedsApplication: true,
    });
    const created = createdMemory();
    expect(await match({ client, search: search(client), created }, person, true)).toMatchObject({
      status: "found",
      candidate: { id: "ann" },
    });
    expect(calls).toContain("get ann");
    expect(await created.find(person.email, person.lastName)).toEqual({ id: "ann" });
  });

  it("a create for a job whose answer was lost is followed by a search, never a second create (duplicates accepted)", async () => {
    const { client, calls, candidates } = fakeClient([], { createExisting: "duplicate", searchNeedsApplication: true });
    lostAnswer(client);
    const result = await match({ client, search: search(client), job: async () => csr }, person, true);
    expect(result).toMatchObject({ status: "created", candidate: { id: "new-0" } });
    expect(candidates).toHaveLength(1);
    expect(calls.filter((call) => call.startsWith("create"))).toHaveLength(1);
  });

  it("a talent-pool create whose answer was lost is never sent again: unconfirmed, also on the next lookup", async () => {
    const { client, calls, candidates } = fakeClient([], { createExisting: "duplicate", searchNeedsApplication: true });
    lostAnswer(client);
    const created = createdMemory();
    const first = await match({ client, search: search(client), created }, person, true);
    expect(first).toMatchObject({ status: "hidden", cause: "unconfirmed" });
    const second = await match({ client, search: search(client), created }, person, true);
    expect(second).toMatchObject({ status: "hidden", cause: "unconfirmed" });
    expect(candidates).toHaveLength(1);
    expect(calls.filter((call) => call.startsWith("create"))).toHaveLength(1);
  });

  it("a first-name update that meets a merged candidate (404) searches again once and updates the survivor", async () => {
    const { client, candidates } = fakeClient([{ ...ann, firstName: "Anne" }]);
    const update = client.updateCandidate.bind(client);
    let merged = false;
    client.updateCandidate = async (id, changes) => {
      if (!merged) {
        merged = true;
        candidates.splice(0, 1, { ...ann, id: "survivor", firstName: "Anne" });
      }
      return update(id, changes);
    };
    let searches = 0;
    const counting = async (email: string) => {
      searches += 1;
      return search(client)(email);
    };
    const result = await match({ client, search: counting }, person, true);
    expect(result).toMatchObject({ status: "first-name-updated", candidate: { id: "survivor", firstName: "Ann" } });
    expect(searches).toBe(2);
  });

  it("a remembered candidate that was deleted is forgotten and created again", async () => {
    const { client, calls } = fakeClient([]);
    const created = createdMemory();
    await created.remember(person.email, person.lastName, "deleted-id");
    const result = await match({ client, search: async () => [], created }, person, true);
    expect(result.status).toBe("created");
    expect(calls.slice(0, 2)).toEqual(["get deleted-id", "create ann.oneil@example.com"]);
  });
});
