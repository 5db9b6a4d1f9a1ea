import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addLoopbackForTests, devExtensionId, devPublicKey, manifestFor } from "./manifest";

/** Mozilla's data types (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/#taxonomy). */
const mozillaDataTypes = [
  "authenticationInfo",
  "bookmarksInfo",
  "browsingActivity",
  "financialAndPaymentInfo",
  "healthInfo",
  "locationInfo",
  "personalCommunications",
  "personallyIdentifyingInfo",
  "searchTerms",
  "websiteActivity",
  "websiteContent",
];

describe("manifestFor", () => {
  it("asks only for the permissions the extension uses", () => {
    expect(manifestFor({ browser: "chrome", mode: "production" }).permissions).toEqual([
      "storage",
      "identity",
      "alarms",
      "scripting",
      "sidePanel",
    ]);
    expect(manifestFor({ browser: "firefox", mode: "production" }).permissions).toEqual([
      "storage",
      "identity",
      "alarms",
      "scripting",
    ]);
  });

  it("may ask at run time for https addresses only (an organisation's own Hellohire address), in each browser's key", () => {
    const chrome = manifestFor({ browser: "chrome", mode: "production" });
    expect(chrome).toHaveProperty("optional_host_permissions", ["https://*/*"]);
    expect(chrome).not.toHaveProperty("optional_permissions");
    const firefox = manifestFor({ browser: "firefox", mode: "production" });
    expect(firefox).toHaveProperty("optional_permissions", ["https://*/*"]);
    expect(firefox).not.toHaveProperty("optional_host_permissions");
  });

  it("pins the extension ID with a key in dev/test builds only", () => {
    expect(manifestFor({ browser: "chrome", mode: "test" })).toHaveProperty("key", devPublicKey);
    expect(manifestFor({ browser: "chrome", mode: "production" })).not.toHaveProperty("key");
  });

  it("declares Firefox's data collection: the candidate's details and the interview name go to SmartRecruiters", () => {
    const gecko = manifestFor({ browser: "firefox", mode: "production" }).browser_specific_settings?.gecko;
    expect(gecko?.data_collection_permissions).toEqual({ required: ["personallyIdentifyingInfo", "websiteContent"] });
    for (const type of gecko?.data_collection_permissions.required ?? []) expect(mozillaDataTypes).toContain(type);
    expect(manifestFor({ browser: "firefox", mode: "test" }).browser_specific_settings).toEqual(
      manifestFor({ browser: "firefox", mode: "production" }).browser_specific_settings,
    );
  });

  it("asks for the Firefox versions that show the data collection consent (140, Android 142)", () => {
    const settings = manifestFor({ browser: "firefox", mode: "production" }).browser_specific_settings;
    expect(settings?.gecko.strict_min_version).toBe("140.0");
    expect(settings?.gecko_android.strict_min_version).toBe("142.0");
  });

  it("keeps Firefox-only settings out of Chromium manifests", () => {
    for (const browser of ["chrome", "edge"]) {
      expect(manifestFor({ browser, mode: "production" })).not.toHaveProperty("browser_specific_settings");
    }
  });

  it("gives Edge the Chrome manifest: side panel and managed policy schema", () => {
    expect(manifestFor({ browser: "edge", mode: "production" })).toEqual(manifestFor({ browser: "chrome", mode: "production" }));
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
    // localhost stands in for an address an organisation adds: granted, but no manifest content script.
    expect(test.content_scripts[0]?.matches).not.toContain("http://localhost/*");
    const production = { host_permissions: ["https://a/*"], content_scripts: [{ matches: ["https://a/*"] }] };
    addLoopbackForTests(production, "production");
    expect(JSON.stringify(production)).not.toMatch(/127\.0\.0\.1|localhost/u);
  });
});
