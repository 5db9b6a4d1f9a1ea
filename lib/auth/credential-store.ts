import { storage } from "wxt/utils/storage";
import { protectedItem } from "../shared/protected-item";
import type { Credential } from "../smartrecruiters/client";

/**
 * Where sign-in state lives. Only the background imports this module: content scripts and pages
 * ask the background, which never sends a token or key back. What outlives the browser session is
 * in the extension's IndexedDB (../shared/protected-item.ts), which content scripts cannot reach.
 */

/** An API key the interviewer entered (when the organisation has not chosen how to sign in). */
export const storedCredential = protectedItem<Credential | null>("auth.credential", { fallback: null });

export interface AccessToken {
  accessToken: string;
  issuedAt: number;
  expiresAt: number;
  scopes: string[];
  /** Which grant it came from: a client-credentials token is never used for a user's sign-in, or back. */
  grant: "oauth" | "clientCredentials";
}

/** The current access token: session storage only (gone when the browser closes; never visible to content scripts). */
export const accessTokenItem = storage.defineItem<AccessToken | null>("session:auth.access", { fallback: null });

export interface RefreshToken {
  refreshToken: string;
  scopes: string[];
  connectedAt: number;
}

/** The user's refresh token (one-time use, rotated on every refresh): the extension's IndexedDB, never synced. */
export const refreshTokenItem = protectedItem<RefreshToken | null>("auth.refresh", { fallback: null });

export interface AuthProblem {
  message: string;
  /** What fixes it: the interviewer reconnects, or an admin changes the setup. */
  fix: "reconnect" | "admin";
  at: number;
}

/** The last authentication problem, shown in the side panel until a connection succeeds. */
export const authProblemItem = protectedItem<AuthProblem | null>("auth.problem", { fallback: null });

/**
 * Who the interviewer's own connection belongs to in SmartRecruiters, as `users/me` said (./account.ts),
 * or why that is not known. Session storage: the interviewer's own name, gone with the browser session.
 */
export type ConnectedAccount = { known: true; name: string; email: string | null } | { known: false; reason: string };

export const accountItem = storage.defineItem<ConnectedAccount | null>("session:auth.account", { fallback: null });

export async function clearSignIn(): Promise<void> {
  await Promise.all([
    accountItem.setValue(null),
    storedCredential.setValue(null),
    accessTokenItem.setValue(null),
    refreshTokenItem.setValue(null),
    authProblemItem.setValue(null),
  ]);
}
