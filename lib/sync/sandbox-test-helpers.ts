/**
 * Test-only helpers for the *.sandbox.test.ts files: one SmartRecruiters sandbox per test file
 * (started in beforeAll, reset before each test), typed clients on it, and request-log queries.
 * Never imported by product code.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { SandboxControl } from "../../test/sandbox/control-client";
import { SANDBOX_API_KEY } from "../../test/sandbox/credentials";
import { type RunningSandbox, startSandbox } from "../../test/sandbox/server";
import type { RequestLogEntry, SandboxModes } from "../../test/sandbox/types";
import { createClient, type SmartRecruitersClient } from "../smartrecruiters/client";
import { SmartRecruitersError } from "../smartrecruiters/errors";

/** Seed candidate IDs (test/shared/people.ts). */
export const ANN_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000001";
export const ANN_DECOY_ORG_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000002";
export const ANNABEL_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000003";
export const JOSE_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000004";
export const MARY_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000005";

export interface SandboxHandle {
  readonly url: string;
  readonly control: SandboxControl;
  /** A real client on the sandbox (full-access API key unless told otherwise). */
  client(apiKey?: string): SmartRecruitersClient;
  /** The API requests the sandbox logged (/candidates*), oldest first. */
  apiRequests(): Promise<RequestLogEntry[]>;
  /** Logged POST / PUT / PATCH requests on /candidates*. */
  writes(): Promise<RequestLogEntry[]>;
}

/**
 * Starts one sandbox for the calling test file and resets it before each test. `modes` are applied
 * after every reset (e.g. `{ rateLimits: false }` for tests that are not about rate limits).
 */
export function useSandbox(modes: Partial<SandboxModes> = {}): SandboxHandle {
  let running: RunningSandbox | undefined;
  let control: SandboxControl | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The sandbox is not started (use useSandbox() at the top of the file).");
    return value;
  };

  beforeAll(async () => {
    running = await startSandbox();
    control = new SandboxControl(running.url);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await need(control).reset();
    if (Object.keys(modes).length > 0) await need(control).setModes(modes);
  });

  const apiRequests = async () =>
    (await need(control).requests()).filter((entry) => entry.path === "/candidates" || entry.path.startsWith("/candidates/"));

  return {
    get url() {
      return need(running).url;
    },
    get control() {
      return need(control);
    },
    client: (apiKey = SANDBOX_API_KEY) => createClient({ apiBaseUrl: need(running).url, credential: { kind: "apiKey", apiKey } }),
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
