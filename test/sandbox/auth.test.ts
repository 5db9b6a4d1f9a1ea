// @vitest-environment node

import { describe, expect, it } from "vitest";
import { SandboxControl } from "./control-client";
import {
  ALL_SCOPES,
  SANDBOX_API_KEY,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_READONLY_API_KEY,
  SANDBOX_SYSTEM_CLIENT_ID,
  SANDBOX_SYSTEM_CLIENT_SECRET,
} from "./credentials";
import { startSandbox } from "./server";
import {
  ANN_ID,
  authorizeCode,
  call,
  type ErrorBody,
  EXTENSION_REDIRECT,
  json,
  type TokenResponse,
  tokenRequest,
  useSandboxServer,
} from "./test-helpers";

const sandbox = useSandboxServer();

async function systemToken(): Promise<string> {
  const response = await tokenRequest(sandbox.url, {
    grant_type: "client_credentials",
    client_id: SANDBOX_SYSTEM_CLIENT_ID,
    client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
  });
  return (await json<TokenResponse>(response)).access_token;
}

describe("sandbox: credentials and startup", () => {
  it("exports 32-character API keys and the scopes", () => {
    expect(SANDBOX_API_KEY).toHaveLength(32);
    expect(SANDBOX_READONLY_API_KEY).toHaveLength(32);
    expect(SANDBOX_API_KEY).not.toBe(SANDBOX_READONLY_API_KEY);
    expect(SANDBOX_CLIENT_ID).toBe("sandbox-client");
    expect(SANDBOX_CLIENT_SECRET).toBe("sandbox-secret");
    expect(ALL_SCOPES).toEqual(["candidates_read", "candidates_create", "candidates_manage", "jobs_read", "user_me_read"]);
  });

  it("listens on 127.0.0.1 on the port it reports", () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it("reports two origins: the API (url === apiUrl) and the web app", async () => {
    const running = await startSandbox();
    try {
      expect(running.url).toBe(running.apiUrl);
      expect(running.apiUrl).toBe(`http://127.0.0.1:${running.port}`);
      expect(running.appUrl).toBe(`http://127.0.0.1:${running.appPort}`);
      expect(running.appPort).not.toBe(running.port);
      // One state behind both: the control API answers on each.
      await new SandboxControl(running.appUrl).addCandidate({
        id: "both",
        firstName: "A",
        lastName: "B",
        email: "a@example.com",
      });
      expect((await new SandboxControl(running.apiUrl).candidate("both"))?.id).toBe("both");
    } finally {
      await running.close();
    }
  });

  it("can run several sandboxes side by side, each with its own state", async () => {
    const other = await startSandbox();
    try {
      expect(other.port).not.toBe(sandbox.port);
      await new SandboxControl(other.url).setModes({ noApiAccess: 403 });
      expect((await call(sandbox.url, `/candidates/${ANN_ID}`)).status).toBe(200);
      expect((await call(other.url, `/candidates/${ANN_ID}`)).status).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe("sandbox: authentication", () => {
  it("answers 401 with SmartRecruiters' error body without credentials", async () => {
    const response = await call(sandbox.url, "/candidates", { key: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await json<ErrorBody>(response);
    expect(typeof body.message).toBe("string");
    expect(body.errors[0]?.code).toBe("UNAUTHORIZED");
    expect(typeof body.errors[0]?.message).toBe("string");
  });

  it("answers 401 for a wrong API key", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { key: "x".repeat(32) });
    expect(response.status).toBe(401);
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("UNAUTHORIZED");
  });

  it("accepts the API key in X-SmartToken", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`);
    expect(response.status).toBe(200);
    expect((await json<{ id: string }>(response)).id).toBe(ANN_ID);
  });

  it("accepts an OAuth access token as Authorization: Bearer", async () => {
    const token = await systemToken();
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { token });
    expect(response.status).toBe(200);
  });

  it("answers 401 with WWW-Authenticate for an unknown bearer token", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { token: "not-a-token" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("invalid_token");
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("UNAUTHORIZED");
  });

  it("does not take other Authorization schemes", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, {
      key: null,
      headers: { Authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
    });
    expect(response.status).toBe(401);
  });
});

describe("sandbox: scopes", () => {
  it("lets the read-only key read", async () => {
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { key: SANDBOX_READONLY_API_KEY })).status).toBe(200);
    expect((await call(sandbox.url, "/candidates?q=ann", { key: SANDBOX_READONLY_API_KEY })).status).toBe(200);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}/tags`, { key: SANDBOX_READONLY_API_KEY })).status).toBe(200);
  });

  it("answers 403 OAuthPermissionsException naming candidates_create on POST /candidates", async () => {
    const before = (await sandbox.control.candidates()).length;
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      key: SANDBOX_READONLY_API_KEY,
      json: { firstName: "New", lastName: "Person", email: "new.person@example.com" },
    });
    expect(response.status).toBe(403);
    const body = await json<ErrorBody>(response);
    expect(body.errors[0]?.code).toBe("OAuthPermissionsException");
    expect(body.message).toContain("candidates_create");
    expect((await sandbox.control.candidates()).length).toBe(before);
  });

  it("answers 403 naming candidates_manage on PATCH and tag writes, and changes nothing", async () => {
    const patch = await call(sandbox.url, `/candidates/${ANN_ID}`, {
      method: "PATCH",
      key: SANDBOX_READONLY_API_KEY,
      json: { firstName: "Anne" },
    });
    expect(patch.status).toBe(403);
    const patchBody = await json<ErrorBody>(patch);
    expect(patchBody.errors[0]?.code).toBe("OAuthPermissionsException");
    expect(patchBody.errors[0]?.message).toContain("candidates_manage");
    for (const method of ["POST", "PUT"]) {
      const tags = await call(sandbox.url, `/candidates/${ANN_ID}/tags`, {
        method,
        key: SANDBOX_READONLY_API_KEY,
        json: { tags: ["x"] },
      });
      expect(tags.status).toBe(403);
      expect((await json<ErrorBody>(tags)).message).toContain("candidates_manage");
    }
    const ann = await sandbox.control.candidate(ANN_ID);
    expect(ann?.firstName).toBe("Ann");
    expect(ann?.tags).toEqual([]);
  });

  it("gives the full-access key every scope and the read-only key candidates_read only", async () => {
    expect((await call(sandbox.url, "/jobs")).status).toBe(200);
    expect((await call(sandbox.url, "/user-api/v201804/users/me")).status).toBe(200);
    for (const path of ["/jobs", "/jobs/job-csr-1", "/user-api/v201804/users/me"]) {
      const response = await call(sandbox.url, path, { key: SANDBOX_READONLY_API_KEY });
      expect(response.status).toBe(403);
      expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("OAuthPermissionsException");
    }
    const forJob = await call(sandbox.url, "/jobs/job-csr-1/candidates", {
      method: "POST",
      key: SANDBOX_READONLY_API_KEY,
      json: { firstName: "A", lastName: "B", email: "a.b@example.com" },
    });
    expect(forJob.status).toBe(403);
    expect((await json<ErrorBody>(forJob)).message).toContain("candidates_create");
  });

  it("enforces the scopes granted to an OAuth token", async () => {
    const code = await authorizeCode(sandbox.appUrl, {
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: EXTENSION_REDIRECT,
      scope: "candidates_read candidates_manage",
      state: "s",
    });
    const tokens = await json<TokenResponse>(
      await tokenRequest(sandbox.url, {
        grant_type: "authorization_code",
        code,
        redirect_uri: EXTENSION_REDIRECT,
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
      }),
    );
    expect(tokens.scope).toBe("candidates_read candidates_manage");
    const token = tokens.access_token;
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token })).status).toBe(200);
    const tags = await call(sandbox.url, `/candidates/${ANN_ID}/tags`, {
      method: "POST",
      token,
      json: { tags: ["ok"] },
    });
    expect(tags.status).toBe(200);
    const create = await call(sandbox.url, "/candidates", {
      method: "POST",
      token,
      json: { firstName: "A", lastName: "B", email: "a.b@example.com" },
    });
    expect(create.status).toBe(403);
    expect((await json<ErrorBody>(create)).message).toContain("candidates_create");
  });
});

describe("sandbox: plan without API access", () => {
  const everyEndpoint = [
    ["GET", "/candidates?q=ann"],
    ["GET", `/candidates/${ANN_ID}`],
    ["GET", `/candidates/${ANN_ID}/tags`],
    ["GET", "/jobs?q=customer"],
    ["GET", "/jobs/job-csr-1"],
    ["GET", "/user-api/v201804/users/me"],
  ] as const;

  for (const status of [403, 401] as const) {
    it(`answers ${status} {"message":"No access to feature: Customer API"} to every API call in noApiAccess ${status}`, async () => {
      await sandbox.control.setModes({ noApiAccess: status });
      for (const [method, path] of everyEndpoint) {
        const response = await call(sandbox.url, path, { method });
        expect(response.status).toBe(status);
        expect(await response.json()).toEqual({ message: "No access to feature: Customer API" });
      }
      for (const path of ["/candidates", "/jobs/job-csr-1/candidates"]) {
        const create = await call(sandbox.url, path, {
          method: "POST",
          json: { firstName: "A", lastName: "B", email: "a.b@example.com" },
        });
        expect(create.status).toBe(status);
      }
      expect((await sandbox.control.candidates()).length).toBe(5);
      await sandbox.control.setModes({ noApiAccess: false });
      expect((await call(sandbox.url, `/candidates/${ANN_ID}`)).status).toBe(200);
    });
  }

  it("takes noApiAccess true as 403", async () => {
    expect((await sandbox.control.setModes({ noApiAccess: true })).noApiAccess).toBe(403);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`)).status).toBe(403);
  });

  it("still answers 401 to a request without credentials", async () => {
    await sandbox.control.setModes({ noApiAccess: 403 });
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { key: null });
    expect(response.status).toBe(401);
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("UNAUTHORIZED");
  });

  it("comes before the scope check", async () => {
    await sandbox.control.setModes({ noApiAccess: 403 });
    const response = await call(sandbox.url, "/jobs", { key: SANDBOX_READONLY_API_KEY });
    expect(await response.json()).toEqual({ message: "No access to feature: Customer API" });
  });
});

describe("sandbox: routing and CORS", () => {
  it("answers unknown routes with 404 in the error shape", async () => {
    for (const [method, path] of [
      ["GET", "/nothing-here"],
      ["DELETE", `/candidates/${ANN_ID}`],
      ["GET", `/candidates/${ANN_ID}/attachments`],
    ] as const) {
      const response = await call(sandbox.url, path, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      const body = await json<ErrorBody>(response);
      expect(body.errors[0]?.code).toBe("NOT_FOUND");
    }
  });

  it("answers preflights permissively for an extension origin", async () => {
    const response = await fetch(`${sandbox.url}/candidates/${ANN_ID}/tags`, {
      method: "OPTIONS",
      headers: {
        Origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "x-smarttoken, content-type, authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("chrome-extension://abcdefghijklmnopabcdefghijklmnop");
    expect(response.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(response.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-smarttoken");
  });

  it("exposes the rate-limit and Retry-After headers", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, { headers: { Origin: "chrome-extension://x" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("chrome-extension://x");
    const exposed = response.headers.get("access-control-expose-headers") ?? "";
    for (const name of [
      "X-RateLimit-Limit",
      "X-RateLimit-Remaining",
      "X-RateLimit-Concurrent-Limit",
      "X-RateLimit-Concurrent-Remaining",
      "Retry-After",
    ]) {
      expect(exposed).toContain(name);
    }
  });
});
