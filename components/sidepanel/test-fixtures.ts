import type { StateStorage } from "zustand/middleware";
import type {
  CandidateDetailsResponse,
  CandidateRecord,
  ConnectionStatus,
  LookupResponse,
  PageStatus,
} from "../../lib/messaging/protocol";
import { defaultEndpoints } from "../../lib/settings/settings";
import type { OutboxEntry } from "../../lib/sync/outbox";
import type { PanelBackend } from "./store";

/** Test data shared by the side panel's component tests. */

/** Ann as Hellohire shows her. */
export const annOnPage = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };

/** The active tab: Hellohire's one-on-one "CSR" interview with Ann. */
export const annInterview: PageStatus = { kind: "one-on-one", interviewName: "CSR", candidate: annOnPage };

/** Ann found in SmartRecruiters, rated yes by this browser. */
export const annFound: Extract<LookupResponse, { candidateId: string }> = {
  status: "found",
  candidateId: "cand-1",
  profileUrl: "https://sr.example/c/cand-1",
  rating: "yes",
};

/** The background's details of Ann in that interview: found (or as `match` says), with SmartRecruiters' record if given. */
export function annDetails(match: LookupResponse = annFound, record?: CandidateRecord): CandidateDetailsResponse {
  return { status: "ok", interviewName: "CSR", candidate: annOnPage, match, ...(record ? { record } : {}) };
}

/** A write SmartRecruiters refused for good (403), kept in the outbox with its reason. */
export function refusedWrite(change: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: "w1",
    candidateId: "cand-1",
    interviewName: "CSR",
    rating: "no",
    createdAt: 1,
    attempts: 1,
    nextAttemptAt: 1,
    state: "failed",
    lastError: { kind: "access-denied", message: "SmartRecruiters denied access." },
    ...change,
  };
}

/** What the background reports of the connection: connected with an API key of the interviewer's own, or not connected. */
export function connectionStatus(connected: boolean): ConnectionStatus {
  return {
    connected,
    method: connected ? "apiKey" : null,
    byOrganisation: false,
    userMayChoose: true,
    canSignIn: true,
    scopes: [],
    signInNeedsSecret: false,
    problem: null,
    endpoints: { ...defaultEndpoints },
    locked: [],
    account: null,
  };
}

/** A stand-in for the side panel's `localStorage` (its snapshot); `text` is what it holds. */
export function memoryStorage(initial: Record<string, string> = {}): StateStorage & { text(): string } {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => {
      items.set(name, value);
    },
    removeItem: (name) => {
      items.delete(name);
    },
    text: () => [...items.values()].join("\n"),
  };
}

/**
 * A side panel backend over `send` with nothing else to tell: the interviewer's settings on, nothing managed, no
 * policy problems, empty outbox and activity, no addresses to allow. Tests change what they need.
 */
export function quietBackend(send: PanelBackend["send"], change: Partial<PanelBackend> = {}): PanelBackend {
  return {
    send,
    readSettings: async () => ({ integrationEnabled: true, createAndUpdateCandidates: false }),
    managedSettings: async () => [],
    policyProblems: async () => [],
    writeSetting: async () => undefined,
    copyText: async () => undefined,
    readOutbox: async () => [],
    readActivity: async () => [],
    extensionId: "ojjencidapbffadplbcanpdemoboeflj",
    snapshotStorage: memoryStorage(),
    hostsToAllow: async () => [],
    allowHosts: async () => false,
    ...change,
  };
}
