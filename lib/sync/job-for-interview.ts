import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { JobSummary } from "../smartrecruiters/types";
import { normaliseText } from "./same-text";

/**
 * Where a candidate the extension creates goes: the interview's SmartRecruiters job (so every
 * interviewer's search finds them), or, when no job is known, the talent pool with the reason.
 */
export type JobChoice =
  | { kind: "job"; jobId: string; title: string | null; source: "policy" | "title" }
  | {
      kind: "none";
      /**
       * no-title: the page shows no job title; no-match: no open job has that title; ambiguous: several
       * open jobs have it; no-access: the sign-in may not read jobs; unavailable: SmartRecruiters refused the search.
       */
      why: "no-title" | "no-match" | "ambiguous" | "no-access" | "unavailable";
      title: string | null;
    };

/** SmartRecruiters' job statuses that take applications (FILLED, CANCELLED, ON_HOLD and drafts do not). */
const openStatuses = new Set(["SOURCING", "INTERVIEW", "OFFER"]);

/** The one open job whose title is exactly the page's (case and spacing ignored), or why there is none. */
export function pickJob(jobs: JobSummary[], title: string): JobChoice {
  const wanted = normaliseText(title);
  const open = jobs.filter((job) => openStatuses.has(job.status.toUpperCase()) && normaliseText(job.title) === wanted);
  const [only] = open;
  if (!only) return { kind: "none", why: "no-match", title };
  if (open.length > 1) return { kind: "none", why: "ambiguous", title };
  return { kind: "job", jobId: only.id, title: only.title, source: "title" };
}

export interface JobFinderDeps {
  /** The job the organisation's policy maps this interview to (jobByInterview), if any. */
  mappedJob(interviewName: string): Promise<string | null>;
  /** Whether the sign-in may read jobs (the `jobs_read` scope). */
  canReadJobs(): Promise<boolean>;
  searchJobs(titleWords: string): Promise<JobSummary[]>;
  now?(): number;
}

const jobTtlMs = 30 * 60_000;

/**
 * Finds the interview's job: the policy's mapping first, else one `GET /jobs?q=<title>` per
 * interview and title, cached for half an hour. A passing failure is thrown (the caller retries;
 * creating the candidate in the talent pool instead would hide them from everyone's search).
 */
export function createJobFinder(deps: JobFinderDeps) {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, { at: number; choice: Promise<JobChoice> }>();

  async function search(title: string): Promise<JobChoice> {
    if (!(await deps.canReadJobs())) return { kind: "none", why: "no-access", title };
    try {
      return pickJob(await deps.searchJobs(title), title);
    } catch (error) {
      if (!(error instanceof SmartRecruitersError) || error.transient || error.kind === "not-connected") throw error;
      return { kind: "none", why: error.kind === "access-denied" ? "no-access" : "unavailable", title };
    }
  }

  return {
    async find(interviewName: string, jobTitle: string | null): Promise<JobChoice> {
      const mapped = await deps.mappedJob(interviewName);
      if (mapped) return { kind: "job", jobId: mapped, title: null, source: "policy" };
      const title = jobTitle?.trim() ?? "";
      if (!title) return { kind: "none", why: "no-title", title: null };
      const key = normaliseText(title);
      const cached = cache.get(key);
      if (cached && now() - cached.at < jobTtlMs) return cached.choice;
      const choice = search(title);
      cache.set(key, { at: now(), choice });
      choice.catch(() => cache.delete(key));
      return choice;
    },
    clear: () => cache.clear(),
  };
}

export type JobFinder = ReturnType<typeof createJobFinder>;
