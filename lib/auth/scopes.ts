import { accountScope, createScope, jobsScope } from "../smartrecruiters/oauth";
import { authConfig } from "./auth-config";
import { type AccessToken, accessTokenItem, type RefreshToken, refreshTokenItem } from "./credential-store";

/**
 * What the current credential may do beyond candidates. An interviewer's OAuth grant says which
 * scopes SmartRecruiters granted; an API key or the organisation's client credentials do not (an
 * API key has full access, a System role's rights are unknown here): "all", and a 403 tells.
 */
export type GrantedScopes = string[] | "all";

/** The scopes of the user's OAuth grant as kept: with the refresh token, else with the access token. */
export function oauthScopes(
  refresh: Pick<RefreshToken, "scopes"> | null,
  access: Pick<AccessToken, "scopes" | "grant"> | null,
): string[] {
  return refresh?.scopes ?? (access?.grant === "oauth" ? access.scopes : []);
}

/** The interviewer's OAuth grant's scopes, or "all" for an API key and the organisation's client credentials. */
export async function grantedScopes(): Promise<GrantedScopes> {
  const [config, refresh, access] = await Promise.all([authConfig(), refreshTokenItem.getValue(), accessTokenItem.getValue()]);
  return config.mode === "oauth" ? oauthScopes(refresh, access) : "all";
}

export const grants = (scopes: GrantedScopes, scope: string): boolean => scopes === "all" || scopes.includes(scope);

/**
 * Whether creating a candidate may work: false when the interviewer's sign-in was not granted
 * `candidates_create` (asked only while create-and-update is on: switched on after signing in, the
 * grant lacks it until the interviewer signs in again). The caller checks the setting itself; with
 * false, nothing is created: SmartRecruiters would refuse it.
 */
export async function canCreateCandidates(): Promise<boolean> {
  return grants(await grantedScopes(), createScope);
}

/** Whether `GET /jobs` may work: false only when the interviewer's sign-in was not granted `jobs_read`. */
export async function canReadJobs(): Promise<boolean> {
  return grants(await grantedScopes(), jobsScope);
}

/** Whether `users/me` may work: false when the interviewer's sign-in was not granted `user_me_read`. */
export async function canReadAccount(): Promise<boolean> {
  return grants(await grantedScopes(), accountScope);
}
