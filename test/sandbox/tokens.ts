import { randomBytes } from "node:crypto";
import type { Scope } from "./types";

export const AUTH_CODE_TTL_MS = 60_000;
export const REFRESH_TOKEN_TTL_MS = 28 * 24 * 3600 * 1000;

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: Scope[];
  challenge?: string;
  challengeMethod?: "S256" | "plain";
  expiresAt: number;
  used: boolean;
  /** The grant the code's tokens belong to (set when the code is exchanged). */
  grantId?: string;
}

export interface AccessTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  scopes: Scope[];
  expiresAt: number;
}

export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  scopes: Scope[];
  expiresAt: number;
  /** Issued to a client that proved itself with PKCE only: may refresh without the secret while mode pkceOnly is on. */
  publicClient: boolean;
}

export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Authorization codes, access tokens and refresh tokens. */
export class TokenStore {
  private codes = new Map<string, AuthCodeRecord>();
  private access = new Map<string, AccessTokenRecord>();
  private refresh = new Map<string, RefreshTokenRecord>();

  issueCode(record: Omit<AuthCodeRecord, "code" | "expiresAt" | "used">, now: number): AuthCodeRecord {
    const issued: AuthCodeRecord = {
      ...record,
      code: randomToken("sbx_code_"),
      expiresAt: now + AUTH_CODE_TTL_MS,
      used: false,
    };
    this.codes.set(issued.code, issued);
    return issued;
  }

  findCode(code: string): AuthCodeRecord | undefined {
    return this.codes.get(code);
  }

  deleteCode(code: string): void {
    this.codes.delete(code);
  }

  issueAccess(grantId: string, clientId: string, scopes: Scope[], ttlSeconds: number, now: number): AccessTokenRecord {
    const record: AccessTokenRecord = {
      token: randomToken("sbx_at_"),
      grantId,
      clientId,
      scopes: [...scopes],
      expiresAt: now + ttlSeconds * 1000,
    };
    this.access.set(record.token, record);
    return record;
  }

  issueRefresh(grantId: string, clientId: string, scopes: Scope[], publicClient: boolean, now: number): RefreshTokenRecord {
    const record: RefreshTokenRecord = {
      token: randomToken("sbx_rt_"),
      grantId,
      clientId,
      scopes: [...scopes],
      expiresAt: now + REFRESH_TOKEN_TTL_MS,
      publicClient,
    };
    this.refresh.set(record.token, record);
    return record;
  }

  findAccess(token: string): AccessTokenRecord | undefined {
    return this.access.get(token);
  }

  findRefresh(token: string): RefreshTokenRecord | undefined {
    return this.refresh.get(token);
  }

  deleteRefresh(token: string): void {
    this.refresh.delete(token);
  }

  /** Invalidates every token of one grant (used when an authorization code is replayed). */
  revokeGrant(grantId: string): void {
    for (const [token, record] of this.access) {
      if (record.grantId === grantId) {
        this.access.delete(token);
      }
    }
    for (const [token, record] of this.refresh) {
      if (record.grantId === grantId) {
        this.refresh.delete(token);
      }
    }
  }

  /** Invalidates every access and refresh token (pending authorization codes stay). */
  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
  }

  reset(): void {
    this.codes.clear();
    this.revokeAll();
  }
}
