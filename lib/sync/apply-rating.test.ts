import { describe, expect, it } from "vitest";
import { applyRating } from "./apply-rating";
import { fakeClient } from "./fake-client";

const candidate = (tags: string[]) => ({ id: "c1", firstName: "Ann", lastName: "O'Neil", email: "a@example.com", tags });

describe("applyRating", () => {
  it("adds the rating tag, keeping the other tags", async () => {
    const { client, candidates } = fakeClient([candidate(["bilingual"])]);
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "yes", previousTag: null });
    expect(candidates[0]?.tags).toEqual(["bilingual", "hellohire - csr - yes"]);
  });

  it("does not add a tag that is already there", async () => {
    const { client, calls } = fakeClient([candidate(["hellohire - csr - yes"])]);
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "yes", previousTag: null });
    expect(calls).toEqual(["get-tags c1"]);
  });

  it("replaces only the tag this browser wrote, not a colleague's", async () => {
    const { client, candidates } = fakeClient([candidate(["hellohire - csr - maybe", "hellohire - csr - yes", "vip"])]);
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "no", previousTag: "hellohire - csr - yes" });
    expect(candidates[0]?.tags).toEqual(["hellohire - csr - maybe", "vip", "hellohire - csr - no"]);
  });

  it("removes this browser's tag when the rating is withdrawn", async () => {
    const { client, candidates } = fakeClient([candidate(["vip", "hellohire - csr - yes"])]);
    const result = await applyRating(client, {
      candidateId: "c1",
      interviewName: "CSR",
      rating: null,
      previousTag: "hellohire - csr - yes",
    });
    expect(result).toEqual({ written: null, tags: ["vip"] });
    expect(candidates[0]?.tags).toEqual(["vip"]);
  });

  it("does not take ownership of the same tag a colleague wrote, so withdrawing keeps theirs", async () => {
    const { client, candidates } = fakeClient([candidate(["hellohire - csr - yes"])]);
    const rated = await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "yes", previousTag: null });
    expect(rated.written).toBeNull();
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: null, previousTag: rated.written });
    expect(candidates[0]?.tags).toEqual(["hellohire - csr - yes"]);
  });
});
