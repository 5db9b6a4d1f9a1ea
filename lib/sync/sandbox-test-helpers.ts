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
import { createClient, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";

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
