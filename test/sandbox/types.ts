/**
 * Data types shared by the sandbox server and its control client.
 * Type-only module: importing it pulls in no runtime code.
 */

export type Scope = "candidates_read" | "candidates_create" | "candidates_manage";

export interface SandboxJob {
  id: string;
  title: string;
  status: string;
}

/** A candidate as the sandbox stores it (what the control API returns). */
export interface SandboxCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  /** false: talent-pool-only candidate (no job application). */
  hasApplication: boolean;
  primaryJob?: SandboxJob;
  sourceDetails?: Record<string, unknown>;
  createdOn: string;
  updatedOn: string;
}

/** Input of `POST /__control/candidates`. */
export interface NewSandboxCandidate {
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  tags?: string[];
  /** Default true when inserted through the control API. */
  hasApplication?: boolean;
  primaryJob?: SandboxJob;
  sourceDetails?: Record<string, unknown>;
}

export interface SandboxModes {
  /** Plan without API access: every /candidates* call answers 403 API_ACCESS_NOT_ENABLED. */
  noApiAccess: boolean;
  /** Whether search returns talent-pool-only candidates (hasApplication false). */
  searchTalentPool: boolean;
  /** What POST /candidates does when email + last name already exist. */
  createExisting: "conflict" | "duplicate";
  /** What POST /candidates/{id}/tags does with a tag the candidate already has. */
  tagPost: "idempotent" | "duplicate";
  /** "auto": the authorize URL redirects at once; "click": it shows an Allow / Deny page. */
  authorizePage: "auto" | "click";
  rateLimits: boolean;
  accessTokenTtlSeconds: number;
  /** GET /user-api/v201804/users/me: "ok" answers the sandbox user, "forbidden" 403 (a scope SmartRecruiters may want). */
  usersMe: "ok" | "forbidden";
}

export interface SandboxFaults {
  /** Added to every call of /candidates* and /identity/oauth/token. */
  latencyMs: number;
  /** Probability (0..1) of answering with one of errorStatuses instead. */
  errorRate: number;
  errorStatuses: number[];
  /** Statuses for the next API requests, in order (consumed). */
  nextErrors: number[];
  /** Probability (0..1) of destroying the socket without a response. */
  dropRate: number;
  /** Number of next API requests to drop (consumed). */
  nextDrops: number;
  /** Seed of the PRNG behind errorRate and dropRate (reseeded on every POST /__control/faults). */
  seed: number;
}

export type CredentialKind = "apikey" | "bearer" | "none";

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  /** The query string as received, without "?". */
  rawQuery: string;
  /** 0 when the request was dropped (no response). */
  status: number;
  /** The kind of credential presented (valid or not). */
  credential: CredentialKind;
  /** Arrival time, milliseconds since the epoch. */
  at: number;
  /** Set when the answer was an injected fault. */
  fault?: "error" | "drop";
}
