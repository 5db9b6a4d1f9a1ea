import type { MarkupTable } from "../hellohire/markup";
import { jobTitleMaxLength } from "../hellohire/read-page";
import type { AuthMode } from "../settings/policy";
import type { Endpoints } from "../settings/settings";
import { isRecord } from "../shared/is-record";
import type { ApiErrorKind } from "../smartrecruiters/errors";
import type { JobChoice } from "../sync/job-for-interview";
import type { Person } from "../sync/match-candidate";
import type { OutboxEntry } from "../sync/outbox";
import { isRating, type Rating } from "../sync/rating-tag";

/** What the content script made of its page, for the side panel (no more candidate data than the page shows). */
export interface PageStatus {
  kind: "not-interview" | "other-format" | "waiting" | "unreadable" | "one-on-one" | "disabled";
  /** Table entries that matched nothing (kind "unreadable"). */
  missing?: string[];
  interviewName?: string;
  /** The job the interview is for, as the page shows it (kind "one-on-one"; null: the page shows none). */
  jobTitle?: string | null;
  candidate?: Person;
  /** The markup override was rejected for these reasons; the defaults are in use. */
  overrideProblems?: string[];
  /** Whose override was rejected: the organisation's (policy) or the interviewer's own set-up. */
  ignoredOverride?: "policy" | "user";
  /** Which reader read the page: the markup table (whose: see TableSource), or the reader by meaning. */
  reader?: TableSource | "meaning";
}

/** Whose markup table the content script uses: the defaults, the organisation's override, the interviewer's own. */
export type TableSource = "default" | "policy" | "user";
const readers = new Set<string>(["default", "policy", "user", "meaning"]);

/** A message with no fields besides its type. */
type NoFields = Record<never, never>;

/** The answer of a message that only says it was done. */
export type Done = { status: "ok" };

/** Messages a content script on a Hellohire page may send, each with the background's answer. */
export interface ContentProtocol {
  /** jobTitle: the interview's job as the page shows it (at most jobTitleMaxLength), null when it shows none. */
  lookup: { request: { interviewName: string; jobTitle: string | null; candidate: Person }; response: LookupResponse };
  /**
   * Rates the candidate the tab shows: accepted only for a person the background looked up for that
   * tab under its current interview name (the background knows their SmartRecruiters ID).
   */
  rate: { request: { interviewName: string; candidate: Person; rating: Rating | null }; response: RateResponse };
  prefetch: { request: { emails: string[] }; response: Done };
  pageConfig: { request: NoFields; response: PageConfig };
  pageStatus: { request: { status: PageStatus }; response: Done };
  /** The page is not one the markup table reads: the reader by meaning is injected into the sending frame. */
  loadMeaningReader: { request: NoFields; response: Done | Failure };
  /** "Set up this page" (the picker injected in the tab): the step the interviewer is at, or that they cancelled. */
  setupProgress: { request: { step: SetupStep | "cancelled" }; response: Done };
  /** "Set up this page": the selectors derived from the interviewer's clicks, saved as their own override for the site. */
  setupPicked: { request: { selectors: Record<string, string> }; response: Done | Failure };
}

/** The steps of "Set up this page": what the interviewer clicks on the page, in this order. */
export const setupSteps = ["name", "email", "firstName", "lastName", "interviewTitle", "jobTitle"] as const;
export type SetupStep = (typeof setupSteps)[number];

/** Messages only the extension's own pages (the side panel) may send, each with the background's answer. */
export interface PageProtocol {
  getStatus: { request: NoFields; response: StatusResponse };
  connectOAuth: { request: { endpoints: Partial<Endpoints> }; response: ConnectResponse };
  connectApiKey: { request: { apiKey: string; endpoints: Partial<Endpoints> }; response: ConnectResponse };
  disconnect: { request: NoFields; response: StatusResponse };
  activeTab: { request: NoFields; response: ActiveTabResponse };
  /** The active tab's candidate as SmartRecruiters has them (one API call: their tags, job and status). */
  candidateDetails: { request: NoFields; response: CandidateDetailsResponse };
  copyPageStructure: { request: NoFields; response: StructureResponse };
  outboxAction: { request: { id: string; action: "retry" | "discard" }; response: Done };
  /** Starts "Set up this page" in the active Hellohire tab (the picker is injected there). */
  startSetup: { request: NoFields; response: Done | Failure };
  /** "Use on this site": the content script also runs on this site (a match pattern the browser granted). */
  useOnSite: { request: { pattern: string }; response: Done | Failure };
  /** Forgets the interviewer's own set-up of the active tab's site. */
  removeSetup: { request: NoFields; response: Done | Failure };
}

/** Every message the background answers: its type, its fields, and the answer's type. */
export interface Protocol extends ContentProtocol, PageProtocol {}

/** Messages the background sends to the content script of a tab, each with the content script's answer. */
export interface TabProtocol {
  rateShortcut: { request: { rating: Rating }; response: Done };
  /** A setting or the policy changed: the content script asks `pageConfig` again. */
  configChanged: { request: NoFields; response: Done };
  /** The outbox changed: its entries for the candidates this tab was told about (at most maxPendingRatings). */
  outboxChanged: { request: { entries: PendingRating[] }; response: Done };
}

/** What a tab hears of a rating in the outbox: no idempotency key, no pending person data. */
export type PendingRating = Pick<OutboxEntry, "candidateId" | "interviewName" | "rating" | "state" | "lastError">;
export const maxPendingRatings = 100;

export type RequestType = keyof Protocol;
export type ContentRequestType = keyof ContentProtocol;
export type PageRequestType = keyof PageProtocol;
/** The message of type T (a union of messages for a union of types). */
export type RequestOf<T extends RequestType = RequestType> = { [P in T]: { type: P } & Protocol[P]["request"] }[T];
/** What the background's handler of T answers. */
export type ResponseOf<T extends RequestType> = Protocol[T]["response"];
/** What the sender of T receives: the handler's answer, or the background's refusal (unknown sender, malformed, failed). */
export type AnswerOf<T extends RequestType> = ResponseOf<T> | Failure;

export type ContentRequest = RequestOf<ContentRequestType>;
export type PageRequest = RequestOf<PageRequestType>;
export type Request = RequestOf;

export type TabCommandType = keyof TabProtocol;
export type TabCommandOf<T extends TabCommandType = TabCommandType> = { [P in T]: { type: P } & TabProtocol[P]["request"] }[T];
export type TabResponseOf<T extends TabCommandType> = TabProtocol[T]["response"];
export type TabCommand = TabCommandOf;

/** Sends a message of one of the types K to the background; the answer's type follows the message's. */
export type SendMessage<K extends RequestType = RequestType> = <T extends K>(request: RequestOf<T>) => Promise<AnswerOf<T>>;
/** Sends a command to a tab's content script; the answer's type follows the command's. */
export type SendTabCommand = <T extends TabCommandType>(tabId: number, command: TabCommandOf<T>) => Promise<TabResponseOf<T>>;
/** The content script's answer to each command: one handler per command type, its answer typed by the command. */
export type TabCommandHandlers = { [T in TabCommandType]: (command: TabCommandOf<T>) => TabResponseOf<T> };

export interface PageConfig {
  status: "ok";
  enabled: boolean;
  /**
   * The table to read the page with: the defaults with the override on top, checked by the background
   * (lib/hellohire/markup-override.ts) but for selector syntax, which takes a DOM: the content script checks that
   * (lib/hellohire/selector-syntax.ts). null: the defaults, also when the override was refused. The override is the
   * organisation's selectorOverrides when policy sets them, else the interviewer's own for this site (Set up this page).
   */
  markup: MarkupTable | null;
  /** Whose override there is (null: none, the defaults). */
  overrideSource: "policy" | "user" | null;
  /** Why the background refused that override (the defaults are used): every problem, named. */
  overrideProblems?: string[];
}

export type Failure = { status: "error"; kind: ApiErrorKind | "invalid-request" | "forbidden"; message: string };

export type LookupResponse =
  | { status: "disabled" }
  | {
      status: "found" | "created" | "first-name-updated";
      candidateId: string;
      profileUrl: string;
      rating: Rating | null;
      /** A rating of this browser still in the outbox: queued (retrying) or failed for good. */
      outbox?: { state: "queued" | "failed"; rating: Rating | null; reason: string };
      /** For a candidate just created: the interview's job they applied to, or why they went to the talent pool. */
      job?: JobChoice;
      /** Hellohire shows another first name: the interviewer's next rating updates it (create-and-update). */
      renameDue?: true;
    }
  /** createAndUpdate: the interviewer's first rating will create them (the setting is on and the sign-in may). */
  | { status: "not-found"; createAndUpdate: boolean }
  | { status: "no-email" }
  /** In SmartRecruiters but not findable by search: talent pool only, or a talent-pool create not confirmed. */
  | { status: "hidden"; cause: "talent-pool" | "unconfirmed"; job: JobChoice }
  | Failure;

/**
 * The rating followed its candidate to another ID (created for it, merged in SmartRecruiters, or
 * created again after a delete). profileUrl null: a placeholder the page tracks until the candidate is created.
 */
export interface MovedCandidate {
  candidateId: string;
  profileUrl: string | null;
}

export type RateResponse =
  | { status: "saved"; rating: Rating | null; moved?: MovedCandidate }
  /** Stored in the outbox and retried automatically: the reason says why it is not sent yet. */
  | { status: "queued"; rating: Rating | null; reason: string; moved?: MovedCandidate }
  | Failure;

export interface ConnectionStatus {
  connected: boolean;
  method: AuthMode | null;
  /** The organisation's credential from policy: "Connected by your organisation", no connect/disconnect. */
  byOrganisation: boolean;
  /** No policy sign-in method: the interviewer may also use an API key of their own. */
  userMayChoose: boolean;
  /** "Connect to SmartRecruiters" (OAuth) can work: a client ID is known. */
  canSignIn: boolean;
  /** Scopes SmartRecruiters granted to the user's sign-in. */
  scopes: string[];
  /**
   * OAuth sign-in would send the code to SmartRecruiters' own token URL with no client secret, which
   * SmartRecruiters documents as required: it needs the organisation's token endpoint or a policy secret.
   */
  signInNeedsSecret: boolean;
  /** The last authentication problem and who fixes it. */
  problem: { message: string; fix: "reconnect" | "admin" } | null;
  endpoints: Endpoints;
  /** Endpoint settings the organisation's policy sets. */
  locked: (keyof Endpoints)[];
  /** Who the interviewer's own connection belongs to, once SmartRecruiters has said (null: not known). */
  account: { name: string; email: string | null } | null;
}

export type StatusResponse = { status: "ok"; connection: ConnectionStatus };
export type ConnectResponse = { status: "ok" | "cancelled"; connection: ConnectionStatus } | Failure;

export interface CandidateRecord {
  tags: string[];
  jobTitle: string | null;
  jobStatus: string | null;
}

export type CandidateDetailsResponse =
  | { status: "no-candidate" }
  | {
      status: "ok";
      interviewName: string;
      candidate: Person;
      match: LookupResponse;
      /** What SmartRecruiters holds now; absent when the candidate is not matched or the read failed. */
      record?: CandidateRecord;
      recordError?: string;
    };

/** The interviewer's own set-up of the active tab's site, and where "Set up this page" is at there. */
export interface TabSetup {
  origin: string;
  /** The saved override (null: none saved for this site). */
  selectors: Record<string, string> | null;
  /** Whether the site is an address the extension knows (else an admin's policy must add it: hellohireHostPatterns). */
  knownSite: boolean;
  /** The picker's step in this tab (null: not running). */
  picking: SetupStep | null;
  /** The organisation sets selectorOverrides: they are used here, whatever the interviewer sets up. */
  policyOverride?: boolean;
}

export type ActiveTabResponse = { status: "ok"; page: PageStatus | null; setup?: TabSetup | null };
export type StructureResponse = { status: "ok"; structure: string } | Failure;

const contentTypes: Record<ContentRequestType, true> = {
  lookup: true,
  rate: true,
  prefetch: true,
  pageConfig: true,
  pageStatus: true,
  setupProgress: true,
  setupPicked: true,
  loadMeaningReader: true,
};
const pageKinds = new Set<string>(["not-interview", "other-format", "waiting", "unreadable", "one-on-one", "disabled"]);

function isText(value: unknown, max = 500): value is string {
  return typeof value === "string" && value.length <= max;
}

function isPerson(value: unknown): value is Person {
  return (
    isRecord(value) && isText(value.firstName) && isText(value.lastName) && (value.email === null || isText(value.email, 320))
  );
}

function isTextList(value: unknown, maxItems: number): value is string[] {
  return Array.isArray(value) && value.length <= maxItems && value.every((item) => isText(item));
}

function isPageStatus(value: unknown): value is PageStatus {
  return (
    isRecord(value) &&
    typeof value.kind === "string" &&
    pageKinds.has(value.kind) &&
    (value.missing === undefined || isTextList(value.missing, 30)) &&
    (value.interviewName === undefined || isText(value.interviewName)) &&
    (value.jobTitle === undefined || value.jobTitle === null || isText(value.jobTitle, jobTitleMaxLength)) &&
    (value.candidate === undefined || isPerson(value.candidate)) &&
    (value.overrideProblems === undefined || isTextList(value.overrideProblems, 50)) &&
    (value.ignoredOverride === undefined || value.ignoredOverride === "policy" || value.ignoredOverride === "user") &&
    (value.reader === undefined || (typeof value.reader === "string" && readers.has(value.reader)))
  );
}

export function isSetupStep(value: unknown): value is SetupStep {
  return setupSteps.some((step) => step === value);
}

function isSelectorMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.keys(value).length <= 30 && Object.values(value).every((selector) => isText(selector, 2000));
}

const endpointNames = new Set(["apiBaseUrl", "profileUrlTemplate", "authorizeUrl", "tokenUrl", "clientId"]);

function isEndpointChoice(value: unknown): value is Partial<Endpoints> {
  return isRecord(value) && Object.entries(value).every(([key, text]) => endpointNames.has(key) && isText(text, 2000));
}

/** Checks a message's shape; anything else is refused before it reaches a handler. */
export function parseRequest(value: unknown): Request | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case "lookup": {
      // An older content script sends no jobTitle: no job known.
      const jobTitle = value.jobTitle ?? null;
      return isText(value.interviewName) &&
        isPerson(value.candidate) &&
        (jobTitle === null || isText(jobTitle, jobTitleMaxLength))
        ? { type: "lookup", interviewName: value.interviewName, jobTitle, candidate: value.candidate }
        : null;
    }
    case "rate":
      return isText(value.interviewName) && isPerson(value.candidate) && (value.rating === null || isRating(value.rating))
        ? { type: "rate", interviewName: value.interviewName, candidate: value.candidate, rating: value.rating }
        : null;
    case "prefetch":
      return isTextList(value.emails, 20) ? { type: "prefetch", emails: value.emails } : null;
    case "pageStatus":
      return isPageStatus(value.status) ? { type: "pageStatus", status: value.status } : null;
    case "setupProgress":
      return value.step === "cancelled" || isSetupStep(value.step) ? { type: "setupProgress", step: value.step } : null;
    case "setupPicked":
      return isSelectorMap(value.selectors) ? { type: "setupPicked", selectors: value.selectors } : null;
    case "useOnSite":
      return isText(value.pattern, 300) ? { type: "useOnSite", pattern: value.pattern } : null;
    case "outboxAction":
      return isText(value.id, 100) && (value.action === "retry" || value.action === "discard")
        ? { type: "outboxAction", id: value.id, action: value.action }
        : null;
    case "pageConfig":
    case "getStatus":
    case "disconnect":
    case "activeTab":
    case "candidateDetails":
    case "copyPageStructure":
    case "startSetup":
    case "removeSetup":
    case "loadMeaningReader":
      return { type: value.type };
    case "connectOAuth":
      return isEndpointChoice(value.endpoints) ? { type: "connectOAuth", endpoints: value.endpoints } : null;
    case "connectApiKey":
      return isText(value.apiKey) && isEndpointChoice(value.endpoints)
        ? { type: "connectApiKey", apiKey: value.apiKey, endpoints: value.endpoints }
        : null;
    default:
      return null;
  }
}

export function isContentRequest(request: Request): request is ContentRequest {
  return Object.hasOwn(contentTypes, request.type);
}

/** Checks a command the content script received; anything else is ignored. */
export function parseTabCommand(value: unknown): TabCommand | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case "rateShortcut":
      return isRating(value.rating) ? { type: "rateShortcut", rating: value.rating } : null;
    case "configChanged":
      return { type: value.type };
    case "outboxChanged":
      return Array.isArray(value.entries) && value.entries.length <= maxPendingRatings && value.entries.every(isPendingRating)
        ? { type: "outboxChanged", entries: value.entries }
        : null;
    default:
      return null;
  }
}

const failureKinds: Record<Failure["kind"], true> = {
  "not-connected": true,
  "access-denied": true,
  "no-api-access": true,
  "not-found": true,
  conflict: true,
  "bad-request": true,
  "rate-limited": true,
  "server-error": true,
  offline: true,
  "invalid-response": true,
  "invalid-request": true,
  forbidden: true,
};
const pendingStates = new Set<unknown>(["pending", "waiting-for-connection", "failed"] satisfies OutboxEntry["state"][]);

function isFailureKind(value: unknown): value is Failure["kind"] {
  return typeof value === "string" && Object.hasOwn(failureKinds, value);
}

function isPendingRating(value: unknown): value is PendingRating {
  if (!isRecord(value)) return false;
  const { lastError } = value;
  return (
    isText(value.candidateId, 200) &&
    isText(value.interviewName) &&
    (value.rating === null || isRating(value.rating)) &&
    pendingStates.has(value.state) &&
    (lastError === undefined || (isRecord(lastError) && isFailureKind(lastError.kind) && isText(lastError.message, 2000)))
  );
}
