import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";

/** What an admin can set through managed policy (public/managed_schema.json). */
export interface Policy {
  integrationEnabled?: boolean;
  createAndUpdateCandidates?: boolean;
  /** Validated where a DOM is at hand (content script, side panel): see lib/hellohire/markup-override.ts. */
  selectorOverrides?: unknown;
}

export interface PolicyReading {
  policy: Policy;
  /** Values ignored as invalid, by key name (never the value itself: it may be a secret). */
  problems: string[];
}

const booleanKeys = ["integrationEnabled", "createAndUpdateCandidates"] as const;

export function parsePolicy(raw: Record<string, unknown>): PolicyReading {
  const policy: Policy = {};
  const problems: string[] = [];
  for (const key of booleanKeys) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === "boolean") policy[key] = raw[key];
    else problems.push(`${key} must be true or false`);
  }
  if (raw.selectorOverrides !== undefined) {
    if (typeof raw.selectorOverrides === "object" && raw.selectorOverrides !== null)
      policy.selectorOverrides = raw.selectorOverrides;
    else problems.push("selectorOverrides must be an object");
  }
  return { policy, problems };
}

/** The last policy read; start-up uses it at once and never waits on storage.managed. */
export const cachedPolicy = storage.defineItem<PolicyReading>("local:policy.cache", {
  fallback: { policy: {}, problems: [] },
  version: 1,
});

/** Re-reads managed storage (absent on browsers or machines without policy: then no policy). */
export async function refreshPolicy(): Promise<PolicyReading> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await browser.storage.managed.get()) as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const reading = parsePolicy(raw);
  await cachedPolicy.setValue(reading);
  return reading;
}
