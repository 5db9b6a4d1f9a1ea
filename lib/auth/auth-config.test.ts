import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cachedPolicy, cachedPolicySecrets, type Policy, type PolicySecrets } from "../settings/policy";
import { defaultEndpoints, type Endpoints, endpoints } from "../settings/settings";
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

afterEach(() => {
  vi.unstubAllEnvs();
});

const typed = async (values: Partial<Endpoints>) => endpoints.setValue({ ...(await endpoints.getValue()), ...values });

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
    // A test build: the sandbox's own token endpoint, typed on this computer.
    await usePolicy({});
    await endpoints.setValue({ ...(await endpoints.getValue()), tokenUrl: "http://127.0.0.1:8787/identity/oauth/token" });
    expect(signInLacksSecret(await authConfig())).toBe(false);
  });

  it("an organisation's token endpoint stored as if typed is not one: only policy points there", async () => {
    await endpoints.setValue({ ...(await endpoints.getValue()), tokenUrl: "https://tokens.example.org/sr" });
    const config = await authConfig();
    expect(config.endpoints.tokenUrl).toBe("https://www.smartrecruiters.com/identity/oauth/token");
    expect(signInLacksSecret(config)).toBe(true);
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

describe("the addresses the interviewer typed", () => {
  it("are used when they are SmartRecruiters' own", async () => {
    await typed({
      apiBaseUrl: "https://api.eu.smartrecruiters.com",
      tokenUrl: "https://api.smartrecruiters.com/identity/oauth/token",
    });
    expect((await authConfig()).endpoints).toMatchObject({
      apiBaseUrl: "https://api.eu.smartrecruiters.com",
      tokenUrl: "https://api.smartrecruiters.com/identity/oauth/token",
    });
  });

  it("anything else stored there (an older version's, or a write that did not come through typing) is ignored: the default", async () => {
    await typed({
      apiBaseUrl: "https://api.smartrecruiters.com.evil.example",
      authorizeUrl: "https://sr-login.example.com/allow",
      profileUrlTemplate: "https://www.smartrecruiters.com:8443/app/people/candidates/{id}",
    });
    const { endpoints: used } = await authConfig();
    expect(used.apiBaseUrl).toBe(defaultEndpoints.apiBaseUrl);
    expect(used.authorizeUrl).toBe(defaultEndpoints.authorizeUrl);
    expect(used.profileUrlTemplate).toBe(defaultEndpoints.profileUrlTemplate);
  });

  it("plain http to this computer is used in a test build, never in a production build", async () => {
    await typed({ apiBaseUrl: "http://127.0.0.1:8787" });
    expect((await authConfig()).endpoints.apiBaseUrl).toBe("http://127.0.0.1:8787");
    vi.stubEnv("MODE", "production");
    expect((await authConfig()).endpoints.apiBaseUrl).toBe(defaultEndpoints.apiBaseUrl);
  });

  it("the organisation's credential never goes to a typed address: the policy's, else SmartRecruiters' defaults", async () => {
    await typed({ apiBaseUrl: "https://api.eu.smartrecruiters.com" });
    await usePolicy({ authMode: "apiKey" }, { apiKey: "0123456789abcdef0123456789abcdef" });
    expect((await authConfig()).endpoints.apiBaseUrl).toBe(defaultEndpoints.apiBaseUrl);
    await usePolicy({ authMode: "clientCredentials", clientId: "system" }, { clientSecret: "s" });
    expect((await authConfig()).endpoints).toMatchObject({
      apiBaseUrl: defaultEndpoints.apiBaseUrl,
      tokenUrl: "https://api.smartrecruiters.com/identity/oauth/token",
    });
  });

  it("a policy client secret without a policy tokenUrl: the typed token address is ignored and shown locked", async () => {
    await typed({ tokenUrl: "https://api.eu.smartrecruiters.com/identity/oauth/token" });
    await usePolicy({}, { clientSecret: "s" });
    const config = await authConfig();
    expect(config).toMatchObject({ clientSecret: "s", locked: ["tokenUrl"] });
    expect(config.endpoints.tokenUrl).toBe(defaultEndpoints.tokenUrl);
    // With the policy's tokenUrl, the secret goes there; still nothing typed.
    await usePolicy({ tokenUrl: "https://sso.example.com/token" }, { clientSecret: "s" });
    expect((await authConfig()).endpoints.tokenUrl).toBe("https://sso.example.com/token");
  });

  it("without a policy secret, the typed token address is the interviewer's to choose", async () => {
    await typed({ tokenUrl: "https://api.eu.smartrecruiters.com/identity/oauth/token" });
    const config = await authConfig();
    expect(config.locked).toEqual([]);
    expect(config.endpoints.tokenUrl).toBe("https://api.eu.smartrecruiters.com/identity/oauth/token");
  });
});
