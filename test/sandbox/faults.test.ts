// @vitest-environment node

import { describe, expect, it } from "vitest";
import { SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "./credentials";
import { ANN_ID, call, type ErrorBody, JOSE_ID, json, type OAuthError, tokenRequest, useSandboxServer } from "./test-helpers";

const sandbox = useSandboxServer();

async function statusOf(path: string): Promise<number> {
  const response = await call(sandbox.url, path);
  await response.arrayBuffer();
  return response.status;
}

describe("sandbox: injected faults", () => {
  it("answers the queued nextErrors in order, 401 as an auth failure", async () => {
    await sandbox.control.setFaults({ nextErrors: [503, 401, 429] });
    const first = await call(sandbox.url, `/candidates/${ANN_ID}`);
    expect(first.status).toBe(503);
    expect(first.headers.get("content-type")).toBe("application/json");
    expect((await json<ErrorBody>(first)).errors[0]?.code).toBe("SERVICE_UNAVAILABLE");
    const second = await call(sandbox.url, `/candidates/${ANN_ID}`);
    expect(second.status).toBe(401);
    const auth = await json<ErrorBody>(second);
    expect(auth.errors[0]?.code).toBe("UNAUTHORIZED");
    const third = await call(sandbox.url, `/candidates/${ANN_ID}`);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(third.headers.get("x-ratelimit-limit")).toBe("10");
    expect(await statusOf(`/candidates/${ANN_ID}`)).toBe(200);
    expect((await sandbox.control.faults()).nextErrors).toEqual([]);
    const log = await sandbox.control.requests();
    expect(log.map((entry) => [entry.status, entry.fault])).toEqual([
      [503, "error"],
      [401, "error"],
      [429, "error"],
      [200, undefined],
    ]);
  });

  it("reproduces random errors from the seed", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    const run = async (): Promise<number[]> => {
      await sandbox.control.setFaults({ errorRate: 0.5, errorStatuses: [500, 502, 503, 429], seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        statuses.push(await statusOf(`/candidates/${ANN_ID}`));
      }
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first).toContain(200);
    expect(first.some((status) => status >= 429)).toBe(true);
    expect(first.every((status) => [200, 500, 502, 503, 429].includes(status))).toBe(true);
    await sandbox.control.setFaults({ errorRate: 0.5, errorStatuses: [500, 502, 503, 429], seed: 7 });
    const other: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      other.push(await statusOf(`/candidates/${ANN_ID}`));
    }
    expect(other).not.toEqual(first);
  });

  it("drops the connection: fetch rejects, the next request succeeds", async () => {
    await sandbox.control.setFaults({ nextDrops: 1 });
    await expect(call(sandbox.url, `/candidates/${ANN_ID}`)).rejects.toThrow();
    expect(await statusOf(`/candidates/${ANN_ID}`)).toBe(200);
    const log = await sandbox.control.requests();
    expect(log[0]).toMatchObject({ status: 0, fault: "drop", path: `/candidates/${ANN_ID}` });
  });

  it("drops at dropRate, reproducibly", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    await sandbox.control.setFaults({ dropRate: 0.5, seed: 3 });
    let dropped = 0;
    for (let i = 0; i < 10; i += 1) {
      try {
        await statusOf(`/candidates/${ANN_ID}`);
      } catch {
        dropped += 1;
      }
    }
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(10);
  });

  it("adds latency to API calls but not to the control API", async () => {
    await sandbox.control.setFaults({ latencyMs: 300 });
    let started = Date.now();
    expect(await statusOf(`/candidates/${ANN_ID}`)).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    started = Date.now();
    await sandbox.control.candidates();
    expect(Date.now() - started).toBeLessThan(290);
  });

  it("does not apply a write when an error is injected", async () => {
    await sandbox.control.setFaults({ nextErrors: [500, 503, 502] });
    const create = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Li", lastName: "Wei", email: "li.wei@example.com" },
    });
    expect(create.status).toBe(500);
    const patch = await call(sandbox.url, `/candidates/${ANN_ID}`, { method: "PATCH", json: { firstName: "Anne" } });
    expect(patch.status).toBe(503);
    const tags = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "PUT", json: { tags: [] } });
    expect(tags.status).toBe(502);
    expect((await sandbox.control.candidates()).length).toBe(5);
    expect((await sandbox.control.candidate(ANN_ID))?.firstName).toBe("Ann");
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
  });

  it("does not apply a write when the connection is dropped", async () => {
    await sandbox.control.setFaults({ nextDrops: 1 });
    await expect(call(sandbox.url, `/candidates/${ANN_ID}/tags`, { method: "POST", json: { tags: ["x"] } })).rejects.toThrow();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);
  });

  it("applies to the token endpoint, in the OAuth error shape", async () => {
    await sandbox.control.setFaults({ nextErrors: [503] });
    const form = {
      grant_type: "client_credentials",
      client_id: SANDBOX_SYSTEM_CLIENT_ID,
      client_secret: SANDBOX_SYSTEM_CLIENT_SECRET,
    };
    const failed = await tokenRequest(sandbox.url, form);
    expect(failed.status).toBe(503);
    const body = await json<OAuthError>(failed);
    expect(typeof body.error).toBe("string");
    expect(typeof body.error_description).toBe("string");
    expect((await tokenRequest(sandbox.url, form)).status).toBe(200);
  });

  it("does not apply to the profile page or the control API", async () => {
    await sandbox.control.setFaults({ nextErrors: [500], nextDrops: 1 });
    expect((await fetch(`${sandbox.appUrl}/app/people/candidates/${ANN_ID}`)).status).toBe(200);
    expect((await sandbox.control.candidates()).length).toBe(5);
    expect(await sandbox.control.faults()).toMatchObject({ nextErrors: [500], nextDrops: 1 });
  });

  it("replaces the faults on each POST and validates them", async () => {
    const set = await sandbox.control.setFaults({ latencyMs: 10, errorRate: 0.25, seed: 9 });
    expect(set).toEqual({
      latencyMs: 10,
      errorRate: 0.25,
      errorStatuses: [500, 502, 503],
      nextErrors: [],
      dropRate: 0,
      nextDrops: 0,
      applyThenFailRate: 0,
      nextApplyThenFail: 0,
      applyThenFailWith: "error",
      seed: 9,
    });
    expect((await sandbox.control.setFaults({})).latencyMs).toBe(0);
    for (const bad of [
      { errorRate: 2 },
      { nextErrors: [200] },
      { latencyMs: -1 },
      { bogus: 1 },
      { nextDrops: 1.5 },
      { applyThenFailRate: 1.5 },
      { nextApplyThenFail: -1 },
      { applyThenFailWith: "timeout" },
    ]) {
      const response = await fetch(`${sandbox.url}/__control/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(bad),
      });
      expect(response.status).toBe(400);
    }
  });
});

describe("sandbox: applied, then failed", () => {
  const newPerson = { firstName: "Li", lastName: "Wei", email: "li.wei@example.com" };

  it("applies each kind of write, then answers the first of errorStatuses, and logs it", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    await sandbox.control.setFaults({ nextApplyThenFail: 6, errorStatuses: [503, 500] });
    const writes: [string, string, unknown][] = [
      ["POST", "/candidates", newPerson],
      ["POST", "/jobs/job-csr-1/candidates", { firstName: "Sam", lastName: "Taylor", email: "sam.taylor@example.com" }],
      ["PATCH", `/candidates/${ANN_ID}`, { firstName: "Anne" }],
      ["POST", `/candidates/${ANN_ID}/tags`, { tags: ["hellohire - csr - yes"] }],
      ["PUT", `/candidates/${JOSE_ID}/tags`, { tags: ["bilingual"] }],
      ["DELETE", `/candidates/${ANN_ID}/tags`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const response = await call(sandbox.url, path, body === undefined ? { method } : { method, json: body });
      expect(response.status, `${method} ${path}`).toBe(503);
      expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("SERVICE_UNAVAILABLE");
    }
    const all = await sandbox.control.candidates();
    expect(all.filter((c) => c.email === "li.wei@example.com")).toHaveLength(1);
    expect(all.find((c) => c.email === "sam.taylor@example.com")?.primaryJob?.id).toBe("job-csr-1");
    const ann = await sandbox.control.candidate(ANN_ID);
    expect(ann?.firstName).toBe("Anne");
    // POST then DELETE: both applied.
    expect(ann?.tags).toEqual([]);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual"]);
    const log = await sandbox.control.requests();
    expect(log.map((entry) => [entry.method, entry.status, entry.fault])).toEqual(
      writes.map(([method]) => [method, 503, "applied-then-error"]),
    );
    expect((await sandbox.control.faults()).nextApplyThenFail).toBe(0);
  });

  it("drops the connection after applying in mode applyThenFailWith drop (status 0 in the log)", async () => {
    await sandbox.control.setFaults({ nextApplyThenFail: 1, applyThenFailWith: "drop" });
    await expect(call(sandbox.url, "/candidates", { method: "POST", json: newPerson })).rejects.toThrow();
    expect((await sandbox.control.candidates()).filter((c) => c.email === "li.wei@example.com")).toHaveLength(1);
    const log = await sandbox.control.requests();
    expect(log).toEqual([
      expect.objectContaining({ method: "POST", path: "/candidates", status: 0, fault: "applied-then-drop" }),
    ]);
    // Consumed: the next write answers normally (here: the duplicate is a conflict).
    const again = await call(sandbox.url, "/candidates", { method: "POST", json: newPerson });
    expect(again.status).toBe(409);
  });

  it("never touches reads, and lets a refused write answer as it is (nothing consumed)", async () => {
    await sandbox.control.setFaults({ nextApplyThenFail: 1, applyThenFailRate: 1 });
    expect(await statusOf(`/candidates/${ANN_ID}`)).toBe(200);
    expect(await statusOf(searchPathFor("ann"))).toBe(200);
    expect(await statusOf("/jobs?q=warehouse")).toBe(200);
    expect(await statusOf(`/candidates/${ANN_ID}/tags`)).toBe(200);
    const invalid = await call(sandbox.url, "/candidates", { method: "POST", json: { firstName: "X" } });
    expect(invalid.status).toBe(400);
    const conflict = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    expect(conflict.status).toBe(409);
    expect((await sandbox.control.faults()).nextApplyThenFail).toBe(1);
    expect((await sandbox.control.requests()).every((entry) => entry.fault === undefined)).toBe(true);
  });

  it("fails applied writes at applyThenFailRate, reproducibly from the seed", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    const run = async (): Promise<number[]> => {
      await sandbox.control.reset();
      await sandbox.control.setModes({ rateLimits: false });
      await sandbox.control.setFaults({ applyThenFailRate: 0.5, seed: 11 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const response = await call(sandbox.url, `/candidates/${ANN_ID}/tags`, { method: "POST", json: { tags: [`t${i}`] } });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      // Every tag landed, whatever the answer said.
      expect(await sandbox.control.tags(ANN_ID)).toHaveLength(12);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(500);
  });
});

function searchPathFor(q: string): string {
  return `/candidates?${new URLSearchParams({ q }).toString()}`;
}
