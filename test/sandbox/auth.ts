import type { IncomingMessage } from "node:http";
import { ALL_SCOPES, SANDBOX_API_KEY, SANDBOX_READONLY_API_KEY } from "./credentials";
import type { Headers } from "./http";
import type { TokenStore } from "./tokens";
import type { CredentialKind, Scope } from "./types";

const API_KEYS = new Map<string, readonly Scope[]>([
  [SANDBOX_API_KEY, [...ALL_SCOPES]],
  [SANDBOX_READONLY_API_KEY, ["candidates_read"]],
]);

export interface Credential {
  kind: "apikey" | "bearer";
  /** Rate limits are kept per key: the API key, or the OAuth grant of a token. */
  rateKey: string;
  scopes: readonly Scope[];
}

export type AuthOutcome = { ok: true; credential: Credential } | { ok: false; message: string; headers: Headers };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(req, "authorization") ?? "");
  return match?.[1];
}

function smartToken(req: IncomingMessage): string | undefined {
  const value = header(req, "x-smarttoken")?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** Which kind of credential the request presents, valid or not (Bearer wins over X-SmartToken). */
export function presentedCredential(req: IncomingMessage): CredentialKind {
  if (bearerToken(req) !== undefined) {
    return "bearer";
  }
  return smartToken(req) !== undefined ? "apikey" : "none";
}

export function authenticate(req: IncomingMessage, tokens: TokenStore, now = Date.now()): AuthOutcome {
  const bearer = bearerToken(req);
  if (bearer !== undefined) {
    const invalid = (description: string): AuthOutcome => ({
      ok: false,
      message: `Invalid access token: ${description}`,
      headers: { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"` },
    });
    const record = tokens.findAccess(bearer);
    if (record === undefined) {
      return invalid("the access token is unknown or was revoked");
    }
    if (now >= record.expiresAt) {
      return invalid("the access token expired");
    }
    return { ok: true, credential: { kind: "bearer", rateKey: `grant:${record.grantId}`, scopes: record.scopes } };
  }
  const key = smartToken(req);
  if (key !== undefined) {
    const scopes = API_KEYS.get(key);
    if (scopes === undefined) {
      return { ok: false, message: "Invalid API key (X-SmartToken)", headers: {} };
    }
    return { ok: true, credential: { kind: "apikey", rateKey: `key:${key}`, scopes } };
  }
  return {
    ok: false,
    message: "Missing credentials: send an X-SmartToken header or Authorization: Bearer <access token>",
    headers: { "WWW-Authenticate": 'Bearer realm="SmartRecruiters sandbox"' },
  };
}
