import { randomUUID } from "node:crypto";
import type { SeedCandidate } from "../shared/people";
import type { SandboxApplication, SandboxCandidate } from "./types";

/** A candidate as stored: the control API's view adds the derived hasApplication and primaryJob. */
export type StoredCandidate = Omit<SandboxCandidate, "hasApplication" | "primaryJob">;

export interface CandidateInput {
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  tags?: readonly string[];
  applications?: readonly SandboxApplication[];
  sourceDetails?: Record<string, unknown>;
}

export interface CandidatePatch {
  firstName?: string;
  lastName?: string;
  email?: string;
}

function sameIdentity(a: { email: string; lastName: string }, email: string, lastName: string): boolean {
  return (
    a.email.trim().toLowerCase() === email.trim().toLowerCase() &&
    a.lastName.trim().toLowerCase() === lastName.trim().toLowerCase()
  );
}

/** Fixed, distinct timestamps for seed candidates, so that responses are reproducible. */
function seedTimestamp(index: number): string {
  return new Date(Date.UTC(2024, 0, 15, 9, index)).toISOString();
}

function copy(record: StoredCandidate): StoredCandidate {
  const copied: StoredCandidate = {
    ...record,
    tags: [...record.tags],
    applications: record.applications.map((application) => ({ ...application })),
  };
  if (record.sourceDetails !== undefined) {
    copied.sourceDetails = { ...record.sourceDetails };
  }
  return copied;
}

export type MergeOutcome = { ok: true; survivor: StoredCandidate } | { ok: false; missing: string };

/** The candidates of the sandbox organisation, in insertion order. */
export class CandidateStore {
  private byId = new Map<string, StoredCandidate>();

  constructor(private readonly seed: readonly SeedCandidate[]) {
    this.reset();
  }

  reset(): void {
    this.byId = new Map();
    this.seed.forEach((candidate, index) => {
      const stamp = seedTimestamp(index);
      this.byId.set(candidate.id, {
        id: candidate.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        email: candidate.email,
        tags: [...candidate.tags],
        applications: candidate.applications.map((application) => ({ ...application, appliedOn: stamp })),
        createdOn: stamp,
        updatedOn: stamp,
      });
    });
  }

  all(): StoredCandidate[] {
    return [...this.byId.values()].map(copy);
  }

  get(id: string): StoredCandidate | undefined {
    const record = this.byId.get(id);
    return record === undefined ? undefined : copy(record);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Another candidate with the same email (case-insensitive) and last name. */
  findConflict(email: string, lastName: string, exceptId?: string): StoredCandidate | undefined {
    return this.all().find((c) => c.id !== exceptId && sameIdentity(c, email, lastName));
  }

  insert(input: CandidateInput, now = new Date()): StoredCandidate {
    const stamp = now.toISOString();
    const record: StoredCandidate = {
      id: input.id ?? randomUUID(),
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      tags: [...(input.tags ?? [])],
      applications: (input.applications ?? []).map((application) => ({ ...application })),
      createdOn: stamp,
      updatedOn: stamp,
    };
    if (input.sourceDetails !== undefined) {
      record.sourceDetails = { ...input.sourceDetails };
    }
    this.byId.set(record.id, record);
    return copy(record);
  }

  update(id: string, patch: CandidatePatch, now = new Date()): StoredCandidate | undefined {
    const record = this.byId.get(id);
    if (record === undefined) {
      return undefined;
    }
    if (patch.firstName !== undefined) {
      record.firstName = patch.firstName;
    }
    if (patch.lastName !== undefined) {
      record.lastName = patch.lastName;
    }
    if (patch.email !== undefined) {
      record.email = patch.email;
    }
    record.updatedOn = now.toISOString();
    return copy(record);
  }

  setTags(id: string, tags: readonly string[], now = new Date()): StoredCandidate | undefined {
    const record = this.byId.get(id);
    if (record === undefined) {
      return undefined;
    }
    record.tags = [...tags];
    record.updatedOn = now.toISOString();
    return copy(record);
  }

  delete(id: string): boolean {
    return this.byId.delete(id);
  }

  /**
   * Merges `fromId` into `intoId` as a recruiter would: `fromId` disappears; the survivor keeps its
   * own fields and gets the union of both's tags and applications (its own first).
   */
  merge(fromId: string, intoId: string, now = new Date()): MergeOutcome {
    const from = this.byId.get(fromId);
    const into = this.byId.get(intoId);
    if (from === undefined) {
      return { ok: false, missing: fromId };
    }
    if (into === undefined) {
      return { ok: false, missing: intoId };
    }
    into.tags = [...into.tags, ...from.tags.filter((tag) => !into.tags.includes(tag))];
    const jobs = new Set(into.applications.map((application) => application.jobId));
    into.applications = [...into.applications, ...from.applications.filter((application) => !jobs.has(application.jobId))];
    into.updatedOn = now.toISOString();
    this.byId.delete(fromId);
    return { ok: true, survivor: copy(into) };
  }
}
