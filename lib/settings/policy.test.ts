import { describe, expect, it } from "vitest";
import { parsePolicy } from "./policy";

describe("parsePolicy", () => {
  it("keeps valid values, and keeps secrets apart from the rest", () => {
    expect(
      parsePolicy({
        integrationEnabled: false,
        selectorOverrides: { selectors: {} },
        authMode: "clientCredentials",
        clientId: " org-client ",
        clientSecret: "s3cret",
        tokenUrl: "https://login.example.org/token",
        apiBaseUrl: "https://api.smartrecruiters.com/",
        profileUrlTemplate: "https://www.smartrecruiters.com/app/people/candidates/{id}",
        hellohireHostPatterns: ["https://*.hellohire.example/*"],
      }),
    ).toEqual({
      policy: {
        integrationEnabled: false,
        selectorOverrides: { selectors: {} },
        authMode: "clientCredentials",
        clientId: "org-client",
        tokenUrl: "https://login.example.org/token",
        apiBaseUrl: "https://api.smartrecruiters.com",
        profileUrlTemplate: "https://www.smartrecruiters.com/app/people/candidates/{id}",
        hellohireHostPatterns: ["https://*.hellohire.example/*"],
      },
      secrets: { clientSecret: "s3cret" },
      problems: [],
    });
  });

  it("ignores invalid values and names them without echoing them", () => {
    const reading = parsePolicy({
      integrationEnabled: "yes",
      selectorOverrides: "h2",
      apiKey: "not a key!",
      tokenUrl: "http://login.example.org/token",
      profileUrlTemplate: "https://www.smartrecruiters.com/app/people/candidates/",
      authMode: "password",
      hellohireHostPatterns: ["<all_urls>"],
    });
    expect(reading.policy).toEqual({});
    expect(reading.secrets).toEqual({});
    expect(reading.problems).toEqual([
      "integrationEnabled must be true or false",
      "authMode must be one of oauth, clientCredentials, apiKey",
      "apiKey does not look like a SmartRecruiters API key",
      "tokenUrl must be an https:// address",
      "profileUrlTemplate must be an https:// address containing {id}",
      "hellohireHostPatterns must be a list of https://host/* patterns",
      "selectorOverrides must be an object",
    ]);
    expect(JSON.stringify(reading.problems)).not.toContain("not a key");
  });

  it("takes https Hellohire addresses (and a page on this computer), never plain http elsewhere or every site", () => {
    const good = ["https://hire.acme.com/*", "https://*.acme.com/events/*", "http://localhost/*"];
    expect(parsePolicy({ hellohireHostPatterns: good }).policy.hellohireHostPatterns).toEqual(good);
    for (const bad of [["http://hire.acme.com/*"], ["https://*/*"], ["*://acme.com/*"], ["https://acme.com"], ["<all_urls>"]]) {
      expect(parsePolicy({ hellohireHostPatterns: bad }).policy, JSON.stringify(bad)).not.toHaveProperty("hellohireHostPatterns");
    }
  });

  it("never half applies the sign-in: a mode without its credential drops every sign-in key", () => {
    const reading = parsePolicy({ authMode: "clientCredentials", clientId: "org-client", integrationEnabled: true });
    expect(reading.policy).toEqual({ integrationEnabled: true });
    expect(reading.problems).toEqual([
      "authMode clientCredentials needs clientId and clientSecret: the organisation's sign-in settings are ignored",
    ]);
    expect(parsePolicy({ authMode: "apiKey" }).problems[0]).toContain("needs apiKey");
    expect(parsePolicy({ authMode: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" }).secrets).toEqual({
      apiKey: "0123456789abcdef0123456789abcdef",
    });
  });

  it("names a key it does not know, so a misspelling shows", () => {
    expect(parsePolicy({ integrationEnable: false }).problems).toEqual([
      "integrationEnable is not a setting of this extension (check the spelling)",
    ]);
  });

  it("every schema key is known, and only those", async () => {
    const schema = (await import("../../public/managed_schema.json")).default as { properties: Record<string, unknown> };
    for (const key of Object.keys(schema.properties))
      expect(parsePolicy({ [key]: null }).problems.join()).not.toContain("is not a setting");
  });

  it("accepts plain http only to this computer (local test servers)", () => {
    expect(parsePolicy({ apiBaseUrl: "http://127.0.0.1:8080" }).policy).toEqual({ apiBaseUrl: "http://127.0.0.1:8080" });
    expect(parsePolicy({ apiBaseUrl: "http://intranet.example" }).problems).toEqual(["apiBaseUrl must be an https:// address"]);
  });
});
