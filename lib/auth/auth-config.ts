import { type AuthMode, cachedPolicy, policySecrets } from "../settings/policy";
import { defaultEndpoints, type Endpoints, endpoints, usableTypedEndpoints } from "../settings/settings";
import { apiHostTokenUrl, isSmartRecruitersHost } from "../smartrecruiters/hosts";
import { storedCredential } from "./credential-store";

/** How the extension signs in right now: the organisation's policy first, then the interviewer's choice. */
export interface AuthConfig {
  mode: AuthMode;
  /** The organisation's own credential (policy apiKey or clientCredentials): nothing for the interviewer to do. */
  byOrganisation: boolean;
  /** The policy leaves the sign-in method to the interviewer (OAuth or an API key of their own). */
  userMayChoose: boolean;
  endpoints: Endpoints;
  /**
   * Endpoint settings the interviewer may not change, shown locked ("Managed by your organisation"):
   * the ones the policy sets, and the token URL whenever a policy client secret is sent there.
   */
  locked: (keyof Endpoints)[];
  clientSecret?: string;
  apiKey?: string;
}

/** The settings of Endpoints, in the side panel's order. */
const endpointKeys: readonly (keyof Endpoints)[] = ["apiBaseUrl", "profileUrlTemplate", "authorizeUrl", "tokenUrl", "clientId"];

/**
 * Where each credential may go. The organisation's (policy apiKey, clientCredentials) only where the
 * policy points, else SmartRecruiters' defaults: nothing the interviewer typed. A policy client secret
 * only to the policy's tokenUrl, else SmartRecruiters' own token URL (the API host's for client
 * credentials, as SmartRecruiters documents): a token address the interviewer typed is then ignored,
 * and shown locked. The interviewer's own sign-in or API key goes where they typed (SmartRecruiters' hosts).
 */
export async function authConfig(): Promise<AuthConfig> {
  const [{ policy }, stored, userKey, secrets] = await Promise.all([
    cachedPolicy.getValue(),
    endpoints.getValue(),
    storedCredential.getValue(),
    // Read in every mode: an interviewer on an API key of their own may still sign in with OAuth, with the policy's secret.
    policySecrets(),
  ]);
  const byOrganisation = policy.authMode === "apiKey" || policy.authMode === "clientCredentials";
  const mode: AuthMode = policy.authMode ?? (userKey ? "apiKey" : "oauth");
  const locked = endpointKeys.filter((key) => policy[key] !== undefined);
  const effective: Endpoints = byOrganisation ? { ...defaultEndpoints } : usableTypedEndpoints(stored);
  for (const key of locked) effective[key] = policy[key] ?? effective[key];
  if ((secrets.clientSecret || mode === "clientCredentials") && policy.tokenUrl === undefined) {
    effective.tokenUrl =
      mode === "clientCredentials"
        ? (apiHostTokenUrl(effective.apiBaseUrl) ?? defaultEndpoints.tokenUrl)
        : defaultEndpoints.tokenUrl;
    locked.push("tokenUrl");
  }
  return {
    mode,
    byOrganisation,
    userMayChoose: policy.authMode === undefined,
    endpoints: effective,
    locked,
    ...(secrets.clientSecret ? { clientSecret: secrets.clientSecret } : {}),
    ...(policy.authMode === "apiKey" && secrets.apiKey ? { apiKey: secrets.apiKey } : {}),
  };
}

/**
 * The interviewer's sign-in would send the code straight to SmartRecruiters with no client secret,
 * which SmartRecruiters documents as required: it needs the organisation's token endpoint (which
 * adds the secret) or a client secret set by policy.
 */
export function signInLacksSecret(config: Pick<AuthConfig, "mode" | "clientSecret" | "endpoints">): boolean {
  return config.mode === "oauth" && !config.clientSecret && isSmartRecruitersHost(config.endpoints.tokenUrl);
}
