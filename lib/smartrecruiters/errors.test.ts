import { describe, expect, it } from "vitest";
import { speakFrench } from "../i18n/fake-i18n";
import { errorFromResponse } from "./errors";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("errorFromResponse", () => {
  it("maps statuses to kinds a user can act on", () => {
    expect(errorFromResponse(401, headers(), undefined).kind).toBe("not-connected");
    expect(errorFromResponse(404, headers(), undefined).kind).toBe("not-found");
    expect(errorFromResponse(409, headers(), undefined).kind).toBe("conflict");
    expect(errorFromResponse(503, headers(), undefined).kind).toBe("server-error");
    expect(errorFromResponse(422, headers(), undefined).kind).toBe("bad-request");
  });

  it("names the missing right from SmartRecruiters' error body", () => {
    const error = errorFromResponse(403, headers(), {
      message: "Access denied",
      errors: [{ code: "OAuthPermissionsException", message: "Missing scope candidates_manage" }],
    });
    expect(error.kind).toBe("access-denied");
    expect(error.message).toContain("candidates_manage");
  });

  it("says plainly when the plan has no API access", () => {
    const error = errorFromResponse(403, headers(), { message: "Your plan does not include API access", errors: [] });
    expect(error.kind).toBe("no-api-access");
  });

  it("reads Retry-After on a 429", () => {
    const error = errorFromResponse(429, headers({ "Retry-After": "2" }), undefined);
    expect(error).toMatchObject({ kind: "rate-limited", retryAfterMs: 2000, transient: true });
  });
});

describe("errors in the browser's language", () => {
  it("are French in a French browser, with what SmartRecruiters said kept as it said it", () => {
    speakFrench();
    const body = { message: "Access denied", errors: [{ code: "OAuthPermissionsException", message: "candidates_manage" }] };
    expect(errorFromResponse(403, headers(), body).message).toBe(
      "SmartRecruiters a refusé l'accès (SmartRecruiters indique : Access denied: candidates_manage).",
    );
    expect(errorFromResponse(429, headers(), undefined).message).toBe(
      "SmartRecruiters est surchargé (limite de requêtes atteinte).",
    );
    expect(errorFromResponse(503, headers(), undefined).message).toBe("SmartRecruiters a rencontré une erreur serveur (503).");
  });
});
