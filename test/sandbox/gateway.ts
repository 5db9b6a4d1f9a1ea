import { authenticate } from "./auth";
import { matchCandidateRoute } from "./candidates";
import type { RequestContext } from "./context";
import { sendInjectedError, sendSrError } from "./errors";
import { setHeaders, sleep } from "./http";
import { idleRateHeaders } from "./ratelimit";
import { matchUserRoute } from "./users";

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
 * /candidates* and /user-api/…/users/me: route, authenticate (401), rate limits (429), faults, plan without API access (403),
 * scope (403 OAuthPermissionsException), then the endpoint.
 */
export async function handleApi(ctx: RequestContext): Promise<void> {
  const { req, res, state } = ctx;
  const route = matchCandidateRoute(ctx.method, ctx.path) ?? matchUserRoute(ctx.method, ctx.path);
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
  if (state.modes.noApiAccess) {
    sendSrError(
      res,
      403,
      "API_ACCESS_NOT_ENABLED",
      "Your SmartRecruiters plan does not include API access. Upgrade your plan to use integrations.",
    );
    return;
  }
  if (route.scope !== null && !auth.credential.scopes.includes(route.scope)) {
    sendSrError(res, 403, "OAuthPermissionsException", `Access denied: the credential lacks the required scope ${route.scope}`);
    return;
  }
  route.handle(ctx, route.id);
}
