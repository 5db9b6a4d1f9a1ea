import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addLoopbackForTests, devExtensionId, devPublicKey, manifestFor } from "./manifest";

describe("manifestFor", () => {
  it("asks only for the permissions the extension uses", () => {
    expect(manifestFor({ browser: "chrome", mode: "production" }).permissions).toEqual([
      "storage",
      "identity",
      "alarms",
      "sidePanel",
    ]);
    expect(manifestFor({ browser: "firefox", mode: "production" }).permissions).toEqual(["storage", "identity", "alarms"]);
  });

  it("pins the extension ID with a key in dev/test builds only", () => {
    expect(manifestFor({ browser: "chrome", mode: "test" })).toHaveProperty("key", devPublicKey);
    expect(manifestFor({ browser: "chrome", mode: "production" })).not.toHaveProperty("key");
  });

  it("derives the documented extension ID from the key", () => {
    const hash = createHash("sha256").update(Buffer.from(devPublicKey, "base64")).digest("hex").slice(0, 32);
    const id = [...hash].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join("");
    expect(id).toBe(devExtensionId);
  });
});

describe("addLoopbackForTests", () => {
  it("adds loopback pages to test builds and leaves production alone", () => {
    const test = { host_permissions: ["https://a/*"], content_scripts: [{ matches: ["https://a/*"] }] };
    addLoopbackForTests(test, "test");
    expect(test.content_scripts[0]?.matches).toContain("http://127.0.0.1/*");
    expect(test.host_permissions).toContain("http://localhost/*");
    const production = { host_permissions: ["https://a/*"], content_scripts: [{ matches: ["https://a/*"] }] };
    addLoopbackForTests(production, "production");
    expect(JSON.stringify(production)).not.toMatch(/127\.0\.0\.1|localhost/u);
  });
});
