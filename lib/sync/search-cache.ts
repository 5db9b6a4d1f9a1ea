import type { CandidateSummary } from "../smartrecruiters/types";

export type SearchByEmail = (email: string) => Promise<CandidateSummary[]>;

/**
 * Remembers email searches for a while and shares one in-flight search per email between all
 * callers (tabs, prefetches), so a candidate prepared ahead or seen again costs no API call.
 */
export function createSearchCache(search: SearchByEmail, options: { ttlMs: number; now?: () => number; maxEntries?: number }) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 200;
  const entries = new Map<string, { at: number; results: Promise<CandidateSummary[]> }>();
  const keyOf = (email: string) => email.trim().toLowerCase();

  function lookup(email: string): Promise<CandidateSummary[]> {
    const key = keyOf(email);
    const cached = entries.get(key);
    if (cached && now() - cached.at < options.ttlMs) return cached.results;
    const results = search(email);
    entries.set(key, { at: now(), results });
    results.catch(() => entries.delete(key));
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return results;
  }

  return {
    search: lookup,
    has: (email: string) => {
      const cached = entries.get(keyOf(email));
      return cached !== undefined && now() - cached.at < options.ttlMs;
    },
    forget: (email: string) => entries.delete(keyOf(email)),
    /** Keeps cached results true after we changed a candidate's tags ourselves. */
    async updateTags(candidateId: string, tags: string[]) {
      for (const entry of entries.values()) {
        const results = await entry.results.catch(() => null);
        if (results?.some((c) => c.id === candidateId))
          entry.results = Promise.resolve(results.map((c) => (c.id === candidateId ? { ...c, tags: [...tags] } : c)));
      }
    },
    clear: () => entries.clear(),
  };
}
