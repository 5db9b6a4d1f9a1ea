import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cachedPolicy } from "./policy";
import {
  createAndUpdateCandidates,
  defaultEndpoints,
  effectiveSettings,
  endpoints,
  integrationEnabled,
  readSettings,
  typedEndpointsToKeep,
  usableTypedEndpoints,
} from "./settings";

beforeEach(() => {
  fakeBrowser.reset();
});

describe("effective settings", () => {
  it("gives each value with its source: default, then the user's choice, then the policy", async () => {
    expect(await effectiveSettings()).toEqual({
      integrationEnabled: { value: true, source: "default" },
      createAndUpdateCandidates: { value: false, source: "default" },
    });
    await createAndUpdateCandidates.setValue(true);
    expect((await effectiveSettings()).createAndUpdateCandidates).toEqual({ value: true, source: "user" });
    await integrationEnabled.setValue(true);
    expect((await effectiveSettings()).integrationEnabled).toEqual({ value: true, source: "user" });
    await cachedPolicy.setValue({ policy: { createAndUpdateCandidates: false, integrationEnabled: false }, problems: [] });
    expect(await effectiveSettings()).toEqual({
      integrationEnabled: { value: false, source: "policy" },
      createAndUpdateCandidates: { value: false, source: "policy" },
    });
    expect(await readSettings()).toEqual({ integrationEnabled: false, createAndUpdateCandidates: false });
  });
});

describe("endpoints storage", () => {
  it("moves version 1 out of storage.local (API-key sign-in: API and profile addresses) as version 2, keeping the user's addresses", async () => {
    await fakeBrowser.storage.local.set({
      "settings.endpoints": { apiBaseUrl: "https://api.example.org", profileUrlTemplate: "https://sr.example.org/c/{id}" },
      "settings.endpoints$": { v: 1 },
    });
    expect(await endpoints.getValue()).toEqual({
      ...defaultEndpoints,
      apiBaseUrl: "https://api.example.org",
      profileUrlTemplate: "https://sr.example.org/c/{id}",
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe("the interviewer's addresses", () => {
  it("are usable when SmartRecruiters' own (or this computer's in a test build); any other is the default", () => {
    const stored = {
      apiBaseUrl: "https://api.eu.smartrecruiters.com",
      profileUrlTemplate: "https://people.example.org/c/{id}",
      authorizeUrl: "http://127.0.0.1:8787/identity/oauth/allow",
      tokenUrl: "https://tokens.example.org/sr",
      clientId: "typed-client",
    };
    expect(usableTypedEndpoints(stored)).toEqual({
      apiBaseUrl: "https://api.eu.smartrecruiters.com",
      profileUrlTemplate: defaultEndpoints.profileUrlTemplate,
      authorizeUrl: "http://127.0.0.1:8787/identity/oauth/allow",
      tokenUrl: defaultEndpoints.tokenUrl,
      clientId: "typed-client",
    });
  });

  it("a sign-in keeps what was typed, not the values it used from policy", () => {
    const used = { ...defaultEndpoints, apiBaseUrl: "https://api.eu.smartrecruiters.com", tokenUrl: "https://sso.example.com/t" };
    expect(typedEndpointsToKeep(used, ["tokenUrl"])).toEqual({
      ...defaultEndpoints,
      apiBaseUrl: "https://api.eu.smartrecruiters.com",
    });
  });
});
