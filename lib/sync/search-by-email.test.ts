import { describe, expect, it } from "vitest";
import type { SmartRecruitersClient } from "../smartrecruiters/client";
import type { CandidateSummary } from "../smartrecruiters/types";
import { fakeClient } from "./fake-client";
import { searchByEmail } from "./search-by-email";

const someone = (n: number, email = `other${n}@example.com`): CandidateSummary => ({
  id: `c${n}`,
  firstName: "Ann",
  lastName: "Lee",
  email,
  tags: [],
});

/** A client whose search answers pages of the given candidates, following pageId. */
function paged(pages: CandidateSummary[][]): { client: SmartRecruitersClient; asked: (string | null)[] } {
  const { client } = fakeClient([]);
  const asked: (string | null)[] = [];
  client.searchCandidates = async (_query, options = {}) => {
    asked.push(options.pageId ?? null);
    const index = options.pageId ? Number(options.pageId) : 0;
    return { candidates: pages[index] ?? [], nextPageId: index + 1 < pages.length ? String(index + 1) : null };
  };
  return { client, asked };
}

describe("searchByEmail", () => {
  it("follows nextPageId until a candidate with exactly that email shows up", async () => {
    const { client, asked } = paged([[someone(1)], [someone(2)], [someone(3, "ANN@example.com")], [someone(4)]]);
    const seen = await searchByEmail(client, "ann@example.com");
    expect(asked).toEqual([null, "1", "2"]);
    expect(seen.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
  });

  it("reads at most five pages", async () => {
    const { client, asked } = paged(Array.from({ length: 9 }, (_, n) => [someone(n)]));
    await searchByEmail(client, "ann@example.com");
    expect(asked).toHaveLength(5);
  });
});
