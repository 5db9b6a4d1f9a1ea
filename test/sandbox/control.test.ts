// @vitest-environment node

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedCandidates, seedJobs } from "../shared/people";
import { SandboxControlError } from "./control-client";
import { SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "./credentials";
import {
  ANN_ID,
  ANNABEL_ID,
  call,
  type DetailsBody,
  JOSE_ID,
  json,
  MARY_ID,
  searchPath,
  type TokenResponse,
  tokenRequest,
  useSandboxServer,
} from "./test-helpers";

const sandbox = useSandboxServer();

describe("sandbox: control API", () => {
  it("lists the seed candidates as full objects", async () => {
    const all = await sandbox.control.candidates();
    expect(all.map((c) => c.id)).toEqual(seedCandidates.map((c) => c.id));
    const jose = all.find((c) => c.id === JOSE_ID);
    expect(jose).toMatchObject({
      firstName: "José",
      email: "Jose.Alvarez@Example.com",
      tags: ["bilingual", "hellohire - warehouse - maybe"],
      hasApplication: true,
      primaryJob: { id: "job-csr-1", title: "Customer Service Representative", status: "NEW" },
    });
    expect(typeof jose?.createdOn).toBe("string");
  });

  it("gets one candidate and its tags, undefined / an error when unknown", async () => {
    expect((await sandbox.control.candidate(ANN_ID))?.lastName).toBe("O'Neil");
    expect(await sandbox.control.candidate("nope")).toBeUndefined();
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    await expect(sandbox.control.tags("nope")).rejects.toBeInstanceOf(SandboxControlError);
  });

  it("inserts candidates directly", async () => {
    const inserted = await sandbox.control.addCandidate({
      id: "custom-1",
      firstName: "Sam",
      lastName: "Taylor",
      email: "sam.taylor@example.com",
      tags: ["t"],
      hasApplication: false,
    });
    expect(inserted).toMatchObject({ id: "custom-1", hasApplication: false, tags: ["t"] });
    expect((await call(sandbox.url, "/candidates/custom-1")).status).toBe(200);
    await expect(
      sandbox.control.addCandidate({ id: "custom-1", firstName: "A", lastName: "B", email: "c" }),
    ).rejects.toMatchObject({
      status: 409,
    });
    const generated = await sandbox.control.addCandidate({ firstName: "A", lastName: "B", email: "a.b@example.com" });
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.hasApplication).toBe(true);
  });

  it("reports and merges modes, and validates them", async () => {
    expect(await sandbox.control.modes()).toEqual({
      noApiAccess: false,
      searchTalentPool: false,
      offsetPaging: false,
      createExisting: "conflict",
      tagPost: "idempotent",
      putEmptyTags: "refused",
      pkceOnly: false,
      withholdScopes: [],
      authorizePage: "auto",
      rateLimits: true,
      accessTokenTtlSeconds: 1800,
      usersMe: "ok",
    });
    const modes = await sandbox.control.setModes({ tagPost: "duplicate" });
    expect(modes.tagPost).toBe("duplicate");
    expect(modes.createExisting).toBe("conflict");
    expect((await sandbox.control.setModes({ createExisting: "duplicate" })).tagPost).toBe("duplicate");
    for (const bad of [
      { tagPost: "sometimes" },
      { rateLimits: "no" },
      { accessTokenTtlSeconds: -1 },
      { usersMe: "maybe" },
      { noApiAccess: 500 },
      { createExisting: "merge" },
      { putEmptyTags: "maybe" },
      { withholdScopes: ["jobs_write"] },
      { withholdScopes: "jobs_read" },
      { pkceOnly: 1 },
      { offsetPaging: "yes" },
      { unknown: true },
    ]) {
      const response = await fetch(`${sandbox.url}/__control/modes`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(bad),
      });
      expect(response.status).toBe(400);
    }
  });

  it("logs API requests without bodies, by credential kind", async () => {
    const token = await json<TokenResponse>(
      await tokenRequest(sandbox.url, {
        grant_type: "client_credentials",
        client_id: SANDBOX_SYSTEM_CLIENT_ID,
        client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
      }),
    );
    await sandbox.control.clearRequests();
    const before = Date.now();
    await (await call(sandbox.url, searchPath('"ann.oneil@example.com"', { limit: "5" }))).arrayBuffer();
    await (await call(sandbox.url, `/candidates/${ANN_ID}`, { token: token.access_token })).arrayBuffer();
    await (await call(sandbox.url, `/candidates/${ANN_ID}`, { key: null })).arrayBuffer();
    await (await fetch(`${sandbox.url}/app/people/candidates/${ANN_ID}`)).arrayBuffer();
    await sandbox.control.candidates();
    const log = await sandbox.control.requests();
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({
      method: "GET",
      path: "/candidates",
      query: { q: '"ann.oneil@example.com"', limit: "5" },
      rawQuery: "q=%22ann.oneil%40example.com%22&limit=5",
      status: 200,
      credential: "apikey",
    });
    expect(log[0]?.at).toBeGreaterThanOrEqual(before);
    expect(log[1]).toMatchObject({ path: `/candidates/${ANN_ID}`, status: 200, credential: "bearer" });
    expect(log[2]).toMatchObject({ status: 401, credential: "none" });
    await sandbox.control.clearRequests();
    expect(await sandbox.control.requests()).toEqual([]);
  });

  it("logs token endpoint requests", async () => {
    await tokenRequest(sandbox.url, { grant_type: "client_credentials", client_id: SANDBOX_SYSTEM_CLIENT_ID });
    const log = await sandbox.control.requests();
    expect(log).toEqual([expect.objectContaining({ method: "POST", path: "/identity/oauth/token", status: 401 })]);
  });

  it("resets candidates, modes, faults, the log and tokens", async () => {
    const token = await json<TokenResponse>(
      await tokenRequest(sandbox.url, {
        grant_type: "client_credentials",
        client_id: SANDBOX_SYSTEM_CLIENT_ID,
        client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
      }),
    );
    await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "DELETE" });
    await sandbox.control.addCandidate({ firstName: "X", lastName: "Y", email: "x@example.com" });
    await sandbox.control.setModes({ searchTalentPool: true, tagPost: "duplicate" });
    await sandbox.control.addJob({ id: "job-extra", title: "Extra" });
    await sandbox.control.mergeCandidate(ANNABEL_ID, ANN_ID);
    await sandbox.control.setFaults({ latencyMs: 5, nextErrors: [500] });
    await sandbox.control.reset();
    expect(await sandbox.control.candidates()).toHaveLength(5);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    expect((await sandbox.control.modes()).searchTalentPool).toBe(false);
    expect((await sandbox.control.jobs()).map((job) => job.id)).toEqual(seedJobs.map((job) => job.id));
    expect((await sandbox.control.candidate(ANNABEL_ID))?.firstName).toBe("Annabel");
    expect(await sandbox.control.faults()).toMatchObject({ latencyMs: 0, nextErrors: [] });
    expect(await sandbox.control.requests()).toEqual([]);
    expect((await call(sandbox.url, `/candidates/${ANN_ID}`, { token: token.access_token })).status).toBe(401);
    // OAuth clients survive a reset.
    const again = await tokenRequest(sandbox.url, {
      grant_type: "client_credentials",
      client_id: SANDBOX_SYSTEM_CLIENT_ID,
      client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
    });
    expect(again.status).toBe(200);
  });

  it("lists the seed jobs and adds jobs, validating them", async () => {
    const jobs = await sandbox.control.jobs();
    expect(jobs.find((job) => job.id === "job-csr-1")).toEqual({
      id: "job-csr-1",
      title: "Customer Service Representative",
      refNumber: "REF-CSR-1",
      status: "SOURCING",
      createdOn: "2024-01-02T09:00:00.000Z",
    });
    const added = await sandbox.control.addJob({ id: "job-driver", title: "Delivery Driver", status: "ON_HOLD" });
    expect(added).toMatchObject({ id: "job-driver", title: "Delivery Driver", status: "ON_HOLD" });
    expect((await call(sandbox.url, "/jobs/job-driver")).status).toBe(200);
    const generated = await sandbox.control.addJob({ title: "Picker" });
    expect(generated.status).toBe("SOURCING");
    expect(generated.id).toMatch(/^job-/);
    await expect(sandbox.control.addJob({ id: "job-driver", title: "Again" })).rejects.toMatchObject({ status: 409 });
    for (const bad of [
      {},
      { title: "" },
      { title: "X", status: "OPEN" },
      { title: "X", id: "a/b" },
      { title: "X", createdOn: "never" },
    ]) {
      const response = await fetch(`${sandbox.url}/__control/jobs`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(bad),
      });
      expect(response.status).toBe(400);
    }
  });

  it("gives inserted candidates applications: explicit, from primaryJob, generic, or none", async () => {
    const explicit = await sandbox.control.addCandidate({
      firstName: "A",
      lastName: "One",
      email: "a1@example.com",
      applications: [{ jobId: "job-wh-2", status: "INTERVIEW" }, { jobId: "job-sdr-1" }],
    });
    expect(explicit.applications.map((a) => [a.jobId, a.status])).toEqual([
      ["job-wh-2", "INTERVIEW"],
      ["job-sdr-1", "NEW"],
    ]);
    expect(explicit).toMatchObject({
      hasApplication: true,
      primaryJob: { id: "job-wh-2", title: "Warehouse Associate", status: "INTERVIEW" },
    });
    const details = await json<DetailsBody & { secondaryAssignments: { job: { id: string } }[] }>(
      await call(sandbox.url, `/candidates/${explicit.id}`),
    );
    expect(details.primaryAssignment).toMatchObject({ job: { id: "job-wh-2" }, status: "INTERVIEW" });
    expect(details.secondaryAssignments.map((a) => a.job.id)).toEqual(["job-sdr-1"]);
    const fromPrimary = await sandbox.control.addCandidate({
      firstName: "B",
      lastName: "Two",
      email: "b2@example.com",
      primaryJob: { id: "job-new", title: "Night Shift Lead", status: "IN_REVIEW" },
    });
    expect(fromPrimary.primaryJob).toEqual({ id: "job-new", title: "Night Shift Lead", status: "IN_REVIEW" });
    expect((await sandbox.control.jobs()).find((job) => job.id === "job-new")?.title).toBe("Night Shift Lead");
    const generic = await sandbox.control.addCandidate({ firstName: "C", lastName: "Three", email: "c3@example.com" });
    expect(generic.primaryJob).toMatchObject({ id: "job-general", title: "General Application" });
    const pool = await sandbox.control.addCandidate({
      firstName: "D",
      lastName: "Four",
      email: "d4@example.com",
      hasApplication: false,
    });
    expect(pool).toMatchObject({ hasApplication: false, applications: [] });
    expect(pool.primaryJob).toBeUndefined();
    for (const bad of [
      { firstName: "E", lastName: "F", email: "e@example.com", applications: [{ jobId: "job-unknown" }] },
      { firstName: "E", lastName: "F", email: "e@example.com", applications: "job-csr-1" },
      { firstName: "E", lastName: "F", email: "e@example.com", hasApplication: false, applications: [{ jobId: "job-csr-1" }] },
    ]) {
      const response = await fetch(`${sandbox.url}/__control/candidates`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(bad),
      });
      expect(response.status).toBe(400);
    }
  });

  it("merges a candidate into another: the merged ID answers 404 everywhere, the survivor keeps both's tags and applications", async () => {
    await call(sandbox.url, `/candidates/${ANN_ID}/tags`, {
      method: "POST",
      json: { tags: ["hellohire - csr - yes", "shared"] },
    });
    await sandbox.control.addCandidate({
      id: "dup-ann",
      firstName: "Ann",
      lastName: "O'Neil",
      email: "ann.oneil+dup@example.com",
      tags: ["shared", "hellohire - csr - maybe"],
      applications: [
        { jobId: "job-csr-1", status: "NEW" },
        { jobId: "job-sdr-1", status: "NEW" },
      ],
    });
    const survivor = await sandbox.control.mergeCandidate("dup-ann", ANN_ID);
    expect(survivor.id).toBe(ANN_ID);
    expect(survivor.tags).toEqual(["hellohire - csr - yes", "shared", "hellohire - csr - maybe"]);
    expect(survivor.applications.map((a) => a.jobId)).toEqual(["job-csr-1", "job-sdr-1"]);
    expect(survivor.applications[0]?.status).toBe("IN_REVIEW");
    expect(await sandbox.control.candidate("dup-ann")).toBeUndefined();
    for (const [method, path, body] of [
      ["GET", "/candidates/dup-ann", undefined],
      ["GET", "/candidates/dup-ann/tags", undefined],
      ["PATCH", "/candidates/dup-ann", { firstName: "X" }],
      ["POST", "/candidates/dup-ann/tags", { tags: ["x"] }],
      ["PUT", "/candidates/dup-ann/tags", { tags: ["x"] }],
      ["DELETE", "/candidates/dup-ann/tags", undefined],
    ] as const) {
      const response = await call(sandbox.url, path, body === undefined ? { method } : { method, json: body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect((await fetch(`${sandbox.appUrl}/app/people/candidates/dup-ann`)).status).toBe(404);
    expect(await sandbox.control.tags(ANN_ID)).toEqual(survivor.tags);
    const searched = await json<{ content: { id: string }[] }>(
      await call(sandbox.url, searchPath('"ann.oneil+dup@example.com"')),
    );
    expect(searched.content.map((c) => c.id)).not.toContain("dup-ann");
  });

  it("refuses a merge into itself or with an unknown candidate", async () => {
    await expect(sandbox.control.mergeCandidate(ANN_ID, ANN_ID)).rejects.toMatchObject({ status: 400 });
    await expect(sandbox.control.mergeCandidate("nope", ANN_ID)).rejects.toMatchObject({ status: 404 });
    await expect(sandbox.control.mergeCandidate(ANN_ID, "nope")).rejects.toMatchObject({ status: 404 });
    const noBody = await fetch(`${sandbox.url}/__control/candidates/${ANN_ID}/merge`, { method: "POST" });
    expect(noBody.status).toBe(400);
    expect(await sandbox.control.candidates()).toHaveLength(5);
  });

  it("deletes a candidate: its ID answers 404 afterwards", async () => {
    await sandbox.control.deleteCandidate(MARY_ID);
    expect(await sandbox.control.candidate(MARY_ID)).toBeUndefined();
    expect((await call(sandbox.url, `/candidates/${MARY_ID}`)).status).toBe(404);
    expect((await call(sandbox.url, `/candidates/${MARY_ID}`, { method: "PATCH", json: { firstName: "M" } })).status).toBe(404);
    await expect(sandbox.control.deleteCandidate(MARY_ID)).rejects.toMatchObject({ status: 404 });
    expect(await sandbox.control.candidates()).toHaveLength(4);
  });

  it("answers on the app origin too", async () => {
    const response = await fetch(`${sandbox.appUrl}/__control/jobs`);
    expect(response.status).toBe(200);
  });

  it("answers unknown control routes with 404", async () => {
    expect((await fetch(`${sandbox.url}/__control/nothing`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__control/reset`)).status).toBe(404);
  });
});

describe("sandbox: CLI", () => {
  it("prints SANDBOX_URL and SANDBOX_APP_URL, serves, and stops on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--port", "0"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const received: string[] = [];
      const [first, second] = await new Promise<string[]>((resolve, reject) => {
        lines.on("line", (line) => {
          received.push(line);
          if (received.length === 2) {
            resolve(received);
          }
        });
        child.once("exit", (code) => reject(new Error(`CLI exited with ${String(code)}`)));
      });
      const match = /^SANDBOX_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(first ?? "");
      expect(match).not.toBeNull();
      const appMatch = /^SANDBOX_APP_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(second ?? "");
      expect(appMatch).not.toBeNull();
      const url = match?.[1] ?? "";
      expect((await call(url, `/candidates/${ANN_ID}`)).status).toBe(200);
      expect((await fetch(`${appMatch?.[1] ?? ""}/app/people/candidates/${ANN_ID}`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
      }
    }
  }, 15_000);
});
