import { type AuthMode, cachedPolicy, policySecrets } from "../settings/policy";
import { type Endpoints, endpoints } from "../settings/settings";
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
  /** Endpoint settings the policy sets: shown locked. */
  locked: (keyof Endpoints)[];
  clientSecret?: string;
  apiKey?: string;
}

const endpointKeys: readonly (keyof Endpoints)[] = ["apiBaseUrl", "profileUrlTemplate", "authorizeUrl", "tokenUrl", "clientId"];

export async function authConfig(): Promise<AuthConfig> {
  const [{ policy }, userEndpoints, userKey] = await Promise.all([
    cachedPolicy.getValue(),
    endpoints.getValue(),
    storedCredential.getValue(),
  ]);
  const locked = endpointKeys.filter((key) => policy[key] !== undefined);
  const effective: Endpoints = { ...userEndpoints };
  for (const key of locked) effective[key] = policy[key] as string;
  const mode: AuthMode = policy.authMode ?? (userKey ? "apiKey" : "oauth");
  // SmartRecruiters documents client credentials on the API host's token URL, not www's.
  if (mode === "clientCredentials" && policy.tokenUrl === undefined)
    effective.tokenUrl = apiHostTokenUrl(effective.apiBaseUrl) ?? effective.tokenUrl;
  const byOrganisation = policy.authMode === "apiKey" || policy.authMode === "clientCredentials";
  // Read in every mode: an interviewer on an API key of their own may still sign in with OAuth, with the policy's secret.
  const secrets = await policySecrets();
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
