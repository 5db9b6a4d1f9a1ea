// @vitest-environment node

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedCandidates } from "../shared/people";
import { SandboxControlError } from "./control-client";
import { SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "./credentials";
import { ANN_ID, call, JOSE_ID, json, searchPath, type TokenResponse, tokenRequest, useSandboxServer } from "./test-helpers";

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
      searchTalentPool: true,
      createExisting: "conflict",
      tagPost: "idempotent",
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
    await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "PUT", json: { tags: [] } });
    await sandbox.control.addCandidate({ firstName: "X", lastName: "Y", email: "x@example.com" });
    await sandbox.control.setModes({ searchTalentPool: false, tagPost: "duplicate" });
    await sandbox.control.setFaults({ latencyMs: 5, nextErrors: [500] });
    await sandbox.control.reset();
    expect(await sandbox.control.candidates()).toHaveLength(5);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    expect((await sandbox.control.modes()).searchTalentPool).toBe(true);
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

  it("answers unknown control routes with 404", async () => {
    expect((await fetch(`${sandbox.url}/__control/nothing`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__control/reset`)).status).toBe(404);
  });
});

describe("sandbox: CLI", () => {
  it("prints SANDBOX_URL, serves, and stops on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--port", "0"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once("line", resolve);
        child.once("exit", (code) => reject(new Error(`CLI exited with ${String(code)}`)));
      });
      const match = /^SANDBOX_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      expect(match).not.toBeNull();
      const url = match?.[1] ?? "";
      expect((await call(url, `/candidates/${ANN_ID}`)).status).toBe(200);
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
