import { randomUUID } from "node:crypto";
import type { SeedJob } from "../shared/people";
import type { JobStatus, NewSandboxJob, SandboxJob } from "./types";

export const JOB_STATUSES: readonly JobStatus[] = ["CREATED", "SOURCING", "INTERVIEW", "OFFER", "FILLED", "CANCELLED", "ON_HOLD"];

/** Where a candidate inserted through the control API with `hasApplication` and no job applies. */
export const GENERIC_JOB_ID = "job-general";

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === "string" && (JOB_STATUSES as readonly string[]).includes(value);
}

/** The jobs of the sandbox organisation, in insertion order. */
export class JobStore {
  private byId = new Map<string, SandboxJob>();

  constructor(private readonly seed: readonly SeedJob[]) {
    this.reset();
  }

  reset(): void {
    this.byId = new Map(this.seed.map((job) => [job.id, { ...job }]));
  }

  all(): SandboxJob[] {
    return [...this.byId.values()].map((job) => ({ ...job }));
  }

  get(id: string): SandboxJob | undefined {
    const job = this.byId.get(id);
    return job === undefined ? undefined : { ...job };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  insert(input: NewSandboxJob, now = new Date()): SandboxJob {
    const id = input.id ?? `job-${randomUUID()}`;
    const job: SandboxJob = {
      id,
      title: input.title,
      refNumber: input.refNumber ?? `REF-${id.toUpperCase()}`,
      status: input.status ?? "SOURCING",
      createdOn: input.createdOn ?? now.toISOString(),
    };
    this.byId.set(id, job);
    return { ...job };
  }
}
