import { isRecord } from "../shared/is-record";
import { oneAtATime } from "../shared/one-at-a-time";
import { protectedItem } from "../shared/protected-item";
import { isCurrent, nextExpiry, type Retention, withinRetention } from "./bounded-record";
import { installSecret } from "./created-candidates-secret";
import { normaliseText } from "./same-text";

/**
 * Candidates this browser created in SmartRecruiters, so a candidate search cannot see (talent pool
 * only) is never created twice. A create whose answer was lost in the talent pool is remembered as
 * unconfirmed (`id: null`): search cannot tell whether it happened, so it is never sent blindly again.
 *
 * Keyed by an HMAC-SHA-256 of email + last name under this install's secret
 * (./created-candidates-secret.ts): no readable candidate data is kept, and without the secret, which
 * content scripts cannot reach, a key cannot be tested against a guessed email. Each entry holds the
 * time it was written; entries go after 90 days, and beyond 2,000 the oldest go first.
 */
export interface CreatedEntry {
  /** The candidate's SmartRecruiters ID, or null for an unconfirmed talent-pool create. */
  id: string | null;
  at: number;
}

export const createdRetention: Retention = { maxAgeMs: 90 * 24 * 3600_000, maxEntries: 2_000 };

export const createdCandidatesItem = protectedItem<Record<string, CreatedEntry>>("sync.createdCandidates", {
  fallback: {},
  // As storage.local kept it (WXT's version record), brought up to date as it moves.
  legacy: {
    version: 2,
    migrations: {
      // Version 1 was keyed by a bare SHA-256 of email + last name. Those keys cannot become HMAC keys
      // (the emails are not kept), so the first run of version 2 drops them: a candidate created
      // before the update that search cannot see may be created once more.
      2: () => ({}),
    },
  },
});

function isCreatedEntry(value: unknown): value is CreatedEntry {
  return isRecord(value) && typeof value.at === "number" && (value.id === null || typeof value.id === "string");
}

/** The well-formed entries of what is stored. */
function entriesOf(stored: unknown): Record<string, CreatedEntry> {
  if (!isRecord(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((pair): pair is [string, CreatedEntry] => isCreatedEntry(pair[1])));
}

async function keyOf(email: string, lastName: string): Promise<string> {
  const text = `${email.trim().toLowerCase()}|${normaliseText(lastName)}`;
  const signature = await crypto.subtle.sign("HMAC", await installSecret(), new TextEncoder().encode(text));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const queue = oneAtATime();

/** One change at a time: creates for different people at once must not lose each other's entry. */
async function change(email: string, lastName: string, id: string | null | undefined): Promise<void> {
  const key = await keyOf(email, lastName);
  await queue(async () => {
    const now = Date.now();
    const all = entriesOf(await createdCandidatesItem.getValue());
    if (id === undefined) delete all[key];
    else all[key] = { id, at: now };
    await createdCandidatesItem.setValue(withinRetention(all, now, createdRetention));
  });
}

/**
 * Deletes the entries past their 90 days, or beyond the 2,000 newest (the retention alarm calls it;
 * writing only when one goes), and says when the next one runs out, or null when none is kept.
 */
export function pruneCreatedCandidates(now: number): Promise<number | null> {
  return queue(async () => {
    const stored: unknown = await createdCandidatesItem.getValue();
    const kept = withinRetention(entriesOf(stored), now, createdRetention);
    if (!isRecord(stored) || Object.keys(kept).length !== Object.keys(stored).length) {
      await createdCandidatesItem.setValue(kept);
    }
    return nextExpiry(kept, createdRetention);
  });
}

export type CreatedMemory = {
  find(email: string, lastName: string): Promise<{ id: string } | { unconfirmed: true } | null>;
  remember(email: string, lastName: string, candidateId: string): Promise<void>;
  rememberUnconfirmed(email: string, lastName: string): Promise<void>;
  forget(email: string, lastName: string): Promise<void>;
};

export const createdCandidates: CreatedMemory = {
  async find(email, lastName) {
    const entry = entriesOf(await createdCandidatesItem.getValue())[await keyOf(email, lastName)];
    if (!entry || !isCurrent(entry, Date.now(), createdRetention)) return null;
    return entry.id === null ? { unconfirmed: true } : { id: entry.id };
  },
  remember: (email, lastName, candidateId) => change(email, lastName, candidateId),
  rememberUnconfirmed: (email, lastName) => change(email, lastName, null),
  forget: (email, lastName) => change(email, lastName, undefined),
};
