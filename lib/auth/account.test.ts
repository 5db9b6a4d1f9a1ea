import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { cachedPolicySecrets } from "../settings/policy";
import { learnAccount } from "./account";
import { accountToLearn, connectionStatus } from "./connection";
import { accessTokenItem, accountItem, refreshTokenItem } from "./credential-store";

const required = ["candidates_read", "candidates_create", "candidates_manage"];

async function signedIn(scopes: string[]): Promise<void> {
  await refreshTokenItem.setValue({ refreshToken: "r", scopes, connectedAt: 1 });
  await accessTokenItem.setValue({ accessToken: "a", issuedAt: 1, expiresAt: Date.now() + 60_000, scopes, grant: "oauth" });
}

const sam = { id: "u1", firstName: "Sam", lastName: "Rivera", email: "sam.rivera@example.com" };

beforeEach(async () => {
  fakeBrowser.reset();
  await cachedPolicySecrets.setValue({});
});

describe("who the interviewer's sign-in belongs to", () => {
  it("a grant without user_me_read: users/me is never called, the name is left out and not asked again", async () => {
    await signedIn(required);
    const currentUser = vi.fn(async () => sam);
    expect(await accountToLearn(await connectionStatus())).toBe(false);
    await learnAccount(async () => ({ currentUser }));
    expect(currentUser).not.toHaveBeenCalled();
    const status = await connectionStatus();
    expect(status).toMatchObject({ connected: true, account: null });
    expect(await accountToLearn(status)).toBe(false);
  });

  it("a grant with user_me_read: asked once, and named", async () => {
    await signedIn([...required, "user_me_read"]);
    const currentUser = vi.fn(async () => sam);
    expect(await accountToLearn(await connectionStatus())).toBe(true);
    await learnAccount(async () => ({ currentUser }));
    expect(currentUser).toHaveBeenCalledTimes(1);
    expect(await accountItem.getValue()).toEqual({ known: true, name: "Sam Rivera", email: "sam.rivera@example.com" });
    expect((await connectionStatus()).account).toEqual({ name: "Sam Rivera", email: "sam.rivera@example.com" });
  });
});
