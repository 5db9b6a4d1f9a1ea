import { afterEach, describe, expect, it, vi } from "vitest";
import { checkTypedValue } from "./typed-address";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("checkTypedValue: the side panel's Advanced fields", () => {
  it("accepts SmartRecruiters' addresses, normalised, and any client ID", () => {
    expect(checkTypedValue("apiBaseUrl", " https://api.smartrecruiters.com/ ")).toEqual({
      ok: true,
      value: "https://api.smartrecruiters.com",
    });
    expect(checkTypedValue("clientId", " my-client ")).toEqual({ ok: true, value: "my-client" });
  });

  it("names the field and says only the organisation's policy may set another host", () => {
    expect(checkTypedValue("tokenUrl", "https://sso.example.com/token")).toEqual({
      ok: false,
      message:
        "Token address must be a SmartRecruiters address (https://….smartrecruiters.com). Only your organisation's policy can set another address, such as its own token endpoint: ask your SmartRecruiters admin.",
    });
    const profile = checkTypedValue("profileUrlTemplate", "https://people.example.com/{id}");
    expect(profile.ok === false && profile.message).toContain(
      "Candidate profile address (with {id}) must be a SmartRecruiters address",
    );
  });

  it("says what an address must look like when it is not one", () => {
    expect(checkTypedValue("apiBaseUrl", "http://api.example.com")).toEqual({
      ok: false,
      message: "API address must be an https:// address.",
    });
    expect(checkTypedValue("profileUrlTemplate", "https://www.smartrecruiters.com/app/people/")).toEqual({
      ok: false,
      message: "The candidate profile address must be an https:// address containing {id}.",
    });
  });

  it("the sandbox's loopback address: accepted in a test build, refused in a production build", () => {
    expect(checkTypedValue("apiBaseUrl", "http://127.0.0.1:8787").ok).toBe(true);
    vi.stubEnv("MODE", "production");
    expect(checkTypedValue("apiBaseUrl", "http://127.0.0.1:8787")).toEqual({
      ok: false,
      message: "API address must be an https:// address.",
    });
  });
});
