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

  it("says the plan message for SmartRecruiters' 'No access to feature: Customer API', on 401 as on 403", () => {
    for (const status of [401, 403]) {
      const error = errorFromResponse(status, headers(), { message: "No access to feature: Customer API" });
      expect(error).toMatchObject({ kind: "no-api-access", status, transient: false });
      expect(error.message).toContain("does not include API access");
    }
  });

  it("keeps the existing candidate a 409 names, from a field or from a message", () => {
    const id = "3f1c2b7e-0a1d-4c1e-9a51-000000000001";
    expect(errorFromResponse(409, headers(), { message: "Conflict", id }).existingId).toBe(id);
    expect(errorFromResponse(409, headers(), { message: "x", errors: [{ code: "C", candidateId: id }] }).existingId).toBe(id);
    expect(
      errorFromResponse(409, headers(), {
        message: "Conflict",
        errors: [{ code: "CANDIDATE_DATA_CONFLICT", message: `Candidate ${id} exists` }],
      }).existingId,
    ).toBe(id);
    expect(
      errorFromResponse(409, headers(), { message: "A candidate with this email and last name already exists" }).existingId,
    ).toBeUndefined();
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
