/**
 * A reference OAuth token-exchange endpoint an organisation runs for the extension.
 *
 * SmartRecruiters issues OAuth clients with a client secret, and a secret cannot be kept inside a
 * browser extension. The extension therefore posts its token requests (authorization_code with a PKCE
 * code_verifier, or refresh_token) here without a secret; this handler checks who is calling, adds
 * client_id and client_secret, forwards the request to SmartRecruiters' token URL and returns
 * SmartRecruiters' JSON answer.
 *
 * An authorization code is exchanged only for the redirect URI of an allowed extension
 * (redirect-uri.ts), and each client IP address may make rateLimitPerMinute requests a minute
 * (rate-limit.ts); the platform passes the address as `{ clientIp }` (node.ts does it for Node).
 *
 * Web-standard (Request / Response / fetch / crypto.subtle only): the same code runs under Node (see
 * node.ts), Cloudflare Workers, Deno Deploy and edge functions. It stores no tokens and logs nothing; the
 * only state is the per-address request counts, in memory. See docs/token-endpoint.md.
 */

import { clientKey } from "./client-key.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import {
  checkedRedirectUri,
  chromiumRedirectHost,
  firefoxRedirectHost,
  isAllowedRedirectUri,
  isFirefoxAddonId,
  type RedirectAllowList,
} from "./redirect-uri.ts";

export const DEFAULT_UPSTREAM_TOKEN_URL = "https://www.smartrecruiters.com/identity/oauth/token";

/** Largest request body accepted; a real token request is a few hundred bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** How long SmartRecruiters' token endpoint may take (connect and answer) before a 502. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

/** Access-Control-Max-Age of a preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Requests a client IP address may make per minute, unless rateLimitPerMinute says otherwise. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 30;

/** Most client addresses counted at once (about 100 bytes each); see rate-limit.ts. */
export const MAX_RATE_LIMITED_CLIENTS = 10_000;

const RATE_WINDOW_MS = 60_000;

export interface TokenEndpointConfig {
  /** The OAuth client ID SmartRecruiters issued. */
  clientId: string;
  /** Its secret: added to every forwarded request, never returned, never logged. */
  clientSecret: string;
  /** SmartRecruiters' token URL, e.g. DEFAULT_UPSTREAM_TOKEN_URL. https (plain http only to 127.0.0.1 / localhost). */
  upstreamTokenUrl: string;
  /** Chrome / Edge extension IDs (32 letters a-p) whose origin chrome-extension://<id> may call. */
  allowedExtensionIds: string[];
  /** Further exact origins that may call, e.g. moz-extension://<uuid> for Firefox. */
  allowedOrigins?: string[];
  /**
   * Firefox add-on IDs (browser_specific_settings.gecko.id) whose identity.getRedirectURL(),
   * https://<SHA-1 of the ID>.extensions.allizom.org/, may be the redirect_uri of a code exchange.
   * (Each ID in allowedExtensionIds allows https://<id>.chromiumapp.org/.)
   */
  allowedFirefoxAddonIds?: string[];
  /** Further exact redirect URIs a code exchange may name (https, or http to 127.0.0.1 / localhost). */
  allowedRedirectUris?: string[];
  /** Requests per minute from one client IP address; default DEFAULT_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute?: number;
  /** Used for the upstream call; default the global fetch. */
  fetch?: typeof fetch;
  /** Default DEFAULT_UPSTREAM_TIMEOUT_MS. */
  upstreamTimeoutMs?: number;
  /** The clock of the rate limit, in milliseconds; default Date.now (tests pass their own). */
  now?: () => number;
}

/** What the platform knows of a request beyond the Request itself. */
export interface TokenRequestContext {
  /**
   * The address of the client that connected (the socket's peer, or what the platform's edge says it
   * was: CF-Connecting-IP, Deno's remoteAddr, Netlify's context.ip, …). Requests without one share a
   * single rate-limit bucket.
   */
  clientIp?: string | undefined;
}

export type TokenHandler = (request: Request, context?: TokenRequestContext) => Promise<Response>;

/** The fields the extension may send; everything else in a request body is dropped. */
const FORWARDED_FIELDS = ["grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope"] as const;

/** Fields each grant must carry (non-empty). */
const REQUIRED_FIELDS = {
  authorization_code: ["code", "redirect_uri", "code_verifier"],
  refresh_token: ["refresh_token"],
} as const;

type SupportedGrant = keyof typeof REQUIRED_FIELDS;

const EXTENSION_ID = /^[a-p]{32}$/;

const UNREACHABLE_DESCRIPTION = "SmartRecruiters' token endpoint could not be reached";

/** Thrown by createTokenHandler / configFromEnv when the configuration cannot work. */
export class TokenEndpointConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenEndpointConfigError";
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

function checkUpstreamUrl(text: string, name: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TokenEndpointConfigError(`${name} is not a URL: ${text}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new TokenEndpointConfigError(`${name} must not contain a user name or password`);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new TokenEndpointConfigError(`${name} must be an https URL (plain http only to 127.0.0.1 or localhost): ${text}`);
  }
  return url.href;
}

function checkOrigin(origin: string, name: string): string {
  const trimmed = origin.trim().replace(/\/+$/, "");
  if (trimmed === "" || trimmed === "*" || trimmed === "null") {
    throw new TokenEndpointConfigError(`${name}: "${origin}" is not an origin (wildcards and "null" are not allowed)`);
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i.test(trimmed)) {
    throw new TokenEndpointConfigError(`${name}: "${origin}" is not an origin such as moz-extension://<uuid>`);
  }
  return trimmed;
}

function checkFirefoxAddonId(id: string, name: string): string {
  if (!isFirefoxAddonId(id)) {
    throw new TokenEndpointConfigError(
      `${name}: "${id}" is not a Firefox add-on ID (an ID such as name@example.org or {GUID}, as in browser_specific_settings.gecko.id)`,
    );
  }
  return id;
}

function checkRedirectUri(uri: string, name: string): string {
  const checked = checkedRedirectUri(uri);
  if (checked === undefined) {
    throw new TokenEndpointConfigError(
      `${name}: "${uri}" is not a redirect URI this endpoint can allow (https, or http only to 127.0.0.1 or localhost; no user name, query or fragment)`,
    );
  }
  return checked;
}

function checkRateLimit(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TokenEndpointConfigError(`${name} must be a whole number of requests, at least 1: ${value}`);
  }
  return value;
}

interface CheckedConfig {
  clientId: string;
  clientSecret: string;
  upstreamTokenUrl: string;
  origins: ReadonlySet<string>;
  chromiumHosts: ReadonlySet<string>;
  firefoxAddonIds: readonly string[];
  redirectUris: ReadonlySet<string>;
  rateLimitPerMinute: number;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => number;
}

function checkConfig(config: TokenEndpointConfig): CheckedConfig {
  if (config.clientId.trim() === "") {
    throw new TokenEndpointConfigError("clientId is empty");
  }
  if (config.clientSecret === "") {
    throw new TokenEndpointConfigError("clientSecret is empty");
  }
  const origins = new Set<string>();
  const chromiumHosts = new Set<string>();
  for (const id of config.allowedExtensionIds) {
    if (!EXTENSION_ID.test(id)) {
      throw new TokenEndpointConfigError(`allowedExtensionIds: "${id}" is not an extension ID (32 letters a-p)`);
    }
    origins.add(`chrome-extension://${id}`);
    chromiumHosts.add(chromiumRedirectHost(id));
  }
  for (const origin of config.allowedOrigins ?? []) {
    origins.add(checkOrigin(origin, "allowedOrigins"));
  }
  if (origins.size === 0) {
    throw new TokenEndpointConfigError("No caller is allowed: set allowedExtensionIds (or allowedOrigins)");
  }
  const timeoutMs = config.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TokenEndpointConfigError("upstreamTimeoutMs must be a positive number");
  }
  const globalFetch: typeof fetch = (input, init) => fetch(input, init);
  return {
    clientId: config.clientId.trim(),
    clientSecret: config.clientSecret,
    upstreamTokenUrl: checkUpstreamUrl(config.upstreamTokenUrl, "upstreamTokenUrl"),
    origins,
    chromiumHosts,
    firefoxAddonIds: (config.allowedFirefoxAddonIds ?? []).map((id) => checkFirefoxAddonId(id, "allowedFirefoxAddonIds")),
    redirectUris: new Set((config.allowedRedirectUris ?? []).map((uri) => checkRedirectUri(uri, "allowedRedirectUris"))),
    rateLimitPerMinute: checkRateLimit(config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, "rateLimitPerMinute"),
    fetch: config.fetch ?? globalFetch,
    timeoutMs,
    now: config.now ?? Date.now,
  };
}

function listFromEnv(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Reads SR_CLIENT_ID, SR_CLIENT_SECRET, SR_TOKEN_URL (optional), ALLOWED_EXTENSION_IDS (comma
 * separated), and the optional ALLOWED_ORIGINS, ALLOWED_FIREFOX_ADDON_IDS, ALLOWED_REDIRECT_URIS (comma
 * separated) and RATE_LIMIT_PER_MINUTE. Throws a TokenEndpointConfigError naming the variable that is
 * missing or wrong (never its value when it is the secret).
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): TokenEndpointConfig {
  const required = (name: string, what: string): string => {
    const value = env[name]?.trim() ?? "";
    if (value === "") {
      throw new TokenEndpointConfigError(`${name} is not set: ${what}`);
    }
    return value;
  };
  const clientId = required("SR_CLIENT_ID", "the OAuth client ID SmartRecruiters issued");
  const clientSecret = required("SR_CLIENT_SECRET", "the OAuth client secret SmartRecruiters issued");
  const tokenUrl = env.SR_TOKEN_URL?.trim() || DEFAULT_UPSTREAM_TOKEN_URL;
  const allowedExtensionIds = listFromEnv(env.ALLOWED_EXTENSION_IDS);
  const allowedOrigins = listFromEnv(env.ALLOWED_ORIGINS);
  if (allowedExtensionIds.length === 0 && allowedOrigins.length === 0) {
    throw new TokenEndpointConfigError(
      "ALLOWED_EXTENSION_IDS is not set: the comma-separated IDs of the extension(s) that may call (or set ALLOWED_ORIGINS)",
    );
  }
  for (const id of allowedExtensionIds) {
    if (!EXTENSION_ID.test(id)) {
      throw new TokenEndpointConfigError(`ALLOWED_EXTENSION_IDS: "${id}" is not an extension ID (32 letters a-p)`);
    }
  }
  const config: TokenEndpointConfig = {
    clientId,
    clientSecret,
    upstreamTokenUrl: checkUpstreamUrl(tokenUrl, "SR_TOKEN_URL"),
    allowedExtensionIds,
  };
  if (allowedOrigins.length > 0) {
    config.allowedOrigins = allowedOrigins.map((origin) => checkOrigin(origin, "ALLOWED_ORIGINS"));
  }
  const firefoxAddonIds = listFromEnv(env.ALLOWED_FIREFOX_ADDON_IDS);
  if (firefoxAddonIds.length > 0) {
    config.allowedFirefoxAddonIds = firefoxAddonIds.map((id) => checkFirefoxAddonId(id, "ALLOWED_FIREFOX_ADDON_IDS"));
  }
  const redirectUris = listFromEnv(env.ALLOWED_REDIRECT_URIS);
  if (redirectUris.length > 0) {
    config.allowedRedirectUris = redirectUris.map((uri) => checkRedirectUri(uri, "ALLOWED_REDIRECT_URIS"));
  }
  const rateLimit = env.RATE_LIMIT_PER_MINUTE?.trim() ?? "";
  if (rateLimit !== "") {
    if (!/^\d+$/.test(rateLimit)) {
      throw new TokenEndpointConfigError(`RATE_LIMIT_PER_MINUTE must be a whole number of requests, at least 1: ${rateLimit}`);
    }
    config.rateLimitPerMinute = checkRateLimit(Number(rateLimit), "RATE_LIMIT_PER_MINUTE");
  }
  return config;
}

/** Headers of every answer; CORS headers only for an allowed origin. */
function baseHeaders(allowedOrigin: string | undefined): Headers {
  const headers = new Headers({
    "Cache-Control": "no-store",
    Pragma: "no-cache",
    "X-Content-Type-Options": "nosniff",
    Vary: "Origin",
  });
  if (allowedOrigin !== undefined) {
    headers.set("Access-Control-Allow-Origin", allowedOrigin);
  }
  return headers;
}

function jsonResponse(status: number, body: string, allowedOrigin: string | undefined, extra?: Record<string, string>): Response {
  const headers = baseHeaders(allowedOrigin);
  headers.set("Content-Type", "application/json; charset=utf-8");
  for (const [name, value] of Object.entries(extra ?? {})) {
    headers.set(name, value);
  }
  return new Response(body, { status, headers });
}

function oauthError(
  status: number,
  error: string,
  description: string,
  allowedOrigin: string | undefined,
  extra?: Record<string, string>,
): Response {
  return jsonResponse(status, JSON.stringify({ error, error_description: description }), allowedOrigin, extra);
}

function isFormContentType(value: string | null): boolean {
  const mediaType = (value ?? "").split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/x-www-form-urlencoded";
}

/** The body as text, or undefined when it is larger than MAX_BODY_BYTES. */
async function readLimitedBody(request: Request): Promise<string | undefined> {
  const body = request.body;
  if (body === null) {
    return "";
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Response decodes UTF-8 the standard way (no TextDecoder or Buffer needed).
  return new Response(bytes).text();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSupportedGrant(value: string): value is SupportedGrant {
  return value === "authorization_code" || value === "refresh_token";
}

/** The allowed redirect URIs; Firefox hosts need a SHA-1, which crypto.subtle computes asynchronously. */
async function redirectAllowList(checked: CheckedConfig): Promise<RedirectAllowList> {
  const firefoxHosts = await Promise.all(checked.firefoxAddonIds.map(firefoxRedirectHost));
  return { hosts: new Set([...checked.chromiumHosts, ...firefoxHosts]), uris: checked.redirectUris };
}

const REDIRECT_REFUSED_DESCRIPTION =
  "redirect_uri is not the redirect URL of an extension this token endpoint serves: it must be https://<extension-id>.chromiumapp.org/ " +
  "for an ID in ALLOWED_EXTENSION_IDS, https://<SHA-1 of the add-on ID>.extensions.allizom.org/ for an add-on in " +
  "ALLOWED_FIREFOX_ADDON_IDS, or one of ALLOWED_REDIRECT_URIS, written as identity.getRedirectURL() returns it";

/**
 * The token-exchange handler: (request, { clientIp }?) => Promise<Response>. Create it once per process
 * or isolate, not per request: it holds the rate-limit counts. Throws a TokenEndpointConfigError at
 * creation when the configuration cannot work.
 */
export function createTokenHandler(config: TokenEndpointConfig): TokenHandler {
  const checked = checkConfig(config);
  const redirects = redirectAllowList(checked);
  // Awaited by every code exchange; marked handled here so that a platform without SHA-1 does not
  // crash the process before the first request (the exchange then fails with 500).
  redirects.catch(() => undefined);
  const limiter: RateLimiter = createRateLimiter({
    limit: checked.rateLimitPerMinute,
    windowMs: RATE_WINDOW_MS,
    maxClients: MAX_RATE_LIMITED_CLIENTS,
    now: checked.now,
  });

  async function forward(form: URLSearchParams, origin: string): Promise<Response> {
    let upstream: Response;
    let text: string;
    try {
      upstream = await checked.fetch(checked.upstreamTokenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: form.toString(),
        // A redirect would re-send the secret elsewhere: treat it as a broken upstream instead.
        redirect: "manual",
        signal: AbortSignal.timeout(checked.timeoutMs),
      });
      text = await upstream.text();
    } catch {
      return oauthError(502, "temporarily_unavailable", UNREACHABLE_DESCRIPTION, origin);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const status = upstream.status;
    if (!isRecord(body) || status < 200 || (status >= 300 && status < 400)) {
      return oauthError(
        502,
        "temporarily_unavailable",
        `SmartRecruiters' token endpoint sent an unexpected answer (HTTP ${status}, not an OAuth JSON response)`,
        origin,
      );
    }
    if (body.error === "invalid_client") {
      const upstreamDescription =
        typeof body.error_description === "string" ? ` SmartRecruiters said: ${body.error_description}` : "";
      const description =
        "SmartRecruiters refused this token endpoint's OAuth client: the administrator of the token endpoint needs to check " +
        `its client ID and client secret (SR_CLIENT_ID, SR_CLIENT_SECRET).${upstreamDescription}`;
      return jsonResponse(status, JSON.stringify({ ...body, error_description: description }), origin);
    }
    return jsonResponse(status, text, origin);
  }

  async function handle(request: Request, context: TokenRequestContext): Promise<Response> {
    const requestOrigin = request.headers.get("Origin");
    const allowedOrigin = requestOrigin !== null && checked.origins.has(requestOrigin) ? requestOrigin : undefined;
    // Every request counts, allowed or not: the limit is on what one address may make the endpoint do.
    const decision = limiter.take(clientKey(context.clientIp));
    if (!decision.allowed) {
      return oauthError(
        429,
        "temporarily_unavailable",
        `Too many requests from this address: at most ${checked.rateLimitPerMinute} a minute. Try again in ${decision.retryAfterSeconds} s`,
        allowedOrigin,
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    if (allowedOrigin === undefined) {
      return oauthError(
        403,
        "access_denied",
        requestOrigin === null
          ? "This token endpoint only answers the browser extension it serves (the request had no Origin header)"
          : "This token endpoint only answers the browser extension it serves (this Origin is not allowed)",
        undefined,
      );
    }
    const origin = allowedOrigin;

    if (request.method === "OPTIONS") {
      const headers = baseHeaders(origin);
      headers.set("Access-Control-Allow-Methods", "POST");
      headers.set("Access-Control-Allow-Headers", "Content-Type");
      headers.set("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_SECONDS));
      return new Response(null, { status: 204, headers });
    }
    if (request.method !== "POST") {
      return oauthError(405, "invalid_request", "Use POST", origin, { Allow: "POST, OPTIONS" });
    }
    if (!isFormContentType(request.headers.get("Content-Type"))) {
      return oauthError(415, "invalid_request", "Content-Type must be application/x-www-form-urlencoded", origin);
    }
    const declaredLength = Number(request.headers.get("Content-Length") ?? "0");
    if (Number.isFinite(declaredLength) && declaredLength > MAX_BODY_BYTES) {
      return oauthError(413, "invalid_request", `The request body is larger than ${MAX_BODY_BYTES} bytes`, origin);
    }
    const text = await readLimitedBody(request);
    if (text === undefined) {
      return oauthError(413, "invalid_request", `The request body is larger than ${MAX_BODY_BYTES} bytes`, origin);
    }
    const received = new URLSearchParams(text);

    const names = [...received.keys()];
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated !== undefined) {
      return oauthError(400, "invalid_request", `Parameter sent more than once: ${repeated}`, origin);
    }
    if (received.has("client_secret")) {
      return oauthError(
        400,
        "invalid_request",
        "Do not send client_secret: this token endpoint adds the organisation's client secret itself",
        origin,
      );
    }
    const clientId = received.get("client_id");
    if (clientId !== null && clientId !== checked.clientId) {
      return oauthError(
        400,
        "invalid_client",
        "client_id does not match the OAuth client this token endpoint serves: the extension's clientId policy and the token endpoint's SR_CLIENT_ID must be the same",
        origin,
      );
    }
    const grantType = received.get("grant_type") ?? "";
    if (grantType === "") {
      return oauthError(400, "invalid_request", "grant_type is required", origin);
    }
    if (!isSupportedGrant(grantType)) {
      return oauthError(
        400,
        "unsupported_grant_type",
        "This token endpoint accepts grant_type authorization_code and refresh_token only",
        origin,
      );
    }
    const missing = REQUIRED_FIELDS[grantType].filter((name) => (received.get(name) ?? "") === "");
    if (missing.length > 0) {
      return oauthError(400, "invalid_request", `${grantType} needs ${missing.join(", ")}`, origin);
    }
    if (grantType === "authorization_code" && !isAllowedRedirectUri(received.get("redirect_uri") ?? "", await redirects)) {
      return oauthError(400, "invalid_request", REDIRECT_REFUSED_DESCRIPTION, origin);
    }

    const form = new URLSearchParams();
    for (const name of FORWARDED_FIELDS) {
      const value = received.get(name);
      if (value !== null) {
        form.set(name, value);
      }
    }
    form.set("client_id", checked.clientId);
    form.set("client_secret", checked.clientSecret);
    return forward(form, origin);
  }

  return async (request, context = {}) => {
    try {
      return await handle(request, context);
    } catch {
      // Nothing about the request is logged: it may hold a code or a refresh token.
      const origin = request.headers.get("Origin");
      const allowed = origin !== null && checked.origins.has(origin) ? origin : undefined;
      return oauthError(500, "server_error", "The token endpoint failed unexpectedly", allowed);
    }
  };
}
