import { t } from "../i18n/messages";
import { type Endpoints, endpoints, readSettings, typedEndpointsToKeep } from "../settings/settings";
import { checkTypedValue, endpointLabels } from "../settings/typed-address";
import { createClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import {
  authorizationUrl,
  exchangeCode,
  missingScopes,
  neededScopes,
  readAuthorizationAnswer,
  requestedScopes,
  type ScopeNeeds,
} from "../smartrecruiters/oauth";
import { type AuthConfig, authConfig } from "./auth-config";
import { accessTokenItem, authProblemItem, refreshTokenItem, storedCredential } from "./credential-store";
import { newSignIn, type SignInSecrets } from "./pkce";
import { tokenEndpoint } from "./tokens";

/** The part of `identity` sign-in needs, injectable for tests. */
export interface IdentityApi {
  getRedirectURL(): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

export interface SignInOptions {
  identity: IdentityApi;
  fetch?: typeof fetch;
  now?: () => number;
}

export type SignInOutcome = "connected" | "cancelled";

/** Addresses the interviewer typed under "Advanced"; a value the policy sets is never replaced. */
export type EndpointChoice = Partial<Endpoints>;

/**
 * The interviewer's "Advanced" choices over the current ones, checked: SmartRecruiters' own addresses
 * only (and this computer in dev and test builds); locked values (policy, or a token URL that receives
 * the policy's secret) stay whatever was typed. A refused address throws, naming the field.
 */
export function chosenEndpoints(config: AuthConfig, choice: EndpointChoice): Endpoints {
  const result = { ...config.endpoints };
  for (const key of Object.keys(endpointLabels) as (keyof Endpoints)[]) {
    const typed = choice[key]?.trim();
    if (!typed || config.locked.includes(key)) continue;
    const checked = checkTypedValue(key, typed);
    if (!checked.ok) throw new SmartRecruitersError("bad-request", checked.message);
    result[key] = checked.value;
  }
  return result;
}

/** Chrome: "The user did not approve access."; Firefox: "User cancelled or denied access." */
function closedByUser(error: unknown): boolean {
  return error instanceof Error && /did not approve|cancel/iu.test(error.message);
}

async function verified(apiBaseUrl: string, accessToken: string, fetchImpl?: typeof fetch): Promise<void> {
  const client = createClient({
    apiBaseUrl,
    credential: { kind: "bearer", accessToken },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  await client.searchCandidates('"connection-check@example.invalid"', { limit: 1 });
}

type Authorization = { code: string; secrets: SignInSecrets; redirectUri: string; scopes: readonly string[] } | "cancelled";

/**
 * SmartRecruiters' authorization page in a browser window, asking for `scopes` (the ones `needs` calls
 * for, and optional ones); the code it answers with.
 */
async function authorize(
  options: SignInOptions,
  target: Endpoints,
  needs: ScopeNeeds,
  scopes: readonly string[] = requestedScopes(needs),
): Promise<Authorization> {
  const secrets = await newSignIn();
  const redirectUri = options.identity.getRedirectURL();
  let redirectedTo: string | undefined;
  try {
    redirectedTo = await options.identity.launchWebAuthFlow({
      url: authorizationUrl({
        authorizeUrl: target.authorizeUrl,
        clientId: target.clientId,
        redirectUri,
        state: secrets.state,
        codeChallenge: secrets.codeChallenge,
        scopes,
      }),
      interactive: true,
    });
  } catch (error) {
    if (closedByUser(error)) return "cancelled";
    throw new SmartRecruitersError("offline", t("errSignInPageUnreachable", new URL(target.authorizeUrl).host));
  }
  if (!redirectedTo) return "cancelled";
  const answer = readAuthorizationAnswer(redirectedTo, secrets.state);
  if ("error" in answer) {
    if (answer.error === "access_denied") return "cancelled";
    // A scope this SmartRecruiters does not know (the optional ones are not verified): ask again for the needed ones only.
    const needed = neededScopes(needs);
    if (answer.error === "invalid_scope" && scopes.length > needed.length) return authorize(options, target, needs, needed);
    throw new SmartRecruitersError(
      "bad-request",
      t("errSignInRefused", `${answer.error}${answer.description ? `: ${answer.description}` : ""}`),
    );
  }
  return { code: answer.code, secrets, redirectUri, scopes };
}

/**
 * "Log in and give permission": SmartRecruiters' authorization page in a browser window, with
 * `state` and PKCE (S256); the code is exchanged at the configured token URL (SmartRecruiters, or the
 * organisation's own token endpoint), with the client secret when the policy sets one. It asks only for
 * what the current settings use: reading and tagging candidates, `user_me_read` (the interviewer's
 * name), and, while create-and-update is on, `candidates_create` and `jobs_read`. The needed ones must
 * be granted (so a grant without `candidates_create` connects while create-and-update is off); nothing
 * is kept unless the tokens carry them and one API call with them succeeds. Switching create-and-update
 * on later needs a new sign-in (./needed-scopes.ts). Closing the window changes nothing.
 */
export async function signInWithOAuth(options: SignInOptions, choice: EndpointChoice = {}): Promise<SignInOutcome> {
  const config = await authConfig();
  // An interviewer's own API key may be swapped for a sign-in; the organisation's credential may not.
  if (config.byOrganisation) throw new SmartRecruitersError("bad-request", t("errOrganisationConnects"));
  const target = chosenEndpoints(config, choice);
  if (!target.clientId) throw new SmartRecruitersError("bad-request", t("errNoClientId"));
  const now = options.now ?? Date.now;
  const { createAndUpdateCandidates } = await readSettings();
  const needs: ScopeNeeds = { createAndUpdate: createAndUpdateCandidates };
  const authorization = await authorize(options, target, needs);
  if (authorization === "cancelled") return "cancelled";
  const { code, secrets, redirectUri, scopes } = authorization;
  const started = now();
  const tokens = await exchangeCode(
    tokenEndpoint({ ...config, endpoints: target }, options.fetch),
    { code, redirectUri, codeVerifier: secrets.codeVerifier, scopes },
    now,
  );
  const needed = neededScopes(needs);
  const missing = missingScopes(tokens.scopes, needed);
  if (missing.length > 0)
    throw new SmartRecruitersError("access-denied", t("errScopesNotGranted", missing.join(", "), needed.join(", ")));
  await verified(target.apiBaseUrl, tokens.accessToken, options.fetch);
  await Promise.all([
    refreshTokenItem.setValue(
      tokens.refreshToken ? { refreshToken: tokens.refreshToken, scopes: tokens.scopes, connectedAt: started } : null,
    ),
    accessTokenItem.setValue({
      accessToken: tokens.accessToken,
      issuedAt: started,
      expiresAt: tokens.expiresAt,
      scopes: tokens.scopes,
      grant: "oauth",
    }),
    storedCredential.setValue(null),
    authProblemItem.setValue(null),
    endpoints.setValue(typedEndpointsToKeep(target, config.locked)),
  ]);
  return "connected";
}
