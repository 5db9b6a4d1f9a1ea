import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { accountItem, storedCredential } from "../auth/credential-store";
import { type Handlers, type RouterDeps, type RouterSync, route } from "./router";

const trusted = {
  extensionId: "ext",
  extensionOrigin: "chrome-extension://ext/",
  contentPagePatterns: ["https://www.tryhellohire.com/*"],
};
const contentScript = { id: "ext", url: "https://www.tryhellohire.com/events/1/room", tab: { id: 7 } };
const webPage = { id: "ext", url: "https://evil.example/", tab: { id: 8 } };

function deps() {
  const sync: RouterSync = {
    rate: vi.fn(),
    lookup: vi.fn(),
    prefetch: vi.fn(),
    reset: vi.fn(),
    resumeAfterReconnect: vi.fn(),
    retryOrDiscard: vi.fn(),
    candidateRecord: vi.fn(),
  };
  const signIn = vi.fn(async () => "connected" as const);
  const learnAccount = vi.fn(async () => undefined);
  const routerDeps: RouterDeps = { sync, trusted, activeTabId: async () => null, sendToTab: vi.fn(), signIn, learnAccount };
  return { routerDeps, sync, signIn, learnAccount };
}

describe("route: who may ask the background for what", () => {
  it("refuses sign-in, status, disconnect and outbox actions from a content script, touching nothing", async () => {
    const { routerDeps, signIn, sync, learnAccount } = deps();
    for (const message of [
      { type: "connectOAuth", endpoints: {} },
      { type: "connectApiKey", apiKey: "0123456789abcdef0123456789abcdef", endpoints: {} },
      { type: "getStatus" },
      { type: "disconnect" },
      { type: "outboxAction", id: "x", action: "discard" },
      { type: "copyPageStructure" },
    ]) {
      expect(await route(message, contentScript, routerDeps)).toMatchObject({ status: "error", kind: "forbidden" });
    }
    expect(signIn).not.toHaveBeenCalled();
    expect(learnAccount).not.toHaveBeenCalled();
    expect(sync.reset).not.toHaveBeenCalled();
    expect(sync.retryOrDiscard).not.toHaveBeenCalled();
  });

  it("refuses everything from a page the content script does not run on, and from other extensions", async () => {
    const { routerDeps, sync } = deps();
    const rate = { type: "rate", interviewName: "CSR", candidateId: "c1", rating: "yes" };
    expect(await route(rate, webPage, routerDeps)).toMatchObject({ kind: "forbidden", message: "Unknown sender." });
    expect(await route(rate, { ...contentScript, id: "other-extension" }, routerDeps)).toMatchObject({ kind: "forbidden" });
    expect(sync.rate).not.toHaveBeenCalled();
  });

  it("passes a content script's rating on, and the side panel's sign-in", async () => {
    const { routerDeps, sync, signIn } = deps();
    vi.mocked(sync.rate).mockResolvedValue({ status: "saved", rating: "yes" });
    const rate = { type: "rate", interviewName: "CSR", candidateId: "c1", rating: "yes" };
    expect(await route(rate, contentScript, routerDeps)).toEqual({ status: "saved", rating: "yes" });
    expect(sync.rate).toHaveBeenCalledWith("c1", "CSR", "yes");
    await route({ type: "connectOAuth", endpoints: {} }, { id: "ext", url: "chrome-extension://ext/sidepanel.html" }, routerDeps);
    expect(signIn).toHaveBeenCalledWith({});
  });
});

describe("route: the side panel's status", () => {
  const panel = { id: "ext", url: "chrome-extension://ext/sidepanel.html" };
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("asks who the interviewer's own connection belongs to while that is not known, and not once it is", async () => {
    const { routerDeps, learnAccount } = deps();
    expect(await route({ type: "getStatus" }, panel, routerDeps)).toMatchObject({ connection: { connected: false } });
    expect(learnAccount).not.toHaveBeenCalled();
    await storedCredential.setValue({ kind: "apiKey", apiKey: "0123456789abcdef0123456789abcdef" });
    await route({ type: "getStatus" }, panel, routerDeps);
    expect(learnAccount).toHaveBeenCalledTimes(1);
    await accountItem.setValue({ known: true, name: "Sam Rivera", email: null });
    expect(await route({ type: "getStatus" }, panel, routerDeps)).toMatchObject({
      connection: { connected: true, account: { name: "Sam Rivera" } },
    });
    expect(learnAccount).toHaveBeenCalledTimes(1);
  });
});

describe("route: answers typed by their message", () => {
  const panel = { id: "ext", url: "chrome-extension://ext/sidepanel.html" };
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("gives a content script its page's configuration", async () => {
    const { routerDeps } = deps();
    expect(await route({ type: "pageConfig" }, contentScript, routerDeps)).toEqual({
      status: "ok",
      enabled: true,
      markupOverride: null,
    });
  });

  it("asks the active tab's content script for the page structure and hands its answer to the side panel", async () => {
    const { routerDeps } = deps();
    const sendToTab = vi.fn(async () => ({ status: "ok" as const, structure: "<html>" }));
    const answer = await route({ type: "copyPageStructure" }, panel, { ...routerDeps, activeTabId: async () => 7, sendToTab });
    expect(answer).toEqual({ status: "ok", structure: "<html>" });
    expect(sendToTab).toHaveBeenCalledWith(7, { type: "pageStructure" });
  });

  it("does not compile a handler that answers with another message's response", () => {
    const wrong: Pick<Handlers, "prefetch"> = {
      // @ts-expect-error a prefetch is answered { status: "ok" }, not as a rating
      prefetch: async () => ({ status: "saved", rating: "yes" }),
    };
    expect(wrong.prefetch).toBeTypeOf("function");
  });
});
