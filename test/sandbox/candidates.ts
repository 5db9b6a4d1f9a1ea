import type { RequestContext } from "./context";
import { isJsonContentType, isRecord, parseJson } from "./http";
import { pageReply, readPage } from "./paging";
import { type ApiRoute, decodeId, errorReply, jsonReply, type Reply } from "./reply";
import { toDetails, toSummary } from "./representation";
import { searchCandidates } from "./search";
import type { CandidatePatch, StoredCandidate } from "./store";
import type { SandboxApplication } from "./types";

/** The /candidates* endpoints, once the gateway (auth, limits, faults, scopes) let a request through. */

export function matchCandidateRoute(method: string, path: string): ApiRoute | undefined {
  if (path === "/candidates" || path === "/candidates/") {
    if (method === "GET") {
      return { scope: "candidates_read", search: true, write: false, id: "", handle: searchHandler };
    }
    if (method === "POST") {
      return { scope: "candidates_create", search: false, write: true, id: "", handle: (ctx) => createReply(ctx, undefined) };
    }
    return undefined;
  }
  const tags = /^\/candidates\/([^/]+)\/tags\/?$/.exec(path);
  const one = /^\/candidates\/([^/]+)\/?$/.exec(path);
  const id = decodeId(tags?.[1] ?? one?.[1] ?? "");
  if (id === undefined || id === "") {
    return undefined;
  }
  const route = (scope: ApiRoute["scope"], write: boolean, handle: ApiRoute["handle"]): ApiRoute => ({
    scope,
    search: false,
    write,
    id,
    handle,
  });
  if (tags !== null) {
    if (method === "GET") {
      return route("candidates_read", false, getTagsHandler);
    }
    if (method === "POST") {
      return route("candidates_manage", true, addTagsHandler);
    }
    if (method === "PUT") {
      return route("candidates_manage", true, replaceTagsHandler);
    }
    if (method === "DELETE") {
      return route("candidates_manage", true, deleteTagsHandler);
    }
    return undefined;
  }
  if (method === "GET") {
    return route("candidates_read", false, getHandler);
  }
  if (method === "PATCH") {
    return route("candidates_manage", true, patchHandler);
  }
  return undefined;
}

function notFound(id: string): Reply {
  return errorReply(404, "CANDIDATE_NOT_FOUND", `Candidate not found: ${id}`);
}

function validationError(problems: { field: string; message: string }[]): Reply {
  return jsonReply(400, {
    message: "Validation failed",
    errors: problems.map((p) => ({ code: "INVALID_FIELD", message: `${p.field}: ${p.message}` })),
  });
}

type BodyRead = { ok: true; body: Record<string, unknown> } | { ok: false; reply: Reply };

/** The body as a JSON object, or the 415 / 400 to answer. */
function jsonObjectBody(ctx: RequestContext): BodyRead {
  if (!isJsonContentType(ctx.req.headers["content-type"])) {
    return { ok: false, reply: errorReply(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json") };
  }
  const parsed = parseJson(ctx.body);
  if (!parsed.ok) {
    return { ok: false, reply: errorReply(400, "INVALID_JSON", "Request body is not valid JSON") };
  }
  if (!isRecord(parsed.value)) {
    return { ok: false, reply: errorReply(400, "INVALID_JSON", "Request body must be a JSON object") };
  }
  return { ok: true, body: parsed.value };
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

function details(ctx: RequestContext, candidate: StoredCandidate): Record<string, unknown> {
  return toDetails(candidate, ctx.origin, (id) => ctx.state.jobs.get(id));
}

function searchHandler(ctx: RequestContext): Reply {
  const page = readPage(ctx);
  if (!page.ok) {
    return page.reply;
  }
  const pool = ctx.state.candidates.all().filter((c) => c.applications.length > 0 || ctx.state.modes.searchTalentPool);
  const found = searchCandidates(pool, ctx.url.searchParams.get("q") ?? "");
  const jobs = (id: string) => ctx.state.jobs.get(id);
  return pageReply(ctx, found, page, (candidate) => toSummary(candidate, ctx.origin, jobs));
}

function getHandler(ctx: RequestContext, id: string): Reply {
  const candidate = ctx.state.candidates.get(id);
  return candidate === undefined ? notFound(id) : jsonReply(200, details(ctx, candidate));
}

const CONFLICT_MESSAGE = "A candidate with this email and last name already exists";

function conflict(): Reply {
  return errorReply(409, "CANDIDATE_DATA_CONFLICT", CONFLICT_MESSAGE);
}

/** 409 naming the existing candidate (mode createExisting "conflict-with-id"). */
export function conflictWithId(existingId: string): Reply {
  return jsonReply(409, {
    message: `${CONFLICT_MESSAGE}: ${existingId}`,
    id: existingId,
    errors: [{ code: "CANDIDATE_DATA_CONFLICT", message: `${CONFLICT_MESSAGE} (existing candidate id: ${existingId})` }],
  });
}

/**
 * POST /candidates (jobId undefined: talent pool only) and POST /jobs/{jobId}/candidates (an
 * application to that job). Validation, then the createExisting mode, then the insert.
 */
export function createReply(ctx: RequestContext, jobId: string | undefined): Reply {
  const read = jsonObjectBody(ctx);
  if (!read.ok) {
    return read.reply;
  }
  const body = read.body;
  const problems: { field: string; message: string }[] = [];
  for (const field of ["firstName", "lastName", "email"] as const) {
    if (!nonEmptyString(body[field])) {
      problems.push({ field, message: "is required and must be a non-empty string" });
    }
  }
  const { firstName, lastName, email, tags, sourceDetails } = body;
  if (nonEmptyString(email) && !looksLikeEmail(email)) {
    problems.push({ field: "email", message: "is not a valid email address" });
  }
  if (tags !== undefined && !(Array.isArray(tags) && tags.every(nonEmptyString))) {
    problems.push({ field: "tags", message: "must be an array of non-empty strings" });
  }
  if (sourceDetails !== undefined && !isRecord(sourceDetails)) {
    problems.push({ field: "sourceDetails", message: "must be an object" });
  }
  if (problems.length > 0 || !nonEmptyString(firstName) || !nonEmptyString(lastName) || !nonEmptyString(email)) {
    return validationError(problems);
  }
  const store = ctx.state.candidates;
  const existing = store.findConflict(email, lastName);
  const mode = ctx.state.modes.createExisting;
  if (existing !== undefined && mode === "conflict") {
    return conflict();
  }
  if (existing !== undefined && mode === "conflict-with-id") {
    return conflictWithId(existing.id);
  }
  const now = new Date();
  const applications: SandboxApplication[] = jobId === undefined ? [] : [{ jobId, status: "NEW", appliedOn: now.toISOString() }];
  const created = store.insert(
    {
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      email: email.trim(),
      tags: Array.isArray(tags) ? tags.filter(nonEmptyString) : [],
      applications,
      ...(isRecord(sourceDetails) ? { sourceDetails } : {}),
    },
    now,
  );
  return jsonReply(201, details(ctx, created), {
    Location: `${ctx.origin}/candidates/${encodeURIComponent(created.id)}`,
  });
}

function patchHandler(ctx: RequestContext, id: string): Reply {
  const read = jsonObjectBody(ctx);
  if (!read.ok) {
    return read.reply;
  }
  const store = ctx.state.candidates;
  const current = store.get(id);
  if (current === undefined) {
    return notFound(id);
  }
  const patch: CandidatePatch = {};
  const problems: { field: string; message: string }[] = [];
  for (const field of ["firstName", "lastName", "email"] as const) {
    const value = read.body[field];
    if (value === undefined) {
      continue;
    }
    if (!nonEmptyString(value)) {
      problems.push({ field, message: "must be a non-empty string" });
    } else if (field === "email" && !looksLikeEmail(value)) {
      problems.push({ field, message: "is not a valid email address" });
    } else {
      patch[field] = value.trim();
    }
  }
  if (problems.length > 0) {
    return validationError(problems);
  }
  const email = patch.email ?? current.email;
  const lastName = patch.lastName ?? current.lastName;
  if (store.findConflict(email, lastName, id) !== undefined) {
    return conflict();
  }
  const updated = store.update(id, patch);
  return updated === undefined ? notFound(id) : jsonReply(200, details(ctx, updated));
}

function getTagsHandler(ctx: RequestContext, id: string): Reply {
  const candidate = ctx.state.candidates.get(id);
  return candidate === undefined ? notFound(id) : jsonReply(200, { tags: [...candidate.tags] });
}

type TagsRead = { ok: true; current: string[]; tags: string[] } | { ok: false; reply: Reply };

/** The `tags` of a tag write, or the 415 / 400 / 404 to answer. */
function tagsBody(ctx: RequestContext, id: string): TagsRead {
  const read = jsonObjectBody(ctx);
  if (!read.ok) {
    return read;
  }
  const candidate = ctx.state.candidates.get(id);
  if (candidate === undefined) {
    return { ok: false, reply: notFound(id) };
  }
  const tags = read.body.tags;
  if (!Array.isArray(tags) || !tags.every(nonEmptyString)) {
    return {
      ok: false,
      reply: validationError([{ field: "tags", message: "is required and must be an array of non-empty strings" }]),
    };
  }
  return { ok: true, current: [...candidate.tags], tags: tags.filter(nonEmptyString) };
}

function addTagsHandler(ctx: RequestContext, id: string): Reply {
  const input = tagsBody(ctx, id);
  if (!input.ok) {
    return input.reply;
  }
  const next = [...input.current];
  for (const tag of input.tags) {
    if (ctx.state.modes.tagPost === "duplicate" || !next.includes(tag)) {
      next.push(tag);
    }
  }
  const updated = ctx.state.candidates.setTags(id, next);
  return jsonReply(200, { tags: [...(updated?.tags ?? next)] });
}

function replaceTagsHandler(ctx: RequestContext, id: string): Reply {
  const input = tagsBody(ctx, id);
  if (!input.ok) {
    return input.reply;
  }
  if (input.tags.length === 0 && ctx.state.modes.putEmptyTags === "refused") {
    return validationError([
      { field: "tags", message: "must not be empty (use DELETE /candidates/{id}/tags to remove every tag)" },
    ]);
  }
  const updated = ctx.state.candidates.setTags(id, input.tags);
  return jsonReply(200, { tags: [...(updated?.tags ?? input.tags)] });
}

function deleteTagsHandler(ctx: RequestContext, id: string): Reply {
  return ctx.state.candidates.setTags(id, []) === undefined ? notFound(id) : { status: 204 };
}
