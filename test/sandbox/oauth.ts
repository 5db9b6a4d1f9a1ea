import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { findClient, isAllowedRedirectUri, type OAuthClient } from "./clients";
import type { RequestContext } from "./context";
import { ALL_SCOPES } from "./credentials";
import { sendOAuthError } from "./errors";
import { type Headers, isFormContentType, sendHtml, sendJson, sendRedirect } from "./http";
import { consentPage, errorPage } from "./pages";
import type { AccessTokenRecord, RefreshTokenRecord } from "./tokens";
import type { Scope } from "./types";

/** SmartRecruiters' OAuth endpoints: /identity/oauth/allow and /identity/oauth/token. */

const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

function isScope(value: string): value is Scope {
  return (ALL_SCOPES as readonly string[]).includes(value);
}

interface AuthorizeRequest {
  client: OAuthClient;
  redirectUri: string;
  scopes: Scope[];
  state?: string;
  challenge?: string;
  challengeMethod?: "S256" | "plain";
  /** The parameters as received, for the consent form. */
  fields: Record<string, string>;
}

type AuthorizeCheck =
  | { kind: "page"; message: string }
  | { kind: "redirect"; location: string }
  | { kind: "ok"; request: AuthorizeRequest };

function withParams(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url.toString();
}

function optional(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) ?? undefined;
}

/** Errors about the client or the redirect URI are shown as a page; the others go back to the client. */
function checkAuthorize(params: URLSearchParams): AuthorizeCheck {
  const clientId = params.get("client_id") ?? "";
  const client = findClient(clientId);
  if (clientId === "") {
    return { kind: "page", message: "Missing client_id." };
  }
  if (client === undefined || !client.grants.includes("authorization_code")) {
    return { kind: "page", message: `Unknown client_id: ${clientId}` };
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (redirectUri === "") {
    return { kind: "page", message: "Missing redirect_uri." };
  }
  if (!isAllowedRedirectUri(redirectUri)) {
    return { kind: "page", message: `redirect_uri is not registered for this client: ${redirectUri}` };
  }
  const state = optional(params, "state");
  const fail = (error: string, description: string): AuthorizeCheck => ({
    kind: "redirect",
    location: withParams(redirectUri, { error, error_description: description, state }),
  });
  const responseType = params.get("response_type");
  if (responseType !== null && responseType !== "code") {
    return fail("unsupported_response_type", "response_type must be code");
  }
  const scopeText = params.get("scope") ?? "";
  if (scopeText.includes(",")) {
    return fail("invalid_scope", "Scopes must be separated by spaces, not commas");
  }
  const requested = scopeText.split(/\s+/).filter((s) => s !== "");
  if (requested.length === 0) {
    return fail("invalid_scope", "scope is required");
  }
  const unknown = requested.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    return fail("invalid_scope", `Unknown scope: ${unknown.join(" ")}`);
  }
  const scopes = [...new Set(requested.filter(isScope))];
  const challenge = optional(params, "code_challenge");
  const method = optional(params, "code_challenge_method");
  let challengeMethod: "S256" | "plain" | undefined;
  if (challenge !== undefined) {
    if (!PKCE_VALUE.test(challenge)) {
      return fail("invalid_request", "code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~]");
    }
    if (method !== undefined && method !== "S256" && method !== "plain") {
      return fail("invalid_request", "code_challenge_method must be S256 or plain");
    }
    challengeMethod = method === "S256" ? "S256" : "plain";
  } else if (method !== undefined) {
    return fail("invalid_request", "code_challenge_method without code_challenge");
  }
  const fields: Record<string, string> = {};
  for (const name of [
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "code_challenge",
    "code_challenge_method",
    "response_type",
  ]) {
    const value = params.get(name);
    if (value !== null) {
      fields[name] = value;
    }
  }
  return {
    kind: "ok",
    request: {
      client,
      redirectUri,
      scopes,
      fields,
      ...(state !== undefined ? { state } : {}),
      ...(challenge !== undefined && challengeMethod !== undefined ? { challenge, challengeMethod } : {}),
    },
  };
}

/** The requested scopes minus those the sandbox withholds (mode withholdScopes); none left: invalid_scope. */
function grantCode(ctx: RequestContext, request: AuthorizeRequest): void {
  const withheld = ctx.state.modes.withholdScopes;
  const scopes = request.scopes.filter((scope) => !withheld.includes(scope));
  if (scopes.length === 0) {
    sendRedirect(
      ctx.res,
      withParams(request.redirectUri, {
        error: "invalid_scope",
        error_description: "None of the requested scopes can be granted",
        state: request.state,
      }),
    );
    return;
  }
  const issued = ctx.state.tokens.issueCode(
    {
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      scopes,
      ...(request.challenge !== undefined && request.challengeMethod !== undefined
        ? { challenge: request.challenge, challengeMethod: request.challengeMethod }
        : {}),
    },
    Date.now(),
  );
  sendRedirect(ctx.res, withParams(request.redirectUri, { code: issued.code, state: request.state }));
}

/** GET (and POST from the consent page) /identity/oauth/allow. */
export function handleAuthorize(ctx: RequestContext): void {
  if (ctx.method !== "GET" && ctx.method !== "POST") {
    sendHtml(ctx.res, 405, errorPage("Method not allowed", "Use GET or POST."), { Allow: "GET, POST" });
    return;
  }
  const params =
    ctx.method === "POST" && isFormContentType(ctx.req.headers["content-type"])
      ? new URLSearchParams(ctx.body.toString("utf8"))
      : ctx.url.searchParams;
  const check = checkAuthorize(params);
  if (check.kind === "page") {
    sendHtml(ctx.res, 400, errorPage("Authorization error", check.message));
    return;
  }
  if (check.kind === "redirect") {
    sendRedirect(ctx.res, check.location);
    return;
  }
  const request = check.request;
  if (ctx.method === "POST") {
    const decision = params.get("decision");
    if (decision === "allow") {
      grantCode(ctx, request);
    } else if (decision === "deny") {
      sendRedirect(ctx.res, withParams(request.redirectUri, { error: "access_denied", state: request.state }));
    } else {
      sendHtml(ctx.res, 400, errorPage("Authorization error", "decision must be allow or deny."));
    }
    return;
  }
  if (ctx.state.modes.authorizePage === "click") {
    sendHtml(ctx.res, 200, consentPage(request.client.name, request.scopes, request.fields));
    return;
  }
  grantCode(ctx, request);
}

interface ClientAuth {
  client: OAuthClient;
  /** The client proved itself with its secret. */
  secretVerified: boolean;
}

type ClientAuthCheck =
  | { ok: true; auth: ClientAuth }
  | { ok: false; status: number; error: string; description: string; headers: Headers };

function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (match?.[1] === undefined) {
    return undefined;
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) {
    return undefined;
  }
  const decodePart = (value: string): string => {
    try {
      return decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      return value;
    }
  };
  return { id: decodePart(decoded.slice(0, colon)), secret: decodePart(decoded.slice(colon + 1)) };
}

/** Client authentication by HTTP Basic or by client_id / client_secret form fields. */
function authenticateClient(req: IncomingMessage, form: URLSearchParams): ClientAuthCheck {
  const basic = basicCredentials(req);
  const formId = form.get("client_id") ?? undefined;
  const formSecret = form.get("client_secret") ?? undefined;
  const challengeHeaders: Headers = basic !== undefined ? { "WWW-Authenticate": 'Basic realm="SmartRecruiters sandbox"' } : {};
  const invalidClient = (description: string): ClientAuthCheck => ({
    ok: false,
    status: 401,
    error: "invalid_client",
    description,
    headers: challengeHeaders,
  });
  if (basic !== undefined && formSecret !== undefined) {
    return {
      ok: false,
      status: 400,
      error: "invalid_request",
      description: "Use one client authentication method only",
      headers: {},
    };
  }
  if (basic !== undefined && formId !== undefined && formId !== basic.id) {
    return {
      ok: false,
      status: 400,
      error: "invalid_request",
      description: "client_id does not match the Basic credentials",
      headers: {},
    };
  }
  const clientId = basic?.id ?? formId;
  const secret = basic?.secret ?? formSecret;
  if (clientId === undefined || clientId === "") {
    return invalidClient("Client authentication required: client_id is missing");
  }
  const client = findClient(clientId);
  if (client === undefined) {
    return invalidClient(`Unknown client: ${clientId}`);
  }
  if (secret !== undefined && secret !== client.secret) {
    return invalidClient("Invalid client secret");
  }
  return { ok: true, auth: { client, secretVerified: secret !== undefined } };
}

function verifierMatches(verifier: string, challenge: string, method: "S256" | "plain"): boolean {
  if (method === "plain") {
    return verifier === challenge;
  }
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

function sendTokens(ctx: RequestContext, access: AccessTokenRecord, refresh: RefreshTokenRecord | undefined): void {
  sendJson(
    ctx.res,
    200,
    {
      access_token: access.token,
      token_type: "Bearer",
      expires_in: ctx.state.modes.accessTokenTtlSeconds,
      ...(refresh !== undefined ? { refresh_token: refresh.token } : {}),
      scope: access.scopes.join(" "),
    },
    { "Cache-Control": "no-store", Pragma: "no-cache" },
  );
}

function authorizationCodeGrant(ctx: RequestContext, form: URLSearchParams, auth: ClientAuth): void {
  const { res, state } = ctx;
  const tokens = state.tokens;
  const now = Date.now();
  const code = form.get("code") ?? "";
  const redirectUri = form.get("redirect_uri") ?? "";
  if (code === "" || redirectUri === "") {
    sendOAuthError(res, 400, "invalid_request", "code and redirect_uri are required");
    return;
  }
  const record = tokens.findCode(code);
  if (record === undefined) {
    sendOAuthError(res, 400, "invalid_grant", "Unknown authorization code");
    return;
  }
  if (record.used) {
    // A replayed code: refuse it and revoke what it granted.
    if (record.grantId !== undefined) {
      tokens.revokeGrant(record.grantId);
    }
    sendOAuthError(res, 400, "invalid_grant", "The authorization code was already used");
    return;
  }
  if (now >= record.expiresAt) {
    tokens.deleteCode(code);
    sendOAuthError(res, 400, "invalid_grant", "The authorization code expired");
    return;
  }
  if (record.clientId !== auth.client.id) {
    sendOAuthError(res, 400, "invalid_grant", "The authorization code was issued to another client");
    return;
  }
  if (record.redirectUri !== redirectUri) {
    sendOAuthError(res, 400, "invalid_grant", "redirect_uri does not match the authorization request");
    return;
  }
  const pkceOnly = state.modes.pkceOnly;
  if (!pkceOnly && !auth.secretVerified) {
    sendOAuthError(res, 401, "invalid_client", "Client authentication required: client_secret is missing");
    return;
  }
  const verifier = form.get("code_verifier") ?? undefined;
  let pkceVerified = false;
  if (verifier !== undefined) {
    if (record.challenge === undefined || record.challengeMethod === undefined) {
      sendOAuthError(res, 400, "invalid_grant", "code_verifier sent but the authorization request had no code_challenge");
      return;
    }
    if (!PKCE_VALUE.test(verifier) || !verifierMatches(verifier, record.challenge, record.challengeMethod)) {
      sendOAuthError(res, 400, "invalid_grant", "code_verifier does not match the code_challenge");
      return;
    }
    pkceVerified = true;
  }
  if (!pkceOnly && record.challenge !== undefined && !pkceVerified) {
    sendOAuthError(res, 400, "invalid_grant", "code_verifier is required: the authorization request had a code_challenge");
    return;
  }
  if (!auth.secretVerified && !pkceVerified) {
    if (record.challenge !== undefined) {
      sendOAuthError(res, 400, "invalid_grant", "code_verifier is required (or authenticate with client_secret)");
    } else {
      sendOAuthError(res, 401, "invalid_client", "Client authentication required: client_secret is missing");
    }
    return;
  }
  const grantId = `code:${randomUUID()}`;
  record.used = true;
  record.grantId = grantId;
  const ttl = state.modes.accessTokenTtlSeconds;
  const access = tokens.issueAccess(grantId, auth.client.id, record.scopes, ttl, now);
  const refresh = tokens.issueRefresh(grantId, auth.client.id, record.scopes, !auth.secretVerified, now);
  sendTokens(ctx, access, refresh);
}

function refreshTokenGrant(ctx: RequestContext, form: URLSearchParams, auth: ClientAuth): void {
  const { res, state } = ctx;
  const tokens = state.tokens;
  const now = Date.now();
  const token = form.get("refresh_token") ?? "";
  if (token === "") {
    sendOAuthError(res, 400, "invalid_request", "refresh_token is required");
    return;
  }
  const record = tokens.findRefresh(token);
  if (record === undefined) {
    sendOAuthError(res, 400, "invalid_grant", "Unknown, revoked or already used refresh token");
    return;
  }
  if (now >= record.expiresAt) {
    tokens.deleteRefresh(token);
    sendOAuthError(res, 400, "invalid_grant", "The refresh token expired");
    return;
  }
  if (record.clientId !== auth.client.id) {
    sendOAuthError(res, 400, "invalid_grant", "The refresh token was issued to another client");
    return;
  }
  if (!auth.secretVerified && !(record.publicClient && state.modes.pkceOnly)) {
    sendOAuthError(res, 401, "invalid_client", "Client authentication required: client_secret is missing");
    return;
  }
  tokens.deleteRefresh(token);
  const ttl = state.modes.accessTokenTtlSeconds;
  const access = tokens.issueAccess(record.grantId, record.clientId, record.scopes, ttl, now);
  const refresh = tokens.issueRefresh(record.grantId, record.clientId, record.scopes, record.publicClient, now);
  sendTokens(ctx, access, refresh);
}

function clientCredentialsGrant(ctx: RequestContext, auth: ClientAuth): void {
  if (!auth.secretVerified) {
    sendOAuthError(ctx.res, 401, "invalid_client", "Client authentication required: client_secret is missing");
    return;
  }
  const ttl = ctx.state.modes.accessTokenTtlSeconds;
  const access = ctx.state.tokens.issueAccess(`client:${auth.client.id}`, auth.client.id, [...ALL_SCOPES], ttl, Date.now());
  sendTokens(ctx, access, undefined);
}

/** POST /identity/oauth/token (after the gateway's faults). */
export function handleToken(ctx: RequestContext): void {
  const { res } = ctx;
  if (ctx.method !== "POST") {
    sendOAuthError(res, 405, "invalid_request", "Use POST", { Allow: "POST" });
    return;
  }
  if (!isFormContentType(ctx.req.headers["content-type"])) {
    sendOAuthError(res, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
    return;
  }
  const form = new URLSearchParams(ctx.body.toString("utf8"));
  const check = authenticateClient(ctx.req, form);
  if (!check.ok) {
    sendOAuthError(res, check.status, check.error, check.description, check.headers);
    return;
  }
  const grantType = form.get("grant_type") ?? "";
  if (grantType === "") {
    sendOAuthError(res, 400, "invalid_request", "grant_type is required");
    return;
  }
  if (grantType !== "authorization_code" && grantType !== "refresh_token" && grantType !== "client_credentials") {
    sendOAuthError(res, 400, "unsupported_grant_type", `Unsupported grant_type: ${grantType}`);
    return;
  }
  if (!check.auth.client.grants.includes(grantType)) {
    sendOAuthError(res, 400, "unauthorized_client", `This client may not use the ${grantType} grant`);
    return;
  }
  if (grantType === "authorization_code") {
    authorizationCodeGrant(ctx, form, check.auth);
  } else if (grantType === "refresh_token") {
    refreshTokenGrant(ctx, form, check.auth);
  } else {
    clientCredentialsGrant(ctx, check.auth);
  }
}
