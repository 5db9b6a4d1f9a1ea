import { t } from "../i18n/messages";
import { markTiming } from "../shared/timing";
import { errorFromResponse, SmartRecruitersError } from "./errors";
import { type CallKind, createRateLimiter, type RateLimiter } from "./rate-limiter";
import { callTimeoutMs } from "./timeout";
import {
  type CandidateSummary,
  type JobSummary,
  nextPageFromLink,
  parseCandidate,
  parseJobList,
  parseSearchPage,
  parseTagList,
  parseUser,
  type SearchPage,
  type SmartRecruitersUser,
} from "./types";

export type Credential = { kind: "apiKey"; apiKey: string } | { kind: "bearer"; accessToken: string };

/**
 * Where the client gets its credential: the current one before each call, and a renewed one when
 * SmartRecruiters answers 401 (one renewal per call; renew throws or returns null when it cannot).
 */
export interface CredentialSource {
  current(): Promise<Credential>;
  renew(rejected: Credential): Promise<Credential | null>;
}

export interface ClientConfig {
  apiBaseUrl: string;
  credential: Credential | CredentialSource;
  fetch?: typeof fetch;
  /** Share one per credential: SmartRecruiters' limits count per credential. */
  limiter?: RateLimiter;
  /** A call without an answer after this long fails as a passing problem (retried). Default 30 s. */
  timeoutMs?: number;
}

export { callTimeoutMs };

/** SmartRecruiters' largest page (`limit` 1-100). */
export const maxPageSize = 100;

/** A call refused with 429 was not processed: it is sent again, this many times at most. */
const rateLimitedAttempts = 3;

export interface NewCandidate {
  firstName: string;
  lastName: string;
  email: string;
}

/** SmartRecruiters' `sourceDetails` of a new candidate (set by policy; SmartRecruiters says "API" otherwise). */
export interface SourceDetails {
  sourceTypeId: string;
  sourceSubTypeId?: string;
  sourceId: string;
}

export interface CreateOptions {
  /** Creates the candidate with an application to this job (`POST /jobs/{id}/candidates`); else the talent pool only. */
  jobId?: string | null;
  sourceDetails?: SourceDetails | null;
}

/** The SmartRecruiters candidate API, typed; every failure is a SmartRecruitersError. */
export interface SmartRecruitersClient {
  /** One page of a candidate search (`limit` 1-100; `pageId` from the previous page's `nextPageId`). */
  searchCandidates(query: string, options?: { limit?: number; pageId?: string | null }): Promise<SearchPage>;
  getCandidate(id: string): Promise<CandidateSummary>;
  createCandidate(candidate: NewCandidate, options?: CreateOptions): Promise<CandidateSummary>;
  updateCandidate(id: string, changes: Partial<NewCandidate>): Promise<CandidateSummary>;
  getTags(id: string): Promise<string[]>;
  /** Adds tags; the answer is not trusted to be the whole list (callers do not use it). */
  addTags(id: string, tags: string[]): Promise<void>;
  replaceTags(id: string, tags: string[]): Promise<void>;
  /** Removes every tag (`PUT {tags: []}` may be refused: this is SmartRecruiters' way to empty the list). */
  deleteTags(id: string): Promise<void>;
  /** Jobs whose title has these words (`GET /jobs?q=`), every status, first 100. */
  searchJobs(titleWords: string): Promise<JobSummary[]>;
  /** The user the credential belongs to (`GET /user-api/v201804/users/me`). */
  currentUser(): Promise<SmartRecruitersUser>;
}

function authHeaders(credential: Credential): Record<string, string> {
  return credential.kind === "apiKey"
    ? { "X-SmartToken": credential.apiKey }
    : { Authorization: `Bearer ${credential.accessToken}` };
}

interface Answer {
  body: unknown;
  headers: Headers;
}

/** No answer: the network failed, or SmartRecruiters took longer than the timeout. Both are worth a retry. */
function unanswered(signal: AbortSignal, timeoutMs: number): SmartRecruitersError {
  return signal.aborted
    ? new SmartRecruitersError("offline", t("errTimedOut", String(Math.round(timeoutMs / 1000))))
    : new SmartRecruitersError("offline", t("errOffline"));
}

async function readJson(response: Response, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw unanswered(signal, timeoutMs);
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!response.ok) return undefined;
    throw new SmartRecruitersError("invalid-response", t("errNotJson"), response.status);
  }
}

export function createClient(config: ClientConfig): SmartRecruitersClient {
  const base = config.apiBaseUrl.replace(/\/+$/u, "");
  const send = config.fetch ?? ((input, init) => fetch(input, init));
  const doFetch: typeof send = (input, init) => {
    markTiming("call-sent");
    return send(input, init);
  };
  const limiter = config.limiter ?? createRateLimiter();
  const source: CredentialSource =
    "kind" in config.credential
      ? { current: async () => config.credential as Credential, renew: async () => null }
      : config.credential;

  const timeoutMs = config.timeoutMs ?? callTimeoutMs;

  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const kind: CallKind = method === "GET" && path.startsWith("/candidates?") ? "search" : "other";
    let credential = await source.current();
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const sending = credential;
        return await limiter.run(kind, () => callOnce(sending, method, path, body));
      } catch (error) {
        if (!(error instanceof SmartRecruitersError)) throw error;
        if (error.kind === "not-connected" && error.status === 401 && !renewed) {
          renewed = true;
          const fresh = await source.renew(credential);
          if (!fresh) throw error;
          credential = fresh;
          continue;
        }
        if (error.kind !== "rate-limited" || attempt >= rateLimitedAttempts) throw error;
      }
    }
  }

  async function callOnce(credential: Credential, method: string, path: string, body?: unknown): Promise<Answer> {
    let response: Response;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Accept: "application/json",
          ...authHeaders(credential),
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: "omit",
        cache: "no-store",
        signal,
      });
    } catch {
      throw unanswered(signal, timeoutMs);
    }
    const parsed = await readJson(response, signal, timeoutMs);
    const remaining = response.headers.get("X-RateLimit-Remaining");
    if (!response.ok) {
      const error = errorFromResponse(response.status, response.headers, parsed);
      limiter.observe({
        status: response.status,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      });
      throw error;
    }
    limiter.observe({ status: response.status, ...(remaining === null ? {} : { remaining: Number(remaining) }) });
    return { body: parsed, headers: response.headers };
  }

  const json = async (method: string, path: string, body?: unknown) => (await call(method, path, body)).body;

  const candidatePath = (id: string) => `/candidates/${encodeURIComponent(id)}`;

  return {
    async searchCandidates(query, options = {}) {
      const params = new URLSearchParams({ q: query, limit: String(options.limit ?? maxPageSize) });
      if (options.pageId) params.set("pageId", options.pageId);
      const answer = await call("GET", `/candidates?${params}`);
      const page = parseSearchPage(answer.body);
      return page.nextPageId ? page : { ...page, nextPageId: nextPageFromLink(answer.headers.get("Link")) };
    },
    async getCandidate(id) {
      return parseCandidate(await json("GET", candidatePath(id)));
    },
    async createCandidate(candidate, options = {}) {
      const path = options.jobId ? `/jobs/${encodeURIComponent(options.jobId)}/candidates` : "/candidates";
      return parseCandidate(
        await json("POST", path, options.sourceDetails ? { ...candidate, sourceDetails: options.sourceDetails } : candidate),
      );
    },
    async updateCandidate(id, changes) {
      return parseCandidate(await json("PATCH", candidatePath(id), changes));
    },
    async getTags(id) {
      return parseTagList(await json("GET", `${candidatePath(id)}/tags`));
    },
    async addTags(id, tags) {
      await call("POST", `${candidatePath(id)}/tags`, { tags });
    },
    async replaceTags(id, tags) {
      await call("PUT", `${candidatePath(id)}/tags`, { tags });
    },
    async deleteTags(id) {
      await call("DELETE", `${candidatePath(id)}/tags`);
    },
    async searchJobs(titleWords) {
      const params = new URLSearchParams({ q: titleWords, limit: String(maxPageSize) });
      return parseJobList(await json("GET", `/jobs?${params}`));
    },
    async currentUser() {
      return parseUser(await json("GET", "/user-api/v201804/users/me"));
    },
  };
}

/** The search query SmartRecruiters needs for an email: the whole address in double quotes. */
export function emailQuery(email: string): string {
  return `"${email.trim()}"`;
}

export function profileUrl(template: string, candidateId: string): string {
  return template.replaceAll("{id}", encodeURIComponent(candidateId));
}
