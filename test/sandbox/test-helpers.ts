import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { SandboxControl } from "./control-client";
import { SANDBOX_API_KEY, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "./credentials";
import { type RunningSandbox, startSandbox } from "./server";

/** Helpers shared by the sandbox's own tests. */

export const ANN_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000001";
export const ANN_DECOY_ORG_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000002";
export const ANNABEL_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000003";
export const JOSE_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000004";
export const MARY_ID = "3f1c2b7e-0a1d-4c1e-9a51-000000000005";

export const EXTENSION_REDIRECT = "https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/callback";

export interface CallOptions {
  method?: string;
  /** X-SmartToken; default the full-access key. null: no X-SmartToken. */
  key?: string | null;
  /** Authorization: Bearer (wins over the key). */
  token?: string;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export function call(base: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) {
    headers.Authorization = `Bearer ${options.token}`;
  } else if (options.key !== null) {
    headers["X-SmartToken"] = options.key ?? SANDBOX_API_KEY;
  }
  const init: RequestInit = { method: options.method ?? "GET", headers };
  if (options.json !== undefined) {
    headers["Content-Type"] ??= "application/json";
    init.body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    init.body = options.body;
  }
  return fetch(`${base}${path}`, init);
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorBody {
  message: string;
  errors: { code: string; message: string }[];
}

export interface OAuthError {
  error: string;
  error_description: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

export interface SearchBody {
  limit: number;
  /** Only with mode offsetPaging. */
  offset?: number;
  nextPageId?: string;
  totalFound: number;
  content: {
    id: string;
    firstName: string;
    lastName: string;
    email: string;
    tags: string[];
    createdOn: string;
    updatedOn: string;
    primaryAssignment?: { job: { id: string; title: string }; status: string };
    actions: { details: { url: string; method: string } };
  }[];
}

export interface DetailsBody {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  tags: string[];
  createdOn: string;
  updatedOn: string;
  primaryAssignment?: { job: { id: string; title: string }; status: string };
  actions: Record<string, { url: string; method: string }>;
}

export function searchPath(q: string, extra: Record<string, string> = {}): string {
  return `/candidates?${new URLSearchParams({ q, ...extra }).toString()}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(base: string, params: Record<string, string>): string {
  return `${base}/identity/oauth/allow?${new URLSearchParams(params).toString()}`;
}

/** GET the authorize URL without following the redirect. */
export function authorize(base: string, params: Record<string, string>): Promise<Response> {
  return fetch(authorizeUrl(base, params), { redirect: "manual" });
}

export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get("location");
  if (location === null) {
    throw new Error(`No Location header (status ${response.status})`);
  }
  return new URL(location).searchParams;
}

export async function authorizeCode(base: string, params: Record<string, string>): Promise<string> {
  const response = await authorize(base, params);
  const code = redirectParams(response).get("code");
  if (code === null) {
    throw new Error(`No code in ${response.headers.get("location") ?? ""}`);
  }
  return code;
}

export function tokenRequest(
  base: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/identity/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface JobsBody {
  limit: number;
  nextPageId?: string;
  totalFound: number;
  content: {
    id: string;
    title: string;
    refNumber: string;
    status: string;
    createdOn: string;
    actions: { details: { url: string } };
  }[];
}

/** A token for the authorization-code client with these scopes (client secret, no PKCE). */
export async function codeTokens(sandbox: SandboxForTests, scope: string): Promise<TokenResponse> {
  const code = await authorizeCode(sandbox.appUrl, {
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: EXTENSION_REDIRECT,
    scope,
    state: "s",
  });
  const response = await tokenRequest(sandbox.url, {
    grant_type: "authorization_code",
    code,
    redirect_uri: EXTENSION_REDIRECT,
    client_id: SANDBOX_CLIENT_ID,
    client_secret: SANDBOX_CLIENT_SECRET,
  });
  if (response.status !== 200) {
    throw new Error(`Token exchange failed with ${response.status}: ${await response.text()}`);
  }
  return json<TokenResponse>(response);
}

export interface SandboxForTests {
  /** The API origin. */
  readonly url: string;
  /** The web-app origin (authorization and profile pages). */
  readonly appUrl: string;
  readonly port: number;
  readonly control: SandboxControl;
}

/** One sandbox for the calling test file: started before its tests, reset before each, closed after them. */
export function useSandboxServer(): SandboxForTests {
  let running: RunningSandbox | undefined;
  let control: SandboxControl | undefined;
  beforeAll(async () => {
    running = await startSandbox();
    control = new SandboxControl(running.url);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await control?.reset();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The sandbox is not started: call useSandboxServer() at the top of a test file.");
    return value;
  };
  return {
    get url() {
      return started(running).url;
    },
    get appUrl() {
      return started(running).appUrl;
    },
    get port() {
      return started(running).port;
    },
    get control() {
      return started(control);
    },
  };
}
