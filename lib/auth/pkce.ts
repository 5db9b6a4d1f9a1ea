/** PKCE (RFC 7636, S256) and the `state` value of one sign-in. */

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/u, "");
}

/** 32 random bytes as base64url: 43 characters from the unreserved set, as RFC 7636 asks. */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export interface SignInSecrets {
  state: string;
  codeVerifier: string;
  codeChallenge: string;
}

export async function newSignIn(): Promise<SignInSecrets> {
  const codeVerifier = randomToken();
  return { state: randomToken(), codeVerifier, codeChallenge: await codeChallenge(codeVerifier) };
}
