import { describe, expect, it } from "vitest";
import { scopesToAskAgain } from "./needed-scopes";

const signedIn = (scopes: string[]) => ({ connected: true, method: "oauth" as const, byOrganisation: false, scopes });
const off = { createAndUpdateCandidates: false };
const on = { createAndUpdateCandidates: true };

describe("scopesToAskAgain: what a new sign-in must ask for the current settings", () => {
  it("a sign-in made with create-and-update off lacks nothing while it stays off", () => {
    expect(scopesToAskAgain(signedIn(["candidates_read", "candidates_manage", "user_me_read"]), off)).toEqual([]);
  });

  it("create-and-update switched on (or set by policy) after that sign-in: candidates_create", () => {
    expect(scopesToAskAgain(signedIn(["candidates_read", "candidates_manage", "user_me_read"]), on)).toEqual([
      "candidates_create",
    ]);
  });

  it("a grant with candidates_create lacks nothing; optional scopes (jobs_read, user_me_read) never ask again", () => {
    expect(scopesToAskAgain(signedIn(["candidates_read", "candidates_manage", "candidates_create"]), on)).toEqual([]);
  });

  it("an API key, the organisation's credential, or no connection: nothing to ask", () => {
    expect(scopesToAskAgain({ connected: true, method: "apiKey", byOrganisation: false, scopes: [] }, on)).toEqual([]);
    expect(scopesToAskAgain({ connected: true, method: "clientCredentials", byOrganisation: true, scopes: [] }, on)).toEqual([]);
    expect(scopesToAskAgain({ connected: false, method: null, byOrganisation: false, scopes: [] }, on)).toEqual([]);
  });
});
