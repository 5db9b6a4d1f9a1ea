import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cachedPolicy, cachedPolicySecrets } from "../settings/policy";
import { accessTokenItem, refreshTokenItem, storedCredential } from "./credential-store";
import { canCreateCandidates, canReadAccount, canReadJobs, grantedScopes } from "./scopes";

const required = ["candidates_read", "candidates_manage", "candidates_create"];

async function signedIn(scopes: string[]): Promise<void> {
  await refreshTokenItem.setValue({ refreshToken: "r", scopes, connectedAt: 1 });
  await accessTokenItem.setValue({ accessToken: "a", issuedAt: 1, expiresAt: Date.now() + 60_000, scopes, grant: "oauth" });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await cachedPolicySecrets.setValue({});
});

describe("what the credential may do beyond candidates", () => {
  it("an interviewer's sign-in: what SmartRecruiters granted", async () => {
    await signedIn([...required, "user_me_read", "jobs_read"]);
    expect(await grantedScopes()).toEqual([...required, "user_me_read", "jobs_read"]);
    expect(await canReadJobs()).toBe(true);
    expect(await canReadAccount()).toBe(true);
  });

  it("a sign-in granted neither optional scope: no job reading, no name", async () => {
    await signedIn(required);
    expect(await canReadJobs()).toBe(false);
    expect(await canReadAccount()).toBe(false);
  });

  it("a sign-in made with create-and-update off (no candidates_create): may not create candidates", async () => {
    await signedIn(["candidates_read", "candidates_manage", "user_me_read"]);
    expect(await canCreateCandidates()).toBe(false);
    await signedIn(required);
    expect(await canCreateCandidates()).toBe(true);
  });

  it("a grant kept with its access token only (no refresh token) counts too", async () => {
    await accessTokenItem.setValue({
      accessToken: "a",
      issuedAt: 1,
      expiresAt: Date.now() + 60_000,
      scopes: [...required, "jobs_read"],
      grant: "oauth",
    });
    expect(await canReadJobs()).toBe(true);
    expect(await canReadAccount()).toBe(false);
  });

  it("an API key (the interviewer's or the organisation's) and client credentials: assumed yes, a 403 tells", async () => {
    await storedCredential.setValue({ kind: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" });
    expect(await grantedScopes()).toBe("all");
    expect(await canReadJobs()).toBe(true);
    expect(await canCreateCandidates()).toBe(true);
    await storedCredential.setValue(null);
    await cachedPolicy.setValue({ policy: { authMode: "clientCredentials", clientId: "system" }, problems: [] });
    await cachedPolicySecrets.setValue({ clientSecret: "s" });
    expect(await canReadJobs()).toBe(true);
    expect(await canReadAccount()).toBe(true);
    expect(await canCreateCandidates()).toBe(true);
  });
});
