import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultEndpoints } from "../settings/settings";
import type { AuthConfig } from "./auth-config";
import { chosenEndpoints } from "./sign-in";

afterEach(() => {
  vi.unstubAllEnvs();
});

const config = (change: Partial<AuthConfig> = {}): AuthConfig => ({
  mode: "oauth",
  byOrganisation: false,
  userMayChoose: true,
  endpoints: { ...defaultEndpoints },
  locked: [],
  ...change,
});

describe("chosenEndpoints: the addresses typed with Connect", () => {
  it("takes SmartRecruiters' own addresses and a client ID", () => {
    expect(
      chosenEndpoints(config(), { apiBaseUrl: "https://api.eu.smartrecruiters.com/", clientId: " typed ", tokenUrl: " " }),
    ).toEqual({ ...defaultEndpoints, apiBaseUrl: "https://api.eu.smartrecruiters.com", clientId: "typed" });
  });

  it("refuses another host, naming the field", () => {
    expect(() => chosenEndpoints(config(), { apiBaseUrl: "https://sr-proxy.example.com" })).toThrow(
      "API address must be a SmartRecruiters address",
    );
  });

  it("the sandbox's loopback address in a test build; refused in a production build", () => {
    expect(chosenEndpoints(config(), { tokenUrl: "http://127.0.0.1:8787/identity/oauth/token" }).tokenUrl).toBe(
      "http://127.0.0.1:8787/identity/oauth/token",
    );
    vi.stubEnv("MODE", "production");
    expect(() => chosenEndpoints(config(), { tokenUrl: "http://127.0.0.1:8787/identity/oauth/token" })).toThrow(
      "Token address must be an https:// address.",
    );
  });

  it("a locked address (policy's, or the token URL a policy secret goes to) stays, whatever was typed", () => {
    const locked = config({ locked: ["tokenUrl"], endpoints: { ...defaultEndpoints, tokenUrl: "https://sso.example.com/t" } });
    expect(chosenEndpoints(locked, { tokenUrl: "https://api.smartrecruiters.com/identity/oauth/token" }).tokenUrl).toBe(
      "https://sso.example.com/t",
    );
  });
});
