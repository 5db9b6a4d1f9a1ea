import { describe, expect, it } from "vitest";
import { isContentRequest, parseRequest } from "./protocol";

describe("parseRequest", () => {
  it("accepts well-formed requests", () => {
    const lookup = { type: "lookup", interviewName: "CSR", candidate: { firstName: "A", lastName: "B", email: null } };
    expect(parseRequest(lookup)).toEqual(lookup);
    expect(parseRequest({ type: "rate", interviewName: "CSR", candidateId: "c1", rating: "no" })).toMatchObject({ rating: "no" });
  });

  it("refuses unknown types, wrong ratings and oversized fields", () => {
    expect(parseRequest({ type: "getToken" })).toBeNull();
    expect(parseRequest({ type: "rate", interviewName: "CSR", candidateId: "c1", rating: "definitely" })).toBeNull();
    expect(
      parseRequest({ type: "lookup", interviewName: "x".repeat(501), candidate: { firstName: "", lastName: "", email: null } }),
    ).toBeNull();
    expect(parseRequest("lookup")).toBeNull();
    expect(parseRequest({ type: "connectOAuth", endpoints: { clientSecret: "s" } })).toBeNull();
  });

  it("lets content scripts send only lookups and ratings", () => {
    const connect = parseRequest({ type: "connectApiKey", apiKey: "k", endpoints: { apiBaseUrl: "u" } });
    expect(connect && isContentRequest(connect)).toBe(false);
    const signIn = parseRequest({ type: "connectOAuth", endpoints: {} });
    expect(signIn && isContentRequest(signIn)).toBe(false);
    const disconnect = parseRequest({ type: "disconnect" });
    expect(disconnect && isContentRequest(disconnect)).toBe(false);
  });
});
