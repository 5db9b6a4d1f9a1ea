// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { SANDBOX_API_KEY, SANDBOX_READONLY_API_KEY } from "../../test/sandbox/credentials";
import { connectWithApiKey } from "../auth/connection";
import { storedCredential } from "../auth/credential-store";
import { createAndUpdateCandidates, integrationEnabled } from "../settings/settings";
import type { OutboxEntry } from "./outbox";
import { outboxItem } from "./outbox-store";
import { ANN_ID, asTab, JOSE_ID, MARY_ID, useSandbox } from "./sandbox-test-helpers";
import { createSyncService } from "./service";
import { ratingKey, writtenRatingTags } from "./written-ratings";

const sandbox = useSandbox({ rateLimits: false });

const interviewName = "CSR";
const ours = { yes: "hellohire - csr - yes", maybe: "hellohire - csr - maybe", no: "hellohire - csr - no" } as const;
const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
const li = { firstName: "Li", lastName: "Wei", email: "li.wei@example.com" };

let clock = 0;
let ids = 0;
let scheduleWake = vi.fn<(at: number | null) => void>();

function service() {
  return createSyncService({ scheduleWake, now: () => clock, newId: () => `write-${++ids}` });
}

async function outbox(): Promise<OutboxEntry[]> {
  return outboxItem.getValue();
}

async function onlyEntry(): Promise<OutboxEntry> {
  const entries = await outbox();
  expect(entries).toHaveLength(1);
  return entries[0] as OutboxEntry;
}

/** Stores a credential the way lib/auth/connection.ts does after a successful check. */
async function useKey(apiKey: string): Promise<void> {
  await storedCredential.setValue({ kind: "apiKey", apiKey });
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  ids = 0;
  scheduleWake = vi.fn<(at: number | null) => void>();
  await connectWithApiKey({
    apiKey: SANDBOX_API_KEY,
    apiBaseUrl: sandbox.url,
    profileUrlTemplate: `${sandbox.url}/app/people/candidates/{id}`,
  });
  await sandbox.control.clearRequests();
});

describe("sync service end to end (sandbox, fake browser storage)", () => {
  it("looks Ann up with one search; a second lookup makes no API call at all", async () => {
    const sync = service();
    expect(await sync.lookup(interviewName, ann)).toEqual({
      status: "found",
      candidateId: ANN_ID,
      profileUrl: `${sandbox.url}/app/people/candidates/${ANN_ID}`,
      rating: null,
    });
    expect((await sandbox.apiRequests()).map((r) => [r.method, r.path])).toEqual([["GET", "/candidates"]]);
    await sandbox.control.clearRequests();
    expect(await sync.lookup(interviewName, { ...ann, email: "ANN.ONEIL@example.com " })).toMatchObject({
      status: "found",
      candidateId: ANN_ID,
    });
    expect(await sandbox.apiRequests()).toEqual([]);
  });

  it("with create-and-update on, looking Li up writes nothing; two tabs rating her at once create her once", async () => {
    await createAndUpdateCandidates.setValue(true);
    const sync = service();
    const [tabA, tabB] = [asTab(sync), asTab(sync)];
    const looked = await Promise.all([tabA.lookup(interviewName, li, null), tabB.lookup(interviewName, li, null)]);
    expect(looked).toEqual([
      { status: "not-found", createAndUpdate: true },
      { status: "not-found", createAndUpdate: true },
    ]);
    expect(await sandbox.writes()).toEqual([]);
    const [a, b] = await Promise.all([tabA.rate(interviewName, li, null, "yes"), tabB.rate(interviewName, li, null, "yes")]);
    expect(a).toMatchObject({ status: "saved" });
    expect(b).toMatchObject({ status: "saved" });
    const copies = (await sandbox.control.candidates()).filter((c) => c.email === li.email);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.tags).toEqual([ours.yes]);
    expect((await sandbox.writes()).filter((r) => r.method === "POST" && r.path === "/candidates")).toHaveLength(1);
  });

  it("ratings of one new candidate in two interviews at once create her once, even where SmartRecruiters would accept a duplicate", async () => {
    await createAndUpdateCandidates.setValue(true);
    await sandbox.control.setModes({ createExisting: "duplicate" });
    const sync = service();
    const tab = asTab(sync);
    await Promise.all([tab.lookup("CSR", li, null), tab.lookup("Warehouse", li, null)]);
    const answers = await Promise.all([tab.rate("CSR", li, null, "yes"), tab.rate("Warehouse", li, null, "no")]);
    expect(answers).toMatchObject([{ status: "saved" }, { status: "saved" }]);
    const copies = (await sandbox.control.candidates()).filter((c) => c.email === li.email);
    expect(copies).toHaveLength(1);
    expect([...(copies[0]?.tags ?? [])].sort()).toEqual(["hellohire - csr - yes", "hellohire - warehouse - no"]);
  });

  it("a found candidate with another first name is renamed by the rating, never by the lookup", async () => {
    await createAndUpdateCandidates.setValue(true);
    const sync = service();
    const tab = asTab(sync);
    const annie = { ...ann, firstName: "Annie" };
    expect(await tab.lookup(interviewName, annie, null)).toMatchObject({ status: "found", renameDue: true });
    expect(await sandbox.writes()).toEqual([]);
    expect(await tab.rate(interviewName, annie, null, "yes")).toMatchObject({ status: "saved" });
    const [record] = (await sandbox.control.candidates()).filter((c) => c.id === ANN_ID);
    expect(record?.firstName).toBe("Annie");
    expect(record?.tags).toContain(ours.yes);
  });

  it("a rating for a candidate nobody found, with creation off, is refused and writes nothing", async () => {
    const answer = await service().rate({ candidateId: null, interviewName, rating: "yes", match: null });
    expect(answer).toMatchObject({ status: "error", kind: "not-found" });
    expect(await sandbox.writes()).toEqual([]);
  });

  it("a rating withdrawn before its candidate was created creates nobody", async () => {
    await createAndUpdateCandidates.setValue(true);
    const sync = service();
    const tab = asTab(sync);
    await tab.lookup(interviewName, li, null);
    await sandbox.control.setFaults({ errorRate: 1, errorStatuses: [503] });
    expect(await tab.rate(interviewName, li, null, "yes")).toMatchObject({
      status: "queued",
      moved: { candidateId: expect.stringMatching(/^new:/u), profileUrl: null },
    });
    await sandbox.control.setFaults({});
    expect(await tab.rate(interviewName, li, null, null)).toEqual({ status: "saved", rating: null });
    expect(await outbox()).toEqual([]);
    await sync.flush();
    expect((await sandbox.control.candidates()).filter((c) => c.email === li.email)).toEqual([]);
  });

  it("with create-and-update off (the default), Li is not found and nothing is written", async () => {
    expect(await service().lookup(interviewName, li)).toEqual({ status: "not-found", createAndUpdate: false });
    expect(await sandbox.writes()).toEqual([]);
  });

  it('rate → "saved", the tag is in the sandbox, and the next lookup shows it without an API call', async () => {
    const sync = service();
    await sync.lookup(interviewName, ann);
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null })).toEqual({
      status: "saved",
      rating: "yes",
    });
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes]);
    expect(await outbox()).toEqual([]);
    expect((await writtenRatingTags.getValue())[ratingKey(ANN_ID, interviewName)]).toBe(ours.yes);
    expect(scheduleWake).toHaveBeenLastCalledWith(null);
    await sandbox.control.clearRequests();
    expect(await sync.lookup(interviewName, ann)).toMatchObject({ status: "found", rating: "yes" });
    expect(await sandbox.apiRequests()).toEqual([]);
  });

  it("changing and withdrawing a saved rating replaces and then removes only our tag", async () => {
    await sandbox.control.addCandidate({
      id: "kim",
      firstName: "Kim",
      lastName: "Lee",
      email: "kim@example.com",
      tags: [ours.no],
    });
    const sync = service();
    expect(await sync.rate({ candidateId: "kim", interviewName, rating: "yes", match: null })).toMatchObject({ status: "saved" });
    expect(await sync.rate({ candidateId: "kim", interviewName, rating: "maybe", match: null })).toMatchObject({
      status: "saved",
    });
    expect(await sandbox.control.tags("kim")).toEqual([ours.no, ours.maybe]);
    expect(await sync.rate({ candidateId: "kim", interviewName, rating: null, match: null })).toEqual({
      status: "saved",
      rating: null,
    });
    expect(await sandbox.control.tags("kim")).toEqual([ours.no]);
    expect(await writtenRatingTags.getValue()).toEqual({});
  });

  it('a 503 → "queued"; scheduleWake gets the retry time; flush() once it is due lands the rating exactly once', async () => {
    await sandbox.control.setFaults({ nextErrors: [503] });
    const sync = service();
    const answer = await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null });
    expect(answer).toMatchObject({ status: "queued", rating: "yes" });
    expect(answer.status === "queued" && answer.reason).toMatch(/server error \(503\).*retried automatically/u);
    const entry = await onlyEntry();
    expect(entry).toMatchObject({ state: "pending", attempts: 1, lastError: { kind: "server-error" } });
    expect(entry.nextAttemptAt).toBeGreaterThan(clock);
    expect(scheduleWake).toHaveBeenLastCalledWith(entry.nextAttemptAt);
    expect(await sync.lookup(interviewName, ann)).toMatchObject({
      status: "found",
      rating: null,
      outbox: { state: "queued", rating: "yes" },
    });

    await sandbox.control.clearRequests();
    await sync.flush(); // not due yet: nothing is sent
    expect(await sandbox.apiRequests()).toEqual([]);
    expect(scheduleWake).toHaveBeenLastCalledWith(entry.nextAttemptAt);

    clock = entry.nextAttemptAt;
    await sync.flush();
    await sync.flush();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes]);
    expect(await outbox()).toEqual([]);
    expect(scheduleWake).toHaveBeenLastCalledWith(null);
    expect((await sandbox.apiRequests()).map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["POST", 200],
    ]);
    expect(await sync.lookup(interviewName, ann)).toEqual(expect.objectContaining({ rating: "yes" }));
  });

  it('a dropped connection → "queued" (offline) and lands on the next flush', async () => {
    await sandbox.control.setFaults({ nextDrops: 1 });
    const sync = service();
    expect(await sync.rate({ candidateId: JOSE_ID, interviewName, rating: "no", match: null })).toMatchObject({
      status: "queued",
    });
    expect((await onlyEntry()).lastError?.kind).toBe("offline");
    clock += 60_000;
    await sync.flush();
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", ours.no]);
  });

  it("a 403 (read-only key) fails with the reason; retryOrDiscard(id, 'retry') lands it once the key may write", async () => {
    await useKey(SANDBOX_READONLY_API_KEY);
    const sync = service();
    const answer = await sync.rate({ candidateId: ANN_ID, interviewName, rating: "maybe", match: null });
    expect(answer).toMatchObject({ status: "error", kind: "access-denied" });
    expect(answer.status === "error" && answer.message).toContain("candidates_manage");
    const entry = await onlyEntry();
    expect(entry).toMatchObject({ id: "write-1", state: "failed", lastError: { kind: "access-denied" } });
    expect(scheduleWake).toHaveBeenLastCalledWith(null);
    expect(await sync.lookup(interviewName, ann)).toMatchObject({
      outbox: { state: "failed", rating: "maybe", reason: expect.stringContaining("candidates_manage") },
    });
    // A failed write is not retried by itself.
    clock += 3_600_000;
    await sync.flush();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);

    await useKey(SANDBOX_API_KEY);
    await sync.retryOrDiscard(entry.id, "retry");
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.maybe]);
    expect(await outbox()).toEqual([]);
  });

  it("retryOrDiscard(id, 'discard') drops a failed write without sending it", async () => {
    await sandbox.control.setFaults({ nextErrors: [403] });
    const sync = service();
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "no", match: null })).toMatchObject({
      status: "error",
      kind: "access-denied",
    });
    await sandbox.control.clearRequests();
    await sync.retryOrDiscard("write-1", "discard");
    expect(await outbox()).toEqual([]);
    expect(await sandbox.apiRequests()).toEqual([]);
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);
  });

  it("a refused credential (401) waits for a reconnection, then lands on resumeAfterReconnect()", async () => {
    await useKey("revokedKeyRevokedKey0123456789ab");
    const sync = service();
    const answer = await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null });
    expect(answer).toMatchObject({ status: "queued", reason: expect.stringContaining("reconnected") });
    expect(await onlyEntry()).toMatchObject({ state: "waiting-for-connection" });
    await useKey(SANDBOX_API_KEY);
    await sync.resumeAfterReconnect();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes]);
    expect(await outbox()).toEqual([]);
  });

  it("a rating changed twice before flushing lands only the last one", async () => {
    await sandbox.control.setFaults({ nextErrors: [503, 503, 503] });
    const sync = service();
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null })).toMatchObject({
      status: "queued",
    });
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "maybe", match: null })).toMatchObject({
      status: "queued",
    });
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "no", match: null })).toMatchObject({
      status: "queued",
    });
    expect(await onlyEntry()).toMatchObject({ id: "write-3", rating: "no" });
    await sandbox.control.clearRequests();
    clock += 60_000;
    await sync.flush();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.no]);
    expect((await sandbox.writes()).map((r) => r.method)).toEqual(["POST"]);
  });

  it("a saved rating changed twice while SmartRecruiters is failing ends with only the last one (ours replaced)", async () => {
    const sync = service();
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null })).toMatchObject({
      status: "saved",
    });
    await sandbox.control.setFaults({ nextErrors: [502, 502] });
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "maybe", match: null })).toMatchObject({
      status: "queued",
    });
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: null, match: null })).toMatchObject({
      status: "queued",
    });
    clock += 60_000;
    await sync.flush();
    expect(await sandbox.control.tags(ANN_ID)).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it("queued writes for several candidates all land, oldest first, and the wake is the earliest retry", async () => {
    await sandbox.control.setFaults({ nextErrors: [503, 503, 503] });
    await sandbox.control.addCandidate({ id: "kim", firstName: "Kim", lastName: "Lee", email: "kim@example.com" });
    const sync = service();
    for (const id of [ANN_ID, JOSE_ID, MARY_ID]) {
      expect(await sync.rate({ candidateId: id, interviewName, rating: "yes", match: null })).toMatchObject({ status: "queued" });
      clock += 10;
    }
    const queued = await outbox();
    expect(queued.map((e) => e.candidateId)).toEqual([ANN_ID, JOSE_ID, MARY_ID]);
    expect(scheduleWake).toHaveBeenLastCalledWith(Math.min(...queued.map((e) => e.nextAttemptAt)));
    clock += 60_000;
    expect(await sync.rate({ candidateId: "kim", interviewName, rating: "no", match: null })).toEqual({
      status: "saved",
      rating: "no",
    });
    expect(await outbox()).toEqual([]);
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes]);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", ours.yes]);
    expect(await sandbox.control.tags(MARY_ID)).toEqual([ours.yes]);
    expect(await sandbox.control.tags("kim")).toEqual([ours.no]);
  });

  it("ratings of several candidates sent at the same moment all land", async () => {
    const sync = service();
    const answers = await Promise.all([
      sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null }),
      sync.rate({ candidateId: JOSE_ID, interviewName, rating: "maybe", match: null }),
      sync.rate({ candidateId: MARY_ID, interviewName, rating: "no", match: null }),
    ]);
    // All three are in SmartRecruiters and the outbox is empty, whatever each answer said.
    expect(await sandbox.control.tags(ANN_ID)).toEqual([ours.yes]);
    expect(await sandbox.control.tags(JOSE_ID)).toEqual(["bilingual", "hellohire - warehouse - maybe", ours.maybe]);
    expect(await sandbox.control.tags(MARY_ID)).toEqual([ours.no]);
    expect(await outbox()).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual(["saved", "saved", "saved"]);
  });

  it("with the integration switched off, rating is refused and nothing is sent", async () => {
    await integrationEnabled.setValue(false);
    const sync = service();
    expect(await sync.rate({ candidateId: ANN_ID, interviewName, rating: "yes", match: null })).toMatchObject({
      status: "error",
      kind: "forbidden",
    });
    expect(await sync.lookup(interviewName, ann)).toEqual({ status: "disabled" });
    expect(await sandbox.apiRequests()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });
});
