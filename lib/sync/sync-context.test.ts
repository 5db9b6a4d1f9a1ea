import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TokenKeeper } from "../auth/tokens";
import type { SmartRecruitersClient } from "../smartrecruiters/client";
import { connectionReuseMs, createSyncContext } from "./sync-context";

const connectedClient = vi.hoisted(() => vi.fn());
vi.mock("../auth/connection", () => ({ connectedClient }));

function context(clock: { now: number }) {
  return createSyncContext({
    tokens: {} as TokenKeeper,
    canReadJobs: async () => false,
    canCreateCandidates: async () => false,
    now: () => clock.now,
  });
}

const answer = (name: string) => ({ client: { name } as unknown as SmartRecruitersClient, profileUrlTemplate: `${name}/{id}` });

describe("the sync context's sign-in set-up", () => {
  beforeEach(() => {
    connectedClient.mockReset();
    connectedClient.mockImplementation(async () => answer(`read-${connectedClient.mock.calls.length}`));
  });

  it("is read once for calls within a second (a rating's flush reuses the read started as it arrived), then again", async () => {
    const clock = { now: 0 };
    const sync = context(clock);
    const [first, second] = await Promise.all([sync.connect(), sync.connect()]);
    clock.now = connectionReuseMs - 1;
    const third = await sync.connect();
    expect([first, second, third].map((result) => result.profileUrlTemplate)).toEqual([
      "read-1/{id}",
      "read-1/{id}",
      "read-1/{id}",
    ]);
    clock.now = connectionReuseMs;
    expect((await sync.connect()).profileUrlTemplate).toBe("read-2/{id}");
    expect(sync.client()).toEqual({ name: "read-2" });
  });

  it("is read again at once after a failed read, and after a reset (a new credential)", async () => {
    const clock = { now: 0 };
    const sync = context(clock);
    connectedClient.mockRejectedValueOnce(new Error("storage unavailable"));
    await expect(sync.connect()).rejects.toThrow("storage unavailable");
    expect((await sync.connect()).profileUrlTemplate).toBe("read-2/{id}");
    sync.reset();
    expect((await sync.connect()).profileUrlTemplate).toBe("read-3/{id}");
  });
});
