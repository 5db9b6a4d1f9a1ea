import type { SandboxCandidate } from "./types";

/** JSON shapes of candidates as the SmartRecruiters API returns them (list.json / retrieve.json). */

interface Action {
  url: string;
  method: "GET";
}

function action(origin: string, path: string): Action {
  return { url: `${origin}${path}`, method: "GET" };
}

function candidatePath(candidate: SandboxCandidate): string {
  return `/candidates/${encodeURIComponent(candidate.id)}`;
}

/** An item of `content` in GET /candidates. */
export function toSummary(candidate: SandboxCandidate, origin: string): Record<string, unknown> {
  const path = candidatePath(candidate);
  const job = candidate.primaryJob;
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
    ...(job === undefined
      ? {}
      : {
          primaryAssignment: {
            job: {
              id: job.id,
              title: job.title,
              actions: { details: action(origin, `/jobs/${encodeURIComponent(job.id)}`) },
            },
            status: job.status,
          },
        }),
    secondaryAssignments: [],
    actions: {
      details: action(origin, path),
      properties: action(origin, `${path}/properties`),
    },
  };
}

/** CandidateDetails: GET /candidates/{id}, POST /candidates, PATCH /candidates/{id}. */
export function toDetails(candidate: SandboxCandidate, origin: string): Record<string, unknown> {
  const path = candidatePath(candidate);
  const job = candidate.primaryJob;
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
    ...(job === undefined
      ? {}
      : {
          primaryAssignment: {
            job: {
              id: job.id,
              title: job.title,
              actions: {
                details: action(origin, `/jobs/${encodeURIComponent(job.id)}`),
                positionDetails: action(origin, `/jobs/${encodeURIComponent(job.id)}/positions`),
              },
            },
            status: job.status,
            source: "Sandbox",
            actions: { sourceDetails: action(origin, `${path}/jobs/${encodeURIComponent(job.id)}/source`) },
          },
        }),
    secondaryAssignments: [],
    actions: {
      properties: action(origin, `${path}/properties`),
      attachments: action(origin, `${path}/attachments`),
      consent: action(origin, `${path}/consent`),
      consents: action(origin, `${path}/consents`),
    },
  };
}
