import { describe, expect, it } from "vitest";
import { SmartRecruitersError } from "./errors";
import {
  authorizationUrl,
  clientCredentialsToken,
  exchangeCode,
  missingScopes,
  neededScopes,
  refreshTokens,
  requestedScopes,
  type TokenEndpoint,
} from "./oauth";

/** A token endpoint that answers `status` with `body`, and keeps the forms it was sent. */
function endpoint(status: number, body: unknown, clientSecret?: string): TokenEndpoint & { forms: URLSearchParams[] } {
  const forms: URLSearchParams[] = [];
  return {
    forms,
    tokenUrl: "https://www.smartrecruiters.com/identity/oauth/token",
    clientId: "client-1",
    ...(clientSecret ? { clientSecret } : {}),
    fetch: async (_url, init) => {
      forms.push(new URLSearchParams(String(init?.body)));
      return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    },
  };
}

const code = { code: "c", redirectUri: "https://x.chromiumapp.org/", codeVerifier: "v", scopes: ["candidates_read"] };

async function refusal(promise: Promise<unknown>): Promise<SmartRecruitersError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SmartRecruitersError)) throw new Error(`Expected a SmartRecruitersError, got ${String(error)}`);
  return error;
}

describe("scopes asked", () => {
  it("create-and-update off: reading and tagging candidates and the user's name; no creating, no jobs", () => {
    expect(requestedScopes({ createAndUpdate: false })).toEqual(["candidates_read", "candidates_manage", "user_me_read"]);
    expect(neededScopes({ createAndUpdate: false })).toEqual(["candidates_read", "candidates_manage"]);
  });

  it("create-and-update on: creating candidates too, and reading jobs (to create them for the interview's job)", () => {
    expect(requestedScopes({ createAndUpdate: true })).toEqual([
      "candidates_read",
      "candidates_manage",
      "candidates_create",
      "user_me_read",
      "jobs_read",
    ]);
    expect(neededScopes({ createAndUpdate: true })).toEqual(["candidates_read", "candidates_manage", "candidates_create"]);
  });

  it("names the needed scopes a grant lacks: the required ones unless told which", () => {
    expect(missingScopes(["candidates_read"])).toEqual(["candidates_manage"]);
    expect(missingScopes(["candidates_read", "candidates_manage"])).toEqual([]);
    expect(missingScopes(["candidates_read", "candidates_manage"], neededScopes({ createAndUpdate: true }))).toEqual([
      "candidates_create",
    ]);
  });

  it("sends them space-separated in the authorization URL", () => {
    const url = new URL(
      authorizationUrl({
        authorizeUrl: "https://www.smartrecruiters.com/identity/oauth/allow",
        clientId: "client-1",
        redirectUri: "https://x.chromiumapp.org/",
        state: "s",
        codeChallenge: "c",
        scopes: requestedScopes({ createAndUpdate: true }),
      }),
    );
    expect(url.searchParams.get("scope")).toBe("candidates_read candidates_manage candidates_create user_me_read jobs_read");
  });
});

describe("token requests", () => {
  it("send client_secret on the code exchange and on refresh when one is set, and none otherwise", async () => {
    const tokens = { access_token: "a", refresh_token: "r", expires_in: 1800, scope: "candidates_read" };
    const withSecret = endpoint(200, tokens, "s3cret");
    await exchangeCode(withSecret, code);
    await refreshTokens(withSecret, "r", ["candidates_read"]);
    expect(withSecret.forms.map((form) => form.get("client_secret"))).toEqual(["s3cret", "s3cret"]);
    const without = endpoint(200, tokens);
    await exchangeCode(without, code);
    expect(without.forms[0]?.has("client_secret")).toBe(false);
    expect(without.forms[0]?.get("code_verifier")).toBe("v");
  });

  it("counts the scopes asked as granted when the answer names none, and keeps a refreshed grant's scopes", async () => {
    const unnamed = endpoint(200, { access_token: "a", refresh_token: "r" });
    expect((await exchangeCode(unnamed, { ...code, scopes: ["candidates_read", "user_me_read"] })).scopes).toEqual([
      "candidates_read",
      "user_me_read",
    ]);
    expect((await refreshTokens(unnamed, "r", ["candidates_read", "jobs_read"])).scopes).toEqual([
      "candidates_read",
      "jobs_read",
    ]);
    expect((await clientCredentialsToken(unnamed)).scopes).toEqual([]);
  });

  it("a token endpoint that does not answer within the timeout is a passing failure, said as unreachable", async () => {
    const hung: TokenEndpoint = {
      tokenUrl: "https://sr-token.example.org/token",
      clientId: "client-1",
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    };
    const error = await refusal(refreshTokens(hung, "r1", ["candidates_read"]));
    expect(error).toMatchObject({ kind: "offline", transient: true });
    expect(error.message).toContain("sr-token.example.org");
  });

  it("a client refused without a secret: says the organisation's token endpoint or a policy secret is needed", async () => {
    const error = await refusal(
      exchangeCode(endpoint(401, { error: "invalid_client", error_description: "client_secret is missing" }), code),
    );
    expect(error.kind).toBe("not-connected");
    expect(error.message).toContain("refused the sign-in without a client secret");
    expect(error.message).toContain("tokenUrl");
    expect(error.message).toContain("clientSecret");
    expect(error.message).toContain("docs/token-endpoint.md");
  });

  it("a client refused with a secret: the client ID or secret is wrong", async () => {
    const error = await refusal(exchangeCode(endpoint(401, { error: "invalid_client" }, "wrong"), code));
    expect(error.message).toContain("client ID or secret is wrong");
  });

  it.each([401, 403])("a plan without the API (%i) is said as such, not as a sign-in to redo", async (status) => {
    const error = await refusal(exchangeCode(endpoint(status, { message: "No access to feature: Customer API" }), code));
    expect(error.kind).toBe("no-api-access");
    expect(error.message).toContain("plan does not include API access");
  });
});
