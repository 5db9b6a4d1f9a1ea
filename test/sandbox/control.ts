import type { RequestContext } from "./context";
import { sendSrError } from "./errors";
import { parseFaults } from "./faults";
import { isRecord, parseJson, sendEmpty, sendJson } from "./http";
import { parseModesPatch } from "./modes";
import type { NewSandboxCandidate, SandboxJob } from "./types";

/** The control API under /__control/ (no auth, no rate limits, no faults). */

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

function parseJob(value: unknown): SandboxJob | undefined {
  if (!isRecord(value) || !isString(value.id) || !isString(value.title) || !isString(value.status)) {
    return undefined;
  }
  return { id: value.id, title: value.title, status: value.status };
}

type NewCandidateParse = { ok: true; input: NewSandboxCandidate } | { ok: false; message: string };

export function parseNewCandidate(value: unknown): NewCandidateParse {
  if (!isRecord(value)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const { id, firstName, lastName, email, tags, hasApplication, primaryJob, sourceDetails } = value;
  if (!isString(firstName) || !isString(lastName) || !isString(email)) {
    return { ok: false, message: "firstName, lastName and email are required strings" };
  }
  const input: NewSandboxCandidate = { firstName, lastName, email };
  if (id !== undefined) {
    if (!isString(id) || id === "" || id.includes("/")) {
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
  if (hasApplication !== undefined) {
    if (typeof hasApplication !== "boolean") {
      return { ok: false, message: "hasApplication must be a boolean" };
    }
    input.hasApplication = hasApplication;
  }
  if (primaryJob !== undefined) {
    const job = parseJob(primaryJob);
    if (job === undefined) {
      return { ok: false, message: "primaryJob must be {id, title, status} strings" };
    }
    input.primaryJob = job;
  }
  if (sourceDetails !== undefined) {
    if (!isRecord(sourceDetails)) {
      return { ok: false, message: "sourceDetails must be an object" };
    }
    input.sourceDetails = sourceDetails;
  }
  return { ok: true, input };
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
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
    if (method === "GET") {
      sendJson(res, 200, route === "/faults" ? state.faults.current : state.modes);
      return;
    }
    if (method !== "POST") {
      notFound();
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
    } else {
      const modes = parseModesPatch(parsed.value);
      if (!modes.ok) {
        badRequest(ctx, modes.message);
        return;
      }
      state.modes = { ...state.modes, ...modes.patch };
      sendJson(res, 200, state.modes);
    }
    return;
  }
  if (route === "/candidates") {
    if (method === "GET") {
      sendJson(res, 200, state.candidates.all());
      return;
    }
    if (method !== "POST") {
      notFound();
      return;
    }
    const parsed = body(ctx);
    if (!parsed.ok) {
      badRequest(ctx, "Body is not valid JSON");
      return;
    }
    const candidate = parseNewCandidate(parsed.value);
    if (!candidate.ok) {
      badRequest(ctx, candidate.message);
      return;
    }
    if (candidate.input.id !== undefined && state.candidates.has(candidate.input.id)) {
      sendSrError(res, 409, "CONFLICT", `A candidate with id ${candidate.input.id} already exists`);
      return;
    }
    sendJson(res, 201, state.candidates.insert(candidate.input));
    return;
  }
  const match = /^\/candidates\/([^/]+)(\/tags)?$/.exec(route);
  const id = match?.[1] === undefined ? undefined : decode(match[1]);
  if (match === null || id === undefined || method !== "GET") {
    notFound();
    return;
  }
  const candidate = state.candidates.get(id);
  if (candidate === undefined) {
    sendSrError(res, 404, "CANDIDATE_NOT_FOUND", `Candidate not found: ${id}`);
    return;
  }
  sendJson(res, 200, match[2] === undefined ? candidate : { tags: [...candidate.tags] });
}
