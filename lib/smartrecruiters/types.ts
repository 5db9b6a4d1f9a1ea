import { t } from "../i18n/messages";
import { isRecord } from "../shared/is-record";
import { SmartRecruitersError } from "./errors";

export interface CandidateSummary {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  createdOn?: string;
  /** The job application SmartRecruiters shows first, if any. */
  primaryAssignment?: { jobTitle: string | null; status: string | null };
}

function parseAssignment(value: unknown): CandidateSummary["primaryAssignment"] | undefined {
  if (!isRecord(value)) return undefined;
  const job = isRecord(value.job) ? value.job : {};
  return {
    jobTitle: typeof job.title === "string" && job.title !== "" ? job.title : null,
    status: typeof value.status === "string" && value.status !== "" ? value.status : null,
  };
}

function invalid(what: string): SmartRecruitersError {
  return new SmartRecruitersError("invalid-response", t("errUnexpectedResponse", what));
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

export function parseTags(value: unknown): string[] {
  if (!Array.isArray(value)) throw invalid("tags is not a list");
  return value.filter((tag): tag is string => typeof tag === "string");
}

export function parseCandidate(value: unknown): CandidateSummary {
  if (!isRecord(value) || typeof value.id !== "string" || value.id === "") throw invalid("candidate without id");
  return {
    id: value.id,
    firstName: stringOr(value.firstName, ""),
    lastName: stringOr(value.lastName, ""),
    email: stringOr(value.email, ""),
    tags: value.tags === undefined ? [] : parseTags(value.tags),
    ...(typeof value.createdOn === "string" ? { createdOn: value.createdOn } : {}),
    ...(isRecord(value.primaryAssignment) ? { primaryAssignment: parseAssignment(value.primaryAssignment) } : {}),
  };
}

/** One page of a search: its candidates and where the next page starts (null: the last page). */
export interface SearchPage {
  candidates: CandidateSummary[];
  nextPageId: string | null;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function parseSearchPage(value: unknown): SearchPage {
  if (!isRecord(value) || !Array.isArray(value.content)) throw invalid("search without content");
  return { candidates: value.content.map(parseCandidate), nextPageId: nonEmpty(value.nextPageId) };
}

/** The `pageId` of a `Link: <…?pageId=…>; rel="next"` header, when the body does not say it. */
export function nextPageFromLink(header: string | null): string | null {
  for (const part of header?.split(",") ?? []) {
    const link = /<([^>]*)>\s*;(.*)$/u.exec(part.trim());
    if (!link?.[1] || !/rel="?next"?/iu.test(link[2] ?? "")) continue;
    try {
      return nonEmpty(new URL(link[1], "https://link.invalid").searchParams.get("pageId"));
    } catch {
      return null;
    }
  }
  return null;
}

/** A job as `GET /jobs` lists it. */
export interface JobSummary {
  id: string;
  title: string;
  status: string;
}

export function parseJobList(value: unknown): JobSummary[] {
  if (!isRecord(value) || !Array.isArray(value.content)) throw invalid("jobs without content");
  return value.content.flatMap((job) =>
    isRecord(job) && typeof job.id === "string" && job.id !== "" && typeof job.title === "string"
      ? [{ id: job.id, title: job.title, status: stringOr(job.status, "") }]
      : [],
  );
}

/** Who a credential belongs to (User API, `users/me`). */
export interface SmartRecruitersUser {
  firstName: string;
  lastName: string;
  email: string | null;
}

export function parseUser(value: unknown): SmartRecruitersUser {
  if (!isRecord(value) || typeof value.id !== "string") throw invalid("user without id");
  return {
    firstName: stringOr(value.firstName, ""),
    lastName: stringOr(value.lastName, ""),
    email: typeof value.email === "string" && value.email !== "" ? value.email : null,
  };
}

export function parseTagList(value: unknown): string[] {
  if (!isRecord(value)) throw invalid("tags body");
  return parseTags(value.tags);
}
