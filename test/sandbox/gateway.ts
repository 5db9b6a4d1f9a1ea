import { authenticate } from "./auth";
import { matchCandidateRoute } from "./candidates";
import type { RequestContext } from "./context";
import { sendInjectedError, sendSrError } from "./errors";
import { sendJson, setHeaders, sleep } from "./http";
import { matchJobRoute } from "./jobs";
import { idleRateHeaders } from "./ratelimit";
import { type ApiRoute, isSuccess, sendReply } from "./reply";
import { matchUserRoute } from "./users";

/** The answer of a plan without API access, as SmartRecruiters' help quotes it (no errors array). */
export const NO_API_ACCESS_BODY = Object.freeze({ message: "No access to feature: Customer API" });

export function matchApiRoute(method: string, path: string): ApiRoute | undefined {
  return matchCandidateRoute(method, path) ?? matchJobRoute(method, path) ?? matchUserRoute(method, path);
}

/** /candidates*, /jobs* and users/me. */
export function isApiPath(path: string): boolean {
  return (
    path === "/candidates" ||
    path.startsWith("/candidates/") ||
    path === "/jobs" ||
    path.startsWith("/jobs/") ||
    path.startsWith("/user-api/")
  );
}

/**
 * Injected faults: latency first, then a drop or an error. Returns false when the request was
 * answered (or dropped) here, so that no state change happens.
 */
export async function applyFaults(ctx: RequestContext, shape: "sr" | "oauth"): Promise<boolean> {
  const latency = ctx.state.faults.latencyMs;
  if (latency > 0) {
    await sleep(latency);
  }
  if (ctx.res.destroyed) {
    return false;
  }
  const decision = ctx.state.faults.decide();
  if (decision.kind === "drop") {
    ctx.meta.fault = "drop";
    ctx.req.socket.destroy();
    return false;
  }
  if (decision.kind === "error") {
    ctx.meta.fault = "error";
    sendInjectedError(ctx.res, decision.status, shape);
    return false;
  }
  return true;
}

/**
 * API endpoints: route (404), authenticate (401), rate limits (429), faults, plan without API access
 * (401 / 403), scope (403 OAuthPermissionsException), then the endpoint; a write that succeeded may
 * then fail its answer ("applied, then failed").
 */
export async function handleApi(ctx: RequestContext): Promise<void> {
  const { req, res, state } = ctx;
  const route = matchApiRoute(ctx.method, ctx.path);
  if (route === undefined) {
    sendSrError(res, 404, "NOT_FOUND", `No such endpoint: ${ctx.method} ${ctx.path}`);
    return;
  }
  setHeaders(res, idleRateHeaders(route.search));
  const auth = authenticate(req, state.tokens);
  if (!auth.ok) {
    if (state.faults.latencyMs > 0) {
      await sleep(state.faults.latencyMs);
    }
    sendSrError(res, 401, "UNAUTHORIZED", auth.message, auth.headers);
    return;
  }
  const limit = state.limiter.acquire(auth.credential.rateKey, route.search, state.modes.rateLimits);
  setHeaders(res, limit.headers);
  if (!limit.allowed) {
    const what =
      limit.reason === "rate"
        ? "more than 10 requests per second"
        : limit.reason === "concurrent"
          ? "more than 8 concurrent requests"
          : "more than 1 concurrent search";
    sendSrError(res, 429, "RATE_LIMIT_EXCEEDED", `Too many requests: ${what} for this credential`);
    return;
  }
  res.once("finish", limit.release);
  res.once("close", limit.release);
  if (!(await applyFaults(ctx, "sr"))) {
    return;
  }
  if (state.modes.noApiAccess !== false) {
    sendJson(res, state.modes.noApiAccess, NO_API_ACCESS_BODY);
    return;
  }
  if (route.scope !== null && !auth.credential.scopes.includes(route.scope)) {
    sendSrError(res, 403, "OAuthPermissionsException", `Access denied: the credential lacks the required scope ${route.scope}`);
    return;
  }
  const reply = route.handle(ctx, route.id);
  if (route.write && isSuccess(reply)) {
    const after = state.faults.decideAfterWrite();
    if (after.kind === "drop") {
      ctx.meta.fault = "applied-then-drop";
      req.socket.destroy();
      return;
    }
    if (after.kind === "error") {
      ctx.meta.fault = "applied-then-error";
      sendInjectedError(res, after.status, "sr");
      return;
    }
  }
  sendReply(res, reply);
}
