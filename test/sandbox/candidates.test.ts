// @vitest-environment node

import { describe, expect, it } from "vitest";
import { SANDBOX_READONLY_API_KEY } from "./credentials";
import {
  ANN_DECOY_ORG_ID,
  ANN_ID,
  ANNABEL_ID,
  call,
  type DetailsBody,
  type ErrorBody,
  JOSE_ID,
  json,
  MARY_ID,
  type SearchBody,
  searchPath,
  useSandboxServer,
} from "./test-helpers";

const sandbox = useSandboxServer();

async function search(q: string, extra: Record<string, string> = {}): Promise<SearchBody> {
  const response = await call(sandbox.url, searchPath(q, extra));
  expect(response.status).toBe(200);
  return json<SearchBody>(response);
}

function ids(body: SearchBody): string[] {
  return body.content.map((candidate) => candidate.id);
}

describe("sandbox: search", () => {
  it("returns the exact-email candidates and the look-alikes for a quoted, URL-encoded email", async () => {
    const path = searchPath('"ann.oneil@example.com"');
    expect(path).toBe("/candidates?q=%22ann.oneil%40example.com%22");
    const body = await search('"ann.oneil@example.com"');
    expect(body.totalFound).toBe(3);
    expect(ids(body)).toEqual(expect.arrayContaining([ANN_ID, ANNABEL_ID, ANN_DECOY_ORG_ID]));
    expect(ids(body)).not.toContain(JOSE_ID);
    // The client must filter: only one has both the email and the last name.
    const exact = body.content.filter((c) => c.email.toLowerCase() === "ann.oneil@example.com" && c.lastName === "O'Neil");
    expect(exact.map((c) => c.id)).toEqual([ANN_ID]);
  });

  it("matches emails case-insensitively", async () => {
    const upper = await search('"ANN.ONEIL@EXAMPLE.COM"');
    expect(ids(upper)).toEqual(expect.arrayContaining([ANN_ID, ANNABEL_ID]));
    const jose = await search('"jose.alvarez@example.com"');
    expect(ids(jose)).toContain(JOSE_ID);
    expect(jose.content.find((c) => c.id === JOSE_ID)?.email).toBe("Jose.Alvarez@Example.com");
  });

  it("splits an unquoted email into tokens and returns many candidates", async () => {
    const body = await search("ann.oneil@example.com");
    expect(body.totalFound).toBeGreaterThanOrEqual(4);
    expect(ids(body)).toEqual(expect.arrayContaining([ANN_ID, ANNABEL_ID, ANN_DECOY_ORG_ID, JOSE_ID]));
  });

  it("finds names fuzzily: accents, apostrophes, prefixes", async () => {
    expect(ids(await search("alvarez"))).toEqual([JOSE_ID]);
    expect(ids(await search("oneil"))).toEqual(expect.arrayContaining([ANN_ID, ANN_DECOY_ORG_ID]));
    expect(ids(await search("ann"))).toEqual(expect.arrayContaining([ANN_ID, ANN_DECOY_ORG_ID, ANNABEL_ID]));
    expect(ids(await search('"ann oneil"'))).toEqual(expect.arrayContaining([ANN_ID, ANN_DECOY_ORG_ID]));
    expect(ids(await search('"ann oneil"'))).not.toContain(JOSE_ID);
    expect(ids(await search('"annabel smith"'))).toEqual([ANNABEL_ID]);
    expect((await search("zzzz")).totalFound).toBe(0);
  });

  it("returns summaries shaped like SmartRecruiters' list", async () => {
    const body = await search('"ann.oneil@example.com"');
    expect(body).toMatchObject({ limit: 10, totalFound: 3 });
    expect(body).not.toHaveProperty("offset");
    const ann = body.content.find((c) => c.id === ANN_ID);
    expect(ann).toMatchObject({
      id: ANN_ID,
      firstName: "Ann",
      lastName: "O'Neil",
      email: "ann.oneil@example.com",
      tags: [],
      primaryAssignment: { job: { id: "job-csr-1", title: "Customer Service Representative" }, status: "IN_REVIEW" },
      actions: { details: { url: `${sandbox.url}/candidates/${ANN_ID}`, method: "GET" } },
    });
    expect(Number.isNaN(Date.parse(ann?.createdOn ?? ""))).toBe(false);
    expect(body.content.find((c) => c.id === ANNABEL_ID)?.primaryAssignment).toMatchObject({
      job: { id: "job-wh-1", title: "Warehouse Associate" },
      status: "NEW",
    });
  });

  it("pages with limit and pageId / nextPageId, with a Link header, and rejects a limit over 100", async () => {
    const all = await search("");
    expect(all.totalFound).toBe(4);
    expect(all.nextPageId).toBeUndefined();
    const firstResponse = await call(sandbox.url, searchPath("", { limit: "2" }));
    const first = await json<SearchBody>(firstResponse);
    expect(first.content).toHaveLength(2);
    expect(first.nextPageId).toBeDefined();
    expect(firstResponse.headers.get("link")).toBe(
      `<${sandbox.url}/candidates?q=&limit=2&pageId=${first.nextPageId ?? ""}>; rel="next"`,
    );
    const secondResponse = await call(sandbox.url, searchPath("", { limit: "2", pageId: first.nextPageId ?? "" }));
    const second = await json<SearchBody>(secondResponse);
    expect(second.content).toHaveLength(2);
    expect(second.nextPageId).toBeUndefined();
    expect(secondResponse.headers.get("link")).toBeNull();
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(4);
    expect(ids(all)).toEqual([...ids(first), ...ids(second)]);
    expect((await call(sandbox.url, "/candidates?limit=101")).status).toBe(400);
    expect((await call(sandbox.url, "/candidates?limit=0")).status).toBe(400);
    expect((await call(sandbox.url, "/candidates?limit=abc")).status).toBe(400);
    expect((await call(sandbox.url, "/candidates?limit=100")).status).toBe(200);
    expect((await call(sandbox.url, "/candidates?pageId=not-a-page")).status).toBe(400);
  });

  it("ignores offset by default and honours it in mode offsetPaging", async () => {
    const ignored = await search("", { limit: "2", offset: "2" });
    expect(ids(ignored)).toEqual(ids(await search("", { limit: "2" })));
    expect(ignored).not.toHaveProperty("offset");
    await sandbox.control.setModes({ offsetPaging: true });
    const first = await search("", { limit: "2" });
    expect(first.offset).toBe(0);
    const third = await search("", { limit: "3", offset: "3" });
    expect(third.offset).toBe(3);
    expect(third.content).toHaveLength(1);
    expect(third.nextPageId).toBeUndefined();
    const paged = await search("", { limit: "2", pageId: first.nextPageId ?? "" });
    expect(paged.offset).toBe(2);
    expect((await call(sandbox.url, "/candidates?offset=-1")).status).toBe(400);
  });

  it("defaults to 10 results per page", async () => {
    await sandbox.control.setModes({ rateLimits: false });
    for (let i = 0; i < 12; i += 1) {
      await sandbox.control.addCandidate({ firstName: `Test${i}`, lastName: "Many", email: `many${i}@example.net` });
    }
    const body = await search("many");
    expect(body.totalFound).toBe(12);
    expect(body.content).toHaveLength(10);
    expect(body.limit).toBe(10);
  });

  it("hides talent-pool-only candidates by default, and returns them in mode searchTalentPool", async () => {
    expect(ids(await search('"mj.vdberg@example.com"'))).not.toContain(MARY_ID);
    expect(ids(await search(""))).not.toContain(MARY_ID);
    const byId = await call(sandbox.url, `/candidates/${MARY_ID}`);
    expect(byId.status).toBe(200);
    expect((await json<DetailsBody>(byId)).primaryAssignment).toBeUndefined();
    await sandbox.control.setModes({ searchTalentPool: true });
    expect(ids(await search('"mj.vdberg@example.com"'))).toContain(MARY_ID);
  });

  it("never finds a candidate created with POST /candidates, and finds one created for a job", async () => {
    const pool = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Li", lastName: "Wei", email: "li.wei@example.com" },
    });
    expect(pool.status).toBe(201);
    expect((await search('"li.wei@example.com"')).totalFound).toBe(0);
    const forJob = await call(sandbox.url, "/jobs/job-csr-1/candidates", {
      method: "POST",
      json: { firstName: "Sam", lastName: "Taylor", email: "sam.taylor@example.com" },
    });
    expect(forJob.status).toBe(201);
    const found = await search('"sam.taylor@example.com"');
    expect(found.content.map((c) => c.email)).toEqual(["sam.taylor@example.com"]);
    expect(found.content[0]?.primaryAssignment).toMatchObject({
      job: { id: "job-csr-1", title: "Customer Service Representative" },
    });
  });
});

describe("sandbox: get a candidate", () => {
  it("returns CandidateDetails", async () => {
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = await json<DetailsBody>(response);
    expect(body).toMatchObject({
      id: JOSE_ID,
      firstName: "José",
      lastName: "Álvarez-Núñez",
      email: "Jose.Alvarez@Example.com",
      tags: ["bilingual", "hellohire - warehouse - maybe"],
      primaryAssignment: { job: { id: "job-csr-1" }, status: "NEW" },
    });
    expect(Object.keys(body.actions)).toEqual(expect.arrayContaining(["properties", "attachments"]));
  });

  it("answers 404 for an unknown id", async () => {
    const response = await call(sandbox.url, "/candidates/does-not-exist");
    expect(response.status).toBe(404);
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("CANDIDATE_NOT_FOUND");
  });
});

describe("sandbox: create a candidate", () => {
  it("creates a candidate: 201 with CandidateDetails", async () => {
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: {
        firstName: "Li",
        lastName: "Wei",
        email: "li.wei@example.com",
        tags: ["hellohire - csr - yes"],
        sourceDetails: { sourceTypeId: "x", sourceSubTypeId: "y", sourceId: "z" },
      },
    });
    expect(response.status).toBe(201);
    const body = await json<DetailsBody>(response);
    expect(body).toMatchObject({
      firstName: "Li",
      lastName: "Wei",
      email: "li.wei@example.com",
      tags: ["hellohire - csr - yes"],
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("location")).toBe(`${sandbox.url}/candidates/${body.id}`);
    const stored = await sandbox.control.candidate(body.id);
    expect(stored).toMatchObject({ firstName: "Li", hasApplication: false, sourceDetails: { sourceId: "z" } });
    const found = await call(sandbox.url, `/candidates/${body.id}`);
    expect(found.status).toBe(200);
  });

  it("answers 400 naming each missing or empty required field", async () => {
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "", email: "x@example.com" },
    });
    expect(response.status).toBe(400);
    const body = await json<ErrorBody>(response);
    const messages = body.errors.map((e) => e.message).join("\n");
    expect(messages).toContain("firstName");
    expect(messages).toContain("lastName");
    expect(messages).not.toContain("email");
    const badTags = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "A", lastName: "B", email: "a@example.com", tags: "x" },
    });
    expect(badTags.status).toBe(400);
    expect((await json<ErrorBody>(badTags)).errors[0]?.message).toContain("tags");
    expect((await sandbox.control.candidates()).length).toBe(5);
  });

  it("answers 400 on a body that is not JSON and 415 on a non-JSON content type", async () => {
    const bad = await call(sandbox.url, "/candidates", {
      method: "POST",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(bad.status).toBe(400);
    const text = await call(sandbox.url, "/candidates", {
      method: "POST",
      body: JSON.stringify({ firstName: "A", lastName: "B", email: "a@example.com" }),
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });

  it("answers 409 CANDIDATE_DATA_CONFLICT when email (any case) and last name exist", async () => {
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Annie", lastName: "O'Neil", email: "Ann.ONeil@Example.com" },
    });
    expect(response.status).toBe(409);
    const body = await json<ErrorBody>(response);
    expect(body.errors[0]?.code).toBe("CANDIDATE_DATA_CONFLICT");
    expect(typeof body.message).toBe("string");
    expect((await sandbox.control.candidates()).length).toBe(5);
  });

  it("creates a candidate with the same email but another last name", async () => {
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Ann", lastName: "Jones", email: "ann.oneil@example.com" },
    });
    expect(response.status).toBe(201);
  });

  it("creates a duplicate in createExisting duplicate mode", async () => {
    await sandbox.control.setModes({ createExisting: "duplicate" });
    const response = await call(sandbox.url, "/candidates", {
      method: "POST",
      json: { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" },
    });
    expect(response.status).toBe(201);
    const created = await json<DetailsBody>(response);
    expect(created.id).not.toBe(ANN_ID);
    const anns = (await sandbox.control.candidates()).filter(
      (c) => c.email === "ann.oneil@example.com" && c.lastName === "O'Neil",
    );
    expect(anns).toHaveLength(2);
  });
});

describe("sandbox: update a candidate", () => {
  it("applies a partial update: 200 with CandidateDetails", async () => {
    const response = await call(sandbox.url, `/candidates/${MARY_ID}`, {
      method: "PATCH",
      json: { firstName: "Mary Jane" },
    });
    expect(response.status).toBe(200);
    const body = await json<DetailsBody>(response);
    expect(body).toMatchObject({
      id: MARY_ID,
      firstName: "Mary Jane",
      lastName: "van der Berg",
      email: "mj.vdberg@example.com",
    });
    expect(body.updatedOn > body.createdOn).toBe(true);
    expect((await sandbox.control.candidate(MARY_ID))?.firstName).toBe("Mary Jane");
  });

  it("answers 409 when the result collides with another candidate's email and last name", async () => {
    const response = await call(sandbox.url, `/candidates/${ANNABEL_ID}`, {
      method: "PATCH",
      json: { lastName: "o'neil" },
    });
    expect(response.status).toBe(409);
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("CANDIDATE_DATA_CONFLICT");
    expect((await sandbox.control.candidate(ANNABEL_ID))?.lastName).toBe("Smith");
    // Its own email + last name is no collision.
    const self = await call(sandbox.url, `/candidates/${ANN_ID}`, {
      method: "PATCH",
      json: { lastName: "O'Neil", firstName: "Ann" },
    });
    expect(self.status).toBe(200);
  });

  it("answers 415 when the content type is not JSON", async () => {
    const response = await call(sandbox.url, `/candidates/${ANN_ID}`, {
      method: "PATCH",
      body: JSON.stringify({ firstName: "X" }),
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
    });
    expect(response.status).toBe(415);
    expect((await json<ErrorBody>(response)).errors[0]?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await sandbox.control.candidate(ANN_ID))?.firstName).toBe("Ann");
  });

  it("answers 404 for an unknown candidate and 400 for bad JSON or bad fields", async () => {
    expect((await call(sandbox.url, "/candidates/nope", { method: "PATCH", json: { firstName: "X" } })).status).toBe(404);
    const badJson = await call(sandbox.url, `/candidates/${ANN_ID}`, {
      method: "PATCH",
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(badJson.status).toBe(400);
    const empty = await call(sandbox.url, `/candidates/${ANN_ID}`, { method: "PATCH", json: { firstName: "" } });
    expect(empty.status).toBe(400);
    expect((await json<ErrorBody>(empty)).errors[0]?.message).toContain("firstName");
  });
});

describe("sandbox: tags", () => {
  it("lists tags", async () => {
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tags: ["bilingual", "hellohire - warehouse - maybe"] });
  });

  it("adds tags without duplicating existing ones (idempotent mode)", async () => {
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, {
      method: "POST",
      json: { tags: ["bilingual", "hellohire - csr - yes"] },
    });
    expect(response.status).toBe(200);
    const expected = ["bilingual", "hellohire - warehouse - maybe", "hellohire - csr - yes"];
    expect(await response.json()).toEqual({ tags: expected });
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(expected);
  });

  it("appends tags even when present in duplicate mode", async () => {
    await sandbox.control.setModes({ tagPost: "duplicate" });
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, {
      method: "POST",
      json: { tags: ["bilingual"] },
    });
    expect(response.status).toBe(200);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", "bilingual"]);
  });

  it("replaces all tags with PUT", async () => {
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, {
      method: "PUT",
      json: { tags: ["bilingual"] },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ tags: ["bilingual"] });
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual"]);
  });

  it("refuses PUT {tags: []} with a 400 naming the field by default, accepts it in mode putEmptyTags accepted", async () => {
    const refused = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "PUT", json: { tags: [] } });
    expect(refused.status).toBe(400);
    expect((await json<ErrorBody>(refused)).errors[0]?.message).toContain("tags");
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
    await sandbox.control.setModes({ putEmptyTags: "accepted" });
    const cleared = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "PUT", json: { tags: [] } });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ tags: [] });
    expect(await sandbox.control.tags(JOSE_ID)).toEqual([]);
  });

  it("removes every tag with DELETE: 204, 404 for an unknown candidate, scope candidates_manage", async () => {
    const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(await sandbox.control.tags(JOSE_ID)).toEqual([]);
    expect((await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "DELETE" })).status).toBe(204);
    expect((await call(sandbox.url, "/candidates/nope/tags", { method: "DELETE" })).status).toBe(404);
    await sandbox.control.reset();
    const readOnly = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "DELETE", key: SANDBOX_READONLY_API_KEY });
    expect(readOnly.status).toBe(403);
    expect((await json<ErrorBody>(readOnly)).message).toContain("candidates_manage");
    expect(await sandbox.control.tags(JOSE_ID)).toHaveLength(2);
  });

  it("answers 400 on a missing or non-array tags and 404 for an unknown candidate", async () => {
    for (const body of [{}, { tags: "bilingual" }, { tags: [1] }]) {
      const response = await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "POST", json: body });
      expect(response.status).toBe(400);
    }
    expect((await call(sandbox.url, `/candidates/${JOSE_ID}/tags`, { method: "PUT", json: { tags: null } })).status).toBe(400);
    expect((await call(sandbox.url, "/candidates/nope/tags")).status).toBe(404);
    expect((await call(sandbox.url, "/candidates/nope/tags", { method: "POST", json: { tags: ["x"] } })).status).toBe(404);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe"]);
  });
});

describe("sandbox: candidate profile page", () => {
  it("shows the name and tags without auth", async () => {
    const response = await fetch(`${sandbox.appUrl}/app/people/candidates/${JOSE_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<h1>Candidate profile</h1>");
    expect(html).toContain("José Álvarez-Núñez");
    expect(html).toContain("hellohire - warehouse - maybe");
  });

  it("escapes HTML in names and tags", async () => {
    const evil = await sandbox.control.addCandidate({
      firstName: "<img src=x onerror=alert(1)>",
      lastName: "O'Neil & <b>Co</b>",
      email: "evil@example.com",
      tags: ["<script>alert(2)</script>"],
    });
    const html = await (await fetch(`${sandbox.appUrl}/app/people/candidates/${evil.id}`)).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("O&#39;Neil &amp; &lt;b&gt;Co&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
  });

  it("answers a 404 page for an unknown candidate", async () => {
    const response = await fetch(`${sandbox.appUrl}/app/people/candidates/unknown-id`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("lives on the app origin only: the API origin answers 404, and the app origin has no API", async () => {
    expect((await fetch(`${sandbox.url}/app/people/candidates/${JOSE_ID}`)).status).toBe(404);
    expect((await call(sandbox.appUrl, "/candidates")).status).toBe(404);
    expect((await call(sandbox.appUrl, `/candidates/${JOSE_ID}`)).status).toBe(404);
    expect((await call(sandbox.appUrl, "/jobs")).status).toBe(404);
    expect((await call(sandbox.appUrl, "/user-api/v201804/users/me")).status).toBe(404);
    expect(sandbox.appUrl).not.toBe(sandbox.url);
  });
});
