// @vitest-environment node
import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_SYSTEM_CLIENT_ID,
  SANDBOX_SYSTEM_CLIENT_SECRET,
} from "../../test/sandbox/credentials";
import { cachedPolicy, cachedPolicySecrets, type Policy, type PolicySecrets } from "../settings/policy";
import { endpoints } from "../settings/settings";
import { createClient } from "../smartrecruiters/client";
import { apiError, useSandbox } from "../sync/sandbox-test-helpers";
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
import { type IdentityApi, signInWithOAuth } from "./sign-in";
import { createTokenKeeper } from "./tokens";

const sandbox = useSandbox({ rateLimits: false });
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

beforeEach(async () => {
  fakeBrowser.reset();
  await usePolicy({});
  await endpoints.setValue({
    apiBaseUrl: sandbox.url,
    profileUrlTemplate: `${sandbox.url}/app/people/candidates/{id}`,
    authorizeUrl: `${sandbox.url}/identity/oauth/allow`,
    tokenUrl: `${sandbox.url}/identity/oauth/token`,
    clientId: SANDBOX_CLIENT_ID,
  });
});

describe("OAuth sign-in (sandbox)", () => {
  it("sends state and an S256 PKCE challenge, and keeps the refresh token in local and the access token in session storage", async () => {
    const identity = sandboxIdentity();
    expect(await signIn(identity)).toBe("connected");
    const sent = identity.opened[0] as URL;
    expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
    expect(sent.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(sent.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(sent.searchParams.get("scope")).toBe("candidates_read candidates_create candidates_manage");
    expect(sent.searchParams.get("redirect_uri")).toBe(redirectUri);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(stored)).not.toContain((await accessTokenItem.getValue())?.accessToken);
    expect((await refreshTokenItem.getValue())?.refreshToken).toBeTruthy();
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(
      (await refreshTokenItem.getValue())?.refreshToken,
    );
    expect(await connectionStatus()).toMatchObject({ connected: true, method: "oauth", byOrganisation: false, problem: null });
    // The exchange used PKCE and no client secret: none was configured.
    const [exchange] = await tokenRequests();
    expect(exchange?.status).toBe(200);
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
    expect(error.message).toContain("did not grant candidates_create, candidates_manage");
    expect(await refreshTokenItem.getValue()).toBeNull();
  });

  it("says plainly when the plan has no API access", async () => {
    await sandbox.control.setModes({ noApiAccess: true });
    const error = await apiError(signIn());
    expect(error.kind).toBe("no-api-access");
    expect(error.message).toContain("plan does not include API access");
    expect((await connectionStatus()).connected).toBe(false);
  });

  it("tells the admin when the organisation's client secret is wrong", async () => {
    await usePolicy({ authMode: "oauth" }, { clientSecret: "not-the-secret" });
    const error = await apiError(signIn());
    expect(error.message).toContain("client ID or secret is wrong");
    expect(error.message).toContain("admin");
  });

  it("uses the organisation's client secret when the policy gives one", async () => {
    await usePolicy({ authMode: "oauth" }, { clientSecret: SANDBOX_CLIENT_SECRET });
    expect(await signIn()).toBe("connected");
  });

  it("tells the admin when the token endpoint cannot be reached", async () => {
    await endpoints.setValue({ ...(await endpoints.getValue()), tokenUrl: "http://127.0.0.1:9/token" });
    const error = await apiError(signIn());
    expect(error.kind).toBe("offline");
    expect(error.message).toContain("token endpoint (127.0.0.1:9) could not be reached");
  });

  it("refuses an address that is not https", async () => {
    const error = await apiError(signInWithOAuth({ identity: sandboxIdentity() }, { tokenUrl: "http://example.com/token" }));
    // Named as the side panel labels the field.
    expect(error.message).toBe("Token address must be an https:// address.");
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
    const reuse = await fetch(`${sandbox.url}/identity/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: first?.refreshToken ?? "",
        client_id: SANDBOX_CLIENT_ID,
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
    expect(await fakeBrowser.storage.local.get(["auth.refresh", "auth.credential", "auth.problem"])).toEqual({});
    expect(await fakeBrowser.storage.session.get("auth.access")).toEqual({});
  });
});

describe("organisation credentials from policy (sandbox)", () => {
  it("client credentials: connected by the organisation, a token fetched on first use and reused", async () => {
    await usePolicy(
      { authMode: "clientCredentials", clientId: SANDBOX_SYSTEM_CLIENT_ID },
      { clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET },
    );
    expect(await connectionStatus()).toMatchObject({ connected: true, method: "clientCredentials", byOrganisation: true });
    const keeper = createTokenKeeper();
    const { client } = await connectedClient(keeper);
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    await client.getTags("3f1c2b7e-0a1d-4c1e-9a51-000000000001");
    expect(await tokenRequests()).toHaveLength(1);
    expect(await refreshTokenItem.getValue()).toBeNull();
  });

  it("API key: used as X-SmartToken; a refused key tells the admin", async () => {
    await usePolicy({ authMode: "apiKey" }, { apiKey: "sbxWrongKey00000000000000000000ab" });
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
      { authMode: "clientCredentials", clientId: SANDBOX_SYSTEM_CLIENT_ID },
      { clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET },
    );
    const status = await connectionStatus();
    expect(status).toMatchObject({ connected: true, byOrganisation: true, account: null });
    expect(await accountToLearn(status)).toBe(false);
  });
});
