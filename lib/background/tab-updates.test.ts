import { describe, expect, it, vi } from "vitest";
import { maxPendingRatings, parseTabCommand, type SendTabCommand, type TabCommand } from "../messaging/protocol";
import type { OutboxEntry } from "../sync/outbox";
import { tellTabsConfigChanged, tellTabsOutboxChanged } from "./tab-updates";

const entry = (candidateId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: `id-${candidateId}`,
  candidateId,
  interviewName: "CSR",
  rating: "yes",
  createdAt: 1,
  attempts: 0,
  nextAttemptAt: 1,
  state: "pending",
  ...extra,
});

/** Tabs 1, 2 and 3 with the candidates each was told about; tab 3 no longer answers. */
function tabs(known: Record<number, string[]> = { 1: ["c-1"], 2: ["c-2", "new:abc"], 3: ["c-1"] }) {
  const received: { tabId: number; command: TabCommand }[] = [];
  const send: SendTabCommand = async (tabId, command) => {
    if (tabId === 3) throw new Error("Could not establish connection. Receiving end does not exist.");
    // What the content script would accept: the command as it parses it.
    const parsed = parseTabCommand(command);
    if (parsed) received.push({ tabId, command: parsed });
    return { status: "ok", structure: "" };
  };
  return {
    received,
    deps: {
      tabs: async () => Object.keys(known).map(Number),
      candidateIdsOfTab: async (tabId: number) => known[tabId] ?? [],
      send,
    },
  };
}

describe("tab updates", () => {
  it("tells every tab with a content script that the configuration changed; one that does not answer is skipped", async () => {
    const { received, deps } = tabs();
    await tellTabsConfigChanged(deps);
    expect(received).toEqual([
      { tabId: 1, command: { type: "configChanged" } },
      { tabId: 2, command: { type: "configChanged" } },
    ]);
  });

  it("tells each tab of the pending ratings of its own candidates only, with no key and no person data", async () => {
    const { received, deps } = tabs();
    const person = { firstName: "Nora", lastName: "Lind", email: "nora@example.com" };
    await tellTabsOutboxChanged(
      [
        entry("c-1", { state: "failed", lastError: { kind: "forbidden", message: "No." }, wroteMaybe: true }),
        entry("c-2", { resolvedId: "c-9" }),
        entry("new:abc", { pendingMatch: { person, jobTitle: "CSR" } }),
        entry("c-other"),
      ],
      deps,
    );
    expect(received).toEqual([
      {
        tabId: 1,
        command: {
          type: "outboxChanged",
          entries: [
            {
              candidateId: "c-1",
              interviewName: "CSR",
              rating: "yes",
              state: "failed",
              lastError: { kind: "forbidden", message: "No." },
            },
          ],
        },
      },
      {
        tabId: 2,
        command: {
          type: "outboxChanged",
          entries: [
            { candidateId: "c-2", interviewName: "CSR", rating: "yes", state: "pending" },
            { candidateId: "new:abc", interviewName: "CSR", rating: "yes", state: "pending" },
          ],
        },
      },
    ]);
    expect(JSON.stringify(received)).not.toMatch(/nora|id-c|c-9|c-other/u);
  });

  it("tells a tab its candidate's rating left the outbox (an empty list), and nothing to a tab told of no candidate", async () => {
    const { received, deps } = tabs({ 1: ["c-1"], 4: [] });
    await tellTabsOutboxChanged([], deps);
    expect(received).toEqual([{ tabId: 1, command: { type: "outboxChanged", entries: [] } }]);
  });

  it("sends at most as many entries as a content script accepts, the newest", async () => {
    const ids = Array.from({ length: maxPendingRatings + 5 }, (_, index) => `c-${index}`);
    const { received, deps } = tabs({ 1: ids });
    await tellTabsOutboxChanged(
      ids.map((id) => entry(id)),
      deps,
    );
    const command = received[0]?.command;
    expect(command?.type === "outboxChanged" && command.entries.map((pending) => pending.candidateId)).toEqual(ids.slice(5));
  });

  it("a failed look-up of one tab's candidates does not stop the others", async () => {
    const { received, deps } = tabs({ 1: ["c-1"], 2: ["c-1"] });
    const failing = {
      ...deps,
      candidateIdsOfTab: vi.fn(async (tabId: number) => (tabId === 1 ? Promise.reject(new Error("x")) : ["c-1"])),
    };
    await tellTabsOutboxChanged([entry("c-1")], failing);
    expect(received.map((told) => told.tabId)).toEqual([2]);
  });
});
