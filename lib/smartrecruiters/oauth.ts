import { t } from "../i18n/messages";
import { isRecord } from "../shared/is-record";
import { errorFromResponse, SmartRecruitersError } from "./errors";
import { callTimeoutMs } from "./timeout";

/** SmartRecruiters' OAuth 2.0: the authorization URL and the token endpoint's grants and errors. */

/** What every sign-in must be granted: reading candidates, and updating them (the rating tags). */
export const requiredScopes = ["candidates_read", "candidates_manage"] as const;

/** Creating candidates: asked for, and needed, only while create-and-update is on. */
export const createScope = "candidates_create";

/** Asked for, but a grant without them still connects: the user's name (`users/me`) and reading jobs. */
export const accountScope = "user_me_read";
export const jobsScope = "jobs_read";

/** What the settings say the extension may do: with create-and-update on it also creates candidates. */
export interface ScopeNeeds {
  createAndUpdate: boolean;
}

/** The scopes a sign-in must be granted under these settings: the required ones, and creating while create-and-update is on. */
export function neededScopes(needs: ScopeNeeds): string[] {
  return [...requiredScopes, ...(needs.createAndUpdate ? [createScope] : [])];
}

/**
 * The scopes a sign-in asks for, space-separated in the authorization URL: the needed ones, the
 * user's name, and reading jobs only while the extension may create candidates (it looks up the
 * interview's job to create them for it). Never more than the settings use.
 */
export function requestedScopes(needs: ScopeNeeds): string[] {
  return [...neededScopes(needs), accountScope, ...(needs.createAndUpdate ? [jobsScope] : [])];
}

export interface TokenSet {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Absent for client credentials; SmartRecruiters' refresh tokens are one-time use. */
  refreshToken?: string;
  scopes: string[];
}

export interface TokenEndpoint {
  tokenUrl: string;
  clientId: string;
  /** Only when the organisation supplies it by policy; an organisation's own token endpoint adds it itself. */
  clientSecret?: string;
  fetch?: typeof fetch;
  /** No answer within this long is a passing failure, like an unreachable endpoint (default 30 s, as API calls). */
  timeoutMs?: number;
}

export function authorizationUrl(input: {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: readonly string[];
}): string {
  const url = new URL(input.authorizeUrl);
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", input.scopes.join(" "));
  url.searchParams.set("state", input.state);
  url.searchParams.set("code_challenge", input.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.href;
}

export type AuthorizationAnswer = { code: string } | { error: string; description: string | null };

/** Reads the redirect SmartRecruiters sent back; refuses it when `state` is not ours. */
export function readAuthorizationAnswer(redirectedTo: string, expectedState: string): AuthorizationAnswer {
  const params = new URL(redirectedTo).searchParams;
  if (params.get("state") !== expectedState) throw new SmartRecruitersError("bad-request", t("errSignInMismatch"));
  const error = params.get("error");
  if (error) return { error, description: params.get("error_description") };
  const code = params.get("code");
  if (!code) throw new SmartRecruitersError("invalid-response", t("errNoAuthorizationCode"));
  return { code };
}

/** `assumed`: the scopes to count as granted when the answer names none (OAuth: then they are the ones asked for). */
function parseTokenSet(body: unknown, now: number, assumed: readonly string[]): TokenSet {
  if (!isRecord(body) || typeof body.access_token !== "string" || body.access_token === "")
    throw new SmartRecruitersError("invalid-response", t("errNoAccessToken"));
  const expiresIn = typeof body.expires_in === "number" && Number.isFinite(body.expires_in) ? body.expires_in : 1800;
  const scopes = typeof body.scope === "string" ? body.scope.split(/[\s,]+/u).filter(Boolean) : [...assumed];
  return {
    accessToken: body.access_token,
    expiresAt: now + Math.max(0, expiresIn) * 1000,
    ...(typeof body.refresh_token === "string" && body.refresh_token !== "" ? { refreshToken: body.refresh_token } : {}),
    scopes,
  };
}

/** The scopes of `needed` (default: the required ones) SmartRecruiters did not grant, by name. */
export function missingScopes(granted: readonly string[], needed: readonly string[] = requiredScopes): string[] {
  return needed.filter((scope) => !granted.includes(scope));
}

/** A refusal from the token endpoint, with the OAuth error code ("invalid_grant": sign in again). */
export class TokenError extends SmartRecruitersError {
  constructor(
    readonly oauthError: string,
    kind: SmartRecruitersError["kind"],
    message: string,
    status?: number,
  ) {
    super(kind, message, status);
    this.name = "TokenError";
  }

  /** The grant is gone (expired, revoked, already used): only a new sign-in helps. */
  get grantRevoked(): boolean {
    return this.oauthError === "invalid_grant";
  }
}

/** What the request said of the client: with a secret (policy), or none (PKCE only, or the organisation's endpoint adds it). */
interface Sent {
  host: string;
  secret: boolean;
}

/** A refusal of a client that sent no secret: SmartRecruiters documents the secret as required. */
function wantsSecret(error: string, description: string): boolean {
  return (
    error === "invalid_client" ||
    error === "unauthorized_client" ||
    (error === "invalid_request" && /secret|client auth/iu.test(description))
  );
}

function tokenError(response: Response, body: unknown, sent: Sent): SmartRecruitersError {
  const status = response.status;
  const error = isRecord(body) && typeof body.error === "string" ? body.error : "";
  const description = isRecord(body) && typeof body.error_description === "string" ? body.error_description : "";
  if (error === "invalid_grant") return new TokenError(error, "not-connected", t("errSignInExpired"), status);
  if (!sent.secret && wantsSecret(error, description))
    return new TokenError(error, "not-connected", t("errClientSecretNeeded", sent.host), status);
  if (error === "invalid_client" || error === "unauthorized_client")
    return new TokenError(error, "not-connected", t("errClientRefused", sent.host), status);
  if (error === "invalid_scope")
    return new TokenError(error, "access-denied", t("errScopeRefused", requiredScopes.join(", ")), status);
  // No OAuth error: SmartRecruiters' own answer, e.g. {"message":"No access to feature: Customer API"} (401 or 403).
  if (!error && (status === 401 || status === 403)) {
    const refusal = errorFromResponse(status, response.headers, body);
    if (refusal.kind === "no-api-access") return refusal;
  }
  if (status === 429) return new SmartRecruitersError("rate-limited", t("errSignInBusy"), status);
  if (status >= 500)
    return new SmartRecruitersError("server-error", t("errTokenEndpointDown", sent.host, String(status)), status);
  return new SmartRecruitersError(
    "bad-request",
    t("errTokenRequestRefused", sent.host, `${status}${error ? `, ${error}` : ""}`),
    status,
  );
}

async function requestTokens(
  endpoint: TokenEndpoint,
  fields: Record<string, string>,
  now: () => number,
  assumedScopes: readonly string[],
): Promise<TokenSet> {
  const form = new URLSearchParams({ ...fields, client_id: endpoint.clientId });
  if (endpoint.clientSecret) form.set("client_secret", endpoint.clientSecret);
  const host = safeHost(endpoint.tokenUrl);
  const doFetch = endpoint.fetch ?? ((input, init) => fetch(input, init));
  const unreachable = () => new SmartRecruitersError("offline", t("errTokenEndpointUnreachable", host));
  const signal = AbortSignal.timeout(endpoint.timeoutMs ?? callTimeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(endpoint.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: form.toString(),
      credentials: "omit",
      cache: "no-store",
      signal,
    });
    text = await response.text();
  } catch {
    throw unreachable();
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw tokenError(response, body, { host, secret: Boolean(endpoint.clientSecret) });
  return parseTokenSet(body, now(), assumedScopes);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "not a valid address";
  }
}

/** `scopes`: the ones the authorization asked for (granted, when the answer does not say otherwise). */
export function exchangeCode(
  endpoint: TokenEndpoint,
  input: { code: string; redirectUri: string; codeVerifier: string; scopes: readonly string[] },
  now: () => number = Date.now,
): Promise<TokenSet> {
  return requestTokens(
    endpoint,
    { grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier },
    now,
    input.scopes,
  );
}

/** `granted`: the grant's scopes so far (kept when the answer does not name them). */
export function refreshTokens(
  endpoint: TokenEndpoint,
  refreshToken: string,
  granted: readonly string[],
  now: () => number = Date.now,
): Promise<TokenSet> {
  return requestTokens(endpoint, { grant_type: "refresh_token", refresh_token: refreshToken }, now, granted);
}

/** The organisation's credential: its scopes are its System role's, unknown here (empty unless the answer names them). */
export function clientCredentialsToken(endpoint: TokenEndpoint, now: () => number = Date.now): Promise<TokenSet> {
  return requestTokens(endpoint, { grant_type: "client_credentials" }, now, []);
}
