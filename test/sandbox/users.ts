import type { RequestContext } from "./context";
import { type ApiRoute, errorReply, jsonReply, type Reply } from "./reply";

/**
 * `GET /user-api/v201804/users/me`: the user a credential belongs to (SmartRecruiters' User API; used
 * by the side panel to say who is connected). It needs the scope `user_me_read` (SmartRecruiters' own
 * sr-webhooks-client asks for it); the `usersMe: "forbidden"` mode answers 403 even with it.
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

function meHandler(ctx: RequestContext): Reply {
  if (ctx.state.modes.usersMe === "forbidden") {
    return errorReply(403, "OAuthPermissionsException", "Access denied: the credential may not read users");
  }
  return jsonReply(200, SANDBOX_USER);
}

export function matchUserRoute(method: string, path: string): ApiRoute | undefined {
  if (path !== USERS_ME_PATH || method !== "GET") {
    return undefined;
  }
  return { scope: "user_me_read", search: false, write: false, id: "", handle: meHandler };
}
