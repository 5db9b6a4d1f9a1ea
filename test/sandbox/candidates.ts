import type { RequestContext } from "./context";
import { sendSrError } from "./errors";
import { isJsonContentType, isRecord, parseJson, sendJson } from "./http";
import { toDetails, toSummary } from "./representation";
import { searchCandidates } from "./search";
import type { CandidatePatch } from "./store";
import type { Scope } from "./types";

/** The /candidates* endpoints, once the gateway (auth, limits, faults, scopes) let a request through. */

type Handler = (ctx: RequestContext, id: string) => void;

export interface CandidateRoute {
  /** The OAuth scope the call needs; null: any valid credential. */
  scope: Scope | null;
  /** Counts against the search concurrency limit. */
  search: boolean;
  id: string;
  handle: Handler;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;

function decodeId(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function matchCandidateRoute(method: string, path: string): CandidateRoute | undefined {
  if (path === "/candidates" || path === "/candidates/") {
    if (method === "GET") {
      return { scope: "candidates_read", search: true, id: "", handle: searchHandler };
    }
    if (method === "POST") {
      return { scope: "candidates_create", search: false, id: "", handle: createHandler };
    }
    return undefined;
  }
  const tags = /^\/candidates\/([^/]+)\/tags\/?$/.exec(path);
  const one = /^\/candidates\/([^/]+)\/?$/.exec(path);
  const id = decodeId(tags?.[1] ?? one?.[1] ?? "");
  if (id === undefined || id === "") {
    return undefined;
  }
  if (tags !== null) {
    if (method === "GET") {
      return { scope: "candidates_read", search: false, id, handle: getTagsHandler };
    }
    if (method === "POST") {
      return { scope: "candidates_manage", search: false, id, handle: addTagsHandler };
    }
    if (method === "PUT") {
      return { scope: "candidates_manage", search: false, id, handle: replaceTagsHandler };
    }
    return undefined;
  }
  if (method === "GET") {
    return { scope: "candidates_read", search: false, id, handle: getHandler };
  }
  if (method === "PATCH") {
    return { scope: "candidates_manage", search: false, id, handle: patchHandler };
  }
  return undefined;
}

function notFound(ctx: RequestContext, id: string): void {
  sendSrError(ctx.res, 404, "CANDIDATE_NOT_FOUND", `Candidate not found: ${id}`);
}

function validationError(ctx: RequestContext, problems: { field: string; message: string }[]): void {
  sendJson(ctx.res, 400, {
    message: "Validation failed",
    errors: problems.map((p) => ({ code: "INVALID_FIELD", message: `${p.field}: ${p.message}` })),
  });
}

/** The body as a JSON object; answers 415 / 400 itself and returns undefined otherwise. */
function jsonObjectBody(ctx: RequestContext): Record<string, unknown> | undefined {
  if (!isJsonContentType(ctx.req.headers["content-type"])) {
    sendSrError(ctx.res, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
    return undefined;
  }
  const parsed = parseJson(ctx.body);
  if (!parsed.ok) {
    sendSrError(ctx.res, 400, "INVALID_JSON", "Request body is not valid JSON");
    return undefined;
  }
  if (!isRecord(parsed.value)) {
    sendSrError(ctx.res, 400, "INVALID_JSON", "Request body must be a JSON object");
    return undefined;
  }
  return parsed.value;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

function parseCount(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === "") {
    return fallback;
  }
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function encodePageId(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodePageId(pageId: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(pageId, "base64url").toString("utf8"));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function searchHandler(ctx: RequestContext): void {
  const params = ctx.url.searchParams;
  const limit = parseCount(params.get("limit"), DEFAULT_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
    sendSrError(ctx.res, 400, "INVALID_PARAMETER", `limit must be an integer from 1 to ${MAX_LIMIT}`);
    return;
  }
  const pageId = params.get("pageId");
  const offset = pageId !== null && pageId !== "" ? decodePageId(pageId) : parseCount(params.get("offset"), 0);
  if (offset === undefined) {
    sendSrError(ctx.res, 400, "INVALID_PARAMETER", "offset must be a non-negative integer (or pageId a nextPageId)");
    return;
  }
  const pool = ctx.state.candidates.all().filter((candidate) => candidate.hasApplication || ctx.state.modes.searchTalentPool);
  const found = searchCandidates(pool, params.get("q") ?? "");
  const page = found.slice(offset, offset + limit);
  const more = offset + limit < found.length;
  sendJson(ctx.res, 200, {
    limit,
    offset,
    ...(more ? { nextPageId: encodePageId(offset + limit) } : {}),
    totalFound: found.length,
    content: page.map((candidate) => toSummary(candidate, ctx.origin)),
  });
}

function getHandler(ctx: RequestContext, id: string): void {
  const candidate = ctx.state.candidates.get(id);
  if (candidate === undefined) {
    notFound(ctx, id);
    return;
  }
  sendJson(ctx.res, 200, toDetails(candidate, ctx.origin));
}

function conflict(ctx: RequestContext): void {
  sendSrError(ctx.res, 409, "CANDIDATE_DATA_CONFLICT", "A candidate with this email and last name already exists");
}

function createHandler(ctx: RequestContext): void {
  const body = jsonObjectBody(ctx);
  if (body === undefined) {
    return;
  }
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
    validationError(ctx, problems);
    return;
  }
  const store = ctx.state.candidates;
  if (ctx.state.modes.createExisting === "conflict" && store.findConflict(email, lastName) !== undefined) {
    conflict(ctx);
    return;
  }
  const created = store.insert({
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    email: email.trim(),
    tags: Array.isArray(tags) ? tags.filter(nonEmptyString) : [],
    // Created through the API without a job: the candidate sits in the talent pool only.
    hasApplication: false,
    ...(isRecord(sourceDetails) ? { sourceDetails } : {}),
  });
  sendJson(ctx.res, 201, toDetails(created, ctx.origin), {
    Location: `${ctx.origin}/candidates/${encodeURIComponent(created.id)}`,
  });
}

function patchHandler(ctx: RequestContext, id: string): void {
  const body = jsonObjectBody(ctx);
  if (body === undefined) {
    return;
  }
  const store = ctx.state.candidates;
  const current = store.get(id);
  if (current === undefined) {
    notFound(ctx, id);
    return;
  }
  const patch: CandidatePatch = {};
  const problems: { field: string; message: string }[] = [];
  for (const field of ["firstName", "lastName", "email"] as const) {
    const value = body[field];
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
    validationError(ctx, problems);
    return;
  }
  const email = patch.email ?? current.email;
  const lastName = patch.lastName ?? current.lastName;
  if (store.findConflict(email, lastName, id) !== undefined) {
    conflict(ctx);
    return;
  }
  const updated = store.update(id, patch);
  if (updated === undefined) {
    notFound(ctx, id);
    return;
  }
  sendJson(ctx.res, 200, toDetails(updated, ctx.origin));
}

function getTagsHandler(ctx: RequestContext, id: string): void {
  const candidate = ctx.state.candidates.get(id);
  if (candidate === undefined) {
    notFound(ctx, id);
    return;
  }
  sendJson(ctx.res, 200, { tags: [...candidate.tags] });
}

/** The `tags` of a tag write; answers 415 / 400 / 404 itself and returns undefined otherwise. */
function tagsBody(ctx: RequestContext, id: string): { current: string[]; tags: string[] } | undefined {
  const body = jsonObjectBody(ctx);
  if (body === undefined) {
    return undefined;
  }
  const candidate = ctx.state.candidates.get(id);
  if (candidate === undefined) {
    notFound(ctx, id);
    return undefined;
  }
  const tags = body.tags;
  if (!Array.isArray(tags) || !tags.every(nonEmptyString)) {
    validationError(ctx, [{ field: "tags", message: "is required and must be an array of non-empty strings" }]);
    return undefined;
  }
  return { current: [...candidate.tags], tags: tags.filter(nonEmptyString) };
}

function addTagsHandler(ctx: RequestContext, id: string): void {
  const input = tagsBody(ctx, id);
  if (input === undefined) {
    return;
  }
  const next = [...input.current];
  for (const tag of input.tags) {
    if (ctx.state.modes.tagPost === "duplicate" || !next.includes(tag)) {
      next.push(tag);
    }
  }
  const updated = ctx.state.candidates.setTags(id, next);
  sendJson(ctx.res, 200, { tags: [...(updated?.tags ?? next)] });
}

function replaceTagsHandler(ctx: RequestContext, id: string): void {
  const input = tagsBody(ctx, id);
  if (input === undefined) {
    return;
  }
  const updated = ctx.state.candidates.setTags(id, input.tags);
  sendJson(ctx.res, 200, { tags: [...(updated?.tags ?? input.tags)] });
}
