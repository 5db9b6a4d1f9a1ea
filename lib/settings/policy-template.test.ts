import { describe, expect, it } from "vitest";
import { parsePolicy } from "./policy";
import { policyTemplate } from "./policy-template";
import { defaultEndpoints } from "./settings";

describe("policyTemplate", () => {
  it("writes the current settings as a Chrome policy file the extension itself accepts whole", () => {
    const text = policyTemplate({
      extensionId: "ojjencidapbffadplbcanpdemoboeflj",
      settings: { integrationEnabled: true, createAndUpdateCandidates: true },
      endpoints: { ...defaultEndpoints, clientId: "org-client", tokenUrl: "https://sr-token.example.org/token" },
      authMode: "oauth",
    });
    const values = JSON.parse(text)["3rdparty"].extensions.ojjencidapbffadplbcanpdemoboeflj;
    expect(values).toMatchObject({ createAndUpdateCandidates: true, clientId: "org-client", authMode: "oauth" });
    const reading = parsePolicy(values);
    expect(reading.problems).toEqual([]);
    expect(Object.keys(reading.policy).sort()).toEqual(Object.keys(values).sort());
    expect(text).not.toMatch(/apiKey"|clientSecret/u);
  });
});
