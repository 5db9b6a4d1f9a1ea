import { t } from "../i18n/messages";
import { isRecord } from "../shared/is-record";

/** What went wrong with a SmartRecruiters call, in terms a user can act on. */
export type ApiErrorKind =
  | "not-connected"
  | "access-denied"
  | "no-api-access"
  | "not-found"
  | "conflict"
  | "bad-request"
  | "rate-limited"
  | "server-error"
  | "offline"
  | "invalid-response";

export class SmartRecruitersError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** A 409 that names the candidate who already has this email and last name. */
    readonly existingId?: string,
  ) {
    super(message);
    this.name = "SmartRecruitersError";
  }

  /** Worth trying the same call again later. */
  get transient(): boolean {
    return this.kind === "rate-limited" || this.kind === "server-error" || this.kind === "offline";
  }
}

interface ErrorBody {
  message?: unknown;
  errors?: { code?: unknown; message?: unknown }[];
}

function describe(body: ErrorBody | undefined): { message: string; codes: string[] } {
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const codes = errors.map((e) => (typeof e.code === "string" ? e.code : "")).filter(Boolean);
  const details = errors.map((e) => (typeof e.message === "string" ? e.message : "")).filter(Boolean);
  const message = typeof body?.message === "string" ? body.message : "";
  return { message: [message, ...details].filter(Boolean).join(": "), codes };
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The existing candidate a 409 names, where SmartRecruiters names one: an `id` / `candidateId` field
 * (top level or in `errors`), or a candidate ID (a UUID) in a message. Only a hint: callers read that
 * candidate and check the email and last name before using it.
 */
export function existingCandidateId(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const places = [body, ...(Array.isArray(body.errors) ? body.errors.filter(isRecord) : [])];
  for (const place of places)
    for (const key of ["candidateId", "existingCandidateId", "id"]) {
      const value = place[key];
      if (typeof value === "string" && /^[\w-]{1,100}$/u.test(value)) return value;
    }
  for (const place of places) {
    const uuid =
      typeof place.message === "string"
        ? /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu.exec(place.message)
        : null;
    if (uuid) return uuid[0];
  }
  return undefined;
}

/** SmartRecruiters' answer when the organisation's plan has no API ("No access to feature: Customer API"), on 401 or 403. */
function saysNoApiAccess(message: string, codes: string[]): boolean {
  return /no access to feature|api access|not enabled|plan/iu.test(message) || codes.some((c) => /API_ACCESS/u.test(c));
}

/** Maps an HTTP error response (status, headers, parsed body) to an error a user can act on. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): SmartRecruitersError {
  const { message, codes } = describe(typeof body === "object" && body !== null ? (body as ErrorBody) : undefined);
  const said = message ? ` ${t("errSmartRecruitersSays", message)}` : "";
  const noApiAccess = saysNoApiAccess(message, codes);
  if ((status === 401 || status === 403) && noApiAccess)
    return new SmartRecruitersError("no-api-access", t("errNoApiAccess", said), status);
  if (status === 401) return new SmartRecruitersError("not-connected", t("errCredentialRefused", said), status);
  if (status === 403) return new SmartRecruitersError("access-denied", t("errAccessDenied", said), status);
  if (status === 404) return new SmartRecruitersError("not-found", t("errNotFound", said), status);
  if (status === 409)
    return new SmartRecruitersError("conflict", t("errConflict", said), status, undefined, existingCandidateId(body));
  if (status === 429)
    return new SmartRecruitersError("rate-limited", t("errBusy"), status, retryAfterMs(headers.get("Retry-After")));
  if (status >= 500) return new SmartRecruitersError("server-error", t("errServer", String(status)), status);
  return new SmartRecruitersError("bad-request", t("errRequestRefused", String(status), said), status);
}
