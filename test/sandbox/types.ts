/**
 * Data types shared by the sandbox server and its control client.
 * Type-only module: importing it pulls in no runtime code.
 */

export type Scope = "candidates_read" | "candidates_create" | "candidates_manage" | "jobs_read" | "user_me_read";

/** Job statuses SmartRecruiters uses (CREATED, SOURCING, INTERVIEW, OFFER count as open). */
export type JobStatus = "CREATED" | "SOURCING" | "INTERVIEW" | "OFFER" | "FILLED" | "CANCELLED" | "ON_HOLD";

/** A job of the sandbox organisation (what GET /__control/jobs returns). */
export interface SandboxJob {
  id: string;
  title: string;
  refNumber: string;
  status: JobStatus;
  createdOn: string;
}

/** Input of `POST /__control/jobs`. */
export interface NewSandboxJob {
  id?: string;
  title: string;
  /** Default SOURCING. */
  status?: JobStatus;
  /** Default derived from the id. */
  refNumber?: string;
  /** ISO date; default now. */
  createdOn?: string;
}

/** A candidate's application to a job. */
export interface SandboxApplication {
  jobId: string;
  /** The candidate's status in that job (NEW, IN_REVIEW, INTERVIEW, ...). */
  status: string;
  appliedOn: string;
}

/** The first application, as `primaryJob` (kept for callers of the older control API). */
export interface SandboxPrimaryJob {
  id: string;
  title: string;
  /** The candidate's status in that job (the application's), not the job's status. */
  status: string;
}

/** A candidate as the sandbox stores it (what the control API returns). */
export interface SandboxCandidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  /** In order: the first one is the primary assignment. */
  applications: SandboxApplication[];
  /** Derived: applications.length > 0 (false: talent-pool-only candidate). */
  hasApplication: boolean;
  /** Derived from the first application. */
  primaryJob?: SandboxPrimaryJob;
  sourceDetails?: Record<string, unknown>;
  createdOn: string;
  updatedOn: string;
}

/**
 * Input of `POST /__control/candidates`. Applications come from, in this order: `applications`;
 * else `primaryJob` (one application, the job added to the job store when unknown); else
 * `hasApplication` (default true: one application to the generic job `job-general`; false: none).
 */
export interface NewSandboxCandidate {
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  tags?: string[];
  applications?: { jobId: string; status?: string; appliedOn?: string }[];
  hasApplication?: boolean;
  primaryJob?: SandboxPrimaryJob;
  sourceDetails?: Record<string, unknown>;
}

export interface SandboxModes {
  /**
   * Plan without API access: every API call answers `{"message":"No access to feature: Customer API"}`
   * with this status. false: the plan has API access. (`true` is accepted as 403.)
   */
  noApiAccess: false | 401 | 403;
  /** Whether search returns talent-pool-only candidates (no application). Reference: false. */
  searchTalentPool: boolean;
  /** Whether search honours `offset` (and reports it). Reference: false, pageId only. */
  offsetPaging: boolean;
  /** What both create endpoints do when email + last name already exist. */
  createExisting: "conflict" | "conflict-with-id" | "duplicate";
  /** What POST /candidates/{id}/tags does with a tag the candidate already has. */
  tagPost: "idempotent" | "duplicate";
  /** What PUT /candidates/{id}/tags does with `{tags: []}`. */
  putEmptyTags: "refused" | "accepted";
  /** Whether PKCE alone (no client secret) may exchange a code and refresh its tokens. Reference: false. */
  pkceOnly: boolean;
  /** Scopes the authorization never grants, even when asked (the token's `scope` says what was granted). */
  withholdScopes: Scope[];
  /** "auto": the authorize URL redirects at once; "click": it shows an Allow / Deny page. */
  authorizePage: "auto" | "click";
  rateLimits: boolean;
  accessTokenTtlSeconds: number;
  /** GET /user-api/v201804/users/me: "ok" answers the sandbox user (scope user_me_read), "forbidden" 403. */
  usersMe: "ok" | "forbidden";
}

/** What POST /__control/modes takes: any subset; `noApiAccess: true` is still accepted (as 403). */
export type SandboxModesPatch = Partial<Omit<SandboxModes, "noApiAccess">> & { noApiAccess?: boolean | 401 | 403 };

export interface SandboxFaults {
  /** Added to every call of the API and of /identity/oauth/token. */
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
  /** Probability (0..1) that a successful write is applied and its response then fails. */
  applyThenFailRate: number;
  /** Number of next successful writes to apply and then fail (consumed). */
  nextApplyThenFail: number;
  /** How an applied write fails: "error" answers the first of errorStatuses (500 if none), "drop" destroys the socket. */
  applyThenFailWith: "error" | "drop";
  /** Seed of the PRNG behind the rates (reseeded on every POST /__control/faults). */
  seed: number;
}

export type CredentialKind = "apikey" | "bearer" | "none";

/** Which of the sandbox's two listeners a request reached. */
export type SandboxOrigin = "api" | "app";

export type FaultKind = "error" | "drop" | "applied-then-error" | "applied-then-drop";

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
  /** The listener that received it. */
  origin: SandboxOrigin;
  /** Set when the answer was an injected fault ("applied-then-…": the write was applied first). */
  fault?: FaultKind;
}
