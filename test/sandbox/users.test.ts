// @vitest-environment node

import { describe, expect, it } from "vitest";
import { SANDBOX_READONLY_API_KEY } from "./credentials";
import { call, codeTokens, json, useSandboxServer } from "./test-helpers";
import { SANDBOX_USER, USERS_ME_PATH } from "./users";

const sandbox = useSandboxServer();

describe("sandbox: users/me", () => {
  it("answers the user of a credential with user_me_read, and logs the call", async () => {
    const token = (await codeTokens(sandbox, "candidates_read user_me_read")).access_token;
    for (const options of [{}, { token }]) {
      const response = await call(sandbox.url, USERS_ME_PATH, options);
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ firstName: SANDBOX_USER.firstName, lastName: SANDBOX_USER.lastName });
    }
    expect((await sandbox.control.requests()).filter((entry) => entry.path === USERS_ME_PATH)).toHaveLength(2);
  });

  it("answers 403 OAuthPermissionsException naming user_me_read to a credential without it", async () => {
    const token = (await codeTokens(sandbox, "candidates_read candidates_manage")).access_token;
    for (const options of [{ token }, { key: SANDBOX_READONLY_API_KEY }]) {
      const response = await call(sandbox.url, USERS_ME_PATH, options);
      expect(response.status).toBe(403);
      const body = await json<{ message: string; errors: { code: string }[] }>(response);
      expect(body.errors[0]?.code).toBe("OAuthPermissionsException");
      expect(body.message).toContain("user_me_read");
    }
  });

  it("401 without a credential, 403 in mode usersMe forbidden, 404 for other methods", async () => {
    expect((await call(sandbox.url, USERS_ME_PATH, { key: null })).status).toBe(401);
    expect((await call(sandbox.url, USERS_ME_PATH, { method: "POST" })).status).toBe(404);
    await sandbox.control.setModes({ usersMe: "forbidden" });
    const refused = await call(sandbox.url, USERS_ME_PATH);
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ errors: [{ code: "OAuthPermissionsException" }] });
  });
});
