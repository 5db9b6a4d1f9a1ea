// @vitest-environment node

import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../../test/sandbox/credentials";
import { useSandboxServer } from "../../test/sandbox/test-helpers";
import {
  configFromEnv,
  createTokenHandler,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_UPSTREAM_TOKEN_URL,
  MAX_BODY_BYTES,
  type TokenEndpointConfig,
  TokenEndpointConfigError,
} from "./handler";
import { startTokenEndpoint } from "./node";

const EXTENSION_ID = "ojjencidapbffadplbcanpdemoboeflj";
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const FIREFOX_ORIGIN = "moz-extension://0c2d1f0e-5b5a-4a43-9a8e-7d8c6c1b2a11";
const REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;
const UPSTREAM = "https://sr.example.test/identity/oauth/token";
const CLIENT_ID = "hellohire-client";
const CLIENT_SECRET = "s3cr3t-value-that-must-never-leak";
const VERIFIER = "v".repeat(43);
/** The project's Firefox add-on ID (lib/manifest/manifest.ts) and its identity.getRedirectURL(). */
const FIREFOX_ADDON_ID = "smartrecruiters-for-hellohire@example.org";
const FIREFOX_REDIRECT_URI = `https://${createHash("sha1").update(FIREFOX_ADDON_ID).digest("hex")}.extensions.allizom.org/`;

interface UpstreamCall {
  url: string;
  method: string | undefined;
  headers: Headers;
  form: URLSearchParams;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | null | undefined;
}

type Responder = (call: UpstreamCall) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const tokens = { access_token: "at-1", token_type: "Bearer", expires_in: 1800, refresh_token: "rt-2", scope: "candidates_read" };

/** A fake SmartRecruiters token endpoint: records every call. */
function fakeUpstream(respond: Responder = () => json(200, tokens)) {
  const calls: UpstreamCall[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const call: UpstreamCall = {
      url: String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      form: new URLSearchParams(typeof init?.body === "string" ? init.body : ""),
      redirect: init?.redirect,
      signal: init?.signal,
    };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetchImpl };
}

function handlerWith(respond?: Responder, overrides: Partial<TokenEndpointConfig> = {}) {
  const upstream = fakeUpstream(respond);
  const handler = createTokenHandler({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    upstreamTokenUrl: UPSTREAM,
    allowedExtensionIds: [EXTENSION_ID],
    allowedOrigins: [FIREFOX_ORIGIN],
    fetch: upstream.fetchImpl,
    ...overrides,
  });
  return { handler, calls: upstream.calls };
}

interface PostOptions {
  origin?: string | null;
  contentType?: string;
  method?: string;
  headers?: Record<string, string>;
}

function post(fields: Record<string, string> | string, options: PostOptions = {}): Request {
  const headers = new Headers(options.headers);
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  if (origin !== null) headers.set("Origin", origin);
  headers.set("Content-Type", options.contentType ?? "application/x-www-form-urlencoded");
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  return new Request("https://tokens.example.org/token", { method: options.method ?? "POST", headers, body });
}

const codeFields = {
  grant_type: "authorization_code",
  code: "the-code",
  redirect_uri: REDIRECT_URI,
  client_id: CLIENT_ID,
  code_verifier: VERIFIER,
};
const refreshFields = { grant_type: "refresh_token", refresh_token: "rt-1", client_id: CLIENT_ID };

async function errorOf(response: Response): Promise<{ error: string; error_description: string }> {
  const body: unknown = await response.json();
  expect(body).toEqual({ error: expect.any(String), error_description: expect.any(String) });
  return body as { error: string; error_description: string };
}

function expectCors(response: Response, origin = ORIGIN): void {
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
  expect(response.headers.get("Vary")).toContain("Origin");
}

describe("configuration", () => {
  const env = {
    SR_CLIENT_ID: CLIENT_ID,
    SR_CLIENT_SECRET: CLIENT_SECRET,
    ALLOWED_EXTENSION_IDS: ` ${EXTENSION_ID} , abcdefghijklmnopabcdefghijklmnop `,
  };

  it("reads the environment, with SmartRecruiters' token URL by default", () => {
    expect(configFromEnv(env)).toEqual({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      upstreamTokenUrl: DEFAULT_UPSTREAM_TOKEN_URL,
      allowedExtensionIds: [EXTENSION_ID, "abcdefghijklmnopabcdefghijklmnop"],
    });
    expect(DEFAULT_UPSTREAM_TOKEN_URL).toBe("https://www.smartrecruiters.com/identity/oauth/token");
  });

  it("reads SR_TOKEN_URL and ALLOWED_ORIGINS", () => {
    const config = configFromEnv({
      ...env,
      SR_TOKEN_URL: UPSTREAM,
      ALLOWED_ORIGINS: `${FIREFOX_ORIGIN}/, moz-extension://other`,
    });
    expect(config.upstreamTokenUrl).toBe(UPSTREAM);
    expect(config.allowedOrigins).toEqual([FIREFOX_ORIGIN, "moz-extension://other"]);
  });

  it("accepts ALLOWED_ORIGINS alone", () => {
    const config = configFromEnv({ ...env, ALLOWED_EXTENSION_IDS: undefined, ALLOWED_ORIGINS: FIREFOX_ORIGIN });
    expect(config.allowedExtensionIds).toEqual([]);
    expect(() => createTokenHandler(config)).not.toThrow();
  });

  it.each(["SR_CLIENT_ID", "SR_CLIENT_SECRET", "ALLOWED_EXTENSION_IDS"])("names a missing %s", (name) => {
    const partial: Record<string, string | undefined> = { ...env, [name]: name === "SR_CLIENT_SECRET" ? "  " : undefined };
    expect(() => configFromEnv(partial)).toThrow(TokenEndpointConfigError);
    expect(() => configFromEnv(partial)).toThrow(new RegExp(`^${name} is not set`));
  });

  it("refuses a malformed extension ID, a wildcard origin and an insecure token URL, without showing the secret", () => {
    const problems = [
      { ...env, ALLOWED_EXTENSION_IDS: "not-an-id" },
      { ...env, ALLOWED_ORIGINS: "*" },
      { ...env, SR_TOKEN_URL: "http://sr.example.test/token" },
      { ...env, SR_TOKEN_URL: "not a url" },
    ];
    const names = ["ALLOWED_EXTENSION_IDS", "ALLOWED_ORIGINS", "SR_TOKEN_URL", "SR_TOKEN_URL"];
    problems.forEach((problem, index) => {
      let message = "";
      try {
        configFromEnv(problem);
      } catch (error) {
        message = error instanceof Error ? error.message : "";
      }
      expect(message).toContain(names[index]);
      expect(message).not.toContain(CLIENT_SECRET);
    });
  });

  it("reads ALLOWED_FIREFOX_ADDON_IDS, ALLOWED_REDIRECT_URIS and RATE_LIMIT_PER_MINUTE", () => {
    const config = configFromEnv({
      ...env,
      ALLOWED_FIREFOX_ADDON_IDS: ` ${FIREFOX_ADDON_ID} , {daf44bf7-a45e-4450-979c-91cf07434c3d} `,
      ALLOWED_REDIRECT_URIS: "http://127.0.0.1/mozoauth2/abc, https://sso.example.org/extension",
      RATE_LIMIT_PER_MINUTE: " 120 ",
    });
    expect(config.allowedFirefoxAddonIds).toEqual([FIREFOX_ADDON_ID, "{daf44bf7-a45e-4450-979c-91cf07434c3d}"]);
    expect(config.allowedRedirectUris).toEqual(["http://127.0.0.1/mozoauth2/abc", "https://sso.example.org/extension"]);
    expect(config.rateLimitPerMinute).toBe(120);
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBe(30);
  });

  it.each([
    ["ALLOWED_FIREFOX_ADDON_IDS", "not-an-addon-id"],
    ["ALLOWED_REDIRECT_URIS", "http://sso.example.org/extension"],
    ["ALLOWED_REDIRECT_URIS", "https://sso.example.org/extension?x=1"],
    ["RATE_LIMIT_PER_MINUTE", "0"],
    ["RATE_LIMIT_PER_MINUTE", "ten"],
    ["RATE_LIMIT_PER_MINUTE", "1.5"],
  ])("names a malformed %s (%s)", (name, value) => {
    expect(() => configFromEnv({ ...env, [name]: value })).toThrow(TokenEndpointConfigError);
    expect(() => configFromEnv({ ...env, [name]: value })).toThrow(new RegExp(`^${name}`));
  });

  it("createTokenHandler refuses a configuration that cannot work", () => {
    const base: TokenEndpointConfig = {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      upstreamTokenUrl: UPSTREAM,
      allowedExtensionIds: [EXTENSION_ID],
    };
    expect(() => createTokenHandler(base)).not.toThrow();
    expect(() => createTokenHandler({ ...base, upstreamTokenUrl: "http://127.0.0.1:9/token" })).not.toThrow();
    expect(() => createTokenHandler({ ...base, clientSecret: "" })).toThrow(/clientSecret/);
    expect(() => createTokenHandler({ ...base, clientId: " " })).toThrow(/clientId/);
    expect(() => createTokenHandler({ ...base, allowedExtensionIds: [] })).toThrow(/allowedExtensionIds/);
    expect(() => createTokenHandler({ ...base, allowedExtensionIds: ["ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP"] })).toThrow(
      /extension ID/,
    );
    expect(() => createTokenHandler({ ...base, allowedOrigins: ["null"] })).toThrow(/allowedOrigins/);
    expect(() => createTokenHandler({ ...base, upstreamTokenUrl: "http://sr.example.test/token" })).toThrow(/https/);
    expect(() => createTokenHandler({ ...base, allowedFirefoxAddonIds: ["nope"] })).toThrow(/allowedFirefoxAddonIds/);
    expect(() => createTokenHandler({ ...base, allowedRedirectUris: ["https://x.example/#f"] })).toThrow(/allowedRedirectUris/);
    for (const rateLimitPerMinute of [0, -1, 1.5, Number.NaN]) {
      expect(() => createTokenHandler({ ...base, rateLimitPerMinute })).toThrow(/rateLimitPerMinute/);
    }
  });
});

describe("who may call", () => {
  it.each([
    ["no Origin header", null],
    ["another extension", "chrome-extension://abcdefghijklmnopabcdefghijklmnop"],
    ["a web page", "https://evil.example"],
    ["an opaque origin", "null"],
    ["a look-alike", `${ORIGIN}.evil.example`],
    ["another Firefox extension", "moz-extension://11111111-2222-3333-4444-555555555555"],
  ])("refuses %s with 403 access_denied and no CORS grant", async (_what, origin) => {
    const { handler, calls } = handlerWith();
    const response = await handler(post(codeFields, { origin }));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).error).toBe("access_denied");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(calls).toHaveLength(0);
  });

  it("accepts the configured extension and an exact extra origin", async () => {
    const { handler, calls } = handlerWith();
    const chrome = await handler(post(codeFields));
    expect(chrome.status).toBe(200);
    expectCors(chrome);
    const firefox = await handler(post(codeFields, { origin: FIREFOX_ORIGIN }));
    expect(firefox.status).toBe(200);
    expectCors(firefox, FIREFOX_ORIGIN);
    expect(calls).toHaveLength(2);
  });

  it("answers a preflight from an allowed origin with 204 and the CORS grant, never *", async () => {
    const { handler, calls } = handlerWith();
    const response = await handler(
      new Request("https://tokens.example.org/token", {
        method: "OPTIONS",
        headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe("POST");
    expect(response.headers.get("Access-Control-Allow-Headers")).toBe("Content-Type");
    expect(response.headers.get("Access-Control-Max-Age")).toMatch(/^\d+$/);
    expect(response.headers.get("Vary")).toContain("Origin");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(await response.text()).toBe("");
    expect(calls).toHaveLength(0);
  });

  it("refuses a preflight from another origin", async () => {
    const { handler } = handlerWith();
    const response = await handler(
      new Request("https://tokens.example.org/token", { method: "OPTIONS", headers: { Origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(response.headers.get("Access-Control-Allow-Methods")).toBeNull();
  });
});

describe("what it accepts", () => {
  it("only POST (405 with Allow)", async () => {
    const { handler, calls } = handlerWith();
    for (const method of ["GET", "PUT", "DELETE"]) {
      const request = new Request("https://tokens.example.org/token", {
        method,
        headers: { Origin: ORIGIN },
        ...(method === "GET" ? {} : { body: "x" }),
      });
      const response = await handler(request);
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("POST, OPTIONS");
      expect((await errorOf(response)).error).toBe("invalid_request");
      expectCors(response);
    }
    expect(calls).toHaveLength(0);
  });

  it("only form-encoded bodies (415), with or without a charset", async () => {
    const { handler, calls } = handlerWith();
    const jsonBody = await handler(post(JSON.stringify(codeFields), { contentType: "application/json" }));
    expect(jsonBody.status).toBe(415);
    expect((await errorOf(jsonBody)).error).toBe("invalid_request");
    expectCors(jsonBody);
    expect(calls).toHaveLength(0);
    const withCharset = await handler(post(codeFields, { contentType: "Application/X-WWW-Form-URLEncoded; charset=UTF-8" }));
    expect(withCharset.status).toBe(200);
  });

  it("refuses a body over 8 KB (413), by Content-Length or by what arrives", async () => {
    const { handler, calls } = handlerWith();
    const big = { ...codeFields, code: "c".repeat(MAX_BODY_BYTES) };
    const declared = await handler(post(big, { headers: { "Content-Length": String(MAX_BODY_BYTES + 200) } }));
    expect(declared.status).toBe(413);
    expectCors(declared);
    const streamed = await handler(post(big));
    expect(streamed.status).toBe(413);
    expect((await errorOf(streamed)).error).toBe("invalid_request");
    expect(calls).toHaveLength(0);
    const { code: _code, ...rest } = codeFields;
    const prefix = `${new URLSearchParams(rest).toString()}&code=`;
    const exactly = `${prefix}${"c".repeat(MAX_BODY_BYTES - prefix.length)}`;
    expect(exactly.length).toBe(MAX_BODY_BYTES);
    const fits = await handler(post(exactly));
    expect(fits.status).toBe(200);
    expect(calls).toHaveLength(1);
    const oneOver = await handler(post(`${exactly}c`));
    expect(oneOver.status).toBe(413);
  });

  it("only authorization_code and refresh_token (400 unsupported_grant_type)", async () => {
    const { handler, calls } = handlerWith();
    for (const grant of ["client_credentials", "password", "urn:ietf:params:oauth:grant-type:jwt-bearer"]) {
      const response = await handler(post({ ...refreshFields, grant_type: grant }));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).error).toBe("unsupported_grant_type");
      expectCors(response);
    }
    const missing = await handler(post({ refresh_token: "rt-1" }));
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).error).toBe("invalid_request");
    expect(calls).toHaveLength(0);
  });

  it("refuses another client_id (400 invalid_client) and fills in a missing one", async () => {
    const { handler, calls } = handlerWith();
    const other = await handler(post({ ...codeFields, client_id: "someone-else" }));
    expect(other.status).toBe(400);
    expect((await errorOf(other)).error).toBe("invalid_client");
    expectCors(other);
    expect(calls).toHaveLength(0);
    const { client_id: _omitted, ...withoutClientId } = refreshFields;
    const filled = await handler(post(withoutClientId));
    expect(filled.status).toBe(200);
    expect(calls[0]?.form.get("client_id")).toBe(CLIENT_ID);
  });

  it("refuses a body that brings its own client_secret (400 invalid_request)", async () => {
    const { handler, calls } = handlerWith();
    for (const secret of ["guess", CLIENT_SECRET, ""]) {
      const response = await handler(post({ ...refreshFields, client_secret: secret }));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.error).toBe("invalid_request");
      expect(error.error_description).toContain("client_secret");
    }
    expect(calls).toHaveLength(0);
  });

  it("refuses a parameter sent twice and a grant without its fields", async () => {
    const { handler, calls } = handlerWith();
    const twice = await handler(post(`${new URLSearchParams(refreshFields).toString()}&refresh_token=rt-other`));
    expect(twice.status).toBe(400);
    expect((await errorOf(twice)).error_description).toContain("refresh_token");
    for (const field of ["code", "redirect_uri", "code_verifier"] as const) {
      const response = await handler(post({ ...codeFields, [field]: "" }));
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.error).toBe("invalid_request");
      expect(error.error_description).toContain(field);
    }
    const noRefresh = await handler(post({ grant_type: "refresh_token", client_id: CLIENT_ID }));
    expect(noRefresh.status).toBe(400);
    expect((await errorOf(noRefresh)).error_description).toContain("refresh_token");
    expect(calls).toHaveLength(0);
  });
});

describe("what it forwards", () => {
  it("an authorization code with its PKCE verifier, plus client_id and client_secret as form fields", async () => {
    const { handler, calls } = handlerWith();
    const response = await handler(post({ ...codeFields, state: "x", client_assertion: "no", foo: "bar" }));
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe(UPSTREAM);
    expect(call?.method).toBe("POST");
    expect(call?.headers.get("Content-Type")).toBe("application/x-www-form-urlencoded");
    expect(call?.headers.get("Accept")).toBe("application/json");
    expect(call?.headers.get("Authorization")).toBeNull();
    expect(call?.redirect).toBe("manual");
    expect(call?.signal).toBeInstanceOf(AbortSignal);
    expect(Object.fromEntries(call?.form ?? [])).toEqual({ ...codeFields, client_secret: CLIENT_SECRET });
  });

  it("a refresh token with its scope", async () => {
    const { handler, calls } = handlerWith();
    await handler(post({ ...refreshFields, scope: "candidates_read" }, { headers: { Authorization: "Basic Zm9vOmJhcg==" } }));
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      ...refreshFields,
      scope: "candidates_read",
      client_secret: CLIENT_SECRET,
    });
    expect(calls[0]?.headers.get("Authorization")).toBeNull();
  });

  it("returns SmartRecruiters' answer unchanged, not to be cached", async () => {
    const raw = JSON.stringify(tokens);
    const { handler } = handlerWith(() => new Response(raw, { status: 200, headers: { "Content-Type": "application/json" } }));
    const response = await handler(post(refreshFields));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(raw);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expectCors(response);
  });

  it("passes SmartRecruiters' OAuth errors through with their status", async () => {
    const refusal = { error: "invalid_grant", error_description: "Unknown, revoked or already used refresh token" };
    const { handler } = handlerWith(() => json(400, refusal));
    const response = await handler(post(refreshFields));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(refusal);
    expectCors(response);
  });

  it("explains invalid_client to the administrator", async () => {
    const { handler } = handlerWith(() => json(401, { error: "invalid_client", error_description: "Invalid client secret" }));
    const response = await handler(post(codeFields));
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.error).toBe("invalid_client");
    expect(error.error_description).toMatch(/token endpoint/);
    expect(error.error_description).toContain("SR_CLIENT_SECRET");
    expect(error.error_description).toContain("Invalid client secret");
    expect(error.error_description).not.toContain(CLIENT_SECRET);
    expectCors(response);
  });

  it("502 temporarily_unavailable when SmartRecruiters cannot be reached", async () => {
    const { handler } = handlerWith(() => Promise.reject(new TypeError("fetch failed")));
    const response = await handler(post(codeFields));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: "temporarily_unavailable",
      error_description: "SmartRecruiters' token endpoint could not be reached",
    });
    expectCors(response);
  });

  it("502 when SmartRecruiters does not answer in time", async () => {
    const hanging: Responder = (call) =>
      new Promise((_resolve, reject) => {
        call.signal?.addEventListener("abort", () => reject(call.signal?.reason));
      });
    const { handler } = handlerWith(hanging, { upstreamTimeoutMs: 50 });
    const started = Date.now();
    const response = await handler(post(codeFields));
    expect(response.status).toBe(502);
    expect((await errorOf(response)).error).toBe("temporarily_unavailable");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ["an HTML page", () => new Response("<html>Maintenance</html>", { status: 200, headers: { "Content-Type": "text/html" } })],
    ["a 503 without JSON", () => new Response("Service Unavailable", { status: 503 })],
    ["a redirect", () => new Response(null, { status: 302, headers: { Location: "https://elsewhere.example/" } })],
    ["a JSON array", () => json(200, ["not", "tokens"])],
  ])("502 when SmartRecruiters sends %s", async (_what, respond) => {
    const { handler } = handlerWith(respond);
    const response = await handler(post(codeFields));
    expect(response.status).toBe(502);
    expect((await errorOf(response)).error).toBe("temporarily_unavailable");
    expectCors(response);
  });

  it("500 with the CORS grant when the request body cannot be read", async () => {
    const { handler, calls } = handlerWith();
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const request = new Request("https://tokens.example.org/token", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: broken,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    expect(response.status).toBe(500);
    expect((await errorOf(response)).error).toBe("server_error");
    expectCors(response);
    expect(calls).toHaveLength(0);
  });

  it("logs nothing and never returns the secret", async () => {
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(() => undefined),
    );
    const answers: Responder[] = [
      () => json(200, tokens),
      () => json(401, { error: "invalid_client" }),
      () => json(400, { error: "invalid_grant" }),
      () => Promise.reject(new Error(`boom ${CLIENT_SECRET}`)),
      () => new Response("<html>", { status: 500 }),
    ];
    for (const answer of answers) {
      const { handler } = handlerWith(answer);
      for (const request of [post(codeFields), post(refreshFields), post({ ...refreshFields, client_secret: "x" })]) {
        const response = await handler(request);
        expect(await response.text()).not.toContain(CLIENT_SECRET);
        for (const [, value] of response.headers) expect(value).not.toContain(CLIENT_SECRET);
      }
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("which redirect_uri a code may be exchanged for", () => {
  const firefoxHandler = () => handlerWith(undefined, { allowedFirefoxAddonIds: [FIREFOX_ADDON_ID] });

  it.each([
    ["the allowed Chromium extension's redirect URL", REDIRECT_URI],
    ["the same with a path", `${REDIRECT_URI}oauth/callback`],
    ["the allowed Firefox add-on's redirect URL", FIREFOX_REDIRECT_URI],
    ["the same with a path", `${FIREFOX_REDIRECT_URI}cb`],
  ])("accepts %s and forwards it", async (_what, redirectUri) => {
    const { handler, calls } = firefoxHandler();
    const response = await handler(post({ ...codeFields, redirect_uri: redirectUri }));
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.form.get("redirect_uri")).toBe(redirectUri);
  });

  it.each([
    ["another extension's ID", "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/"],
    ["plain http", `http://${EXTENSION_ID}.chromiumapp.org/`],
    ["another host", "https://evil.example/"],
    ["a look-alike host", `https://${EXTENSION_ID}.chromiumapp.org.evil.example/`],
    ["a user name", `https://user@${EXTENSION_ID}.chromiumapp.org/`],
    ["userinfo hiding another host", `https://${EXTENSION_ID}.chromiumapp.org@evil.example/`],
    ["a port", `https://${EXTENSION_ID}.chromiumapp.org:8443/`],
    ["a query", `${REDIRECT_URI}?next=https://evil.example/`],
    ["a fragment", `${REDIRECT_URI}#x`],
    ["no trailing slash", `https://${EXTENSION_ID}.chromiumapp.org`],
    ["another Firefox add-on", `https://${createHash("sha1").update("other@example.org").digest("hex")}.extensions.allizom.org/`],
  ])("refuses %s (400 invalid_request) and never forwards it", async (_what, redirectUri) => {
    const { handler, calls } = firefoxHandler();
    const response = await handler(post({ ...codeFields, redirect_uri: redirectUri }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.error).toBe("invalid_request");
    expect(error.error_description).toContain("redirect_uri");
    expect(error.error_description).toContain("ALLOWED_EXTENSION_IDS");
    expectCors(response);
    expect(calls).toHaveLength(0);
  });

  it("refuses the Firefox redirect URL when the add-on is not allowed", async () => {
    const { handler, calls } = handlerWith();
    const response = await handler(post({ ...codeFields, redirect_uri: FIREFOX_REDIRECT_URI }));
    expect(response.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it("accepts an exact URI from allowedRedirectUris, and only that one", async () => {
    const loopback = "http://127.0.0.1/mozoauth2/abc";
    const { handler, calls } = handlerWith(undefined, { allowedRedirectUris: [loopback] });
    expect((await handler(post({ ...codeFields, redirect_uri: loopback }))).status).toBe(200);
    expect((await handler(post({ ...codeFields, redirect_uri: `${loopback}d` }))).status).toBe(400);
    expect((await handler(post({ ...codeFields, redirect_uri: "http://127.0.0.1:8080/mozoauth2/abc" }))).status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it("does not ask a refresh for a redirect_uri", async () => {
    const { handler, calls } = handlerWith();
    expect((await handler(post(refreshFields))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });
});

describe("rate limit per client address", () => {
  const clockedHandler = (overrides: Partial<TokenEndpointConfig> = {}) => {
    const clock = { now: Date.UTC(2025, 0, 1) };
    return { ...handlerWith(undefined, { now: () => clock.now, ...overrides }), clock };
  };

  it("answers the 31st request within a minute from one address with 429, Retry-After and an OAuth error", async () => {
    const { handler, calls, clock } = clockedHandler();
    const from = { clientIp: "203.0.113.7" };
    for (let i = 0; i < 30; i += 1) {
      clock.now += 1000;
      expect((await handler(post(refreshFields), from)).status).toBe(200);
    }
    const refused = await handler(post(refreshFields), from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("31");
    const error = await errorOf(refused);
    expect(error.error).toBe("temporarily_unavailable");
    expect(error.error_description).toContain("30 a minute");
    expectCors(refused);
    expect(refused.headers.get("Cache-Control")).toBe("no-store");
    expect(calls).toHaveLength(30);

    // Another address is not affected.
    expect((await handler(post(refreshFields), { clientIp: "198.51.100.2" })).status).toBe(200);

    // Once the minute since the first request has passed, the address is served again.
    clock.now += 30_000;
    expect((await handler(post(refreshFields), from)).status).toBe(429);
    clock.now += 1000;
    expect((await handler(post(refreshFields), from)).status).toBe(200);
  });

  it("counts every request, including refused ones, preflights and code exchanges", async () => {
    const { handler, calls } = clockedHandler({ rateLimitPerMinute: 3 });
    const from = { clientIp: "203.0.113.7" };
    expect((await handler(post(codeFields, { origin: "https://evil.example" }), from)).status).toBe(403);
    const preflight = new Request("https://tokens.example.org/token", { method: "OPTIONS", headers: { Origin: ORIGIN } });
    expect((await handler(preflight, from)).status).toBe(204);
    expect((await handler(post(codeFields), from)).status).toBe(200);
    const refused = await handler(post(codeFields), from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect(calls).toHaveLength(1);
    // A refused origin gets no CORS grant, rate-limited or not.
    const stranger = await handler(post(codeFields, { origin: "https://evil.example" }), from);
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("puts requests without a known address in one shared bucket", async () => {
    const { handler } = clockedHandler({ rateLimitPerMinute: 2 });
    expect((await handler(post(refreshFields))).status).toBe(200);
    expect((await handler(post(refreshFields), {})).status).toBe(200);
    expect((await handler(post(refreshFields), { clientIp: "not an address" })).status).toBe(429);
    expect((await handler(post(refreshFields), { clientIp: "203.0.113.7" })).status).toBe(200);
  });

  it("counts an IPv6 client by its /64 and IPv4-mapped addresses as IPv4", async () => {
    const { handler } = clockedHandler({ rateLimitPerMinute: 1 });
    expect((await handler(post(refreshFields), { clientIp: "2001:db8:1:2::1" })).status).toBe(200);
    expect((await handler(post(refreshFields), { clientIp: "2001:db8:1:2::ffff" })).status).toBe(429);
    expect((await handler(post(refreshFields), { clientIp: "2001:db8:1:3::1" })).status).toBe(200);
    expect((await handler(post(refreshFields), { clientIp: "203.0.113.7" })).status).toBe(200);
    expect((await handler(post(refreshFields), { clientIp: "::ffff:203.0.113.7" })).status).toBe(429);
  });

  it("keeps answering new addresses when far more clients than it tracks have called", async () => {
    const { handler, clock } = clockedHandler({ rateLimitPerMinute: 1 });
    let refused = 0;
    for (let i = 0; i < 12_000; i += 1) {
      const preflight = new Request("https://tokens.example.org/token", { method: "OPTIONS", headers: { Origin: ORIGIN } });
      const response = await handler(preflight, { clientIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
      if (response.status !== 204) refused += 1;
    }
    expect(refused).toBe(0);
    // The latest clients are still counted.
    clock.now += 1;
    expect((await handler(post(refreshFields), { clientIp: "10.0.46.223" })).status).toBe(429);
  });
});

describe("under Node: the client address of the connection", () => {
  const nodeConfig = (upstream: ReturnType<typeof fakeUpstream>): TokenEndpointConfig => ({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    upstreamTokenUrl: UPSTREAM,
    allowedExtensionIds: [EXTENSION_ID],
    fetch: upstream.fetchImpl,
    rateLimitPerMinute: 2,
  });
  const formHeaders = { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };
  const body = new URLSearchParams(refreshFields).toString();

  it("counts requests by the socket's address and ignores X-Forwarded-For unless trustProxy is set", async () => {
    const upstream = fakeUpstream();
    const endpoint = await startTokenEndpoint({ config: nodeConfig(upstream) });
    try {
      const send = (headers: Record<string, string> = {}) =>
        fetch(`${endpoint.url}/token`, { method: "POST", headers: { ...formHeaders, ...headers }, body });
      expect((await send()).status).toBe(200);
      expect((await send({ "X-Forwarded-For": "198.51.100.1" })).status).toBe(200);
      const refused = await send({ "X-Forwarded-For": "198.51.100.2" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(((await refused.json()) as { error?: string }).error).toBe("temporarily_unavailable");
      expect(upstream.calls).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });

  it("behind a trusted proxy, counts by the last X-Forwarded-For entry (the one the proxy wrote)", async () => {
    const upstream = fakeUpstream();
    const endpoint = await startTokenEndpoint({ config: nodeConfig(upstream), trustProxy: true });
    try {
      const send = (headers: Record<string, string> = {}) =>
        fetch(`${endpoint.url}/token`, { method: "POST", headers: { ...formHeaders, ...headers }, body });
      const client = { "X-Forwarded-For": "198.51.100.1" };
      expect((await send(client)).status).toBe(200);
      // What the client wrote itself comes first; the proxy appends the address it saw.
      expect((await send({ "X-Forwarded-For": "203.0.113.99, 198.51.100.1" })).status).toBe(200);
      expect((await send(client)).status).toBe(429);
      expect((await send({ "X-Forwarded-For": "198.51.100.1, 198.51.100.2" })).status).toBe(200);
      // No header: the socket's address.
      expect((await send()).status).toBe(200);
    } finally {
      await endpoint.close();
    }
  });
});

// --- Against the SmartRecruiters sandbox ---------------------------------------------------------

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Runs the sandbox's authorize step (auto mode) on its web-app origin and returns the authorization code. */
async function authorizationCode(appUrl: string, challenge: string): Promise<string> {
  const url = new URL("/identity/oauth/allow", appUrl);
  url.search = new URLSearchParams({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "candidates_read candidates_create candidates_manage",
    state: "state-1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("Location") ?? "");
  expect(location.origin + location.pathname).toBe(REDIRECT_URI);
  expect(location.searchParams.get("state")).toBe("state-1");
  const code = location.searchParams.get("code");
  expect(code).toBeTruthy();
  return code ?? "";
}

interface TokenBody {
  access_token?: string;
  refresh_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

async function tokenBody(response: Response): Promise<TokenBody> {
  return (await response.json()) as TokenBody;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/identity/oauth/token`;
}

describe("against the SmartRecruiters sandbox", () => {
  const sandboxConfig = (overrides: Partial<TokenEndpointConfig> = {}): TokenEndpointConfig => ({
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    // The www token URL (DEFAULT_UPSTREAM_TOKEN_URL's host): the sandbox's web-app origin.
    upstreamTokenUrl: `${sandbox.appUrl}/identity/oauth/token`,
    allowedExtensionIds: [EXTENSION_ID],
    ...overrides,
  });

  const codeRequest = (code: string, verifier: string) =>
    post({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: SANDBOX_CLIENT_ID,
      code_verifier: verifier,
    });
  const refreshRequest = (refreshToken: string) =>
    post({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: SANDBOX_CLIENT_ID });

  const sandbox = useSandboxServer();

  it("exchanges an authorization code (with its PKCE verifier) for tokens that work", async () => {
    const handler = createTokenHandler(sandboxConfig());
    const { verifier, challenge } = pkce();
    const code = await authorizationCode(sandbox.appUrl, challenge);
    const response = await handler(codeRequest(code, verifier));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expectCors(response);
    const body = await tokenBody(response);
    expect(body.token_type).toBe("Bearer");
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeTruthy();
    const api = await fetch(`${sandbox.url}/candidates?limit=1`, { headers: { Authorization: `Bearer ${body.access_token}` } });
    expect(api.status).toBe(200);
    const tokenCalls = (await sandbox.control.requests()).filter((entry) => entry.path === "/identity/oauth/token");
    expect(tokenCalls.map(({ method, origin, status }) => ({ method, origin, status }))).toEqual([
      { method: "POST", origin: "app", status: 200 },
    ]);
  });

  it("forwards the verifier: a wrong one is refused by SmartRecruiters (invalid_grant passed through)", async () => {
    const handler = createTokenHandler(sandboxConfig());
    const { challenge } = pkce();
    const code = await authorizationCode(sandbox.appUrl, challenge);
    const response = await handler(codeRequest(code, pkce().verifier));
    expect(response.status).toBe(400);
    expect((await tokenBody(response)).error).toBe("invalid_grant");
    expectCors(response);
  });

  it("rotates refresh tokens: the new one works, the spent one is refused", async () => {
    const handler = createTokenHandler(sandboxConfig());
    const { verifier, challenge } = pkce();
    const first = await tokenBody(await handler(codeRequest(await authorizationCode(sandbox.appUrl, challenge), verifier)));
    const firstRefresh = first.refresh_token ?? "";

    const refreshed = await handler(refreshRequest(firstRefresh));
    expect(refreshed.status).toBe(200);
    const second = await tokenBody(refreshed);
    expect(second.access_token).toBeTruthy();
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(firstRefresh);

    const again = await handler(refreshRequest(second.refresh_token ?? ""));
    expect(again.status).toBe(200);

    const reused = await handler(refreshRequest(firstRefresh));
    expect(reused.status).toBe(400);
    expect((await tokenBody(reused)).error).toBe("invalid_grant");
  });

  it("a wrong configured secret gives invalid_client with a description for the administrator", async () => {
    const handler = createTokenHandler(sandboxConfig({ clientSecret: "not-the-secret" }));
    const { verifier, challenge } = pkce();
    const response = await handler(codeRequest(await authorizationCode(sandbox.appUrl, challenge), verifier));
    expect(response.status).toBe(401);
    const body = await tokenBody(response);
    expect(body.error).toBe("invalid_client");
    expect(body.error_description).toContain("SR_CLIENT_ID");
    expect(body.error_description).toContain("SR_CLIENT_SECRET");
    expect(body.error_description).not.toContain("not-the-secret");
    expectCors(response);
  });

  it("502 when SmartRecruiters' token endpoint is down (closed port)", async () => {
    const handler = createTokenHandler(sandboxConfig({ upstreamTokenUrl: await closedPortUrl() }));
    const response = await handler(refreshRequest("rt-anything"));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: "temporarily_unavailable",
      error_description: "SmartRecruiters' token endpoint could not be reached",
    });
    expectCors(response);
  });

  describe("under Node (startTokenEndpoint)", () => {
    let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>>;

    beforeAll(async () => {
      endpoint = await startTokenEndpoint({ config: sandboxConfig() });
    });
    afterAll(async () => {
      await endpoint.close();
    });

    const send = (body: string, headers: Record<string, string>, method = "POST") =>
      fetch(`${endpoint.url}/token`, { method, headers, ...(method === "POST" ? { body } : {}) });
    const formHeaders = { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" };

    it("listens on 127.0.0.1 at a random port", () => {
      expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });

    it("exchanges a code and refreshes over real HTTP", async () => {
      const { verifier, challenge } = pkce();
      const code = await authorizationCode(sandbox.appUrl, challenge);
      const exchanged = await send(
        new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: REDIRECT_URI,
          client_id: SANDBOX_CLIENT_ID,
          code_verifier: verifier,
        }).toString(),
        formHeaders,
      );
      expect(exchanged.status).toBe(200);
      expect(exchanged.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(exchanged.headers.get("cache-control")).toBe("no-store");
      const tokensIssued = await tokenBody(exchanged);
      const refreshed = await send(
        new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokensIssued.refresh_token ?? "" }).toString(),
        formHeaders,
      );
      expect(refreshed.status).toBe(200);
      expect((await tokenBody(refreshed)).access_token).toBeTruthy();
    });

    it("answers a preflight, refuses other origins and oversized bodies", async () => {
      const preflight = await fetch(`${endpoint.url}/token`, {
        method: "OPTIONS",
        headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);

      const stranger = await send("grant_type=refresh_token&refresh_token=x", {
        ...formHeaders,
        Origin: "https://evil.example",
      });
      expect(stranger.status).toBe(403);
      expect(stranger.headers.get("access-control-allow-origin")).toBeNull();

      const big = await send(`grant_type=refresh_token&refresh_token=${"x".repeat(MAX_BODY_BYTES * 4)}`, formHeaders);
      expect(big.status).toBe(413);
      expect(big.headers.get("access-control-allow-origin")).toBe(ORIGIN);

      const chunk = new TextEncoder().encode("x".repeat(4096));
      let sent = 0;
      const chunked = await fetch(`${endpoint.url}/token`, {
        method: "POST",
        headers: formHeaders,
        body: new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 1;
            if (sent > 8) controller.close();
            else controller.enqueue(chunk);
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);

      const get = await send("", { Origin: ORIGIN }, "GET");
      expect(get.status).toBe(405);
    });
  });
});
