import { t } from "../i18n/messages";
import { isRecord } from "../shared/is-record";
import { SmartRecruitersError } from "./errors";

/** SmartRecruiters' OAuth 2.0: the authorization URL and the token endpoint's grants and errors. */

/** What the extension asks for: read, create and update candidates (tags included). */
export const requiredScopes = ["candidates_read", "candidates_create", "candidates_manage"] as const;

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
}

export function authorizationUrl(input: {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(input.authorizeUrl);
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", requiredScopes.join(" "));
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

function parseTokenSet(body: unknown, now: number): TokenSet {
  if (!isRecord(body) || typeof body.access_token !== "string" || body.access_token === "")
    throw new SmartRecruitersError("invalid-response", t("errNoAccessToken"));
  const expiresIn = typeof body.expires_in === "number" && Number.isFinite(body.expires_in) ? body.expires_in : 1800;
  const scopes = typeof body.scope === "string" ? body.scope.split(/[\s,]+/u).filter(Boolean) : [...requiredScopes];
  return {
    accessToken: body.access_token,
    expiresAt: now + Math.max(0, expiresIn) * 1000,
    ...(typeof body.refresh_token === "string" && body.refresh_token !== "" ? { refreshToken: body.refresh_token } : {}),
    scopes,
  };
}

/** Scopes SmartRecruiters did not grant, by name. */
export function missingScopes(granted: readonly string[]): string[] {
  return requiredScopes.filter((scope) => !granted.includes(scope));
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

function tokenError(status: number, body: unknown, endpoint: string): SmartRecruitersError {
  const error = isRecord(body) && typeof body.error === "string" ? body.error : "";
  if (error === "invalid_grant") return new TokenError(error, "not-connected", t("errSignInExpired"), status);
  if (error === "invalid_client" || error === "unauthorized_client")
    return new TokenError(error, "not-connected", t("errClientRefused", endpoint), status);
  if (error === "invalid_scope")
    return new TokenError(error, "access-denied", t("errScopeRefused", requiredScopes.join(", ")), status);
  if (status === 429) return new SmartRecruitersError("rate-limited", t("errSignInBusy"), status);
  if (status >= 500) return new SmartRecruitersError("server-error", t("errTokenEndpointDown", endpoint, String(status)), status);
  return new SmartRecruitersError(
    "bad-request",
    t("errTokenRequestRefused", endpoint, `${status}${error ? `, ${error}` : ""}`),
    status,
  );
}

async function requestTokens(endpoint: TokenEndpoint, fields: Record<string, string>, now: () => number): Promise<TokenSet> {
  const form = new URLSearchParams({ ...fields, client_id: endpoint.clientId });
  if (endpoint.clientSecret) form.set("client_secret", endpoint.clientSecret);
  const host = safeHost(endpoint.tokenUrl);
  const doFetch = endpoint.fetch ?? ((input, init) => fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(endpoint.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: form.toString(),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new SmartRecruitersError("offline", t("errTokenEndpointUnreachable", host));
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text()) as unknown;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw tokenError(response.status, body, host);
  return parseTokenSet(body, now());
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "not a valid address";
  }
}

export function exchangeCode(
  endpoint: TokenEndpoint,
  input: { code: string; redirectUri: string; codeVerifier: string },
  now: () => number = Date.now,
): Promise<TokenSet> {
  return requestTokens(
    endpoint,
    { grant_type: "authorization_code", code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier },
    now,
  );
}

export function refreshTokens(endpoint: TokenEndpoint, refreshToken: string, now: () => number = Date.now): Promise<TokenSet> {
  return requestTokens(endpoint, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

export function clientCredentialsToken(endpoint: TokenEndpoint, now: () => number = Date.now): Promise<TokenSet> {
  return requestTokens(endpoint, { grant_type: "client_credentials" }, now);
}
