// @vitest-environment node
import { describe, expect, it } from "vitest";
import { applyRating } from "./apply-rating";
import { ANN_ID, JOSE_ID, useSandbox } from "./sandbox-test-helpers";

const sandbox = useSandbox({ rateLimits: false });

const interviewName = "CSR";
const ours = { yes: "hellohire - csr - yes", maybe: "hellohire - csr - maybe", no: "hellohire - csr - no" } as const;

describe("applyRating against the sandbox", () => {
  it('with tagPost "duplicate", a rating written twice is still there once (tags are read first)', async () => {
    await sandbox.control.setModes({ tagPost: "duplicate" });
    const client = sandbox.client();
    const change = { candidateId: JOSE_ID, interviewName, rating: "yes" as const, previousTag: null };
    expect(await applyRating(client, change)).toEqual({
      written: ours.yes,
      tags: ["bilingual", "hellohire - warehouse - maybe", ours.yes],
    });
    // The same write again (a retry, another tab, or the outbox after a lost answer).
    await applyRating(client, change);
    await applyRating(client, { ...change, previousTag: ours.yes });
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", ours.yes]);
    expect((await sandbox.writes()).map((r) => r.method)).toEqual(["POST"]);
  });

  it("(the sandbox really does duplicate on POST in that mode, so read-first is what prevents it)", async () => {
    await sandbox.control.setModes({ tagPost: "duplicate" });
    const client = sandbox.client();
    await client.addTags(ANN_ID, [ours.yes]);
    await client.addTags(ANN_ID, [ours.yes]);
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes, ours.yes]);
  });

  it("withdrawing the last tag uses DELETE: the sandbox, like SmartRecruiters may, refuses PUT {tags: []}", async () => {
    await sandbox.control.addCandidate({
      id: "only-ours",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim@example.com",
      tags: [ours.yes],
    });
    const result = await applyRating(sandbox.client(), {
      candidateId: "only-ours",
      interviewName,
      rating: null,
      previousTag: ours.yes,
    });
    expect(result).toEqual({ written: null, tags: [] });
    expect(await sandbox.control.tags("only-ours")).toEqual([]);
    expect((await sandbox.writes()).map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 204"]);
  });

  it("a change whose PUT is applied but its answer lost fails as a passing problem; the retry finds the work done", async () => {
    const client = sandbox.client();
    const change = { candidateId: JOSE_ID, interviewName, rating: "no" as const, previousTag: null };
    await applyRating(client, change);
    await sandbox.control.setFaults({ nextApplyThenFail: 1 });
    await expect(applyRating(client, { ...change, rating: "maybe", previousTag: ours.no })).rejects.toMatchObject({
      kind: "server-error",
    });
    const retry = await applyRating(client, { ...change, rating: "maybe", previousTag: ours.no, afterLostWrite: true });
    expect(retry.written).toBe(ours.maybe);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", ours.maybe]);
  });

  it("changing our rating replaces only our previous tag: a colleague's rating and other tags stay", async () => {
    await sandbox.control.addCandidate({
      id: "shared-candidate",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim.lee@example.com",
      tags: ["bilingual", ours.maybe, "hellohire - warehouse - no", ours.yes],
    });
    // Our browser wrote "yes"; a colleague's "maybe" for the same interview is also on the candidate.
    const result = await applyRating(sandbox.client(), {
      candidateId: "shared-candidate",
      interviewName,
      rating: "no",
      previousTag: ours.yes,
    });
    const expected = ["bilingual", ours.maybe, "hellohire - warehouse - no", ours.no];
    expect(result).toEqual({ written: ours.no, tags: expected });
    expect(await sandbox.control.tags("shared-candidate")).toEqual(expected);
    expect((await sandbox.writes()).map((r) => r.method)).toEqual(["PUT"]);
  });

  it("changing to the colleague's rating keeps a single copy of it and drops ours", async () => {
    await sandbox.control.addCandidate({
      id: "shared-candidate",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim.lee@example.com",
      tags: [ours.maybe, ours.yes],
    });
    const result = await applyRating(sandbox.client(), {
      candidateId: "shared-candidate",
      interviewName,
      rating: "maybe",
      previousTag: ours.yes,
    });
    // The "maybe" tag was the colleague's: we do not take it over, so withdrawing later keeps it.
    expect(result).toEqual({ written: null, tags: [ours.maybe] });
    expect(await sandbox.control.tags("shared-candidate")).toEqual([ours.maybe]);
  });

  it("withdrawing our rating removes only our tag", async () => {
    await sandbox.control.addCandidate({
      id: "shared-candidate",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim.lee@example.com",
      tags: ["bilingual", ours.no, ours.maybe],
    });
    const result = await applyRating(sandbox.client(), {
      candidateId: "shared-candidate",
      interviewName,
      rating: null,
      previousTag: ours.no,
    });
    expect(result).toEqual({ written: null, tags: ["bilingual", ours.maybe] });
    expect(await sandbox.control.tags("shared-candidate")).toEqual(["bilingual", ours.maybe]);
  });

  it("withdrawing when our tag is already gone (or we never wrote one) writes nothing", async () => {
    const client = sandbox.client();
    expect(await applyRating(client, { candidateId: JOSE_ID, interviewName, rating: null, previousTag: ours.no })).toEqual({
      written: null,
      tags: ["bilingual", "hellohire - warehouse - maybe"],
    });
    expect(await applyRating(client, { candidateId: JOSE_ID, interviewName, rating: null, previousTag: null })).toMatchObject({
      written: null,
    });
    expect(await sandbox.writes()).toEqual([]);
  });

  it("a rating of a candidate SmartRecruiters does not have fails with not-found and writes nothing", async () => {
    await expect(
      applyRating(sandbox.client(), { candidateId: "gone", interviewName, rating: "yes", previousTag: null }),
    ).rejects.toMatchObject({ kind: "not-found" });
    expect(await sandbox.writes()).toEqual([]);
  });
});
