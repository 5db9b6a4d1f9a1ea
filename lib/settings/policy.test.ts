import { afterEach, describe, expect, it, vi } from "vitest";
import { jobIdForInterview, parsePolicy } from "./policy";

afterEach(() => {
  vi.unstubAllEnvs();
});

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

  it("accepts plain http only to this computer (local test servers), in a test build", () => {
    expect(parsePolicy({ apiBaseUrl: "http://127.0.0.1:8080" }).policy).toEqual({ apiBaseUrl: "http://127.0.0.1:8080" });
    expect(parsePolicy({ apiBaseUrl: "http://intranet.example" }).problems).toEqual(["apiBaseUrl must be an https:// address"]);
  });

  it("a production build refuses plain http to this computer from policy too, addresses and Hellohire pages alike", () => {
    vi.stubEnv("MODE", "production");
    const reading = parsePolicy({
      tokenUrl: "http://127.0.0.1:8080/token",
      apiBaseUrl: "http://localhost:8080",
      hellohireHostPatterns: ["https://hire.acme.com/*", "http://localhost/*"],
    });
    expect(reading.policy).toEqual({});
    expect(reading.problems).toEqual([
      "tokenUrl must be an https:// address",
      "apiBaseUrl must be an https:// address",
      "hellohireHostPatterns must be a list of https://host/* patterns",
    ]);
  });

  it("may point anywhere over https: an organisation's token endpoint, a proxy", () => {
    vi.stubEnv("MODE", "production");
    expect(
      parsePolicy({ tokenUrl: "https://sso.example.com/sr/token", apiBaseUrl: "https://sr-proxy.example.com/" }).policy,
    ).toEqual({
      tokenUrl: "https://sso.example.com/sr/token",
      apiBaseUrl: "https://sr-proxy.example.com",
    });
  });

  it("keeps a job mapping whole, and ignores the whole key for one bad entry", () => {
    const jobs = { CSR: "3a7f0c2e-51d4-4c1b-9d8e-0f6b2a7c9e10", "Warehouse  Associate": "743999999999999" };
    expect(parsePolicy({ jobByInterview: jobs })).toEqual({ policy: { jobByInterview: jobs }, secrets: {}, problems: [] });
    const problem =
      "jobByInterview must map up to 500 distinct interview names to SmartRecruiters job IDs (letters, digits, _ and -)";
    for (const bad of [
      { ...jobs, Driver: "job 42" },
      { ...jobs, Driver: "" },
      { ...jobs, Driver: 42 },
      { ...jobs, Driver: "x".repeat(101) },
      { ...jobs, "  ": "job-1" },
      { ...jobs, ["x".repeat(201)]: "job-1" },
      { ...jobs, csr: "other-job" },
      Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`Interview ${i}`, `job-${i}`])),
      ["CSR", "job-1"],
      "CSR=job-1",
    ]) {
      const reading = parsePolicy({ jobByInterview: bad });
      expect(reading.policy, JSON.stringify(bad).slice(0, 80)).toEqual({});
      expect(reading.problems).toEqual([problem]);
    }
    const most = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`Interview ${i}`, `job-${i}`]));
    expect(parsePolicy({ jobByInterview: most }).policy.jobByInterview).toEqual(most);
  });

  it("finds an interview's job with case and spacing ignored, and nothing for another interview", () => {
    const jobs = { CSR: "job-csr", "Warehouse  Associate": "job-wa" };
    expect(jobIdForInterview(jobs, "CSR")).toBe("job-csr");
    expect(jobIdForInterview(jobs, "  csr ")).toBe("job-csr");
    expect(jobIdForInterview(jobs, "warehouse associate")).toBe("job-wa");
    expect(jobIdForInterview(jobs, "Warehouse\n\tASSOCIATE")).toBe("job-wa");
    expect(jobIdForInterview(jobs, "CSR 2")).toBeNull();
    expect(jobIdForInterview(jobs, "")).toBeNull();
    expect(jobIdForInterview(undefined, "CSR")).toBeNull();
    expect(jobIdForInterview({}, "CSR")).toBeNull();
    // An interview named like an object's own properties is just a name.
    expect(jobIdForInterview(jobs, "constructor")).toBeNull();
    expect(jobIdForInterview(jobs, "__proto__")).toBeNull();
    const odd = parsePolicy({ jobByInterview: JSON.parse('{"__proto__": "job-x"}') }).policy.jobByInterview;
    expect(jobIdForInterview(odd, "__proto__")).toBe("job-x");
  });

  it("keeps a candidate source of SmartRecruiters' shape, the sub-type optional", () => {
    const source = { sourceTypeId: "EVENT", sourceSubTypeId: "HIRING_EVENT", sourceId: "hellohire" };
    expect(parsePolicy({ candidateSource: source })).toEqual({ policy: { candidateSource: source }, secrets: {}, problems: [] });
    expect(parsePolicy({ candidateSource: { sourceTypeId: " EVENT ", sourceId: "hellohire" } }).policy).toEqual({
      candidateSource: { sourceTypeId: "EVENT", sourceId: "hellohire" },
    });
  });

  it("ignores a candidate source that is not exactly that shape", () => {
    const problem = "candidateSource must be {sourceTypeId, sourceId} and optionally sourceSubTypeId, as texts";
    for (const bad of [
      { sourceTypeId: "EVENT" },
      { sourceId: "hellohire" },
      { sourceTypeId: "EVENT", sourceId: "" },
      { sourceTypeId: "EVENT", sourceId: 7 },
      { sourceTypeId: "EVENT", sourceId: "x".repeat(101) },
      { sourceTypeId: "EVENT", sourceId: "hellohire", sourceSubTypeId: null },
      { sourceTypeId: "EVENT", sourceId: "hellohire", sourceName: "Hellohire" },
      "EVENT",
      ["EVENT", "hellohire"],
    ]) {
      const reading = parsePolicy({ candidateSource: bad });
      expect(reading.policy, JSON.stringify(bad)).toEqual({});
      expect(reading.problems).toEqual([problem]);
    }
  });
});
