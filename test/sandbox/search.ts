import type { StoredCandidate } from "./store";

/**
 * A fuzzy candidate search in the spirit of SmartRecruiters' `q`: it returns look-alikes, and the
 * client is expected to filter on exact email and last name itself.
 *
 * - `"someone@example.com"` (quoted email): candidates with that email (case-insensitive), plus
 *   candidates with the same local part, plus candidates whose name matches a token of the local part.
 * - `"two words"` (quoted phrase): candidates matching every token.
 * - unquoted text: candidates matching any token; an email is split on "@" and "." (so it matches many).
 * Tokens match case- and accent-insensitively, apostrophes ignored, by prefix ("ann" finds "Annabel").
 */

export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019`]/g, "");
}

export function tokenize(text: string): string[] {
  return normalize(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

export function tokenMatches(query: string, token: string): boolean {
  return token === query || (query.length >= 2 && token.startsWith(query));
}

function anyMatch(query: string, tokens: readonly string[]): boolean {
  return tokens.some((token) => tokenMatches(query, token));
}

function candidateTokens(candidate: StoredCandidate): string[] {
  return [...new Set(tokenize(`${candidate.firstName} ${candidate.lastName} ${candidate.email}`))];
}

function localPart(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : email.slice(0, at);
}

function emailScore(candidate: StoredCandidate, email: string): number {
  const wanted = email.trim().toLowerCase();
  const candidateEmail = candidate.email.trim().toLowerCase();
  const nameTokens = tokenize(`${candidate.firstName} ${candidate.lastName}`);
  let score = 0;
  if (candidateEmail === wanted) {
    score += 100;
  }
  if (localPart(candidateEmail) === localPart(wanted)) {
    score += 50;
  }
  for (const token of tokenize(localPart(wanted))) {
    if (anyMatch(token, nameTokens)) {
      score += 10;
    }
  }
  return score;
}

function tokensScore(candidate: StoredCandidate, queryTokens: readonly string[], requireAll: boolean): number {
  const tokens = candidateTokens(candidate);
  const matched = queryTokens.filter((query) => anyMatch(query, tokens)).length;
  if (requireAll && matched < queryTokens.length) {
    return 0;
  }
  return matched;
}

/** Matching candidates, best first (ties keep the pool's order). An empty query returns everyone. */
export function searchCandidates(pool: readonly StoredCandidate[], rawQuery: string): StoredCandidate[] {
  const query = rawQuery.trim();
  const quoted = /^"(.*)"$/s.exec(query);
  const inner = quoted?.[1]?.trim();
  let score: (candidate: StoredCandidate) => number;
  if (query === "" || inner === "") {
    score = () => 1;
  } else if (inner?.includes("@")) {
    score = (candidate) => emailScore(candidate, inner);
  } else {
    const queryTokens = tokenize(inner ?? query);
    if (queryTokens.length === 0) {
      return [];
    }
    score = (candidate) => tokensScore(candidate, queryTokens, inner !== undefined);
  }
  return pool
    .map((candidate) => ({ candidate, score: score(candidate) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.candidate);
}
