import { afterEach, describe, expect, it, vi } from "vitest";
import { loopbackAllowed, parseEndpoint, parseTypedEndpoint, safeUrl } from "./addresses";

afterEach(() => {
  vi.unstubAllEnvs();
});

const productionBuild = () => vi.stubEnv("MODE", "production");

describe("safeUrl (any source)", () => {
  it("keeps https addresses and refuses user names and passwords in them", () => {
    expect(safeUrl(" https://sso.example.com/token ")).toBe("https://sso.example.com/token");
    expect(safeUrl("https://user:pw@sso.example.com/token")).toBeNull();
    expect(safeUrl("http://sso.example.com/token")).toBeNull();
    expect(safeUrl("not an address")).toBeNull();
  });

  it("plain http to this computer: in dev and test builds only", () => {
    expect(loopbackAllowed()).toBe(true);
    expect(safeUrl("http://127.0.0.1:8787/")).toBe("http://127.0.0.1:8787/");
    expect(safeUrl("http://localhost:8787/")).toBe("http://localhost:8787/");
    vi.stubEnv("MODE", "development");
    expect(safeUrl("http://127.0.0.1:8787/")).toBe("http://127.0.0.1:8787/");
    productionBuild();
    expect(loopbackAllowed()).toBe(false);
    expect(safeUrl("http://127.0.0.1:8787/")).toBeNull();
    expect(safeUrl("http://localhost:8787/")).toBeNull();
    expect(safeUrl("http://[::1]:8787/")).toBeNull();
    // https stays an address in every build.
    expect(safeUrl("https://127.0.0.1:8787/")).toBe("https://127.0.0.1:8787/");
  });

  it("any mode other than development and test counts as production", () => {
    vi.stubEnv("MODE", "staging");
    expect(safeUrl("http://127.0.0.1:8787/")).toBeNull();
  });
});

describe("parseEndpoint", () => {
  it("normalises the API address and keeps {id} in a profile template", () => {
    expect(parseEndpoint("apiBaseUrl", "https://api.smartrecruiters.com//")).toBe("https://api.smartrecruiters.com");
    expect(parseEndpoint("profileUrlTemplate", "https://www.smartrecruiters.com/app/people/candidates/{id}")).toBe(
      "https://www.smartrecruiters.com/app/people/candidates/{id}",
    );
    expect(parseEndpoint("profileUrlTemplate", "https://www.smartrecruiters.com/app/people/candidates/")).toBeNull();
    expect(parseEndpoint("tokenUrl", 42)).toBeNull();
  });
});

describe("parseTypedEndpoint: what an interviewer may type", () => {
  it("SmartRecruiters' own https addresses", () => {
    for (const url of [
      "https://api.smartrecruiters.com",
      "https://www.smartrecruiters.com/identity/oauth/token",
      "https://smartrecruiters.com/identity/oauth/allow",
      "https://API.SmartRecruiters.com/",
    ])
      expect(parseTypedEndpoint("tokenUrl", url).ok, url).toBe(true);
  });

  it("refuses every other host, look-alikes included, as not SmartRecruiters'", () => {
    for (const url of [
      "https://sso.example.com/token",
      "https://smartrecruiters.com.evil.example/token",
      "https://evilsmartrecruiters.com/token",
      "https://www.smartrecruiters.com:8443/token",
      "https://api.smartrecruiters.com.:443/token",
    ])
      expect(parseTypedEndpoint("tokenUrl", url), url).toEqual({ ok: false, problem: "not-smartrecruiters" });
  });

  it("refuses what is not an https address at all as such", () => {
    expect(parseTypedEndpoint("apiBaseUrl", "http://api.smartrecruiters.com")).toEqual({ ok: false, problem: "not-an-address" });
    expect(parseTypedEndpoint("apiBaseUrl", "api.smartrecruiters.com")).toEqual({ ok: false, problem: "not-an-address" });
  });

  it("the sandbox on this computer: typed in a test build, refused in a production build", () => {
    expect(parseTypedEndpoint("apiBaseUrl", "http://127.0.0.1:8787")).toEqual({ ok: true, url: "http://127.0.0.1:8787" });
    expect(parseTypedEndpoint("tokenUrl", "http://localhost:9/identity/oauth/token").ok).toBe(true);
    productionBuild();
    expect(parseTypedEndpoint("apiBaseUrl", "http://127.0.0.1:8787")).toEqual({ ok: false, problem: "not-an-address" });
    expect(parseTypedEndpoint("apiBaseUrl", "https://127.0.0.1:8787")).toEqual({ ok: false, problem: "not-smartrecruiters" });
  });
});
