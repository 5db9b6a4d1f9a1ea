import type { NewCandidate, SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { CandidateSummary } from "../smartrecruiters/types";

/** An in-memory SmartRecruiters for unit tests of the sync logic (the sandbox server covers HTTP). */
export function fakeClient(seed: CandidateSummary[], options: { conflictOnCreate?: boolean } = {}) {
  const candidates = seed.map((c) => ({ ...c, tags: [...c.tags] }));
  const calls: string[] = [];
  const byId = (id: string) => {
    const found = candidates.find((c) => c.id === id);
    if (!found) throw new SmartRecruitersError("not-found", "Not found", 404);
    return found;
  };
  const client: SmartRecruitersClient = {
    async currentUser() {
      calls.push("me");
      return { firstName: "Sam", lastName: "Rivera", email: "sam.rivera@example.com" };
    },
    async searchCandidates(query) {
      calls.push(`search ${query}`);
      const words = query
        .replaceAll('"', "")
        .toLowerCase()
        .split(/[@.\s]+/u);
      return candidates.filter((c) =>
        words.some((w) => w && `${c.email} ${c.firstName} ${c.lastName}`.toLowerCase().includes(w)),
      );
    },
    async getCandidate(id) {
      calls.push(`get ${id}`);
      return byId(id);
    },
    async createCandidate(candidate: NewCandidate) {
      calls.push(`create ${candidate.email}`);
      if (options.conflictOnCreate) throw new SmartRecruitersError("conflict", "exists", 409);
      const created = { id: `new-${candidates.length}`, ...candidate, tags: [] };
      candidates.push(created);
      return created;
    },
    async updateCandidate(id, changes) {
      calls.push(`update ${id} ${JSON.stringify(changes)}`);
      return Object.assign(byId(id), changes);
    },
    async getTags(id) {
      calls.push(`get-tags ${id}`);
      return [...byId(id).tags];
    },
    async addTags(id, tags) {
      calls.push(`add-tags ${id} ${JSON.stringify(tags)}`);
      byId(id).tags.push(...tags);
      return [...byId(id).tags];
    },
    async replaceTags(id, tags) {
      calls.push(`replace-tags ${id} ${JSON.stringify(tags)}`);
      byId(id).tags = [...tags];
      return [...tags];
    },
  };
  return { client, candidates, calls };
}
