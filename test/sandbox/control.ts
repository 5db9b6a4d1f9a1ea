import type { RequestContext } from "./context";
import { sendSrError } from "./errors";
import { parseFaults } from "./faults";
import { isRecord, parseJson, sendEmpty, sendJson } from "./http";
import { GENERIC_JOB_ID, isJobStatus, JOB_STATUSES } from "./jobstore";
import { parseModesPatch } from "./modes";
import { decodeId } from "./reply";
import { toControlView } from "./representation";
import type { SandboxState } from "./state";
import type { CandidateInput, StoredCandidate } from "./store";
import type { NewSandboxCandidate, NewSandboxJob, SandboxApplication, SandboxCandidate, SandboxPrimaryJob } from "./types";

/** The control API under /__control/ (no auth, no rate limits, no faults), on both origins. */

type BodyParse = { ok: true; value: unknown } | { ok: false };

function body(ctx: RequestContext): BodyParse {
  if (ctx.body.length === 0) {
    return { ok: true, value: {} };
  }
  return parseJson(ctx.body);
}

function badRequest(ctx: RequestContext, message: string): void {
  sendSrError(ctx.res, 400, "INVALID_CONTROL_REQUEST", message);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isId(value: unknown): value is string {
  return isString(value) && value !== "" && !value.includes("/");
}

function parsePrimaryJob(value: unknown): SandboxPrimaryJob | undefined {
  if (!isRecord(value) || !isString(value.id) || !isString(value.title) || !isString(value.status)) {
    return undefined;
  }
  return { id: value.id, title: value.title, status: value.status };
}

type Parse<T> = { ok: true; input: T } | { ok: false; message: string };

function parseApplications(value: unknown): Parse<NonNullable<NewSandboxCandidate["applications"]>> {
  if (!Array.isArray(value)) {
    return { ok: false, message: "applications must be an array of {jobId, status?, appliedOn?}" };
  }
  const applications: NonNullable<NewSandboxCandidate["applications"]> = [];
  for (const item of value) {
    if (!isRecord(item) || !isString(item.jobId)) {
      return { ok: false, message: "applications must be an array of {jobId, status?, appliedOn?}" };
    }
    const { jobId, status, appliedOn } = item;
    if ((status !== undefined && !isString(status)) || (appliedOn !== undefined && !isString(appliedOn))) {
      return { ok: false, message: "an application's status and appliedOn must be strings" };
    }
    applications.push({ jobId, ...(status !== undefined ? { status } : {}), ...(appliedOn !== undefined ? { appliedOn } : {}) });
  }
  return { ok: true, input: applications };
}

export function parseNewCandidate(value: unknown): Parse<NewSandboxCandidate> {
  if (!isRecord(value)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const { id, firstName, lastName, email, tags, applications, hasApplication, primaryJob, sourceDetails } = value;
  if (!isString(firstName) || !isString(lastName) || !isString(email)) {
    return { ok: false, message: "firstName, lastName and email are required strings" };
  }
  const input: NewSandboxCandidate = { firstName, lastName, email };
  if (id !== undefined) {
    if (!isId(id)) {
      return { ok: false, message: "id must be a non-empty string without /" };
    }
    input.id = id;
  }
  if (tags !== undefined) {
    if (!Array.isArray(tags) || !tags.every(isString)) {
      return { ok: false, message: "tags must be an array of strings" };
    }
    input.tags = tags.filter(isString);
  }
  if (applications !== undefined) {
    const parsed = parseApplications(applications);
    if (!parsed.ok) {
      return parsed;
    }
    input.applications = parsed.input;
  }
  if (hasApplication !== undefined) {
    if (typeof hasApplication !== "boolean") {
      return { ok: false, message: "hasApplication must be a boolean" };
    }
    input.hasApplication = hasApplication;
  }
  if (primaryJob !== undefined) {
    const job = parsePrimaryJob(primaryJob);
    if (job === undefined) {
      return { ok: false, message: "primaryJob must be {id, title, status} strings" };
    }
    input.primaryJob = job;
  }
  if (hasApplication === false && (primaryJob !== undefined || (Array.isArray(applications) && applications.length > 0))) {
    return { ok: false, message: "hasApplication false contradicts primaryJob / applications" };
  }
  if (sourceDetails !== undefined) {
    if (!isRecord(sourceDetails)) {
      return { ok: false, message: "sourceDetails must be an object" };
    }
    input.sourceDetails = sourceDetails;
  }
  return { ok: true, input };
}

/** Turns the control input into the store's (applications resolved against the job store). */
function resolveCandidate(state: SandboxState, input: NewSandboxCandidate, now: string): Parse<CandidateInput> {
  let applications: SandboxApplication[];
  if (input.applications !== undefined) {
    const unknown = input.applications.find((application) => !state.jobs.has(application.jobId));
    if (unknown !== undefined) {
      return { ok: false, message: `Unknown job: ${unknown.jobId} (add it with POST /__control/jobs)` };
    }
    applications = input.applications.map((a) => ({ jobId: a.jobId, status: a.status ?? "NEW", appliedOn: a.appliedOn ?? now }));
  } else if (input.primaryJob !== undefined) {
    const job = input.primaryJob;
    if (!state.jobs.has(job.id)) {
      state.jobs.insert({ id: job.id, title: job.title });
    }
    applications = [{ jobId: job.id, status: job.status, appliedOn: now }];
  } else if (input.hasApplication ?? true) {
    applications = [{ jobId: GENERIC_JOB_ID, status: "NEW", appliedOn: now }];
  } else {
    applications = [];
  }
  const resolved: CandidateInput = {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    applications,
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
    ...(input.sourceDetails !== undefined ? { sourceDetails: input.sourceDetails } : {}),
  };
  return { ok: true, input: resolved };
}

export function parseNewJob(value: unknown): Parse<NewSandboxJob> {
  if (!isRecord(value)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const { id, title, status, refNumber, createdOn } = value;
  if (!isString(title) || title.trim() === "") {
    return { ok: false, message: "title is a required non-empty string" };
  }
  const input: NewSandboxJob = { title };
  if (id !== undefined) {
    if (!isId(id)) {
      return { ok: false, message: "id must be a non-empty string without /" };
    }
    input.id = id;
  }
  if (status !== undefined) {
    if (!isJobStatus(status)) {
      return { ok: false, message: `status must be one of ${JOB_STATUSES.join(", ")}` };
    }
    input.status = status;
  }
  if (refNumber !== undefined) {
    if (!isString(refNumber)) {
      return { ok: false, message: "refNumber must be a string" };
    }
    input.refNumber = refNumber;
  }
  if (createdOn !== undefined) {
    if (!isString(createdOn) || Number.isNaN(Date.parse(createdOn))) {
      return { ok: false, message: "createdOn must be an ISO date" };
    }
    input.createdOn = new Date(createdOn).toISOString();
  }
  return { ok: true, input };
}

function view(state: SandboxState, candidate: StoredCandidate): SandboxCandidate {
  return toControlView(candidate, (id) => state.jobs.get(id));
}

function handleSettings(ctx: RequestContext, route: "/faults" | "/modes"): void {
  const { method, res, state } = ctx;
  if (method === "GET") {
    sendJson(res, 200, route === "/faults" ? state.faults.current : state.modes);
    return;
  }
  if (method !== "POST") {
    sendSrError(res, 404, "NOT_FOUND", `No such control endpoint: ${method} ${ctx.path}`);
    return;
  }
  const parsed = body(ctx);
  if (!parsed.ok) {
    badRequest(ctx, "Body is not valid JSON");
    return;
  }
  if (route === "/faults") {
    const faults = parseFaults(parsed.value);
    if (!faults.ok) {
      badRequest(ctx, faults.message);
      return;
    }
    state.faults.set(faults.faults);
    sendJson(res, 200, state.faults.current);
    return;
  }
  const modes = parseModesPatch(parsed.value);
  if (!modes.ok) {
    badRequest(ctx, modes.message);
    return;
  }
  state.modes = { ...state.modes, ...modes.patch };
  sendJson(res, 200, state.modes);
}

/**
 * A control collection: GET lists it; POST parses a new item (400 with the reason), refuses an id
 * already taken (409), then creates it (201, or 400 when `create` refuses).
 */
function handleCollection<T extends { id?: string }>(
  ctx: RequestContext,
  collection: {
    what: string;
    list(): unknown;
    parse(value: unknown): { ok: true; input: T } | { ok: false; message: string };
    has(id: string): boolean;
    create(input: T): { ok: true; created: unknown } | { ok: false; message: string };
  },
): void {
  const { method, res } = ctx;
  if (method === "GET") {
    sendJson(res, 200, collection.list());
    return;
  }
  if (method !== "POST") {
    sendSrError(res, 404, "NOT_FOUND", `No such control endpoint: ${method} ${ctx.path}`);
    return;
  }
  const parsed = body(ctx);
  if (!parsed.ok) {
    badRequest(ctx, "Body is not valid JSON");
    return;
  }
  const item = collection.parse(parsed.value);
  if (!item.ok) {
    badRequest(ctx, item.message);
    return;
  }
  if (item.input.id !== undefined && collection.has(item.input.id)) {
    sendSrError(res, 409, "CONFLICT", `A ${collection.what} with id ${item.input.id} already exists`);
    return;
  }
  const created = collection.create(item.input);
  if (!created.ok) {
    badRequest(ctx, created.message);
    return;
  }
  sendJson(res, 201, created.created);
}

function handleJobs(ctx: RequestContext): void {
  const { jobs } = ctx.state;
  handleCollection(ctx, {
    what: "job",
    list: () => jobs.all(),
    parse: parseNewJob,
    has: (id) => jobs.has(id),
    create: (input) => ({ ok: true, created: jobs.insert(input) }),
  });
}

function handleCandidates(ctx: RequestContext): void {
  const { state } = ctx;
  handleCollection(ctx, {
    what: "candidate",
    list: () => state.candidates.all().map((candidate) => view(state, candidate)),
    parse: parseNewCandidate,
    has: (id) => state.candidates.has(id),
    create: (input) => {
      const now = new Date();
      const resolved = resolveCandidate(state, input, now.toISOString());
      return resolved.ok ? { ok: true, created: view(state, state.candidates.insert(resolved.input, now)) } : resolved;
    },
  });
}

/** /candidates/{id}, /candidates/{id}/tags, /candidates/{id}/merge. */
function handleOneCandidate(ctx: RequestContext, id: string, sub: string | undefined): void {
  const { method, res, state } = ctx;
  const notFound = (missing: string): void => sendSrError(res, 404, "CANDIDATE_NOT_FOUND", `Candidate not found: ${missing}`);
  if (sub === undefined && method === "DELETE") {
    if (state.candidates.delete(id)) {
      sendEmpty(res, 204);
    } else {
      notFound(id);
    }
    return;
  }
  if (sub === "/merge" && method === "POST") {
    const parsed = body(ctx);
    const into = parsed.ok && isRecord(parsed.value) ? parsed.value.into : undefined;
    if (!isString(into) || into === "") {
      badRequest(ctx, 'Body must be {"into": "<id of the surviving candidate>"}');
      return;
    }
    if (into === id) {
      badRequest(ctx, "A candidate cannot be merged into itself");
      return;
    }
    const merged = state.candidates.merge(id, into);
    if (!merged.ok) {
      notFound(merged.missing);
      return;
    }
    sendJson(res, 200, view(state, merged.survivor));
    return;
  }
  if (method !== "GET" || sub === "/merge") {
    sendSrError(res, 404, "NOT_FOUND", `No such control endpoint: ${method} ${ctx.path}`);
    return;
  }
  const candidate = state.candidates.get(id);
  if (candidate === undefined) {
    notFound(id);
    return;
  }
  sendJson(res, 200, sub === undefined ? view(state, candidate) : { tags: [...candidate.tags] });
}

export function handleControl(ctx: RequestContext): void {
  const { method, res, state } = ctx;
  const route = ctx.path.slice("/__control".length).replace(/\/$/, "");
  const notFound = (): void => sendSrError(res, 404, "NOT_FOUND", `No such control endpoint: ${method} ${ctx.path}`);

  if (route === "/reset" && method === "POST") {
    state.reset();
    sendEmpty(res, 204);
    return;
  }
  if (route === "/revoke" && method === "POST") {
    state.tokens.revokeAll();
    sendEmpty(res, 204);
    return;
  }
  if (route === "/requests") {
    if (method === "GET") {
      sendJson(res, 200, state.log.list());
    } else if (method === "DELETE") {
      state.log.clear();
      sendEmpty(res, 204);
    } else {
      notFound();
    }
    return;
  }
  if (route === "/faults" || route === "/modes") {
    handleSettings(ctx, route);
    return;
  }
  if (route === "/jobs") {
    handleJobs(ctx);
    return;
  }
  if (route === "/candidates") {
    handleCandidates(ctx);
    return;
  }
  const match = /^\/candidates\/([^/]+)(\/tags|\/merge)?$/.exec(route);
  const id = match?.[1] === undefined ? undefined : decodeId(match[1]);
  if (match === null || id === undefined) {
    notFound();
    return;
  }
  handleOneCandidate(ctx, id, match[2]);
}
