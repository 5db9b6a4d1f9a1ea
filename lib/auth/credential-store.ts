import { storage } from "wxt/utils/storage";
import type { Credential } from "../smartrecruiters/client";

/**
 * The credential the background signs in with. Only the background imports this module: content
 * scripts and pages ask the background, which never sends a credential back.
 */
export const storedCredential = storage.defineItem<Credential | null>("local:auth.credential", {
  fallback: null,
  version: 1,
});

/** A SmartRecruiters API key is 32 characters; accept what looks like one, trimmed. */
export function normaliseApiKey(input: string): string | null {
  const key = input.trim();
  return /^[A-Za-z0-9_-]{16,128}$/u.test(key) ? key : null;
}
