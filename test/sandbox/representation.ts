import type { StoredCandidate } from "./store";
import type { SandboxCandidate, SandboxJob } from "./types";

/** JSON shapes of candidates and jobs as the SmartRecruiters API returns them (list.json / retrieve.json). */

interface Action {
  url: string;
  method: "GET";
}

/** Finds a job by id (the job store's get). */
export type JobLookup = (id: string) => SandboxJob | undefined;

function action(origin: string, path: string): Action {
  return { url: `${origin}${path}`, method: "GET" };
}

function candidatePath(candidate: StoredCandidate): string {
  return `/candidates/${encodeURIComponent(candidate.id)}`;
}

function jobPath(id: string): string {
  return `/jobs/${encodeURIComponent(id)}`;
}

interface Primary {
  job: { id: string; title: string };
  status: string;
}

/** The first application, with its job's title (an application to a job that is gone shows its id). */
function primary(candidate: StoredCandidate, jobs: JobLookup): Primary | undefined {
  const first = candidate.applications[0];
  if (first === undefined) {
    return undefined;
  }
  return { job: { id: first.jobId, title: jobs(first.jobId)?.title ?? first.jobId }, status: first.status };
}

/** The control API's view of a stored candidate. */
export function toControlView(candidate: StoredCandidate, jobs: JobLookup): SandboxCandidate {
  const first = primary(candidate, jobs);
  return {
    ...candidate,
    hasApplication: candidate.applications.length > 0,
    ...(first === undefined ? {} : { primaryJob: { id: first.job.id, title: first.job.title, status: first.status } }),
  };
}

/** An item of `content` in GET /candidates. */
export function toSummary(candidate: StoredCandidate, origin: string, jobs: JobLookup): Record<string, unknown> {
  const path = candidatePath(candidate);
  const first = primary(candidate, jobs);
  return {
    id: candidate.id,
    internal: false,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    createdOn: candidate.createdOn,
    updatedOn: candidate.updatedOn,
    averageRating: 0,
    tags: [...candidate.tags],
    consent: { status: "NOT_REQUIRED" },
    ...(first === undefined
      ? {}
      : {
          primaryAssignment: {
            job: { ...first.job, actions: { details: action(origin, jobPath(first.job.id)) } },
            status: first.status,
          },
        }),
    secondaryAssignments: [],
    actions: {
      details: action(origin, path),
      properties: action(origin, `${path}/properties`),
    },
  };
}

/** CandidateDetails: GET /candidates/{id}, both creates, PATCH /candidates/{id}. */
export function toDetails(candidate: StoredCandidate, origin: string, jobs: JobLookup): Record<string, unknown> {
  const path = candidatePath(candidate);
  const first = primary(candidate, jobs);
  const others = candidate.applications.slice(1);
  return {
    id: candidate.id,
    internal: false,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    createdOn: candidate.createdOn,
    updatedOn: candidate.updatedOn,
    tags: [...candidate.tags],
    averageRating: 0,
    education: [],
    experience: [],
    ...(first === undefined
      ? {}
      : {
          primaryAssignment: {
            job: {
              ...first.job,
              actions: {
                details: action(origin, jobPath(first.job.id)),
                positionDetails: action(origin, `${jobPath(first.job.id)}/positions`),
              },
            },
            status: first.status,
            source: "Sandbox",
            actions: { sourceDetails: action(origin, `${path}/jobs/${encodeURIComponent(first.job.id)}/source`) },
          },
        }),
    secondaryAssignments: others.map((application) => ({
      job: {
        id: application.jobId,
        title: jobs(application.jobId)?.title ?? application.jobId,
        actions: { details: action(origin, jobPath(application.jobId)) },
      },
      status: application.status,
    })),
    actions: {
      properties: action(origin, `${path}/properties`),
      attachments: action(origin, `${path}/attachments`),
      consent: action(origin, `${path}/consent`),
      consents: action(origin, `${path}/consents`),
    },
  };
}

/** An item of `content` in GET /jobs. */
export function toJobSummary(job: SandboxJob, origin: string): Record<string, unknown> {
  return {
    id: job.id,
    title: job.title,
    refNumber: job.refNumber,
    createdOn: job.createdOn,
    updatedOn: job.createdOn,
    status: job.status,
    postingStatus: job.status === "SOURCING" ? "PUBLIC" : "NOT_PUBLISHED",
    actions: { details: action(origin, jobPath(job.id)) },
  };
}

/** GET /jobs/{id}. */
export function toJobDetails(job: SandboxJob, origin: string): Record<string, unknown> {
  return {
    ...toJobSummary(job, origin),
    actions: {
      candidates: action(origin, `${jobPath(job.id)}/candidates`),
      positions: action(origin, `${jobPath(job.id)}/positions`),
    },
  };
}
