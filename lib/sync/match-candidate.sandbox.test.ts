// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { SandboxModes } from "../../test/sandbox/types";
import { type HellohirePerson, hellohireQueue } from "../../test/shared/people";
import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { createdMemory } from "./fake-client";
import { createJobFinder } from "./job-for-interview";
import { type MatchResult, matchCandidate, type Person } from "./match-candidate";
import { ANN_ID, JOSE_ID, MARY_ID, useSandbox } from "./sandbox-test-helpers";
import { searchByEmail } from "./search-by-email";
import { createSearchCache } from "./search-cache";

const sandbox = useSandbox({ rateLimits: false });

function hellohire(key: string): Person {
  const person = hellohireQueue.find((p: HellohirePerson) => p.key === key);
  if (!person) throw new Error(`No Hellohire person ${key}`);
  return { firstName: person.firstName, lastName: person.lastName, email: person.email };
}

/**
 * One interviewer's browser as the service wires it: a search cache over the paging search, the
 * memory of what it created, and the job finder, on a real client. `jobTitle` is what the page shows.
 */
function browser(options: { jobTitle?: string | null; client?: SmartRecruitersClient } = {}) {
  const client = options.client ?? sandbox.client();
  const cache = createSearchCache((email) => searchByEmail(client, email), { ttlMs: 60_000 });
  const created = createdMemory();
  const jobs = createJobFinder({
    mappedJob: async () => null,
    canReadJobs: async () => true,
    searchJobs: (t) => client.searchJobs(t),
  });
  const jobTitle = options.jobTitle === undefined ? "Customer Service Representative" : options.jobTitle;
  return (person: Person, createAndUpdate: boolean): Promise<MatchResult> =>
    matchCandidate(
      { client, search: cache.search, forget: cache.forget, created, job: () => jobs.find("CSR", jobTitle) },
      person,
      createAndUpdate,
    );
}

const li = () => hellohire("li");
const lis = async () => (await sandbox.control.candidates()).filter((c) => c.email === "li.wei@example.com");

describe("matchCandidate against the sandbox's seeded candidates (reference defaults)", () => {
  it("picks Ann by exact email + last name among the fuzzy results, one search of 100", async () => {
    const result = await browser()(hellohire("ann"), false);
    expect(result).toMatchObject({ status: "found", candidate: { id: ANN_ID, lastName: "O'Neil" } });
    const searches = await sandbox.apiRequests();
    expect(searches).toHaveLength(1);
    expect(searches[0]?.query).toEqual({ q: '"ann.oneil@example.com"', limit: "100" });
  });

  it("finds José whatever the case of his email in SmartRecruiters", async () => {
    expect(await browser()(hellohire("jose"), false)).toMatchObject({ status: "found", candidate: { id: JOSE_ID } });
  });

  it("does not take a candidate with the same email but another last name; without an email asks nothing", async () => {
    expect(await browser()({ firstName: "Ann", lastName: "Jones", email: "ann.oneil@example.com" }, false)).toEqual({
      status: "not-found",
    });
    await sandbox.control.clearRequests();
    expect(await browser()(hellohire("sam"), true)).toEqual({ status: "no-email" });
    expect(await sandbox.apiRequests()).toEqual([]);
  });

  it("with create-and-update off, never writes; Mary, in the talent pool only, cannot be found", async () => {
    const match = browser();
    expect(await match(li(), false)).toEqual({ status: "not-found" });
    expect(await match(hellohire("maryjane"), false)).toEqual({ status: "not-found" });
    expect(await sandbox.writes()).toEqual([]);
  });

  it("with create-and-update on, updates a differing first name (on a candidate search can find)", async () => {
    await sandbox.control.addCandidate({ firstName: "Lee", lastName: "Wei", email: "li.wei@example.com" });
    expect(await browser()(li(), true)).toMatchObject({ status: "first-name-updated", candidate: { firstName: "Li" } });
    expect((await sandbox.writes()).map((r) => r.method)).toEqual(["PATCH"]);
  });
});

describe("a candidate every interviewer can find", () => {
  it("is created for the interview's open job (not the filled one of the same title); a second browser finds them", async () => {
    const first = await browser()(li(), true);
    expect(first).toMatchObject({ status: "created", job: { kind: "job", jobId: "job-csr-1" } });
    const jobsCall = (await sandbox.control.requests()).find((r) => r.path === "/jobs");
    expect(jobsCall?.query.q).toBe("Customer Service Representative");
    const second = await browser()(li(), true);
    expect(second).toMatchObject({ status: "found", candidate: { id: first.status === "created" ? first.candidate.id : "" } });
    expect(await lis()).toHaveLength(1);
    expect((await lis())[0]?.applications?.map((a) => a.jobId)).toEqual(["job-csr-1"]);
  });

  it("without a known job goes to the talent pool: a second browser cannot find them and never creates another", async () => {
    const first = await browser({ jobTitle: null })(li(), true);
    expect(first).toMatchObject({ status: "created", job: { kind: "none", why: "no-title" } });
    expect(await browser({ jobTitle: null })(li(), true)).toMatchObject({ status: "hidden", cause: "talent-pool" });
    expect(await lis()).toHaveLength(1);
  });

  it("two open jobs with the page's title is no job: the talent pool, said as ambiguous", async () => {
    expect(await browser({ jobTitle: "warehouse  associate" })(li(), true)).toMatchObject({
      status: "created",
      job: { kind: "none", why: "ambiguous", title: "warehouse  associate" },
    });
  });

  it.each([
    ["conflict", { status: "hidden", cause: "talent-pool" }, 1],
    ["conflict-with-id", { status: "first-name-updated", candidate: { id: MARY_ID, firstName: "Mary Jane" } }, 1],
  ] as const)('Mary exists in the talent pool only; createExisting "%s": %o, %i Mary', async (mode, expected, count) => {
    await sandbox.control.setModes({ createExisting: mode });
    expect(await browser()(hellohire("maryjane"), true)).toMatchObject(expected);
    expect((await sandbox.control.candidates()).filter((c) => c.lastName === "van der Berg")).toHaveLength(count);
  });
});

describe("never two candidates for one email + last name when a create's answer is lost", () => {
  const modes: SandboxModes["createExisting"][] = ["conflict", "conflict-with-id", "duplicate"];
  for (const createExisting of modes)
    for (const applyThenFailWith of ["error", "drop"] as const)
      it(`createExisting "${createExisting}", applied then ${applyThenFailWith}: for a job, one Li, found by the search that follows`, async () => {
        await sandbox.control.setModes({ createExisting });
        await sandbox.control.setFaults({ nextApplyThenFail: 1, applyThenFailWith });
        const result = await browser()(li(), true);
        const [only, ...others] = await lis();
        expect(others).toEqual([]);
        expect(result).toMatchObject({ status: "created", candidate: { id: only?.id } });
        expect((await sandbox.writes()).filter((r) => r.method === "POST")).toHaveLength(1);
        // Another browser, or this one later: the same Li, no create.
        expect(await browser()(li(), true)).toMatchObject({ status: "found", candidate: { id: only?.id } });
        expect(await lis()).toHaveLength(1);
      });

  it('in the talent pool ("duplicate" mode), applied then failed: unconfirmed, and never sent again by this browser', async () => {
    await sandbox.control.setModes({ createExisting: "duplicate" });
    await sandbox.control.setFaults({ nextApplyThenFail: 1 });
    const match = browser({ jobTitle: null });
    expect(await match(li(), true)).toMatchObject({ status: "hidden", cause: "unconfirmed" });
    expect(await match(li(), true)).toMatchObject({ status: "hidden", cause: "unconfirmed" });
    expect(await lis()).toHaveLength(1);
  });

  it("a create that failed without being applied is retried by the next lookup, after a search", async () => {
    const client = sandbox.client();
    const create = client.createCandidate.bind(client);
    let failNext = true;
    client.createCandidate = async (candidate, options) => {
      if (failNext) await sandbox.control.setFaults({ nextErrors: [503] });
      failNext = false;
      return create(candidate, options);
    };
    const match = browser({ client });
    await expect(match(li(), true)).rejects.toMatchObject({ kind: "server-error" });
    expect(await match(li(), true)).toMatchObject({ status: "created" });
    expect(await lis()).toHaveLength(1);
    expect((await sandbox.apiRequests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /candidates 200",
      "GET /jobs 200",
      "POST /jobs/job-csr-1/candidates 503",
      // The search that follows the lost answer: no Li, so the next lookup may create.
      "GET /candidates 200",
      "POST /jobs/job-csr-1/candidates 201",
    ]);
  });
});
