import type { CreateOptions, NewCandidate, SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { CandidateSummary, JobSummary } from "../smartrecruiters/types";
import type { CreatedMemory } from "./created-candidates";

/** One browser's memory of the candidates it created, in a Map (created-candidates.ts keeps it in storage). */
export function createdMemory(): CreatedMemory {
  const entries = new Map<string, string>();
  const key = (email: string, lastName: string) => `${email.toLowerCase()}|${lastName.toLowerCase()}`;
  return {
    find: async (email, lastName) => {
      const value = entries.get(key(email, lastName));
      return value === undefined ? null : value === "?" ? { unconfirmed: true } : { id: value };
    },
    remember: async (email, lastName, id) => void entries.set(key(email, lastName), id),
    rememberUnconfirmed: async (email, lastName) => void entries.set(key(email, lastName), "?"),
    forget: async (email, lastName) => void entries.delete(key(email, lastName)),
  };
}

export interface FakeOptions {
  /** A create for an existing email + last name: refused with 409 (optionally naming them), or a silent duplicate. */
  createExisting?: "conflict" | "conflict-with-id" | "duplicate";
  /** Search returns only candidates with a job application (as SmartRecruiters documents). */
  searchNeedsApplication?: boolean;
  jobs?: JobSummary[];
}

type FakeCandidate = CandidateSummary & { jobIds?: string[] };

/** An in-memory SmartRecruiters for unit tests of the sync logic (the sandbox server covers HTTP). */
export function fakeClient(seed: FakeCandidate[], options: FakeOptions = {}) {
  const candidates: FakeCandidate[] = seed.map((c) => ({ ...c, tags: [...c.tags] }));
  const calls: string[] = [];
  const byId = (id: string) => {
    const found = candidates.find((c) => c.id === id);
    if (!found) throw new SmartRecruitersError("not-found", "Not found", 404);
    return found;
  };
  const same = (c: FakeCandidate, n: NewCandidate) =>
    c.email.toLowerCase() === n.email.toLowerCase() && c.lastName.toLowerCase() === n.lastName.toLowerCase();
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
      const found = candidates.filter(
        (c) =>
          (!options.searchNeedsApplication || (c.jobIds?.length ?? 0) > 0) &&
          words.some((w) => w && `${c.email} ${c.firstName} ${c.lastName}`.toLowerCase().includes(w)),
      );
      return { candidates: found.map(({ jobIds: _, ...c }) => ({ ...c, tags: [...c.tags] })), nextPageId: null };
    },
    async getCandidate(id) {
      calls.push(`get ${id}`);
      const { jobIds: _, ...found } = byId(id);
      return { ...found, tags: [...found.tags] };
    },
    async createCandidate(candidate: NewCandidate, create: CreateOptions = {}) {
      calls.push(`create ${candidate.email}${create.jobId ? ` for ${create.jobId}` : ""}`);
      const existing = candidates.find((c) => same(c, candidate));
      if (existing && options.createExisting !== "duplicate")
        throw new SmartRecruitersError(
          "conflict",
          "exists",
          409,
          undefined,
          options.createExisting === "conflict-with-id" ? existing.id : undefined,
        );
      const created = { id: `new-${candidates.length}`, ...candidate, tags: [], jobIds: create.jobId ? [create.jobId] : [] };
      candidates.push(created);
      return { id: created.id, ...candidate, tags: [] };
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
    },
    async replaceTags(id, tags) {
      calls.push(`replace-tags ${id} ${JSON.stringify(tags)}`);
      byId(id).tags = [...tags];
    },
    async deleteTags(id) {
      calls.push(`delete-tags ${id}`);
      byId(id).tags = [];
    },
    async searchJobs(title) {
      calls.push(`jobs ${title}`);
      return (options.jobs ?? []).filter((job) => job.title.toLowerCase().includes(title.toLowerCase()));
    },
  };
  return { client, candidates, calls };
}
