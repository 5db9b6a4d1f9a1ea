import { maxPendingRatings, type PendingRating, type SendTabCommand } from "../messaging/protocol";
import type { OutboxEntry } from "../sync/outbox";

/**
 * What the content scripts hear of the extension's own state, by message: nothing they could read
 * in storage. A setting or the policy changed → `configChanged` to every tab with a content script;
 * the outbox changed → to each, `outboxChanged` with the entries of the candidates that tab was told
 * about only. A tab that does not answer (closed, reloading, no content script any more) is skipped.
 */
export interface TabUpdateDeps {
  /** The tabs whose content script reported (lib/background/tab-status.ts). */
  tabs(): Promise<number[]>;
  /** The candidates a tab was told about (lib/background/tab-lookups.ts). */
  candidateIdsOfTab(tabId: number): Promise<string[]>;
  send: SendTabCommand;
}

/** An outbox entry as a tab may see it: no idempotency key, no person data of a candidate still to create. */
export function pendingRating(entry: OutboxEntry): PendingRating {
  const { candidateId, interviewName, rating, state, lastError } = entry;
  return {
    candidateId,
    interviewName,
    rating,
    state,
    ...(lastError ? { lastError: { kind: lastError.kind, message: lastError.message } } : {}),
  };
}

export async function tellTabsConfigChanged(deps: Pick<TabUpdateDeps, "tabs" | "send">): Promise<void> {
  const tabs = await deps.tabs();
  await Promise.all(tabs.map((tabId) => deps.send(tabId, { type: "configChanged" }).catch(() => undefined)));
}

export async function tellTabsOutboxChanged(outbox: readonly OutboxEntry[], deps: TabUpdateDeps): Promise<void> {
  const tabs = await deps.tabs();
  await Promise.all(
    tabs
      .map(async (tabId) => {
        const known = new Set(await deps.candidateIdsOfTab(tabId));
        // A tab told of no candidate has no rating waiting to hear of.
        if (known.size === 0) return;
        const entries = outbox
          .filter((entry) => known.has(entry.candidateId))
          .slice(-maxPendingRatings)
          .map(pendingRating);
        await deps.send(tabId, { type: "outboxChanged", entries });
      })
      .map((told) => told.catch(() => undefined)),
  );
}
