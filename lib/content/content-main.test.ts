import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultMarkup } from "../hellohire/markup";
import { type FakeAnswers, fakeSend } from "../messaging/fake-send";
import { type PendingRating, parseRequest, type Request } from "../messaging/protocol";
import { runContentScript } from "./content-main";
import type { ContentExtensionApi, MessageListener } from "./extension-api";
import { startInterviewPage } from "./interview-page";

// The interview page itself is tested in interview-page.test.tsx: here, what the content script hands it.
const page = { refresh: vi.fn(), outboxChanged: vi.fn(), rate: vi.fn() };
vi.mock("./interview-page", () => ({ startInterviewPage: vi.fn(() => page) }));

/** The content script with the background answering `answers`; what it sent, and the background's way to command it. */
function start(answers: FakeAnswers) {
  vi.mocked(startInterviewPage).mockClear();
  const sent: Request[] = [];
  let listener: MessageListener | undefined;
  const storageListener = vi.fn();
  const api: ContentExtensionApi & { storage: unknown } = {
    runtime: {
      id: "ext",
      getURL: (path: string) => `moz-extension://ext-uuid/${path}`,
      sendMessage: fakeSend(answers, (request) => {
        const parsed = parseRequest(request);
        if (parsed) sent.push(parsed);
      }),
      onMessage: {
        addListener: (added) => {
          listener = added;
        },
        removeListener: () => undefined,
      },
    },
    // What the browser also offers a content script: it must not listen there.
    storage: { onChanged: { addListener: storageListener, removeListener: () => undefined } },
  };
  const controller = new AbortController();
  runContentScript(api, document, controller.signal);
  /** A message as the background sends it: from the extension, not from a tab. */
  const command = (message: unknown, sender: { id?: string; tab?: unknown; url?: string } = { id: "ext" }) => {
    const answer = vi.fn();
    listener?.(message, sender, answer);
    return answer;
  };
  return { sent, command, storageListener, stop: () => controller.abort() };
}

describe("runContentScript", () => {
  let stop: () => void = () => undefined;
  afterEach(() => {
    stop();
    document.body.innerHTML = "";
  });

  it("asks again for its configuration when no background answered (Firefox's background page reloading)", async () => {
    let calls = 0;
    const script = start({
      pageConfig: () => {
        calls += 1;
        if (calls === 1) throw new Error("Could not establish connection. Receiving end does not exist.");
        return { status: "ok", enabled: true, markup: null, overrideSource: null };
      },
    });
    stop = script.stop;
    await vi.waitFor(() => expect(startInterviewPage).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    expect(calls).toBe(2);
  });

  it("reports the page disabled when the background refuses its configuration", async () => {
    const script = start({
      pageConfig: () => ({ status: "error", kind: "forbidden", message: "Unknown sender." }),
      pageStatus: () => ({ status: "ok" }),
    });
    stop = script.stop;
    await vi.waitFor(() => expect(script.sent).toContainEqual({ type: "pageStatus", status: { kind: "disabled" } }));
  });

  it("answers the background's commands, and ignores other senders and commands", async () => {
    const script = start({ pageConfig: () => ({ status: "ok", enabled: false, markup: null, overrideSource: null }) });
    stop = script.stop;
    const shortcut = { type: "rateShortcut", rating: "yes" } as const;
    expect(script.command(shortcut)).toHaveBeenCalledWith({ status: "ok" });
    expect(script.command(shortcut, { id: "ext", tab: { id: 1 } })).not.toHaveBeenCalled();
    expect(
      script.command(shortcut, { id: "ext", tab: { id: 1 }, url: "https://evil.example/moz-extension://ext-uuid/" }),
    ).not.toHaveBeenCalled();
    // Firefox: our side panel shown in a tab sends with that tab named.
    expect(
      script.command(shortcut, { id: "ext", tab: { id: 2 }, url: "moz-extension://ext-uuid/sidepanel.html" }),
    ).toHaveBeenCalled();
    expect(script.command(shortcut, { id: "other" })).not.toHaveBeenCalled();
    expect(script.command({ type: "rateShortcut", rating: "definitely" })).not.toHaveBeenCalled();
    expect(script.command({ type: "pageStructure" })).not.toHaveBeenCalled();
  });

  it("asks its configuration again when the background says a setting or the policy changed, and only then", async () => {
    let enabled = false;
    const script = start({
      pageConfig: () => ({ status: "ok", enabled, markup: null, overrideSource: null }),
      pageStatus: () => ({ status: "ok" }),
    });
    stop = script.stop;
    await vi.waitFor(() => expect(script.sent).toContainEqual({ type: "pageStatus", status: { kind: "disabled" } }));
    enabled = true;
    expect(script.command({ type: "configChanged" }, { id: "ext", tab: { id: 1 } })).not.toHaveBeenCalled();
    expect(script.command({ type: "configChanged" })).toHaveBeenCalledWith({ status: "ok" });
    await vi.waitFor(() => expect(startInterviewPage).toHaveBeenCalledTimes(1));
    expect(script.sent.filter((request) => request.type === "pageConfig")).toHaveLength(2);
    expect(script.storageListener).not.toHaveBeenCalled();
  });

  it("runs the page with the defaults when the background refused the interviewer's own set-up, and says whose it was", async () => {
    const script = start({
      pageConfig: () => ({
        status: "ok",
        enabled: true,
        markup: null,
        overrideSource: "user",
        overrideProblems: ["selectors.colour is not a known entry"],
      }),
    });
    stop = script.stop;
    await vi.waitFor(() => expect(vi.mocked(startInterviewPage).mock.lastCall?.[0]).toMatchObject({ ignoredOverride: "user" }));
    expect(vi.mocked(startInterviewPage).mock.lastCall?.[0]).toMatchObject({
      tableSource: "default",
      overrideProblems: ["selectors.colour is not a known entry"],
    });
  });

  it("refuses an organisation's table with a selector this browser cannot parse (the background has no DOM to check)", async () => {
    const markup = { ...defaultMarkup, selectors: { ...defaultMarkup.selectors, room: "main >>> .room", candidateName: "h2" } };
    const script = start({ pageConfig: () => ({ status: "ok", enabled: true, markup, overrideSource: "policy" }) });
    stop = script.stop;
    await vi.waitFor(() => expect(startInterviewPage).toHaveBeenCalled());
    const options = vi.mocked(startInterviewPage).mock.lastCall?.[0];
    expect(options).toMatchObject({
      tableSource: "default",
      overrideProblems: ["selectors.room is not valid"],
      ignoredOverride: "policy",
    });
    expect(options?.markup).toBeUndefined();
  });

  it("reads the page with the table the background checked, and says it is the organisation's", async () => {
    const markup = { ...defaultMarkup, selectors: { ...defaultMarkup.selectors, room: "#org-room" } };
    const script = start({ pageConfig: () => ({ status: "ok", enabled: true, markup, overrideSource: "policy" }) });
    stop = script.stop;
    await vi.waitFor(() => expect(startInterviewPage).toHaveBeenCalled());
    expect(vi.mocked(startInterviewPage).mock.lastCall?.[0]).toMatchObject({ tableSource: "policy", markup });
    expect(vi.mocked(startInterviewPage).mock.lastCall?.[0]).not.toHaveProperty("overrideProblems");
  });

  it("hands the page the pending ratings the background sends, and ignores a list that is not one", async () => {
    const script = start({ pageConfig: () => ({ status: "ok", enabled: true, markup: null, overrideSource: null }) });
    stop = script.stop;
    await vi.waitFor(() => expect(startInterviewPage).toHaveBeenCalled());
    const entries: PendingRating[] = [
      { candidateId: "c-1", interviewName: "CSR", rating: "yes", state: "pending" },
      {
        candidateId: "c-2",
        interviewName: "CSR",
        rating: null,
        state: "failed",
        lastError: { kind: "forbidden", message: "No." },
      },
    ];
    expect(script.command({ type: "outboxChanged", entries })).toHaveBeenCalledWith({ status: "ok" });
    expect(page.outboxChanged).toHaveBeenLastCalledWith(entries);
    page.outboxChanged.mockClear();
    const tooMany = Array.from({ length: 101 }, () => entries[0]);
    for (const bad of [
      { type: "outboxChanged", entries: tooMany },
      { type: "outboxChanged", entries: [{ ...entries[0], state: "landed" }] },
      { type: "outboxChanged", entries: [{ ...entries[1], lastError: { kind: "made-up", message: "x" } }] },
      { type: "outboxChanged", entries: "[]" },
    ])
      expect(script.command(bad)).not.toHaveBeenCalled();
    expect(script.command({ type: "outboxChanged", entries: [] }, { id: "other" })).not.toHaveBeenCalled();
    expect(page.outboxChanged).not.toHaveBeenCalled();
  });
});
