// @vitest-environment node
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_SYSTEM_CLIENT_ID,
  SANDBOX_SYSTEM_CLIENT_SECRET,
} from "../../test/sandbox/credentials";
import { useSandboxServer } from "../../test/sandbox/test-helpers";
import { cachedPolicy, cachedPolicySecrets, type Policy, type PolicySecrets } from "../settings/policy";
import { createAndUpdateCandidates, defaultEndpoints, endpoints, readSettings } from "../settings/settings";
import { createClient } from "../smartrecruiters/client";
import { apiError } from "../sync/sandbox-test-helpers";
import { learnAccount } from "./account";
import { authConfig } from "./auth-config";
import { accountToLearn, connectedClient, connectionStatus, disconnect } from "./connection";
import {
  type AccessToken,
  accessTokenItem,
  accountItem,
  authProblemItem,
  refreshTokenItem,
  storedCredential,
} from "./credential-store";
import { scopesToAskAgain } from "./needed-scopes";
import { canCreateCandidates, canReadJobs, grantedScopes } from "./scopes";
import { type IdentityApi, signInWithOAuth } from "./sign-in";
import { createTokenKeeper } from "./tokens";

const sandbox = useSandboxServer();
/** Where the sandbox, as SmartRecruiters, serves the authorization page, the token endpoint and profiles (not the API's origin). */
const appUrl = () => sandbox.appUrl;
const redirectUri = "https://ojjencidapbffadplbcanpdemoboeflj.chromiumapp.org/";

interface FakeIdentityOptions {
  /** Changes the authorization URL before "the browser" opens it. */
  tamper?(url: URL): void;
  /** What the window does: follow SmartRecruiters' redirect (default), or the user closes it. */
  closed?: boolean;
  /** Changes the answer before it reaches the extension. */
  answer?(location: URL): void;
}

/** identity.launchWebAuthFlow as Chromium does it against the sandbox's auto-approving page. */
function sandboxIdentity(options: FakeIdentityOptions = {}): IdentityApi & { opened: URL[] } {
  const opened: URL[] = [];
  return {
    opened,
    getRedirectURL: () => redirectUri,
    async launchWebAuthFlow({ url }) {
      const target = new URL(url);
      opened.push(new URL(url));
      options.tamper?.(target);
      if (options.closed) throw new Error("The user did not approve access.");
      const response = await fetch(target, { redirect: "manual" });
      const location = new URL(response.headers.get("location") ?? "");
      options.answer?.(location);
      return location.href;
    },
  };
}

/** What the organisation's policy gives by default in these tests: SmartRecruiters' client secret, as SmartRecruiters documents. */
const withSecret: PolicySecrets = { clientSecret: SANDBOX_CLIENT_SECRET };
/** Where a policy secret is sent: the token URL the same policy sets (here the sandbox's, as SmartRecruiters). */
const sandboxTokenUrl = () => `${appUrl()}/identity/oauth/token`;
/** The organisation's own credential is sent only where its policy points: the sandbox's API. */
const sandboxApi = () => ({ apiBaseUrl: sandbox.url });

async function usePolicy(policy: Policy, secrets: PolicySecrets = {}): Promise<void> {
  await cachedPolicy.setValue({ policy, problems: [] });
  await cachedPolicySecrets.setValue(secrets);
}

async function tokenRequests() {
  return (await sandbox.control.requests()).filter((entry) => entry.path === "/identity/oauth/token");
}

async function changeAccessToken(change: Partial<AccessToken>): Promise<void> {
  const token = await accessTokenItem.getValue();
  if (!token) throw new Error("No access token stored");
  await accessTokenItem.setValue({ ...token, ...change });
}

const signIn = (identity = sandboxIdentity()) => signInWithOAuth({ identity });

/** fetch that keeps the address and form of every token request it makes. */
function recordingFetch(): typeof fetch & { tokenForms: URLSearchParams[]; tokenUrls: string[] } {
  const tokenForms: URLSearchParams[] = [];
  const tokenUrls: string[] = [];
  const record = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith("/identity/oauth/token")) {
      tokenUrls.push(String(input));
      tokenForms.push(new URLSearchParams(String(init?.body)));
    }
    return fetch(input, init);
  };
  return Object.assign(record, { tokenForms, tokenUrls });
}

beforeEach(async () => {
  // Not about rate limits.
  await sandbox.control.setModes({ rateLimits: false });
  fakeBrowser.reset();
  // Tests about other things than the client secret send it, as SmartRecruiters documents, to the policy's token URL.
  await usePolicy({ tokenUrl: sandboxTokenUrl() }, withSecret);
  await endpoints.setValue({
    apiBaseUrl: sandbox.url,
    profileUrlTemplate: `${appUrl()}/app/people/candidates/{id}`,
    authorizeUrl: `${appUrl()}/identity/oauth/allow`,
    tokenUrl: `${appUrl()}/identity/oauth/token`,
    clientId: SANDBOX_CLIENT_ID,
  });
});

describe("OAuth sign-in (sandbox)", () => {
  it("sends state and an S256 PKCE challenge, and keeps the refresh token in local and the access token in session storage", async () => {
    const identity = sandboxIdentity();
    const recorded = recordingFetch();
    expect(await signInWithOAuth({ identity, fetch: recorded })).toBe("connected");
    const sent = identity.opened[0] as URL;
    expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
    expect(sent.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(sent.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    // Reading and tagging candidates and the user's name; neither creating nor jobs_read: create-and-update is off.
    expect(sent.searchParams.get("scope")).toBe("candidates_read candidates_manage user_me_read");
    expect(sent.searchParams.get("redirect_uri")).toBe(redirectUri);
    // Nothing of the sign-in where content scripts can read: storage.local holds nothing of ours.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await refreshTokenItem.getValue())?.refreshToken).toBeTruthy();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(
      (await refreshTokenItem.getValue())?.refreshToken,
    );
    expect(await connectionStatus()).toMatchObject({ connected: true, method: "oauth", byOrganisation: false, problem: null });
    // The exchange sent the PKCE verifier and the policy's client secret.
    const [exchange] = await tokenRequests();
    expect(exchange?.status).toBe(200);
    expect(recorded.tokenForms[0]?.get("client_secret")).toBe(SANDBOX_CLIENT_SECRET);
    expect(recorded.tokenForms[0]?.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/u);
  });

  it("replaces an interviewer's own API key with the sign-in", async () => {
    await storedCredential.setValue({ kind: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" });
    expect((await connectionStatus()).method).toBe("apiKey");
    expect(await signIn()).toBe("connected");
    expect(await storedCredential.getValue()).toBeNull();
    expect((await connectionStatus()).method).toBe("oauth");
  });

  it("refuses to sign in over the organisation's credential", async () => {
    await usePolicy({ authMode: "apiKey" }, { apiKey: "0123456789abcdef0123456789abcdef" });
    expect((await apiError(signIn())).message).toContain("Your organisation connects SmartRecruiters for you");
  });

  it("a closed sign-in window quietly changes nothing", async () => {
    expect(await signIn(sandboxIdentity({ closed: true }))).toBe("cancelled");
    expect(await connectionStatus()).toMatchObject({ connected: false, problem: null });
    expect(await tokenRequests()).toEqual([]);
  });

  it("Deny on SmartRecruiters' page is a cancel too", async () => {
    const deny = sandboxIdentity({
      answer: (location) => {
        location.search = `?error=access_denied&state=${location.searchParams.get("state")}`;
      },
    });
    expect(await signIn(deny)).toBe("cancelled");
    expect((await connectionStatus()).connected).toBe(false);
  });

  it("refuses an answer whose state is not this sign-in's, and exchanges nothing", async () => {
    const forged = sandboxIdentity({ answer: (location) => location.searchParams.set("state", "someone-elses") });
    expect((await apiError(signIn(forged))).message).toContain("did not belong to this sign-in");
    expect(await tokenRequests()).toEqual([]);
    expect((await connectionStatus()).connected).toBe(false);
  });

  it("names a missing scope and keeps nothing", async () => {
    const partial = sandboxIdentity({ tamper: (url) => url.searchParams.set("scope", "candidates_read") });
    const error = await apiError(signIn(partial));
    expect(error.kind).toBe("access-denied");
    expect(error.message).toContain("did not grant candidates_manage");
    expect(await refreshTokenItem.getValue()).toBeNull();
  });

  it("an optional scope SmartRecruiters does not know (invalid_scope): asks once more for the needed ones only", async () => {
    const unknownScope = sandboxIdentity({
      tamper: (url) => {
        const scope = url.searchParams.get("scope") ?? "";
        if (scope.includes("user_me_read")) url.searchParams.set("scope", `${scope} not_a_scope`);
      },
    });
    expect(await signIn(unknownScope)).toBe("connected");
    expect(unknownScope.opened.map((url) => url.searchParams.get("scope"))).toEqual([
      "candidates_read candidates_manage user_me_read",
      "candidates_read candidates_manage",
    ]);
    expect(await canReadJobs()).toBe(false);
  });

  it.each([401, 403] as const)(
    "says plainly when the plan has no API access (%i), never as a sign-in to redo",
    async (status) => {
      await sandbox.control.setModes({ noApiAccess: status });
      const error = await apiError(signIn());
      expect(error.kind).toBe("no-api-access");
      expect(error.message).toContain("plan does not include API access");
      expect(await connectionStatus()).toMatchObject({ connected: false, problem: null });
    },
  );

  it("tells the admin when the organisation's client secret is wrong", async () => {
    await usePolicy({ authMode: "oauth", tokenUrl: sandboxTokenUrl() }, { clientSecret: "not-the-secret" });
    const error = await apiError(signIn());
    expect(error.message).toContain("client ID or secret is wrong");
    expect(error.message).toContain("admin");
  });

  it("tells the admin when the token endpoint cannot be reached", async () => {
    await usePolicy({ tokenUrl: "http://127.0.0.1:9/token" }, withSecret);
    const error = await apiError(signIn());
    expect(error.kind).toBe("offline");
    expect(error.message).toContain("token endpoint (127.0.0.1:9) could not be reached");
  });

  it("refuses an address that is not https", async () => {
    await usePolicy({});
    const error = await apiError(signInWithOAuth({ identity: sandboxIdentity() }, { tokenUrl: "http://example.com/token" }));
    // Named as the side panel labels the field.
    expect(error.message).toBe("Token address must be an https:// address.");
  });

  it("refuses a typed address that is not SmartRecruiters', opens nothing and keeps nothing", async () => {
    await usePolicy({});
    const identity = sandboxIdentity();
    const error = await apiError(
      signInWithOAuth({ identity }, { authorizeUrl: "https://smartrecruiters.example.eu/identity/oauth/allow" }),
    );
    expect(error.message).toContain("Sign-in address must be a SmartRecruiters address");
    expect(identity.opened).toEqual([]);
    expect((await endpoints.getValue()).authorizeUrl).toBe(`${appUrl()}/identity/oauth/allow`);
  });

  it("a policy secret is never sent to a token address the interviewer typed: SmartRecruiters' own token URL gets it", async () => {
    await usePolicy({}, withSecret);
    await endpoints.setValue({ ...(await endpoints.getValue()), tokenUrl: sandboxTokenUrl() });
    const status = await connectionStatus();
    expect(status.endpoints.tokenUrl).toBe("https://www.smartrecruiters.com/identity/oauth/token");
    expect(status.locked).toContain("tokenUrl");
    const sentTo: string[] = [];
    const offline = async (input: RequestInfo | URL, init?: RequestInit) => {
      sentTo.push(`${String(input)} ${new URLSearchParams(String(init?.body)).get("client_secret")}`);
      throw new TypeError("Failed to fetch");
    };
    // Typed again with the sign-in: ignored too.
    await apiError(signInWithOAuth({ identity: sandboxIdentity(), fetch: offline }, { tokenUrl: sandboxTokenUrl() }));
    expect(sentTo).toEqual([`https://www.smartrecruiters.com/identity/oauth/token ${SANDBOX_CLIENT_SECRET}`]);
    expect(await tokenRequests()).toEqual([]);
  });
});

describe("tokens (sandbox)", () => {
  it("refreshes ahead of expiry, rotates the one-time refresh token, and the old one is refused", async () => {
    await sandbox.control.setModes({ accessTokenTtlSeconds: 2 });
    await signIn();
    const first = await refreshTokenItem.getValue();
    const firstAccess = await accessTokenItem.getValue();
    const keeper = createTokenKeeper({ now: () => Date.now() + 1600 });
    const credential = await keeper.current(await authConfig());
    expect(credential).not.toEqual({ kind: "bearer", accessToken: firstAccess?.accessToken });
    const second = await refreshTokenItem.getValue();
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    const reuse = await fetch(`${appUrl()}/identity/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: first?.refreshToken ?? "",
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
      }),
    });
    expect(reuse.status).toBe(400);
  });

  it("shares one refresh among twenty callers", async () => {
    await signIn();
    await changeAccessToken({ expiresAt: Date.now() - 1 });
    await sandbox.control.clearRequests();
    const keeper = createTokenKeeper();
    const config = await authConfig();
    const credentials = await Promise.all(Array.from({ length: 20 }, () => keeper.current(config)));
    expect(new Set(credentials.map((c) => JSON.stringify(c))).size).toBe(1);
    expect(await tokenRequests()).toHaveLength(1);
  });

  it("a 401 in the middle of work refreshes once and the call goes through", async () => {
    await signIn();
    const keeper = createTokenKeeper();
    const { client } = await connectedClient(keeper);
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    // SmartRecruiters forgets the access token (as when it expires early); the refresh token still works.
    await changeAccessToken({ accessToken: "expired-elsewhere" });
    await sandbox.control.clearRequests();
    const calls = Array.from({ length: 5 }, () => client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001"));
    await Promise.all(calls);
    expect(await tokenRequests()).toHaveLength(1);
  });

  it("a revoked grant asks to reconnect, forgets the tokens, and the call fails as not connected", async () => {
    await signIn();
    await sandbox.control.revoke();
    const { client } = await connectedClient(createTokenKeeper());
    const error = await apiError(client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001"));
    expect(error.kind).toBe("not-connected");
    expect(error.message).toContain("Reconnect to SmartRecruiters");
    expect(await refreshTokenItem.getValue()).toBeNull();
    expect(await authProblemItem.getValue()).toMatchObject({ fix: "reconnect" });
    expect(await connectionStatus()).toMatchObject({ connected: false, problem: { fix: "reconnect" } });
  });

  it("disconnect clears every token and the problem", async () => {
    await signIn();
    await authProblemItem.setValue({ message: "x", fix: "reconnect", at: 1 });
    expect(await disconnect()).toMatchObject({ connected: false, problem: null });
    expect([await refreshTokenItem.getValue(), await storedCredential.getValue(), await authProblemItem.getValue()]).toEqual([
      null,
      null,
      null,
    ]);
    expect(await fakeBrowser.storage.session.get("auth.access")).toEqual({});
  });
});

describe("disconnect and the typed addresses (sandbox)", () => {
  it("forgets the addresses the interviewer typed: SmartRecruiters' defaults again; the policy's stay", async () => {
    await usePolicy({ tokenUrl: sandboxTokenUrl(), profileUrlTemplate: `${appUrl()}/app/people/candidates/{id}` }, withSecret);
    await signIn();
    const typed = (await connectionStatus()).endpoints;
    expect(typed.apiBaseUrl).toBe(sandbox.url);
    const after = await disconnect();
    expect(await endpoints.getValue()).toEqual(defaultEndpoints);
    expect(after.endpoints).toEqual({
      ...defaultEndpoints,
      tokenUrl: sandboxTokenUrl(),
      profileUrlTemplate: `${appUrl()}/app/people/candidates/{id}`,
    });
    expect(after.locked).toEqual(["profileUrlTemplate", "tokenUrl"]);
  });

  it("a sign-in keeps only what was typed, never the policy's values as the interviewer's", async () => {
    await usePolicy({ tokenUrl: sandboxTokenUrl() }, withSecret);
    await signIn();
    expect((await endpoints.getValue()).tokenUrl).toBe(defaultEndpoints.tokenUrl);
    expect((await endpoints.getValue()).apiBaseUrl).toBe(sandbox.url);
  });
});

describe("organisation credentials from policy (sandbox)", () => {
  it("client credentials: connected by the organisation, a token fetched on first use and reused", async () => {
    await usePolicy(
      { authMode: "clientCredentials", clientId: SANDBOX_SYSTEM_CLIENT_ID, ...sandboxApi() },
      { clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET },
    );
    expect(await connectionStatus()).toMatchObject({ connected: true, method: "clientCredentials", byOrganisation: true });
    const recorded = recordingFetch();
    const keeper = createTokenKeeper({ fetch: recorded });
    const { client } = await connectedClient(keeper);
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    expect(await tokenRequests()).toHaveLength(1);
    // No tokenUrl in the policy: the API host's token URL, as SmartRecruiters' client-credentials docs say.
    expect(recorded.tokenUrls).toEqual([`${sandbox.url}/identity/oauth/token`]);
    expect(await canReadJobs()).toBe(true);
    expect(await refreshTokenItem.getValue()).toBeNull();
  });

  it("API key: used as X-SmartToken; a refused key tells the admin", async () => {
    await usePolicy({ authMode: "apiKey", ...sandboxApi() }, { apiKey: "sbxWrongKey00000000000000000000ab" });
    expect(await connectionStatus()).toMatchObject({ connected: true, method: "apiKey", byOrganisation: true });
    const { client } = await connectedClient(createTokenKeeper());
    expect((await apiError(client.getTags("x"))).kind).toBe("not-connected");
    expect((await authProblemItem.getValue())?.message).toContain("refused the organisation's API key");
  });

  it("never lets a client built from a token leak it into an error message", async () => {
    await signIn();
    const token = (await accessTokenItem.getValue())?.accessToken ?? "";
    const client = createClient({ apiBaseUrl: sandbox.url, credential: { kind: "bearer", accessToken: token } });
    await sandbox.control.setFaults({ nextErrors: [500] });
    const error = await apiError(client.getTags("x"));
    expect(error.message).not.toContain(token);
  });
});

describe("who is connected (sandbox)", () => {
  const keeper = createTokenKeeper();
  const learn = () => learnAccount(async () => (await connectedClient(keeper)).client);
  const meRequests = async () => (await sandbox.control.requests()).filter((entry) => entry.path.endsWith("/users/me"));

  it("names the SmartRecruiters user of a sign-in, asked once for many requests, and forgets it on disconnect", async () => {
    await signIn();
    const status = await connectionStatus();
    expect(status.account).toBeNull();
    expect(await accountToLearn(status)).toBe(true);
    await Promise.all([learn(), learn(), learn()]);
    expect(await meRequests()).toHaveLength(1);
    const named = await connectionStatus();
    expect(named.account).toEqual({ name: "Sam Rivera", email: "sam.rivera@sandbox.example" });
    expect(await accountToLearn(named)).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty("auth.account");
    await disconnect();
    expect((await connectionStatus()).account).toBeNull();
    expect(await fakeBrowser.storage.session.get("auth.account")).toEqual({});
  });

  it("remembers a refusal (no name, not asked again this session), but asks again after a network failure", async () => {
    await signIn();
    await sandbox.control.setFaults({ dropRate: 1 });
    await learn();
    expect(await accountItem.getValue()).toBeNull();
    expect(await accountToLearn(await connectionStatus())).toBe(true);
    await sandbox.control.setFaults({});
    await sandbox.control.setModes({ usersMe: "forbidden" });
    await learn();
    expect(await accountItem.getValue()).toEqual({ known: false, reason: "access-denied" });
    const status = await connectionStatus();
    expect(status).toMatchObject({ connected: true, account: null });
    expect(await accountToLearn(status)).toBe(false);
  });

  it("the organisation's credential is not the interviewer's: no name, nothing asked", async () => {
    await usePolicy(
      { authMode: "clientCredentials", clientId: SANDBOX_SYSTEM_CLIENT_ID, ...sandboxApi() },
      { clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET },
    );
    const status = await connectionStatus();
    expect(status).toMatchObject({ connected: true, byOrganisation: true, account: null });
    expect(await accountToLearn(status)).toBe(false);
  });
});

describe("SmartRecruiters' client secret (sandbox defaults)", () => {
  it("a PKCE-only exchange is refused, keeps nothing, and the error says what the admin must set", async () => {
    await usePolicy({});
    const error = await apiError(signIn());
    expect(error.kind).toBe("not-connected");
    expect(error.message).toContain("refused the sign-in without a client secret");
    expect(error.message).toContain("tokenUrl");
    expect(error.message).toContain("docs/token-endpoint.md");
    expect(error.message).toContain("clientSecret");
    expect(await refreshTokenItem.getValue()).toBeNull();
    expect(await connectionStatus()).toMatchObject({ connected: false });
  });

  it("a client secret set by policy makes it work, on the exchange and on every refresh", async () => {
    await usePolicy({ tokenUrl: sandboxTokenUrl() }, withSecret);
    expect(await signIn()).toBe("connected");
    await changeAccessToken({ expiresAt: Date.now() - 1 });
    const recorded = recordingFetch();
    await createTokenKeeper({ fetch: recorded }).current(await authConfig());
    expect(recorded.tokenForms.map((form) => [form.get("grant_type"), form.get("client_secret")])).toEqual([
      ["refresh_token", SANDBOX_CLIENT_SECRET],
    ]);
    expect((await connectionStatus()).problem).toBeNull();
  });

  it("a SmartRecruiters that accepts PKCE alone (mode pkceOnly): connects and refreshes without a secret", async () => {
    await sandbox.control.setModes({ pkceOnly: true });
    await usePolicy({});
    expect(await signIn()).toBe("connected");
    await changeAccessToken({ expiresAt: Date.now() - 1 });
    const { client } = await connectedClient(createTokenKeeper());
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    expect((await tokenRequests()).map((entry) => entry.status)).toEqual([200, 200]);
  });

  it("the status warns before any attempt only when the token URL is SmartRecruiters' own and no secret is set", async () => {
    await usePolicy({});
    expect((await connectionStatus()).signInNeedsSecret).toBe(false);
    await usePolicy({ tokenUrl: "https://www.smartrecruiters.com/identity/oauth/token" });
    expect((await connectionStatus()).signInNeedsSecret).toBe(true);
    await usePolicy({ tokenUrl: "https://www.smartrecruiters.com/identity/oauth/token" }, withSecret);
    expect((await connectionStatus()).signInNeedsSecret).toBe(false);
    expect(await tokenRequests()).toEqual([]);
  });
});

describe("optional scopes (sandbox)", () => {
  const meRequests = async () => (await sandbox.control.requests()).filter((entry) => entry.path.endsWith("/users/me"));

  it("a grant without user_me_read connects; users/me is never asked and no name is shown", async () => {
    await sandbox.control.setModes({ withholdScopes: ["user_me_read"] });
    expect(await signIn()).toBe("connected");
    const status = await connectionStatus();
    expect(status).toMatchObject({ connected: true, problem: null, account: null });
    expect(status.scopes).not.toContain("user_me_read");
    expect(await accountToLearn(status)).toBe(false);
    await learnAccount(async () => (await connectedClient(createTokenKeeper())).client);
    expect(await meRequests()).toEqual([]);
    expect((await connectionStatus()).account).toBeNull();
  });

  it("jobs_read is asked only while create-and-update is on, and then job reading is reported", async () => {
    const off = sandboxIdentity();
    await signIn(off);
    expect(off.opened[0]?.searchParams.get("scope")).not.toContain("jobs_read");
    expect(await canReadJobs()).toBe(false);
    await createAndUpdateCandidates.setValue(true);
    const on = sandboxIdentity();
    expect(await signIn(on)).toBe("connected");
    expect(on.opened[0]?.searchParams.get("scope")).toBe(
      "candidates_read candidates_manage candidates_create user_me_read jobs_read",
    );
    expect(await grantedScopes()).toContain("jobs_read");
    expect(await canReadJobs()).toBe(true);
  });

  it("a grant without jobs_read connects and reports no job reading", async () => {
    await createAndUpdateCandidates.setValue(true);
    await sandbox.control.setModes({ withholdScopes: ["jobs_read"] });
    expect(await signIn()).toBe("connected");
    expect(await connectionStatus()).toMatchObject({ connected: true, problem: null });
    expect(await canReadJobs()).toBe(false);
  });
});

describe("least scope: creating candidates only while create-and-update is on (sandbox)", () => {
  /** What the side panel reads: the scopes a new sign-in must ask for the current settings. */
  const toAskAgain = async () => scopesToAskAgain(await connectionStatus(), await readSettings());
  const createRequests = async () =>
    (await sandbox.control.requests()).filter((entry) => entry.method === "POST" && entry.path.endsWith("/candidates"));

  it("create-and-update off: candidates_create is not asked, the grant connects, and creating is not possible", async () => {
    const identity = sandboxIdentity();
    expect(await signIn(identity)).toBe("connected");
    expect(identity.opened[0]?.searchParams.get("scope")).not.toContain("candidates_create");
    expect((await connectionStatus()).scopes).not.toContain("candidates_create");
    expect(await canCreateCandidates()).toBe(false);
    expect(await toAskAgain()).toEqual([]);
    // Why nothing may try: SmartRecruiters refuses a create with this grant.
    const { client } = await connectedClient(createTokenKeeper());
    const refusal = await apiError(client.createCandidate({ firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" }));
    expect(refusal.kind).toBe("access-denied");
  });

  it("switched on after that sign-in: asks to sign in again; signing in again asks and gets candidates_create", async () => {
    await signIn();
    await createAndUpdateCandidates.setValue(true);
    expect(await toAskAgain()).toEqual(["candidates_create"]);
    expect(await canCreateCandidates()).toBe(false);
    const again = sandboxIdentity();
    expect(await signIn(again)).toBe("connected");
    expect(again.opened[0]?.searchParams.get("scope")).toBe(
      "candidates_read candidates_manage candidates_create user_me_read jobs_read",
    );
    expect(await canCreateCandidates()).toBe(true);
    expect(await toAskAgain()).toEqual([]);
  });

  it("set on by policy after that sign-in: the same", async () => {
    await signIn();
    await usePolicy({ tokenUrl: sandboxTokenUrl(), createAndUpdateCandidates: true }, withSecret);
    expect(await toAskAgain()).toEqual(["candidates_create"]);
    expect(await canCreateCandidates()).toBe(false);
  });

  it("create-and-update on and SmartRecruiters withholds candidates_create: refused, naming it, and nothing kept", async () => {
    await createAndUpdateCandidates.setValue(true);
    await sandbox.control.setModes({ withholdScopes: ["candidates_create"] });
    const error = await apiError(signIn());
    expect(error.kind).toBe("access-denied");
    expect(error.message).toContain("did not grant candidates_create");
    expect(await refreshTokenItem.getValue()).toBeNull();
    expect(await createRequests()).toEqual([]);
  });

  it("withheld while create-and-update is off: not asked anyway, and the grant connects", async () => {
    await sandbox.control.setModes({ withholdScopes: ["candidates_create"] });
    expect(await signIn()).toBe("connected");
    expect(await connectionStatus()).toMatchObject({ connected: true, problem: null });
  });

  it("an API key: creating assumed granted, nothing to ask", async () => {
    await createAndUpdateCandidates.setValue(true);
    await storedCredential.setValue({ kind: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" });
    expect(await canCreateCandidates()).toBe(true);
    expect(await toAskAgain()).toEqual([]);
  });
});
