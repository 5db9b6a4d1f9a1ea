import { randomUUID } from "node:crypto";
import type { SeedCandidate } from "../shared/people";
import type { NewSandboxCandidate, SandboxCandidate } from "./types";

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

/** The candidates of the sandbox organisation, in insertion order. */
export class CandidateStore {
  private byId = new Map<string, SandboxCandidate>();

  constructor(private readonly seed: readonly SeedCandidate[]) {
    this.reset();
  }

  reset(): void {
    this.byId = new Map();
    this.seed.forEach((candidate, index) => {
      const stamp = seedTimestamp(index);
      const record: SandboxCandidate = {
        id: candidate.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        email: candidate.email,
        tags: [...candidate.tags],
        hasApplication: candidate.hasApplication,
        createdOn: stamp,
        updatedOn: stamp,
      };
      if (candidate.primaryJob !== undefined) {
        record.primaryJob = { ...candidate.primaryJob };
      }
      this.byId.set(record.id, record);
    });
  }

  all(): SandboxCandidate[] {
    return [...this.byId.values()];
  }

  get(id: string): SandboxCandidate | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Another candidate with the same email (case-insensitive) and last name. */
  findConflict(email: string, lastName: string, exceptId?: string): SandboxCandidate | undefined {
    return this.all().find((c) => c.id !== exceptId && sameIdentity(c, email, lastName));
  }

  insert(input: NewSandboxCandidate, now = new Date()): SandboxCandidate {
    const stamp = now.toISOString();
    const record: SandboxCandidate = {
      id: input.id ?? randomUUID(),
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      tags: [...(input.tags ?? [])],
      hasApplication: input.hasApplication ?? true,
      createdOn: stamp,
      updatedOn: stamp,
    };
    if (input.primaryJob !== undefined) {
      record.primaryJob = { ...input.primaryJob };
    }
    if (input.sourceDetails !== undefined) {
      record.sourceDetails = { ...input.sourceDetails };
    }
    this.byId.set(record.id, record);
    return record;
  }

  update(id: string, patch: CandidatePatch, now = new Date()): SandboxCandidate | undefined {
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
    return record;
  }

  setTags(id: string, tags: readonly string[], now = new Date()): SandboxCandidate | undefined {
    const record = this.byId.get(id);
    if (record === undefined) {
      return undefined;
    }
    record.tags = [...tags];
    record.updatedOn = now.toISOString();
    return record;
  }
}
