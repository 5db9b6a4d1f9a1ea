import { createReply } from "./candidates";
import type { RequestContext } from "./context";
import { pageReply, readPage } from "./paging";
import { type ApiRoute, decodeId, errorReply, jsonReply, type Reply } from "./reply";
import { toJobDetails, toJobSummary } from "./representation";
import { tokenize, tokenMatches } from "./search";
import type { SandboxJob } from "./types";

/** The /jobs* endpoints: search by title words, one job, and creating a candidate for a job. */

export function matchJobRoute(method: string, path: string): ApiRoute | undefined {
  if (path === "/jobs" || path === "/jobs/") {
    return method === "GET" ? { scope: "jobs_read", search: false, write: false, id: "", handle: searchJobsHandler } : undefined;
  }
  const candidates = /^\/jobs\/([^/]+)\/candidates\/?$/.exec(path);
  const one = /^\/jobs\/([^/]+)\/?$/.exec(path);
  const id = decodeId(candidates?.[1] ?? one?.[1] ?? "");
  if (id === undefined || id === "") {
    return undefined;
  }
  if (candidates !== null) {
    return method === "POST"
      ? { scope: "candidates_create", search: false, write: true, id, handle: createForJobHandler }
      : undefined;
  }
  return method === "GET" ? { scope: "jobs_read", search: false, write: false, id, handle: getJobHandler } : undefined;
}

/** Jobs whose title holds every word of q (case- and accent-insensitive, by prefix), any status. */
export function searchJobs(jobs: readonly SandboxJob[], q: string): SandboxJob[] {
  const words = tokenize(q);
  return jobs.filter((job) => {
    const title = tokenize(job.title);
    return words.every((word) => title.some((token) => tokenMatches(word, token)));
  });
}

function jobNotFound(id: string): Reply {
  return errorReply(404, "JOB_NOT_FOUND", `Job not found: ${id}`);
}

function searchJobsHandler(ctx: RequestContext): Reply {
  const page = readPage(ctx);
  if (!page.ok) {
    return page.reply;
  }
  const found = searchJobs(ctx.state.jobs.all(), ctx.url.searchParams.get("q") ?? "");
  return pageReply(ctx, found, page, (job) => toJobSummary(job, ctx.origin));
}

function getJobHandler(ctx: RequestContext, id: string): Reply {
  const job = ctx.state.jobs.get(id);
  return job === undefined ? jobNotFound(id) : jsonReply(200, toJobDetails(job, ctx.origin));
}

function createForJobHandler(ctx: RequestContext, id: string): Reply {
  return ctx.state.jobs.has(id) ? createReply(ctx, id) : jobNotFound(id);
}
