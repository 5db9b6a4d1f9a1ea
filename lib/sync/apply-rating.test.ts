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

  it("asks for the tags while the previous tag is still being read, and uses it once read", async () => {
    const { client, candidates, calls } = fakeClient([candidate(["vip", "hellohire - csr - yes"])]);
    let answer: (tag: string | null) => void = () => undefined;
    const previousTag = new Promise<string | null>((resolve) => {
      answer = resolve;
    });
    const applying = applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "no", previousTag });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(["get-tags c1"]);
    answer("hellohire - csr - yes");
    await applying;
    expect(candidates[0]?.tags).toEqual(["vip", "hellohire - csr - no"]);
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

describe("applyRating against colleagues writing at the same moment", () => {
  it("a first rating is one read and one POST; the answer of the POST is not used as the list", async () => {
    const { client, calls } = fakeClient([candidate(["vip"])]);
    const result = await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "yes", previousTag: null });
    expect(calls).toEqual(["get-tags c1", 'add-tags c1 ["hellohire - csr - yes"]']);
    expect(result).toEqual({ written: "hellohire - csr - yes", tags: ["vip", "hellohire - csr - yes"] });
  });

  it("withdrawing the last tag deletes the list instead of PUT {tags: []}", async () => {
    const { client, calls, candidates } = fakeClient([candidate(["hellohire - csr - yes"])]);
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: null, previousTag: "hellohire - csr - yes" });
    expect(calls).toContain("delete-tags c1");
    expect(calls.some((call) => call.startsWith("replace-tags"))).toBe(false);
    expect(candidates[0]?.tags).toEqual([]);
  });

  it("a change reads again after replacing, and puts back a colleague's tag that vanished in between, once", async () => {
    const { client, calls, candidates } = fakeClient([candidate(["colleague", "hellohire - csr - yes"])]);
    const replace = client.replaceTags.bind(client);
    let raced = false;
    client.replaceTags = async (id, tags) => {
      await replace(id, tags);
      // A colleague's stale replace lands right after ours: their view had no "colleague" tag and no change of ours.
      if (!raced) {
        raced = true;
        (candidates[0] as { tags: string[] }).tags = ["hellohire - csr - yes"];
      }
    };
    const result = await applyRating(client, {
      candidateId: "c1",
      interviewName: "CSR",
      rating: "no",
      previousTag: "hellohire - csr - yes",
    });
    expect(candidates[0]?.tags.sort()).toEqual(["colleague", "hellohire - csr - no"]);
    expect(result.written).toBe("hellohire - csr - no");
    expect(calls.filter((call) => call.startsWith("get-tags"))).toHaveLength(2);
    expect(calls.filter((call) => call.startsWith("replace-tags"))).toHaveLength(2);
  });

  it("a tag a colleague added after our replace is kept, and nothing is written again", async () => {
    const { client, calls, candidates } = fakeClient([candidate(["hellohire - csr - yes"])]);
    const replace = client.replaceTags.bind(client);
    client.replaceTags = async (id, tags) => {
      await replace(id, tags);
      candidates[0]?.tags.push("late colleague");
    };
    const result = await applyRating(client, {
      candidateId: "c1",
      interviewName: "CSR",
      rating: "maybe",
      previousTag: "hellohire - csr - yes",
    });
    expect(result.tags).toEqual(["hellohire - csr - maybe", "late colleague"]);
    expect(calls.filter((call) => !call.startsWith("get-tags"))).toEqual(['replace-tags c1 ["hellohire - csr - maybe"]']);
  });

  it("a tag that vanished is put back with POST, never by a second replace", async () => {
    const { client, calls, candidates } = fakeClient([candidate(["colleague", "hellohire - csr - yes"])]);
    const replace = client.replaceTags.bind(client);
    client.replaceTags = async (id, tags) => {
      await replace(id, tags);
      (candidates[0] as { tags: string[] }).tags = ["hellohire - csr - no"];
    };
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: "no", previousTag: "hellohire - csr - yes" });
    expect(candidates[0]?.tags).toEqual(["hellohire - csr - no", "colleague"]);
    expect(calls.at(-1)).toBe('add-tags c1 ["colleague"]');
  });
});

describe("applyRating after a tag write whose answer was lost", () => {
  it("takes the wanted tag found on the candidate as ours, so withdrawing it later removes it", async () => {
    const { client, candidates } = fakeClient([candidate(["hellohire - csr - yes"])]);
    const retried = await applyRating(client, {
      candidateId: "c1",
      interviewName: "CSR",
      rating: "yes",
      previousTag: null,
      afterLostWrite: true,
    });
    expect(retried.written).toBe("hellohire - csr - yes");
    await applyRating(client, { candidateId: "c1", interviewName: "CSR", rating: null, previousTag: retried.written });
    expect(candidates[0]?.tags).toEqual([]);
  });
});
