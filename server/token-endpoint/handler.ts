/**
 * A reference OAuth token-exchange endpoint an organisation runs for the extension.
 *
 * SmartRecruiters issues OAuth clients with a client secret, and a secret cannot be kept inside a
 * browser extension. The extension therefore posts its token requests (authorization_code with a PKCE
 * code_verifier, or refresh_token) here without a secret; this handler checks who is calling, adds
 * client_id and client_secret, forwards the request to SmartRecruiters' token URL and returns
 * SmartRecruiters' JSON answer.
 *
 * Stateless and web-standard (Request / Response / fetch only): the same code runs under Node (see
 * node.ts), Cloudflare Workers, Deno Deploy and edge functions. It stores nothing and logs nothing.
 * See docs/token-endpoint.md.
 */

export const DEFAULT_UPSTREAM_TOKEN_URL = "https://www.smartrecruiters.com/identity/oauth/token";

/** Largest request body accepted; a real token request is a few hundred bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** How long SmartRecruiters' token endpoint may take (connect and answer) before a 502. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

/** Access-Control-Max-Age of a preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

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
  /** Used for the upstream call; default the global fetch. */
  fetch?: typeof fetch;
  /** Default DEFAULT_UPSTREAM_TIMEOUT_MS. */
  upstreamTimeoutMs?: number;
}

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

interface CheckedConfig {
  clientId: string;
  clientSecret: string;
  upstreamTokenUrl: string;
  origins: ReadonlySet<string>;
  fetch: typeof fetch;
  timeoutMs: number;
}

function checkConfig(config: TokenEndpointConfig): CheckedConfig {
  if (config.clientId.trim() === "") {
    throw new TokenEndpointConfigError("clientId is empty");
  }
  if (config.clientSecret === "") {
    throw new TokenEndpointConfigError("clientSecret is empty");
  }
  const origins = new Set<string>();
  for (const id of config.allowedExtensionIds) {
    if (!EXTENSION_ID.test(id)) {
      throw new TokenEndpointConfigError(`allowedExtensionIds: "${id}" is not an extension ID (32 letters a-p)`);
    }
    origins.add(`chrome-extension://${id}`);
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
    fetch: config.fetch ?? globalFetch,
    timeoutMs,
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
 * separated) and ALLOWED_ORIGINS (optional, comma separated). Throws a TokenEndpointConfigError
 * naming the variable that is missing or wrong (never its value when it is the secret).
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

/**
 * The token-exchange handler: (Request) => Promise<Response>. Throws a TokenEndpointConfigError at
 * creation when the configuration cannot work.
 */
export function createTokenHandler(config: TokenEndpointConfig): (request: Request) => Promise<Response> {
  const checked = checkConfig(config);

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

  async function handle(request: Request): Promise<Response> {
    const requestOrigin = request.headers.get("Origin");
    if (requestOrigin === null || !checked.origins.has(requestOrigin)) {
      return oauthError(
        403,
        "access_denied",
        requestOrigin === null
          ? "This token endpoint only answers the browser extension it serves (the request had no Origin header)"
          : "This token endpoint only answers the browser extension it serves (this Origin is not allowed)",
        undefined,
      );
    }
    const origin = requestOrigin;

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

  return async (request) => {
    try {
      return await handle(request);
    } catch {
      // Nothing about the request is logged: it may hold a code or a refresh token.
      const origin = request.headers.get("Origin");
      const allowed = origin !== null && checked.origins.has(origin) ? origin : undefined;
      return oauthError(500, "server_error", "The token endpoint failed unexpectedly", allowed);
    }
  };
}
