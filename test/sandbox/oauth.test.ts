// @vitest-environment node

import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ALL_SCOPES,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_SYSTEM_CLIENT_ID,
  SANDBOX_SYSTEM_CLIENT_SECRET,
} from "./credentials";
import {
  ANN_ID,
  authorize,
  authorizeCode,
  call,
  EXTENSION_REDIRECT,
  json,
  type OAuthError,
  pkcePair,
  redirectParams,
  type TokenResponse,
  tokenRequest,
  useSandboxServer,
} from "./test-helpers";

const SCOPE = "candidates_read candidates_create candidates_manage";

const sandbox = useSandboxServer();

afterEach(() => {
  vi.useRealTimers();
});

function authParams(extra: Record<string, string> = {}): Record<string, string> {
  return { client_id: SANDBOX_CLIENT_ID, redirect_uri: EXTENSION_REDIRECT, scope: SCOPE, state: "st-123", ...extra };
}

async function exchange(code: string, extra: Record<string, string> = {}): Promise<Response> {
  return tokenRequest(sandbox.url, {
    grant_type: "authorization_code",
    code,
    redirect_uri: EXTENSION_REDIRECT,
    client_id: SANDBOX_CLIENT_ID,
    ...extra,
  });
}

async function secretTokens(): Promise<TokenResponse> {
  const code = await authorizeCode(sandbox.appUrl, authParams());
  const response = await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET });
  expect(response.status).toBe(200);
  return json<TokenResponse>(response);
}

async function expectOAuthError(response: Response, status: number, error: string): Promise<void> {
  expect(response.status).toBe(status);
  expect((await json<OAuthError>(response)).error).toBe(error);
}

function refresh(refreshToken: string, extra: Record<string, string> = {}): Promise<Response> {
  return tokenRequest(sandbox.url, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: SANDBOX_CLIENT_ID,
    ...extra,
  });
}

describe("sandbox: OAuth authorize", () => {
  it("redirects at once with code and state (auto mode)", async () => {
    const response = await authorize(sandbox.appUrl, authParams());
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(EXTENSION_REDIRECT);
    expect(location.searchParams.get("state")).toBe("st-123");
    expect(location.searchParams.get("code")).toBeTruthy();
  });

  it("accepts a Firefox add-on's redirect URI (the SHA-1 of its ID, on extensions.allizom.org)", async () => {
    const uri = "https://0a4d55a8d778e5022fab701977c5d840bbc486d0.extensions.allizom.org/";
    const response = await authorize(sandbox.appUrl, authParams({ redirect_uri: uri }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")?.startsWith(`${uri}?`)).toBe(true);
  });

  it("accepts localhost and 127.0.0.1 redirect URIs on any port", async () => {
    for (const uri of ["http://localhost:5173/cb", "http://127.0.0.1:9/x?y=1", "http://localhost/"]) {
      const response = await authorize(sandbox.appUrl, authParams({ redirect_uri: uri }));
      expect(response.status).toBe(302);
      expect(response.headers.get("location")?.startsWith(uri.split("?")[0] ?? "")).toBe(true);
    }
  });

  it("shows an HTML error page for a bad client_id or redirect_uri", async () => {
    for (const params of [
      authParams({ client_id: "someone-else" }),
      authParams({ client_id: SANDBOX_SYSTEM_CLIENT_ID }),
      authParams({ redirect_uri: "https://evil.example.com/cb" }),
      authParams({ redirect_uri: "https://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP.chromiumapp.org/" }),
      authParams({ redirect_uri: "https://abcdefghijklmnopqrstuvwxyzabcdef.chromiumapp.org/" }),
      authParams({ redirect_uri: "https://abc.chromiumapp.org/" }),
      authParams({ redirect_uri: "https://0A4D55A8D778E5022FAB701977C5D840BBC486D0.extensions.allizom.org/" }),
      authParams({ redirect_uri: "https://0a4d55a8.extensions.allizom.org/" }),
      authParams({ redirect_uri: "https://0a4d55a8d778e5022fab701977c5d840bbc486d0.extensions.allizom.org.evil.com/" }),
      authParams({ redirect_uri: "http://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/" }),
      authParams({ redirect_uri: "http://localhost.evil.com/" }),
      { client_id: SANDBOX_CLIENT_ID, scope: SCOPE },
    ]) {
      const response = await authorize(sandbox.appUrl, params);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("location")).toBeNull();
    }
  });

  it("redirects with invalid_scope for unknown, missing or comma-separated scopes", async () => {
    for (const scope of [
      "candidates_read jobs_write",
      "",
      "candidates_read,candidates_manage",
      "candidates_read, user_me_read",
    ]) {
      const response = await authorize(sandbox.appUrl, authParams({ scope }));
      expect(response.status).toBe(302);
      expect(redirectParams(response).get("error")).toBe("invalid_scope");
      expect(redirectParams(response).get("state")).toBe("st-123");
    }
  });

  it("shows Allow and Deny in click mode", async () => {
    await sandbox.control.setModes({ authorizePage: "click" });
    const { challenge } = pkcePair();
    const params = authParams({ code_challenge: challenge, code_challenge_method: "S256" });
    const page = await authorize(sandbox.appUrl, params);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/identity/oauth/allow">');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).toContain(challenge);

    const post = (decision: string): Promise<Response> =>
      fetch(`${sandbox.appUrl}/identity/oauth/allow`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...params, decision }).toString(),
      });
    const allowed = await post("allow");
    expect(allowed.status).toBe(302);
    expect(redirectParams(allowed).get("code")).toBeTruthy();
    expect(redirectParams(allowed).get("state")).toBe("st-123");
    const denied = await post("deny");
    expect(denied.status).toBe(302);
    expect(redirectParams(denied).get("error")).toBe("access_denied");
    expect(redirectParams(denied).get("state")).toBe("st-123");
    expect(redirectParams(denied).get("code")).toBeNull();
  });
});

describe("sandbox: OAuth token", () => {
  it("exchanges a code with the client secret for tokens that work on the API", async () => {
    const tokens = await secretTokens();
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBe(1800);
    expect(tokens.scope).toBe(SCOPE);
    expect(tokens.refresh_token).toBeTruthy();
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token });
    expect(response.status).toBe(200);
  });

  it("accepts HTTP Basic client authentication", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    const basic = Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString("base64");
    const response = await tokenRequest(
      sandbox.url,
      { grant_type: "authorization_code", code, redirect_uri: EXTENSION_REDIRECT },
      { Authorization: `Basic ${basic}` },
    );
    expect(response.status).toBe(200);
  });

  it("accepts the space-separated new scopes and grants what was asked", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams({ scope: "candidates_read jobs_read user_me_read" }));
    const tokens = await json<TokenResponse>(await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET }));
    expect(tokens.scope).toBe("candidates_read jobs_read user_me_read");
    // "+" in a query string is a space too.
    const response = await fetch(
      `${sandbox.appUrl}/identity/oauth/allow?client_id=${SANDBOX_CLIENT_ID}&redirect_uri=${encodeURIComponent(EXTENSION_REDIRECT)}&scope=candidates_read+jobs_read`,
      { redirect: "manual" },
    );
    expect(redirectParams(response).get("code")).toBeTruthy();
  });

  it("withholds the scopes of mode withholdScopes and says so in the token's scope", async () => {
    await sandbox.control.setModes({ withholdScopes: ["user_me_read", "jobs_read"] });
    const code = await authorizeCode(sandbox.appUrl, authParams({ scope: `${SCOPE} jobs_read user_me_read` }));
    const tokens = await json<TokenResponse>(await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET }));
    expect(tokens.scope).toBe(SCOPE);
    const refreshed = await json<TokenResponse>(
      await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET }),
    );
    expect(refreshed.scope).toBe(SCOPE);
    expect((await call(sandbox.url, "/user-api/v201804/users/me", { token: tokens.access_token })).status).toBe(403);
    expect((await call(sandbox.url, "/jobs", { token: tokens.access_token })).status).toBe(403);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(200);
    // Nothing left to grant: invalid_scope.
    const none = await authorize(sandbox.appUrl, authParams({ scope: "user_me_read" }));
    expect(redirectParams(none).get("error")).toBe("invalid_scope");
  });

  it("requires the client secret even with a valid PKCE verifier (reference)", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    await expectOAuthError(await exchange(code, { code_verifier: verifier }), 401, "invalid_client");
    const again = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    const response = await exchange(again, { code_verifier: verifier, client_secret: SANDBOX_CLIENT_SECRET });
    expect(response.status).toBe(200);
  });

  it("still verifies PKCE when a challenge was sent, secret or not", async () => {
    const { challenge } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    await expectOAuthError(await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET }), 400, "invalid_grant");
    const other = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    await expectOAuthError(
      await exchange(other, { client_secret: SANDBOX_CLIENT_SECRET, code_verifier: pkcePair().verifier }),
      400,
      "invalid_grant",
    );
  });

  it("exchanges a code with a PKCE S256 verifier and no secret in mode pkceOnly", async () => {
    await sandbox.control.setModes({ pkceOnly: true });
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    const response = await exchange(code, { code_verifier: verifier });
    expect(response.status).toBe(200);
    const tokens = await json<TokenResponse>(response);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(200);
  });

  it("supports the plain PKCE method (pkceOnly)", async () => {
    await sandbox.control.setModes({ pkceOnly: true });
    const { verifier } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: verifier, code_challenge_method: "plain" }));
    expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
  });

  it("refuses a wrong code verifier, and a PKCE code without verifier nor secret (pkceOnly)", async () => {
    await sandbox.control.setModes({ pkceOnly: true });
    const { challenge } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    await expectOAuthError(await exchange(code, { code_verifier: pkcePair().verifier }), 400, "invalid_grant");
    await expectOAuthError(await exchange(code), 400, "invalid_grant");
  });

  it("refuses a code without any client authentication", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    await expectOAuthError(await exchange(code), 401, "invalid_client");
  });

  it("refuses a wrong client secret and an unknown client", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    await expectOAuthError(await exchange(code, { client_secret: "wrong" }), 401, "invalid_client");
    await expectOAuthError(await exchange(code, { client_id: "nobody", client_secret: "x" }), 401, "invalid_client");
  });

  it("refuses a redirect_uri other than the authorization request's", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    const response = await tokenRequest(sandbox.url, {
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost:1/other",
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
    });
    await expectOAuthError(response, 400, "invalid_grant");
  });

  it("refuses a code used twice and revokes what it granted", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    const first = await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET });
    expect(first.status).toBe(200);
    const tokens = await json<TokenResponse>(first);
    await expectOAuthError(await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET }), 400, "invalid_grant");
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(401);
  });

  it("refuses a code after 60 seconds", async () => {
    const code = await authorizeCode(sandbox.appUrl, authParams());
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    await expectOAuthError(await exchange(code, { client_secret: SANDBOX_CLIENT_SECRET }), 400, "invalid_grant");
  });

  it("rotates refresh tokens: the old one is refused", async () => {
    const tokens = await secretTokens();
    const first = await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET });
    expect(first.status).toBe(200);
    const rotated = await json<TokenResponse>(first);
    expect(rotated.access_token).not.toBe(tokens.access_token);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(rotated.scope).toBe(SCOPE);
    await expectOAuthError(
      await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET }),
      400,
      "invalid_grant",
    );
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: rotated.access_token })).status).toBe(200);
    expect((await refresh(rotated.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET })).status).toBe(200);
  });

  it("refuses a refresh without the secret (reference)", async () => {
    const tokens = await secretTokens();
    await expectOAuthError(await refresh(tokens.refresh_token ?? ""), 401, "invalid_client");
    expect((await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET })).status).toBe(200);
  });

  it("lets a PKCE client refresh without a secret in mode pkceOnly, but not a secret client", async () => {
    await sandbox.control.setModes({ pkceOnly: true });
    const { verifier, challenge } = pkcePair();
    const code = await authorizeCode(sandbox.appUrl, authParams({ code_challenge: challenge, code_challenge_method: "S256" }));
    const pkceTokens = await json<TokenResponse>(await exchange(code, { code_verifier: verifier }));
    const rotated = await refresh(pkceTokens.refresh_token ?? "");
    expect(rotated.status).toBe(200);
    const secretClient = await secretTokens();
    await expectOAuthError(await refresh(secretClient.refresh_token ?? ""), 401, "invalid_client");
    // Back on the reference, the PKCE grant's refresh token needs the secret too.
    await sandbox.control.setModes({ pkceOnly: false });
    const next = (await json<TokenResponse>(rotated)).refresh_token ?? "";
    await expectOAuthError(await refresh(next), 401, "invalid_client");
  });

  it("refuses a refresh token after 28 days", async () => {
    const tokens = await secretTokens();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 28 * 24 * 3600 * 1000 + 1000);
    await expectOAuthError(
      await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET }),
      400,
      "invalid_grant",
    );
  });

  it("issues client_credentials tokens to the system client only", async () => {
    const response = await tokenRequest(sandbox.url, {
      grant_type: "client_credentials",
      client_id: SANDBOX_SYSTEM_CLIENT_ID,
      client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = await json<TokenResponse>(response);
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope).toBe(ALL_SCOPES.join(" "));
    expect((await call(sandbox.url, "/jobs", { token: tokens.access_token })).status).toBe(200);
    expect((await call(sandbox.url, "/user-api/v201804/users/me", { token: tokens.access_token })).status).toBe(200);
    const create = await call(sandbox.url, "/candidates", {
      method: "POST",
      token: tokens.access_token,
      json: { firstName: "Sys", lastName: "Tem", email: "sys@example.com" },
    });
    expect(create.status).toBe(201);
    const wrongClient = await tokenRequest(sandbox.url, {
      grant_type: "client_credentials",
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
    });
    await expectOAuthError(wrongClient, 400, "unauthorized_client");
    const noSecret = await tokenRequest(sandbox.url, {
      grant_type: "client_credentials",
      client_id: SANDBOX_SYSTEM_CLIENT_ID,
    });
    await expectOAuthError(noSecret, 401, "invalid_client");
  });

  it("answers OAuth errors for a bad grant_type or content type", async () => {
    const unsupported = await tokenRequest(sandbox.url, {
      grant_type: "password",
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
    });
    await expectOAuthError(unsupported, 400, "unsupported_grant_type");
    const jsonBody = await fetch(`${sandbox.url}/identity/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    await expectOAuthError(jsonBody, 400, "invalid_request");
  });

  it("expires access tokens after the configured lifetime", async () => {
    await sandbox.control.setModes({ accessTokenTtlSeconds: 60 });
    const tokens = await secretTokens();
    expect(tokens.expires_in).toBe(60);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    const expired = await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("expired");
    const renewed = await json<TokenResponse>(
      await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET }),
    );
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: renewed.access_token })).status).toBe(200);
  });

  it("issues already-expired tokens with a lifetime of 0", async () => {
    await sandbox.control.setModes({ accessTokenTtlSeconds: 0 });
    const tokens = await secretTokens();
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(401);
  });

  it("revokes every access and refresh token on /__control/revoke", async () => {
    const tokens = await secretTokens();
    await sandbox.control.revoke();
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: tokens.access_token })).status).toBe(401);
    await expectOAuthError(
      await refresh(tokens.refresh_token ?? "", { client_secret: SANDBOX_CLIENT_SECRET }),
      400,
      "invalid_grant",
    );
    expect((await secretTokens()).access_token).toBeTruthy();
  });
});

describe("sandbox: OAuth on two origins", () => {
  it("serves the authorize page on the app origin only, and the token endpoint on both", async () => {
    expect((await authorize(sandbox.url, authParams())).status).toBe(404);
    const code = await authorizeCode(sandbox.appUrl, authParams());
    const onApp = await tokenRequest(sandbox.appUrl, {
      grant_type: "authorization_code",
      code,
      redirect_uri: EXTENSION_REDIRECT,
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
    });
    expect(onApp.status).toBe(200);
    const system = await tokenRequest(sandbox.url, {
      grant_type: "client_credentials",
      client_id: SANDBOX_SYSTEM_CLIENT_ID,
      client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
    });
    expect(system.status).toBe(200);
    const log = await sandbox.control.requests();
    expect(log.map((entry) => [entry.origin, entry.path, entry.status])).toEqual([
      ["api", "/identity/oauth/allow", 404],
      ["app", "/identity/oauth/allow", 302],
      ["app", "/identity/oauth/token", 200],
      ["api", "/identity/oauth/token", 200],
    ]);
  });
});
