import type { Scope } from "./types";

/** API key with every scope (X-SmartToken). */
export const SANDBOX_API_KEY = "sbxFullAccessKey0123456789abcdef";

/** API key with candidates_read only. */
export const SANDBOX_READONLY_API_KEY = "sbxReadOnlyKey000123456789abcdef";

/** OAuth client for the authorization-code flow (the secret is required; PKCE alone only in mode pkceOnly). */
export const SANDBOX_CLIENT_ID = "sandbox-client";
export const SANDBOX_CLIENT_SECRET = "sandbox-secret";

/** OAuth client with a System role, for the client_credentials grant. */
export const SANDBOX_SYSTEM_CLIENT_ID = "sandbox-system-client";
export const SANDBOX_SYSTEM_CLIENT_SECRET = "sandbox-system-secret";

/** Every scope the sandbox knows (the full-access API key and the system client have them all). */
export const ALL_SCOPES: Scope[] = ["candidates_read", "candidates_create", "candidates_manage", "jobs_read", "user_me_read"];
