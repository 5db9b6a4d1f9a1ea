import { t } from "../i18n/messages";
import { errorFromResponse, SmartRecruitersError } from "./errors";
import { type CallKind, createRateLimiter, type RateLimiter } from "./rate-limiter";
import {
  type CandidateSummary,
  parseCandidate,
  parseSearchResult,
  parseTagList,
  parseUser,
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
}

/** A call refused with 429 was not processed: it is sent again, this many times at most. */
const rateLimitedAttempts = 3;

export interface NewCandidate {
  firstName: string;
  lastName: string;
  email: string;
}

/** The SmartRecruiters candidate API, typed; every failure is a SmartRecruitersError. */
export interface SmartRecruitersClient {
  searchCandidates(query: string, limit?: number): Promise<CandidateSummary[]>;
  getCandidate(id: string): Promise<CandidateSummary>;
  createCandidate(candidate: NewCandidate): Promise<CandidateSummary>;
  updateCandidate(id: string, changes: Partial<NewCandidate>): Promise<CandidateSummary>;
  getTags(id: string): Promise<string[]>;
  addTags(id: string, tags: string[]): Promise<string[]>;
  replaceTags(id: string, tags: string[]): Promise<string[]>;
  /** The user the credential belongs to (`GET /user-api/v201804/users/me`). */
  currentUser(): Promise<SmartRecruitersUser>;
}

function authHeaders(credential: Credential): Record<string, string> {
  return credential.kind === "apiKey"
    ? { "X-SmartToken": credential.apiKey }
    : { Authorization: `Bearer ${credential.accessToken}` };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
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
  const doFetch = config.fetch ?? ((input, init) => fetch(input, init));
  const limiter = config.limiter ?? createRateLimiter();
  const source: CredentialSource =
    "kind" in config.credential
      ? { current: async () => config.credential as Credential, renew: async () => null }
      : config.credential;

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const kind: CallKind = method === "GET" && path.startsWith("/candidates?") ? "search" : "other";
    let credential = await source.current();
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const sending = credential;
        return await limiter.run(kind, () => callOnce(sending, method, path, body));
      } catch (error) {
        if (!(error instanceof SmartRecruitersError)) throw error;
        if (error.status === 401 && !renewed) {
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

  async function callOnce(credential: Credential, method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
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
      });
    } catch {
      throw new SmartRecruitersError("offline", t("errOffline"));
    }
    const parsed = await readJson(response);
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
    return parsed;
  }

  const candidatePath = (id: string) => `/candidates/${encodeURIComponent(id)}`;

  return {
    async searchCandidates(query, limit = 20) {
      const params = new URLSearchParams({ q: query, limit: String(limit) });
      return parseSearchResult(await call("GET", `/candidates?${params}`));
    },
    async getCandidate(id) {
      return parseCandidate(await call("GET", candidatePath(id)));
    },
    async createCandidate(candidate) {
      return parseCandidate(await call("POST", "/candidates", candidate));
    },
    async updateCandidate(id, changes) {
      return parseCandidate(await call("PATCH", candidatePath(id), changes));
    },
    async getTags(id) {
      return parseTagList(await call("GET", `${candidatePath(id)}/tags`));
    },
    async addTags(id, tags) {
      return parseTagList(await call("POST", `${candidatePath(id)}/tags`, { tags }));
    },
    async replaceTags(id, tags) {
      return parseTagList(await call("PUT", `${candidatePath(id)}/tags`, { tags }));
    },
    async currentUser() {
      return parseUser(await call("GET", "/user-api/v201804/users/me"));
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
