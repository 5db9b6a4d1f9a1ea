import { t } from "../i18n/messages";
import type { Credential, CredentialSource } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import { clientCredentialsToken, refreshTokens, type TokenEndpoint, TokenError, type TokenSet } from "../smartrecruiters/oauth";
import type { AuthConfig } from "./auth-config";
import { type AccessToken, accessTokenItem, authProblemItem, refreshTokenItem, storedCredential } from "./credential-store";

export interface TokenKeeperOptions {
  fetch?: typeof fetch;
  now?: () => number;
}

/** Refresh this long before expiry (a quarter of the token's life for short-lived tokens). */
export function refreshAheadMs(token: Pick<AccessToken, "issuedAt" | "expiresAt">): number {
  return Math.min(60_000, (token.expiresAt - token.issuedAt) / 4);
}

export function tokenEndpoint(config: AuthConfig, fetchImpl?: typeof fetch): TokenEndpoint {
  return {
    tokenUrl: config.endpoints.tokenUrl,
    clientId: config.endpoints.clientId,
    ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
}

function accessRecord(tokens: TokenSet, grant: AccessToken["grant"], issuedAt: number): AccessToken {
  return { accessToken: tokens.accessToken, issuedAt, expiresAt: tokens.expiresAt, scopes: tokens.scopes, grant };
}

const bearer = (token: AccessToken): Credential => ({ kind: "bearer", accessToken: token.accessToken });

const notConnected = () => new SmartRecruitersError("not-connected", t("errNotConnectedSidePanel"));

/**
 * Keeps the background's credential valid: access tokens refreshed ahead of expiry, one refresh in
 * flight shared by every caller, the one-time refresh token rotated on each refresh, and one renewal
 * after a 401. Failures that need the interviewer or an admin are kept as the last auth problem.
 */
export function createTokenKeeper(options: TokenKeeperOptions = {}) {
  const now = options.now ?? Date.now;
  let renewing: Promise<AccessToken> | null = null;

  async function stored(grant: AccessToken["grant"]): Promise<AccessToken | null> {
    const token = await accessTokenItem.getValue();
    return token?.grant === grant ? token : null;
  }

  async function problem(error: unknown, fix: "reconnect" | "admin"): Promise<void> {
    if (error instanceof SmartRecruitersError && error.kind === "not-connected")
      await authProblemItem.setValue({ message: error.message, fix, at: now() });
  }

  async function renewUserToken(config: AuthConfig): Promise<AccessToken> {
    const refresh = await refreshTokenItem.getValue();
    if (!refresh) throw notConnected();
    const started = now();
    try {
      const tokens = await refreshTokens(tokenEndpoint(config, options.fetch), refresh.refreshToken, refresh.scopes, now);
      const access = accessRecord(tokens, "oauth", started);
      // Rotation: the old refresh token is spent; keep the new one before anyone uses the access token.
      await refreshTokenItem.setValue({
        ...refresh,
        refreshToken: tokens.refreshToken ?? refresh.refreshToken,
        scopes: tokens.scopes,
      });
      await accessTokenItem.setValue(access);
      return access;
    } catch (error) {
      if (error instanceof SmartRecruitersError && error.kind === "not-connected") {
        const revoked = error instanceof TokenError && error.grantRevoked;
        if (revoked) await Promise.all([refreshTokenItem.setValue(null), accessTokenItem.setValue(null)]);
        await problem(error, revoked ? "reconnect" : "admin");
      }
      throw error;
    }
  }

  async function renewClientToken(config: AuthConfig): Promise<AccessToken> {
    const started = now();
    try {
      const access = accessRecord(
        await clientCredentialsToken(tokenEndpoint(config, options.fetch), now),
        "clientCredentials",
        started,
      );
      await accessTokenItem.setValue(access);
      return access;
    } catch (error) {
      await problem(error, "admin");
      throw error;
    }
  }

  /** One renewal at a time: every caller that needs a new token waits for the same one. */
  function renewOnce(config: AuthConfig): Promise<AccessToken> {
    renewing ??= (config.mode === "clientCredentials" ? renewClientToken(config) : renewUserToken(config)).finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function current(config: AuthConfig): Promise<Credential> {
    if (config.mode === "apiKey") {
      const userKey = await storedCredential.getValue();
      const apiKey = config.apiKey ?? (userKey?.kind === "apiKey" ? userKey.apiKey : undefined);
      if (!apiKey) throw notConnected();
      return { kind: "apiKey", apiKey };
    }
    if (renewing) return bearer(await renewing);
    const token = await stored(config.mode === "clientCredentials" ? "clientCredentials" : "oauth");
    if (token && token.expiresAt - refreshAheadMs(token) > now()) return bearer(token);
    return bearer(await renewOnce(config));
  }

  async function renew(config: AuthConfig, rejected: Credential): Promise<Credential | null> {
    if (rejected.kind === "apiKey") {
      await authProblemItem.setValue({
        message: config.byOrganisation ? t("errOrgApiKeyRefused") : t("errApiKeyRefused"),
        fix: config.byOrganisation ? "admin" : "reconnect",
        at: now(),
      });
      return null;
    }
    if (renewing) return bearer(await renewing);
    // Someone else already replaced the token SmartRecruiters refused: use theirs.
    const token = await stored(config.mode === "clientCredentials" ? "clientCredentials" : "oauth");
    if (token && token.accessToken !== rejected.accessToken && token.expiresAt > now()) return bearer(token);
    return bearer(await renewOnce(config));
  }

  return {
    current,
    renew,
    /** A credential source for the API client, reading the configuration on every call. */
    source(config: () => Promise<AuthConfig>): CredentialSource {
      return {
        current: async () => current(await config()),
        renew: async (rejected) => renew(await config(), rejected),
      };
    },
  };
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>;
