import { describe, expect, it } from "vitest";
import { codeChallenge, newSignIn, randomToken } from "./pkce";

describe("PKCE", () => {
  it("derives the S256 challenge of RFC 7636's example verifier", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes a fresh 43-character verifier and state for every sign-in", async () => {
    const first = await newSignIn();
    const second = await newSignIn();
    expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(first.state).not.toBe(second.state);
    expect(first.codeVerifier).not.toBe(second.codeVerifier);
    expect(first.codeChallenge).toBe(await codeChallenge(first.codeVerifier));
    expect(new Set(Array.from({ length: 50 }, randomToken)).size).toBe(50);
  });
});
