import type { CandidateRoute } from "./candidates";
import type { RequestContext } from "./context";
import { sendSrError } from "./errors";
import { sendJson } from "./http";

/**
 * `GET /user-api/v201804/users/me`: the user a credential belongs to (SmartRecruiters' User API; used
 * by the side panel to say who is connected). Which OAuth scope it needs is not documented: here any
 * valid credential may read it, and the `usersMe: "forbidden"` mode answers 403 as a SmartRecruiters
 * that wanted another scope would.
 */
export const USERS_ME_PATH = "/user-api/v201804/users/me";

/** The one interviewer every sandbox credential belongs to. */
export const SANDBOX_USER = {
  id: "sandbox-user-1",
  firstName: "Sam",
  lastName: "Rivera",
  email: "sam.rivera@sandbox.example",
  systemRole: { id: "EMPLOYEE" },
  active: true,
} as const;

function meHandler(ctx: RequestContext): void {
  if (ctx.state.modes.usersMe === "forbidden") {
    sendSrError(ctx.res, 403, "OAuthPermissionsException", "Access denied: the credential may not read users");
    return;
  }
  sendJson(ctx.res, 200, SANDBOX_USER);
}

export function matchUserRoute(method: string, path: string): CandidateRoute | undefined {
  if (path !== USERS_ME_PATH || method !== "GET") return undefined;
  return { scope: null, search: false, id: "", handle: meHandler };
}
