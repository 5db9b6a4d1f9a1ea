import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cachedPolicy, cachedPolicySecrets, type Policy, type PolicySecrets } from "../settings/policy";
import { endpoints } from "../settings/settings";
import { authConfig, signInLacksSecret } from "./auth-config";
import { storedCredential } from "./credential-store";

async function usePolicy(policy: Policy, secrets: PolicySecrets = {}): Promise<void> {
  await cachedPolicy.setValue({ policy, problems: [] });
  await cachedPolicySecrets.setValue(secrets);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await usePolicy({});
});

describe("client credentials' token URL", () => {
  it("defaults to the API host's, not www's", async () => {
    await usePolicy({ authMode: "clientCredentials", clientId: "system" }, { clientSecret: "s" });
    expect((await authConfig()).endpoints.tokenUrl).toBe("https://api.smartrecruiters.com/identity/oauth/token");
  });

  it("follows the API address the policy sets", async () => {
    await usePolicy(
      { authMode: "clientCredentials", clientId: "system", apiBaseUrl: "https://api.sandbox.smartrecruiters.com" },
      { clientSecret: "s" },
    );
    expect((await authConfig()).endpoints.tokenUrl).toBe("https://api.sandbox.smartrecruiters.com/identity/oauth/token");
  });

  it("is the policy's tokenUrl when it sets one", async () => {
    await usePolicy(
      { authMode: "clientCredentials", clientId: "system", tokenUrl: "https://sso.example.com/token" },
      { clientSecret: "s" },
    );
    expect((await authConfig()).endpoints.tokenUrl).toBe("https://sso.example.com/token");
  });

  it("an interviewer's own sign-in keeps www's token URL", async () => {
    expect((await authConfig()).endpoints.tokenUrl).toBe("https://www.smartrecruiters.com/identity/oauth/token");
  });
});

describe("a sign-in that lacks the client secret", () => {
  it("SmartRecruiters' own token URL and no policy secret: lacks it", async () => {
    expect(signInLacksSecret(await authConfig())).toBe(true);
  });

  it("a policy secret, or the organisation's token endpoint: does not", async () => {
    await usePolicy({}, { clientSecret: "s" });
    expect(signInLacksSecret(await authConfig())).toBe(false);
    await usePolicy({ tokenUrl: "https://sso.example.com/token" });
    expect(signInLacksSecret(await authConfig())).toBe(false);
    await usePolicy({});
    await endpoints.setValue({ ...(await endpoints.getValue()), tokenUrl: "https://tokens.example.org/sr" });
    expect(signInLacksSecret(await authConfig())).toBe(false);
  });

  it("not about the organisation's credential or an API key", async () => {
    await usePolicy({ authMode: "apiKey" }, { apiKey: "0123456789abcdef0123456789abcdef" });
    expect(signInLacksSecret(await authConfig())).toBe(false);
  });
});

describe("the policy's client secret", () => {
  it("is there for an interviewer who uses an API key of their own and signs in instead", async () => {
    await usePolicy({}, { clientSecret: "s" });
    await storedCredential.setValue({ kind: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" });
    expect(await authConfig()).toMatchObject({ mode: "apiKey", clientSecret: "s" });
  });
});
