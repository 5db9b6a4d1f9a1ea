// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SANDBOX_API_KEY,
  SANDBOX_READONLY_API_KEY,
  SANDBOX_SYSTEM_CLIENT_ID,
  SANDBOX_SYSTEM_CLIENT_SECRET,
} from "../../test/sandbox/credentials";
import { ANN_DECOY_ORG_ID, ANN_ID, ANNABEL_ID, apiError, JOSE_ID, MARY_ID, useSandbox } from "../sync/sandbox-test-helpers";
import { createClient, emailQuery } from "./client";
import { SmartRecruitersError } from "./errors";
import type { RateLimiter } from "./rate-limiter";

const sandbox = useSandbox();

/** No client-side pacing: lets a test meet the sandbox's limits and see how a 429 is reported. */
const unpaced: RateLimiter = { run: (_kind, call) => call(), observe: () => undefined };
const unpacedClient = (apiBaseUrl = sandbox.url) =>
  createClient({ apiBaseUrl, credential: { kind: "apiKey", apiKey: SANDBOX_API_KEY }, limiter: unpaced });

describe("client on the sandbox: endpoints", () => {
  it("searches with the quoted email and gets SmartRecruiters' fuzzy results (decoys included)", async () => {
    const results = (await sandbox.client().searchCandidates(emailQuery(" ann.oneil@example.com "))).candidates;
    const ids = results.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ANN_ID, ANNABEL_ID, ANN_DECOY_ORG_ID]));
    expect(results.find((c) => c.id === ANN_ID)).toMatchObject({
      firstName: "Ann",
      lastName: "O'Neil",
      email: "ann.oneil@example.com",
      tags: [],
      createdOn: expect.any(String),
    });
    const [search] = await sandbox.apiRequests();
    expect(search).toMatchObject({ method: "GET", path: "/candidates", credential: "apikey", status: 200 });
    expect(search?.query).toEqual({ q: '"ann.oneil@example.com"', limit: "100" });
  });

  it("gets one candidate", async () => {
    expect(await sandbox.client().getCandidate(JOSE_ID)).toMatchObject({
      id: JOSE_ID,
      firstName: "José",
      lastName: "Álvarez-Núñez",
      email: "Jose.Alvarez@Example.com",
      tags: ["bilingual", "hellohire - warehouse - maybe"],
    });
  });

  it("creates a candidate (201) that the sandbox then holds", async () => {
    const created = await sandbox.client().createCandidate({ firstName: "Li", lastName: "Wei", email: "li.wei@example.com" });
    expect(created).toMatchObject({ firstName: "Li", lastName: "Wei", email: "li.wei@example.com", tags: [] });
    expect(await sandbox.control.candidate(created.id)).toMatchObject({ lastName: "Wei", hasApplication: false });
    expect((await sandbox.apiRequests()).map((r) => [r.method, r.status])).toEqual([["POST", 201]]);
  });

  it("maps a 400 on create to bad-request naming the field", async () => {
    const error = await apiError(sandbox.client().createCandidate({ firstName: "Li", lastName: "Wei", email: "not-an-email" }));
    expect(error).toMatchObject({ kind: "bad-request", status: 400 });
    expect(error.message).toContain("email: is not a valid email address");
    expect(error.transient).toBe(false);
  });

  it("maps a 409 on create of an existing email + last name to conflict", async () => {
    const error = await apiError(
      sandbox.client().createCandidate({ firstName: "Ann", lastName: "O'Neil", email: "ANN.ONEIL@example.com" }),
    );
    expect(error).toMatchObject({ kind: "conflict", status: 409 });
    expect(error.message).toContain("already exists");
  });

  it("updates a candidate (PATCH 200)", async () => {
    const updated = await sandbox.client().updateCandidate(MARY_ID, { firstName: "Mary Jane" });
    expect(updated).toMatchObject({ id: MARY_ID, firstName: "Mary Jane", lastName: "van der Berg" });
    expect((await sandbox.control.candidate(MARY_ID))?.firstName).toBe("Mary Jane");
  });

  it("maps a 409 on PATCH (would clash with another candidate) to conflict", async () => {
    const error = await apiError(sandbox.client().updateCandidate(ANNABEL_ID, { lastName: "O'Neil" }));
    expect(error).toMatchObject({ kind: "conflict", status: 409 });
    expect((await sandbox.control.candidate(ANNABEL_ID))?.lastName).toBe("Smith");
  });

  it("maps a 404 to not-found", async () => {
    const client = sandbox.client();
    const missing = "no-such-candidate";
    for (const call of [
      client.getCandidate(missing),
      client.getTags(missing),
      client.updateCandidate(missing, { firstName: "X" }),
    ]) {
      const error = await apiError(call);
      expect(error).toMatchObject({ kind: "not-found", status: 404 });
      expect(error.message).toContain("Candidate not found");
    }
  });

  it("maps a 400 on search (limit out of range) to bad-request", async () => {
    const error = await apiError(sandbox.client().searchCandidates('"a@example.com"', { limit: 0 }));
    expect(error).toMatchObject({ kind: "bad-request", status: 400 });
    expect(error.message).toContain("limit must be an integer");
  });

  it("gets, adds, replaces and deletes tags", async () => {
    const client = sandbox.client();
    expect(await client.getTags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    await client.addTags(JOSE_ID, ["hellohire - csr - yes"]);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", "hellohire - csr - yes"]);
    await client.replaceTags(JOSE_ID, ["bilingual"]);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual"]);
    await client.deleteTags(JOSE_ID);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual([]);
  });

  it("reads who the credential belongs to; a refusal is access-denied", async () => {
    expect(await sandbox.client().currentUser()).toEqual({
      firstName: "Sam",
      lastName: "Rivera",
      email: "sam.rivera@sandbox.example",
    });
    await sandbox.control.setModes({ usersMe: "forbidden" });
    await expect(sandbox.client().currentUser()).rejects.toMatchObject({ kind: "access-denied", status: 403 });
  });

  it("signs in with a Bearer token too (client_credentials), and a revoked token is not-connected", async () => {
    const response = await fetch(`${sandbox.url}/identity/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: SANDBOX_SYSTEM_CLIENT_ID,
        client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
      }).toString(),
    });
    const { access_token: accessToken } = (await response.json()) as { access_token: string };
    const client = createClient({ apiBaseUrl: `${sandbox.url}/`, credential: { kind: "bearer", accessToken } });
    expect((await client.getCandidate(ANN_ID)).id).toBe(ANN_ID);
    await sandbox.control.revoke();
    const error = await apiError(client.getCandidate(ANN_ID));
    expect(error).toMatchObject({ kind: "not-connected", status: 401 });
    expect(error.message).toContain("revoked");
  });
});

describe("client on the sandbox: error mapping", () => {
  it("401 with a bad key → not-connected", async () => {
    const error = await apiError(sandbox.client("thisIsNotAValidKey0123456789abcd").searchCandidates('"x@example.com"'));
    expect(error).toMatchObject({ kind: "not-connected", status: 401 });
    expect(error.message).toContain("Invalid API key");
    expect(error.transient).toBe(false);
  });

  it("403 on a write with the read-only key → access-denied naming the missing scope", async () => {
    const readOnly = sandbox.client(SANDBOX_READONLY_API_KEY);
    expect(await readOnly.getTags(ANN_ID)).toEqual([]);
    const error = await apiError(readOnly.addTags(ANN_ID, ["hellohire - csr - yes"]));
    expect(error).toMatchObject({ kind: "access-denied", status: 403 });
    expect(error.message).toContain("candidates_manage");
    const create = await apiError(readOnly.createCandidate({ firstName: "Li", lastName: "Wei", email: "li.wei@example.com" }));
    expect(create).toMatchObject({ kind: "access-denied", status: 403 });
    expect(create.message).toContain("candidates_create");
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);
  });

  it("403 from a plan without API access → no-api-access", async () => {
    await sandbox.control.setModes({ noApiAccess: true });
    const error = await apiError(sandbox.client().searchCandidates('"x@example.com"'));
    expect(error).toMatchObject({ kind: "no-api-access", status: 403 });
    expect(error.message).toContain("does not include API access");
  });

  it("429 from the sandbox's own rate limit → rate-limited (no Retry-After sent, so none reported)", async () => {
    const client = unpacedClient();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 11; i++) outcomes.push(await client.getTags(ANN_ID).catch((error: unknown) => error));
    expect(outcomes.slice(0, 10).every(Array.isArray)).toBe(true);
    const limited = outcomes.at(-1);
    expect(limited).toBeInstanceOf(SmartRecruitersError);
    expect(limited).toMatchObject({ kind: "rate-limited", status: 429, retryAfterMs: undefined, transient: true });
    const statuses = (await sandbox.apiRequests()).map((r) => r.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
  });

  it("429 from the sandbox's one-search-at-a-time limit → rate-limited", async () => {
    await sandbox.control.setFaults({ latencyMs: 150 });
    const client = unpacedClient();
    const [first, second] = await Promise.allSettled([
      client.searchCandidates('"a@example.com"'),
      client.searchCandidates('"b@example.com"'),
    ]);
    expect(first?.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: { kind: "rate-limited", status: 429 } });
  });

  it("injected 429s with Retry-After → rate-limited with retryAfterMs (after the client's own resends)", async () => {
    await sandbox.control.setFaults({ nextErrors: [429, 429, 429, 429, 429, 429] });
    const error = await apiError(unpacedClient().getCandidate(ANN_ID));
    expect(error).toMatchObject({ kind: "rate-limited", status: 429, retryAfterMs: 1000 });
    const log = await sandbox.apiRequests();
    expect(log.length).toBeGreaterThanOrEqual(1);
    expect(log.every((r) => r.status === 429 && r.fault === "error")).toBe(true);
  });

  it("the default client paces itself: the same 11 quick calls meet no 429 from the sandbox", async () => {
    const client = sandbox.client();
    await Promise.all(Array.from({ length: 11 }, () => client.getTags(ANN_ID)));
    expect((await sandbox.apiRequests()).map((r) => r.status)).toEqual(Array(11).fill(200));
  });

  it.each([500, 502, 503, 504])("injected %i → server-error (transient)", async (status) => {
    await sandbox.control.setFaults({ nextErrors: [status] });
    const error = await apiError(sandbox.client().addTags(ANN_ID, ["t"]));
    expect(error).toMatchObject({ kind: "server-error", status });
    expect(error.transient).toBe(true);
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);
  });

  it("an injected drop (socket closed, no response) → offline", async () => {
    await sandbox.control.setFaults({ nextDrops: 1 });
    const error = await apiError(sandbox.client().getCandidate(ANN_ID));
    expect(error).toMatchObject({ kind: "offline", status: undefined });
    expect(error.transient).toBe(true);
    expect((await sandbox.apiRequests())[0]).toMatchObject({ status: 0, fault: "drop" });
  });

  it("an unreachable server → offline", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createClient({
      apiBaseUrl: `http://127.0.0.1:${port}`,
      credential: { kind: "apiKey", apiKey: SANDBOX_API_KEY },
    });
    expect(await apiError(client.getCandidate(ANN_ID))).toMatchObject({ kind: "offline" });
  });
});

/** The sandbox always sends well-formed JSON: a tiny local server sends what it cannot. */
describe("client on a misbehaving server: malformed bodies are typed errors", () => {
  let server: Server;
  let baseUrl = "";
  let reply: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: "" };

  beforeAll(async () => {
    server = createServer((_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
      res.end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = () => unpacedClient(baseUrl);

  it.each([
    ["not JSON", "search", "<html>oops</html>"],
    ["truncated JSON", "search", '{"content": ['],
    ["search without content", "search", '{"totalFound": 0}'],
    ["search result without an id", "search", '{"content": [{"firstName": "Ann"}]}'],
    ["an empty 200 body", "search", ""],
    ["candidate as a list", "get", "[]"],
    ["null", "get", "null"],
    ["tags that are not a list", "tags", '{"tags": "yes"}'],
    ["candidate with tags that are not a list", "get", '{"id": "x", "tags": {}}'],
  ] as const)("%s → invalid-response", async (_what, call, body) => {
    reply = { status: 200, body };
    const c = client();
    const promise =
      call === "search" ? c.searchCandidates('"a@example.com"') : call === "get" ? c.getCandidate("x") : c.getTags("x");
    const error = await apiError(promise);
    expect(error.kind).toBe("invalid-response");
    expect(error.transient).toBe(false);
  });

  it("drops non-string tags and fills missing names rather than failing", async () => {
    reply = { status: 200, body: '{"content": [{"id": "x", "email": "a@example.com", "tags": ["a", 3, null]}]}' };
    expect(await client().searchCandidates('"a@example.com"')).toEqual({
      candidates: [{ id: "x", firstName: "", lastName: "", email: "a@example.com", tags: ["a"] }],
      nextPageId: null,
    });
  });

  it("follows the Link header's next page when the body has no nextPageId", async () => {
    reply = {
      status: 200,
      body: '{"content": []}',
      headers: { Link: `<${baseUrl}/candidates?q=x&limit=100&pageId=page-2>; rel="next"` },
    };
    expect((await client().searchCandidates('"a@example.com"')).nextPageId).toBe("page-2");
  });

  it("a call without an answer within the timeout fails as a passing problem", async () => {
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const slow = createClient({
      apiBaseUrl: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
      credential: { kind: "apiKey", apiKey: SANDBOX_API_KEY },
      timeoutMs: 200,
    });
    const error = await apiError(slow.getCandidate("x"));
    hung.closeAllConnections();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
    expect(error).toMatchObject({ kind: "offline", transient: true });
    expect(error.message).toContain("did not answer");
  });

  it("an error status with a non-JSON body keeps the status's kind", async () => {
    reply = { status: 502, body: "<html>Bad gateway</html>", headers: { "Content-Type": "text/html" } };
    expect(await apiError(client().getCandidate("x"))).toMatchObject({ kind: "server-error", status: 502 });
    reply = { status: 401, body: "nope" };
    expect(await apiError(client().getCandidate("x"))).toMatchObject({ kind: "not-connected", status: 401 });
    reply = { status: 403, body: '{"message": 42, "errors": "none"}' };
    expect(await apiError(client().getCandidate("x"))).toMatchObject({ kind: "access-denied", status: 403 });
  });

  it("a Retry-After date is turned into milliseconds", async () => {
    reply = { status: 429, body: "", headers: { "Retry-After": new Date(Date.now() + 30_000).toUTCString() } };
    const error = await apiError(client().getCandidate("x"));
    expect(error.kind).toBe("rate-limited");
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });
});
