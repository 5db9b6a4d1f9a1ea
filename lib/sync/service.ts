import { createTokenKeeper, type TokenKeeper } from "../auth/tokens";
import type { RateLimits } from "../smartrecruiters/rate-limiter";
import { createLookups, createMatcher, type RetryDelay } from "./lookups";
import { createOutboxSender } from "./outbox-sender";
import { createSyncContext, failure } from "./sync-context";

export { failure };

export interface SyncServiceOptions {
  /** Wakes the worker for the next retry (alarms survive a stopped worker). */
  scheduleWake(at: number | null): void;
  newId?(): string;
  now?(): number;
  /** The background's one token keeper (shared so that one refresh serves every caller). */
  tokens?: TokenKeeper;
  /** Whether the sign-in may read jobs (`jobs_read`); default: yes (a refusal is then remembered). */
  canReadJobs?(): Promise<boolean>;
  /** Whether the sign-in may create candidates (`candidates_create`); default: yes. */
  canCreateCandidates?(): Promise<boolean>;
  /** SmartRecruiters' limits by default (tests that are not about them may loosen them). */
  rateLimits?: RateLimits;
  /** The wait between a lookup's attempts after a passing failure: exponential backoff with jitter by default. */
  lookupRetryDelay?: RetryDelay;
  /** A rating's candidate got another ID (created for a placeholder, merged, found again after a delete). */
  onCandidateMoved?(deadId: string, aliveId: string): void;
}

/**
 * The background's SmartRecruiters work for pages: lookups (lib/sync/lookups.ts: cached, one at a
 * time per candidate across all tabs, prepared ahead for upcoming candidates) and ratings through
 * the durable outbox (lib/sync/outbox-sender.ts), over one shared client, search cache and job finder.
 */
export function createSyncService(options: SyncServiceOptions) {
  const context = createSyncContext({
    tokens: options.tokens ?? createTokenKeeper(),
    canReadJobs: options.canReadJobs ?? (async () => true),
    canCreateCandidates: options.canCreateCandidates ?? (async () => true),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const match = createMatcher(context);
  const lookups = createLookups(context, match, options.lookupRetryDelay);
  const sender = createOutboxSender(context, match, {
    scheduleWake: options.scheduleWake,
    newId: options.newId ?? (() => crypto.randomUUID()),
    now: options.now ?? Date.now,
    ...(options.onCandidateMoved ? { onCandidateMoved: options.onCandidateMoved } : {}),
  });
  return { ...lookups, ...sender, reset: context.reset };
}

export type SyncService = ReturnType<typeof createSyncService>;
