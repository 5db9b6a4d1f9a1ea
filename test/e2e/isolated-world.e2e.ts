import type { CDPSession, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningTokenEndpoint } from "../../server/token-endpoint/node";
import { SANDBOX_API_KEY, SANDBOX_CLIENT_SECRET } from "../sandbox/credentials";
import { type Environment, startEnvironment } from "./environment";
import { connectWithOAuthInSidePanel, extensionId, extensionUrl } from "./extension";
import { readProtected } from "./protected-storage";
import { startSandboxTokenEndpoint } from "./sandbox-endpoints";
import { openAnnAlone } from "./widget";

/**
 * The next step up from a hostile page script: a Hellohire tab whose renderer is compromised runs
 * code in our content script's own world (the extension's isolated world). Here that world is
 * reached through the DevTools protocol and does everything a content script may: read every
 * storage area it can, write endpoints and policy keys, listen to storage changes while the
 * sign-in rotates its tokens, and ask the background to rate and to create people it chooses.
 */

let env: Environment;
let tokenEndpoint: RunningTokenEndpoint;
let page: Page;
let cdp: CDPSession;
let isolatedWorld: number;

/** The extension's isolated world in the page's main frame. */
async function findIsolatedWorld(session: CDPSession): Promise<number> {
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  session.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
  await session.send("Runtime.enable");
  for (let wait = 0; wait < 50; wait += 1) {
    const ours = contexts.find((context) => context.auxData?.type === "isolated" && context.origin.includes(extensionId));
    if (ours) return ours.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No isolated world of the extension among ${JSON.stringify(contexts.map((c) => [c.name, c.origin]))}`);
}

/** Runs code in the content script's world and returns its JSON result. */
async function inContentWorld<T>(expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression,
    contextId: isolatedWorld,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`In the content script's world: ${JSON.stringify(exceptionDetails)}`);
  return result.value as T;
}

/** The sign-in's tokens as the extension holds them now (read in its own worker, where they live). */
async function heldTokens(worker: Worker): Promise<string[]> {
  const refresh = await readProtected<{ refreshToken?: string }>(worker, "auth.refresh");
  const access = await worker.evaluate(async () => {
    type Session = { get(key: string): Promise<Record<string, unknown>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: Session } } };
    return (await chrome.storage.session.get("auth.access"))["auth.access"] as { accessToken?: string } | undefined;
  });
  return [refresh?.refreshToken, access?.accessToken].filter((token): token is string => typeof token === "string");
}

async function tokenGrants(): Promise<number> {
  return (await env.control.requests()).filter((entry) => entry.path === "/identity/oauth/token").length;
}

const writes = async () =>
  (await env.control.requests()).filter((entry) => entry.method !== "GET" && /^\/candidates/u.test(entry.path));

const stranger = { firstName: "Eve", lastName: "Mallory", email: "eve.mallory@example.com" };

describe("a compromised content script (the extension's isolated world in the Hellohire tab)", () => {
  beforeAll(async () => {
    env = await startEnvironment({ connect: false });
    tokenEndpoint = await startSandboxTokenEndpoint(env.sandbox);
    // Access tokens live 2 s: the refresh token rotates while the page listens.
    await env.control.setModes({ accessTokenTtlSeconds: 2 });
    // The setting that lets the extension create candidates is on (and the sign-in asks for that scope):
    // only the interviewer's own rating may use it.
    const settings = await env.browser.context.newPage();
    await settings.goto(extensionUrl("sidepanel.html"));
    await settings.getByRole("switch", { name: "Create and update candidate profile in SmartRecruiters" }).check();
    await settings.close();
    const panel = await connectWithOAuthInSidePanel(env.browser, { sandbox: env.sandbox, tokenUrl: tokenEndpoint.url });
    await panel.close();
    page = await openAnnAlone(env);
    cdp = await env.browser.context.newCDPSession(page);
    isolatedWorld = await findIsolatedWorld(cdp);
    await env.control.clearRequests();
  }, 60_000);
  afterAll(async () => {
    await tokenEndpoint?.close();
    await env?.close();
  });

  it("sees no credential byte, makes no SmartRecruiters write, and cannot move where secrets go", async () => {
    const tokensBefore = await heldTokens(env.browser.worker);
    expect(tokensBefore.length).toBeGreaterThan(0);

    // 1. Read every area it can; write endpoints, policy and credentials where the extension once kept them; listen.
    const firstLook = await inContentWorld<Record<string, unknown>>(`(async () => {
      const seen = {};
      for (const area of ["local", "sync", "session", "managed"]) {
        try { seen[area] = await chrome.storage[area].get(null); } catch (error) { seen[area] = "refused: " + error.message; }
      }
      globalThis.__changes = [];
      chrome.storage.onChanged.addListener((changes, area) => globalThis.__changes.push({ area, changes }));
      const evil = "https://evil.example";
      await chrome.storage.local.set({
        "settings.endpoints": { apiBaseUrl: evil, tokenUrl: evil + "/token", authorizeUrl: evil + "/authorize", profileUrlTemplate: evil + "/{id}", clientId: "evil" },
        "settings.endpoints$": { v: 1 },
        "policy.cache": { policy: { tokenUrl: evil + "/token", apiBaseUrl: evil, authMode: "oauth" }, problems: [], locked: [] },
        "auth.refresh": { refreshToken: "planted" },
        "auth.credential": { kind: "apiKey", apiKey: "planted0123456789abcdef0123456789" },
        "settings.createAndUpdateCandidates": true,
      });
      try { await chrome.storage.session.set({ "auth.access": { accessToken: "planted" } }); seen.sessionWrite = "written"; }
      catch (error) { seen.sessionWrite = "refused: " + error.message; }
      return seen;
    })()`);
    expect(String(firstLook.session)).toMatch(/^refused/u);
    expect(String(firstLook.sessionWrite)).toMatch(/^refused/u);
    expect(firstLook.local).toEqual({});

    // 2. Ask the background to rate and to create people of its choosing, every way a content script can.
    const answers = await inContentWorld<Record<string, unknown>>(`(async () => {
      const send = (message) => chrome.runtime.sendMessage(message).catch((error) => ({ thrown: error.message }));
      const ann = { firstName: "Ann", lastName: "O'Neil", email: "ann.oneil@example.com" };
      const eve = ${JSON.stringify(stranger)};
      const out = {};
      out.rateStranger = await send({ type: "rate", interviewName: "CSR", candidate: eve, rating: "yes" });
      out.rateByIdOfOldProtocol = await send({ type: "rate", interviewName: "CSR", candidateId: "cand-ann-1", rating: "yes" });
      out.rateAnnElsewhere = await send({ type: "rate", interviewName: "Warehouse", candidate: ann, rating: "no" });
      out.lookupStranger = await send({ type: "lookup", interviewName: "CSR", jobTitle: null, candidate: eve });
      out.rateStrangerAfterLookup = await send({ type: "rate", interviewName: "CSR", candidate: eve, rating: "yes" });
      out.badEmail = await send({ type: "lookup", interviewName: "CSR", jobTitle: null, candidate: { ...eve, email: "x@@y" } });
      out.connect = await send({ type: "connectApiKey", apiKey: "0123456789abcdef0123456789abcdef", endpoints: { tokenUrl: "https://evil.example/token" } });
      out.status = await send({ type: "getStatus" });
      out.disconnect = await send({ type: "disconnect" });
      const many = [];
      for (let i = 0; i < 25; i += 1)
        many.push((await send({ type: "lookup", interviewName: "CSR", jobTitle: null, candidate: { firstName: "P", lastName: "L" + i, email: "p" + i + "@example.com" } })).status);
      out.manyLookups = many;
      return out;
    })()`);
    expect(answers.rateStranger).toMatchObject({ status: "error", kind: "forbidden" });
    expect(answers.rateByIdOfOldProtocol).toMatchObject({ status: "error", kind: "invalid-request" });
    expect(answers.rateAnnElsewhere).toMatchObject({ status: "error", kind: "forbidden" });
    expect(answers.lookupStranger).toEqual({ status: "not-found", createAndUpdate: true });
    expect(answers.rateStrangerAfterLookup).toMatchObject({ status: "error", kind: "forbidden" });
    expect(answers.badEmail).toMatchObject({ status: "error", kind: "invalid-request" });
    for (const name of ["connect", "status", "disconnect"]) expect(answers[name]).toMatchObject({ kind: "forbidden" });
    const many = answers.manyLookups as string[];
    expect(many.filter((status) => status === "error").length).toBeGreaterThanOrEqual(25 - 18);

    // 3. The sign-in rotates its tokens (twice) while a fresh content script world listens: each time the
    // access token has expired, a search ahead (prefetch) of an address not seen yet needs a renewal.
    await page.reload();
    await page.locator("srh-interview-widget").waitFor();
    cdp = await env.browser.context.newCDPSession(page);
    isolatedWorld = await findIsolatedWorld(cdp);
    await inContentWorld(`(async () => {
      globalThis.__changes = [];
      chrome.storage.onChanged.addListener((changes, area) => globalThis.__changes.push({ area, changes }));
    })()`);
    const tokensSeen = [...tokensBefore];
    for (const round of [1, 2]) {
      const grants = await tokenGrants();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await inContentWorld(
        `chrome.runtime.sendMessage({ type: "prefetch", emails: ["ahead${round}.${Date.now()}@example.com"] })`,
      );
      await expect.poll(tokenGrants, { timeout: 15_000 }).toBeGreaterThan(grants);
      tokensSeen.push(...(await heldTokens(env.browser.worker)));
    }
    expect(new Set(tokensSeen).size).toBeGreaterThan(tokensBefore.length);
    const lastLook = await inContentWorld<Record<string, unknown>>(`(async () => {
      const seen = { changes: globalThis.__changes };
      for (const area of ["local", "sync", "managed"]) seen[area] = await chrome.storage[area].get(null);
      return seen;
    })()`);

    // What the content script's world saw holds no credential byte.
    const everythingSeen = JSON.stringify([firstLook, answers, lastLook]);
    for (const secret of [...tokensSeen, SANDBOX_CLIENT_SECRET, SANDBOX_API_KEY])
      expect(everythingSeen.includes(secret), "a credential reached the content script's world").toBe(false);
    expect(lastLook.changes).toEqual([]);

    // No SmartRecruiters write came of any of it.
    expect(await writes()).toEqual([]);

    // The endpoints are the interviewer's, also after the service worker starts again.
    const panel = await env.browser.context.newPage();
    await panel.goto(extensionUrl("sidepanel.html"));
    const workerSession = await env.browser.context.newCDPSession(panel);
    await workerSession.send("ServiceWorker.enable");
    await workerSession.send("ServiceWorker.stopAllWorkers");
    await panel.reload();
    const status = await panel.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        type: "getStatus",
      }),
    );
    expect(status).toMatchObject({
      connection: { connected: true, method: "oauth", endpoints: { tokenUrl: new URL(tokenEndpoint.url).href } },
    });
    expect(JSON.stringify(status)).not.toContain("evil.example");
    await panel.close();
  }, 90_000);
});
