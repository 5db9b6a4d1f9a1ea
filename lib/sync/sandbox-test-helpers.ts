/**
 * Test-only helpers for the *.sandbox.test.ts files: one SmartRecruiters sandbox per test file
 * (started in beforeAll, reset before each test), typed clients on it, and request-log queries.
 * Never imported by product code.
 */
import { beforeEach } from "vitest";
import type { SandboxControl } from "../../test/sandbox/control-client";
import { SANDBOX_API_KEY } from "../../test/sandbox/credentials";
import { useSandboxServer } from "../../test/sandbox/test-helpers";
import type { RequestLogEntry, SandboxModes } from "../../test/sandbox/types";
import type { LookupResponse, RateResponse } from "../messaging/protocol";
import { createClient, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";
import type { Person } from "./match-candidate";
import type { Rating } from "./rating-tag";
import type { SyncService } from "./service";

/** Seed candidate IDs (test/shared/people.ts). */
export { ANN_DECOY_ORG_ID, ANN_ID, ANNABEL_ID, JOSE_ID, MARY_ID } from "../../test/sandbox/test-helpers";

export interface SandboxHandle {
  /** The API origin. */
  readonly url: string;
  /** The sign-in, token and profile pages' origin. */
  readonly appUrl: string;
  readonly control: SandboxControl;
  /** A real client on the sandbox (full-access API key unless told otherwise). */
  client(apiKey?: string): SmartRecruitersClient;
  /** The API requests the sandbox logged (/candidates*, /jobs*), oldest first. */
  apiRequests(): Promise<RequestLogEntry[]>;
  /** Logged writes (POST / PUT / PATCH / DELETE) on /candidates* and /jobs*. */
  writes(): Promise<RequestLogEntry[]>;
}

/**
 * Starts one sandbox for the calling test file and resets it before each test. `modes` are applied
 * after every reset (e.g. `{ rateLimits: false }` for tests that are not about rate limits).
 */
export function useSandbox(modes: Partial<SandboxModes> = {}): SandboxHandle {
  const sandbox = useSandboxServer();
  beforeEach(async () => {
    if (Object.keys(modes).length > 0) await sandbox.control.setModes(modes);
  });

  const apiRequests = async () =>
    (await sandbox.control.requests()).filter((entry) => /^\/(candidates|jobs)(\/|$)/u.test(entry.path));

  return {
    get url() {
      return sandbox.url;
    },
    get appUrl() {
      return sandbox.appUrl;
    },
    get control() {
      return sandbox.control;
    },
    client: (apiKey = SANDBOX_API_KEY) => createClient({ apiBaseUrl: sandbox.url, credential: { kind: "apiKey", apiKey } }),
    apiRequests,
    writes: async () => (await apiRequests()).filter((entry) => entry.method !== "GET"),
  };
}

/** The SmartRecruitersError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function apiError(promise: Promise<unknown>): Promise<SmartRecruitersError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SmartRecruitersError) return error;
    throw new Error(`Expected a SmartRecruitersError, got: ${String(error)}`);
  }
  throw new Error("Expected the call to fail with a SmartRecruitersError, but it succeeded.");
}

/**
 * A tab as the background's router serves it (lib/background/router.ts): lookups find only; a
 * rating carries the candidate the lookup found, and asks to create or rename first when the
 * lookup said so (create-and-update); a placeholder from a queued create is rated again as itself.
 */
export function asTab(sync: Pick<SyncService, "lookup" | "rate">) {
  const known = new Map<string, { candidateId: string | null; needsMatch: boolean }>();
  const key = (interviewName: string, person: Person) =>
    JSON.stringify([interviewName.toLowerCase(), person.email?.toLowerCase(), person.lastName, person.firstName]);
  return {
    async lookup(interviewName: string, person: Person, jobTitle: string | null): Promise<LookupResponse> {
      const answer = await sync.lookup(interviewName, person, jobTitle);
      const before = known.get(key(interviewName, person));
      if ("candidateId" in answer)
        known.set(key(interviewName, person), { candidateId: answer.candidateId, needsMatch: answer.renameDue === true });
      else if (answer.status === "not-found")
        known.set(key(interviewName, person), { candidateId: before?.candidateId ?? null, needsMatch: answer.createAndUpdate });
      return answer;
    },
    async rate(interviewName: string, person: Person, jobTitle: string | null, rating: Rating | null): Promise<RateResponse> {
      const state = known.get(key(interviewName, person)) ?? { candidateId: null, needsMatch: false };
      const match = state.needsMatch ? { person, jobTitle } : null;
      const answer = await sync.rate({ candidateId: state.candidateId, interviewName, rating, match });
      if (answer.status !== "error" && answer.moved)
        known.set(key(interviewName, person), {
          candidateId: answer.moved.candidateId,
          needsMatch: answer.moved.profileUrl === null,
        });
      return answer;
    },
  };
}
