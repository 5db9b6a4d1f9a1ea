import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_API_KEY, SANDBOX_SYSTEM_CLIENT_ID, SANDBOX_SYSTEM_CLIENT_SECRET } from "../sandbox/credentials";
import { seedCandidates } from "../shared/people";
import { type Environment, startEnvironment } from "./environment";
import { canWritePolicy, managedStorage, removeExtensionPolicy, writeExtensionPolicy } from "./policy";
import { allProtected } from "./protected-storage";
import { sandboxEndpoints } from "./sandbox-endpoints";
import { openAnnAlone, ratingButton, widget } from "./widget";

let env: Environment;
const annId = seedCandidates[0]?.id as string;
const policyPickup = { timeout: 20_000, interval: 500 };

async function setPolicy(values: Record<string, unknown>) {
  writeExtensionPolicy(env.browser.build, values);
  await expect.poll(() => managedStorage(env.browser.worker), policyPickup).toEqual(values);
}

function sandboxAddresses() {
  // Client credentials use the API host's token URL, as SmartRecruiters documents.
  const { apiBaseUrl, profileUrlTemplate } = sandboxEndpoints(env.sandbox);
  return { apiBaseUrl, profileUrlTemplate, tokenUrl: `${env.sandbox.url}/identity/oauth/token` };
}

async function rateAnn(rating: string): Promise<Page> {
  const page = await openAnnAlone(env);
  await ratingButton(page, rating).click();
  await widget(page).getByText("Saved to SmartRecruiters").waitFor();
  return page;
}

async function expectConnectedByOrganisation(method: string): Promise<void> {
  const panel = await env.browser.context.newPage();
  await panel.goto(env.browser.url("sidepanel.html"));
  const status = panel.getByTestId("connection-status");
  await status.filter({ hasText: `Connected by your organisation with ${method}` }).waitFor({ timeout: 10_000 });
  for (const name of ["Disconnect", "Connect to SmartRecruiters", "Connect with API key"])
    expect(await panel.getByRole("button", { name }).count()).toBe(0);
  await panel.close();
}

describe.skipIf(!canWritePolicy())("organisation credentials from a policy file (needs root)", () => {
  beforeAll(async () => {
    // The interviewer has not connected: the organisation's credential is all there is.
    env = await startEnvironment({ connect: false, ownId: true });
  });
  afterEach(async () => {
    removeExtensionPolicy(env.browser.build);
    await expect.poll(() => managedStorage(env.browser.worker), policyPickup).toEqual({});
    await env.control.reset();
  });
  afterAll(async () => {
    if (env) removeExtensionPolicy(env.browser.build);
    await env?.close();
  });

  it("client credentials: connected by the organisation, ratings land with its token", async () => {
    await setPolicy({
      authMode: "clientCredentials",
      clientId: SANDBOX_SYSTEM_CLIENT_ID,
      clientSecret: SANDBOX_SYSTEM_CLIENT_SECRET,
      ...sandboxAddresses(),
    });
    await expectConnectedByOrganisation("the organisation's SmartRecruiters credential");
    const page = await rateAnn("Yes");
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - yes"]);
    const calls = (await env.control.requests()).filter((entry) => entry.path.startsWith("/candidates"));
    expect(calls.every((entry) => entry.credential === "bearer")).toBe(true);
    const local = await env.browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } };
      return chrome.storage.local.get(null);
    });
    expect(JSON.stringify(local)).not.toContain(SANDBOX_SYSTEM_CLIENT_SECRET);
    expect(JSON.stringify(await allProtected(env.browser.worker))).not.toContain(SANDBOX_SYSTEM_CLIENT_SECRET);
    await page.close();
  });

  it("API key: connected by the organisation, ratings land with X-SmartToken", async () => {
    await setPolicy({ authMode: "apiKey", apiKey: SANDBOX_API_KEY, ...sandboxAddresses() });
    await expectConnectedByOrganisation("an API key");
    const page = await rateAnn("No");
    expect(await env.control.tags(annId)).toEqual(["hellohire - csr - no"]);
    const calls = (await env.control.requests()).filter((entry) => entry.path.startsWith("/candidates"));
    expect(calls.every((entry) => entry.credential === "apikey")).toBe(true);
    await page.close();
  });

  it("a policy sign-in mode without its credential is ignored, with a notice naming it", async () => {
    await setPolicy({ authMode: "clientCredentials", clientId: SANDBOX_SYSTEM_CLIENT_ID, ...sandboxAddresses() });
    const panel = await env.browser.context.newPage();
    await panel.goto(env.browser.url("sidepanel.html"));
    await panel.getByText("authMode clientCredentials needs clientId and clientSecret", { exact: false }).waitFor();
    expect(await panel.getByTestId("connection-status").textContent()).toContain("Not connected");
    await panel.close();
  });
});
