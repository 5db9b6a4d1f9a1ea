import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { accountItem, storedCredential } from "../auth/credential-store";
import { defaultMarkup } from "../hellohire/markup";
import { cachedPolicy } from "../settings/policy";
import { userSites } from "../settings/user-setup";
import { type Handlers, type RouterDeps, type RouterSync, route } from "./router";
import { setPicking } from "./tab-setup";

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
  const routerDeps: RouterDeps = {
    sync,
    trusted,
    activeTabId: async () => null,
    sendToTab: vi.fn(),
    signIn,
    learnAccount,
    injectSetupPicker: vi.fn(async () => undefined),
    injectMeaningReader: vi.fn(async () => undefined),
    readPageStructure: vi.fn(async () => "<html>"),
  };
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
    const rate = { type: "rate", interviewName: "CSR", candidate: ann, rating: "yes" };
    expect(await route(rate, webPage, routerDeps)).toMatchObject({ kind: "forbidden", message: "Unknown sender." });
    expect(await route(rate, { ...contentScript, id: "other-extension" }, routerDeps)).toMatchObject({ kind: "forbidden" });
    expect(sync.rate).not.toHaveBeenCalled();
  });

  it("passes a content script's rating on, for the candidate its tab looked up and shows, and the side panel's sign-in", async () => {
    const { routerDeps, sync, signIn } = deps();
    vi.mocked(sync.lookup).mockResolvedValue(found("c1"));
    vi.mocked(sync.rate).mockResolvedValue({ status: "saved", rating: "yes" });
    await showAnn(routerDeps);
    const rate = { type: "rate", interviewName: "csr ", candidate: ann, rating: "yes" };
    expect(await route(rate, contentScript, routerDeps)).toEqual({ status: "saved", rating: "yes" });
    expect(sync.rate).toHaveBeenCalledWith({ candidateId: "c1", interviewName: "csr ", rating: "yes", match: null });
    await route({ type: "connectOAuth", endpoints: {} }, { id: "ext", url: "chrome-extension://ext/sidepanel.html" }, routerDeps);
    expect(signIn).toHaveBeenCalledWith({});
  });
});

const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
const found = (candidateId: string) =>
  ({ status: "found", candidateId, profileUrl: `https://x/${candidateId}`, rating: null }) as const;

/** Tab 7 shows Ann in the CSR interview and has looked her up. */
async function showAnn(routerDeps: RouterDeps, tab = contentScript) {
  await route(
    { type: "pageStatus", status: { kind: "one-on-one", interviewName: "CSR", jobTitle: null, candidate: ann } },
    tab,
    routerDeps,
  );
  return route({ type: "lookup", interviewName: "CSR", jobTitle: null, candidate: ann }, tab, routerDeps);
}

describe("route: the page cannot drive the extension", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("refuses a rating for anyone the tab did not look up, or under another interview name, or no longer shown", async () => {
    const { routerDeps, sync } = deps();
    vi.mocked(sync.lookup).mockResolvedValue(found("c1"));
    const rate = (candidate: typeof ann, interviewName = "CSR") => ({ type: "rate", interviewName, candidate, rating: "yes" });
    // Nothing looked up yet.
    expect(await route(rate(ann), contentScript, routerDeps)).toMatchObject({ status: "error", kind: "forbidden" });
    await showAnn(routerDeps);
    const stranger = { firstName: "Eve", lastName: "Mallory", email: "eve@example.com" };
    expect(await route(rate(stranger), contentScript, routerDeps)).toMatchObject({ kind: "forbidden" });
    expect(await route(rate(ann, "Warehouse"), contentScript, routerDeps)).toMatchObject({ kind: "forbidden" });
    // Another tab of the same site did not look Ann up.
    expect(await route(rate(ann), { ...contentScript, tab: { id: 9 } }, routerDeps)).toMatchObject({ kind: "forbidden" });
    // The tab moved on to someone else: Ann's lookup no longer allows her rating from it.
    await route(
      { type: "pageStatus", status: { kind: "one-on-one", interviewName: "CSR", jobTitle: null, candidate: stranger } },
      contentScript,
      routerDeps,
    );
    expect(await route(rate(ann), contentScript, routerDeps)).toMatchObject({ kind: "forbidden" });
    expect(sync.rate).not.toHaveBeenCalled();
  });

  it("a lookup never creates; the rating after one that found nobody asks to create, with the person the tab looked up", async () => {
    const { routerDeps, sync } = deps();
    vi.mocked(sync.lookup).mockResolvedValue({ status: "not-found", createAndUpdate: true });
    vi.mocked(sync.rate).mockResolvedValue({
      status: "queued",
      rating: "yes",
      reason: "offline",
      moved: { candidateId: "new:1", profileUrl: null },
    });
    await showAnn(routerDeps);
    const rate = { type: "rate", interviewName: "CSR", candidate: ann, rating: "yes" };
    await route(rate, contentScript, routerDeps);
    expect(sync.rate).toHaveBeenLastCalledWith({
      candidateId: null,
      interviewName: "CSR",
      rating: "yes",
      match: { person: ann, jobTitle: null },
    });
    // The next rating replaces the queued one: same placeholder.
    await route({ ...rate, rating: "no" }, contentScript, routerDeps);
    expect(sync.rate).toHaveBeenLastCalledWith(expect.objectContaining({ candidateId: "new:1", rating: "no" }));
  });

  it("checks the email's syntax before any call", async () => {
    const { routerDeps, sync } = deps();
    const lookup = { type: "lookup", interviewName: "CSR", jobTitle: null, candidate: { ...ann, email: "ann@@x" } };
    expect(await route(lookup, contentScript, routerDeps)).toMatchObject({ status: "error", kind: "invalid-request" });
    await route({ type: "prefetch", emails: ["not an email", "x@y"] }, contentScript, routerDeps);
    expect(sync.lookup).not.toHaveBeenCalled();
    expect(sync.prefetch).toHaveBeenCalledWith([]);
  });

  it("looks up at most 20 distinct people per tab in 10 minutes; the same person again is always answered", async () => {
    const { routerDeps, sync } = deps();
    vi.mocked(sync.lookup).mockResolvedValue({ status: "not-found", createAndUpdate: false });
    const person = (i: number) => ({ firstName: "P", lastName: `L${i}`, email: `p${i}@example.com` });
    const lookup = (i: number, tab = contentScript) =>
      route({ type: "lookup", interviewName: "CSR", jobTitle: null, candidate: person(i) }, tab, routerDeps);
    for (let i = 0; i < 20; i += 1) expect(await lookup(i)).toEqual({ status: "not-found", createAndUpdate: false });
    expect(await lookup(20)).toMatchObject({ status: "error", kind: "rate-limited" });
    expect(await lookup(3)).toEqual({ status: "not-found", createAndUpdate: false });
    expect(await lookup(20, { ...contentScript, tab: { id: 9 } })).toEqual({ status: "not-found", createAndUpdate: false });
    expect(sync.lookup).toHaveBeenCalledTimes(22);
    const emails = Array.from({ length: 5 }, (_, i) => `q${i}@example.com`);
    for (let round = 0; round < 5; round += 1)
      await route({ type: "prefetch", emails: emails.map((e) => `${round}${e}`) }, contentScript, routerDeps);
    const searched = vi.mocked(sync.prefetch).mock.calls.flatMap(([list]) => list);
    expect(searched).toHaveLength(20);
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
      markup: null,
      overrideSource: null,
    });
  });

  it("saves the picked set-up for the sending page's site, tells that tab, and serves it as the page's override", async () => {
    const { routerDeps } = deps();
    const sendToTab = vi.fn(async () => ({ status: "ok" as const }));
    const selectors = { room: "main", candidateCard: "#candidate", candidateName: "h2" };
    const withTab = { ...routerDeps, sendToTab };
    // Not while no picker was started in that tab.
    expect(await route({ type: "setupPicked", selectors }, contentScript, withTab)).toMatchObject({ status: "error" });
    // Tab 7 and another tab of the same site have reported what their pages show; a tab of another site too.
    const sameSite = { ...contentScript, tab: { id: 9 } };
    const otherSite = { ...contentScript, url: "https://app.tryhellohire.com/room", tab: { id: 11 } };
    const wide = { ...withTab, trusted: { ...trusted, contentPagePatterns: ["https://*.tryhellohire.com/*"] } };
    for (const sender of [contentScript, sameSite, otherSite])
      await route({ type: "pageStatus", status: { kind: "not-interview" } }, sender, wide);
    await setPicking(7, "jobTitle");
    // Not from a frame of the page either.
    expect(await route({ type: "setupPicked", selectors }, { ...contentScript, frameId: 3 }, withTab)).toMatchObject({
      status: "error",
    });
    expect(await route({ type: "setupPicked", selectors }, contentScript, withTab)).toEqual({ status: "ok" });
    expect(sendToTab).toHaveBeenCalledWith(7, { type: "configChanged" });
    expect(sendToTab).toHaveBeenCalledWith(9, { type: "configChanged" });
    expect(sendToTab).not.toHaveBeenCalledWith(11, expect.anything());
    expect(await route({ type: "pageConfig" }, contentScript, withTab)).toEqual({
      status: "ok",
      enabled: true,
      markup: { selectors: { ...defaultMarkup.selectors, ...selectors }, patterns: defaultMarkup.patterns },
      overrideSource: "user",
    });
    // Another site does not get it.
    const other = { ...contentScript, url: "https://app.tryhellohire.com/room" };
    const wider = { ...withTab, trusted: { ...trusted, contentPagePatterns: ["https://*.tryhellohire.com/*"] } };
    expect(await route({ type: "pageConfig" }, other, wider)).toMatchObject({ markup: null, overrideSource: null });
  });

  it("prefers the organisation's selectorOverrides to the interviewer's own set-up", async () => {
    const routerDeps = { ...deps().routerDeps, sendToTab: vi.fn(async () => ({ status: "ok" as const })) };
    await setPicking(7, "jobTitle");
    await route({ type: "setupPicked", selectors: { room: "main" } }, contentScript, routerDeps);
    const override = { selectors: { room: "#org-room" } };
    await cachedPolicy.setValue({ policy: { selectorOverrides: override }, problems: [] });
    expect(await route({ type: "pageConfig" }, contentScript, routerDeps)).toMatchObject({
      markup: { selectors: { ...defaultMarkup.selectors, room: "#org-room" } },
      overrideSource: "policy",
    });
    // An override with a problem is refused whole, each problem named: the page reads with the defaults.
    const refused = { selectors: { room: "#org-room", colour: "main" }, patterns: { emailLabel: "(a+)+" } };
    await cachedPolicy.setValue({ policy: { selectorOverrides: refused }, problems: [] });
    expect(await route({ type: "pageConfig" }, contentScript, routerDeps)).toEqual({
      status: "ok",
      enabled: true,
      markup: null,
      overrideSource: "policy",
      overrideProblems: ["selectors.colour is not a known entry", expect.stringMatching(/^patterns\.emailLabel repeats a group/)],
    });
  });

  it("adds a site for Use on this site from the side panel only, and only an https site pattern", async () => {
    const { routerDeps } = deps();
    const panelPage = { id: "ext", url: "chrome-extension://ext/sidepanel.html" };
    expect(await route({ type: "useOnSite", pattern: "https://hire.acme.com/*" }, contentScript, routerDeps)).toMatchObject({
      status: "error",
      kind: "forbidden",
    });
    for (const pattern of ["https://*/*", "ftp://hire.acme.com/*", "https://hire.acme.com"])
      expect(await route({ type: "useOnSite", pattern }, panelPage, routerDeps)).toMatchObject({ status: "error" });
    expect(await userSites.getValue()).toEqual([]);
    expect(await route({ type: "useOnSite", pattern: "https://hire.acme.com/*" }, panelPage, routerDeps)).toEqual({
      status: "ok",
    });
    expect(await userSites.getValue()).toEqual(["https://hire.acme.com/*"]);
  });

  it("refuses a set-up with unknown entries or empty selectors, and set-up commands from a page", async () => {
    const { routerDeps } = deps();
    for (const selectors of [{ notAnEntry: "main" }, { room: "" }, {}])
      expect(await route({ type: "setupPicked", selectors }, contentScript, routerDeps)).toMatchObject({ status: "error" });
    for (const type of ["startSetup", "removeSetup"])
      expect(await route({ type }, contentScript, routerDeps)).toMatchObject({ status: "error", kind: "forbidden" });
    expect(await route({ type: "pageConfig" }, contentScript, routerDeps)).toMatchObject({ overrideSource: null });
  });

  it("reads the active Hellohire tab's page structure for the side panel, and no other tab's", async () => {
    const { routerDeps } = deps();
    const readPageStructure = vi.fn(async (): Promise<unknown> => "<html>\n  <body>");
    const onTab7 = { ...routerDeps, activeTabId: async () => 7, readPageStructure };
    // Tab 7's content script has not said what its page shows: not a Hellohire page, nothing is injected.
    expect(await route({ type: "copyPageStructure" }, panel, onTab7)).toMatchObject({ status: "error" });
    expect(readPageStructure).not.toHaveBeenCalled();
    await route({ type: "pageStatus", status: { kind: "not-interview" } }, contentScript, onTab7);
    expect(await route({ type: "copyPageStructure" }, panel, onTab7)).toEqual({ status: "ok", structure: "<html>\n  <body>" });
    expect(readPageStructure).toHaveBeenCalledWith(7);
    // A script that answered nothing readable, or could not run (the tab navigated away): a clear refusal.
    readPageStructure.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error("Frame with ID 0 was removed."));
    for (let i = 0; i < 2; i++)
      expect(await route({ type: "copyPageStructure" }, panel, onTab7)).toMatchObject({
        status: "error",
        message: expect.stringContaining("Hellohire"),
      });
    // Not for a content script.
    expect(await route({ type: "copyPageStructure" }, contentScript, onTab7)).toMatchObject({
      status: "error",
      kind: "forbidden",
    });
  });

  it("does not compile a handler that answers with another message's response", () => {
    const wrong: Pick<Handlers, "prefetch"> = {
      // @ts-expect-error a prefetch is answered { status: "ok" }, not as a rating
      prefetch: async () => ({ status: "saved", rating: "yes" }),
    };
    expect(wrong.prefetch).toBeTypeOf("function");
  });
});
