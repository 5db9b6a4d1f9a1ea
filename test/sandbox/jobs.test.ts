// @vitest-environment node

import { describe, expect, it } from "vitest";
import { seedJobs } from "../shared/people";
import {
  ANN_ID,
  call,
  type DetailsBody,
  type ErrorBody,
  type JobsBody,
  json,
  type SearchBody,
  searchPath,
  useSandboxServer,
} from "./test-helpers";

const sandbox = useSandboxServer();

async function jobs(params: Record<string, string>): Promise<JobsBody> {
  const response = await call(sandbox.url, `/jobs?${new URLSearchParams(params).toString()}`);
  expect(response.status).toBe(200);
  return json<JobsBody>(response);
}

function jobIds(body: JobsBody): string[] {
  return body.content.map((job) => job.id);
}

describe("sandbox: seed jobs", () => {
  it("has the CSR job, a filled namesake, two open Warehouse Associate jobs and others", () => {
    const byId = new Map(seedJobs.map((job) => [job.id, job]));
    expect(byId.get("job-csr-1")).toMatchObject({ title: "Customer Service Representative", status: "SOURCING" });
    expect(byId.get("job-csr-old")).toMatchObject({ title: "Customer Service Representative", status: "FILLED" });
    const warehouse = seedJobs.filter((job) => job.title === "Warehouse Associate");
    expect(warehouse.map((job) => job.status)).toEqual(["SOURCING", "INTERVIEW"]);
    expect(byId.get("job-sdr-1")).toMatchObject({ title: "Sales Development Representative", status: "SOURCING" });
  });
});

describe("sandbox: GET /jobs", () => {
  it("finds jobs whose title holds every word of q, any status, case- and accent-insensitively", async () => {
    const csr = await jobs({ q: "Customer Service Representative" });
    expect(jobIds(csr)).toEqual(["job-csr-1", "job-csr-old"]);
    expect(csr.content[0]).toEqual({
      id: "job-csr-1",
      title: "Customer Service Representative",
      refNumber: "REF-CSR-1",
      createdOn: "2024-01-02T09:00:00.000Z",
      updatedOn: "2024-01-02T09:00:00.000Z",
      status: "SOURCING",
      postingStatus: "PUBLIC",
      actions: { details: { url: `${sandbox.url}/jobs/job-csr-1`, method: "GET" } },
    });
    expect(csr.content[1]?.status).toBe("FILLED");
    expect(jobIds(await jobs({ q: "CUSTÔMER   service" }))).toEqual(["job-csr-1", "job-csr-old"]);
    expect(jobIds(await jobs({ q: "wareh assoc" }))).toEqual(["job-wh-1", "job-wh-2"]);
    expect(jobIds(await jobs({ q: '"Warehouse Associate"' }))).toEqual(["job-wh-1", "job-wh-2"]);
    expect(jobIds(await jobs({ q: "representative" }))).toEqual(["job-csr-1", "job-csr-old", "job-sdr-1"]);
    expect((await jobs({ q: "warehouse manager" })).totalFound).toBe(0);
    expect((await jobs({})).totalFound).toBe(seedJobs.length);
  });

  it("pages like candidates: limit 1-100 (default 10), nextPageId and Link, no offset", async () => {
    const all = await jobs({});
    expect(all.limit).toBe(10);
    expect(all).not.toHaveProperty("offset");
    const firstResponse = await call(sandbox.url, "/jobs?q=representative&limit=2");
    const first = await json<JobsBody>(firstResponse);
    expect(first).toMatchObject({ limit: 2, totalFound: 3 });
    expect(first.nextPageId).toBeDefined();
    expect(firstResponse.headers.get("link")).toBe(
      `<${sandbox.url}/jobs?q=representative&limit=2&pageId=${first.nextPageId ?? ""}>; rel="next"`,
    );
    const second = await jobs({ q: "representative", limit: "2", pageId: first.nextPageId ?? "" });
    expect(jobIds(second)).toEqual(["job-sdr-1"]);
    expect(second.nextPageId).toBeUndefined();
    expect(jobIds(await jobs({ q: "representative", limit: "2", offset: "2" }))).toEqual(jobIds(first));
    for (const limit of ["0", "101", "x"]) {
      expect((await call(sandbox.url, `/jobs?limit=${limit}`)).status).toBe(400);
    }
  });

  it("is logged", async () => {
    await (await call(sandbox.url, "/jobs?q=warehouse")).arrayBuffer();
    expect(await sandbox.control.requests()).toEqual([
      expect.objectContaining({ method: "GET", path: "/jobs", query: { q: "warehouse" }, status: 200, origin: "api" }),
    ]);
  });
});

describe("sandbox: GET /jobs/{id}", () => {
  it("answers the job, or 404", async () => {
    const response = await call(sandbox.url, "/jobs/job-wh-2");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "job-wh-2", title: "Warehouse Associate", status: "INTERVIEW" });
    const missing = await call(sandbox.url, "/jobs/nope");
    expect(missing.status).toBe(404);
    expect((await json<ErrorBody>(missing)).errors[0]?.code).toBe("JOB_NOT_FOUND");
  });
});

describe("sandbox: POST /jobs/{jobId}/candidates", () => {
  it("creates a candidate with an application to that job: 201 CandidateDetails with the primary assignment", async () => {
    const response = await call(sandbox.url, "/jobs/job-csr-1/candidates", {
      method: "POST",
      json: { firstName: "Li", lastName: "Wei", email: "li.wei@example.com", tags: ["hellohire - csr - yes"] },
    });
    expect(response.status).toBe(201);
    const body = await json<DetailsBody>(response);
    expect(body).toMatchObject({
      firstName: "Li",
      lastName: "Wei",
      email: "li.wei@example.com",
      tags: ["hellohire - csr - yes"],
      primaryAssignment: { job: { id: "job-csr-1", title: "Customer Service Representative" }, status: "NEW" },
    });
    expect(response.headers.get("location")).toBe(`${sandbox.url}/candidates/${body.id}`);
    expect(body.actions.properties?.url.startsWith(`${sandbox.url}/candidates/`)).toBe(true);
    const stored = await sandbox.control.candidate(body.id);
    expect(stored).toMatchObject({ hasApplication: true, applications: [{ jobId: "job-csr-1", status: "NEW" }] });
    const again = await json<DetailsBody>(await call(sandbox.url, `/candidates/${body.id}`));
    expect(again.primaryAssignment).toMatchObject({ job: { id: "job-csr-1" } });
  });

  it("answers 404 for an unknown job and validates the body like POST /candidates", async () => {
    const unknown = await call(sandbox.url, "/jobs/nope/candidates", {
      method: "POST",
      json: { firstName: "Li", lastName: "Wei", email: "li.wei@example.com" },
    });
    expect(unknown.status).toBe(404);
    expect((await json<ErrorBody>(unknown)).errors[0]?.code).toBe("JOB_NOT_FOUND");
    const invalid = await call(sandbox.url, "/jobs/job-csr-1/candidates", { method: "POST", json: { firstName: "Li" } });
    expect(invalid.status).toBe(400);
    const messages = (await json<ErrorBody>(invalid)).errors.map((e) => e.message).join("\n");
    expect(messages).toContain("lastName");
    expect(messages).toContain("email");
    const text = await call(sandbox.url, "/jobs/job-csr-1/candidates", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect((await call(sandbox.url, "/jobs/job-csr-1/candidates")).status).toBe(404);
    expect(await sandbox.control.candidates()).toHaveLength(5);
  });
});

describe("sandbox: duplicate create (mode createExisting), both endpoints", () => {
  const ann = { firstName: "Annie", lastName: "o'neil", email: "ANN.ONEIL@example.com" };
  const endpoints = ["/candidates", "/jobs/job-csr-1/candidates"];

  it('"conflict" (default): 409 CANDIDATE_DATA_CONFLICT without the existing ID', async () => {
    for (const path of endpoints) {
      const response = await call(sandbox.url, path, { method: "POST", json: ann });
      expect(response.status).toBe(409);
      const text = await response.text();
      expect(text).toContain("CANDIDATE_DATA_CONFLICT");
      expect(text).not.toContain(ANN_ID);
    }
    expect(await sandbox.control.candidates()).toHaveLength(5);
  });

  it('"conflict-with-id": 409 naming the existing candidate', async () => {
    await sandbox.control.setModes({ createExisting: "conflict-with-id" });
    for (const path of endpoints) {
      const response = await call(sandbox.url, path, { method: "POST", json: ann });
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({
        message: `A candidate with this email and last name already exists: ${ANN_ID}`,
        id: ANN_ID,
        errors: [
          {
            code: "CANDIDATE_DATA_CONFLICT",
            message: `A candidate with this email and last name already exists (existing candidate id: ${ANN_ID})`,
          },
        ],
      });
    }
    expect(await sandbox.control.candidates()).toHaveLength(5);
  });

  it('"duplicate": creates a second candidate silently', async () => {
    await sandbox.control.setModes({ createExisting: "duplicate", searchTalentPool: false });
    for (const path of endpoints) {
      const response = await call(sandbox.url, path, { method: "POST", json: ann });
      expect(response.status).toBe(201);
      expect((await json<DetailsBody>(response)).id).not.toBe(ANN_ID);
    }
    const anns = (await sandbox.control.candidates()).filter(
      (c) => c.email.toLowerCase() === "ann.oneil@example.com" && c.lastName.toLowerCase() === "o'neil",
    );
    expect(anns).toHaveLength(3);
    // The one created for the job is found by search next to the original; the talent-pool one is not.
    const found = await json<SearchBody>(await call(sandbox.url, searchPath('"ann.oneil@example.com"')));
    expect(found.content.filter((c) => c.lastName.toLowerCase() === "o'neil")).toHaveLength(2);
  });
});
