import type { Page, Worker } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningTokenEndpoint } from "../../server/token-endpoint/node";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import { type Environment, startEnvironment } from "./environment";
import {
  connectWithOAuthInSidePanel,
  extensionUrl,
  type OAuthOptions,
  startOAuthInSidePanel,
  waitUntilConnected,
} from "./extension";
import { allProtected } from "./protected-storage";
import { sandboxEndpoints, startSandboxTokenEndpoint } from "./sandbox-endpoints";
import { openAnnAlone, ratingButton, widget } from "./widget";

let env: Environment;
/** The organisation's token endpoint, holding the client secret SmartRecruiters requires (as docs/token-endpoint.md says). */
let tokenEndpoint: RunningTokenEndpoint;
/** Token requests the endpoint forwarded to the sandbox. */
let forwarded = 0;
const annId = seedCandidates[0]?.id as string;

/** Signing in as an interviewer of an organisation that runs the token endpoint. */
const viaEndpoint = (window: OAuthOptions["window"] = "auto"): OAuthOptions => ({
  sandbox: env.sandbox,
  tokenUrl: tokenEndpoint.url,
  window,
});

/**
 * Everything the extension keeps, read in its own worker: `local`, what outlives a restart (its
 * IndexedDB, items removed left out; storage.local, which content scripts can read, must stay empty),
 * and `session` (storage.session).
 */
async function extensionStorage(worker: Worker): Promise<{ local: Record<string, unknown>; session: Record<string, unknown> }> {
  const areas = await worker.evaluate(async () => {
    type Area = { get(keys: null): Promise<Record<string, unknown>> };
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } };
    return { local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) };
  });
  expect(areas.local).toEqual({});
  const kept = Object.entries(await allProtected(worker)).filter(([, value]) => value !== null && value !== undefined);
  return { local: Object.fromEntries(kept), session: areas.session };
}

async function refreshTokenNow(): Promise<string> {
  const { local } = await extensionStorage(env.browser.worker);
  return (local["auth.refresh"] as { refreshToken: string } | undefined)?.refreshToken ?? "";
}

async function tokenRequests(): Promise<number> {
  return (await env.control.requests()).filter((entry) => entry.path === "/identity/oauth/token").length;
}

/** Token requests SmartRecruiters (the sandbox) answered, by status: a dropped one (0) granted nothing. */
async function tokenAnswers(): Promise<number[]> {
  return (await env.control.requests())
    .filter((entry) => entry.path === "/identity/oauth/token" && entry.status !== 0)
    .map((entry) => entry.status);
}

async function openPanel(): Promise<Page> {
  const panel = await env.browser.context.newPage();
  await panel.goto(extensionUrl("sidepanel.html"));
  return panel;
}

async function disconnectIfConnected(): Promise<void> {
  const panel = await openPanel();
  const disconnect = panel.getByRole("button", { name: "Disconnect" });
  await panel.getByTestId("connection-status").waitFor();
  if (await disconnect.count()) await disconnect.click();
  await panel.getByTestId("connection-status").filter({ hasText: "Not connected" }).waitFor();
  await panel.close();
}

describe("signing in to SmartRecruiters with OAuth (sandbox)", () => {
  beforeAll(async () => {
    env = await startEnvironment({ connect: false });
    tokenEndpoint = await startSandboxTokenEndpoint(env.sandbox, {
      fetch: (input, init) => {
        forwarded += 1;
        return fetch(input, init);
      },
    });
  });
  afterAll(async () => {
    await tokenEndpoint?.close();
    await env?.close();
  });
  beforeEach(async () => {
    await env.control.reset();
  });
  afterEach(async () => {
    await disconnectIfConnected();
  });

  it("connects through the auto-approving page, rates, and disconnect leaves no token anywhere", async () => {
    const panel = await connectWithOAuthInSidePanel(env.browser, viaEndpoint());
    expect(await panel.getByTestId("connection-status").textContent()).toContain("with your SmartRecruiters account");
    // Who is signed in, as SmartRecruiters' users/me says: asked once, kept for the session only.
    await panel
      .getByTestId("connection-account")
      .filter({ hasText: "Signed in as Sam Rivera (sam.rivera@sandbox.example)" })
      .waitFor();
    expect((await env.control.requests()).filter((entry) => entry.path.endsWith("/users/me"))).toHaveLength(1);
    const { local, session } = await extensionStorage(env.browser.worker);
    expect(session["auth.account"]).toMatchObject({ name: "Sam Rivera" });
    expect(JSON.stringify(local)).not.toContain("Sam Rivera");
    const access = (session["auth.access"] as { accessToken: string }).accessToken;
    expect(access).toBeTruthy();
    expect(JSON.stringify(local)).not.toContain(access);
    expect(local["auth.refresh"]).toBeTruthy();

    const page = await openAnnAlone(env);
    await ratingButton(page, "Yes").click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    const bearer = (await env.control.requests()).filter((entry) => entry.path.startsWith("/candidates"));
    expect(bearer.length).toBeGreaterThan(0);
    expect(bearer.every((entry) => entry.credential?.startsWith("bearer"))).toBe(true);

    await panel.getByRole("button", { name: "Disconnect" }).click();
    await panel.getByTestId("connection-status").filter({ hasText: "Not connected" }).waitFor();
    const after = await extensionStorage(env.browser.worker);
    expect(Object.keys(after.local).filter((key) => key.startsWith("auth."))).toEqual([]);
    expect(Object.keys(after.session).filter((key) => key.startsWith("auth."))).toEqual([]);
    await page.close();
    await panel.close();
  });

  it("connects when the interviewer clicks Allow on SmartRecruiters' page", async () => {
    await env.control.setModes({ authorizePage: "click" });
    const panel = await openPanel();
    await startOAuthInSidePanel(panel, viaEndpoint("allow"));
    await waitUntilConnected(panel);
    await panel.close();
  });

  it("closing the sign-in window quietly leaves it not connected; Deny too", async () => {
    await env.control.setModes({ authorizePage: "click" });
    const panel = await openPanel();
    for (const window of ["close", "deny"] as const) {
      await startOAuthInSidePanel(panel, viaEndpoint(window));
      await panel.getByRole("button", { name: "Connect to SmartRecruiters" }).waitFor();
      await expect.poll(() => panel.getByRole("button", { name: "Connect to SmartRecruiters" }).isEnabled()).toBe(true);
      expect(await panel.getByTestId("connection-status").textContent()).toContain("Not connected");
      expect(await panel.getByRole("alert").count()).toBe(0);
      await panel.reload();
    }
    expect(await tokenRequests()).toBe(0);
    await panel.close();
  });

  it("SmartRecruiters wants the client secret: a sign-in straight to its token URL is refused, with the fix named", async () => {
    const panel = await openPanel();
    await startOAuthInSidePanel(panel, { sandbox: env.sandbox, tokenUrl: sandboxEndpoints(env.sandbox).tokenUrl });
    const alert = panel.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/token endpoint|secret/iu);
    expect(await panel.getByTestId("connection-status").textContent()).toContain("Not connected");
    await panel.close();
  });

  it("through the organisation's reference token endpoint: the secret stays there, refreshes go through it", async () => {
    forwarded = 0;
    await env.control.setModes({ accessTokenTtlSeconds: 2 });
    const panel = await connectWithOAuthInSidePanel(env.browser, viaEndpoint());
    expect(forwarded).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const page = await openAnnAlone(env);
    await ratingButton(page, "Maybe").click();
    await widget(page).getByText("Saved to SmartRecruiters").waitFor();
    expect(forwarded).toBeGreaterThanOrEqual(2);
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - maybe"]);
    await page.close();
    await panel.close();
  });

  it("a token expiring while ratings wait offline is refreshed once, rotated, and every rating lands", async () => {
    await env.control.setModes({ accessTokenTtlSeconds: 2 });
    const panel = await connectWithOAuthInSidePanel(env.browser, viaEndpoint());
    const firstRefresh = await refreshTokenNow();
    const page = await openAnnAlone(env);
    await env.control.setFaults({ dropRate: 1 });
    await ratingButton(page, "No").click();
    // Queued: SmartRecruiters could not be reached, or, when the 2 s token ran out before the click (a busy machine),
    // the token endpoint could not reach it for the refresh (it answers 502). Either way the rating waits.
    await widget(page).getByText("Queued:", { exact: false }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    // The token has expired; the next one lasts, so exactly one refresh is expected from here.
    await env.control.setModes({ accessTokenTtlSeconds: 1800 });
    await env.control.clearRequests();
    await env.control.setFaults({});
    await expect.poll(() => env.control.tags(annId), { timeout: 20_000 }).toEqual(["hellohire - csr - no"]);
    // One refresh granted, none refused (a one-time refresh token used twice would be): a refresh still under way when
    // SmartRecruiters came back may have been dropped first.
    expect(await tokenAnswers()).toEqual([200]);
    const rotated = await refreshTokenNow();
    expect(rotated).not.toBe(firstRefresh);
    expect(rotated).not.toBe("");
    // The old refresh token is spent: SmartRecruiters (the sandbox) refuses it.
    const reuse = await fetch(sandboxEndpoints(env.sandbox).tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: firstRefresh,
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
      }),
    });
    expect(reuse.status).toBe(400);
    await page.close();
    await panel.close();
  });

  it("a revoked grant asks to reconnect, keeps the rating, and sends it after reconnecting", async () => {
    const panel = await connectWithOAuthInSidePanel(env.browser, viaEndpoint());
    const page = await openAnnAlone(env);
    await env.control.revoke();
    await ratingButton(page, "Yes").click();
    await widget(page).getByText("reconnected", { exact: false }).waitFor();
    await panel.getByTestId("auth-problem").filter({ hasText: "Reconnect to SmartRecruiters" }).waitFor();
    expect(await env.control.tags(annId)).toEqual([]);
    await panel.getByRole("button", { name: "Reconnect to SmartRecruiters" }).click();
    await waitUntilConnected(panel);
    await expect.poll(() => env.control.tags(annId), { timeout: 15_000 }).toEqual(["hellohire - csr - yes"]);
    expect(await panel.getByTestId("auth-problem").count()).toBe(0);
    await page.close();
    await panel.close();
  });
});
