import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { isRecord } from "../shared/is-record";
import { protectedItem } from "../shared/protected-item";
import { endpointKeys, loopbackAllowed, parseEndpoint } from "./addresses";

export type { EndpointKey } from "./addresses";

export const authModes = ["oauth", "clientCredentials", "apiKey"] as const;
export type AuthMode = (typeof authModes)[number];

/** What an admin can set through managed policy (public/managed_schema.json), secrets excepted. */
export interface Policy {
  integrationEnabled?: boolean;
  createAndUpdateCandidates?: boolean;
  authMode?: AuthMode;
  clientId?: string;
  authorizeUrl?: string;
  tokenUrl?: string;
  apiBaseUrl?: string;
  profileUrlTemplate?: string;
  hellohireHostPatterns?: string[];
  /** Validated where a DOM is at hand (content script, side panel): see lib/hellohire/markup-override.ts. */
  selectorOverrides?: unknown;
  /** Hellohire interview name → SmartRecruiters job ID: look it up with jobIdForInterview(). */
  jobByInterview?: JobMapping;
  /** `sourceDetails` of a candidate the extension creates; unset: none sent (SmartRecruiters records "API"). */
  candidateSource?: CandidateSource;
}

/** Hellohire interview name (as the admin wrote it) → SmartRecruiters job ID. */
export type JobMapping = Readonly<Record<string, string>>;

/** SmartRecruiters' `sourceDetails` (CandidateSource: sourceTypeId and sourceId required, sourceSubTypeId optional). */
export interface CandidateSource {
  sourceTypeId: string;
  sourceSubTypeId?: string;
  sourceId: string;
}

/** The policy's secrets: kept in storage.session only (never on disk, out of content scripts' reach). */
export interface PolicySecrets {
  apiKey?: string;
  clientSecret?: string;
}

export interface PolicyReading {
  policy: Policy;
  /** Values ignored as invalid, by key name (never the value itself: it may be a secret). */
  problems: string[];
}

const booleanKeys = ["integrationEnabled", "createAndUpdateCandidates"] as const;
const knownKeys = new Set<string>([
  ...booleanKeys,
  "authMode",
  "apiKey",
  "clientId",
  "clientSecret",
  "authorizeUrl",
  "tokenUrl",
  "apiBaseUrl",
  "profileUrlTemplate",
  "hellohireHostPatterns",
  "selectorOverrides",
  "jobByInterview",
  "candidateSource",
]);

/** A SmartRecruiters API key is 32 characters; accept what looks like one, trimmed. */
export function normaliseApiKey(input: string): string | null {
  const key = input.trim();
  return /^[A-Za-z0-9_-]{16,128}$/u.test(key) ? key : null;
}

/** A match pattern for Hellohire pages: https://host/… (*.host allowed). */
const httpsHostPattern = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/.*$/u;
/** A page on this computer (http://localhost/…, a local test server): dev and test builds only. */
const loopbackHostPattern = /^http:\/\/(localhost|127\.0\.0\.1)\/.*$/u;

export function isHostPattern(value: unknown): value is string {
  return typeof value === "string" && (httpsHostPattern.test(value) || (loopbackAllowed() && loopbackHostPattern.test(value)));
}

function isShortText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && value.length <= 500;
}

const maxInterviewName = 200;
const maxMappedJobs = 500;
/** A SmartRecruiters ID as the API writes them (UUIDs, numbers, codes): letters, digits, `_` and `-`. */
const jobId = /^[A-Za-z0-9_-]{1,100}$/u;

/** An interview name as people write it: case, Unicode form and runs of spaces ignored, trimmed. */
function interviewKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}

/**
 * jobByInterview, whole or not at all: at most 500 entries, names non-empty (≤ 200 characters) and
 * distinct once case and spacing are ignored, values SmartRecruiters job IDs.
 */
export function parseJobMapping(value: unknown): JobMapping | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > maxMappedJobs) return null;
  const names = new Set<string>();
  const mapping: [string, string][] = [];
  for (const [name, id] of entries) {
    const key = interviewKey(name);
    if (key === "" || name.length > maxInterviewName || names.has(key)) return null;
    if (typeof id !== "string" || !jobId.test(id)) return null;
    names.add(key);
    mapping.push([name, id]);
  }
  return Object.fromEntries(mapping);
}

/** The job the organisation maps this interview to, matching names with case and spacing ignored; null when none. */
export function jobIdForInterview(mapping: JobMapping | undefined, interviewName: string): string | null {
  if (!mapping) return null;
  const wanted = interviewKey(interviewName);
  if (wanted === "") return null;
  const found = Object.entries(mapping).find(([name]) => interviewKey(name) === wanted);
  return found ? found[1] : null;
}

const sourceFields = new Set(["sourceTypeId", "sourceSubTypeId", "sourceId"]);

/** A source ID: a non-empty text of at most 100 characters. */
function sourceId(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" && value.length <= 100 ? value.trim() : null;
}

/** candidateSource: exactly SmartRecruiters' sourceDetails fields, ids as non-empty texts (≤ 100 characters), trimmed. */
export function parseCandidateSource(value: unknown): CandidateSource | null {
  if (!isRecord(value) || Object.keys(value).some((key) => !sourceFields.has(key))) return null;
  const sourceTypeId = sourceId(value.sourceTypeId);
  const id = sourceId(value.sourceId);
  const subType = value.sourceSubTypeId === undefined ? undefined : sourceId(value.sourceSubTypeId);
  if (!sourceTypeId || !id || subType === null) return null;
  return { sourceTypeId, ...(subType === undefined ? {} : { sourceSubTypeId: subType }), sourceId: id };
}

/** Drops the sign-in keys together when they cannot work together: never half applied. */
function checkAuthCombination(policy: Policy, secrets: PolicySecrets, problems: string[]): void {
  const missing =
    policy.authMode === "apiKey" && !secrets.apiKey
      ? "apiKey"
      : policy.authMode === "clientCredentials" && !(policy.clientId && secrets.clientSecret)
        ? "clientId and clientSecret"
        : null;
  if (!missing) return;
  problems.push(`authMode ${policy.authMode} needs ${missing}: the organisation's sign-in settings are ignored`);
  delete policy.authMode;
  delete policy.clientId;
  delete secrets.apiKey;
  delete secrets.clientSecret;
}

export function parsePolicy(raw: Record<string, unknown>): PolicyReading & { secrets: PolicySecrets } {
  const policy: Policy = {};
  const secrets: PolicySecrets = {};
  const problems: string[] = [];
  const present = (key: string) => raw[key] !== undefined;
  for (const key of booleanKeys) {
    if (!present(key)) continue;
    if (typeof raw[key] === "boolean") policy[key] = raw[key];
    else problems.push(`${key} must be true or false`);
  }
  if (present("authMode")) {
    const mode = authModes.find((m) => m === raw.authMode);
    if (mode) policy.authMode = mode;
    else problems.push(`authMode must be one of ${authModes.join(", ")}`);
  }
  if (present("clientId")) {
    if (isShortText(raw.clientId)) policy.clientId = raw.clientId.trim();
    else problems.push("clientId must be a non-empty text");
  }
  if (present("clientSecret")) {
    if (isShortText(raw.clientSecret)) secrets.clientSecret = raw.clientSecret.trim();
    else problems.push("clientSecret must be a non-empty text");
  }
  if (present("apiKey")) {
    const key = typeof raw.apiKey === "string" ? normaliseApiKey(raw.apiKey) : null;
    if (key) secrets.apiKey = key;
    else problems.push("apiKey does not look like a SmartRecruiters API key");
  }
  for (const key of endpointKeys) {
    if (!present(key)) continue;
    const url = parseEndpoint(key, raw[key]);
    if (url) policy[key] = url;
    else
      problems.push(
        key === "profileUrlTemplate"
          ? "profileUrlTemplate must be an https:// address containing {id}"
          : `${key} must be an https:// address`,
      );
  }
  if (present("hellohireHostPatterns")) {
    const patterns = raw.hellohireHostPatterns;
    if (Array.isArray(patterns) && patterns.length <= 20 && patterns.every(isHostPattern))
      policy.hellohireHostPatterns = patterns.filter(isHostPattern);
    else problems.push("hellohireHostPatterns must be a list of https://host/* patterns");
  }
  if (present("selectorOverrides")) {
    if (typeof raw.selectorOverrides === "object" && raw.selectorOverrides !== null)
      policy.selectorOverrides = raw.selectorOverrides;
    else problems.push("selectorOverrides must be an object");
  }
  if (present("jobByInterview")) {
    const mapping = parseJobMapping(raw.jobByInterview);
    if (mapping) policy.jobByInterview = mapping;
    else
      problems.push(
        "jobByInterview must map up to 500 distinct interview names to SmartRecruiters job IDs (letters, digits, _ and -)",
      );
  }
  if (present("candidateSource")) {
    const source = parseCandidateSource(raw.candidateSource);
    if (source) policy.candidateSource = source;
    else problems.push("candidateSource must be {sourceTypeId, sourceId} and optionally sourceSubTypeId, as texts");
  }
  for (const key of Object.keys(raw))
    if (!knownKeys.has(key)) problems.push(`${key} is not a setting of this extension (check the spelling)`);
  checkAuthCombination(policy, secrets, problems);
  return { policy, secrets, problems };
}

/**
 * The last policy read, secrets excepted; start-up uses it at once and never waits on storage.managed.
 * In the extension's IndexedDB: a page cannot unlock a setting or point an address elsewhere through it.
 */
export const cachedPolicy = protectedItem<PolicyReading>("policy.cache", { fallback: { policy: {}, problems: [] } });

/** The policy's secrets, in session storage: only the extension's own pages and worker can read it. */
export const cachedPolicySecrets = storage.defineItem<PolicySecrets | null>("session:policy.secrets", {
  fallback: null,
});

/** Re-reads managed storage (absent on browsers or machines without policy: then no policy). */
export async function refreshPolicy(): Promise<PolicyReading> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await browser.storage.managed.get()) as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const { secrets, ...reading } = parsePolicy(raw);
  await Promise.all([cachedPolicy.setValue(reading), cachedPolicySecrets.setValue(secrets)]);
  return reading;
}

/** The policy's secrets: the session copy, else a fresh read of managed storage. */
export async function policySecrets(): Promise<PolicySecrets> {
  const cached = await cachedPolicySecrets.getValue();
  if (cached) return cached;
  await refreshPolicy();
  return (await cachedPolicySecrets.getValue()) ?? {};
}
