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

export function parseSearchResult(value: unknown): CandidateSummary[] {
  if (!isRecord(value) || !Array.isArray(value.content)) throw invalid("search without content");
  return value.content.map(parseCandidate);
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
